"""Index the built site with Pagefind at the end of every build, a year at a time.

Only article bodies are indexed (the theme marks them ``data-pagefind-body``);
filters (entity, entity type, publisher, year), metadata and the date sort
key come from attributes the theme puts on the article page.

Pagefind's indexer holds about 300 KB per page in memory, whatever is given
to it, so one index of 10,000 articles would need 3 GB. The index is split
into shards instead, one Pagefind bundle per year folder of articles
(``pagefind/<year>/``), each written by its own run of the indexer in turn:
peak memory is one year's. The search page merges them in the browser
(``mergeIndex``); ``pagefind/shards.json`` lists them, newest first.

A shard whose pages did not change since the last build is not indexed
again: each shard holds a manifest with a digest of its year's pages, the
indexer's version and our settings, and the size of each of its files. It is
written last, so a shard whose indexing did not finish has none; a shard is
carried over from the previous output only when its manifest reads, matches
and every file it lists is there at that size.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from pagefind.index import PagefindIndex
from pelican import signals

logger = logging.getLogger(__name__)

SEARCH_INDEX_FOLDER = "pagefind"
SHARDS_FILE = "shards.json"
MANIFEST = "shard.json"
# Changes whenever what a shard holds or how its digest is made changes.
FORMAT = 1
LANGUAGE = "en"
# Article pages are saved under their year (ARTICLE_SAVE_AS).
YEAR_FOLDER = re.compile(r"^\d{4}$")
BODY_MARK = b"data-pagefind-body"
# Article pages per shard: Pagefind's indexer holds about 0.3 MB per page,
# so a shard of 300 needs about 110 MB.
SHARD_PAGES = 300


class SearchIndexFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Report:
    """What one indexing did: the shards it indexed and those it carried over."""

    indexed: list[str]
    carried: list[str]
    pages: int


@dataclass(frozen=True)
class Shard:
    """One bundle of the index: a year folder, or consecutive folders of one."""

    name: str  # "2020", or "2020-07" for the part of 2020 from folder 07 on
    folders: tuple[str, ...]  # relative to the site
    pages: int  # pages with a body to index
    digest: str  # of everything the bundle is made from

    @property
    def glob(self) -> str:
        if len(self.folders) == 1:
            return f"{self.folders[0]}/**/*.html"
        return "{" + ",".join(self.folders) + "}/**/*.html"


@dataclass
class _Folder:
    path: str  # relative to the site
    pages: int  # pages with a body to index, in it and below
    loose: int  # of those, directly in it
    digest: bytes  # of every page in it and below
    children: list[_Folder]


def _scan(folder: Path, site: Path) -> _Folder:
    """Read every page under ``folder`` once: its digest and article count."""
    digest, pages, loose, children = hashlib.sha256(), 0, 0, []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            child = _scan(entry, site)
            children.append(child)
            pages += child.pages
            digest.update(f"{child.path}\0".encode() + child.digest)
        elif entry.suffix == ".html":
            data = entry.read_bytes()
            relative = entry.relative_to(site).as_posix()
            digest.update(f"{relative}\0{len(data)}\0".encode() + data)
            loose += BODY_MARK in data
    pages += loose
    return _Folder(
        folder.relative_to(site).as_posix(), pages, loose, digest.digest(), children
    )


def _shard(folders: list[_Folder]) -> Shard:
    paths = tuple(folder.path for folder in folders)
    digest = hashlib.sha256(
        f"{FORMAT} pagefind {version('pagefind')} {LANGUAGE} {paths}\n".encode()
    )
    for folder in folders:
        digest.update(folder.digest)
    return Shard(
        name=paths[0].replace("/", "-"),
        folders=paths,
        pages=sum(folder.pages for folder in folders),
        digest=digest.hexdigest(),
    )


def _plan(node: _Folder, max_pages: int) -> list[Shard]:
    """``node`` as one shard, or cut between its subfolders (and theirs)."""
    if node.pages <= max_pages or not node.children:
        return [_shard([node])]
    if node.loose:
        logger.warning(
            "Search: %d article pages directly in %s/ are not indexed: the "
            "folder is split between its subfolders",
            node.loose,
            node.path,
        )
    shards, group = [], []
    for child in node.children:
        if group and (
            child.pages > max_pages
            or sum(folder.pages for folder in group) + child.pages > max_pages
        ):
            shards.append(_shard(group))
            group = []
        if child.pages > max_pages:
            shards.extend(_plan(child, max_pages))
        else:
            group.append(child)
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
            shards.extend(_plan(_scan(year, site), max_pages))
    return sorted(shards, key=lambda shard: shard.name, reverse=True)


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
        files = manifest["files"]
        if manifest.get("format") != FORMAT or not isinstance(files, dict):
            return None
        if not files or any(
            not isinstance(size, int) or (bundle / path).stat().st_size != size
            for path, size in files.items()
        ):
            return None
        if not isinstance(manifest["digest"], str):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return manifest


def write_manifest(bundle: Path, digest: str, pages: int) -> None:
    manifest = {
        "format": FORMAT,
        "digest": digest,
        "pages": pages,
        "files": _bundle_files(bundle),
    }
    # Renamed into place whole: a reader never sees half a manifest.
    partial = bundle / f".{MANIFEST}.partial"
    partial.write_text(json.dumps(manifest, indent=1, sort_keys=True), "utf-8")
    os.replace(partial, bundle / MANIFEST)


def _copy_bundle(source: Path, target: Path) -> None:
    """Hard links where the file system allows them: the old output goes away."""

    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link)


async def _index_shard(site: Path, glob: str, bundle: Path) -> None:
    config = {"output_path": str(bundle), "force_language": LANGUAGE}
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site), glob=glob)


def _indexed_pages(bundle: Path) -> int:
    """Pages in the bundle: those with a body to index, not every file read."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def _run(coroutine):
    # In a thread of its own: asyncio.run refuses to start while the calling
    # thread runs an event loop, as it does under Playwright's sync API.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def index_shard(site: Path, shard: Shard, bundle: Path) -> int:
    """Index ``shard`` of ``site`` into the folder ``bundle``; pages indexed."""
    try:
        _run(_index_shard(site, shard.glob, bundle))
        pages = _indexed_pages(bundle)
    except Exception as error:  # the service reports its failures untyped
        raise SearchIndexFailed(
            f"search index of {site} ({shard.glob}) failed: {error}"
        ) from error
    write_manifest(bundle, shard.digest, pages)
    return pages


