"""The generic boilerplate rules, line by line."""

from __future__ import annotations

import pytest

from newsarchive.reading.boilerplate import GENERIC_RULES, TO_END, mark, match, rule


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Support The Moscow Times!", "donation-appeal"),
        ("Donate now", "donation-appeal"),
        ("Not ready to support today?", "donation-appeal"),
        ("Remind me later.", "donation-appeal"),
        ("Sign up for our free weekly newsletter", "newsletter-signup"),
        ("Subscribers agree to the Privacy Policy", "newsletter-signup"),
        (
            "Our weekly newsletter contains a hand-picked selection of news. Preview",
            "newsletter-signup",
        ),
        (
            "By signing up, you agree to our Privacy Policy and Terms of Use.",
            "newsletter-signup",
        ),
        ("Share", "share-line"),
        ("Share this article", "share-line"),
        ("Copy link", "share-line"),
        ("Facebook Twitter Email", "share-line"),
        ("Facebook | Twitter | WhatsApp", "share-line"),
        ("00:42", "video-timestamp"),
        ("1:02:17", "video-timestamp"),
        ("Published 3 hours ago", "relative-dateline"),
        ("Updated: 25 minutes ago", "relative-dateline"),
        ("2 days ago", "relative-dateline"),
        ("(With inputs from agencies)", "agency-credit"),
        ("With input from Reuters", "agency-credit"),
        ("Related topics", "related-block"),
        ("More on this story:", "related-block"),
        ("Read more: Armenia's parliament votes on the deal", "read-more"),
        ("© 2020 The Moscow Times", "copyright"),
        ("Copyright 2020 CGTN. All rights reserved.", "copyright"),
        ("All rights reserved.", "copyright"),
    ],
)
def test_boilerplate_lines(line, expected):
    found = match(line, GENERIC_RULES)
    assert found is not None, line
    assert found.name == expected


@pytest.mark.parametrize(
    "line",
    [
        "Nearly 2,000 peacekeepers",
        "Karabakh 'catastrophe'",
        'He hailed the truce as a "right step in the direction of a lasting solution."',
        "The fighting resumed at 00:42 local time, officials said.",
        "Russia said it would support the ceasefire with peacekeepers.",
        "Protesters shared videos of the storming on social media.",
        "The newsletter editor was arrested in 2019, his lawyer said.",
        "Copyright lawyers say the law is unclear.",
    ],
)
def test_story_lines_are_kept(line):
    assert match(line, GENERIC_RULES) is None


def test_to_end_rules_drop_the_rest_and_line_rules_only_their_line():
    units = [
        "Story.",
        "Share",
        "More story.",
        "Related topics",
        "Armenia",
        "Azerbaijan",
    ]
    marks = [None] * len(units)
    mark(units, marks, GENERIC_RULES)
    assert marks == [
        None,
        "share-line",
        None,
        "related-block",
        "related-block",
        "related-block",
    ]


def test_rule_extent_is_validated():
    assert rule("x", "^x$", TO_END).extent == TO_END
    with pytest.raises(ValueError, match="extent must be one of"):
        rule("x", "^x$", "paragraph")
