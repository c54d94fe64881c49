"""The record of a real benchmark run: what was measured, where, and how."""

from __future__ import annotations

import pytest

from tests.tools.conftest import BUILD_KEYS, N


def test_record_says_what_was_measured_and_where(record):
    assert record["n"] == N
    assert record["seed"] == 3
    assert record["timestamp"].endswith("+00:00")
    machine = record["machine"]
    assert machine["nproc"] >= 1
    assert machine["python"].count(".") == 2
    assert machine["pelican"].startswith("4.")
    # The project is a git checkout: the commit is named.
    assert len(record["commit"]) >= 7
    load = record["load_average"]
    assert load.keys() == {"start", "end"}
    assert all(value >= 0 for value in load.values())


@pytest.mark.parametrize("build", ["ours", "baseline"])
def test_both_builds_publish_every_article_and_are_measured(record, build):
    figures = record[build]
    assert figures.keys() >= BUILD_KEYS
    assert figures["articles"] == N
    # An article page each, and the listings besides.
    assert figures["pages"] > N
    assert figures["cpu_s"] > 0
    assert figures["wall_s"] > 0
    assert 10 < figures["max_rss_mb"] <= figures["tree_rss_mb"] < 4000
    assert figures["ms_per_article"] == pytest.approx(figures["wall_s"] * 1000 / N)


def test_ratio_is_ours_over_baseline(record):
    for key in ("wall_s", "cpu_s", "max_rss_mb", "tree_rss_mb", "pages"):
        assert record["ratio"][key] > 0
        assert record["ratio"][key] == pytest.approx(
            record["ours"][key] / record["baseline"][key]
        )


def test_in_process_reading_covers_every_article(record):
    assert record["in_process"]["articles"] == N
    assert record["in_process"]["parse_cpu_s"] > record["in_process"]["tag_cpu_s"] > 0
    stories = record["in_process"]["stories"]
    if stories is not None:
        assert stories["cpu_s"] > 0
        assert stories["stories"] >= 0
