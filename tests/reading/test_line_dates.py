"""Dates read from one line: its formats, languages and keywords, and whether
it is a dateline at all."""

from __future__ import annotations

import pytest

from newsarchive.reading import date_patterns
from newsarchive.reading.datelines import (
    BARE,
    PUBLISHED,
    UPDATED,
    is_dateline,
    parse_date,
)
from newsarchive.reading.outlets import UNKNOWN
from tests.reading.test_datelines import (
    MOSCOW,
    MOSCOW_DAILY,
    P1,
    P2,
    US_WIRE,
    assert_date,
    day,
    scan_page,
    tz,
)


@pytest.mark.parametrize(
    "text",
    ["12 hours ago", "yesterday", "Nov 10", "2020", "17 political parties", "Monthly"],
)
def test_relative_partial_and_non_dates_are_refused(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        (UNKNOWN, day(2021, 3, 3, 12, 40)),
        (MOSCOW_DAILY, day(2021, 3, 3, 12, 40, MOSCOW)),
    ],
)
def test_a_time_before_the_date_and_the_first_of_a_pair(outlet, expected):
    found = scan_page(
        "Headline",
        "12:40 03.03.2021 (обновлено: 15:02 03.03.2021)",
        P1,
        P2,
        language="ru",
        outlet=outlet,
    )
    assert_date(found, expected, BARE)
    assert found.lines == (1,)


@pytest.mark.parametrize(
    ("line", "language", "outlet", "expected"),
    [
        # Dots: day first everywhere, even for a month-first outlet.
        ("03.04.2021", "en", UNKNOWN, day(2021, 4, 3)),
        ("03.04.2021", "en", US_WIRE, day(2021, 4, 3)),
        ("03.04.2021", "ru", UNKNOWN, day(2021, 4, 3)),
        # Slashes: the outlet's order when outlets.toml gives it...
        ("03/04/2021", "en", US_WIRE, day(2021, 3, 4)),
        ("03/04/2021", "en", MOSCOW_DAILY, day(2021, 4, 3, zone=MOSCOW)),
        # ... else the language's: day first, in English too.
        ("03/04/2021", "en", UNKNOWN, day(2021, 4, 3)),
        ("03/04/2021", "fr", UNKNOWN, day(2021, 4, 3)),
        ("03-04-2021", "tr", UNKNOWN, day(2021, 4, 3)),
        # A day over 12 decides, whatever the order.
        ("03/25/2021", "en", UNKNOWN, day(2021, 3, 25)),
        ("25/03/2021", "en", US_WIRE, day(2021, 3, 25)),
        # Year first is never ambiguous.
        ("2021/03/04", "en", UNKNOWN, day(2021, 3, 4)),
    ],
)
def test_numeric_dates(line, language, outlet, expected):
    found = scan_page("Headline", line, P1, P2, language=language, outlet=outlet)
    assert_date(found, expected)


@pytest.mark.parametrize(
    ("line", "language", "expected", "kind"),
    [
        ("10 ноября 2020", "ru", day(2020, 11, 10), BARE),
        ("10 ноября 2020 г., 14:32", "ru", day(2020, 11, 10, 14, 32), BARE),
        ("10 listopada 2020", "pl", day(2020, 11, 10), BARE),
        ("10 Kasım 2020 Salı", "tr", day(2020, 11, 10), BARE),
        ("10 KASIM 2020", "tr", day(2020, 11, 10), BARE),
        ("10. November 2020", "de", day(2020, 11, 10), BARE),
        ("10 novembre 2020", "fr", day(2020, 11, 10), BARE),
        ("10 de noviembre de 2020", "es", day(2020, 11, 10), BARE),
        ("Publié le 10/11/2020 à 18h32", "fr", day(2020, 11, 10, 18, 32), PUBLISHED),
        ("Опубликовано: 10.11.2020", "ru", day(2020, 11, 10), PUBLISHED),
        ("Yayınlanma: 10.11.2020 - 14:32", "tr", day(2020, 11, 10, 14, 32), PUBLISHED),
        ("Veröffentlicht am 10.11.2020", "de", day(2020, 11, 10), PUBLISHED),
        ("Stand: 10.11.2020, 14:32 Uhr", "de", day(2020, 11, 10, 14, 32), UPDATED),
    ],
)
def test_dates_in_the_articles_language(line, language, expected, kind):
    found = scan_page("Headline", line, P1, P2, language=language)
    assert_date(found, expected, kind)
    assert found.lines == (1,)


