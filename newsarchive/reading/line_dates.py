"""The dates in one line of text, and whether the line is a dateline.

Regular expressions (``date_patterns``) only find *where* a date is; the date
itself is always read by dateparser, in the article's language (then English),
with the outlet's date order and time zone.

A line is a date line when, besides its dates, their times and keywords, it
holds a few words at most (a weekday, "on", "Uhr", an author's name).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import dateparser
import dateparser.date
from dateparser.timezone_parser import pop_tz_offset_from_string

from newsarchive.reading.date_patterns import (
    _KEYWORD,
    _RUN_TOGETHER,
    _TIME_AFTER,
    _TIME_BEFORE,
    _YEAR_SUFFIX,
    _Grammar,
    _grammar,
    _languages,
    _month_name,
)

PUBLISHED = "published"
UPDATED = "updated"
BARE = "bare"
AGENCY = "agency"
URL = "url"

_MAX_DATELINE_LENGTH = 100
# A line holding a dateline beside other things ("By Jane Doe | Nov 10, 2020")
# is read up to this length; prose is longer.
_MAX_LINE_LENGTH = 160
# Words besides the date, its time and its keyword that a dateline line may
# hold: a weekday, "on", "am", "Uhr", an author's name above the story.
_MAX_OTHER_WORDS_TOP = 4
_MAX_OTHER_WORDS = 3
_MAX_OTHER_WORDS_DATELINE = 2
_MAX_OTHER_WORDS_SENTENCE = 2

_SEGMENT = re.compile(r"\s+[|·•/–—-]\s+|[|·•]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE = re.compile(r"[^\W\d_][.!?…]['\"’”)\]]*$")

# A wire dateline: "MOSCOW, Nov 10 (Reuters) -", "ANKARA, March 3. /TASS/.",
# "Bakú, 11 nov (EFE).-", "YEREVAN, Armenia, Nov. 10, 2020 (AP) —".
_AGENCY_PLACE = re.compile(
    r"[^\W\d_][\w.'’/ -]{0,40}?(?:,\s*[^\W\d_][\w.'’ -]{0,30}?)?,\s*"
)
_AGENCY_TAIL = re.compile(
    r"\s*[.,]?\s*(?:(?:\((?P<agency>[^()]{2,40})\)|/(?P<slashed>[^/\s][^/]{1,30})/)"
    r"\s*[.,:]?\s*(?:[-–—]+|$|(?=\w))|[-–—]+)"
)
_AGENCY_REACH = 100

_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=4096)
def parse_date(
    text: str, date_order: str = "MDY", timezone: str = "UTC", language: str = "en"
):
    """A full date (day, month and year) in ``text``, or None.

    Relative dates ("3 hours ago") and bare numbers are refused: they would
    make the result depend on the day of the build.
    """
    if not any(char.isdigit() for char in text) or len(text) > _MAX_DATELINE_LENGTH:
        return None
    # A date printed with its zone ("11:45 PM ET") is that day there: read in
    # another zone, a late-evening story would move to the next day.
    text, printed_zone = pop_tz_offset_from_string(text)
    parsed = (
        _parser(tuple(_languages(language)), date_order, timezone)
        .get_date_data(text)
        .date_obj
    )
    if parsed is not None and printed_zone is not None:
        parsed = parsed.replace(tzinfo=printed_zone)
    return parsed


@functools.cache
def _parser(languages: tuple[str, ...], date_order: str, timezone: str):
    """One dateparser parser per language, order and zone: making one for
    each date was a third of the time dates took."""
    return dateparser.date.DateDataParser(
        languages=list(languages),
        settings={
            "DATE_ORDER": date_order,
            "TIMEZONE": timezone,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )


def _time_text(found: re.Match[str]) -> str:
    """A time as dateparser reads it best: "18h32" → "18:32", "p.m." → "pm"."""
    ampm = found["ampm"] or found["ampm2"]
    parts = [found["hour"]]
    if found["minute"]:
        parts = [f"{found['hour']}:{found['minute']}"]
        if found["second"]:
            parts[0] += f":{found['second']}"
    if ampm:
        parts.append(re.sub(r"[.\s]", "", ampm).lower())
    if found["zone"]:
        parts.append(found["zone"])
    return " ".join(parts)


@dataclass(frozen=True)
class _Date:
    """A date found in a line, as text for dateparser."""

    core: str  # the date without the year when printed without one
    year: str | None  # the printed year of a day-and-month-name date
    time: str
    order: str | None  # "DMY" or "YMD" when the separator decides, else None
    has_year: bool
    start: int  # of the date with its time, in the line
    end: int

    def text(self, year: int | None = None) -> str:
        printed = self.year if year is None else str(year)
        return " ".join(part for part in (self.core, printed, self.time) if part)


def _dates(grammar: _Grammar, text: str) -> list[_Date]:
    found_dates = []
    previous_end = 0
    for found in grammar.dates.finditer(text):
        if found.start() < previous_end:
            continue
        start, end = found.span()
        time = ""
        order = None
        year = None
        if found["iso"] or found["ymd"]:
            core, order = found["iso"] or found["ymd"], "YMD"
        elif found["numeric"]:
            core = found["numeric"]
            if "." in (found["sep"], found["short_sep"]):
                order = "DMY"  # dotted dates are day first everywhere
        else:
            day = found["day1"] or found["day2"]
            month = _month_name(grammar, found["month1"] or found["month2"])
            core, year = f"{day} {month}", found["year1"] or found["year2"]
        if year is not None or found["numeric"]:
            suffix = _YEAR_SUFFIX.match(text, end)
            if suffix is not None:
                end = suffix.end()
        if not (found["iso"] and "T" in found["iso"].upper()):
            after = _TIME_AFTER.match(text, end)
            if after is not None:
                time, end = _time_text(after), after.end()
            else:
                before = _TIME_BEFORE.search(text, max(previous_end, start - 45), start)
                if before is not None:
                    time, start = _time_text(before), before.start()
        has_year = year is not None or (not found["day1"] and not found["day2"])
        found_dates.append(_Date(core, year, time, order, has_year, start, end))
        previous_end = end
    return found_dates


def _masked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with its dates, times and keywords blanked out."""
    masked = list(text)
    for start, end in spans:
        masked[start:end] = " " * (end - start)
    return "".join(masked)


