"""The order of articles, and the newer and older neighbours of each."""

from __future__ import annotations

from operator import attrgetter

from pelican import signals


def link_neighbours(articles) -> None:
    """Set ``newer`` and ``older`` on each of ``articles`` (newest first)."""
    for index, article in enumerate(articles):
        article.newer = articles[index - 1] if index > 0 else None
        article.older = articles[index + 1] if index + 1 < len(articles) else None


def newest_first(articles) -> None:
    """Sort ``articles`` newest first, in place; one day's by source path.

    Pelican keeps the order it found the files in among articles of the same
    date, and that order is the file system's: adding a file can shuffle it,
    and with it the newer and older links of every page of that day.
    """
    articles.sort(key=attrgetter("source_path"))
    articles.sort(key=attrgetter("date"), reverse=True)


def order_articles(generator):
    newest_first(generator.articles)


def add_neighbours(generator):
    link_neighbours(generator.articles)


def register():
    signals.article_generator_pretaxonomy.connect(order_articles)
    signals.article_generator_finalized.connect(add_neighbours)
