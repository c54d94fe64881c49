"""Index the built site with Pagefind at the end of every build, in shards.

Only article bodies are indexed (the theme marks them ``data-pagefind-body``);
filters (entity, entity type, publisher, year), metadata and the date sort
key come from attributes the theme puts on the article page.

Pagefind's indexer holds about 300 KB per page in memory, whether it reads
HTML files or is given records, so one index of 10,000 articles would need
3 GB. The index is split into shards instead: a year folder of articles, or
when a year has more than ``SEARCH_SHARD_PAGES`` articles, runs of its month
(or day) folders. Each shard is a Pagefind bundle of its own
(``pagefind/<name>/``), written by its own run of the indexer, one run per
core at a time (``SEARCH_WORKERS``), so peak memory is a few shards'. The
search page merges them in the browser (``mergeIndex``);
``pagefind/shards.json`` lists them, newest first.

Indexing starts during the build: Pelican writes the article pages first,
newest first, so each year folder is handed to the indexer (``Indexer``) as
soon as its last article page is written, and Pagefind runs on one core
while Pelican renders the listings on the other. At the end the whole site
is planned again, and a shard that is not what was indexed is indexed again.

A shard whose articles did not change for the index since the last build is
not indexed again but carried over from the previous output. Each bundle
holds a manifest, written last, so a bundle whose indexing did not finish
has none: how it was made (our format, Pagefind's version, its folders), a
digest of each of its article pages, and the size of each of its files. A
bundle is carried over only when its manifest reads, every file it lists is
there at that size, its pages are the same, and each page whose bytes
changed still gives Pagefind the same parts (``newsarchive.indexed``): a new
article changes its neighbours' "newer" links, not their index.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from pelican import signals

from newsarchive.build import build_failed, previous_output
from newsarchive.indexed import same_for_index

logger = logging.getLogger(__name__)

SEARCH_INDEX_FOLDER = "pagefind"
SHARDS_FILE = "shards.json"
MANIFEST = "shard.json"
# Changes whenever what a bundle holds or how a manifest describes it changes.
FORMAT = 2
LANGUAGE = "en"
# Article pages are saved under their year (ARTICLE_SAVE_AS).
YEAR_FOLDER = re.compile(r"^\d{4}$")
BODY_MARK = b"data-pagefind-body"
# Article pages per shard: the indexer then needs about 20 + 0.3 x 300 MB.
SHARD_PAGES = 300


class SearchIndexFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Report:
    """What one indexing did: the shards it indexed and those it carried over."""

    indexed: list[str]
    carried: list[str]
    pages: int
    # Those of either indexed or carried over while the build was writing.
    early: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Shard:
    """One bundle of the index: a year folder, or consecutive folders of one."""

    name: str  # "2020", or "2020-07" for the part of 2020 from folder 07 on
    folders: tuple[str, ...]  # relative to the site
    key: str  # how the bundle is made: our format, Pagefind's version, folders
    pages: dict[str, str]  # each page with a body to index: digest of its bytes

    @property
    def root(self) -> str:
        """The year folder that holds the shard: where Pagefind is run.

        Pagefind then reads that folder only, not the whole site (0.9 s
        instead of 2.7 s a shard at 10,000 articles); its URLs are relative
        to it, and the search page gives each bundle the folder as its base.
        """
        return self.folders[0].split("/")[0]

    @property
    def glob(self) -> str:
        """The shard's pages, relative to its root."""
        inside = [folder.partition("/")[2] for folder in self.folders]
        if inside == [""]:
            return "**/*.html"
        if len(inside) == 1:
            return f"{inside[0]}/**/*.html"
        return "{" + ",".join(inside) + "}/**/*.html"


# --- Planning -----------------------------------------------------------------


@dataclass
class _Folder:
    path: str  # relative to the site
    pages: dict[str, str]  # its pages with a body to index, and its subfolders'
    loose: int  # how many of those are directly in it
    children: list[_Folder]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _scan(folder: str, site: str) -> _Folder:
    """Read every page under ``folder`` once, and digest its article pages.

    ``folder`` is relative to ``site``, with "/" between its parts: plain
    strings and scandir, as this walks every folder of the archive.
    """
    pages, loose, children = {}, 0, []
    with os.scandir(os.path.join(site, folder)) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        relative = f"{folder}/{entry.name}"
        if entry.is_dir():
            child = _scan(relative, site)
            children.append(child)
            pages.update(child.pages)
        elif entry.name.endswith(".html"):
            with open(entry.path, "rb") as page:
                data = page.read()
            if BODY_MARK in data:
                pages[relative] = _digest(data)
                loose += 1
    return _Folder(folder, pages, loose, children)


