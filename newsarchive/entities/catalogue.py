"""The entity list: what the archive tags articles with.

Two data files make it: ``countries.toml``, generated from a country database
(``invoke entitydata`` refreshes it), and ``entities.toml``, kept by hand. An
entry in ``entities.toml`` whose name is a generated country extends that
country (more aliases, context rules) instead of replacing it.

``load_entities`` is the one place both files are read and checked: the
tagger, the entity pages and the regeneration all go through it.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pelican.utils import slugify

DATA = Path(__file__).parent.parent / "data"
COUNTRIES_FILE = DATA / "countries.toml"
ENTITIES_FILE = DATA / "entities.toml"
DEFAULT_FILES = (COUNTRIES_FILE, ENTITIES_FILE)
TYPES = ("country", "place", "person", "organisation")
TYPE_LABELS = {
    "country": "Countries",
    "place": "Places",
    "person": "People",
    "organisation": "Organisations",
}
# countries.toml also records each country's ISO codes, for readers of the
# file; the tagger has no use for them.
_ENTRY_KEYS = {"name", "type", "aliases", "alone", "context", "codes"}
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
    # A person's short forms (``short_forms``) that name them on their own,
    # with no full name earlier in the article: "Putin", not "Aliyev".
    alone: tuple[str, ...] = ()

    @property
    def short_forms(self) -> tuple[str, ...]:
        """A person's surname, or a first name, alone: their one-word aliases
        and the last word of each longer name. Such a form names the person
        only after their full name, or when listed as ``alone``; other people
        may share it."""
        if self.type != "person":
            return ()
        forms = []
        for form in self.surface_forms:
            short = form if " " not in form else form.rsplit(" ", 1)[1]
            if short not in forms and short[:1].isupper():
                forms.append(short)
        return tuple(forms)

    @property
    def full_forms(self) -> tuple[str, ...]:
        """The forms that name the entity wherever they appear."""
        short = set(self.short_forms)
        return tuple(form for form in self.surface_forms if form not in short)

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


def _context(raw: object, where: str) -> Context:
    if not isinstance(raw, dict):
        raise EntitiesFileError(f"{where}: context must be a table")
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
    entries = data.get("entity", [])
    # "[entity]" instead of "[[entity]]" makes one table, not a list of them.
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise EntitiesFileError(f"{path}: entities must be [[entity]] tables")
    return entries


def _aliases(raw: dict, where: str) -> tuple[str, ...]:
    aliases = raw.get("aliases", [])
    # A stray space would make an alias that no text ever matches.
    if not isinstance(aliases, list) or not all(
        isinstance(a, str) and a and a == a.strip() for a in aliases
    ):
        raise EntitiesFileError(
            f"{where}: aliases must be a list of trimmed, non-empty strings"
        )
    return tuple(aliases)


def _entity(raw: dict, where: str, name: str, previous: Entity | None) -> Entity:
    """One [[entity]] table, merged into the same-named entity of an earlier file."""
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise EntitiesFileError(f"{where}: unknown key(s) {sorted(unknown)}")
    aliases = _aliases(raw, where)
    context = _context(raw.get("context", {}), where)
    alone = _aliases({"aliases": raw.get("alone", [])}, f"{where} (alone)")
    if previous is None:
        kind = raw.get("type")
        if kind not in TYPES:
            raise EntitiesFileError(f"{where}: type must be one of {', '.join(TYPES)}")
        entity = Entity(name, kind, aliases, context, alone)
    else:
        entity = Entity(
            name,
            previous.type,
            previous.aliases + aliases,
            context or previous.context,
            previous.alone + alone,
        )
    stray = [form for form in entity.alone if form not in entity.short_forms]
    if stray:
        raise EntitiesFileError(
            f"{where}: alone lists {stray}, which are not the person's surname or"
            " one-word aliases"
        )
    return entity


def _check_repeats(entity: Entity, where: str, extended: bool) -> None:
    forms = entity.surface_forms
    repeated = sorted({form for form in forms if forms.count(form) > 1})
    if repeated:
        # Exact repeats only: "NATO" and "Nato" are two aliases, matching being
        # case-sensitive.
        hint = (
            "; an earlier file (usually the generated countries.toml) already"
            " gives it, so drop it here"
            if extended
            else ""
        )
        raise EntitiesFileError(f"{where}: lists {repeated} more than once{hint}")


def _claim(
    entity: Entity,
    where: str,
    owners: dict[str, tuple[str, str]],
    slugs: dict[str, str],
) -> None:
    """An alias or slug shared by two entities would tag articles arbitrarily.

    Aliases compare ignoring case: the matcher also looks for the ALL-CAPS form
    of an alias, so "Nato" and "NATO" must not name two entities.
    """
    for form in entity.surface_forms:
        owner, first = owners.setdefault(form.casefold(), (entity.name, form))
        if owner != entity.name:
            same = "" if first == form else f" (as {first!r}; case is ignored)"
            raise EntitiesFileError(
                f"{where}: alias {form!r} belongs to both {owner!r}"
                f" and {entity.name!r}{same}"
            )
    other = slugs.setdefault(entity.slug, entity.name)
    if other != entity.name:
        raise EntitiesFileError(
            f"{where}: {other!r} and {entity.name!r} have the same slug {entity.slug!r}"
        )


def _merge(files: Iterable[tuple[str, list[dict]]]) -> list[Entity]:
    merged: dict[str, Entity] = {}
    owners: dict[str, tuple[str, str]] = {}  # casefolded form: (entity, form)
    slugs: dict[str, str] = {}
    for file, entries in files:
        named_here: set[str] = set()
        for raw in entries:
            name = raw.get("name")
            if not isinstance(name, str) or not name.strip():
                raise EntitiesFileError(f"{file}: every [[entity]] needs a name")
            where = f"{file}: entity {name!r}"
            if name in named_here:
                raise EntitiesFileError(f"{where}: listed twice")
            named_here.add(name)
            previous = merged.get(name)
            if previous and raw.get("type", previous.type) != previous.type:
                raise EntitiesFileError(
                    f"{file}: {name!r} extends the {previous.type} of that name,"
                    f" so its type must be {previous.type!r}"
                )
            entity = _entity(raw, where, name, previous)
            _check_repeats(entity, where, previous is not None)
            _claim(entity, where, owners, slugs)
            merged[name] = entity
    return list(merged.values())


@functools.cache
def load_entities(paths: tuple[Path, ...] = DEFAULT_FILES) -> EntityList:
    """Every entity in the files, merged in order, checked, sorted by name.

    Cached, since every article is tagged against it: call
    ``load_entities.cache_clear()`` after rewriting a file.
    """
    entities = _merge((str(path), _entries(path)) for path in paths)
    return EntityList(tuple(sorted(entities, key=lambda e: e.name)))
