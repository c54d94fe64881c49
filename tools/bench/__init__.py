"""Benchmark: our build against plain Pelican on the same generated archive.

``python -m tools.bench --n 1000`` writes ``n`` generated raw articles
(``tools.generate``) into a temporary content folder laid out like
ours, then measures, each in a child process of its own so that its wall
time, CPU time and peak memory are its alone:

1. our cold build, with ``pelicanconf.py`` and the ``tools.timing``
   plugin added, which notes when each stage of the build is reached;
2. plain Pelican (``simple`` theme, typogrify, our pagination, default URLs,
   no plugins) on the same texts as Markdown, with the same entity tags,
   dates and publishers as ours finds;
3. our rebuild after adding one article, and after changing one.

A child's figures come from ``wait4``: on Linux they are the child's own and
those of every process it waited for (Pagefind, worker pools), and no other
build's, as ``getrusage(RUSAGE_CHILDREN)`` in a parent of its own would give.

Reading and tagging happen together inside our reader, so tagging's share of
the build's read phase is the share of CPU it takes when the same texts are
read and tagged here, one by one. The figures are printed as a table and
appended as one JSON object to a results file, to compare runs over time.

The package, in the order a run goes: ``archive`` writes the articles,
``analysis`` reads and tags them here and ``baseline`` copies them for plain
Pelican; ``ours`` and ``baseline`` build them, each in a child process that
``measure`` measures; ``phases`` splits our build's time, ``run`` makes the
record and ``table`` prints it. ``project`` names the checkout's files and
plugins; ``cli`` is ``python -m tools.bench``, which is also how a run starts
each of our builds.
"""

from __future__ import annotations

from tools.bench.analysis import Analysis, analyse, analyse_apart
from tools.bench.archive import (
    ADDED_PARAGRAPH,
    add_article,
    change_article,
    prepare_content,
    retitle_collisions,
)
from tools.bench.baseline import (
    BASELINE_SETTINGS,
    baseline_markdown,
    build_baseline,
    copy_baseline_pages,
    markdown_paragraph,
)
from tools.bench.cli import main
from tools.bench.measure import (
    RSS_SAMPLE_EVERY_S,
    Measured,
    count_pages,
    measure,
    tree_rss_kb,
)

# Tests run their own children with the environment our builds get.
from tools.bench.measure import _child_env as _child_env
from tools.bench.ours import PROFILE_TOP, build_ours, profile_report, run_child
from tools.bench.phases import phases
from tools.bench.project import (
    PAGES_FOLDER,
    ROOT,
    SETTINGS_FILE,
    STORY_PLUGIN,
    TIMING_FILE_ENV,
    TIMING_PLUGIN,
)
from tools.bench.run import (
    RESULTS_FILE,
    append_record,
    git_commit,
    machine_info,
    run_bench,
)
from tools.bench.table import (
    BUILD_ROWS,
    PHASE_NOTE,
    PHASE_ROWS,
    REBUILD_ROWS,
    format_table,
)

__all__ = [
    "ADDED_PARAGRAPH",
    "BASELINE_SETTINGS",
    "BUILD_ROWS",
    "PAGES_FOLDER",
    "PHASE_NOTE",
    "PHASE_ROWS",
    "PROFILE_TOP",
    "REBUILD_ROWS",
    "RESULTS_FILE",
    "ROOT",
    "RSS_SAMPLE_EVERY_S",
    "SETTINGS_FILE",
    "STORY_PLUGIN",
    "TIMING_FILE_ENV",
    "TIMING_PLUGIN",
    "Analysis",
    "Measured",
    "add_article",
    "analyse",
    "analyse_apart",
    "append_record",
    "baseline_markdown",
    "build_baseline",
    "build_ours",
    "change_article",
    "copy_baseline_pages",
    "count_pages",
    "format_table",
    "git_commit",
    "machine_info",
    "main",
    "markdown_paragraph",
    "measure",
    "phases",
    "prepare_content",
    "profile_report",
    "retitle_collisions",
    "run_bench",
    "run_child",
    "tree_rss_kb",
]
