"""One address per article, even when an outlet repeats a headline on one day.

Outlets do run the same headline twice on one day (live pages, updated
reports), and both reports belong in the archive. Pelican would stop the
build with a traceback when the second is written over the first; instead the
later file, in the order of source paths so that every build agrees, gets a
numbered slug, and a warning names both files.

Once unique, each address is fixed as the article's URL override, the same
attribute a ``URL:`` metadata line sets: Pelican otherwise formats the URL
again, date and all, every time a template or plugin asks for it (hundreds of
thousands of times in a large archive, a quarter of its build).
"""

from __future__ import annotations

import logging
import os
from operator import attrgetter

from pelican import signals

logger = logging.getLogger(__name__)


def make_unique(articles) -> list[tuple[object, object]]:
    """Renumber the slugs of articles whose address is taken.

    Returns ``(article, first)`` for each renamed article, ``first`` being
    the article that keeps the address.
    """
    owners = {}
    renamed = []
    for article in sorted(articles, key=attrgetter("source_path")):
        # Formatted from the settings on every use: once here.
        base, number, save_as = article.slug, 1, article.save_as
        first = owners.get(save_as)
        while save_as in owners:
            number += 1
            article.slug = f"{base}-{number}"
            save_as = article.save_as
        owners[save_as] = article
        if first is not None:
            renamed.append((article, first))
    return renamed


def fix_urls(articles) -> None:
    for article in articles:
        article.override_url = article.url


def give_unique_urls(generator) -> None:
    articles = [*generator.articles, *generator.hidden_articles]
    renamed = make_unique(articles)
    fix_urls(articles)
    for article, first in renamed:
        logger.warning(
            "%s has the publisher, date and headline of %s: published at %s",
            os.path.relpath(article.source_path, generator.path),
            os.path.relpath(first.source_path, generator.path),
            article.url,
        )


def register():
    signals.article_generator_pretaxonomy.connect(give_unique_urls)