def _folder_tree(folder: str, pages: dict[str, str]) -> _Folder:
    """The ``_Folder`` that ``_scan`` reads, from its pages and their digests.

    ``pages`` are paths relative to the site, all under ``folder``.
    """
    loose, below = {}, {}
    for path, digest in pages.items():
        name, inside, _ = path[len(folder) + 1 :].partition("/")
        if inside:
            below.setdefault(name, {})[path] = digest
        else:
            loose[path] = digest
    children = [_folder_tree(f"{folder}/{name}", below[name]) for name in sorted(below)]
    everything = dict(loose)
    for child in children:
        everything.update(child.pages)
    return _Folder(folder, everything, len(loose), children)


def _shard(folders: list[_Folder]) -> Shard:
    paths = tuple(folder.path for folder in folders)
    key = f"{FORMAT} pagefind {version('pagefind')} {LANGUAGE} {' '.join(paths)}"
    pages = {path: d for folder in folders for path, d in folder.pages.items()}
    return Shard(paths[0].replace("/", "-"), paths, key, pages)


def _plan(node: _Folder, max_pages: int) -> list[Shard]:
    """``node`` as one shard, or cut between its subfolders (and theirs)."""
    if len(node.pages) <= max_pages or not node.children:
        return [_shard([node])]
    if node.loose:
        logger.warning(
            "Search: %d article pages directly in %s/ are not indexed: the "
            "folder is split between its subfolders",
            node.loose,
            node.path,
        )
    shards, group, size = [], [], 0
    for child in node.children:
        pages = len(child.pages)
        if group and (pages > max_pages or size + pages > max_pages):
            shards.append(_shard(group))
            group, size = [], 0
        if pages > max_pages:
            shards.extend(_plan(child, max_pages))
        else:
            group.append(child)
            size += pages
    if group:
        shards.append(_shard(group))
    return shards


def plan_shards(site: Path, max_pages: int = SHARD_PAGES) -> list[Shard]:
    """The shards of ``site``'s year folders, newest first.

    A year with at most ``max_pages`` article pages is one shard; a larger
    one is cut between its subfolders (months, then days) into runs of
    consecutive folders of at most ``max_pages`` pages where it can be. Names
    are those of the first folder ("2020", "2020-07", "2020-07-14"), so they
    sort as the dates do.
    """
    shards = []
    for year in site.iterdir():
        if year.is_dir() and YEAR_FOLDER.match(year.name):
            shards.extend(_plan(_scan(year.name, str(site)), max_pages))
    return sorted(shards, key=lambda shard: shard.name, reverse=True)


# --- Manifests ----------------------------------------------------------------


def _bundle_files(bundle: Path) -> dict[str, int]:
    return {
        path.relative_to(bundle).as_posix(): path.stat().st_size
        for path in sorted(bundle.rglob("*"))
        if path.is_file() and path.name != MANIFEST
    }


def read_manifest(bundle: Path) -> dict | None:
    """The bundle's manifest if it is whole and the files it lists are there."""
    try:
        manifest = json.loads((bundle / MANIFEST).read_text(encoding="utf-8"))
        files, pages = manifest["files"], manifest["pages"]
        if manifest["format"] != FORMAT or not isinstance(manifest["key"], str):
            return None
        if not isinstance(pages, dict) or not isinstance(files, dict) or not files:
            return None
        for path, size in files.items():
            if not isinstance(size, int) or (bundle / path).stat().st_size != size:
                return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return manifest


def write_manifest(bundle: Path, shard: Shard) -> None:
    manifest = {
        "format": FORMAT,
        "key": shard.key,
        "pages": shard.pages,
        "files": _bundle_files(bundle),
    }
    # Renamed into place whole: a reader never sees half a manifest.
    partial = bundle / f".{MANIFEST}.partial"
    partial.write_text(json.dumps(manifest, indent=0, sort_keys=True), "utf-8")
    os.replace(partial, bundle / MANIFEST)


def unchanged(shard: Shard, site: Path, previous: Path, manifest: dict) -> bool:
    """Whether the bundle of ``previous`` that ``manifest`` describes indexes
    ``shard`` of ``site`` as it is.

    It must be made the same way, of the same pages; a page whose bytes
    changed must still be, in ``previous``, the page the manifest digested,
    and give Pagefind the same parts as the new one.
    """
    old = manifest["pages"]
    if manifest["key"] != shard.key or old.keys() != shard.pages.keys():
        return False
    for path, digest in shard.pages.items():
        if old[path] == digest:
            continue
        try:
            before = (previous / path).read_bytes()
        except OSError:
            return False
        if _digest(before) != old[path]:
            return False
        if not same_for_index(before, (site / path).read_bytes()):
            return False
    return True


# --- Indexing -----------------------------------------------------------------


# How far a run of the indexer steps back while the build still renders: it
# then takes only the cores rendering leaves idle.
NICENESS = 19


@functools.cache
def _pagefind() -> tuple[str, ...]:
    """How to run Pagefind: its binary, or its Python package's entry point.

    The binary itself where the ``pagefind[bin]`` extra installed it: the
    entry point starts Python first, 50 ms a run.
    """
    try:
        from pagefind_bin import get_executable

        return (str(get_executable()),)
    except (ImportError, OSError, RuntimeError):
        return (sys.executable, "-m", "pagefind")


