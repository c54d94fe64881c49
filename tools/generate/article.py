"""One article: its outlet, day and entities, then its body, headline,
subheads and captions, and the page around them."""

from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass

from newsarchive.entities.catalogue import EntityList
from tools.generate.cast import _Ent
from tools.generate.page import _page, _slug
from tools.generate.publishers import _PUBLISHER_WEIGHTS, PUBLISHERS, Publisher
from tools.generate.sentences import (
    MAX_WORDS,
    MIN_WORDS,
    _Sentence,
    _SentenceWriter,
    _tally,
)
from tools.generate.templates import (
    _CAPTION_TEMPLATES,
    _HEADLINE_TEMPLATES,
    _SUBHEAD_TEMPLATES,
    _choice,
    _randint,
    _Template,
    _template,
)
from tools.generate.vocabulary import MONTHS

FIRST_DAY = datetime.date(2015, 1, 1)
LAST_DAY = datetime.date(2024, 12, 31)
RETELLING_SHARE = 0.1  # articles retelling an earlier event for another outlet
_EVENT_WINDOW = 100  # retellings pick among this many recent events
_PARAGRAPH_SIZES = (1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4)  # sentences per paragraph


@dataclass(frozen=True)
class Draft:
    """A generated file and what the reader should find in it."""

    path: str  # relative, "2017/03/<slug>.txt"
    text: str
    title: str
    date: str  # the Date header
    source: str
    url: str | None
    authors: tuple[str, ...]
    paragraphs: tuple[str, ...]
    headings: tuple[str, ...]
    captions: tuple[str, ...]
    mentions: dict[str, int]  # entity -> mentions in title, body and captions
    body_mentions: dict[str, int]  # entity -> mentions in the paragraphs
    event: int  # retellings of one event share it


@dataclass
class _Event:
    number: int
    day: datetime.date
    publisher: Publisher
    entities: list[_Ent]
    sentences: list[tuple[str, tuple[str, ...]]]
    headline: _Template


