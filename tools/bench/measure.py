"""Measuring a build from outside: the child process it runs in, and that
process's own children."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tools.bench.project import ROOT, TIMING_FILE_ENV

# Rich wraps Pelican's summary line at 80 columns when not on a terminal.
_CHILD_COLUMNS = "200"


@dataclass(frozen=True)
class Measured:
    """One build, measured from outside: the child process and its children."""

    wall_s: float
    cpu_s: float  # user + system
    max_rss_mb: float  # the largest of the process and its waited children
    # All of them at once, sampled: a pool of workers adds up. Pages a forked
    # worker shares with its parent count twice, so this errs high.
    tree_rss_mb: float
    returncode: int


def _rss_mb(max_rss: int) -> float:
    # Linux reports kilobytes, macOS bytes.
    return max_rss / (1024 * 1024 if sys.platform == "darwin" else 1024)


# How often the memory of a build's processes is added up: cheap (a few
# small /proc reads), and a peak shorter than this may be missed.
RSS_SAMPLE_EVERY_S = 0.05


def tree_rss_kb(pid: int) -> int:
    """RSS of a process and all its descendants now, in KiB (Linux; else 0)."""
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm", "rb") as statm:
                total += int(statm.read().split()[1]) * page_kb
            threads = os.listdir(f"/proc/{current}/task")
        except (OSError, ValueError, IndexError):
            continue  # gone, or not Linux
        for thread in threads:
            try:
                with open(f"/proc/{current}/task/{thread}/children", "rb") as f:
                    pending.extend(int(child) for child in f.read().split())
            except OSError:
                continue
    return total


def measure(command: list[str], cwd: Path, log: Path, env: dict) -> Measured:
    """Run ``command``, output to ``log``; its own rusage, through wait4.

    getrusage(RUSAGE_CHILDREN) would add every earlier child's CPU and keep
    the largest peak RSS of all of them; wait4 reports this child alone,
    with every process it waited for. Meanwhile a thread adds up the memory
    of the child and its descendants every ``RSS_SAMPLE_EVERY_S``.
    """
    peak_kb = 0
    done = threading.Event()

    def sample(pid: int) -> None:
        nonlocal peak_kb
        while not done.wait(RSS_SAMPLE_EVERY_S):
            peak_kb = max(peak_kb, tree_rss_kb(pid))

    with log.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        sampler = threading.Thread(target=sample, args=(process.pid,), daemon=True)
        sampler.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            done.set()
            sampler.join()
        wall = time.perf_counter() - started
    # Reaped here, so Popen must not wait for it again.
    process.returncode = os.waitstatus_to_exitcode(status)
    max_rss_mb = _rss_mb(usage.ru_maxrss)
    return Measured(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        max_rss_mb=max_rss_mb,
        # Never below the one process's exact peak, which sampling may miss.
        tree_rss_mb=max(peak_kb / 1024, max_rss_mb),
        returncode=process.returncode,
    )


def _child_env(**extra: str) -> dict:
    # A timing file set in our own environment must not leak into a build
    # that did not ask for one.
    env = {k: v for k, v in os.environ.items() if k != TIMING_FILE_ENV}
    # The developer tools (the timing plugin) are imported from the checkout.
    path = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return {**env, "COLUMNS": _CHILD_COLUMNS, "PYTHONPATH": path, **extra}


def _check(measured: Measured, what: str, log: Path) -> None:
    if measured.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{what} failed (exit {measured.returncode}):\n{tail}")


def count_pages(output: Path) -> int:
    return sum(1 for _ in output.rglob("*.html"))
