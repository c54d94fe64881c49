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
"""

from __future__ import annotations

import argparse
import datetime
import html
import json
import logging
import multiprocessing
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = ROOT / "pelicanconf.py"
PAGES_FOLDER = ROOT / "content" / "pages"
RESULTS_FILE = Path("benchmarks") / "results.jsonl"
PROFILE_TOP = 15  # functions listed from a profile
TIMING_PLUGIN = "tools.timing"
# The plugin that groups articles into stories, timed as a phase when built.
STORY_PLUGIN = "newsarchive.plugin"  # registers the story pages
TIMING_FILE_ENV = "NEWSARCHIVE_TIMING_FILE"  # as tools.timing reads it

# Plain Pelican as most sites run it, paginated as ours so that both write
# listings of the same length. PLUGINS must be an empty list: left unset,
# Pelican loads every installed namespace plugin (pelican-sitemap).
BASELINE_SETTINGS = """\
# Written by tools.bench: plain Pelican, for comparison.
SITENAME = "Baseline"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "simple"
TYPOGRIFY = True
DEFAULT_PAGINATION = {pagination!r}
PLUGINS = []
CACHE_PATH = {cache!r}
"""

# Inserted into one article for the "changed" rebuild: plain prose, so the
# reader keeps it as a paragraph of the story.
ADDED_PARAGRAPH = (
    "Officials said later that the talks would continue next week, according "
    "to a statement released after the meeting ended."
)

# Rich wraps Pelican's summary line at 80 columns when not on a terminal.
_CHILD_COLUMNS = "200"
_PROCESSED = re.compile(r"Processed (\d+) articles?")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


# --- Measuring a child process ------------------------------------------------


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


# --- The archive --------------------------------------------------------------


def prepare_content(content: Path, n: int, seed: int) -> int:
    """Our layout: generated articles under articles/, our pages copied."""
    # Imported here, as everything heavy in this module: the build's child
    # process imports this module too, and its startup is measured.
    from tools.generate import write_archive

    count = write_archive(n, content / "articles", seed)
    shutil.copytree(PAGES_FOLDER, content / "pages")
    return count


def _url_key(header: dict[str, str], title: str) -> tuple:
    from newsarchive.plugins.reader import article_slug

    return header.get("date", "")[:10], header.get("source"), article_slug(title, {})


def retitle_collisions(articles: Path) -> list[str]:
    """Number a headline its outlet already ran on the same day; those renamed.

    Our article URLs are day/publisher/headline, and our build aborts when two
    articles share one (FileOverwriteFailedError), which the generator's
    stock headlines do a few times per thousand articles. Until the build
    tells such articles apart, the benchmark renames the later ones, in the
    header and in the page's headline line alike.
    """
    from newsarchive.reading.header import split_header

    seen: set[tuple] = set()
    renamed = []
    for path in sorted(articles.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        header = split_header(text)[0]
        title = header.get("title", "")
        key, number = _url_key(header, title), 1
        while key in seen:
            number += 1
            key = _url_key(header, f"{title} {number}")
        seen.add(key)
        if number > 1:
            path.write_bytes(text.replace(title, f"{title} {number}", 2).encode())
            renamed.append(path.relative_to(articles).as_posix())
    if renamed:
        logger.warning(
            "Renamed %d articles whose outlet ran the same headline on the same "
            "day, which our build cannot publish: %s",
            len(renamed),
            ", ".join(renamed),
        )
    return renamed


def add_article(articles: Path, seed: int) -> Path:
    """One more article, from another seed so that it is new to the archive."""
    from tools.generate import generate_articles

    relative, text = next(generate_articles(1, seed + 1))
    path = articles / relative
    if path.exists():
        path = path.with_name(f"{path.stem}-added{path.suffix}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def change_article(articles: Path) -> Path:
    """Add a paragraph after the longest paragraph of the middle article.

    Appending at the end would not always show: the reader drops what follows
    a "Related topics" or "Keep reading" block. The longest block is story.
    """
    files = sorted(articles.rglob("*.txt"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    blocks = _PARAGRAPH_BREAK.split(text)
    longest = max(range(1, len(blocks)), key=lambda i: len(blocks[i]))
    blocks.insert(longest + 1, ADDED_PARAGRAPH)
    path.write_bytes("\n\n".join(blocks).encode("utf-8"))
    return path


# --- Baseline Markdown --------------------------------------------------------

# What Python-Markdown (with Pelican's "extra" set) reads as markup anywhere
# in a one-line paragraph; "<" and "&" are escaped as HTML instead.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]{}])")
# ... and only at the start of a line: headings, list items, rules.
_MARKDOWN_LINE_START = re.compile(r"^([#+-])")
_MARKDOWN_NUMBERED = re.compile(r"^(\d+)\.(?=\s)")


def markdown_paragraph(text: str) -> str:
    """``text`` as one Markdown paragraph that renders as exactly this text."""
    line = " ".join(text.split())
    line = html.escape(line, quote=False)
    line = _MARKDOWN_INLINE.sub(r"\\\1", line)
    line = _MARKDOWN_LINE_START.sub(r"\\\1", line)
    return _MARKDOWN_NUMBERED.sub(r"\1\\.", line)


_TEMPLATE_LINE = re.compile(r"^Template:.*\n", re.MULTILINE | re.IGNORECASE)


def copy_baseline_pages(source: Path, target: Path) -> None:
    """Our pages, less the templates of our theme that ``simple`` lacks."""
    target.mkdir(parents=True, exist_ok=True)
    for page in sorted(source.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        header, _, body = text.partition("\n\n")
        (target / page.name).write_text(
            _TEMPLATE_LINE.sub("", header + "\n") + "\n" + body, encoding="utf-8"
        )


def _metadata_list(values) -> str:
    # With a semicolon present Pelican splits on semicolons only, so a name
    # with a comma in it ("Bonaire, Sint Eustatius and Saba") stays whole.
    return "; ".join(values) + ";"


def baseline_markdown(article, tags: list[str], body: str, slug: str) -> str:
    """A Pelican Markdown file of the raw body, with the metadata ours reads.

    The slug is given because plain Pelican aborts the build when two
    articles share a headline, which news archives have.
    """
    lines = [
        f"Title: {html.escape(article.title, quote=False)}",
        f"Date: {article.date.isoformat()}",
        f"Slug: {slug}",
    ]
    if article.source:
        lines.append(f"Category: {article.source}")
    if article.authors:
        lines.append(f"Authors: {_metadata_list(article.authors)}")
    if tags:
        lines.append(f"Tags: {_metadata_list(tags)}")
    paragraphs = [
        markdown_paragraph(block)
        for block in _PARAGRAPH_BREAK.split(body)
        if block.strip()
    ]
    return "\n".join(lines) + "\n\n" + "\n\n".join(paragraphs) + "\n"


# --- In-process reading, tagging and grouping -------------------------------------


@dataclass
class Analysis:
    """CPU seconds of reading and tagging every article here, one by one."""

    articles: int = 0
    parse_cpu_s: float = 0.0  # read_source + parse_article
    tag_cpu_s: float = 0.0  # tag_article
    stories: dict | None = None  # seconds, stories, compared; None: n/a


def _story_api():
    try:
        from newsarchive.stories.grouping import StoryRecord, group_stories
    except ImportError as error:
        logger.info("story grouping not timed: %s", error)
        return None
    return StoryRecord, group_stories


def _time_grouping(group_stories, records: list) -> dict:
    started = time.process_time()
    grouping = group_stories(records)
    return {
        "cpu_s": time.process_time() - started,
        "stories": len(grouping.stories),
        "compared": grouping.compared,
    }


def analyse(articles: Path, baseline_articles: Path) -> Analysis:
    """Read and tag every article here, timed, writing the baseline's copy."""
    from newsarchive.entities.matcher import default_matcher
    from newsarchive.entities.tagging import tag_article
    from newsarchive.reading.header import split_header
    from newsarchive.reading.outlets import load_outlets
    from newsarchive.reading.parse import parse_article
    from newsarchive.reading.sources import read_source

    # Loaded once per build too; kept out of the per-article figures.
    load_outlets()
    default_matcher()
    stories = _story_api()
    records = []
    analysis = Analysis()
    for path in sorted(articles.rglob("*.txt")):
        relative = path.relative_to(articles)
        started = time.process_time()
        text = read_source(str(path))
        article = parse_article(text, str(path))
        parsed = time.process_time()
        tagging = tag_article(article)
        analysis.tag_cpu_s += time.process_time() - parsed
        analysis.parse_cpu_s += parsed - started
        analysis.articles += 1

        slug = "-".join(relative.with_suffix("").parts)
        body = split_header(text.lstrip("\ufeff"))[1]
        target = baseline_articles / relative.with_suffix(".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            baseline_markdown(article, tagging.tags, body, slug), encoding="utf-8"
        )
        if stories is not None:
            records.append(stories[0].of(str(relative), article, tagging.mentions))
    if stories is not None:
        analysis.stories = _time_grouping(stories[1], records)
    return analysis


