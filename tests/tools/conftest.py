"""Shared by the benchmark's tests: one real run at a tiny size, made once."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsarchive.entities.tagging import tag_article
from newsarchive.reading.parse import parse_article
from newsarchive.reading.sources import read_source
from tests.conftest import ROOT

N = 20
BUILD_KEYS = {
    *("wall_s", "cpu_s", "max_rss_mb", "tree_rss_mb"),
    *("pages", "articles", "ms_per_article"),
}
# Python code that spins until it has used {s} seconds of CPU.
BURN = "import time\nend = time.process_time() + {s}\nwhile time.process_time() < end: pass"


# For the whole session: the tests of several modules read the one run.
@pytest.fixture(scope="session")
def run(tmp_path_factory):
    """``invoke bench --n 20``, keeping its work folder."""
    tmp = tmp_path_factory.mktemp("bench")
    results = tmp / "results" / "bench.jsonl"
    done = subprocess.run(
        [
            *(sys.executable, "-m", "invoke", "bench", "--n", str(N)),
            *("--seed", "3", "--out", str(results), "--keep", str(tmp / "work")),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return {"stdout": done.stdout, "results": results, "work": tmp / "work"}


@pytest.fixture(scope="session")
def record(run):
    lines = run["results"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def read_article(run, relative: str):
    """The article and its tags, as our reader finds them."""
    path = run["work"] / "ours" / "content" / "articles" / relative
    article = parse_article(read_source(str(path)), str(path))
    return article, tag_article(article)
