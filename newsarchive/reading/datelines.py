"""Finding an article's date in the text news sites print around it.

Regular expressions here only find *where* a dateline is; the date itself is
always read by dateparser, with the outlet's date order and time zone.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import dateparser

from newsarchive.reading.outlets import Outlet

PUBLISHED = "published"
UPDATED = "updated"
BARE = "bare"
AGENCY = "agency"
URL = "url"

_KEYWORD_LINE = re.compile(
    r"^(?P<keyword>(?:first |last |originally )?"
    r"(?:published|posted|updated|modified|last modified))"
    r"(?:\s+(?:on|at))?\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’/ -]{1,40}?(?:,\s*[A-Z][\w.'’ -]{1,30})?),\s+"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)\s*"
    r"(?:\((?P<agency>[^()]{2,40})\)\s*)?[-–—]+\s"
)
_SEGMENT_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)")
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})/")
_MAX_DATELINE_LENGTH = 100


@dataclass(frozen=True)
class Dateline:
    date: datetime.datetime
    kind: str  # PUBLISHED, UPDATED, BARE, AGENCY or URL
    index: int | None = None  # the unit that only holds the dateline, if any
    agency: str | None = None


@functools.lru_cache(maxsize=4096)
def parse_date(text: str, date_order: str = "MDY", timezone: str = "UTC"):
    """A full date (day, month and year) in ``text``, or None.

    Relative dates ("3 hours ago") and bare numbers are refused: they would
    make the result depend on the day of the build.
    """
    if not any(char.isdigit() for char in text) or len(text) > _MAX_DATELINE_LENGTH:
        return None
    return dateparser.parse(
        text,
        languages=["en"],
        settings={
            "DATE_ORDER": date_order,
            "TIMEZONE": timezone,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )


def _parse_line(text: str, outlet: Outlet):
    """A date filling the whole line or one of its ``|``-separated parts."""
    for segment in (text, *_SEGMENT_SEPARATOR.split(text)):
        date = parse_date(segment, outlet.date_order, outlet.timezone or "UTC")
        if date is not None:
            return date
    return None


def _keyword_datelines(units, marks, outlet):
    for index, text in enumerate(units):
        if marks[index] is not None or len(text) > _MAX_DATELINE_LENGTH:
            continue
        found = _KEYWORD_LINE.match(text)
        if found is None:
            continue
        date = _parse_line(found["rest"], outlet)
        if date is not None:
            keyword = found["keyword"].casefold()
            kind = PUBLISHED if "publish" in keyword or "posted" in keyword else UPDATED
            yield Dateline(date, kind, index)


def _bare_dateline(units, marks, top_end, outlet):
    for index in range(top_end):
        # A line led by "Published" or "Updated" is no bare date (and
        # dateparser took 0.5 ms to say so for each).
        if marks[index] is None and not _KEYWORD_LINE.match(units[index]):
            date = _parse_line(units[index], outlet)
            if date is not None:
                return Dateline(date, BARE, index)
    return None


def _agency_dateline(units, marks, top_end, outlet, url):
    first = next((i for i in range(top_end, len(units)) if marks[i] is None), None)
    if first is None:
        return None
    found = _AGENCY_DATELINE.match(units[first])
    if found is None:
        return None
    text = found["date"]
    if not re.search(r"\d{4}$", text):
        year = _URL_YEAR.search(url or "")
        if year is None:
            return None
        text = f"{text} {year[1]}"
    date = parse_date(text, outlet.date_order, outlet.timezone or "UTC")
    if date is None:
        return None
    return Dateline(date, AGENCY, agency=found["agency"])


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
) -> Scan:
    """The article's own date, preferring the most explicit dateline.

    Only lines that still belong to the story are searched (``marks[i]`` is
    None), so dates in removed blocks such as related-story lists never count;
    a bare date only counts above the first paragraph (``top_end``).
    """
    keyword = list(_keyword_datelines(units, marks, outlet))
    bare = _bare_dateline(units, marks, top_end, outlet)
    published = next((d for d in keyword if d.kind == PUBLISHED), None)
    updated = next((d for d in keyword if d.kind == UPDATED), None)
    best = (
        published
        or bare
        or updated
        or _agency_dateline(units, marks, top_end, outlet, url)
        or _url_dateline(url, outlet)
    )
    lines = {d.index for d in (*keyword, bare) if d is not None}
    return Scan(best, tuple(sorted(lines)))
