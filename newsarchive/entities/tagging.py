"""Which entities an article mentions: its tags, and the names we don't know."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsarchive.entities.candidates import candidates
from newsarchive.entities.catalogue import Entity, EntityList, load_entities
from newsarchive.entities.gazetteer import Gazetteer, place_names
from newsarchive.entities.matcher import Matcher, Mention, counts, default_matcher
from newsarchive.reading import language
from newsarchive.reading.article import Article


@dataclass(frozen=True)
class Tagging:
    mentions: dict[str, int]  # entity name -> mentions, most mentioned first
    candidates: Counter[str] = field(default_factory=Counter)

    @property
    def tags(self) -> list[str]:
        return list(self.mentions)


def entity_text(article: Article) -> str:
    """The text entities are looked for in: headline, subheads, body, captions.

    One block per line, so that no name can run across two blocks.
    """
    return "\n".join([article.title or "", *(block.text for block in article.blocks)])


@functools.cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer(load_entities().entities)


def tag_article(
    article: Article,
    matcher: Matcher | None = None,
    gazetteer: Gazetteer | None = None,
) -> Tagging:
    text = entity_text(article)
    matcher = matcher or default_matcher()
    if gazetteer is None:
        gazetteer = default_gazetteer() if matcher is default_matcher() else None
    scan = matcher.scan(text)
    mentions = list(scan.mentions)
    spans = list(scan.spans)
    if gazetteer is not None:
        mentions, found = _places(text, mentions, spans, matcher, gazetteer, article)
        spans += found
    # Headlines are often in title case, where every word looks like a name.
    title = (0, len(article.title or ""))
    return Tagging(counts(mentions), candidates(text, (title, *spans)))


def _places(text, mentions, spans, matcher, gazetteer, article):
    """The mentions with the gazetteer's: a country's name followed by a
    region it has a town in is the town ("Lebanon, Pennsylvania"), and cities
    the list lacks are added where the article gives evidence."""
    towns = {}
    for start, end in spans:
        town = gazetteer.town_named_like(text, start, end)
        if town is not None:
            towns[start, end] = Mention(town, start, end, text[start:end])
    kept = [m for m in mentions if (m.start, m.end) not in towns]
    kept += towns.values()
    by_name = matcher.entities.by_name
    countries = {
        m.entity
        for m in kept
        if m.entity in by_name and by_name[m.entity].type == "country"
    }
    stopwords = language.stopwords(article.language or language.DEFAULT)
    places = gazetteer.scan(text, spans, countries, stopwords)
    kept += [Mention(p.name, p.start, p.end, text[p.start : p.end]) for p in places]
    kept.sort(key=lambda m: m.start)
    return kept, [(p.start, p.end) for p in places]


def describe(names: Iterable[str], entities: EntityList | None = None) -> EntityList:
    """The entity list, with a record for each of ``names`` that the
    gazetteer tagged (a city the list lacks: a place with no aliases)."""
    entities = entities or load_entities()
    known = place_names()
    extra = [
        Entity(name, "place")
        for name in sorted(set(names))
        if name not in entities.by_name and name.split(", ")[0] in known
    ]
    return EntityList(entities.entities + tuple(extra)) if extra else entities
