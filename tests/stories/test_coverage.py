"""How the articles of one story compare, without Pelican."""

from __future__ import annotations

import datetime

import pytest

from newsarchive.stories.coverage import (
    align_figures,
    compare,
    compare_entities,
    distinct_sentences,
    representative,
    sentences,
)
from newsarchive.stories.grouping import StoryRecord

DAY = datetime.date(2020, 11, 10)


def record(publisher, title, paragraphs=(), mentions=None) -> StoryRecord:
    return StoryRecord(
        publisher, DAY, publisher, mentions or {}, title, tuple(paragraphs)
    )


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("One. Two three.", ["One.", "Two three."]),
        ('He said "go." Then left.', ['He said "go."', "Then left."]),
        ("About 2,000 troops. 90 APCs.", ["About 2,000 troops.", "90 APCs."]),
        # No capital after the stop: an abbreviation, not a sentence's end.
        ("The U.S. envoy came.", ["The U.S. envoy came."]),
    ],
)
def test_sentences(paragraph, expected):
    assert sentences(paragraph) == expected


def test_entities_all_mention_and_those_only_some_do():
    records = [
        record("A", "x", mentions={"Armenia": 3, "Russia": 1, "France": 1}),
        record("B", "x", mentions={"Armenia": 1, "Russia": 5, "Iran": 2}),
        record("C", "x", mentions={"Armenia": 1, "Iran": 1, "Kremlin": 1}),
    ]
    shared, partial = compare_entities(records)
    assert shared == ("Armenia",)
    assert partial == (
        (("A", "B"), ("Russia",)),
        (("B", "C"), ("Iran",)),
        (("A",), ("France",)),
        (("C",), ("Kremlin",)),
    )


def test_figures_are_lined_up_by_what_they_count():
    records = [
        record("A", "Peacekeepers deploy", ["A force of 1,960 military personnel."]),
        record(
            "B",
            "2,000 troops deploy",
            ["Almost 2,000 servicemen and 380 vehicles were sent."],
        ),
    ]
    rows = align_figures(records)
    assert [(row.label, row.reported_by) for row in rows] == [
        ("troops", 2),
        ("vehicles", 1),
    ]
    troops = [[figure.text for figure in cell] for cell in rows[0].cells]
    assert troops == [
        ["1,960 military personnel"],
        ["2,000 troops", "almost 2,000 servicemen"],
    ]
    assert rows[1].cells[0] == ()


def test_distinct_sentences_leave_out_what_the_other_also_says():
    shared = "Russian peacekeepers began deploying to the region on Tuesday morning."
    records = [
        record(
            "A",
            "x",
            [
                shared,
                "Protesters stormed the parliament building in Yerevan overnight.",
                "Too short here.",
            ],
        ),
        record(
            "B",
            "x",
            [
                "Russian peacekeepers began deploying to the region on Tuesday.",
                "Moscow sees itself as the main arbiter in the South Caucasus.",
            ],
        ),
    ]
    assert distinct_sentences(records, most=3, similarity=0.5) == (
        ("Protesters stormed the parliament building in Yerevan overnight.",),
        ("Moscow sees itself as the main arbiter in the South Caucasus.",),
    )
    assert distinct_sentences(records, most=0, similarity=0.5) == ((), ())


def test_the_story_is_named_by_the_headline_most_alike_the_others():
    records = [
        record("A", "Markets rally"),
        record("B", "Peacekeepers head to Karabakh after deal"),
        record("C", "Russian peacekeepers head to Karabakh"),
    ]
    assert representative(records).publisher == "B"
    # A tie goes to the earliest, the first given.
    assert representative(records[1:][::-1]).publisher == "C"


def test_compare_puts_it_together():
    records = [
        record("A", "Title one", ["Some words here for the test."], {"Armenia": 1}),
        record("B", "Title two", ["Other words there for a test."], {"Armenia": 2}),
    ]
    coverage = compare(records)
    assert coverage.title == "Title one"
    assert coverage.shared_entities == ("Armenia",)
    assert coverage.partial_entities == ()
    assert len(coverage.distinct) == 2
