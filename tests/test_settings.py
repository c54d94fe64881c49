"""Every setting declared once, with its default, check and what it changes."""

from __future__ import annotations

import logging
import re

import pytest

from newsarchive import code, settings
from newsarchive.plugins import prepare
from newsarchive.reuse import fingerprints
from tests.conftest import ROOT

PREFIXES = ("READER_", "REUSE_", "PAGEFIND_", "ENTITY_", "STORY_", "SITE_")


def test_our_settings_carry_their_areas_prefix_and_none_pelican_uses():
    from pelican.settings import DEFAULT_CONFIG

    for setting in settings.OURS:
        assert setting.name.startswith(PREFIXES), setting.name
        assert setting.name not in DEFAULT_CONFIG, setting.name
        assert setting.changes in (settings.READING, settings.PAGES, settings.NOTHING)
        assert setting.kind.test(setting.default), setting.name
    assert not any(
        name.startswith(("SEARCH_", "NEWSARCHIVE_")) for name in settings.OWN
    )


READS = re.compile(
    r'settings(?:\.get)?[\[(]\s*"([A-Z_]+)"|archive_settings\.get\([^,]+,\s*"([A-Z_]+)"'
)


def test_every_setting_of_ours_the_code_reads_is_declared():
    read = set()
    for path in code.PACKAGE.rglob("*.py"):
        for match in READS.finditer(path.read_text()):
            read.add(match.group(1) or match.group(2))
    ours = {name for name in read if name.startswith(PREFIXES)}
    assert {"READER_WORKERS", "PAGEFIND_SHARD_PAGES", "REUSE_VERIFY"} <= ours
    assert ours <= settings.OWN
    conf = (ROOT / "pelicanconf.py").read_text()
    # SEARCH_URL and SEARCH_SAVE_AS are Pelican's, for the search page.
    assert not re.search(r"^(NEWSARCHIVE_|SEARCH_(?!URL|SAVE_AS))", conf, re.M)


def test_the_cache_keys_lists_are_derived_from_the_declarations():
    assert set(prepare.READING_SETTINGS) == {
        s.name for s in settings.SETTINGS.values() if s.changes == settings.READING
    }
    assert "READER_TYPOGRIFY" in prepare.READING_SETTINGS
    assert "READER_WORKERS" not in prepare.READING_SETTINGS
    # How and where a build works is not part of what a page shows.
    assert {"READER_WORKERS", "PAGEFIND_WORKERS", "REUSE_VERIFY", "CACHE_PATH"} <= (
        fingerprints.PLACE_SETTINGS
    )
    assert "STORY_MIN_SCORE" not in fingerprints.PLACE_SETTINGS


def test_a_reading_setting_changes_the_article_cache_key_and_a_worker_count_does_not():
    base = prepare.settings_version({"READER_TYPOGRIFY": True})
    assert prepare.settings_version({"READER_TYPOGRIFY": False}) != base
    assert (
        prepare.settings_version({"READER_TYPOGRIFY": True, "READER_WORKERS": 8})
        == base
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("READER_WORKERS", -1),
        ("READER_WORKERS", "2"),
        ("REUSE_VERIFY", "yes"),
        ("PAGEFIND_SHARD_PAGES", 0),
    ],
)
def test_a_bad_value_is_logged_once_and_its_default_used(caplog, name, value):
    with caplog.at_level(logging.WARNING):
        assert settings.check({name: value}) == [name]
    (record,) = caplog.records
    assert record.getMessage() == (
        f"{name} must be {settings.SETTINGS[name].kind.words}, not {value!r}: "
        f"using {settings.SETTINGS[name].default!r}"
    )
    assert settings.get({name: value}, name) == settings.SETTINGS[name].default


def test_a_good_value_is_taken_and_a_missing_one_is_its_default():
    assert settings.get({"PAGEFIND_SHARD_PAGES": 50}, "PAGEFIND_SHARD_PAGES") == 50
    assert settings.get({}, "PAGEFIND_SHARD_PAGES") == 300
    assert settings.check({"PAGEFIND_SHARD_PAGES": 50}) == []


def test_the_readme_documents_every_setting_of_ours():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.name for s in settings.OURS if f"`{s.name}`" not in readme]
    assert missing == []
