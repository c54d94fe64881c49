"""Finding an article's date in the text news sites print around it.

The dates of each line are found and read by ``line_dates``; here the page's
lines are scanned for the publication date.

The publication date is the one beside the headline or byline, or the first of
a "Published … Updated …" pair; a date inside the story is an event's. The top
of the page runs to the story's second paragraph (a standfirst can stand
between the headline and the dateline). In order of preference, ``scan`` takes:

1. a "Published" line at the top;
2. a date line at the top, the one nearest to the headline or byline: below
   it, right above it, or with a time a line or two above it;
3. a "Published" line further down the page;
4. an "Updated" line at the top;
5. a wire dateline opening the story ("MOSCOW, Nov 10 (Reuters) -");
6. an "Updated" line further down the page;
7. a line holding only a date above the story's fourth paragraph, below a
   line that is no paragraph (a byline; a standfirst and captions can stand
   above them);
8. a date line at the foot of the page, after the last paragraph;
9. a date further above the headline: it may be the site's masthead, showing
   the day the page was copied;
10. a date in the URL.

A date printed without a year takes it from the page's other dates, the URL or
a copyright line, never from the day of the build; without any, it is no date.
dateparser takes about a millisecond a date, so candidates are ranked first and
read in that order until one is a date: usually one reading an article.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsarchive.reading.date_patterns import _Grammar, _grammar
from newsarchive.reading.line_dates import (
    _MAX_OTHER_WORDS,
    _MAX_OTHER_WORDS_TOP,
    AGENCY,
    BARE,
    PUBLISHED,
    UPDATED,
    URL,
    _agency_dateline,
    _Date,
    _dates,
    _line_dates,
    parse_date,
)
from newsarchive.reading.line_dates import is_dateline as is_dateline
from newsarchive.reading.outlets import Outlet

_HALF_A_YEAR = datetime.timedelta(days=183)

_SENTENCE_END = re.compile(r"[.!?…:;,]['\"’”)\]]*$")
_PROSE_WORDS = 8

_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)")
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:/|[-_]\d{1,2}[-_/])")
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|copyright)\D{0,60}?(?:(?:19|20)\d{2}\s*[-–—]\s*)?((?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)
_YEAR_HINT = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class Dateline:
    date: datetime.datetime
    kind: str  # PUBLISHED, UPDATED, BARE, AGENCY or URL
    index: int | None = None  # the unit that only holds the dateline, if any
    agency: str | None = None


@dataclass(frozen=True)
class _Candidate:
    date: _Date
    kind: str
    index: int | None
    key: tuple  # smaller is preferred
    agency: str | None = None


def _is_prose(text: str) -> bool:
    # As parse.py's: at least eight words ending a sentence.
    return len(text.split()) >= _PROSE_WORDS and bool(_SENTENCE_END.search(text))


@dataclass(frozen=True)
class _Page:
    """Where the story starts and ends, as far as datelines care."""

    lead_end: int  # the second paragraph: lines above it are the top
    near_end: int  # the fourth paragraph: a dateline above it is the page's
    last_prose: int  # lines below it are the foot
    anchors: tuple[int, ...]  # the headline's and byline's lines
    kept_before: tuple[int, ...]  # unmarked lines above each line

    @classmethod
    def of(cls, units, marks, top_end: int) -> _Page:
        def prose(i: int) -> bool:
            return marks[i] is None and _is_prose(units[i])

        count = len(units)
        lead_end = next(
            (i for i in range(top_end + 1, count) if prose(i)), min(top_end + 1, count)
        )
        later = [i for i in range(lead_end + 1, count) if prose(i)]
        near_end = later[2] if len(later) > 2 else count
        last_prose = next(
            (i for i in range(count - 1, top_end, -1) if prose(i)), min(top_end, count)
        )
        anchors = tuple(i for i in range(lead_end) if marks[i] in ("title", "byline"))
        kept_before = [0]
        for index in range(lead_end):
            kept_before.append(kept_before[-1] + (marks[index] is None))
        return cls(
            lead_end, near_end, last_prose, anchors or (top_end,), tuple(kept_before)
        )

    def bare_key(self, index: int, position: int, date: _Date) -> tuple:
        """Nearest to the headline or byline first, below it on a tie.

        Above the headline, a site may print the day of the copy in its
        masthead: a date there ranks with the others only right above the
        headline, or with a time a line or two above it; else after all but
        the URL."""

        def distance(anchor: int) -> int:  # lines between, marked ones aside
            low, high = sorted((index, anchor))
            return (
                self.kept_before[min(high, self.lead_end)] - self.kept_before[low + 1]
            )

        anchor = min(self.anchors, key=lambda a: (distance(a), a > index))
        between = distance(anchor)
        near = index > anchor or between == 0 or (date.time and between < 2)
        return (1 if near else 7, between, index < anchor, index, position)


def _candidates(units, marks, top_end, grammar):
    page = _Page.of(units, marks, top_end)
    agency_found = False
    for index, text in enumerate(units):
        top = index < page.lead_end
        if marks[index] is not None:
            # A date line the headline finder took for the headline.
            if not (top and marks[index] == "title"):
                continue
            dates = _line_dates(grammar, text, 0)
        else:
            if top and not agency_found:
                agency = _agency_dateline(grammar, text)
                if agency is not None:
                    # It opens the story: the line stays.
                    agency_found = True
                    yield _Candidate(agency[0], AGENCY, None, (4,), agency[1])
                    continue
            dates = _line_dates(
                grammar, text, _MAX_OTHER_WORDS_TOP if top else _MAX_OTHER_WORDS
            )
        for position, (date, kind) in enumerate(dates):
            if top and kind == BARE:
                key = page.bare_key(index, position, date)
            elif top:
                key = (0 if kind == PUBLISHED else 3, index, position)
            elif kind == PUBLISHED:
                key = (2, index, position)
            elif kind == UPDATED:
                key = (5, index, position)
            elif index > page.last_prose:
                key = (6, index, position)
            elif (
                index < page.near_end
                and not _is_prose(units[index - 1])
                and is_dateline(text, grammar.language)
            ):
                # A standfirst and captions can push the byline and dateline
                # below the story's second paragraph. A date line between two
                # paragraphs is the story's (a live blog's entry).
                key = (5.5, index, position)
            else:
                continue  # a date line inside the story: a live blog's entry
            yield _Candidate(date, kind, index, key)


class _Reader:
    """Reads candidates with dateparser, once each, in the outlet's order."""

    def __init__(self, outlet: Outlet, grammar: _Grammar):
        self.timezone = outlet.timezone or "UTC"
        self.language = grammar.language
        # An outlet from outlets.toml says how it writes 10/11/2020; an
        # unknown one is read as its language writes dates, day first in
        # English (month first is only for outlets known to be American).
        known = bool(outlet.domains or outlet.markers)
        self.order = outlet.date_order if known else grammar.date_order

    def read(self, date: _Date, year: int | None = None):
        order = date.order or self.order
        parsed = parse_date(date.text(year), order, self.timezone, self.language)
        if parsed is None and date.time:
            # A time zone or time dateparser does not know: the day still is.
            plain = dataclasses.replace(date, time="")
            parsed = parse_date(plain.text(year), order, self.timezone, self.language)
        return parsed


