"""Entities as the generator writes them: the forms each may take, and where
writing one would spoil it or another."""

from __future__ import annotations

import bisect
import functools
import math
import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsarchive.entities.catalogue import Context, Entity, EntityList
from newsarchive.entities.matcher import rejected_by_neighbours
from tools.generate.publishers import _WIRE_CITIES
from tools.generate.templates import _ENTITY_KINDS, _SENTENCE_TEMPLATES

# Zipf–Mandelbrot popularity, weight 1 / (rank + 2) ** 1.5: a few entities in
# most articles, most in a few. Written with sqrt (correctly rounded, unlike
# pow) so that the weights are the same bits on every platform.
_RANK_OFFSET = 2


# fmt: off
_DEMONYM_ENDINGS = (
    "ese", "ish", "ian", "ean", "an", "i", "ic", "ch", "x", "ois", "be",
)
_OFFICIAL_WORDS = frozenset((
    "of", "Republic", "Kingdom", "Federation", "Principality", "Commonwealth",
    "State", "Union", "Region", "Special",
))
_THE_FIRST = frozenset((
    "Republic", "Democratic", "Isle", "Commonwealth", "Union", "Kingdom",
))
_THE_LAST = frozenset((
    "Islands", "Republic", "States", "Kingdom", "Emirates", "Territories",
    "Territory", "Caucasus", "corridor", "Corridor", "Bahamas", "Netherlands",
    "Philippines", "Maldives", "Seychelles", "Gambia", "Comoros",
))
# fmt: on
_ABBREVIATION = re.compile(r"[A-Z][A-Z.]+")


def _is_latin(text: str) -> bool:
    """Written in the Latin script: the archive's text is English."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


@functools.cache
def _needs_the(form: str) -> bool:
    """'the United States', 'the Bahamas', 'the US'; never 'the Turkey'."""
    words = form.split()
    return (
        words[-1] in _THE_LAST
        or words[0] in _THE_FIRST
        or bool(_ABBREVIATION.fullmatch(form))
    )


def _alias_role(name: str, alias: str, aliases: Sequence[str]) -> str | None:
    """How a country's alias can be written: None when it is best left out."""
    words = alias.split()
    if not _is_latin(alias) or _OFFICIAL_WORDS.intersection(words):
        return None  # Cyrillic spellings, "Republic of Albania"
    if alias.endswith(("man", "men", "woman", "women")):
        return None  # "Frenchman" fits none of the slots
    if alias.endswith("s") and (
        alias[:-1] in aliases or (len(words) == 1 and not name.endswith("s"))
    ):
        return "people"  # "Afghans", "Turks"
    if f"{alias}s" in aliases or alias.endswith(_DEMONYM_ENDINGS):
        return "adjective"  # "Afghan", "Turkish"
    return "variant"  # "Türkiye", "US", "DR Congo"


def _cue_pattern(cues: Iterable[str]) -> re.Pattern[str] | None:
    """Whole-word search for cues, as the matcher bounds them."""
    parts = []
    for cue in cues:
        before = r"(?<!\w)" if re.match(r"\w", cue) else ""
        after = r"(?!\w)" if re.search(r"\w$", cue) else ""
        parts.append(f"{before}{re.escape(cue)}{after}")
    return re.compile("|".join(parts)) if parts else None


@dataclass(eq=False)
class _Ent:
    name: str
    type: str
    kinds: tuple[str, ...]
    forms: dict[str, tuple[str, ...]]  # slot kind -> forms (name first, but "mod")
    short: tuple[str, ...]  # later mentions of a person: "Putin"
    alone: tuple[str, ...]  # short forms that name them with no full name before
    context: Context | None  # None when the entity has no context rules
    cues: re.Pattern[str] | None  # reject_if_article_mentions
    surface: str  # every form it may be written in, one per line


def _prepare(entity: Entity) -> _Ent:
    name, latin = entity.name, [a for a in entity.aliases if _is_latin(a)]
    forms: dict[str, tuple[str, ...]] = {}
    short: tuple[str, ...] = ()
    if entity.type == "country":
        roles = {a: _alias_role(name, a, entity.aliases) for a in entity.aliases}
        variants = tuple(a for a, r in roles.items() if r == "variant")
        forms["actor"] = forms["loc"] = (name, *variants)
        # "Turkish officials", "US officials"; "Turkey officials" only when
        # there is no demonym ("Bouvet Island officials").
        adjectives = tuple(a for a, r in roles.items() if r == "adjective")
        abbreviations = tuple(v for v in variants if _ABBREVIATION.fullmatch(v))
        forms["mod"] = (*adjectives, *abbreviations) if adjectives else forms["loc"]
        plural = tuple(a for a, r in roles.items() if r == "people")
        if plural:
            forms["people"] = plural
    elif entity.type == "place":
        forms["loc"] = (
            name,
            *(a for a in latin if not _OFFICIAL_WORDS & set(a.split())),
        )
    elif entity.type == "person":
        forms["actor"] = forms["person"] = (name, *(a for a in latin if " " in a))
        short = tuple(a for a in latin if " " not in a)
    else:
        forms["org"] = (name, *latin)
    kinds = tuple(k for k in _ENTITY_KINDS if k in forms)
    written = {f for fs in forms.values() for f in fs} | set(short)
    written |= {name.upper()}  # wire datelines
    return _Ent(
        name=name,
        type=entity.type,
        kinds=kinds,
        forms=forms,
        short=short,
        alone=tuple(form for form in short if form in entity.alone),
        context=entity.context or None,
        cues=_cue_pattern(entity.context.reject_if_article_mentions),
        surface="\n".join(sorted(written)),
    )


