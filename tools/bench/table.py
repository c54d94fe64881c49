"""A run's record printed as a table."""

from __future__ import annotations

from tools.bench.project import STORY_PLUGIN

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
