"""The STORY_* settings as one value for the story code.

Their names, defaults and checks are declared with every other setting in
``newsarchive.settings``; what ``pelicanconf.py`` leaves out keeps its
default. ``read_story_settings`` checks each value once per build and logs
one line for each bad one, which then falls back to its default, so a typo
weakens the story pages but never stops the archive from building.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from newsarchive.settings import SETTINGS, STORY, check, get

logger = logging.getLogger(__name__)


def _field(name: str):
    setting = SETTINGS[name]
    return field(default=setting.default, metadata={"setting": setting})


@dataclass(frozen=True)
class StorySettings:
    max_days: int = _field("STORY_MAX_DAYS")
    top_entities: int = _field("STORY_TOP_ENTITIES")
    min_shared_entities: int = _field("STORY_MIN_SHARED_ENTITIES")
    min_text_similarity: float = _field("STORY_MIN_TEXT_SIMILARITY")
    min_score: float = _field("STORY_MIN_SCORE")
    text_weight: float = _field("STORY_TEXT_WEIGHT")
    day_penalty: float = _field("STORY_DAY_PENALTY")
    max_sentences: int = _field("STORY_MAX_SENTENCES")
    sentence_similarity: float = _field("STORY_SENTENCE_SIMILARITY")
    url: str = _field("STORY_URL")
    save_as: str = _field("STORY_SAVE_AS")
    index_url: str = _field("STORY_INDEX_URL")
    index_save_as: str = _field("STORY_INDEX_SAVE_AS")


def setting_name(attribute: str) -> str:
    return f"STORY_{attribute.upper()}"


def read_story_settings(settings: Mapping) -> StorySettings:
    """The STORY_* values of Pelican ``settings``, bad ones replaced by defaults."""
    check(settings, STORY)
    values = {
        spec.name: get(settings, spec.metadata["setting"].name)
        for spec in fields(StorySettings)
    }
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
