"""The STORY_* settings: defaults, overrides, and one log line per bad value."""

from __future__ import annotations

import logging

import pytest

from newsarchive.settings import SETTINGS
from newsarchive.stories.settings import StorySettings, read_story_settings


def test_defaults_are_the_declared_ones():
    settings = read_story_settings({})
    assert settings == StorySettings()
    assert settings.max_days == SETTINGS["STORY_MAX_DAYS"].default == 3
    assert settings.min_score == SETTINGS["STORY_MIN_SCORE"].default == 0.35
    assert settings.url == "story/{date}-{slug}/"


def test_good_values_override_the_defaults(caplog):
    settings = read_story_settings(
        {"STORY_MAX_DAYS": 5, "STORY_MIN_SCORE": 0.5, "STORY_URL": "stories/{slug}/"}
    )
    assert (settings.max_days, settings.min_score, settings.url) == (
        5,
        0.5,
        "stories/{slug}/",
    )
    assert caplog.records == []


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("STORY_MAX_DAYS", -1),
        ("STORY_MAX_DAYS", 2.5),
        ("STORY_TOP_ENTITIES", 0),
        ("STORY_MIN_SCORE", 1.5),
        ("STORY_MIN_SCORE", "high"),
        ("STORY_TEXT_WEIGHT", True),
        ("STORY_URL", "story/{id}/"),
        ("STORY_SAVE_AS", ""),
    ],
)
def test_a_bad_value_logs_one_line_and_keeps_the_default(caplog, name, value):
    with caplog.at_level(logging.WARNING):
        settings = read_story_settings({name: value})
    assert settings == StorySettings()
    assert len(caplog.records) == 1
    assert caplog.records[0].getMessage().startswith(f"{name} must be ")
    assert repr(value) in caplog.records[0].getMessage()


def test_each_bad_value_gets_its_own_line(caplog):
    with caplog.at_level(logging.WARNING):
        settings = read_story_settings(
            {"STORY_MAX_DAYS": "3", "STORY_MIN_SCORE": -1, "STORY_MAX_SENTENCES": 2}
        )
    assert settings == StorySettings(max_sentences=2)
    assert sorted(r.getMessage().split()[0] for r in caplog.records) == [
        "STORY_MAX_DAYS",
        "STORY_MIN_SCORE",
    ]


def test_shared_entities_cannot_exceed_top_entities(caplog):
    with caplog.at_level(logging.WARNING):
        settings = read_story_settings(
            {"STORY_TOP_ENTITIES": 3, "STORY_MIN_SHARED_ENTITIES": 4}
        )
    assert (settings.top_entities, settings.min_shared_entities) == (3, 3)
    assert len(caplog.records) == 1
