"""How well the tagger tags the labelled corpus (``tests/corpus/``).

Each corpus article carries the entities it is about, by type, under the
names Wikipedia gives them ("Georgia (country)", "Nikol Pashinyan"), and its
traps: names in its text that must not be tagged as an entity ("Georgia =
Georgia (U.S. state)", "Aliyev = Ilham Aliyev"). A tag matches a label when
the label, with or without its parenthesis, is the entity's name or one of
its aliases, ignoring case.

Per type, countries apart: precision (the share of tags that are labels) and
recall (the share of labels that are tags); and every trap that was tagged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsarchive.entities.catalogue import TYPES, Entity, EntityList

_PARENTHESIS = re.compile(r"\s*\([^()]*\)$")


def _keys(name: str) -> set[str]:
    """A name as a label or an entity may give it: "Georgia (country)" is
    also "georgia"."""
    folded = name.strip().casefold()
    return {folded, _PARENTHESIS.sub("", folded)}


def entity_keys(entity: Entity) -> set[str]:
    keys: set[str] = set()
    for form in entity.surface_forms:
        keys |= _keys(form)
    return keys


@dataclass
class TagScores:
    """Tags against labels, counted per type: (type, "tp" | "fp" | "fn")."""

    counts: Counter = field(default_factory=Counter)
    traps: list[str] = field(default_factory=list)

    def add(self, other: TagScores) -> None:
        self.counts.update(other.counts)
        self.traps.extend(other.traps)

    def figures(self) -> dict[str, dict[str, float]]:
        def ratios(found: int, missed: int, wrong: int) -> dict[str, float]:
            return {
                "precision": found / (found + wrong) if found + wrong else 1.0,
                "recall": found / (found + missed) if found + missed else 1.0,
            }

        def count(kinds: Iterable[str], what: str) -> int:
            return sum(self.counts[kind, what] for kind in kinds)

        result = {
            kind: ratios(*(count([kind], what) for what in ("tp", "fn", "fp")))
            for kind in TYPES
        }
        result["all"] = ratios(*(count(TYPES, what) for what in ("tp", "fn", "fp")))
        return result


def score(
    tags: Iterable[str],
    labels: Mapping[str, Iterable[str]],
    traps: Iterable[str],
    entities: EntityList,
    article: str = "",
) -> TagScores:
    """Score one article's ``tags`` (entity names) against its ``labels``
    (type: names) and ``traps`` ("name = entity")."""
    scores = TagScores()
    found = [entities.by_name[tag] for tag in tags]
    matched_tags: set[str] = set()
    for kind in TYPES:
        for label in labels.get(kind, ()):
            keys = _keys(label)
            hits = [
                entity
                for entity in found
                if entity.type == kind and entity_keys(entity) & keys
            ]
            scores.counts[kind, "tp" if hits else "fn"] += 1
            matched_tags |= {entity.name for entity in hits}
    for entity in found:
        if entity.name not in matched_tags:
            scores.counts[entity.type, "fp"] += 1
    for trap in traps:
        name, _, wrong = (part.strip() for part in trap.partition("="))
        keys = _keys(wrong)
        tagged = [
            entity.name
            for entity in found
            if entity.name not in matched_tags and entity_keys(entity) & keys
        ]
        if tagged:
            scores.traps.append(f"{article}: {name!r} tagged as {tagged[0]}")
    return scores


def table(parts: Mapping[str, TagScores]) -> list[str]:
    """Precision and recall per part and type, and the traps tagged."""
    columns = (*TYPES, "all")
    lines = [f"{'tags':<9}" + "".join(f"{kind:>20}" for kind in columns)]
    for name, scores in parts.items():
        figures = scores.figures()
        lines.append(
            f"{name:<9}"
            + "".join(
                f"{figures[kind]['precision']:>10.2f}/{figures[kind]['recall']:<9.2f}"
                for kind in columns
            )
        )
    lines.append("(precision/recall; traps tagged: " + _traps(parts) + ")")
    return lines


def _traps(parts: Mapping[str, TagScores]) -> str:
    every = parts.get("all")
    if every is None or not every.traps:
        return "none"
    return "; ".join(every.traps)
