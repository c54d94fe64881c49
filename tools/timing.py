"""Pelican plugin: when a build reaches each stage, for ``tools.bench``.

With ``NEWSARCHIVE_TIMING_FILE`` set to a path, the plugin notes the clock,
the process's CPU time and its peak memory at each stage and writes them
there as JSON when the build finishes. Without it, every handler returns at
once, so leaving the plugin in ``PLUGINS`` costs nothing.

Pelican sends some signals to several plugins in no fixed order, so a mark
on a signal that our other plugins also handle may fall before or after
their work. The marks the benchmark splits phases on are the ones whose
handlers in other plugins do little: ``get_generators`` (the generators, and
so reading, about to start: the reader prepares every article on
``article_generator_init``), ``article_generator_pretaxonomy`` (every
article read),
``page_generator_finalized`` (pages read; plugin generators, such as the
stories', come next), ``static_generator_finalized`` (every generator's
context built), ``get_writer`` (writing about to start) and ``last_written``,
the last page or feed Pelican's writer wrote.

CPU time counts the build's child processes too, finished or still running,
so work moved into worker processes is seen in the phase that did it.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import time
from pathlib import Path

from pelican import signals

logger = logging.getLogger(__name__)

TIMING_FILE_ENV = "NEWSARCHIVE_TIMING_FILE"

# One build's marks, oldest first; ``initialized`` starts a new list, so a
# process that builds twice reports only its latest build.
_marks: list[dict] = []


def timing_file() -> str | None:
    return os.environ.get(TIMING_FILE_ENV) or None


def live_children_cpu() -> float:
    """CPU seconds of this process's running children (Linux; else 0).

    getrusage counts a child only once it has been waited for: the workers of
    a pool that lives on would show only at exit, in no phase.
    """
    try:
        threads = os.listdir("/proc/self/task")
    except OSError:
        return 0.0
    ticks = 0
    for thread in threads:
        try:
            with open(f"/proc/self/task/{thread}/children", "rb") as listing:
                pids = listing.read().split()
        except OSError:
            continue
        for pid in pids:
            try:
                with open(b"/proc/%s/stat" % pid, "rb") as stat:
                    fields = stat.read().rpartition(b")")[2].split()
            except OSError:  # gone, and so counted by getrusage now
                continue
            # After the command name, which may hold spaces: utime, stime, and
            # those of the child's own waited-for children (fields 14-17).
            ticks += sum(int(value) for value in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def snapshot(name: str) -> dict:
    """The clock, CPU seconds and peak RSS of this process, named."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    # Pagefind and any worker processes: finished ones, then running ones.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    children_cpu = children.ru_utime + children.ru_stime + live_children_cpu()
    return {
        "name": name,
        "time": time.perf_counter(),
        "cpu": own.ru_utime + own.ru_stime,
        "children_cpu": children_cpu,
        "max_rss_kb": own.ru_maxrss,
    }


def mark(name: str) -> None:
    if timing_file() is not None:
        _marks.append(snapshot(name))


def marks() -> list[dict]:
    return list(_marks)


def write_marks(path: str | Path) -> None:
    Path(path).write_text(json.dumps({"marks": _marks}, indent=1), encoding="utf-8")


def on_initialized(pelican) -> None:
    _marks.clear()
    mark("initialized")


def on_get_generators(pelican) -> None:
    # Returning None adds no generator.
    mark("get_generators")


def on_article_generator_init(generator) -> None:
    mark("article_generator_init")


def on_article_generator_preread(generator) -> None:
    # Sent once per file: only the first says when reading began.
    if not any(m["name"] == "article_generator_preread" for m in _marks):
        mark("article_generator_preread")


def on_article_generator_pretaxonomy(generator) -> None:
    mark("article_generator_pretaxonomy")


def on_article_generator_finalized(generator) -> None:
    mark("article_generator_finalized")


def on_page_generator_finalized(generator) -> None:
    mark("page_generator_finalized")


def on_static_generator_finalized(generator) -> None:
    mark("static_generator_finalized")


def on_all_generators_finalized(generators) -> None:
    mark("all_generators_finalized")


def on_get_writer(pelican) -> None:
    # Any non-class return value leaves Pelican's choice of writer alone.
    mark("get_writer")


def on_article_writer_finalized(generator, writer=None) -> None:
    mark("article_writer_finalized")


def on_page_writer_finalized(generator, writer=None) -> None:
    mark("page_writer_finalized")


# A snapshot costs about 30 microseconds, a page a few milliseconds: taken
# at most this often while pages are written, so that timing costs the build
# under 0.2%. The last page's CPU figures are then at most this old.
WRITTEN_SNAPSHOT_EVERY_S = 0.02


def on_written(path, **kwargs) -> None:
    # Sent once per page and feed: only the latest is kept, so that the last
    # one says when writing ended, whichever generator wrote it.
    if timing_file() is None:
        return
    now = time.perf_counter()
    last = _marks[-1] if _marks else None
    if last is None or last["name"] != "last_written":
        # Other marks came since (a writer finished): move it to the end.
        _marks[:] = [m for m in _marks if m["name"] != "last_written"]
        _marks.append(snapshot("last_written"))
    elif now - last["snapshot_time"] >= WRITTEN_SNAPSHOT_EVERY_S:
        _marks[-1] = snapshot("last_written")
    else:
        last["time"] = now
        return
    _marks[-1]["snapshot_time"] = _marks[-1]["time"]


def on_finalized(pelican) -> None:
    path = timing_file()
    if path is None:
        return
    mark("finalized")
    write_marks(path)
    logger.debug("Timing marks written to %s", path)


_HANDLERS = (
    (signals.initialized, on_initialized),
    (signals.get_generators, on_get_generators),
    (signals.article_generator_init, on_article_generator_init),
    (signals.article_generator_preread, on_article_generator_preread),
    (signals.article_generator_pretaxonomy, on_article_generator_pretaxonomy),
    (signals.article_generator_finalized, on_article_generator_finalized),
    (signals.page_generator_finalized, on_page_generator_finalized),
    (signals.static_generator_finalized, on_static_generator_finalized),
    (signals.all_generators_finalized, on_all_generators_finalized),
    (signals.get_writer, on_get_writer),
    (signals.article_writer_finalized, on_article_writer_finalized),
    (signals.page_writer_finalized, on_page_writer_finalized),
    (signals.content_written, on_written),
    (signals.feed_written, on_written),
    (signals.finalized, on_finalized),
)


def register():
    for signal, handler in _HANDLERS:
        signal.connect(handler)
