"""Reading, tagging and grouping the articles here, one by one, timed."""

from __future__ import annotations

import logging
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tools.bench.baseline import baseline_markdown

logger = logging.getLogger(__name__)


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
