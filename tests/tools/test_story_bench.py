"""The story grouping benchmark: its scores, and a run on a small archive."""

from __future__ import annotations

import datetime
import json

from newsarchive.stories.grouping import StoryRecord
from tools.generate import write_archive
from tools.story_bench import main, pair_scores


def record(id: str, publisher: str, day: int) -> StoryRecord:
    return StoryRecord(id, datetime.date(2020, 1, day), publisher, {}, "", ())


def test_pair_scores_count_right_wrong_and_missed_pairs():
    records = [
        record("a", "X", 1),
        record("b", "Y", 1),
        record("c", "Z", 2),
        record("d", "X", 1),
        record("e", "Y", 20),  # same event, outside the window: not expected
        record("f", "X", 1),  # same event, same publisher as a: not expected
    ]
    events = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 1, "f": 1}
    scores = pair_scores(records, [("a", "b"), ("c", "d")], events, max_days=3)
    # True pairs: a-b, a-c, b-c, b-f, c-f; linked: a-b (right), c-d (wrong).
    assert scores == {
        "linked_pairs": 2,
        "true_pairs": 5,
        "precision": 0.5,
        "recall": 0.2,
    }


def test_a_run_reports_cost_and_quality(tmp_path, capsys):
    write_archive(300, tmp_path / "archive", seed=2)
    assert main([str(tmp_path / "archive"), "--seed", "2"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["articles"] == 300
    assert result["all_pairs"] == 300 * 299 // 2
    assert 0 < result["candidate_pairs_compared"] < result["all_pairs"] / 20
    assert result["stories"] > 0
    assert result["precision"] >= 0.9
    assert result["recall"] >= 0.8
    figures = ("read_and_tag_s", "group_s", "group_cpu_s", "compare_s")
    for figure in (*figures, "compare_cpu_s", "group_peak_mib"):
        assert result[figure] >= 0
