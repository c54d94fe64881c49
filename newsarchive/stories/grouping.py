"""Which articles from different outlets report the same event: stories.

``group_stories`` is a pure function of small records (id, date, publisher,
entity mentions, headline and paragraphs), so it runs without Pelican and its
result can be cached under a hash of its input (``grouping_key``). The
phases, in order:

1. find candidate pairs without comparing every article with every other:
   weigh each article's entities by how rare they are in the archive (IDF),
   walk the articles in date order and index each by the pairs of its most
   telling entities, so that an article meets only the earlier ones of the
   last ``max_days`` days that share at least ``min_shared_entities`` of
   them, and only those from another publisher;
2. weigh the terms of each article's headline and lead (TF-IDF) and keep a
   short signature of the heaviest, for the candidates only;
3. score each candidate pair: cosine similarity of the term signatures and
   of the entity weights, less a cost per day apart;
4. merge the best-scoring pairs first into stories of at most one article
   per publisher, spanning at most ``max_days``.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import itertools
import json
import logging
import math
import re
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from newsarchive.reading.article import CAPTION, Article
from newsarchive.stories.settings import StorySettings

logger = logging.getLogger(__name__)

# A signature of this many terms is enough to tell one event from another and
# keeps each comparison to a few dozen dictionary look-ups.
SIGNATURE_TERMS = 60
# News puts the event in the headline and the first paragraphs; reading only
# these many characters of the body keeps the whole archive's grouping to
# seconds, and the background further down matches other events as often
# as this one.
LEAD_CHARACTERS = 2500

# Numbers with their separators ("1,960" is one term, not two), and words.
# Digits first: cheaper than trying a number's tail after every word.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# Words every article has; they say nothing about which event it reports.
STOP_WORDS = frozenset(
    """
    about above after again against all also although among an and another any are
    around as at be because been before being between both but by can could did do
    does doing down during each even ever every few for from further had has have
    having he her here hers him his how however if in into is it its itself just
    last later least less like made make many may me might more most much must my
    near new next no nor not now of off on once one only or other our out over own
    per said same say says she should since so some still such than that the their
    them then there these they this those though three through to too two under
    until up upon us very was we were what when where whether which while who whom
    whose why will with within without would year years yet you your
    """.split()
    # What is left of "Armenia's" and "don't".
    + list("abcdefghijklmnopqrstuvwxyz")
)


@dataclass(frozen=True)
class StoryRecord:
    """What grouping needs to know about one article."""

    id: str
    date: datetime.date  # the day it was published, as the outlet dated it
    publisher: str | None  # None: unknown, so never grouped
    mentions: Mapping[str, int]  # entity name -> mentions
    title: str
    paragraphs: tuple[str, ...]  # subheads and paragraphs, captions left out

    @classmethod
    def of(cls, id: str, article: Article, mentions: Mapping[str, int]) -> StoryRecord:
        """The record of a read article (``newsarchive.reading.parse``) and its tags."""
        return cls(
            id=id,
            date=article.date.date(),
            publisher=article.source,
            mentions=mentions,
            title=article.title or "",
            paragraphs=tuple(b.text for b in article.blocks if b.kind != CAPTION),
        )


@dataclass(frozen=True)
class Link:
    """A candidate pair that scored high enough to be one story."""

    first: str
    second: str
    score: float
    text: float
    entities: float
    days: int


@dataclass(frozen=True)
class Grouping:
    # Record ids of each story in date order; stories by their earliest date.
    stories: tuple[tuple[str, ...], ...]
    compared: int  # candidate pairs scored
    links: tuple[Link, ...]  # the pairs that scored high enough, best first


def grouping_key(records: Iterable[StoryRecord], settings: StorySettings) -> str:
    """A digest of everything ``group_stories`` reads, in any input order.

    Grouping depends on nothing else (but this module's code), so a cache
    may keep its result under this key.
    """
    digest = hashlib.sha256()
    digest.update(json.dumps(dataclasses.asdict(settings), sort_keys=True).encode())
    for record in sorted(records, key=lambda record: (record.date, record.id)):
        fields = [
            record.id,
            record.date.isoformat(),
            record.publisher,
            sorted(record.mentions.items()),
            record.title,
            record.paragraphs,
        ]
        digest.update(json.dumps(fields, ensure_ascii=False).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def terms(text: str) -> list[str]:
    """The lower-cased words and numbers of ``text`` that can tell it apart."""
    return [term for term in _WORD.findall(text.lower()) if term not in STOP_WORDS]


def term_counts(title: str, paragraphs: Iterable[str]) -> Counter[str]:
    """The terms of the headline and the body's lead, with their counts."""
    lead = "\n".join(paragraphs)[:LEAD_CHARACTERS]
    return Counter(terms(f"{title}\n{lead}"))


# 1 + log(count), looked up rather than computed for the usual small counts.
_LOG_COUNT = [0.0] + [1 + math.log(count) for count in range(1, 64)]


@dataclass(frozen=True)
class Rarity:
    """How rare each key (term or entity) is across the archive: its IDF."""

    idf: dict[str, float]  # keys that two documents or more have
    unique: float  # the IDF of a key only one document has

    @classmethod
    def of(cls, documents: Iterable[Iterable[str]]) -> Rarity:
        """Smoothed IDF, so that even a two-article archive has usable weights."""
        frequencies: Counter[str] = Counter()
        total = 0
        for keys in documents:
            frequencies.update(keys)
            total += 1
        return cls(
            {
                key: math.log((1 + total) / (1 + count)) + 1
                for key, count in frequencies.items()
                if count > 1
            },
            math.log((1 + total) / 2) + 1,
        )

    def weights(
        self, counts: Mapping[str, int], size: int | None = None
    ) -> dict[str, float]:
        """Unit-length TF-IDF weights (log-scaled counts) of the shared keys.

        A key no other document has cannot make two documents alike, so it
        is left out of the weights, but not out of the length they are
        divided by: an article of mostly unique matter stays unlike others.
        Only the ``size`` heaviest weights are kept, if given.
        """
        # Run for every article: comprehensions, names bound locally, on purpose.
        idf, unique, log_count = self.idf, self.unique, _LOG_COUNT
        values = {
            key: (log_count[count] if count < 64 else 1 + math.log(count))
            * idf.get(key, unique)
            for key, count in counts.items()
        }
        norm = math.sqrt(sum(value * value for value in values.values())) or 1.0
        shared = [(key, value) for key, value in values.items() if key in idf]
        if size is not None and len(shared) > size:
            # Stable: equal weights keep the order of the text.
            shared = sorted(shared, key=itemgetter(1), reverse=True)[:size]
        return {key: value / norm for key, value in shared}


def cosine(first: Mapping[str, float], second: Mapping[str, float]) -> float:
    """Cosine similarity of two unit-length sparse vectors."""
    return sum(first[key] * second[key] for key in first.keys() & second.keys())


def top_entities(entity_weights: Mapping[str, float], count: int) -> tuple[str, ...]:
    ranked = sorted(entity_weights.items(), key=lambda item: (-item[1], item[0]))
    return tuple(sorted(name for name, _ in ranked[:count]))


def candidate_pairs(
    days: Sequence[int], keys: Sequence[Iterable[tuple[str, ...]]], max_days: int
) -> Iterable[tuple[int, int]]:
    """(earlier, later) positions sharing a key at most ``max_days`` apart.

    ``days`` must be in ascending order. Each key's list holds only articles
    still inside the window, so the work grows with the articles per window,
    never with the square of the archive.
    """
    index: dict[tuple[str, ...], deque[int]] = {}
    for position, day in enumerate(days):
        earliest = day - max_days
        found: set[int] = set()
        for key in keys[position]:
            members = index.get(key)
            if members is None:
                index[key] = deque((position,))
                continue
            while members and days[members[0]] < earliest:
                members.popleft()
            found.update(members)
            members.append(position)
        for other in sorted(found):
            yield other, position


class _Stories:
    """Union-find over positions that keeps one article per publisher."""

    def __init__(self, records: Sequence[StoryRecord], days: Sequence[int]):
        self.parent = list(range(len(records)))
        self.publishers = [{record.publisher} for record in records]
        self.span = [(day, day) for day in days]

    def root(self, position: int) -> int:
        while self.parent[position] != position:
            self.parent[position] = self.parent[self.parent[position]]
            position = self.parent[position]
        return position

    def merge(self, first: int, second: int, max_days: int) -> bool:
        one, other = self.root(first), self.root(second)
        if one == other or self.publishers[one] & self.publishers[other]:
            return False
        start = min(self.span[one][0], self.span[other][0])
        end = max(self.span[one][1], self.span[other][1])
        if end - start > max_days:
            return False
        self.parent[other] = one
        self.publishers[one] |= self.publishers[other]
        self.span[one] = (start, end)
        return True


def group_stories(
    records: Iterable[StoryRecord], settings: StorySettings | None = None
) -> Grouping:
    """The stories of two or more articles from different publishers."""
    settings = settings or StorySettings()
    ordered = sorted(records, key=lambda record: (record.date, record.id))
    days = [record.date.toordinal() for record in ordered]

    # 1. Entity weights, and candidates through the most telling entities.
    entity_rarity = Rarity.of(r.mentions.keys() for r in ordered)
    entity_weights = [entity_rarity.weights(r.mentions) for r in ordered]
    shared = settings.min_shared_entities
    keys = [
        itertools.combinations(top_entities(w, settings.top_entities), shared)
        if record.publisher is not None
        else ()
        for record, w in zip(ordered, entity_weights, strict=True)
    ]
    pairs = [
        (first, second)
        for first, second in candidate_pairs(days, keys, settings.max_days)
        if ordered[first].publisher != ordered[second].publisher
    ]

    # 2. Term signatures. Rarity needs every article's terms; signatures
    # only the candidates'. Their counts are made again rather than kept for
    # every article: those were most of a large archive's memory (220 MB of
    # 10,000 articles) for a few per cent of the time.
    term_rarity = Rarity.of(term_counts(r.title, r.paragraphs).keys() for r in ordered)
    signatures = {
        position: term_rarity.weights(
            term_counts(ordered[position].title, ordered[position].paragraphs),
            SIGNATURE_TERMS,
        )
        for position in sorted({position for pair in pairs for position in pair})
    }

    # 3. Scores.
    links = []
    for first, second in pairs:
        text = cosine(signatures[first], signatures[second])
        if text < settings.min_text_similarity:
            continue
        entity = cosine(entity_weights[first], entity_weights[second])
        apart = days[second] - days[first]
        score = (
            settings.text_weight * text
            + (1 - settings.text_weight) * entity
            - settings.day_penalty * apart
        )
        if score >= settings.min_score:
            links.append((score, text, entity, apart, first, second))

    # 4. Stories, best pairs first; ties in a fixed order for repeatable builds.
    links.sort(key=lambda link: (-link[0], link[4], link[5]))
    stories = _Stories(ordered, days)
    for _, _, _, _, first, second in links:
        stories.merge(first, second, settings.max_days)
    members: dict[int, list[int]] = {}
    for position in range(len(ordered)):
        members.setdefault(stories.root(position), []).append(position)
    grouped = sorted(group for group in members.values() if len(group) > 1)
    logger.debug(
        "stories: %d articles, %d pairs compared, %d linked, %d stories",
        len(ordered),
        len(pairs),
        len(links),
        len(grouped),
    )
    return Grouping(
        stories=tuple(tuple(ordered[p].id for p in group) for group in grouped),
        compared=len(pairs),
        links=tuple(
            Link(ordered[a].id, ordered[b].id, score, text, entity, apart)
            for score, text, entity, apart, a, b in links
        ),
    )