def _reference(candidates, reader, grammar, units, url):
    """A date or year of the page for dates printed without one."""
    for candidate in candidates:
        if candidate.date.has_year and candidate.kind != AGENCY:
            parsed = reader.read(candidate.date)
            if parsed is not None:
                return parsed
    found = _URL_DATE.search(url or "") or _URL_YEAR.search(url or "")
    if found is not None:
        return int(found[1])
    for text in units:
        if len(text) > 2000 or not _YEAR_HINT.search(text):
            continue
        for date in _dates(grammar, text):
            if date.has_year:
                parsed = reader.read(date)
                if parsed is not None:
                    return parsed
    for text in units:
        found = _COPYRIGHT_YEAR.search(text)
        if found is not None:
            return int(found[1])
    return None


def _with_year(date: _Date, reference, reader: _Reader):
    """``date``, printed without a year, in the year of ``reference``."""
    if reference is None:
        return None
    if isinstance(reference, int):
        return reader.read(date, reference)
    parsed = reader.read(date, reference.year)
    if parsed is None:
        return None
    # "31 Dec" on a page updated on 2 January is of the year before.
    shift = 0
    if parsed - reference > _HALF_A_YEAR:
        shift = -1
    elif reference - parsed > _HALF_A_YEAR:
        shift = 1
    if shift:
        return reader.read(date, reference.year + shift) or parsed
    return parsed


def _url_dateline(url, outlet):
    found = _URL_DATE.search(url or "")
    if found is None:
        return None
    date = parse_date("-".join(found.groups()), "YMD", outlet.timezone or "UTC")
    return Dateline(date, URL) if date is not None else None


@dataclass(frozen=True)
class Scan:
    best: Dateline | None  # the article's own date
    lines: tuple[int, ...]  # units that only hold a dateline, to drop


def scan(
    units: Sequence[str],
    marks: Sequence[str | None],
    top_end: int,
    outlet: Outlet,
    url: str | None = None,
    language: str = "en",
) -> Scan:
    """The article's own date, preferring the most explicit dateline.

    Only lines that still belong to the story are searched (``marks[i]`` is
    None, or a headline that is only a date), so dates in removed blocks such
    as related-story lists never count. ``language`` is the article's ISO 639-1
    code; dates are read in it, then in English.
    """
    grammar = _grammar(language)
    reader = _Reader(outlet, grammar)
    candidates = sorted(
        _candidates(units, marks, top_end, grammar), key=lambda c: c.key
    )
    lines = tuple(sorted({c.index for c in candidates if c.index is not None}))

    for candidate in candidates:
        if candidate.date.has_year:
            date = reader.read(candidate.date)
        else:
            others = [c for c in candidates if c is not candidate]
            reference = _reference(others, reader, grammar, units, url)
            date = _with_year(candidate.date, reference, reader)
        if date is not None:
            return Scan(
                Dateline(date, candidate.kind, candidate.index, candidate.agency),
                lines,
            )
    return Scan(_url_dateline(url, outlet), lines)
