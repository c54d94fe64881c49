"""``scan``: the publication date among a page's lines, and the years of dates
printed without one."""

from __future__ import annotations

import datetime

import pytest

from newsarchive.reading import datelines, line_dates
from newsarchive.reading.datelines import AGENCY, BARE, PUBLISHED, parse_date, scan
from newsarchive.reading.outlets import UNKNOWN, Outlet

UTC = datetime.UTC


def tz(hours: float) -> datetime.timezone:
    return datetime.timezone(datetime.timedelta(hours=hours))


# ---------------------------------------------------------------------------
# ``scan`` on invented page fragments, one unit per line as parse.py gives them:
# "Headline" is marked as the title, lines from "Related" on as a related
# block, "©" lines as copyright; the story starts at the first line of prose.

P1 = (
    "The talks went on through the night and ended with a short statement to the press."
)
P2 = "Officials on both sides said they expected the agreement to hold through the winter."
P3 = (
    "Aid groups asked for access to the villages cut off by the fighting in the region."
)

# Outlets as outlets.toml describes them: an American wire, a Moscow daily.
US_WIRE = Outlet(
    name="Example Wire", domains=("wire.example",), timezone="UTC", date_order="MDY"
)
MOSCOW_DAILY = Outlet(
    name="Example Daily",
    domains=("daily.example",),
    timezone="Europe/Moscow",
    date_order="DMY",
)
MOSCOW = tz(3)


def _is_prose(text: str) -> bool:
    return len(text.split()) >= 8 and text.endswith((".", "!", "?", ":"))


def scan_page(*lines, language="en", outlet=UNKNOWN, url=None):
    units = list(lines)
    marks: list[str | None] = [None] * len(units)
    for index, text in enumerate(units):
        if text == "Headline":
            marks[index] = "title"
        elif text.startswith("Related"):
            marks[index:] = ["related-block"] * (len(units) - index)
            break
        elif text.startswith("©"):
            marks[index] = "copyright"
    top_end = next(
        (i for i, t in enumerate(units) if marks[i] is None and _is_prose(t)),
        len(units),
    )
    return scan(units, marks, top_end, outlet, url, language=language)


def day(year, month, date, hour=0, minute=0, zone=UTC):
    return datetime.datetime(year, month, date, hour, minute, tzinfo=zone)


def assert_date(found, expected, kind=None):
    assert found.best is not None
    assert found.best.date == expected
    assert found.best.date.utcoffset() == expected.utcoffset()
    if kind is not None:
        assert found.best.kind == kind


@pytest.mark.parametrize("outlet", [UNKNOWN, US_WIRE], ids=["unknown", "known"])
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["MARCH 3, 2021 / 9:15 PM", "Headline"], day(2021, 3, 3, 21, 15)),
        (["Mar 3, 2021 | 09:15", "Headline"], day(2021, 3, 3, 9, 15)),
        (["3 March 2021, 21:15 GMT", "Headline"], day(2021, 3, 3, 21, 15)),
        # A section label between the date and the headline.
        (["Mar 3, 2021 | 09:15", "World", "Headline"], day(2021, 3, 3, 9, 15)),
        # Nothing beside the headline: a date anywhere above the story counts.
        (
            ["Headline", "Listen", "Share", "Photo: Example", "3 March 2021"],
            day(2021, 3, 3),
        ),
    ],
)
def test_a_date_line_above_the_headline(lines, expected, outlet):
    found = scan_page(*lines, P1, P2, outlet=outlet)
    assert_date(found, expected, BARE)
    assert found.best.index in found.lines


def test_the_date_beside_the_headline_beats_a_masthead_date_far_above():
    found = scan_page(
        "Tuesday, 9 March 2021",  # the site's date on the day of the copy
        "News",
        "World",
        "Europe",
        "Headline",
        "3 March 2021",
        P1,
        P2,
    )
    assert_date(found, day(2021, 3, 3))


