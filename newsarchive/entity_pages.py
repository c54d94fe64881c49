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

from newsarchive.entities import TYPE_LABELS, TYPES, Entity, load_entities

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


def add_entity_pages(generator):
    related_max = generator.settings.get("ENTITY_RELATED_MAX", ENTITY_RELATED_MAX)
    pages = entity_pages(generator.articles, load_entities(), related_max)
    for article in generator.articles:
        article.entity_groups = article_groups(article, pages)
    generator.context["ENTITY_PAGES"] = pages
    generator.context["ENTITY_GROUPS"] = by_type(pages)
    generator.context["ENTITY_TYPE_LABELS"] = TYPE_LABELS


def register():
    signals.article_generator_finalized.connect(add_entity_pages)
