"""Our build: measured from outside, run in its child process, and profiled."""

from __future__ import annotations

import json
import logging
import resource
import sys
import time
from dataclasses import asdict
from pathlib import Path

from tools.bench.measure import _check, _child_env, count_pages, measure
from tools.bench.project import (
    SETTINGS_FILE,
    TIMING_FILE_ENV,
    TIMING_PLUGIN,
    _project_plugins,
)

PROFILE_TOP = 15  # functions listed from a profile


def build_ours(
    site: Path,
    logs: Path,
    label: str,
    output: str = "output",
    profile: Path | None = None,
) -> dict:
    """Build ``site/content`` into ``site/output`` with our settings, measured.

    With ``profile``, the build runs under cProfile and its stats go there;
    its figures are then the profiler's, not the build's.
    """
    timing = logs / f"{label}.timing.json"
    result = logs / f"{label}.result.json"
    spec = logs / f"{label}.spec.json"
    for stale in (timing, result):
        stale.unlink(missing_ok=True)
    override = {
        "PATH": str(site / "content"),
        "OUTPUT_PATH": str(site / output),
        "CACHE_PATH": str(site / f"{output}-cache"),
        "PLUGINS": [*_project_plugins(), TIMING_PLUGIN],
    }
    spec.write_text(
        json.dumps(
            {
                "settings": str(SETTINGS_FILE),
                "override": override,
                "result": str(result),
                "profile": str(profile) if profile else None,
            }
        ),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "tools.bench", "--_run", str(spec)]
    log = logs / f"{label}.log"
    measured = measure(command, site, log, _child_env(**{TIMING_FILE_ENV: str(timing)}))
    _check(measured, f"our build ({label})", log)
    runner = json.loads(result.read_text(encoding="utf-8"))
    marks = json.loads(timing.read_text(encoding="utf-8"))["marks"]
    return {
        **asdict(measured),
        "pages": count_pages(site / output),
        "articles": runner["articles"],
        "runner": runner,
        "marks": marks,
        "plugins": override["PLUGINS"],
    }


def _started() -> dict:
    """The clock and CPU time now, before the build's imports."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "name": "started",
        "time": time.perf_counter(),
        "cpu": own.ru_utime + own.ru_stime,
        "children_cpu": children.ru_utime + children.ru_stime,
    }


def run_child(spec_path: str) -> int:
    """In the child process: one build with our entry point, as the task runs it."""
    started = _started()
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    from pelican import log as pelican_log

    from newsarchive.build import PUBLISHED, build
    from tools.timing import snapshot

    pelican_log.init(level=logging.WARNING)
    if spec.get("profile"):
        account = _profiled(build, spec)
    else:
        account = build(spec["settings"], spec["override"])
    returned = snapshot("returned")
    articles = sum(
        f.status == PUBLISHED and f.path.endswith(".txt") for f in account.files
    )
    result = {"started": started, "returned": returned, "articles": articles}
    Path(spec["result"]).write_text(json.dumps(result), encoding="utf-8")
    return 0


def _profiled(build, spec: dict):
    import cProfile

    profile = cProfile.Profile()
    try:
        return profile.runcall(build, spec["settings"], spec["override"])
    finally:
        profile.dump_stats(spec["profile"])


def profile_report(path: Path, top: int = PROFILE_TOP) -> str:
    """The ``top`` functions of a profile by cumulative time, as pstats prints."""
    import io
    import pstats

    out = io.StringIO()
    stats = pstats.Stats(str(path), stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()
