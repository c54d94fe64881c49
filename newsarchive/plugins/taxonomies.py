"""Constant-time membership for the article lists of tags, publishers, authors.

For each tag, category and author page Pelican keeps the articles of
``dates`` that are ``in`` that page's list of articles: a list scan per
article, so tags × articles × articles per tag in all (6 s of a 10,000
article build with 300 entities, growing with the square of the archive).
Giving those lists a set-backed ``in`` makes each page linear, with the same
pages and the same order.
"""

from __future__ import annotations

from pelican import signals


class ArticleList(list):
    """A list whose ``in`` asks a set of identities, rebuilt when it grows."""

    def __init__(self, articles=()):
        super().__init__(articles)
        self._ids = {id(member) for member in self}

    def __contains__(self, item) -> bool:
        # Millions of calls in a large archive: no more than it needs.
        ids = self._ids
        if len(ids) != len(self):
            ids = self._ids = {id(member) for member in self}
        return id(item) in ids


def index_members(generator) -> None:
    """Swap each taxonomy's article list for an ``ArticleList``.

    Categories and authors are changed in place: the generator's context
    holds the same lists.
    """
    for tag, articles in generator.tags.items():
        generator.tags[tag] = ArticleList(articles)
    # Pelican's context holds the tags as a list of pairs, copied from the dict.
    generator.context["tags"] = list(generator.tags.items())
    for groups in (generator.categories, generator.authors):
        for index, (name, articles) in enumerate(groups):
            groups[index] = (name, ArticleList(articles))


def register():
    signals.article_generator_finalized.connect(index_members)
