"""Where the story is on a page, and the safety net of what a reading lost."""

from __future__ import annotations

from newsarchive.reading import story
from newsarchive.reading.parse import read_article
from newsarchive.reading.story import FEW_WORDS, LITTLE_PROSE
from tests.conftest import STORY

HEADER = "Title: Talks resume in Geneva\nDate: 2021-03-04\nSource: Example News\n"
PROSE = (
    "Officials from both countries met again in Geneva on Thursday, and they said "
    "that the talks had gone better than anyone had expected before they began."
)


def test_a_reading_that_keeps_the_story_has_no_problem():
    article = read_article(f"{HEADER}\n{STORY}")
    assert article.problems == ()


def test_fewer_than_forty_words_is_not_published_silently():
    article = read_article(
        f"{HEADER}\nThe talks resumed on Thursday, officials said.\n"
    )
    assert article.problems == (FEW_WORDS,)


def test_a_prose_paragraph_between_story_removed_by_a_box_is_refused():
    # The "Related" marker's box ends at prose: a second marker line right
    # before the story's paragraph takes it as an item only if it is no prose.
    units = [PROSE, "Related stories", PROSE.replace("Geneva", "Vienna"), PROSE]
    marks = [None, "related-block", "related-block", None]
    classes = ["good"] * 4
    problems = story.safety(units, marks, classes, [])
    assert problems[0].startswith(
        "a paragraph of prose between two story paragraphs would be removed: "
    )


def test_keeping_less_than_half_the_prose_is_refused():
    units = [PROSE, PROSE + " More.", PROSE + " Even more.", PROSE + " And more."]
    marks = [None, "below-story", "below-story", "below-story"]
    assert LITTLE_PROSE in story.safety(units, marks, ["good"] * 4, [])


def test_a_maintainer_accepts_a_reading_in_the_header():
    text = (
        f"{HEADER}Reading: accepted\n\nThe talks resumed on Thursday, officials said.\n"
    )
    assert read_article(text).problems == ()


def test_the_story_runs_between_its_first_and_last_prose():
    units = ["Menu", "10 March 2021", PROSE, "Share", PROSE, "Tags"]
    classes = ["bad", "good", "good", "good", "good", "bad"]
    assert story.span(story.prose_lines(units, classes), [None] * 6) == (2, 4)


def test_lines_kept_though_unsure_are_listed():
    units = [
        PROSE,
        "We rely on readers like you: please support our journalism.",
        PROSE,
    ]
    found = story.uncertain(units, [None, None, None])
    assert found == [(units[1], "reads like an appeal to readers")]


BIO = (
    "Jane Roe is a reporter for Example News, covering the South Caucasus from Tbilisi."
)
ABOUT = (
    "Since 1897, Example News has been the country's most trusted source of "
    "independent journalism."
)
APPEAL = (
    "Example News relies on the support of readers like you. Please consider "
    "making a donation to keep our journalism free for everyone."
)


def test_the_pages_own_paragraphs_after_the_story_are_removed():
    units = [PROSE, PROSE, BIO, ABOUT, APPEAL, "Tags"]
    marks: list[str | None] = [None] * len(units)
    story.mark_tail(units, marks, [True] * 5 + [False], "Example News")
    assert marks == [None, None, "author-bio", "about-the-outlet", "appeal", None]


def test_such_a_paragraph_with_story_after_it_is_kept():
    # A quotation, or the story's own mention of the outlet.
    units = [PROSE, ABOUT, BIO, PROSE]
    marks: list[str | None] = [None] * len(units)
    story.mark_tail(units, marks, [True] * 4, "Example News")
    assert marks == [None] * 4


def test_the_outlet_reporting_is_no_description_of_itself():
    line = "Example News has learned that the talks will resume on Monday."
    units = [PROSE, line]
    marks: list[str | None] = [None, None]
    story.mark_tail(units, marks, [True, True], "Example News")
    assert marks == [None, None]


def test_a_live_pages_first_entry_keeps_its_time_and_title():
    text = (
        f"{HEADER}\n"
        "Live: talks resume in Geneva\n"
        "11:40 pm\n"
        "Talks end for the night\n"
        f"{PROSE}\n"
        "10:15 pm\n"
        "Delegations arrive\n"
        f"{PROSE.replace('Thursday', 'Friday')}\n"
        "09:05 pm\n"
        "The day so far\n"
        f"{PROSE.replace('Thursday', 'Monday')}\n"
    )
    article = read_article(text)
    kept = [block.text for block in article.blocks]
    assert "11:40 pm" in kept and "Talks end for the night" in kept
    assert "10:15 pm" in kept
