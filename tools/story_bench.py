"""What grouping stories costs, and how well it groups, on a generated archive.

``python -m tools.story_bench DIR --seed S`` reads every ``.txt`` file
under ``DIR`` (written by ``python -m tools.generate --out DIR --seed
S``) as the build's reader does, once, then times ``group_stories`` alone on
the records, and the story pages' comparisons (``coverage.compare``), and
measures grouping's peak memory in a second, traced run, since tracing
slows what it traces. With the seed, the generator's drafts are made again in
memory to learn which articles retell one event, and the grouping is scored
against them by pairs of articles: precision (linked pairs that are one
event) and recall (pairs of one event, from two publishers within the date
window, that were linked).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
import tracemalloc
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from newsarchive.entities.tagging import tag_article
from newsarchive.reading.parse import parse_article
from newsarchive.reading.sources import read_source
from newsarchive.stories.coverage import compare
from newsarchive.stories.grouping import StoryRecord, group_stories
from newsarchive.stories.settings import StorySettings


def read_records(folder: Path) -> list[StoryRecord]:
    """The records the build gives grouping, ids relative to ``folder``."""
    records = []
    for path in sorted(folder.rglob("*.txt")):
        article = parse_article(read_source(str(path)), str(path))
        mentions = tag_article(article).mentions
        records.append(
            StoryRecord.of(path.relative_to(folder).as_posix(), article, mentions)
        )
    return records


def pair_scores(
    records: Sequence[StoryRecord],
    stories: Iterable[Sequence[str]],
    events: Mapping[str, int],
    max_days: int,
) -> dict[str, float | int]:
    """Precision and recall of the stories' pairs against the true events."""
    linked = {
        frozenset(pair)
        for story in stories
        for pair in itertools.combinations(story, 2)
    }
    by_event: dict[int, list[StoryRecord]] = {}
    for record in records:
        by_event.setdefault(events[record.id], []).append(record)
    retold = {
        frozenset((a.id, b.id))
        for members in by_event.values()
        for a, b in itertools.combinations(members, 2)
        if a.publisher != b.publisher and abs((a.date - b.date).days) <= max_days
    }
    right = sum(1 for pair in linked if len({events[i] for i in pair}) == 1)
    return {
        "linked_pairs": len(linked),
        "true_pairs": len(retold),
        "precision": right / len(linked) if linked else 1.0,
        "recall": len(linked & retold) / len(retold) if retold else 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.story_bench")
    parser.add_argument("folder", type=Path, help="a generated archive")
    parser.add_argument("--seed", type=int, help="the seed it was generated with")
    args = parser.parse_args(argv)
    settings = StorySettings()

    started = time.perf_counter()
    records = read_records(args.folder)
    read_s = time.perf_counter() - started

    # Wall and CPU time: on a busy machine the CPU time is the steadier.
    started, cpu = time.perf_counter(), time.process_time()
    grouping = group_stories(records, settings)
    group_s = time.perf_counter() - started
    group_cpu_s = time.process_time() - cpu

    by_id = {record.id: record for record in records}
    started, cpu = time.perf_counter(), time.process_time()
    for story in grouping.stories:
        compare([by_id[i] for i in story], settings)
    compare_s = time.perf_counter() - started
    compare_cpu_s = time.process_time() - cpu

    tracemalloc.start()
    group_stories(records, settings)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    result: dict = {
        "articles": len(records),
        "candidate_pairs_compared": grouping.compared,
        "all_pairs": len(records) * (len(records) - 1) // 2,
        "stories": len(grouping.stories),
        "articles_in_stories": sum(len(story) for story in grouping.stories),
        "read_and_tag_s": round(read_s, 2),
        "group_s": round(group_s, 2),
        "group_cpu_s": round(group_cpu_s, 2),
        "compare_s": round(compare_s, 2),
        "compare_cpu_s": round(compare_cpu_s, 2),
        "group_peak_mib": round(peak / 2**20, 1),
    }
    if args.seed is not None:
        from tools.generate import generate_drafts

        events = {
            draft.path: draft.event
            for draft in generate_drafts(len(records), args.seed)
        }
        missing = by_id.keys() - events.keys()
        if missing:
            print(f"error: not generated with seed {args.seed}", file=sys.stderr)
            return 1
        result |= pair_scores(records, grouping.stories, events, settings.max_days)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