def test_a_masthead_date_far_above_does_not_beat_a_wire_dateline():
    found = scan_page(
        "Tuesday, 9 March 2021",
        "News",
        "World",
        "Headline",
        "ANKARA, March 3 (Example) - " + P1,
        P2,
    )
    assert_date(found, day(2021, 3, 3), AGENCY)


@pytest.mark.parametrize(
    "foot", ["Date 10.11.2020", "10 November 2020", "Дата: 10.11.2020"]
)
def test_a_date_at_the_foot_of_the_page(foot):
    found = scan_page("Headline", P1, P2, P3, foot, "Tags", language="ru")
    assert_date(found, day(2020, 11, 10), BARE)
    assert found.lines == (4,)


def test_a_date_above_the_story_beats_one_at_its_foot():
    found = scan_page("Headline", "12 November 2020", P1, P2, "10 November 2020")
    assert_date(found, day(2020, 11, 12))


def test_a_date_line_below_a_standfirst_caption_and_byline_dates_the_article():
    # The standfirst and the caption read as paragraphs; the byline does not.
    found = scan_page(
        "Headline",
        P1,
        P2,
        "Jane Roe",
        "06 de marzo 2023, 08:15 a. m.",
        P3,
        P1,
        language="es",
    )
    assert_date(found, datetime.datetime(2023, 3, 6, 8, 15, tzinfo=UTC), BARE)
    assert found.lines == (4,)


def test_a_date_line_inside_the_story_is_not_the_articles():
    # A live page's entry, an event's date on a line of its own: story text.
    found = scan_page("Headline", P1, P2, "10 November 2020", P3)
    assert found.best is None
    assert found.lines == ()


@pytest.mark.parametrize(
    ("lines", "language", "url", "expected", "agency"),
    [
        # The year from a copyright line.
        (
            ["ANKARA, March 3. /TASS/. " + P1, P2, "© 2021 Example Agency"],
            "en",
            None,
            day(2021, 3, 3),
            "TASS",
        ),
        # ... from the URL.
        (
            ["MOSCOW, Nov 10 (Reuters) - " + P1, P2],
            "en",
            "https://example.com/world/2020/11/story",
            day(2020, 11, 10),
            "Reuters",
        ),
        # ... from a date elsewhere in the page, here inside the story.
        (
            [
                "BAKU, 10 November (APA) – " + P1,
                "On 9 November 2020 the talks began.",
                P2,
            ],
            "en",
            None,
            day(2020, 11, 10),
            "APA",
        ),
        (
            ["Bakú, 11 nov (EFE).- " + P1, P2, "Actualizado 11 de noviembre de 2020"],
            "es",
            None,
            day(2020, 11, 11),
            "EFE",
        ),
        # A dash and no agency, in Russian.
        (
            ["МОСКВА, 10 ноября — Example. " + P1, P2, "© 2020 Example"],
            "ru",
            None,
            day(2020, 11, 10),
            None,
        ),
        # The nearest year to the page's other date: 31 December is of 2020
        # on a page updated on 2 January 2021.
        (
            ["MOSCOW, Dec 31 (Reuters) - " + P1, P2, "Updated 2 January 2021"],
            "en",
            None,
            day(2020, 12, 31),
            "Reuters",
        ),
        # With a year, none is needed.
        (
            ["Ankara, November 10, 2020 (Anadolu) - " + P1, P2],
            "en",
            None,
            day(2020, 11, 10),
            "Anadolu",
        ),
    ],
)
def test_wire_datelines(lines, language, url, expected, agency):
    found = scan_page("Headline", *lines, language=language, url=url)
    assert_date(found, expected, AGENCY)
    assert found.best.agency == agency
    assert found.best.index is None  # the dateline opens the story: it stays
    assert 1 not in found.lines


def test_a_stamp_without_a_year_takes_the_pages():
    found = scan_page("Headline", "12 NOV, 14:27", P1, P2, "© 2020 Example")
    assert_date(found, day(2020, 11, 12, 14, 27), BARE)
    assert found.lines == (1,)


