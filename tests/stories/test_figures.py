"""Figures: numbers and what they count, from the count nouns data file."""

from __future__ import annotations

import pytest

from newsarchive.stories.figures import Count, Counts, figures, load_counts


def found(text: str) -> list[tuple[str, float | None, str]]:
    return [(f.label, f.value, f.text) for f in figures([text])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Russian force of 1,960 military personnel and 90 armored personnel "
            "carriers will deploy.",
            [
                ("troops", 1960, "1,960 military personnel"),
                ("armoured personnel carriers", 90, "90 armored personnel carriers"),
            ],
        ),
        (
            "Almost 2,000 servicemen, 90 armored personnel carriers, and 380 "
            "vehicles and pieces of other hardware were being deployed.",
            [
                ("troops", 2000, "almost 2,000 servicemen"),
                ("armoured personnel carriers", 90, "90 armored personnel carriers"),
                ("vehicles", 380, "380 vehicles"),
            ],
        ),
        ("Nearly 2,000 peacekeepers", [("troops", 2000, "nearly 2,000 peacekeepers")]),
        (
            "Russia deploys 2,000 Russian troops",
            [("troops", 2000, "2,000 Russian troops")],
        ),
        ("Two thousand troops", [("troops", 2000, "two thousand troops")]),
        (
            "some twenty-five APCs",
            [("armoured personnel carriers", 25, "some twenty-five APCs")],
        ),
        ("a dozen tanks", [("tanks", 12, "a dozen tanks")]),
        ("1.5 million refugees", [("displaced", 1_500_000, "1.5 million refugees")]),
        (
            "Hundreds of Russian peacekeepers were heading there.",
            [("troops", None, "hundreds of Russian peacekeepers")],
        ),
        ("several hundred soldiers", [("troops", None, "several hundred soldiers")]),
        (
            "More than 1,400 people have been confirmed killed, including dozens of civilians.",
            [("deaths", 1400, "more than 1,400 people have been confirmed killed")],
        ),
        ("12 soldiers died", [("deaths", 12, "12 soldiers died")]),
        (
            "shelling killing at least 50 civilians",
            [("deaths", 50, "at least 50 civilians")],
        ),
        ("20 military planes had taken off", [("aircraft", 20, "20 military planes")]),
        # A noun no count lists is kept under its own name.
        ("echoed by 17 political parties", [("parties", 17, "17 political parties")]),
    ],
)
def test_figures_and_what_they_count(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire took effect at 21:00 GMT.",  # a time
        "Updated 11:17, 11-Nov-2020",  # a dateline
        "signed on November 10, 2020, by all sides",  # a date and a year
        "In 2020 troops were sent.",  # a year before a count noun
        "a war in the early 1990s",  # a decade
        "a renewable five-year mission",  # a compound
        "nearly 30 years ago",  # a duration
        "prices rose by 17.2 percent and 5% more",  # percentages
        "starting from just $2",  # money
        "The two countries have been locked in conflict",  # a word, no count noun
        "Three previous ceasefires had failed",
        "one of the soldiers",  # a pronoun
        "17 of the troops",  # not what the number counts
        "5,000 people attended",  # people, but no verb saying what happened
    ],
)
def test_numbers_that_are_not_figures(text):
    assert found(text) == []


def test_a_figure_repeated_in_headline_and_body_is_listed_once():
    assert [
        f.text for f in figures(["2,000 troops arrive", "Russia sent 2,000 troops."])
    ] == ["2,000 troops"]


def test_the_longest_noun_wins_and_subjects_need_their_verb():
    counts = Counts(
        [
            Count("staff", ("personnel",)),
            Count("troops", ("military personnel",)),
            Count("deaths", ("deaths",), subjects=("personnel",), verbs=("died",)),
        ]
    )
    text = "10 military personnel and 20 personnel, and 30 personnel later died."
    assert [(f.label, f.text) for f in figures([text], counts)] == [
        ("troops", "10 military personnel"),
        ("staff", "20 personnel"),
        ("deaths", "30 personnel later died"),
    ]


def test_count_nouns_data_file_is_consistent():
    counts = load_counts()
    labels = [count.label for count in counts.counts]
    assert len(labels) == len(set(labels))
    nouns = [noun.casefold() for count in counts.counts for noun in count.nouns]
    assert len(nouns) == len(set(nouns)), "a noun belongs to one count only"
    for count in counts.counts:
        assert bool(count.subjects) == bool(count.verbs), count.label
    for synonym in ("troops", "servicemen", "military personnel", "peacekeepers"):
        assert synonym in next(c for c in counts.counts if c.label == "troops").nouns