class _Cast:
    """The entity list, ranked for Zipf draws and indexed for safe writing."""

    def __init__(self, entities: EntityList, rng: random.Random):
        prepared = [
            _prepare(e) for e in sorted(entities.entities, key=lambda e: e.name)
        ]
        self.by_name = {e.name: e for e in prepared}
        # A fixed order, then the seed's shuffle: which entities are popular
        # depends on the seed only.
        rng.shuffle(prepared)
        self.ranked = prepared
        total, cumulative = 0.0, []
        for rank in range(1, len(prepared) + 1):
            shifted = rank + _RANK_OFFSET
            total += 1 / (shifted * math.sqrt(shifted))
            cumulative.append(total)
        self.cumulative, self.total = cumulative, total
        self._longer = self._longer_forms(entities)
        self.templates = {
            e.name: tuple(t for t in _SENTENCE_TEMPLATES if set(t.kinds) & set(e.kinds))
            for e in prepared
        }
        # Words printed outside the entity slots must not name an entity.
        self.known = {f.casefold() for e in entities.entities for f in e.surface_forms}
        self.wire_cities = tuple(
            c for c in _WIRE_CITIES if c.casefold() not in self.known
        ) or ("CITY",)

    @staticmethod
    def _longer_forms(entities: EntityList) -> dict[str, tuple[list[str], list[str]]]:
        """For each form, the text that around it would make a longer alias.

        Written before "Federation", "Russian" becomes "Russian Federation";
        after "Papua New", "Guinea" is no longer Guinea.
        """
        forms = sorted({f for e in entities.entities for f in e.surface_forms})
        by_head: dict[str, list[str]] = {}
        by_tail: dict[str, list[str]] = {}
        for form in forms:
            by_head.setdefault(form[:3], []).append(form)
            by_tail.setdefault(form[-3:], []).append(form)
        longer: dict[str, tuple[list[str], list[str]]] = {}
        for form in forms:
            after = [
                g[len(form) :]
                for g in by_head.get(form[:3], ())
                if len(g) > len(form)
                and g.startswith(form)
                and not g[len(form)].isalnum()
            ]
            before = [
                g[: -len(form)]
                for g in by_tail.get(form[-3:], ())
                if len(g) > len(form)
                and g.endswith(form)
                and not g[-len(form) - 1].isalnum()
            ]
            if after or before:
                longer[form] = (after, before)
        return longer

    def pick(self, rng: random.Random, count: int) -> list[_Ent]:
        """``count`` entities by popularity, never two that spoil each other."""
        chosen: list[_Ent] = []
        with_cues = False  # only entities with cues can conflict
        for _ in range(count * 20):
            if len(chosen) == count:
                break
            index = bisect.bisect(self.cumulative, rng.random() * self.total)
            entity = self.ranked[min(index, len(self.ranked) - 1)]
            if entity in chosen:
                continue
            if (with_cues or entity.cues) and any(
                self.conflict(entity, other) for other in chosen
            ):
                continue
            chosen.append(entity)
            with_cues = with_cues or entity.cues is not None
        return chosen

    @staticmethod
    def conflict(one: _Ent, other: _Ent) -> bool:
        """Whether writing one names a cue that rejects the other.

        Armenia's mentions are rejected in an article that names Colombia.
        """
        return bool(
            (one.cues and one.cues.search(other.surface))
            or (other.cues and other.cues.search(one.surface))
        )

    def safe(self, entity: _Ent, text: str, start: int, end: int) -> bool:
        """Whether the tagger will count the mention at ``text[start:end]``."""
        if entity.context is not None and rejected_by_neighbours(
            entity.context, text, start, end
        ):
            return False
        longer = self._longer.get(text[start:end])
        if longer is None:
            return True
        after, before = longer
        return not (
            any(text.startswith(a, end) for a in after)
            or any(text[:start].endswith(b) for b in before)
        )
