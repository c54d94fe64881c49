"""Our cold build split into phases: in a real run, and from given marks."""

from __future__ import annotations

import pytest

from tools.bench import PHASE_ROWS, Analysis, phases


def test_phases_add_up_to_our_wall_and_cpu_time(record):
    found = record["phases"]
    assert set(found) == {key for _, key in PHASE_ROWS}
    # Stories are a phase of their own only when the build groups them.
    assert (found["group_stories"] is not None) == record["stories_in_build"]
    in_build = [figures for figures in found.values() if figures is not None]
    assert all(figures["wall_s"] >= 0 for figures in in_build)
    for key in ("wall_s", "cpu_s"):
        assert sum(f[key] for f in in_build) == pytest.approx(
            record["ours"][key], rel=1e-6
        )
    assert found["read_and_clean"]["wall_s"] > 0
    assert found["tag"]["wall_s"] > 0
    # Pagefind runs as a child process: its CPU is counted in its phase.
    assert found["search_index"]["cpu_s"] > 0


def _mark(name, at, cpu, children=0.0):
    return {"name": name, "time": at, "cpu": cpu, "children_cpu": children}


COLD = {
    "wall_s": 12.0,
    "cpu_s": 10.5,
    "runner": {
        "started": _mark("started", 100.0, 0.5),
        "returned": _mark("returned", 111.0, 9.0, 1.0),
    },
    "marks": [
        _mark("get_generators", 101.0, 1.5),
        _mark("article_generator_pretaxonomy", 106.0, 5.5),
        _mark("page_generator_finalized", 106.5, 5.75),
        _mark("static_generator_finalized", 106.75, 5.75),
        _mark("get_writer", 107.0, 6.0),
        _mark("last_written", 110.0, 8.5),
    ],
}


def test_phases_take_tagging_out_of_the_read_phase():
    # Reading took 4 s of CPU in 5 s; tagging alone takes 1 s of CPU.
    found = phases(COLD, Analysis(articles=5, parse_cpu_s=2.5, tag_cpu_s=1.0))
    assert found["startup"] == {"wall_s": 1.0, "cpu_s": 1.0}
    assert found["read_and_clean"] == {"wall_s": 3.75, "cpu_s": 3.0}
    assert found["tag"] == {"wall_s": 1.25, "cpu_s": 1.0}
    # No story plugin: the plugin generators' span stays in the context.
    assert found["group_stories"] is None
    assert found["context_and_plugins"] == {"wall_s": 1.0, "cpu_s": 0.5}
    assert found["render_and_write"] == {"wall_s": 3.0, "cpu_s": 2.5}
    # Pagefind's CPU is a child's: counted in the search phase.
    assert found["search_index"] == {"wall_s": 1.0, "cpu_s": 1.5}
    # Python's own start (0.5 s of CPU before the runner's first mark) and exit.
    assert found["process_start_and_exit"] == {"wall_s": 1.0, "cpu_s": 1.0}


def test_phases_time_story_grouping_when_the_build_does_it():
    found = phases(COLD, Analysis(tag_cpu_s=1.0), stories_in_build=True)
    assert found["group_stories"] == {"wall_s": 0.25, "cpu_s": 0.0}
    assert found["context_and_plugins"] == {"wall_s": 0.75, "cpu_s": 0.5}


def test_tagging_never_takes_more_than_the_read_phase():
    found = phases(COLD, Analysis(tag_cpu_s=9.0))
    assert found["tag"] == {"wall_s": 5.0, "cpu_s": 4.0}
    assert found["read_and_clean"] == {"wall_s": 0.0, "cpu_s": 0.0}
