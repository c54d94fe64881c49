"""The search index's shards: which article pages each bundle holds, and
the manifest that tells whether a bundle from the last build still holds
them."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from newsarchive.search.indexed import same_for_index

logger = logging.getLogger(__name__)

PAGEFIND_FOLDER = "pagefind"
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


def page_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def scan_folder(folder: str, site: str) -> _Folder:
    """Read every page under ``folder`` once, and digest its article pages.

    ``folder`` is relative to ``site``, with "/" between its parts: plain
    strings and scandir, as this walks every folder of the archive.
    """
    pages, loose, children = {}, 0, []
    with os.scandir(os.path.join(site, folder)) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    for entry in entries:
        relative = f"{folder}/{entry.name}"
        if entry.is_dir():
            child = scan_folder(relative, site)
            children.append(child)
            pages.update(child.pages)
        elif entry.name.endswith(".html"):
            with open(entry.path, "rb") as page:
                data = page.read()
            if BODY_MARK in data:
                pages[relative] = page_digest(data)
                loose += 1
    return _Folder(folder, pages, loose, children)


def folder_tree(folder: str, pages: dict[str, str]) -> _Folder:
    """The ``_Folder`` that ``scan_folder`` reads, from its pages and their digests.

    ``pages`` are paths relative to the site, all under ``folder``.
    """
    loose, below = {}, {}
    for path, digest in pages.items():
        name, inside, _ = path[len(folder) + 1 :].partition("/")
        if inside:
            below.setdefault(name, {})[path] = digest
        else:
            loose[path] = digest
    children = [folder_tree(f"{folder}/{name}", below[name]) for name in sorted(below)]
    everything = dict(loose)
    for child in children:
        everything.update(child.pages)
    return _Folder(folder, everything, len(loose), children)


def _shard(folders: list[_Folder]) -> Shard:
    paths = tuple(folder.path for folder in folders)
    key = f"{FORMAT} pagefind {version('pagefind')} {LANGUAGE} {' '.join(paths)}"
    pages = {path: d for folder in folders for path, d in folder.pages.items()}
    return Shard(paths[0].replace("/", "-"), paths, key, pages)


def plan(node: _Folder, max_pages: int) -> list[Shard]:
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
            shards.extend(plan(child, max_pages))
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
            shards.extend(plan(scan_folder(year.name, str(site)), max_pages))
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
        if page_digest(before) != old[path]:
            return False
        if not same_for_index(before, (site / path).read_bytes()):
            return False
    return True
