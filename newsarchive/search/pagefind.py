"""Pagefind's runs: one shard's bundle indexed, checked and recorded."""

from __future__ import annotations

import functools
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from newsarchive.search.shards import (
    LANGUAGE,
    SearchIndexFailed,
    Shard,
    write_manifest,
)

logger = logging.getLogger(__name__)

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


def copy_bundle(source: Path, target: Path) -> None:
    """Hard links where the file system allows them: the old output goes away."""

    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link)
