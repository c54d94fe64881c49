"""A build's state lives as long as the build, and its failure stops its work."""

from __future__ import annotations

import pytest

from newsarchive import lifecycle
from newsarchive.plugins.strict import SourceFilesFailed
from tests.conftest import ROOT, STORY, build_site


def test_no_state_is_left_after_a_build(tmp_path):
    build_site(ROOT / "content", tmp_path / "output")
    assert lifecycle.running() == []
    assert lifecycle._expected == {}


def test_a_failed_build_stops_its_work_and_leaves_no_state(content_dir, tmp_path):
    (content_dir / "articles" / "bad.txt").write_text(
        f"Title: Bad\nDate: 10 Brumaire\n\n{STORY}", encoding="utf-8"
    )
    stopped = []

    def record(output):
        stopped.append((output, lifecycle.current(output).target))

    lifecycle.build_failed.connect(record)
    try:
        with pytest.raises(SourceFilesFailed):
            build_site(content_dir, tmp_path / "output")
    finally:
        lifecycle.build_failed.disconnect(record)
    ((output, target),) = stopped
    assert ".output-new-" in output  # the staging folder, not output/
    assert target == tmp_path / "output"
    assert lifecycle.running() == []


def test_each_build_knows_what_it_replaces(content_dir, tmp_path):
    seen = []

    def record(generators):
        build = lifecycle.current(generators[0].output_path)
        seen.append((build.target, build.previous_output))

    from pelican import signals

    # Before ``finalized``, whose last handler drops the build's state.
    signals.all_generators_finalized.connect(record)
    try:
        (content_dir / "articles" / "a.txt").write_text(
            f"Title: A\nDate: 2020-11-10\nSource: CGTN\n\n{STORY}", encoding="utf-8"
        )
        output = tmp_path / "output"
        build_site(content_dir, output)
        build_site(content_dir, output)
        build_site(content_dir, output, REUSE_OUTPUT=False)
    finally:
        signals.all_generators_finalized.disconnect(record)
    assert seen == [(output, None), (output, output), (output, None)]


def test_a_build_outside_build_is_its_own(tmp_path):
    build = lifecycle.current(tmp_path / "out")
    try:
        assert build.target is None and build.previous_output is None
        assert lifecycle.writing(tmp_path / "out" / "a" / "index.html") is build
        assert lifecycle.writing(tmp_path / "elsewhere" / "index.html") is None
    finally:
        lifecycle.failed(tmp_path / "out")
    assert lifecycle.running() == []
