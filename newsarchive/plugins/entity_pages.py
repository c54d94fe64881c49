"""What entity pages need beyond Pelican's tag pages: type, aliases, company.

Entities are Pelican tags (the reader sets them), so Pelican already writes
one paginated page and one feed per entity. This plugin adds, for the
templates, each entity's record and the entities most often mentioned in the
same articles.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pelican import signals

from newsarchive.entities.catalogue import TYPE_LABELS, TYPES, Entity
from newsarchive.entities.tagging import describe

logger = logging.getLogger(__name__)

ENTITY_RELATED_MAX = 10


@dataclass(frozen=True)
class EntityPage:
    entity: Entity
    tag: object  # the Pelican Tag: its url and slug
    articles: int
    related: tuple[tuple[object, int], ...]  # (Tag, shared articles), most first


def entity_pages(
    articles: Iterable, entities, related_max: int = ENTITY_RELATED_MAX
) -> dict[str, EntityPage]:
    """Tag name -> EntityPage for every entity at least one article mentions."""
    tags = {}
    counts: Counter[str] = Counter()
    together: dict[str, Counter[str]] = {}
    for article in articles:
        article_tags = getattr(article, "tags", ())
        names = [tag.name for tag in article_tags]
        for tag in article_tags:
            tags[tag.name] = tag
        counts.update(names)
        for name in names:
            company = together.setdefault(name, Counter())
            company.update(other for other in names if other != name)
    pages = {}
    for name, count in counts.items():
        entity = entities.by_name.get(name)
        if entity is None:
            # A tag set by hand in a Markdown page, not from the entity list.
            continue
        ranked = sorted(together[name].items(), key=lambda item: (-item[1], item[0]))
        related = tuple((tags[other], shared) for other, shared in ranked[:related_max])
        pages[name] = EntityPage(entity, tags[name], count, related)
    return pages


def by_type(pages: dict[str, EntityPage]) -> list[tuple[str, str, list[EntityPage]]]:
    """(type, label, pages most mentioned first) for each type that has any."""
    groups = []
    for kind in TYPES:
        members = [page for page in pages.values() if page.entity.type == kind]
        members.sort(key=lambda page: (-page.articles, page.entity.name))
        if members:
            groups.append((kind, TYPE_LABELS[kind], members))
    return groups


def article_groups(article, pages: dict[str, EntityPage]):
    """(type label, [(Tag, mentions)]) for an article, most mentioned first."""
    mentions = getattr(article, "mentions", {})
    groups = []
    for kind in TYPES:
        members = [
            (tag, mentions.get(tag.name, 0))
            for tag in getattr(article, "tags", ())
            if tag.name in pages and pages[tag.name].entity.type == kind
        ]
        members.sort(key=lambda member: (-member[1], member[0].name))
        if members:
            groups.append((TYPE_LABELS[kind], members))
    return groups


MORE_ABOUT_ENTITIES = 2
MORE_ABOUT_ARTICLES = 3


def _nearest(members: list, here: int, count: int) -> list:
    """Up to ``count`` members next to position ``here``, closest first."""
    around = [i for i in range(here - count, here + count + 1) if i != here]
    inside = [i for i in around if 0 <= i < len(members)]
    chosen = sorted(inside, key=lambda i: (abs(i - here), i))[:count]
    return [members[i] for i in sorted(chosen)]


def more_about(articles, entities_max=MORE_ABOUT_ENTITIES, per=MORE_ABOUT_ARTICLES):
    """For each article, its top entities with the articles nearest in time.

    ``articles`` are newest first and carry ``entity_groups``; each entity's
    own list keeps that order, so an article's neighbours in it are the
    coverage closest to its date.
    """
    lists: dict[str, list] = {}
    for article in articles:
        for tag in getattr(article, "tags", ()):
            lists.setdefault(tag.name, []).append(article)
    position = {
        (name, id(article)): index
        for name, members in lists.items()
        for index, article in enumerate(members)
    }
    for article in articles:
        ranked = sorted(
            (member for _, members in article.entity_groups for member in members),
            key=lambda member: (-member[1], member[0].name),
        )
        picks = []
        for tag, _ in ranked[:entities_max]:
            here = position[(tag.name, id(article))]
            nearest = _nearest(lists[tag.name], here, per)
            if nearest:
                picks.append((tag, nearest))
        article.more_about = picks


def add_entity_pages(generator):
    related_max = generator.settings.get("ENTITY_RELATED_MAX", ENTITY_RELATED_MAX)
    names = {
        tag.name
        for article in generator.articles
        for tag in getattr(article, "tags", ())
    }
    pages = entity_pages(generator.articles, describe(names), related_max)
    for article in generator.articles:
        article.entity_groups = article_groups(article, pages)
    more_about(generator.articles)
    generator.context["ENTITY_PAGES"] = pages
    generator.context["ENTITY_GROUPS"] = by_type(pages)
    generator.context["ENTITY_TYPE_LABELS"] = TYPE_LABELS


def register():
    signals.article_generator_finalized.connect(add_entity_pages)
