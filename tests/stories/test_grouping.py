"""Grouping articles from different outlets into stories, without Pelican."""

from __future__ import annotations

import dataclasses
import datetime
import itertools
from pathlib import Path

import pytest

from newsarchive.entities.tagging import tag_article
from newsarchive.reading.parse import parse_article
from newsarchive.stories.grouping import (
    StoryRecord,
    candidate_pairs,
    group_stories,
    grouping_key,
    term_counts,
)
from newsarchive.stories.settings import StorySettings
from tests.conftest import CGTN_FILE, FIXTURES, MOSCOW_TIMES_FILE

STORIES = FIXTURES / "stories"
# Same-day articles about different events that share Armenia and Yerevan.
BRANDY_FILE = STORIES / "armenia_brandy_exports_same_day.txt"
METRO_FILE = STORIES / "yerevan_metro_fares_same_day.txt"
# The seeds' story a month on: same places, people and even figures.
MONTH_LATER_FILE = STORIES / "karabakh_peacekeepers_month_later.txt"


def record(path: Path, **changes) -> StoryRecord:
    article = parse_article(path.read_text(encoding="utf-8"), str(path))
    made = StoryRecord.of(path.stem, article, tag_article(article).mentions)
    return dataclasses.replace(made, **changes)


@pytest.fixture(scope="module")
def seeds() -> list[StoryRecord]:
    return [record(MOSCOW_TIMES_FILE), record(CGTN_FILE)]


def test_the_seed_articles_are_one_story(seeds):
    grouping = group_stories(seeds)
    assert grouping.stories == ((MOSCOW_TIMES_FILE.stem, CGTN_FILE.stem),)
    assert grouping.compared == 1
    (link,) = grouping.links
    assert link.days == 1
    assert link.score >= StorySettings().min_score
    assert link.text >= StorySettings().min_text_similarity


def test_a_story_is_in_date_order_whatever_the_input_order(seeds):
    assert group_stories(seeds[::-1]) == group_stories(seeds)


def test_the_same_story_a_month_later_is_not_grouped(seeds):
    later = record(MONTH_LATER_FILE)
    assert later.date - seeds[0].date == datetime.timedelta(days=30)
    grouping = group_stories([*seeds, later])
    assert grouping.stories == ((MOSCOW_TIMES_FILE.stem, CGTN_FILE.stem),)
    # Never even compared: it is outside every seed's date window.
    assert grouping.compared == 1


def test_articles_a_month_apart_are_never_grouped_however_alike(seeds):
    moscow, cgtn = seeds
    later = dataclasses.replace(cgtn, date=moscow.date + datetime.timedelta(days=31))
    grouping = group_stories([moscow, later])
    assert grouping.stories == ()
    assert grouping.compared == 0


def test_same_day_articles_about_different_events_are_not_grouped():
    brandy, metro = record(BRANDY_FILE), record(METRO_FILE)
    assert brandy.date == metro.date
    assert {"Armenia", "Yerevan"} <= brandy.mentions.keys() & metro.mentions.keys()
    grouping = group_stories([brandy, metro])
    # They share entities, so they are compared; their text tells them apart.
    assert grouping.compared == 1
    assert grouping.stories == ()


def test_unrelated_same_day_articles_stay_out_of_a_story(seeds):
    day = seeds[0].date
    others = [record(BRANDY_FILE, date=day), record(METRO_FILE, date=day)]
    grouping = group_stories([*seeds, *others])
    assert grouping.stories == ((MOSCOW_TIMES_FILE.stem, CGTN_FILE.stem),)


def test_the_same_publisher_twice_is_not_a_story(seeds):
    moscow, cgtn = seeds
    grouping = group_stories(
        [moscow, dataclasses.replace(cgtn, publisher=moscow.publisher)]
    )
    assert grouping.stories == ()
    assert grouping.compared == 0


def test_a_story_has_one_article_per_publisher():
    day = datetime.date(2020, 11, 10)
    text = (
        "Russian peacekeepers deployed to Nagorno-Karabakh after Armenia and "
        "Azerbaijan agreed to a ceasefire brokered by Moscow.",
    )
    mentions = {"Armenia": 2, "Azerbaijan": 2, "Nagorno-Karabakh": 1}
    records = [
        StoryRecord(name, day, publisher, mentions, "Peacekeepers deploy", text)
        for name, publisher in (("a", "CGTN"), ("b", "Reuters"), ("c", "CGTN"))
    ]
    grouping = group_stories(records)
    # All three are alike, but a publisher's second report is no second outlet.
    assert len(grouping.links) == 2
    assert grouping.stories == (("a", "b"),)