def _run_indexer(site: Path, glob: str, bundle: Path, yielding: bool = False) -> None:
    # Pagefind's command line, not its Python service: the service is
    # terminated as soon as it answers that it wrote the files, and under
    # load some were left empty (3 of 40 bundles at 10,000 articles).
    command = [
        *_pagefind(),
        "--site",
        str(site),
        "--glob",
        glob,
        "--output-path",
        str(bundle),
        "--force-language",
        LANGUAGE,
        "--silent",
    ]
    # Pagefind runs a thread per core: without this, rendering slows down by
    # more than indexing alongside saves.
    nice = shutil.which("nice") if yielding else None
    if nice:
        command = [nice, "-n", str(NICENESS), *command]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SearchIndexFailed(
            f"Pagefind failed on {site} ({glob}): {done.stderr or done.stdout}"
        )


def check_bundle(bundle: Path, pages: int) -> None:
    """Fail unless the bundle is whole: every file written, every page in it."""
    empty = [p.name for p in bundle.rglob("*") if p.is_file() and not p.stat().st_size]
    if empty:
        raise SearchIndexFailed(f"{bundle}: Pagefind left empty files: {empty}")
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        count = sum(lang["page_count"] for lang in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SearchIndexFailed(
            f"{bundle}: no sound Pagefind entry: {error}"
        ) from error
    if count != pages:
        raise SearchIndexFailed(f"{bundle}: {count} pages indexed of {pages}")


def index_shard(site: Path, shard: Shard, bundle: Path, yielding: bool = False) -> None:
    """Index ``shard`` of ``site`` into the folder ``bundle``, manifest last.

    ``yielding``: at the lowest priority, as while the build renders.
    """
    _run_indexer(site / shard.root, shard.glob, bundle, yielding)
    check_bundle(bundle, len(shard.pages))
    write_manifest(bundle, shard)


def _copy_bundle(source: Path, target: Path) -> None:
    """Hard links where the file system allows them: the old output goes away."""

    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link)


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
        folder: str = SEARCH_INDEX_FOLDER,
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
            _folder_tree(year, pages)
            if pages is not None
            else _scan(year, str(self.site))
        )
        self._years[year] = [
            self._start(shard) for shard in _plan(folder, self.max_pages) if shard.pages
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
        _copy_bundle(old, bundle)
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
    folder: str = SEARCH_INDEX_FOLDER,
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


def index_site(site: Path, folder: str = SEARCH_INDEX_FOLDER) -> int:
    """Write a Pagefind index of ``site`` into ``site/folder``; pages indexed."""
    return update_search_index(None, site, folder).pages


# --- Plugin -------------------------------------------------------------------


@dataclass
class _Build:
    """A running build's indexer, and the article pages it still waits for."""

    indexer: Indexer
    waiting: dict[str, set[str]]  # year folder: its article pages not written yet
    # Year folder: its pages written so far with a body to index, and digests.
    pages: dict[str, dict[str, str]] = field(default_factory=dict)


_builds: dict[str, _Build] = {}  # by output folder


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
        previous_output(settings),
        Path(output),
        settings.get("SEARCH_INDEX_FOLDER", SEARCH_INDEX_FOLDER),
        settings.get("SEARCH_SHARD_PAGES", SHARD_PAGES),
        settings.get("SEARCH_WORKERS") or len(os.sched_getaffinity(0)),
    )


def start_indexing(generators) -> None:
    """Index each year as soon as its article pages are written.

    Pelican writes every article page before any listing, newest first, so
    a year is done long before the build; Pagefind then has the cores that
    rendering leaves idle.
    """
    output = os.path.abspath(generators[0].output_path)
    _builds[output] = _Build(
        _indexer(generators[0].settings, output),
        article_pages_by_year(generators),
    )


def page_written(path, context=None) -> None:
    for output, build in _builds.items():
        relative = os.path.relpath(path, output).replace(os.sep, "/")
        year = relative.split("/", 1)[0]
        waiting = build.waiting.get(year)
        if waiting is None or relative not in waiting:
            continue
        waiting.discard(relative)
        # Just written, so read from memory: what _scan would read later.
        with open(path, "rb") as page:
            data = page.read()
        if BODY_MARK in data:
            build.pages.setdefault(year, {})[relative] = _digest(data)
        if not waiting:
            del build.waiting[year]
            build.indexer.year_written(year, build.pages.pop(year, {}))


def index_output(pelican) -> None:
    output = os.path.abspath(pelican.output_path)
    build = _builds.pop(output, None)
    indexer = build.indexer if build else _indexer(pelican.settings, output)
    indexer.finish()


def stop_indexing(output: str) -> None:
    build = _builds.pop(os.path.abspath(output), None)
    if build is not None:
        build.indexer.cancel()


def register():
    signals.all_generators_finalized.connect(start_indexing)
    signals.content_written.connect(page_written)
    signals.finalized.connect(index_output)
    build_failed.connect(stop_indexing)
