"""Newer and older neighbours for each article page."""

from __future__ import annotations

from pelican import signals


def link_neighbours(articles) -> None:
    """Set ``newer`` and ``older`` on each of ``articles`` (newest first)."""
    for index, article in enumerate(articles):
        article.newer = articles[index - 1] if index > 0 else None
        article.older = articles[index + 1] if index + 1 < len(articles) else None


def add_neighbours(generator):
    link_neighbours(generator.articles)


def register():
    signals.article_generator_finalized.connect(add_neighbours)
