"""One benchmark run: every build measured, and the record of it."""

from __future__ import annotations

import datetime
import json
import logging
import os
import platform
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from tools.bench.analysis import analyse_apart
from tools.bench.archive import (
    add_article,
    change_article,
    prepare_content,
    retitle_collisions,
)
from tools.bench.baseline import build_baseline, copy_baseline_pages
from tools.bench.measure import _rss_mb
from tools.bench.ours import build_ours
from tools.bench.phases import phases
from tools.bench.project import PAGES_FOLDER, ROOT, STORY_PLUGIN

logger = logging.getLogger(__name__)

RESULTS_FILE = Path("benchmarks") / "results.jsonl"


def git_commit() -> dict:
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return None
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no")
    return {"commit": commit, "dirty": bool(status) if commit else None}


def _load_average() -> float | None:
    """Processes running or waiting for a CPU, averaged over the last minute."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def machine_info() -> dict:
    from importlib.metadata import version

    return {
        "nproc": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "pelican": version("pelican"),
    }


@contextmanager
def _workdir(keep: Path | None) -> Iterator[Path]:
    if keep is None:
        with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as tmp:
            yield Path(tmp)
        return
    if keep.exists() and any(keep.iterdir()):
        raise ValueError(f"{keep} is not an empty folder")
    keep.mkdir(parents=True, exist_ok=True)
    yield keep


def _summary(measured: dict, n: int) -> dict:
    keys = ("wall_s", "cpu_s", "max_rss_mb", "tree_rss_mb", "pages", "articles")
    summary = {key: measured[key] for key in keys}
    summary["ms_per_article"] = measured["wall_s"] * 1000 / n
    if "marks" in measured:
        # The Pelican process alone, Pagefind's own peak left out.
        returned = measured["runner"]["returned"]
        summary["process_max_rss_mb"] = _rss_mb(returned["max_rss_kb"])
    return summary


def _rebuild(site: Path, logs: Path, label: str, cold: dict, n: int) -> dict:
    summary = _summary(build_ours(site, logs, label), n)
    summary["share_of_cold"] = summary["wall_s"] / cold["wall_s"]
    return summary


def _ratios(ours: dict, baseline: dict) -> dict:
    return {
        key: ours[key] / baseline[key] if baseline[key] else None
        for key in ("wall_s", "cpu_s", "max_rss_mb", "tree_rss_mb", "pages")
    }


def run_bench(
    n: int,
    seed: int = 0,
    out_file: str | Path | None = RESULTS_FILE,
    keep: str | Path | None = None,
    profile: str | Path | None = None,
) -> dict:
    """Build a generated archive of ``n`` articles both ways; the record.

    The record is appended to ``out_file`` as one JSON line, unless None.
    With ``profile``, one more cold build of ours runs under cProfile, apart
    from the measured ones, and its stats are written there.
    """
    if n < 1:
        raise ValueError(f"the number of articles must be 1 or more, not {n}")
    load_at_start = _load_average()
    with _workdir(Path(keep) if keep else None) as work:
        ours_site, baseline_site, logs = work / "ours", work / "baseline", work / "logs"
        logs.mkdir()
        logger.info("Generating %d articles (seed %d) in %s", n, seed, work)
        prepare_content(ours_site / "content", n, seed)
        retitled = retitle_collisions(ours_site / "content" / "articles")
        copy_baseline_pages(PAGES_FOLDER, baseline_site / "content" / "pages")

        logger.info("Reading and tagging them in-process, writing the baseline")
        analysis = analyse_apart(
            ours_site / "content" / "articles", baseline_site / "content" / "articles"
        )
        logger.info("Building ours (cold)")
        cold = build_ours(ours_site, logs, "cold")
        logger.info("Building the baseline")
        baseline = build_baseline(baseline_site, logs)
        if profile:
            logger.info("Building ours (cold) again, under cProfile")
            profile_path = Path(profile).resolve()
            build_ours(ours_site, logs, "profile", "profile-output", profile_path)
        articles = ours_site / "content" / "articles"
        logger.info("Rebuilding ours after adding one article")
        added_file = add_article(articles, seed)
        retitled += retitle_collisions(articles)
        added = _rebuild(ours_site, logs, "added", cold, n)
        added["file"] = added_file.relative_to(articles).as_posix()
        logger.info("Rebuilding ours after changing one article")
        changed_file = change_article(articles)
        changed = _rebuild(ours_site, logs, "changed", cold, n)
        changed["file"] = changed_file.relative_to(articles).as_posix()

    ours = _summary(cold, n)
    base = _summary(baseline, n)
    stories_in_build = STORY_PLUGIN in cold["plugins"]
    record = {
        "timestamp": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        **git_commit(),
        "n": n,
        "seed": seed,
        "machine": machine_info(),
        # Other work on the machine slows the builds down: wall time then
        # runs ahead of CPU time.
        "load_average": {"start": load_at_start, "end": _load_average()},
        "ours": ours,
        "baseline": base,
        "ratio": _ratios(ours, base),
        "phases": phases(cold, analysis, stories_in_build),
        "stories_in_build": stories_in_build,
        "in_process": asdict(analysis),
        # Generated articles renamed so that our build accepts them.
        "retitled": retitled,
        "rebuild_added": added,
        "rebuild_changed": changed,
    }
    if out_file is not None:
        append_record(Path(out_file), record)
    return record


def append_record(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record, sort_keys=True) + "\n")
