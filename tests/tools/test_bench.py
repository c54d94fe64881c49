"""The benchmark: one real run at a tiny size, and the parts it relies on."""

from __future__ import annotations

import html
import json
import subprocess
import sys
import time

import markdown
import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Tag

from newsarchive.entities.tagging import tag_article
from newsarchive.reading.parse import parse_article
from newsarchive.reading.sources import read_source
from tests.conftest import ROOT, soup
from tools import bench, timing
from tools.bench import (
    ADDED_PARAGRAPH,
    BUILD_ROWS,
    PHASE_ROWS,
    REBUILD_ROWS,
    Analysis,
    markdown_paragraph,
    measure,
    phases,
)

N = 20
BUILD_KEYS = {
    *("wall_s", "cpu_s", "max_rss_mb", "tree_rss_mb"),
    *("pages", "articles", "ms_per_article"),
}


@pytest.fixture(scope="module")
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


@pytest.fixture(scope="module")
def record(run):
    lines = run["results"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def test_record_says_what_was_measured_and_where(record):
    assert record["n"] == N
    assert record["seed"] == 3
    assert record["timestamp"].endswith("+00:00")
    machine = record["machine"]
    assert machine["nproc"] >= 1
    assert machine["python"].count(".") == 2
    assert machine["pelican"].startswith("4.")
    # The project is a git checkout: the commit is named.
    assert len(record["commit"]) >= 7
    load = record["load_average"]
    assert load.keys() == {"start", "end"}
    assert all(value >= 0 for value in load.values())


@pytest.mark.parametrize("build", ["ours", "baseline"])
def test_both_builds_publish_every_article_and_are_measured(record, build):
    figures = record[build]
    assert figures.keys() >= BUILD_KEYS
    assert figures["articles"] == N
    # An article page each, and the listings besides.
    assert figures["pages"] > N
    assert figures["cpu_s"] > 0
    assert figures["wall_s"] > 0
    assert 10 < figures["max_rss_mb"] <= figures["tree_rss_mb"] < 4000
    assert figures["ms_per_article"] == pytest.approx(figures["wall_s"] * 1000 / N)


def test_ratio_is_ours_over_baseline(record):
    for key in ("wall_s", "cpu_s", "max_rss_mb", "tree_rss_mb", "pages"):
        assert record["ratio"][key] > 0
        assert record["ratio"][key] == pytest.approx(
            record["ours"][key] / record["baseline"][key]
        )


def test_phases_add_up_to_our_wall_and_cpu_time(record):
    found = record["phases"]
    assert set(found) == {key for _, key in PHASE_ROWS}
    # Stories are a phase of their own only when the build groups them.
    assert (found["group_stories"] is not None) == record["stories_in_build"]
    in_build = [figures for figures in found.values() if figures is not None]
    assert all(figures["wall_s"] >= 0 for figures in in_build)
    for key in ("wall_s", "cpu_s"):
        assert sum(f[key] for f in in_build) == pytest.approx(
            record["ours"][key], rel=1e-6
        )
    assert found["read_and_clean"]["wall_s"] > 0
    assert found["tag"]["wall_s"] > 0
    # Pagefind runs as a child process: its CPU is counted in its phase.
    assert found["search_index"]["cpu_s"] > 0


def test_in_process_reading_covers_every_article(record):
    assert record["in_process"]["articles"] == N
    assert record["in_process"]["parse_cpu_s"] > record["in_process"]["tag_cpu_s"] > 0
    stories = record["in_process"]["stories"]
    if stories is not None:
        assert stories["cpu_s"] > 0
        assert stories["stories"] >= 0


def _read(run, relative: str):
    """The article and its tags, as our reader finds them."""
    path = run["work"] / "ours" / "content" / "articles" / relative
    article = parse_article(read_source(str(path)), str(path))
    return article, tag_article(article)


def _words(element) -> str:
    return " ".join(element.get_text().split())


def _article_pages(run) -> dict[str, list[str]]:
    """Headline -> paragraphs, for every article page of our final build."""
    output = run["work"] / "ours" / "output"
    pages = {}
    for path in output.glob("[0-9]*/[0-9]*/[0-9]*/*/*/index.html"):
        page = soup(path)
        # Typogrify joins the last two words with a no-break space: _words
        # compares the text as a reader sees it.
        pages[_words(page.h1)] = [_words(p) for p in page.select(".body p")]
    return pages


def test_rebuilds_see_the_added_and_the_changed_article(run, record):
    added, changed = record["rebuild_added"], record["rebuild_changed"]
    assert added["articles"] == changed["articles"] == N + 1
    assert added["pages"] > record["ours"]["pages"]
    for figures in (added, changed):
        assert figures.keys() >= BUILD_KEYS | {"share_of_cold", "file"}
        assert figures["share_of_cold"] == pytest.approx(
            figures["wall_s"] / record["ours"]["wall_s"]
        )
    assert added["file"] != changed["file"]
    pages = _article_pages(run)
    assert len(pages) == N + 1
    new_title = _read(run, added["file"])[0].title
    assert pages[new_title]
    changed_title = _read(run, changed["file"])[0].title
    assert ADDED_PARAGRAPH in pages[changed_title]
    assert [t for t, ps in pages.items() if ADDED_PARAGRAPH in ps] == [changed_title]


def test_baseline_has_the_entity_tags_ours_found(run, record):
    """The same tags, but for the article added after the baseline was built."""
    articles = run["work"] / "ours" / "content" / "articles"
    tags = {}
    for path in articles.rglob("*.txt"):
        relative = path.relative_to(articles).as_posix()
        tags[relative] = {
            Tag(name, DEFAULT_CONFIG).slug for name in _read(run, relative)[1].tags
        }
    everything = set().union(*tags.values())
    added = tags.pop(record["rebuild_added"]["file"])
    before = set().union(*tags.values())
    assert added - before, "the added article should bring a new entity"

    ours = {p.name for p in (run["work"] / "ours" / "output" / "entity").iterdir()}
    ours.discard("index.html")
    assert ours == everything
    stems = {p.stem for p in (run["work"] / "baseline" / "output" / "tag").iterdir()}
    # "russia2" is page 2 of "russia" under Pelican's default page names.
    first_pages = {
        s for s in stems if s.rstrip("0123456789") not in stems or s in before
    }
    assert first_pages == before


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


def test_the_timing_plugin_wrote_the_marks_phases_are_split_on(run):
    marks = json.loads(
        (run["work"] / "logs" / "cold.timing.json").read_text(encoding="utf-8")
    )["marks"]
    names = [mark["name"] for mark in marks]
    split_on = [
        "initialized",
        "get_generators",
        "article_generator_pretaxonomy",
        "page_generator_finalized",
        "static_generator_finalized",
        "get_writer",
        "last_written",
        "finalized",
    ]
    for name in split_on:
        assert names.count(name) == 1, name
    # In the order of the build's stages, and in the order they were noted.
    assert [name for name in names if name in split_on] == split_on
    times = [mark["time"] for mark in marks]
    assert times == sorted(times)


def test_timing_plugin_does_nothing_without_its_variable(monkeypatch, tmp_path):
    monkeypatch.delenv(timing.TIMING_FILE_ENV, raising=False)
    timing.on_initialized(None)
    timing.on_finalized(None)
    assert timing.marks() == []
    monkeypatch.setenv(timing.TIMING_FILE_ENV, str(tmp_path / "marks.json"))
    timing.on_initialized(None)
    for _ in range(3):
        timing.on_article_generator_preread(None)
    timing.on_finalized(None)
    written = json.loads((tmp_path / "marks.json").read_text(encoding="utf-8"))
    names = [mark["name"] for mark in written["marks"]]
    assert names == ["initialized", "article_generator_preread", "finalized"]


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


@pytest.mark.parametrize(
    "text",
    [
        "Plain prose, with a comma.",
        "*Not emphasis* and _not this_ either, nor __this__.",
        "# Not a heading",
        "- not a list item",
        "+ nor this",
        "1984. A year, not a numbered list.",
        "Tags <b>stay</b> text & so do &amp; entities.",
        "[Not a link](http://example.com) or ![an image](x.png)",
        "Back\\slash and `not code`, {: .not-an-attribute}",
        "> not a quote",
        "Once\nMonthly\nAnnual\nContinue",
        "*[HTML]: not an abbreviation",
        "Footnote[^1] stays text.",
    ],
)
def test_markdown_paragraph_renders_as_exactly_the_text(text):
    rendered = markdown.markdown(markdown_paragraph(text), extensions=["extra"])
    assert rendered == f"<p>{html.escape(' '.join(text.split()), quote=False)}</p>"


def _mark(name, at, cpu, children=0.0):
    return {"name": name, "time": at, "cpu": cpu, "children_cpu": children}


COLD = {
    "wall_s": 12.0,
    "cpu_s": 10.5,
    "runner": {
        "started": _mark("started", 100.0, 0.5),
        "returned": _mark("returned", 111.0, 9.0, 1.0),
    },
    "marks": [
        _mark("get_generators", 101.0, 1.5),
        _mark("article_generator_pretaxonomy", 106.0, 5.5),
        _mark("page_generator_finalized", 106.5, 5.75),
        _mark("static_generator_finalized", 106.75, 5.75),
        _mark("get_writer", 107.0, 6.0),
        _mark("last_written", 110.0, 8.5),
    ],
}


def test_phases_take_tagging_out_of_the_read_phase():
    # Reading took 4 s of CPU in 5 s; tagging alone takes 1 s of CPU.
    found = phases(COLD, Analysis(articles=5, parse_cpu_s=2.5, tag_cpu_s=1.0))
    assert found["startup"] == {"wall_s": 1.0, "cpu_s": 1.0}
    assert found["read_and_clean"] == {"wall_s": 3.75, "cpu_s": 3.0}
    assert found["tag"] == {"wall_s": 1.25, "cpu_s": 1.0}
    # No story plugin: the plugin generators' span stays in the context.
    assert found["group_stories"] is None
    assert found["context_and_plugins"] == {"wall_s": 1.0, "cpu_s": 0.5}
    assert found["render_and_write"] == {"wall_s": 3.0, "cpu_s": 2.5}
    # Pagefind's CPU is a child's: counted in the search phase.
    assert found["search_index"] == {"wall_s": 1.0, "cpu_s": 1.5}
    # Python's own start (0.5 s of CPU before the runner's first mark) and exit.
    assert found["process_start_and_exit"] == {"wall_s": 1.0, "cpu_s": 1.0}


def test_phases_time_story_grouping_when_the_build_does_it():
    found = phases(COLD, Analysis(tag_cpu_s=1.0), stories_in_build=True)
    assert found["group_stories"] == {"wall_s": 0.25, "cpu_s": 0.0}
    assert found["context_and_plugins"] == {"wall_s": 0.75, "cpu_s": 0.5}


def test_tagging_never_takes_more_than_the_read_phase():
    found = phases(COLD, Analysis(tag_cpu_s=9.0))
    assert found["tag"] == {"wall_s": 5.0, "cpu_s": 4.0}
    assert found["read_and_clean"] == {"wall_s": 0.0, "cpu_s": 0.0}


BURN = "import time\nend = time.process_time() + {s}\nwhile time.process_time() < end: pass"


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


def test_snapshots_count_children_still_running(monkeypatch, tmp_path):
    worker = subprocess.Popen(
        [sys.executable, "-c", BURN.format(s=0.5) + "\ninput()"], stdin=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 10
        while timing.live_children_cpu() < 0.4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert timing.live_children_cpu() >= 0.4
        assert timing.snapshot("now")["children_cpu"] >= 0.4
    finally:
        worker.communicate(b"\n", timeout=10)


def test_only_the_last_page_written_is_marked(monkeypatch, tmp_path):
    monkeypatch.setenv(timing.TIMING_FILE_ENV, str(tmp_path / "marks.json"))
    timing.on_initialized(None)
    timing.on_get_writer(None)
    for number in range(100):
        timing.on_written(f"page{number}.html", context={})
    names = [mark["name"] for mark in timing.marks()]
    assert names == ["initialized", "get_writer", "last_written"]
    assert timing.marks()[-1]["time"] >= timing.marks()[1]["time"]
    timing.on_article_writer_finalized(None)
    timing.on_written("feed.atom.xml", context={})
    names = [mark["name"] for mark in timing.marks()]
    assert names == [
        "initialized",
        "get_writer",
        "article_writer_finalized",
        "last_written",
    ]


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