def test_articles_without_a_publisher_are_never_grouped(seeds):
    moscow, cgtn = seeds
    grouping = group_stories([moscow, dataclasses.replace(cgtn, publisher=None)])
    assert grouping.stories == ()


def test_thresholds_come_from_the_settings(seeds):
    assert group_stories(seeds, StorySettings(max_days=0)).stories == ()
    assert group_stories(seeds, StorySettings(min_score=0.95)).stories == ()
    assert group_stories(seeds, StorySettings(min_text_similarity=0.9)).stories == ()


def test_candidates_come_only_from_the_date_window_and_shared_keys():
    days = [0, 1, 2, 5, 6, 6]
    keys = [["a"], ["a"], ["b"], ["a"], ["a", "b"], ["c"]]
    pairs = list(candidate_pairs(days, [[(k,) for k in ks] for ks in keys], 2))
    assert pairs == [(0, 1), (3, 4)]


def test_articles_sharing_too_few_top_entities_are_not_compared():
    day = datetime.date(2021, 3, 15)
    text = ("Officials met in the capital to discuss the new budget and taxes.",)

    def article(number: int, entities: tuple[str, ...]) -> StoryRecord:
        return StoryRecord(
            f"a{number}",
            day,
            f"Outlet {number}",
            dict.fromkeys(entities, 2),
            "Talks",
            text,
        )

    records = [
        article(1, ("Armenia", "Yerevan")),
        article(2, ("Armenia", "Baku")),
        article(3, ("Georgia", "Tbilisi")),
        article(4, ("Armenia", "Yerevan", "Georgia")),
    ]
    grouping = group_stories(records)
    # Only 1 and 4 share two entities; the identical text of the rest is never read.
    assert grouping.compared == 1
    assert grouping.stories == (("a1", "a4"),)


def test_term_counts_read_the_headline_and_the_lead():
    counts = term_counts(
        "Peacekeepers deploy",
        ["1,960 military personnel deploy.", "x " * 5000 + "tail"],
    )
    assert counts["deploy"] == 2
    assert counts["1,960"] == 1
    assert "the" not in counts
    assert "tail" not in counts


def test_generated_archive_groups_retellings_without_comparing_all_pairs():
    generate = pytest.importorskip("tools.generate", exc_type=ImportError)
    drafts = list(generate.generate_drafts(400, seed=3))
    records = []
    events = {}
    for draft in drafts:
        article = parse_article(draft.text, draft.path)
        records.append(
            StoryRecord.of(draft.path, article, tag_article(article).mentions)
        )
        events[draft.path] = draft.event
    grouping = group_stories(records)
    assert grouping.compared < len(records) * (len(records) - 1) / 2 / 50
    linked = {
        frozenset(pair)
        for story in grouping.stories
        for pair in itertools.combinations(story, 2)
    }
    # Every pair in a story is a retelling of one generated event ...
    assert linked and all(len({events[i] for i in pair}) == 1 for pair in linked)
    # ... and nearly every retelling within the window is found.
    window = StorySettings().max_days
    retold = {
        frozenset((a.id, b.id))
        for a, b in itertools.combinations(records, 2)
        if events[a.id] == events[b.id]
        and a.publisher != b.publisher
        and abs((a.date - b.date).days) <= window
    }
    assert len(linked & retold) >= 0.9 * len(retold)


def test_the_grouping_key_changes_with_any_input_but_not_its_order(seeds):
    moscow, cgtn = seeds
    key = grouping_key(seeds, StorySettings())
    assert grouping_key([cgtn, moscow], StorySettings()) == key
    changed = [
        [moscow, dataclasses.replace(cgtn, title="Another headline")],
        [moscow, dataclasses.replace(cgtn, paragraphs=cgtn.paragraphs[:-1])],
        [moscow, dataclasses.replace(cgtn, mentions={**cgtn.mentions, "Iran": 9})],
        [moscow, dataclasses.replace(cgtn, publisher="Reuters")],
        [moscow, dataclasses.replace(cgtn, date=moscow.date)],
        [moscow],
    ]
    for records in changed:
        assert grouping_key(records, StorySettings()) != key
    assert grouping_key(seeds, StorySettings(max_days=2)) != key