@pytest.mark.parametrize(
    "lines",
    [
        ["MOSCOW, Nov 10 (Reuters) - " + P1, P2],
        ["Bakú, 11 nov (EFE).- " + P1, P2],
        ["12 NOV, 14:27", P1, P2],
    ],
)
def test_without_any_year_there_is_no_date(lines):
    # Never the year of the build.
    assert scan_page("Headline", *lines, language="es").best is None


def test_an_event_date_in_the_story_is_not_taken_when_a_dateline_exists():
    event = (
        "The agreement was signed on 9 November 2020 in Moscow after weeks of talks."
    )
    found = scan_page("Headline", "Published 12 November 2020", event, P2)
    assert_date(found, day(2020, 11, 12), PUBLISHED)
    found = scan_page("Headline", "MOSCOW, Nov 12 (Reuters) - " + event, P2)
    assert_date(found, day(2020, 11, 12), AGENCY)
    # With no dateline at all, the event's date is still not the article's.
    assert scan_page("Headline", event, P2).best is None


def test_a_date_line_taken_for_the_headline_still_dates_the_article():
    units = ["10 November 2020 | 3 min read", "Headline", P1, P2]
    marks = ["title", None, None, None]
    found = scan(units, marks, 2, UNKNOWN)
    assert_date(found, day(2020, 11, 10))


def test_the_date_in_the_url_is_the_last_resort():
    found = scan_page("Headline", P1, P2, url="https://example.com/2020/11/10/story")
    assert_date(found, day(2020, 11, 10))
    assert found.best.kind == datelines.URL


def test_scan_keeps_its_positional_signature():
    units = ["Headline", "Published 10/11/2020", P1, P2]
    found = scan(units, ["title", None, None, None], 2, UNKNOWN, None)
    assert_date(found, day(2020, 11, 10))
    found = scan(units, ["title", None, None, None], 2, UNKNOWN, None, "xx")
    assert_date(found, day(2020, 11, 10))


def _long_page(variant: str, number: int) -> list[str]:
    date = 1 + number % 28
    words = "the minister said on Tuesday that talks would resume next week".split()
    story = [
        " ".join(words[(i + j) % len(words)] for j in range(60)).capitalize() + "."
        for i in range(40)
    ]
    story[5] = f"On {date} October 2020 " + story[5]
    top = ["Skip to content", "News", "Tuesday, 1 December 2020", "Search"]
    top += ["Headline", "By Jane Doe"]
    if variant == "published":
        top.append(f"Published {date} November 2020 14:05 GMT | Updated 18:10 GMT")
    elif variant == "wire":
        story[0] = f"MOSCOW, Nov {date} (Reuters) - " + story[0]
    foot = [f"Date {date:02d}.11.2020", "Tags", "Related stories"]
    foot += [f"Another story {i}, {i + 1} November 2020" for i in range(5)]
    return [*top, *story, *foot, "© 2020 Example"]


@pytest.mark.parametrize("variant", ["published", "wire", "foot"])
def test_a_long_page_is_read_with_few_dateparser_calls(variant, monkeypatch):
    calls = []
    parser = line_dates.dateparser.date.DateDataParser
    read = parser.get_date_data

    def counted(self, text, *args, **kwargs):
        calls.append(text)
        return read(self, text, *args, **kwargs)

    monkeypatch.setattr(parser, "get_date_data", counted)
    parse_date.cache_clear()
    found = scan_page(*_long_page(variant, 7))
    assert found.best is not None
    assert found.best.date.day == 8
    # dateparser takes about a millisecond a date: one for the date, one more
    # for the page's year when the dateline has none.
    assert 1 <= len(calls) <= (2 if variant == "wire" else 1)
    scan_page(*_long_page(variant, 7))
    assert len(calls) <= 2  # read again: from the cache
