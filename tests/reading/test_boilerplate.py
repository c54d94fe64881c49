"""The generic boilerplate rules, line by line."""

from __future__ import annotations

import pytest

from newsarchive.reading.boilerplate import (
    TO_END,
    mark,
    mark_appeals,
    mark_headline_runs,
    mark_menus,
    match,
    rule,
)
from newsarchive.reading.rules import GENERIC_RULES


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
    units = ["Story.", "Share", "More story.", "Trailer", "Armenia", "More."]
    marks = [None] * len(units)
    mark(units, marks, (*GENERIC_RULES, rule("trailer", "^Trailer$", TO_END)))
    assert marks == [None, "share-line", None, "trailer", "trailer", "trailer"]


def test_rule_extent_is_validated():
    assert rule("x", "^x$", TO_END).extent == TO_END
    with pytest.raises(ValueError, match="extent must be one of"):
        rule("x", "^x$", "paragraph")


PROSE = (
    "Officials said on Thursday that the talks in Geneva had gone better than "
    "anyone expected, and that they would resume next week."
)


def test_a_box_marker_removes_its_headlines_and_stops_at_the_story():
    units = [
        PROSE,
        "Read more",
        "Armenia and Azerbaijan trade blame over shelling",
        "What is behind the fighting in the South Caucasus?",
        PROSE,
    ]
    marks = [None] * len(units)
    mark(units, marks, GENERIC_RULES, [True, False, False, False, True])
    assert marks == [None, "related-block", "related-block", "related-block", None]


def test_a_short_last_item_of_a_box_is_the_storys_subhead():
    units = [
        "Related coverage",
        "Armenia and Azerbaijan trade blame over shelling on the border",
        "Talks resume",
        PROSE,
    ]
    marks = [None] * len(units)
    mark(units, marks, GENERIC_RULES, [False, False, False, True])
    assert marks == ["related-block", "related-block", None, None]


def test_appeal_paragraphs_next_to_an_appeal_line_go_with_it():
    appeal = (
        "Your help keeps our reporters on the ground. Every contribution, however "
        "small, sustains us."
    )
    units = [PROSE, "Dear readers,", appeal, "Contribute today", PROSE, appeal, PROSE]
    marks = [None] * len(units)
    mark(units, marks, GENERIC_RULES)
    mark_appeals(units, marks)
    assert marks[1:4] == ["donation-appeal", "appeal", "donation-appeal"]
    # The same words alone between two story paragraphs may be a quotation.
    assert marks[5] is None


def test_runs_of_one_to_four_word_lines_are_menus_and_lone_subheads_are_not():
    units = [PROSE, "Politics", "Economy", "World news", PROSE, "A subhead", PROSE]
    marks = [None] * len(units)
    mark_menus(units, marks)
    assert marks == [None, "menu", "menu", "menu", None, None, None]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Skip to main content", "site-furniture"),
        ("Advertisement · Scroll to continue", "site-furniture"),
        ("English Русский Հայերեն Azərbaycanca", "language-switcher"),
        ("4 min read", "reading-time"),
        ("Listen to this article", "site-furniture"),
        ("Comments (37)", "comments"),
        ("Обнаружили ошибку? Выделите ее и нажмите Ctrl+Enter", "error-notice"),
        ("We use cookies to give you the best possible experience.", "cookie-prompt"),
        ("Partager sur Facebook", "share-line"),
        ("Читайте также", "related-block"),
        ("Lire aussi Haut-Karabakh : la prise de Chouchi", "read-more"),
        ("Tags: Armenia, Azerbaijan, Russia", "tags-line"),
        ("Reporting by Jane Roe; Editing by John Doe", "agency-credit"),
        (
            "При полном или частичном использовании материалов ссылка обязательна",
            "reuse-notice",
        ),
        ("The views expressed in this article are the author's own.", "disclaimer"),
        ("Subject: [AP] Belarus police clash with protesters", "mail-header"),
        ("From: Example Newswire <desk@wire.example>", "mail-header"),
    ],
)
def test_more_boilerplate_lines(line, expected):
    found = match(line, GENERIC_RULES)
    assert found is not None, line
    assert found.name == expected


def test_three_headlines_in_a_row_are_a_box_of_other_stories():
    units = [
        PROSE,
        "Armenia and Azerbaijan trade blame over shelling",
        "Russia says it brokered a new truce in the region",
        "Why the South Caucasus matters to Europe now",
        PROSE,
        "A subhead of the story alone",
        PROSE,
    ]
    marks = [None] * len(units)
    mark_headline_runs(units, marks)
    assert marks == [None, *["headline-list"] * 3, None, None, None]


def test_a_video_title_and_the_next_subhead_are_no_box():
    units = [
        PROSE,
        "Video",
        "Mills-Ellis alley-oop caps Westlake run",
        "0:42",
        "Growing up in Michael Jordan's shadow",
        PROSE,
    ]
    marks = [None, "site-furniture", None, "video-timestamp", None, None]
    mark_headline_runs(units, marks)
    assert marks[4] is None


def test_lists_with_figures_and_captions_are_no_headline_boxes():
    units = [
        PROSE,
        "Georgian Dream - 53.93 per cent",
        "Coalition for Change - 11.03 per cent",
        "Unity - National Movement - 10.17 per cent",
        "Protesters outside parliament in Tbilisi (AFP Photo)",
        "Police stand guard as the count goes on tonight",
        PROSE,
    ]
    marks = [None] * len(units)
    mark_headline_runs(units, marks)
    assert marks == [None] * len(units)
