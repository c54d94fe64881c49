"""Our cold build split into phases, from the marks the timing plugin noted."""

from __future__ import annotations

from tools.bench.analysis import Analysis


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