def test_the_language_is_given_to_dateparser():
    assert parse_date("10 ноября 2020", "DMY", "UTC", "ru") == day(2020, 11, 10)
    # Told the text is English, dateparser does not try the other languages.
    assert parse_date("10 ноября 2020", "DMY", "UTC", "en") is None
    assert date_patterns._languages("ru") == ("ru", "en")
    assert date_patterns._languages("en") == ("en",)
    assert date_patterns._languages("pt-BR") == ("pt", "en")
    assert date_patterns._languages("xx") == ("en",)


@pytest.mark.parametrize(
    ("lines", "language", "expected", "kind"),
    [
        (["Published On 10 Nov 2020"], "en", day(2020, 11, 10), PUBLISHED),
        (["Updated 11:17, 11-Nov-2020"], "en", day(2020, 11, 11, 11, 17), UPDATED),
        (["Publicado el 10 nov 2020"], "es", day(2020, 11, 10), PUBLISHED),
        (
            ["Aktualisiert am 11.01.2021-20:41"],
            "de",
            day(2021, 1, 11, 20, 41),
            UPDATED,
        ),
        # "Published" wins over "Updated", whichever comes first.
        (
            ["Modifié le 11/11/2020 à 09h15", "Publié le 10/11/2020 à 18h32"],
            "fr",
            day(2020, 11, 10, 18, 32),
            PUBLISHED,
        ),
        (
            ["Обновлено: 11.11.2020 09:00", "Опубликовано: 10.11.2020 14:32"],
            "ru",
            day(2020, 11, 10, 14, 32),
            PUBLISHED,
        ),
        (
            ["Güncelleme: 11.11.2020 09:00 | Yayınlanma: 10.11.2020 14:32"],
            "tr",
            day(2020, 11, 10, 14, 32),
            PUBLISHED,
        ),
        (
            ["Posted by Jane Doe on November 10, 2020 at 3:45 p.m. EST"],
            "en",
            day(2020, 11, 10, 15, 45, zone=tz(-5)),
            PUBLISHED,
        ),
        # A date beside the headline beats an "Updated" one.
        (
            ["Updated 12 November 2020", "Tuesday 10 November 2020"],
            "en",
            day(2020, 11, 10),
            BARE,
        ),
    ],
)
def test_keyword_lines(lines, language, expected, kind):
    found = scan_page("Headline", *lines, P1, P2, language=language)
    assert_date(found, expected, kind)
    assert found.lines == tuple(range(1, len(lines) + 1))


@pytest.mark.parametrize(
    ("line", "expected", "kind"),
    [
        ("Nov. 10, 2020Updated Nov. 11, 2020", day(2020, 11, 10), BARE),
        ("Published On 10 Nov 202010 Nov 2020", day(2020, 11, 10), PUBLISHED),
        ("Updated 11 Nov 2020Published 10 Nov 2020", day(2020, 11, 10), PUBLISHED),
    ],
)
def test_lines_run_together_by_the_copy(line, expected, kind):
    found = scan_page("Headline", line, P1, P2)
    assert_date(found, expected, kind)
    assert found.lines == (1,)


def test_a_standfirst_with_a_date_is_no_dateline():
    found = scan_page(
        "Headline",
        "Ceasefire signed on 10 November 2020 ends six weeks of war in the region",
        P1,
        P2,
    )
    assert found.best is None
    assert found.lines == ()


@pytest.mark.parametrize(
    "line",
    [
        "3 hours ago",
        "Updated 2 hours ago",
        "Published 3 hours ago",
        "14:27",
        "Updated 14:27",
        "Today",
        "yesterday",
        "2020",
        "November 2020",
        "4 min read",
    ],
)
def test_relative_dates_and_bare_times_are_refused(line):
    found = scan_page("Headline", line, P1, P2)
    assert found.best is None
    assert found.lines == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published On 10 Nov 2020", True),
        ("Обновлено: 11.11.2020 09:00", True),
        ("10 November 2020 | 3 min read", True),
        ("Armenia and Azerbaijan sign a deal on 10 November 2020", False),
        ("Headline", False),
    ],
)
def test_is_dateline(text, expected):
    assert is_dateline(text, "ru") is expected
