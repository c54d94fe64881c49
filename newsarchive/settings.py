"""Every setting of the archive: its default, what it may be, and what a change
to it invalidates.

``pelicanconf.py`` may set any of these names; what it leaves out keeps the
default here. Each area's names carry its prefix (``READER_``, ``REUSE_``,
``PAGEFIND_``, ``ENTITY_``, ``STORY_``), none of which Pelican or its plugins
use. A setting ``changes`` what an article is prepared into (``READING``: it
keys the article cache), what pages show (``PAGES``: it keys every page's
fingerprint), or neither (``NOTHING``: how or where the build works). The
caches derive their keys from these declarations, and from the declarations
of Pelican's own settings below, never from lists of their own.

A bad value is logged once per build (``check``, when the build starts) and
its default used in its place (``get``), so a typo never stops a build.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

logger = logging.getLogger(__name__)

READING = "reading"
PAGES = "pages"
NOTHING = "nothing"


@dataclass(frozen=True)
class Kind:
    """What a value must be, in words, and the test of it."""

    words: str
    test: Callable[[object], bool]


def _number(value) -> bool:
    # bool is an int to Python, never a count or a threshold to a person.
    return isinstance(value, int | float) and not isinstance(value, bool)


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _path(value) -> bool:
    if not isinstance(value, str) or not value:
        return False
    try:
        value.format(date="2020-11-10", slug="story")
    except (KeyError, IndexError, ValueError):
        return False
    return True


ANY = Kind("anything", lambda value: True)
BOOL = Kind("True or False", lambda value: isinstance(value, bool))
COUNT = Kind("a whole number, 1 or more", lambda v: _whole(v) and v >= 1)
NUMBER = Kind("a whole number, 0 or more", lambda v: _whole(v) and v >= 0)
SHARE = Kind("a number from 0 to 1", lambda v: _number(v) and 0 <= v <= 1)
TEXT = Kind("text", lambda value: isinstance(value, str))
FOLDER = Kind("a folder name", lambda v: isinstance(v, str) and v.strip("/") != "")
STORY_PATH = Kind("text whose only fields are {date} and {slug}", _path)


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    kind: Kind
    changes: str  # READING, PAGES or NOTHING
    doc: str


READER = (
    Setting(
        "READER_TYPOGRIFY",
        True,
        BOOL,
        READING,
        "Typeset article text and Markdown pages with typogrify, once, in the "
        "reader's cached and parallel work (Pelican's TYPOGRIFY stays off).",
    ),
    Setting(
        "READER_WORKERS",
        0,
        NUMBER,
        NOTHING,
        "Processes that prepare uncached articles; 0 means one per core.",
    ),
    Setting(
        "READER_LOAD_CACHE",
        True,
        BOOL,
        NOTHING,
        "False prepares every article again and rewrites its cache entry.",
    ),
)
REUSE = (
    Setting(
        "REUSE_OUTPUT",
        True,
        BOOL,
        NOTHING,
        "Take unchanged pages and search bundles from the output a build "
        "replaces; False renders and indexes everything.",
    ),
    Setting(
        "REUSE_VERIFY",
        False,
        BOOL,
        NOTHING,
        "Render every reused page as well and fail the build on a difference.",
    ),
)
PAGEFIND = (
    Setting(
        "PAGEFIND_FOLDER",
        "pagefind",
        FOLDER,
        PAGES,
        "Folder of the output that holds the search index.",
    ),
    Setting(
        "PAGEFIND_SHARD_PAGES",
        300,
        COUNT,
        PAGES,
        "Most article pages in one search bundle; a larger year is cut.",
    ),
    Setting(
        "PAGEFIND_WORKERS",
        0,
        NUMBER,
        NOTHING,
        "Pagefind runs at once; 0 means one per core.",
    ),
)
ENTITY = (
    Setting(
        "ENTITY_RELATED_MAX",
        10,
        NUMBER,
        PAGES,
        "How many co-mentioned entities an entity page lists.",
    ),
)
SITE = (
    Setting(
        "SITE_BASE_URL",
        "",
        TEXT,
        PAGES,
        "Absolute address of the site, for canonical links and citations.",
    ),
)
STORY = (
    Setting(
        "STORY_MAX_DAYS",
        3,
        NUMBER,
        PAGES,
        "Most days between the first and last report of a story.",
    ),
    Setting(
        "STORY_TOP_ENTITIES",
        6,
        COUNT,
        PAGES,
        "How many of an article's rarest entities find its candidates.",
    ),
    Setting(
        "STORY_MIN_SHARED_ENTITIES",
        2,
        COUNT,
        PAGES,
        "How many of those two articles must share to be compared.",
    ),
    Setting(
        "STORY_MIN_TEXT_SIMILARITY",
        0.12,
        SHARE,
        PAGES,
        "Least wording similarity (cosine of TF-IDF weights) of a pair.",
    ),
    Setting("STORY_MIN_SCORE", 0.35, SHARE, PAGES, "Least score of a pair."),
    Setting(
        "STORY_TEXT_WEIGHT",
        0.6,
        SHARE,
        PAGES,
        "Share of the score that is wording; the rest is entities.",
    ),
    Setting(
        "STORY_DAY_PENALTY",
        0.03,
        SHARE,
        PAGES,
        "What each day between two reports takes off their score.",
    ),
    Setting(
        "STORY_MAX_SENTENCES",
        3,
        NUMBER,
        PAGES,
        "Sentences quoted per outlet that the other outlets lack.",
    ),
    Setting(
        "STORY_SENTENCE_SIMILARITY",
        0.5,
        SHARE,
        PAGES,
        "Share of the shorter sentence's words two must share to be the same.",
    ),
    Setting(
        "STORY_URL",
        "story/{date}-{slug}/",
        STORY_PATH,
        PAGES,
        "Address of a story page; {date} is its first report's YYYY-MM-DD.",
    ),
    Setting(
        "STORY_SAVE_AS",
        "story/{date}-{slug}/index.html",
        STORY_PATH,
        PAGES,
        "File of a story page.",
    ),
    Setting("STORY_INDEX_URL", "story/", STORY_PATH, PAGES, "The story index."),
    Setting(
        "STORY_INDEX_SAVE_AS",
        "story/index.html",
        STORY_PATH,
        PAGES,
        "File of the story index.",
    ),
)

OURS = (*READER, *REUSE, *PAGEFIND, *ENTITY, *SITE, *STORY)

# Pelican's own settings that change what our reader makes of an article, and
# those that name where a build reads and writes rather than what it shows.
# Every other Pelican setting changes pages.
PELICAN = (
    *(
        Setting(name, None, ANY, READING, "Pelican's")
        for name in (
            "SLUG_REGEX_SUBSTITUTIONS",
            "TYPOGRIFY",
            "TYPOGRIFY_IGNORE_TAGS",
            "TYPOGRIFY_OMIT_FILTERS",
            "TYPOGRIFY_DASHES",
        )
    ),
    *(
        Setting(name, None, ANY, NOTHING, "Pelican's")
        for name in (
            "PATH",
            "OUTPUT_PATH",
            "CACHE_PATH",
            "LOAD_CONTENT_CACHE",
            "CACHE_CONTENT",
            "PLUGIN_PATHS",
        )
    ),
)

SETTINGS = {setting.name: setting for setting in (*OURS, *PELICAN)}
OWN = frozenset(setting.name for setting in OURS)


def names(changes: str) -> tuple[str, ...]:
    """The names of the settings that change ``changes``."""
    return tuple(s.name for s in SETTINGS.values() if s.changes == changes)


def _valid(setting: Setting, settings: Mapping) -> bool:
    return setting.name not in settings or setting.kind.test(settings[setting.name])


def get(settings: Mapping, name: str):
    """The value of our setting ``name`` in ``settings``: its default when it
    is left out or not what it must be."""
    setting = SETTINGS[name]
    if setting.name in settings and _valid(setting, settings):
        return settings[name]
    return setting.default


# Checked when a build starts; the STORY_* settings when the stories are read.
CHECKED_AT_START = (*READER, *REUSE, *PAGEFIND, *ENTITY, *SITE)


def check(settings: Mapping, declared=CHECKED_AT_START) -> list[str]:
    """Log one line for each ``declared`` setting with a bad value; the names."""
    bad = []
    for setting in declared:
        if not _valid(setting, settings):
            logger.warning(
                "%s must be %s, not %r: using %r",
                setting.name,
                setting.kind.words,
                settings[setting.name],
                setting.default,
            )
            bad.append(setting.name)
    return bad
