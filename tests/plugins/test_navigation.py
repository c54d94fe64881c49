"""The order of articles, and each article's newer and older neighbours."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from newsarchive.plugins.navigation import link_neighbours, newest_first


@dataclass
class Item:
    source_path: str
    date: datetime.datetime


def day(number: int) -> datetime.datetime:
    return datetime.datetime(2020, 11, number, tzinfo=datetime.UTC)


def test_articles_of_one_day_keep_the_order_of_their_paths_whatever_the_input():
    items = [
        Item("b.txt", day(10)),
        Item("c.txt", day(11)),
        Item("a.txt", day(10)),
        Item("d.txt", day(10)),
    ]
    expected = ["c.txt", "a.txt", "b.txt", "d.txt"]
    for shuffled in (items, list(reversed(items))):
        articles = list(shuffled)
        newest_first(articles)
        assert [a.source_path for a in articles] == expected


def test_adding_an_article_moves_only_its_neighbours():
    articles = [Item(f"{name}.txt", day(10)) for name in "abde"]
    newest_first(articles)
    link_neighbours(articles)
    before = {a.source_path: (a.newer, a.older) for a in articles}
    articles.append(Item("c.txt", day(10)))
    newest_first(articles)
    link_neighbours(articles)
    moved = {
        a.source_path
        for a in articles
        if before.get(a.source_path) != (a.newer, a.older)
    }
    assert moved == {"b.txt", "c.txt", "d.txt"}
