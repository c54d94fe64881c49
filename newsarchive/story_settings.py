"""The STORY_* settings: their defaults, in one place, and their one check.

``pelicanconf.py`` may set any of these names; what it leaves out keeps the
default below. ``read_story_settings`` checks each value once per build and
logs one line for each bad one, which then falls back to its default, so a
typo weakens the story pages but never stops the archive from building.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

logger = logging.getLogger(__name__)

# Grouping (newsarchive.stories). Reports of one event appear within days of
# each other; a follow-up weeks later is another story.
STORY_MAX_DAYS = 3
# Candidates are found through each article's most telling entities: only
# articles sharing at least STORY_MIN_SHARED_ENTITIES of their
# STORY_TOP_ENTITIES are ever compared.
STORY_TOP_ENTITIES = 6
STORY_MIN_SHARED_ENTITIES = 2
# Two articles are one story when their wording is alike (cosine of TF-IDF
# term weights, 0 to 1) and their weighted score clears the bar; each day
# between them costs STORY_DAY_PENALTY.
STORY_MIN_TEXT_SIMILARITY = 0.12
STORY_MIN_SCORE = 0.35
STORY_TEXT_WEIGHT = 0.6
STORY_DAY_PENALTY = 0.03

# Story pages (newsarchive.coverage): how many sentences to quote per outlet
# that the other outlets lack, and how alike two sentences must be (share of
# the shorter one's words) to count as the same.
STORY_MAX_SENTENCES = 3
STORY_SENTENCE_SIMILARITY = 0.5

# Where story pages go; {date} is the earliest article's YYYY-MM-DD.
STORY_URL = "story/{date}-{slug}/"
STORY_SAVE_AS = STORY_URL + "index.html"
STORY_INDEX_URL = "story/"
STORY_INDEX_SAVE_AS = STORY_INDEX_URL + "index.html"

# Kinds of value, and what each must be.
_DAYS = "a whole number of days, 0 or more"
_COUNT = "a whole number, 1 or more"
_NUMBER = "a whole number, 0 or more"
_SHARE = "a number from 0 to 1"
_PATH = "text whose only fields are {date} and {slug}"


@dataclass(frozen=True)
class StorySettings:
    max_days: int = field(default=STORY_MAX_DAYS, metadata={"kind": _DAYS})
    top_entities: int = field(default=STORY_TOP_ENTITIES, metadata={"kind": _COUNT})
    min_shared_entities: int = field(
        default=STORY_MIN_SHARED_ENTITIES, metadata={"kind": _COUNT}
    )
    min_text_similarity: float = field(
        default=STORY_MIN_TEXT_SIMILARITY, metadata={"kind": _SHARE}
    )
    min_score: float = field(default=STORY_MIN_SCORE, metadata={"kind": _SHARE})
    text_weight: float = field(default=STORY_TEXT_WEIGHT, metadata={"kind": _SHARE})
    day_penalty: float = field(default=STORY_DAY_PENALTY, metadata={"kind": _SHARE})
    max_sentences: int = field(default=STORY_MAX_SENTENCES, metadata={"kind": _NUMBER})
    sentence_similarity: float = field(
        default=STORY_SENTENCE_SIMILARITY, metadata={"kind": _SHARE}
    )
    url: str = field(default=STORY_URL, metadata={"kind": _PATH})
    save_as: str = field(default=STORY_SAVE_AS, metadata={"kind": _PATH})
    index_url: str = field(default=STORY_INDEX_URL, metadata={"kind": _PATH})
    index_save_as: str = field(default=STORY_INDEX_SAVE_AS, metadata={"kind": _PATH})


def setting_name(attribute: str) -> str:
    return f"STORY_{attribute.upper()}"


def _is_valid(kind: str, value) -> bool:
    if kind == _PATH:
        if not isinstance(value, str) or not value:
            return False
        try:
            value.format(date="2020-11-10", slug="story")
        except (KeyError, IndexError, ValueError):
            return False
        return True
    # bool is an int to Python, never a count or a threshold to a person.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if kind == _SHARE:
        return 0 <= value <= 1
    return isinstance(value, int) and value >= (1 if kind == _COUNT else 0)


def read_story_settings(settings: Mapping) -> StorySettings:
    """The STORY_* values of Pelican ``settings``, bad ones replaced by defaults."""
    values = {}
    for spec in fields(StorySettings):
        name = setting_name(spec.name)
        if name not in settings:
            continue
        value = settings[name]
        if _is_valid(spec.metadata["kind"], value):
            values[spec.name] = value
        else:
            logger.warning(
                "%s must be %s, not %r: using %r",
                name,
                spec.metadata["kind"],
                value,
                spec.default,
            )
    story_settings = StorySettings(**values)
    if story_settings.min_shared_entities > story_settings.top_entities:
        logger.warning(
            "STORY_MIN_SHARED_ENTITIES (%d) must not exceed STORY_TOP_ENTITIES "
            "(%d): using %d",
            story_settings.min_shared_entities,
            story_settings.top_entities,
            story_settings.top_entities,
        )
        values["min_shared_entities"] = story_settings.top_entities
        story_settings = StorySettings(**values)
    return story_settings
