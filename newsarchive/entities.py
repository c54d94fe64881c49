"""The entity list: what the archive tags articles with.

Two data files make it: ``countries.toml``, generated from a country database
(``invoke entitydata`` refreshes it), and ``entities.toml``, kept by hand. An
entry in ``entities.toml`` whose name is a generated country extends that
country (more aliases, context rules) instead of replacing it.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pelican.utils import slugify

DATA = Path(__file__).parent / "data"
DEFAULT_FILES = (DATA / "countries.toml", DATA / "entities.toml")
TYPES = ("country", "place", "person", "organisation")
TYPE_LABELS = {
    "country": "Countries",
    "place": "Places",
    "person": "People",
    "organisation": "Organisations",
}
_CONTEXT_KEYS = {
    "reject_if_article_mentions",
    "accept_if_article_mentions",
    "reject_if_preceded_by",
    "reject_if_followed_by",
    "reject_if_followed_by_capitalised",
}


class EntitiesFileError(ValueError):
    pass


@dataclass(frozen=True)
class Context:
    """When a mention of an alias is not a mention of the entity."""

    reject_if_article_mentions: tuple[str, ...] = ()
    accept_if_article_mentions: tuple[str, ...] = ()
    reject_if_preceded_by: tuple[str, ...] = ()
    reject_if_followed_by: tuple[str, ...] = ()
    # "Jordan Peterson": a capitalised word right after makes it a longer name.
    reject_if_followed_by_capitalised: bool = False

    def __bool__(self) -> bool:
        return self != Context()


@dataclass(frozen=True)
class Entity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    context: Context = field(default_factory=Context)

    @property
    def slug(self) -> str:
        return slugify(self.name, regex_subs=[(r"[^\w\s-]", ""), (r"[-\s]+", "-")])

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The name and every alias, as they may appear in text."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class EntityList:
    entities: tuple[Entity, ...]

    @functools.cached_property
    def by_name(self) -> dict[str, Entity]:
        return {entity.name: entity for entity in self.entities}

    def __len__(self) -> int:
        return len(self.entities)


def _context(raw: dict, where: str) -> Context:
    unknown = set(raw) - _CONTEXT_KEYS
    if unknown:
        raise EntitiesFileError(f"{where}: unknown context key(s) {sorted(unknown)}")
    values = {}
    for key, value in raw.items():
        if key == "reject_if_followed_by_capitalised":
            if not isinstance(value, bool):
                raise EntitiesFileError(f"{where}: {key} must be true or false")
            values[key] = value
        else:
            if not isinstance(value, list) or not all(
                isinstance(v, str) for v in value
            ):
                raise EntitiesFileError(f"{where}: {key} must be a list of strings")
            values[key] = tuple(value)
    return Context(**values)


def _entries(path: Path) -> list[dict]:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise EntitiesFileError(f"{path}: {error}") from error
    return data.get("entity", [])


def _merge(entries: Iterable[tuple[dict, str]]) -> list[Entity]:
    merged: dict[str, Entity] = {}
    for raw, where in entries:
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise EntitiesFileError(f"{where}: every [[entity]] needs a name")
        where = f"{where}: entity {name!r}"
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(
            isinstance(a, str) for a in aliases
        ):
            raise EntitiesFileError(f"{where}: aliases must be a list of strings")
        context = _context(raw.get("context", {}), where)
        previous = merged.get(name)
        kind = raw.get("type", previous.type if previous else None)
        if kind not in TYPES:
            raise EntitiesFileError(f"{where}: type must be one of {', '.join(TYPES)}")
        if previous is not None:
            aliases = [
                *previous.aliases,
                *(a for a in aliases if a not in previous.aliases),
            ]
            context = context or previous.context
        merged[name] = Entity(name, kind, tuple(aliases), context)
    return list(merged.values())


def _check_unique(entities: list[Entity]) -> None:
    """An alias or slug shared by two entities would tag articles arbitrarily."""
    owners: dict[str, str] = {}
    slugs: dict[str, str] = {}
    for entity in entities:
        for form in entity.surface_forms:
            owner = owners.setdefault(form, entity.name)
            if owner != entity.name:
                raise EntitiesFileError(
                    f"alias {form!r} belongs to both {owner!r} and {entity.name!r}"
                )
        other = slugs.setdefault(entity.slug, entity.name)
        if other != entity.name:
            raise EntitiesFileError(
                f"{other!r} and {entity.name!r} have the same slug {entity.slug!r}"
            )


@functools.cache
def load_entities(paths: tuple[Path, ...] = DEFAULT_FILES) -> EntityList:
    entries = [(raw, str(path)) for path in paths for raw in _entries(path)]
    entities = _merge(entries)
    _check_unique(entities)
    return EntityList(tuple(sorted(entities, key=lambda e: e.name)))