class _Writer(_SentenceWriter):
    """Writes articles one after another from one random stream."""

    def __init__(self, entities: EntityList, seed: int):
        super().__init__(entities, seed)
        self.events: list[_Event] = []
        self.titles: list[str] = []  # recent headlines, for "Read more:" lines
        self.paths: set[str] = set()

    def _setting(self) -> tuple[Publisher, datetime.date, list[_Ent], _Event | None]:
        rng = self.rng
        if self.events and rng.random() < RETELLING_SHARE:
            event = _choice(rng, self.events)
            others = [p for p in PUBLISHERS if p is not event.publisher]
            day = event.day + datetime.timedelta(days=_randint(rng, -2, 2))
            day = min(max(day, FIRST_DAY), LAST_DAY)
            return _choice(rng, others), day, event.entities, event
        index = bisect.bisect(_PUBLISHER_WEIGHTS, rng.random() * _PUBLISHER_WEIGHTS[-1])
        publisher = PUBLISHERS[min(index, len(PUBLISHERS) - 1)]
        span = (LAST_DAY - FIRST_DAY).days + 1
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(span))
        return publisher, day, self.cast.pick(rng, _randint(rng, 3, 10)), None

    def _headline(self, entities, nth, cues, avoid: _Template | None):
        main, others = entities[0], entities[1:]
        options = [t for t in _HEADLINE_TEMPLATES if t is not avoid]
        for _ in range(20):
            template = _choice(self.rng, options)
            cast = self._fill(template, main, others)
            if cast is not None:
                made = self.render(template, cast, nth, cues, headline=True)
                if made is not None:
                    return template, made
        template = _template("Officials meet for talks")
        return template, _Sentence(template.text, ())

    def article(self, number: int) -> Draft:
        rng = self.rng
        publisher, day, entities, event = self._setting()
        when = datetime.datetime.combine(
            day, datetime.time(_randint(rng, 6, 22), _randint(rng, 0, 59))
        )
        cues = [e.cues for e in entities if e.cues]
        counts = {e.name: _randint(rng, 1, 4) for e in entities}

        # A wire's own story opens with "CITY, Nov 10 (Reuters) -".
        prefix, prefix_names = "", ()
        if publisher.wire and rng.random() < 0.85:
            places = [e for e in entities if e.type == "place" and len(e.name) >= 4]
            if places:
                city, prefix_names = places[0].name.upper(), (places[0].name,)
                counts[places[0].name] -= 1
            else:
                city = _choice(rng, self.cast.wire_cities)
            dash = "—" if publisher.wire == "AP" else "-"
            month = MONTHS[day.month - 1][:3]
            prefix = f"{city}, {month} {day.day} ({publisher.wire}) {dash} "

        budget = _randint(rng, MIN_WORDS + 40, MAX_WORDS - 20)
        reused = []
        if event is not None:
            share = rng.uniform(0.3, 0.6)
            reused = [
                _Sentence(t, n) for t, n in event.sentences if rng.random() < share
            ]
        sentences = self._body(
            entities, counts, reused, len(prefix.split()), budget, cues
        )
        paragraphs: list[str] = []
        at = 0
        while at < len(sentences):
            size = _choice(rng, _PARAGRAPH_SIZES)
            paragraphs.append(" ".join(s.text for s in sentences[at : at + size]))
            at += size
        paragraphs[0] = prefix + paragraphs[0]

        body_mentions: dict[str, int] = {}
        for sentence in (_Sentence(prefix, prefix_names), *sentences):
            _tally(body_mentions, sentence.names)
        named = [e for e in entities if e.name in body_mentions]
        mentions = dict(body_mentions)
        headline_template, headline = self._headline(
            named or entities, {}, cues, event.headline if event else None
        )
        _tally(mentions, headline.names)
        title = headline.text

        if event is None:
            event = _Event(
                number,
                day,
                publisher,
                named,
                [(s.text, s.names) for s in sentences],
                headline_template,
            )
            self.events.append(event)
            del self.events[:-_EVENT_WINDOW]

        taken = {title, *paragraphs}
        headings = []
        # A subhead needs a paragraph before it and one after it.
        for _ in range(min(_choice(rng, (0, 0, 1, 1, 2, 3)), len(paragraphs) - 2)):
            made = self._extra(_SUBHEAD_TEMPLATES, named, cues, taken)
            if made is not None:
                headings.append(made.text)
                _tally(mentions, made.names)
        captions = []
        credits = [c for c in publisher.credits if c.casefold() not in self.cast.known]
        for _ in range(_choice(rng, (0, 1, 1, 2))):
            made = self._extra(_CAPTION_TEMPLATES, named, cues, taken)
            if made is not None:
                text = f"{made.text} /{_choice(rng, credits)}" if credits else made.text
                captions.append(text)
                _tally(mentions, made.names)

        slug = _slug(title)
        text, url, authors = _page(
            rng,
            self.titles,
            publisher,
            when,
            day,
            title,
            slug,
            paragraphs,
            headings,
            captions,
            named,
        )
        date = f"{day:%Y-%m-%d}"
        if rng.random() < 0.5:
            date = f"{date}T{when:%H:%M}:00{publisher.offset}"
        header = [f"Title: {title}", f"Date: {date}", f"Source: {publisher.name}"]
        if url:
            header.append(f"URL: {url}")
        if authors[1]:
            header.append(f"Authors: {', '.join(authors[0])}")

        path = f"{day:%Y/%m}/{slug}"
        candidate, suffix = path, 1
        while candidate in self.paths:
            suffix += 1
            candidate = f"{path}-{suffix}"
        self.paths.add(candidate)
        self.titles.append(title)
        del self.titles[:-50]
        return Draft(
            path=f"{candidate}.txt",
            text="\n".join(header) + "\n\n" + text,
            title=title,
            date=date,
            source=publisher.name,
            url=url,
            authors=authors[0],
            paragraphs=tuple(paragraphs),
            headings=tuple(headings),
            captions=tuple(captions),
            mentions=dict(sorted(mentions.items())),
            body_mentions=dict(sorted(body_mentions.items())),
            event=event.number,
        )
