"""Datelines as news sites print them, read through the whole parser."""

from __future__ import annotations

import datetime

import pytest

from newsarchive.reading.parse import read_article
from tests.reading.test_datelines import UTC, tz

STORY = (
    "The peacekeepers began to arrive on Tuesday, officials said, and the "
    "story runs on long enough to count as prose.\n\n"
    "A second paragraph of the story follows with more of what happened in "
    "the region, also long enough to be prose, as any report would be.\n"
)
# Who published it, for the pages that name no outlet we know.
FOOTER = "\n© 2020 Example News\n"


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        # CGTN: time first, day-first date, Beijing time from outlets.toml.
        (
            "Peacekeepers head to Nagorno-Karabakh\nUpdated 11:17, 11-Nov-2020\nCGTN",
            datetime.datetime(2020, 11, 11, 11, 17, tzinfo=tz(8)),
        ),
        # Published line, month first, weekday, time and zone.
        (
            "Peacekeepers head to Nagorno-Karabakh\nPublished Tuesday, November 10, 2020 14:05 GMT",
            datetime.datetime(2020, 11, 10, 14, 5, tzinfo=UTC),
        ),
        # Day first with a weekday and a colon.
        (
            "Peacekeepers head to Nagorno-Karabakh\nPublished: Tue 10 Nov 2020 09.05 GMT",
            datetime.datetime(2020, 11, 10, 9, 5, tzinfo=UTC),
        ),
        # Al Jazeera style, outlet's zone (Doha) applied to a date without a time.
        (
            "Peacekeepers head to Nagorno-Karabakh\nPublished On 10 Nov 2020",
            datetime.datetime(2020, 11, 10, tzinfo=tz(3)),
        ),
        # "Posted on" with a US zone abbreviation.
        (
            "Peacekeepers head to Nagorno-Karabakh\nPosted on November 10, 2020 at 3:45 p.m. EST",
            # The day and hour as printed, in the zone printed.
            datetime.datetime(2020, 11, 10, 15, 45, tzinfo=tz(-5)),
        ),
        # A bare date line under the headline, segments split by "|".
        (
            "Peacekeepers head to Nagorno-Karabakh\n10 November 2020 | 3 min read",
            datetime.datetime(2020, 11, 10, tzinfo=UTC),
        ),
        # Published wins over Updated, in either order.
        (
            "Peacekeepers head to Nagorno-Karabakh\nUpdated 12 November 2020\nPublished 10 November 2020",
            datetime.datetime(2020, 11, 10, tzinfo=UTC),
        ),
        # Numeric dates follow the outlet's order: The Moscow Times is day first.
        (
            "Peacekeepers head to Nagorno-Karabakh\nSupport The Moscow Times!\nPublished 10/11/2020",
            datetime.datetime(2020, 11, 10, tzinfo=tz(3)),
        ),
        # ... an unknown outlet's is read day first: month first is only for
        # outlets known to be American.
        (
            "Peacekeepers head to Nagorno-Karabakh\nPublished 10/11/2020",
            datetime.datetime(2020, 11, 10, tzinfo=UTC),
        ),
        # ISO 8601 with an offset, as some CMSs print it.
        (
            "Peacekeepers head to Nagorno-Karabakh\nPublished 2020-11-10T09:00:00+03:00",
            datetime.datetime(2020, 11, 10, 9, 0, tzinfo=tz(3)),
        ),
    ],
)
def test_dateline_lines(top, expected):
    article = read_article(f"{top}\n\n{STORY}{FOOTER}")
    assert article.date == expected
    assert article.date.utcoffset() == expected.utcoffset()
    assert article.title == "Peacekeepers head to Nagorno-Karabakh"
    assert not article.problems


@pytest.mark.parametrize(
    ("first_paragraph", "url", "expected", "source"),
    [
        (
            "MOSCOW, Nov 10, 2020 (Reuters) - Russian peacekeepers headed to the region on Tuesday.",
            None,
            datetime.datetime(2020, 11, 10, tzinfo=UTC),
            "Reuters",
        ),
        (
            "YEREVAN, Armenia, Nov. 10, 2020 (AP) — Protesters stormed the government headquarters.",
            None,
            datetime.datetime(2020, 11, 10, tzinfo=tz(-5)),
            "Associated Press",
        ),
        # No year in the dateline: it comes from the article's URL.
        (
            "BAKU, Nov 10 (Reuters) - Residents took to the streets to celebrate the deal on Tuesday.",
            "https://www.reuters.com/world/2020/11/10/story",
            datetime.datetime(2020, 11, 10, tzinfo=UTC),
            "Reuters",
        ),
        # An agency we have no outlet entry for is still the source.
        (
            "Ankara, November 10, 2020 (Caspian Wire) - Turkey welcomed the agreement reached overnight.",
            None,
            datetime.datetime(2020, 11, 10, tzinfo=UTC),
            "Caspian Wire",
        ),
    ],
)
def test_agency_datelines(first_paragraph, url, expected, source):
    header = f"URL: {url}\n\n" if url else ""
    article = read_article(
        f"{header}Peacekeepers head to Nagorno-Karabakh\n\n{first_paragraph}\n\n{STORY}"
    )
    assert article.date == expected
    assert article.source == source
    # The dateline opens the story's first paragraph: it stays in the text.
    assert article.paragraphs[0] == first_paragraph


def test_agency_dateline_without_a_year_anywhere_is_not_guessed():
    article = read_article(
        f"Peacekeepers head to Nagorno-Karabakh\n\nBAKU, Nov 10 (Reuters) - Residents took to the streets.\n\n{STORY}"
    )
    assert article.date is None
    assert article.problems


def test_date_in_url_is_the_last_resort():
    article = read_article(
        f"URL: https://example.com/news/2020/11/10/story-slug\n\nHeadline\n\n{STORY}"
    )
    assert article.date == datetime.datetime(2020, 11, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    "elsewhere",
    [
        # A related-stories list after the story.
        "Related stories\n\nArmenia protests grow\nPublished 3 December 2020\n",
        # A caption with a date in it.
        "Protesters in Yerevan on November 11, 2020. /AP\n",
        # A date inside a paragraph.
        "The deal was signed on 10 November 2020 in Moscow after weeks of fighting.\n",
    ],
)
def test_dates_elsewhere_on_the_page_are_not_the_articles(elsewhere):
    article = read_article(
        f"Peacekeepers head to Nagorno-Karabakh\n\n{STORY}\n{elsewhere}"
    )
    assert article.date is None
    assert article.problems


def test_a_header_date_wins_and_the_dateline_line_is_still_dropped():
    article = read_article(
        "Date: 2020-11-12\nSource: Example News\n\n"
        f"Peacekeepers head to Nagorno-Karabakh\nUpdated 11:17, 11-Nov-2020\n\n{STORY}"
    )
    assert article.date == datetime.datetime(2020, 11, 12)
    assert ("Updated 11:17, 11-Nov-2020", "dateline") in [
        (r.line, r.rule) for r in article.removed
    ]
