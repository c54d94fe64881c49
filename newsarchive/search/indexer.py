"""Writes the search index of a site, a year folder at a time, in the
background, carrying unchanged bundles over from the previous output."""

from __future__ import annotations

import json
import logging
import shutil
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newsarchive.search.pagefind import copy_bundle, index_shard
from newsarchive.search.shards import (
    MANIFEST,
    PAGEFIND_FOLDER,
    SHARD_PAGES,
    SHARDS_FILE,
    Report,
    Shard,
    folder_tree,
    plan,
    plan_shards,
    read_manifest,
    scan_folder,
    unchanged,
    write_manifest,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Bundle:
    shard: Shard  # as it was when indexed or carried over
    carried: bool
    early: bool  # before ``finish``


class Indexer:
    """Writes the search index of ``site``, a year folder at a time.

    ``year_written`` hands it a year folder whose article pages are all
    written; it plans that year's shards and indexes them in the background
    (or carries their bundles over from ``previous``, the output this one
    replaces), while the build goes on rendering. ``finish`` plans the whole
    site again once every page is written: a shard indexed early that is not
    the shard it is now (a page came later) is indexed again, and so is any
    shard no year handed over. Then it lists the bundles.

    ``workers`` runs of Pagefind at a time. Until ``finish`` they run at the
    lowest priority: they take the cores rendering leaves idle, not its own.
    """

    def __init__(
        self,
        previous: Path | None,
        site: Path,
        folder: str = PAGEFIND_FOLDER,
        max_pages: int = SHARD_PAGES,
        workers: int = 1,
    ):
        self.previous = previous
        self.site = site.resolve()
        self.index = self.site / folder
        self.max_pages = max_pages
        self._pool = ThreadPoolExecutor(
            max(1, workers), thread_name_prefix="search-index"
        )
        self._years: dict[str, list[Future]] = {}
        self._lock = threading.Lock()
        self._done: dict[str, _Bundle] = {}
        self._finishing = False
        if self.index.exists():
            shutil.rmtree(self.index)
        self.index.mkdir(parents=True)

    def year_written(self, year: str, pages: dict[str, str] | None = None) -> None:
        """Index the year folder ``year``, whose article pages are all written.

        ``pages`` are its pages with a body to index, each with the digest of
        its bytes, as the build wrote them; without them the folder is read.
        The shards are planned, and bundles carried over, at once, in the
        calling thread; only Pagefind's runs are left to the background.
        Python work in a thread beside rendering waits for the interpreter
        lock at every step: reading a year folder there took seconds.
        """
        if year in self._years:
            return
        folder = (
            folder_tree(year, pages)
            if pages is not None
            else scan_folder(year, str(self.site))
        )
        self._years[year] = [
            self._start(shard) for shard in plan(folder, self.max_pages) if shard.pages
        ]

    def wait(self) -> None:
        """Wait for the shards handed over so far to be indexed."""
        for jobs in list(self._years.values()):
            for job in jobs:
                job.result()

    def _start(self, shard: Shard) -> Future:
        """Carry ``shard``'s bundle over now, or start indexing it; its job."""
        bundle = self._clear(shard)
        if self._carry_over(shard, bundle):
            self._record(shard, carried=True)
            done: Future = Future()
            done.set_result(None)
            return done
        return self._pool.submit(self._index_afresh, shard, bundle)

    def _index(self, shard: Shard) -> None:
        """Carry ``shard``'s bundle over, or index it, in this thread."""
        bundle = self._clear(shard)
        if self._carry_over(shard, bundle):
            self._record(shard, carried=True)
        else:
            self._index_afresh(shard, bundle)

    def _clear(self, shard: Shard) -> Path:
        bundle = self.index / shard.name
        if bundle.exists():
            shutil.rmtree(bundle)
        return bundle

    def _index_afresh(self, shard: Shard, bundle: Path) -> None:
        index_shard(self.site, shard, bundle, yielding=not self._finishing)
        self._record(shard, carried=False)

    def _record(self, shard: Shard, carried: bool) -> None:
        with self._lock:
            self._done[shard.name] = _Bundle(shard, carried, not self._finishing)

    def _carry_over(self, shard: Shard, bundle: Path) -> bool:
        """Copy the previous build's bundle of ``shard`` if it still indexes it."""
        if self.previous is None:
            return False
        old = self.previous / self.index.name / shard.name
        manifest = read_manifest(old) if old.is_dir() else None
        if not manifest or not unchanged(shard, self.site, self.previous, manifest):
            return False
        copy_bundle(old, bundle)
        # Its pages' new digests, for the next build to compare with.
        (bundle / MANIFEST).unlink()
        write_manifest(bundle, shard)
        return True

    def finish(self) -> Report:
        """Index what is left once every page is written; list the bundles."""
        try:
            self.wait()
            shards = [s for s in plan_shards(self.site, self.max_pages) if s.pages]
            self._finishing = True
            for name in self._done.keys() - {shard.name for shard in shards}:
                shutil.rmtree(self.index / name, ignore_errors=True)
                del self._done[name]
            stale = [
                s for s in shards if s != getattr(self._done.get(s.name), "shard", None)
            ]
            for _ in self._pool.map(self._index, stale):
                pass
        finally:
            self._pool.shutdown()
        listed = [{"bundle": shard.name, "base": f"{shard.root}/"} for shard in shards]
        (self.index / SHARDS_FILE).write_text(
            json.dumps({"shards": listed}) + "\n", "utf-8"
        )
        bundles = [self._done[shard.name] for shard in shards]
        report = Report(
            [bundle.shard.name for bundle in bundles if not bundle.carried],
            [bundle.shard.name for bundle in bundles if bundle.carried],
            sum(len(shard.pages) for shard in shards),
            [bundle.shard.name for bundle in bundles if bundle.early],
        )
        logger.info(
            "Search index: %d pages in %d shards (%d indexed, %d carried over, "
            "%d of them while pages were written)",
            report.pages,
            len(shards),
            len(report.indexed),
            len(report.carried),
            len(report.early),
        )
        return report

    def cancel(self) -> None:
        """Stop: queued shards are dropped, running ones waited for."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def update_search_index(
    previous: Path | None,
    site: Path,
    folder: str = PAGEFIND_FOLDER,
    max_pages: int = SHARD_PAGES,
    workers: int = 1,
) -> Report:
    """Write the search index of ``site``, reusing the bundles of ``previous``.

    ``previous`` is the output of the last build, or None. This is what a
    build that writes into a fresh folder calls, with the folder it will
    replace: a bundle of ``previous`` that still indexes its shard as it is
    now is copied, the others are indexed afresh, ``workers`` at a time.
    """
    return Indexer(previous, site, folder, max_pages, workers).finish()


def index_site(site: Path, folder: str = PAGEFIND_FOLDER) -> int:
    """Write a Pagefind index of ``site`` into ``site/folder``; pages indexed."""
    return update_search_index(None, site, folder).pages
