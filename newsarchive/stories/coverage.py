"""How the outlets of one story covered it: what they share and what they don't.

``compare`` is a pure function of the story's records (see
``newsarchive.stories.grouping``): the entities all of them mention and those only
some do, the figures each reports lined up by what they count, and the
sentences each has that the others lack.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsarchive.stories.figures import Counts, Figure, figures
from newsarchive.stories.grouping import StoryRecord, terms
from newsarchive.stories.settings import StorySettings

logger = logging.getLogger(__name__)

# Shorter sentences are datelines, quotes' attributions and fragments: not
# worth quoting as what an outlet alone reported.
MIN_SENTENCE_TERMS = 5

# A sentence ends at . ! or ? (and a closing quote, kept with it) before a
# capital, a digit or an opening quote.
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"”’')\]]))\s+(?=[\"“‘'(\[]?[A-Z0-9])"
)


@dataclass(frozen=True)
class FigureRow:
    """One thing counted, and each article's figures for it (maybe none)."""

    label: str
    known: bool  # a count from the data file, or only the noun
    cells: tuple[tuple[Figure, ...], ...]  # in the story's article order

    @property
    def reported_by(self) -> int:
        return sum(1 for cell in self.cells if cell)


@dataclass(frozen=True)
class Coverage:
    title: str  # the representative headline, plain text
    shared_entities: tuple[str, ...]  # mentioned by all, most mentioned first
    # Mentioned by some only: (the publishers that do, the entities).
    partial_entities: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    figures: tuple[FigureRow, ...]
    # Per article, in story order: sentences the other articles lack.
    distinct: tuple[tuple[str, ...], ...]


def sentences(paragraph: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(paragraph) if part.strip()]


def representative(records: Sequence[StoryRecord]) -> StoryRecord:
    """The article whose headline shares most words with the others' headlines.

    Ties go to the earliest, so a two-article story is named by its first.
    """
    words = [set(terms(record.title)) for record in records]

    def shared(index: int) -> int:
        return sum(
            len(words[index] & other) for i, other in enumerate(words) if i != index
        )

    best = max(range(len(records)), key=lambda index: (shared(index), -index))
    return records[best]


def compare_entities(
    records: Sequence[StoryRecord],
) -> tuple[tuple[str, ...], tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """The entities all mention, and (publishers, entities) for the rest.

    Groups of entities that more outlets mention come first; within each,
    entities most mentioned overall first.
    """
    totals: Counter[str] = Counter()
    for record in records:
        totals.update(record.mentions)
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    groups: dict[tuple[int, ...], list[str]] = {}
    for name in ranked:
        which = tuple(i for i, r in enumerate(records) if name in r.mentions)
        groups.setdefault(which, []).append(name)
    everyone = tuple(range(len(records)))
    partial = sorted((w for w in groups if w != everyone), key=lambda w: (-len(w), w))
    return tuple(groups.get(everyone, ())), tuple(
        (tuple(records[i].publisher or "" for i in which), tuple(groups[which]))
        for which in partial
    )


def align_figures(
    records: Sequence[StoryRecord], counts: Counts | None = None
) -> tuple[FigureRow, ...]:
    """Rows of figures that count the same thing, side by side.

    Rows most outlets report come first, counts from the data file before
    bare nouns, then in the order the figures first appear.
    """
    per_article = [
        figures((record.title, *record.paragraphs), counts) for record in records
    ]
    order: dict[tuple[str, bool], int] = {}
    for found in per_article:
        for figure in found:
            order.setdefault((figure.label, figure.known), len(order))
    rows = [
        FigureRow(
            label,
            known,
            tuple(
                tuple(f for f in found if (f.label, f.known) == (label, known))
                for found in per_article
            ),
        )
        for label, known in order
    ]
    rows.sort(
        key=lambda row: (-row.reported_by, not row.known, order[row.label, row.known])
    )
    return tuple(rows)


def _has_like(
    words: set[str], postings: dict[str, list[int]], sizes: list[int], share: float
) -> bool:
    """Whether a sentence of ``sizes`` shares ``share`` of the shorter one's
    terms with ``words``; ``postings`` maps each term to the sentences that
    have it, so only sentences sharing a term are ever looked at."""
    shared = Counter(other for word in words for other in postings.get(word, ()))
    return any(
        count >= share * min(len(words), sizes[other])
        for other, count in shared.items()
    )


def distinct_sentences(
    records: Sequence[StoryRecord], most: int, similarity: float
) -> tuple[tuple[str, ...], ...]:
    """Per article, up to ``most`` sentences no other article has a like of.

    Among the sentences unlike any of the others' (sharing less than
    ``similarity`` of the shorter sentence's terms), those with the most
    terms no other article uses are chosen: they carry what only this outlet
    reported. They are returned in the article's order.
    """
    split = [
        [(s, set(terms(s))) for p in record.paragraphs for s in sentences(p)]
        for record in records
    ]
    split = [[(s, t) for s, t in found if t] for found in split]
    chosen = []
    for index, found in enumerate(split):
        sizes: list[int] = []
        postings: dict[str, list[int]] = {}
        for i, other in enumerate(split):
            if i == index:
                continue
            for _, words in other:
                for word in words:
                    postings.setdefault(word, []).append(len(sizes))
                sizes.append(len(words))
        candidates = []
        for position, (sentence, words) in enumerate(found):
            if len(words) < MIN_SENTENCE_TERMS:
                continue
            if _has_like(words, postings, sizes, similarity):
                continue
            # Terms the other articles never use (``postings`` holds theirs).
            new = sum(1 for word in words if word not in postings)
            candidates.append((new, -position, sentence))
        best = sorted(candidates, reverse=True)[:most]
        chosen.append(tuple(s for _, _, s in sorted(best, key=lambda c: -c[1])))
    return tuple(chosen)


def compare(
    records: Sequence[StoryRecord],
    settings: StorySettings | None = None,
    counts: Counts | None = None,
) -> Coverage:
    """What the articles of one story (in the order given) share and don't."""
    settings = settings or StorySettings()
    shared, partial = compare_entities(records)
    return Coverage(
        title=representative(records).title,
        shared_entities=shared,
        partial_entities=partial,
        figures=align_figures(records, counts),
        distinct=distinct_sentences(
            records, settings.max_sentences, settings.sentence_similarity
        ),
    )
