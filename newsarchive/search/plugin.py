"""The plugin's handlers: each year handed to the indexer as soon as its
article pages are written, the rest of the index at the end of the build."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive import lifecycle
from newsarchive import settings as archive_settings
from newsarchive.search.indexer import Indexer
from newsarchive.search.shards import BODY_MARK, YEAR_FOLDER, page_digest

logger = logging.getLogger(__name__)

PART = "search"  # this plugin's part of a build's state (``lifecycle``)


@dataclass
class _Build:
    """A running build's indexer, and the article pages it still waits for."""

    indexer: Indexer
    waiting: dict[str, set[str]]  # year folder: its article pages not written yet
    # Year folder: its pages written so far with a body to index, and digests.
    pages: dict[str, dict[str, str]] = field(default_factory=dict)


def article_pages_by_year(generators) -> dict[str, set[str]]:
    """The output files of every article and page saved under a year folder."""
    waiting: dict[str, set[str]] = {}
    for generator in generators:
        for attribute in (
            "translations",
            "articles",
            "hidden_translations",
            "hidden_articles",
            "drafts",
            "drafts_translations",
            "pages",
            "hidden_pages",
            "draft_pages",
        ):
            for content in getattr(generator, attribute, ()):
                save_as = os.path.normpath(content.save_as or "").replace(os.sep, "/")
                year = save_as.split("/", 1)[0]
                if YEAR_FOLDER.match(year) and "/" in save_as:
                    waiting.setdefault(year, set()).add(save_as)
    return waiting


def _indexer(settings: dict, output: str) -> Indexer:
    return Indexer(
        lifecycle.current(output).previous_output,
        Path(output),
        archive_settings.get(settings, "PAGEFIND_FOLDER"),
        archive_settings.get(settings, "PAGEFIND_SHARD_PAGES"),
        archive_settings.get(settings, "PAGEFIND_WORKERS")
        or len(os.sched_getaffinity(0)),
    )


def start_indexing(generators) -> None:
    """Index each year as soon as its article pages are written.

    Pelican writes every article page before any listing, newest first, so
    a year is done long before the build; Pagefind then has the cores that
    rendering leaves idle.
    """
    output = generators[0].output_path
    lifecycle.current(output).parts[PART] = _Build(
        _indexer(generators[0].settings, output),
        article_pages_by_year(generators),
    )


def page_written(path, context=None) -> None:
    running = lifecycle.writing(path)
    build = running.parts.get(PART) if running else None
    if build is None:
        return
    relative = os.path.relpath(path, running.output).replace(os.sep, "/")
    year = relative.split("/", 1)[0]
    waiting = build.waiting.get(year)
    if waiting is not None and relative in waiting:
        waiting.discard(relative)
        # Just written, so read from memory: what a scan would read later.
        with open(path, "rb") as page:
            data = page.read()
        if BODY_MARK in data:
            build.pages.setdefault(year, {})[relative] = page_digest(data)
        if not waiting:
            del build.waiting[year]
            build.indexer.year_written(year, build.pages.pop(year, {}))


def index_output(pelican) -> None:
    output = pelican.output_path
    build = lifecycle.current(output).parts.pop(PART, None)
    indexer = build.indexer if build else _indexer(pelican.settings, output)
    indexer.finish()


def stop_indexing(output: str) -> None:
    build = lifecycle.current(output).parts.pop(PART, None)
    if build is not None:
        build.indexer.cancel()