def analyse_apart(articles: Path, baseline_articles: Path) -> Analysis:
    """``analyse`` in a process of its own, which ends with it.

    Linux keeps a process's peak RSS across exec: a build started from a
    benchmark process that had read 10,000 articles would report that
    process's memory as its own peak (335 MB, for ours and the baseline).
    """
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(analyse, articles, baseline_articles).result()


# --- The builds ---------------------------------------------------------------


def _project_settings() -> dict:
    from pelican.settings import get_settings_from_file

    return get_settings_from_file(str(SETTINGS_FILE))


def _project_plugins() -> list[str]:
    return list(_project_settings().get("PLUGINS") or [])


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


def build_baseline(site: Path, logs: Path) -> dict:
    """Build ``site/content`` with plain Pelican's own command line, measured."""
    conf = site / "pelicanconf.py"
    pagination = _project_settings().get("DEFAULT_PAGINATION", False)
    conf.write_text(
        BASELINE_SETTINGS.format(pagination=pagination, cache=str(site / "cache")),
        "utf-8",
    )
    command = [
        *(sys.executable, "-m", "pelican", str(site / "content")),
        *("-s", str(conf), "-o", str(site / "output")),
        # Plain Pelican logs an unreadable file and carries on: not here.
        *("--fatal", "errors"),
    ]
    log = logs / "baseline.log"
    measured = measure(command, site, log, _child_env())
    _check(measured, "the baseline build", log)
    processed = _PROCESSED.search(log.read_text(encoding="utf-8", errors="replace"))
    return {
        **asdict(measured),
        "pages": count_pages(site / "output"),
        "articles": int(processed.group(1)) if processed else None,
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


# --- Phases -------------------------------------------------------------------


def _span(first: dict, last: dict) -> dict:
    """Wall and CPU seconds between two marks, child processes' CPU included."""
    cpu = (last["cpu"] + last["children_cpu"]) - (first["cpu"] + first["children_cpu"])
    return {"wall_s": last["time"] - first["time"], "cpu_s": cpu}


def _sum(*spans: dict) -> dict:
    return {key: sum(span[key] for span in spans) for key in ("wall_s", "cpu_s")}


def phases(ours: dict, analysis: Analysis, stories_in_build: bool = False) -> dict:
    """Our cold build's phases; their wall and CPU times add up to the build's.

    Tagging runs inside the reader, so the build cannot time it apart: its
    share of the read phase's CPU is the CPU it takes in ``analysis``, and
    of the phase's wall time the same share, however many processes read.
    Stories are grouped by a generator of their own, between the pages' and
    the static files' context; without one that span is left in the context.
    """
    at = {mark["name"]: mark for mark in ours["marks"]}
    started, returned = ours["runner"]["started"], ours["runner"]["returned"]
    written = at.get("last_written", at["get_writer"])
    read = _span(at["get_generators"], at["article_generator_pretaxonomy"])
    tag_cpu = max(0.0, min(analysis.tag_cpu_s, read["cpu_s"]))
    share = tag_cpu / read["cpu_s"] if read["cpu_s"] > 0 else 0.0
    tag = {"wall_s": read["wall_s"] * share, "cpu_s": tag_cpu}
    generators = _span(at["page_generator_finalized"], at["static_generator_finalized"])
    context = _sum(
        _span(at["article_generator_pretaxonomy"], at["page_generator_finalized"]),
        _span(at["static_generator_finalized"], at["get_writer"]),
    )
    if not stories_in_build:
        context, generators = _sum(context, generators), None
    inside = _span(started, returned)
    return {
        "startup": _span(started, at["get_generators"]),
        "read_and_clean": {key: read[key] - tag[key] for key in read},
        "tag": tag,
        "context_and_plugins": context,
        "group_stories": generators,
        "render_and_write": _span(at["get_writer"], written),
        "search_index": _span(written, returned),
        "process_start_and_exit": {
            "wall_s": ours["wall_s"] - inside["wall_s"],
            "cpu_s": ours["cpu_s"] - inside["cpu_s"],
        },
    }


# --- The run ------------------------------------------------------------------


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


# --- The table ----------------------------------------------------------------

BUILD_ROWS = (
    ("ours, cold", "ours"),
    ("baseline Pelican, cold", "baseline"),
    ("ours, rebuild: 1 article added", "rebuild_added"),
    ("ours, rebuild: 1 article changed", "rebuild_changed"),
)
REBUILD_ROWS = (
    ("after adding 1 article", "rebuild_added"),
    ("after changing 1 article", "rebuild_changed"),
)
PHASE_ROWS = (
    ("startup (imports, settings, plugins)", "startup"),
    ("read and clean (+ HTML, typogrify)", "read_and_clean"),
    ("tag", "tag"),
    ("taxonomies, pages, plugins' context", "context_and_plugins"),
    ("group stories", "group_stories"),
    ("render and write", "render_and_write"),
    ("search index (+ sitemap, static, swap-in)", "search_index"),
    ("process start and exit", "process_start_and_exit"),
)
PHASE_NOTE = (
    "Tag runs inside the reader: its share of the read phase is the share of\n"
    "CPU it took when the same texts were read and tagged one by one here.\n"
    "CPU includes child processes (Pagefind, workers)."
)


def _build_line(label: str, figures: dict) -> str:
    return (
        f"{label:<34} {figures['wall_s']:>8.2f} {figures['cpu_s']:>8.2f} "
        f"{figures['max_rss_mb']:>8.0f} {figures['pages']:>7d} "
        f"{figures['ms_per_article']:>8.2f}"
    )


def _ratio_line(ratio: dict) -> str:
    def cell(key: str, width: int) -> str:
        value = ratio[key]
        return f"{value:>{width - 1}.2f}x" if value is not None else f"{'n/a':>{width}}"

    return (
        f"{'ours / baseline':<34} {cell('wall_s', 8)} {cell('cpu_s', 8)} "
        f"{cell('max_rss_mb', 8)} {cell('pages', 7)} {cell('wall_s', 8)}"
    )


def _phase_line(label: str, figures: dict | None, total: float) -> str:
    if figures is None:
        return f"{label:<42} {'n/a':>8} {'n/a':>8} {'':>7}"
    share = figures["wall_s"] / total * 100 if total else 0.0
    return (
        f"{label:<42} {figures['wall_s']:>8.2f} {figures['cpu_s']:>8.2f} {share:>6.1f}%"
    )


def _stories_note(record: dict) -> list[str]:
    if record["stories_in_build"]:
        return []
    measured = record["in_process"]["stories"]
    if measured is None:
        return ["Group stories: n/a, there is no story grouping to time."]
    return [
        f"Group stories: n/a, not in this build (no {STORY_PLUGIN} plugin);\n"
        f"grouping the same articles here took {measured['cpu_s']:.2f} s of CPU "
        f"({measured['stories']} stories).",
    ]


def _load_line(load: dict, cpus: int) -> str:
    if load["start"] is None:
        return "Load average: unknown."
    line = (
        f"Load average (1 min): {load['start']:.1f} at start, {load['end']:.1f} at end"
    )
    # At the end the figure holds the benchmark's own builds too.
    if load["start"] >= cpus / 2:
        line += ";\nother work was sharing the CPUs: wall times run ahead of CPU times"
    return line + "."


def format_table(record: dict) -> str:
    machine = record["machine"]
    commit = record["commit"] or "unknown commit"
    if record.get("dirty"):
        commit += " (modified)"
    lines = [
        f"News archive benchmark: {record['n']} articles, seed {record['seed']}, "
        f"{machine['nproc']} CPUs, Python {machine['python']}, "
        f"Pelican {machine['pelican']}, {commit}",
        _load_line(record["load_average"], machine["nproc"]),
        "",
        f"{'build':<34} {'wall s':>8} {'CPU s':>8} {'RSS MB':>8} {'pages':>7} "
        f"{'ms/art':>8}",
    ]
    for label, key in BUILD_ROWS:
        lines.append(_build_line(label, record[key]))
        if key == "baseline":
            lines.append(_ratio_line(record["ratio"]))
    lines += [
        "",
        "RSS MB: the largest peak of any one of the build's processes (Pelican,",
        "Pagefind, workers). Our Pelican process alone: "
        f"{record['ours']['process_max_rss_mb']:.0f} MB. All processes at once",
        f"(sampled): ours {record['ours']['tree_rss_mb']:.0f} MB, "
        f"baseline {record['baseline']['tree_rss_mb']:.0f} MB.",
        "",
        f"{'rebuild of ours':<34} {'wall s':>8} {'of cold':>8}",
    ]
    for label, key in REBUILD_ROWS:
        figures = record[key]
        lines.append(
            f"{label:<34} {figures['wall_s']:>8.2f} "
            f"{figures['share_of_cold'] * 100:>7.1f}%"
        )
    lines += [
        "",
        f"{'phase of ours, cold':<42} {'wall s':>8} {'CPU s':>8} {'share':>7}",
    ]
    total = record["ours"]["wall_s"]
    for label, key in PHASE_ROWS:
        lines.append(_phase_line(label, record["phases"][key], total))
    lines += ["", PHASE_NOTE, *_stories_note(record)]
    if record["retitled"]:
        lines += [
            "",
            f"Generated articles renamed first, as our build aborts when one "
            f"outlet runs the\nsame headline twice on one day (their URLs "
            f"collide): {len(record['retitled'])}.",
        ]
    return "\n".join(lines)


# --- Command line -------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench",
        description="Build a generated archive with ours and with plain Pelican, "
        "and compare time and memory.",
    )
    parser.add_argument("--n", type=int, default=1000, help="how many articles")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument(
        "--out",
        default=str(RESULTS_FILE),
        help=f"JSON lines file the result is appended to (default {RESULTS_FILE})",
    )
    parser.add_argument(
        "--keep", help="work in this new folder and keep it, instead of a temp one"
    )
    parser.add_argument(
        "--profile",
        help="also profile one more cold build of ours; write its stats here",
    )
    # The child process that runs one of our builds.
    parser.add_argument("--_run", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._run:
        return run_child(args._run)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        record = run_bench(args.n, args.seed, args.out, args.keep, args.profile)
    except (ValueError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(format_table(record))
    if args.profile:
        print(f"\nProfile of our cold build: {args.profile}\n")
        print(profile_report(Path(args.profile)))
    print(f"\nAppended to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
