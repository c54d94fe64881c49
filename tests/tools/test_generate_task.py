"""``invoke generate``: the generator from the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("count", [["--n", "3"], ["--n=3"], ["-n", "3"]])
def test_generate_task_takes_the_count_as_the_docs_spell_it(tmp_path, count):
    out = tmp_path / "articles"
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "generate", *count, "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote 3 articles to {out} (seed 0)")
    assert len(list(out.rglob("*.txt"))) == 3


def test_generate_task_refuses_a_folder_in_use(tmp_path):
    (tmp_path / "kept.txt").write_text("mine", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "generate",
            "--n",
            "1",
            "--out",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"error: {tmp_path} is not an empty folder: refusing to write an archive into it"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["kept.txt"]
