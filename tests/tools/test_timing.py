"""The timing plugin (``tools.timing``): the marks a build's phases are split on."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from tests.tools.conftest import BURN
from tools import timing


def test_the_timing_plugin_wrote_the_marks_phases_are_split_on(run):
    marks = json.loads(
        (run["work"] / "logs" / "cold.timing.json").read_text(encoding="utf-8")
    )["marks"]
    names = [mark["name"] for mark in marks]
    split_on = [
        "initialized",
        "get_generators",
        "article_generator_pretaxonomy",
        "page_generator_finalized",
        "static_generator_finalized",
        "get_writer",
        "last_written",
        "finalized",
    ]
    for name in split_on:
        assert names.count(name) == 1, name
    # In the order of the build's stages, and in the order they were noted.
    assert [name for name in names if name in split_on] == split_on
    times = [mark["time"] for mark in marks]
    assert times == sorted(times)


def test_timing_plugin_does_nothing_without_its_variable(monkeypatch, tmp_path):
    monkeypatch.delenv(timing.TIMING_FILE_ENV, raising=False)
    timing.on_initialized(None)
    timing.on_finalized(None)
    assert timing.marks() == []
    monkeypatch.setenv(timing.TIMING_FILE_ENV, str(tmp_path / "marks.json"))
    timing.on_initialized(None)
    for _ in range(3):
        timing.on_article_generator_preread(None)
    timing.on_finalized(None)
    written = json.loads((tmp_path / "marks.json").read_text(encoding="utf-8"))
    names = [mark["name"] for mark in written["marks"]]
    assert names == ["initialized", "article_generator_preread", "finalized"]


def test_snapshots_count_children_still_running(monkeypatch, tmp_path):
    worker = subprocess.Popen(
        [sys.executable, "-c", BURN.format(s=0.5) + "\ninput()"], stdin=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 10
        while timing.live_children_cpu() < 0.4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert timing.live_children_cpu() >= 0.4
        assert timing.snapshot("now")["children_cpu"] >= 0.4
    finally:
        worker.communicate(b"\n", timeout=10)


def test_only_the_last_page_written_is_marked(monkeypatch, tmp_path):
    monkeypatch.setenv(timing.TIMING_FILE_ENV, str(tmp_path / "marks.json"))
    timing.on_initialized(None)
    timing.on_get_writer(None)
    for number in range(100):
        timing.on_written(f"page{number}.html", context={})
    names = [mark["name"] for mark in timing.marks()]
    assert names == ["initialized", "get_writer", "last_written"]
    assert timing.marks()[-1]["time"] >= timing.marks()[1]["time"]
    timing.on_article_writer_finalized(None)
    timing.on_written("feed.atom.xml", context={})
    names = [mark["name"] for mark in timing.marks()]
    assert names == [
        "initialized",
        "get_writer",
        "article_writer_finalized",
        "last_written",
    ]
