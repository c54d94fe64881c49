"""The per-article cache and the pool that fills it (newsarchive.plugins.prepare)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsarchive import code
from newsarchive.plugins import article_cache as cache
from newsarchive.plugins import prepare
from newsarchive.plugins.strict import SourceFilesFailed
from tests.conftest import MOSCOW_TIMES_FILE, build_site, soup
from tools.generate import main as generate_main

SETTINGS = {
    "READER_TYPOGRIFY": True,
    "TYPOGRIFY": False,
}


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    shutil.copy(MOSCOW_TIMES_FILE, path)
    return path


@pytest.fixture
def settings(tmp_path) -> dict:
    return {**SETTINGS, "CACHE_PATH": str(tmp_path / "cache")}


def entries(settings) -> list[Path]:
    return sorted(cache.folder(settings["CACHE_PATH"]).glob("*/*.json"))


def test_a_second_read_is_a_hit_that_does_not_prepare_again(
    article, settings, monkeypatch
):
    first = prepare.cached_prepare(str(article), settings)
    assert len(entries(settings)) == 1

    def fail(*args):
        raise AssertionError("prepared again despite a cache entry")

    monkeypatch.setattr(prepare, "prepare", fail)
    assert prepare.cached_prepare(str(article), settings) == first


def test_not_loading_the_cache_prepares_again_and_rewrites(
    article, settings, monkeypatch
):
    first = prepare.cached_prepare(str(article), settings)
    prepared = []
    original = prepare.prepare
    monkeypatch.setattr(
        prepare, "prepare", lambda *args: prepared.append(args) or original(*args)
    )
    fresh = {**settings, "READER_LOAD_CACHE": False}
    assert prepare.cached_prepare(str(article), fresh) == first
    assert len(prepared) == 1
    assert len(entries(settings)) == 1


def test_the_entry_holds_typeset_html_and_the_slim_article(article, settings):
    entry = prepare.cached_prepare(str(article), settings)
    # typogrify's smart quotes and no-break spaces, done once, here.
    assert "&#8217;" in entry["content"] or "&#8220;" in entry["content"]
    assert entry["metadata"]["title"].count("&nbsp;") == 1
    parsed = prepare.parsed_article(entry)
    assert parsed.title.startswith("Russian Peacekeepers Head to Nagorno-Karabakh")
    assert parsed.removed == ()
    assert parsed.paragraphs and parsed.date.year == 2020


def test_changed_text_misses(article, settings):
    prepare.cached_prepare(str(article), settings)
    article.write_text(
        article.read_text(encoding="utf-8").replace("peacekeepers", "soldiers"),
        encoding="utf-8",
    )
    entry = prepare.cached_prepare(str(article), settings)
    assert len(entries(settings)) == 2
    assert "soldiers" in entry["content"]


def test_changed_code_version_misses(article, settings, monkeypatch):
    prepare.cached_prepare(str(article), settings)
    monkeypatch.setattr(cache, "code_version", lambda: "another version")
    prepare.cached_prepare(str(article), settings)
    assert len(entries(settings)) == 2


def test_changed_reading_settings_miss(article, settings):
    typeset = prepare.cached_prepare(str(article), settings)
    plain = prepare.cached_prepare(
        str(article), {**settings, "READER_TYPOGRIFY": False}
    )
    assert len(entries(settings)) == 2
    assert "&nbsp;" not in plain["metadata"]["title"]
    assert typeset["metadata"]["title"] != plain["metadata"]["title"]


@pytest.mark.parametrize(
    "damage",
    [
        b"",  # truncated to nothing
        b'{"content": "half',  # cut off mid-write
        b"[1, 2, 3]",  # valid JSON, wrong shape
        b'{"key": "someone else"}',  # another entry's content
    ],
)
def test_a_corrupt_entry_is_ignored_and_rewritten(article, settings, damage):
    good = prepare.cached_prepare(str(article), settings)
    (path,) = entries(settings)
    path.write_bytes(damage)
    assert prepare.cached_prepare(str(article), settings) == good
    assert json.loads(path.read_bytes())["content"] == good["content"]


def test_an_entry_missing_fields_is_ignored(article, settings):
    good = prepare.cached_prepare(str(article), settings)
    (path,) = entries(settings)
    stored = json.loads(path.read_bytes())
    del stored["parsed"]
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert prepare.cached_prepare(str(article), settings) == good


def test_the_pool_fills_the_cache_with_what_the_reader_would_prepare(
    tmp_path, settings
):
    generate_main(["--n", "40", "--out", str(tmp_path / "raw"), "--seed", "3"])
    paths = sorted(str(p) for p in (tmp_path / "raw").rglob("*.txt"))
    assert prepare.prepare_all(paths, {**settings, "READER_WORKERS": 2}) == 40
    assert len(entries(settings)) == 40
    assert prepare.prepare_all(paths, {**settings, "READER_WORKERS": 2}) == 0
    for path in paths[:5]:
        serial = prepare.prepare(Path(path).read_text(encoding="utf-8"), path, settings)
        assert prepare.cached_prepare(path, settings) == serial


def site_files(output: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(output)): path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file() and "pagefind" not in path.parts
    }


def test_parallel_and_serial_builds_are_byte_identical(content_dir, tmp_path):
    generate_main(["--n", "30", "--out", str(content_dir / "articles"), "--seed", "5"])
    serial = build_site(
        content_dir,
        tmp_path / "serial" / "output",
        READER_WORKERS=1,
        CACHE_PATH=str(tmp_path / "serial-cache"),
    )
    parallel = build_site(
        content_dir,
        tmp_path / "parallel" / "output",
        READER_WORKERS=2,
        CACHE_PATH=str(tmp_path / "parallel-cache"),
    )
    assert (
        len(list(cache.folder(str(tmp_path / "parallel-cache")).rglob("*.json"))) == 30
    )
    serial_files, parallel_files = site_files(serial), site_files(parallel)
    assert serial_files.keys() == parallel_files.keys()
    assert serial_files == parallel_files


def test_markdown_pages_are_still_typeset(content_dir, tmp_path):
    output = build_site(content_dir, tmp_path / "output")
    about = soup(output / "about" / "index.html")
    # "boilerplate has been removed." ends in typogrify's widow control.
    assert "\xa0" in about.find("main").get_text()


def test_the_code_version_covers_the_reading_code_only():
    names = {
        path.relative_to(code.PACKAGE).as_posix()
        for path in code.modules(cache.READING)
    }
    assert {
        "plugins/prepare.py",
        "reading/parse.py",
        "reading/datelines.py",
        "entities/tagging.py",
    } <= names
    assert {"commands/importer.py", "plugins/reader.py", "build.py"}.isdisjoint(names)


def test_the_reader_takes_each_entry_from_the_pool_as_it_comes(tmp_path, settings):
    generate_main(["--n", "40", "--out", str(tmp_path / "raw"), "--seed", "3"])
    paths = sorted(str(p) for p in (tmp_path / "raw").rglob("*.txt"))
    preparing = prepare.start_preparing(paths, {**settings, "READER_WORKERS": 2})
    try:
        for path in reversed(paths[-5:]):
            serial = prepare.prepare(Path(path).read_text("utf-8"), path, settings)
            assert preparing.take(path) == serial
        # Taken once: the reader asks for each file once.
        assert preparing.take(paths[-1]) is None
        assert preparing.take(str(tmp_path / "elsewhere.txt")) is None
    finally:
        preparing.close()
    # The pool went on to prepare and cache every article.
    assert len(entries(settings)) == 40


def test_an_article_the_pool_cannot_prepare_fails_the_build_naming_it(
    content_dir, tmp_path
):
    generate_main(["--n", "30", "--out", str(content_dir / "articles"), "--seed", "5"])
    (content_dir / "articles" / "undated.txt").write_text(
        "Title: No date\n\n" + "The story runs on long enough to count.\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceFilesFailed) as raised:
        build_site(content_dir, tmp_path / "output", READER_WORKERS=2)
    assert str(raised.value).startswith("1 source file could not be read")
    assert "articles/undated.txt: " in str(raised.value)
