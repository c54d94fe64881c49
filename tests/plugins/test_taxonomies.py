"""Constant-time membership for taxonomy article lists (newsarchive.plugins.taxonomies)."""

from __future__ import annotations

from newsarchive.plugins.taxonomies import ArticleList


class Thing:
    pass


def test_membership_is_by_identity_and_follows_appends():
    first, second, other = Thing(), Thing(), Thing()
    members = ArticleList([first])
    assert first in members
    assert second not in members
    members.append(second)
    assert second in members
    assert other not in members
    assert members == [first, second]


def test_pelicans_date_filter_keeps_the_same_articles_in_the_same_order():
    dates = [Thing() for _ in range(50)]
    tagged = [dates[i] for i in (3, 7, 11, 40)]
    plain = [a for a in dates if a in tagged]
    fast = [a for a in dates if a in ArticleList(tagged)]
    assert fast == plain == tagged