def _other_words(masked: str, at: int) -> int:
    """Words left in the part of a ``masked`` line that holds ``at``."""
    start, end = 0, len(masked)
    for separator in _SEGMENT.finditer(masked):
        if separator.end() <= at:
            start = separator.end()
        elif separator.start() >= at:
            end = separator.start()
            break
    return len(_WORD.findall(masked, start, end))


def _line_dates(grammar: _Grammar, text: str, max_other_words: int):
    """(date, kind) for each date of a line that is a dateline, else nothing."""
    if len(text) > _MAX_LINE_LENGTH or not _DIGIT.search(text):
        return []
    if _RUN_TOGETHER.search(text):
        text = _RUN_TOGETHER.sub(lambda found: (found[1] or "") + " ", text)
    dates = _dates(grammar, text)
    if not dates:
        return []
    keywords = list(_KEYWORD.finditer(text))
    masked = _masked(
        text, [(d.start, d.end) for d in dates] + [k.span() for k in keywords]
    )
    if _SENTENCE.search(masked.rstrip()):
        # "On 9 November 2020 the talks began.": a sentence, not a dateline.
        max_other_words = min(max_other_words, _MAX_OTHER_WORDS_SENTENCE)
    result = []
    previous_end = 0
    for date in dates:
        if _other_words(masked, date.start) <= max_other_words:
            kind = BARE
            for keyword in keywords:
                if previous_end <= keyword.start() and keyword.end() <= date.start:
                    if keyword["published"]:
                        kind = PUBLISHED
                    elif keyword["updated"]:
                        kind = UPDATED
                    else:
                        kind = BARE
            result.append((date, kind))
        previous_end = date.end
    return result


def _agency_dateline(grammar: _Grammar, text: str):
    """(date, agency) of a wire dateline opening ``text``, or None."""
    text = text[:_AGENCY_REACH]
    if not text[:1].isupper() or not _DIGIT.search(text):
        return None
    found = grammar.dates.search(text)
    if found is None or not _AGENCY_PLACE.fullmatch(text, 0, found.start()):
        return None
    tail = _AGENCY_TAIL.match(text, found.end())
    if tail is None:
        return None
    date = _dates(grammar, found[0])
    if not date:
        return None
    agency = tail["agency"] or tail["slashed"]
    return date[0], agency and agency.strip()


def is_dateline(text: str, language: str = "en") -> bool:
    """Whether ``text`` is a line that only holds a date, with its time, its
    keyword ("Published", "Обновлено") and a word or two: no headline."""
    return bool(_line_dates(_grammar(language), text, _MAX_OTHER_WORDS_DATELINE))
