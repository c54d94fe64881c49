"""The table a benchmark run prints."""

from __future__ import annotations

from tests.tools.conftest import N
from tools.bench import BUILD_ROWS, PHASE_ROWS, REBUILD_ROWS


def test_table_has_a_row_for_each_build_and_phase(run, record):
    out = run["stdout"]
    lines = out.splitlines()
    assert lines[0].startswith(f"News archive benchmark: {N} articles, seed 3")
    assert lines[1].startswith("Load average (1 min): ")
    for label, key in BUILD_ROWS:
        row = next(line for line in lines if line.startswith(label))
        assert f"{record[key]['wall_s']:.2f}" in row
        assert str(record[key]["pages"]) in row
    assert any(line.startswith("ours / baseline") for line in lines)
    for label, _ in PHASE_ROWS:
        assert any(line.startswith(label) for line in lines), label
    for label, key in REBUILD_ROWS:
        row = next(line for line in lines if line.startswith(label))
        assert row.split()[-1] == f"{record[key]['share_of_cold'] * 100:.1f}%"
    assert "Tag runs inside the reader" in out
    assert f"Appended to {run['results']}" in out