def update_search_index(
    previous: Path | None,
    site: Path,
    folder: str = SEARCH_INDEX_FOLDER,
    max_pages: int = SHARD_PAGES,
) -> Report:
    """Write the search index of ``site``, reusing the bundles of ``previous``.

    ``previous`` is the output of the last build, or None: a bundle of it
    whose manifest is sound and whose digest is that of the same shard of
    ``site`` is copied; the others are indexed afresh, one at a time.
    """
    site = site.resolve()
    index = site / folder
    if index.exists():
        shutil.rmtree(index)
    index.mkdir(parents=True)
    indexed, carried, pages = [], [], 0
    shards = [shard for shard in plan_shards(site, max_pages) if shard.pages]
    for shard in shards:
        bundle = index / shard.name
        old = previous / folder / shard.name if previous else None
        manifest = read_manifest(old) if old and old.is_dir() else None
        if manifest and manifest["digest"] == shard.digest:
            _copy_bundle(old, bundle)
            carried.append(shard.name)
        else:
            index_shard(site, shard, bundle)
            indexed.append(shard.name)
        pages += shard.pages
    names = [shard.name for shard in shards]
    (index / SHARDS_FILE).write_text(json.dumps({"shards": names}) + "\n", "utf-8")
    logger.info(
        "Search index: %d pages in %d shards (%d indexed, %d carried over)",
        pages,
        len(shards),
        len(indexed),
        len(carried),
    )
    return Report(indexed, carried, pages)


def index_site(site: Path, folder: str = SEARCH_INDEX_FOLDER) -> int:
    """Write a Pagefind index of ``site`` into ``site/folder``; pages indexed."""
    return update_search_index(None, site, folder).pages


def index_output(pelican) -> None:
    settings = pelican.settings
    previous = settings.get("SEARCH_PREVIOUS_OUTPUT")
    update_search_index(
        Path(previous) if previous else None,
        Path(pelican.output_path),
        settings.get("SEARCH_INDEX_FOLDER", SEARCH_INDEX_FOLDER),
        settings.get("SEARCH_SHARD_PAGES", SHARD_PAGES),
    )


def register():
    signals.finalized.connect(index_output)
