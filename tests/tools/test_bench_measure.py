"""Measuring a child process: its own CPU and memory, its children's too."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT
from tests.tools.conftest import BURN
from tools import bench
from tools.bench import Measured


def measure(command, cwd, log, env) -> Measured:
    """``tools.bench.measure``, run from a small process of its own.

    Linux counts the memory of the process that starts a child in the
    child's peak until it execs: measured from the test run, which holds
    hundreds of MB after building sites, every child would seem as large.
    The bench itself measures from a small process (its analyses run apart).
    """
    script = (
        "import json, sys\n"
        "from dataclasses import asdict\n"
        "from pathlib import Path\n"
        "from tools.bench.measure import measure\n"
        "command, cwd, log, env = json.loads(sys.stdin.read())\n"
        "print(json.dumps(asdict(measure(command, Path(cwd), Path(log), env))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps([command, str(cwd), str(log), env]),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return Measured(**json.loads(done.stdout))


def test_measure_reports_each_child_alone(tmp_path):
    """A small child after a big one reports its own peak, not the big one's."""
    big = "b = bytearray(300 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"
    env = bench._child_env()
    first = measure([sys.executable, "-c", big], tmp_path, tmp_path / "a.log", env)
    second = measure([sys.executable, "-c", "pass"], tmp_path, tmp_path / "b.log", env)
    assert first.returncode == second.returncode == 0
    assert first.max_rss_mb > 300
    assert second.max_rss_mb < 100
    failed = measure(
        [sys.executable, "-c", "raise SystemExit(3)"], tmp_path, tmp_path / "c.log", env
    )
    assert failed.returncode == 3


def test_measure_counts_the_cpu_of_the_builds_own_children(tmp_path):
    """Work moved into worker processes is still the build's CPU time."""
    parent = (
        "import subprocess, sys\n"
        f"code = {BURN.format(s=0.4)!r}\n"
        "workers = [subprocess.Popen([sys.executable, '-c', code]) for _ in range(2)]\n"
        "for w in workers: w.wait()\n"
    )
    measured = measure(
        [sys.executable, "-c", parent], tmp_path, tmp_path / "log", bench._child_env()
    )
    assert measured.returncode == 0
    assert measured.cpu_s >= 0.8


def test_measure_adds_up_the_memory_of_processes_running_at_once(tmp_path):
    hold = (
        "import sys\n"
        "b = bytearray(120 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])\n"
        "sys.stdin.read()\n"
    )
    parent = (
        "import subprocess, sys, time\n"
        f"code = {hold!r}\n"
        "workers = [subprocess.Popen([sys.executable, '-c', code],"
        " stdin=subprocess.PIPE) for _ in range(2)]\n"
        "time.sleep(1.5)\n"
        "for w in workers: w.communicate(b'')\n"
    )
    measured = measure(
        [sys.executable, "-c", parent], tmp_path, tmp_path / "log", bench._child_env()
    )
    assert measured.returncode == 0
    assert 120 < measured.max_rss_mb < 200
    assert measured.tree_rss_mb > 240
