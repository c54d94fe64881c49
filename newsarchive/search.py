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


class SearchIndexFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Report:
    """What one indexing did: the shards it indexed and those it carried over."""

    indexed: list[str]
    carried: list[str]
    pages: int


def shard_names(site: Path) -> list[str]:
    """The site's year folders that hold pages, newest first."""
    return sorted(
        (
            entry.name
            for entry in site.iterdir()
            if entry.is_dir() and YEAR_FOLDER.match(entry.name)
        ),
        reverse=True,
    )


def shard_digest(site: Path, name: str) -> str:
    """A digest of everything a shard's index is made from."""
    digest = hashlib.sha256(
        f"{FORMAT} pagefind {version('pagefind')} {LANGUAGE}\n".encode()
    )
    folder = site / name
    for page in sorted(folder.rglob("*.html")):
        data = page.read_bytes()
        relative = page.relative_to(site).as_posix()
        digest.update(f"{relative}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


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


async def _index_shard(site: Path, name: str, bundle: Path) -> None:
    config = {"output_path": str(bundle), "force_language": LANGUAGE}
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site), glob=f"{name}/**/*.html")


def _indexed_pages(bundle: Path) -> int:
    """Pages in the bundle: those with a body to index, not every file read."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def _run(coroutine):
    # In a thread of its own: asyncio.run refuses to start while the calling
    # thread runs an event loop, as it does under Playwright's sync API.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def index_shard(
    site: Path, name: str, folder: str = SEARCH_INDEX_FOLDER, digest: str = ""
) -> int:
    """Index the year folder ``name`` of ``site`` into its bundle; pages indexed."""
    bundle = site / folder / name
    digest = digest or shard_digest(site, name)
    try:
        _run(_index_shard(site, name, bundle))
        pages = _indexed_pages(bundle)
    except Exception as error:  # the service reports its failures untyped
        raise SearchIndexFailed(
            f"search index of {site / name} failed: {error}"
        ) from error
    write_manifest(bundle, digest, pages)
    return pages


def update_search_index(
    previous: Path | None, site: Path, folder: str = SEARCH_INDEX_FOLDER
) -> Report:
    """Write the search index of ``site``, reusing shards of ``previous``.

    ``previous`` is the output of the last build (or None): a shard of it
    whose manifest is sound and whose digest is that of the same year's pages
    in ``site`` is copied, the others are indexed afresh, one at a time.
    """
    site = site.resolve()
    index = site / folder
    if index.exists():
        shutil.rmtree(index)
    index.mkdir(parents=True)
    names = shard_names(site)
    indexed, carried, pages = [], [], 0
    for name in names:
        bundle = index / name
        old = previous / folder / name if previous else None
        manifest = read_manifest(old) if old and old.is_dir() else None
        digest = shard_digest(site, name)
        if manifest and manifest["digest"] == digest:
            _copy_bundle(old, bundle)
            carried.append(name)
            pages += manifest.get("pages", 0)
            continue
        shutil.rmtree(bundle, ignore_errors=True)
        count = index_shard(site, name, folder, digest)
        if count:
            indexed.append(name)
            pages += count
        else:  # a year folder without an article page
            shutil.rmtree(bundle)
    shards = [name for name in names if (index / name).is_dir()]
    (index / SHARDS_FILE).write_text(json.dumps({"shards": shards}) + "\n", "utf-8")
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
    )


def register():
    signals.finalized.connect(index_output)
