"""Copying a built site to where it is served from."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path


def is_remote(target: str) -> bool:
    """rsync's "host:path" form, as opposed to a local folder."""
    head, sep, _ = target.partition(":")
    return bool(sep) and "/" not in head and len(head) > 1


def mirror(source: Path, target: Path) -> tuple[int, int]:
    """Make ``target`` hold exactly ``source``: copy what changed, drop the rest.

    Returns (files copied, paths removed). Unchanged files are left alone, so
    a host that serves ``target`` never sees a half-copied file it had before.
    """
    copied = removed = 0
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.relative_to(source) for p in source.rglob("*")}
    for relative in sorted(wanted):
        src, dst = source / relative, target / relative
        if src.is_dir():
            dst.mkdir(exist_ok=True)
        elif not dst.is_file() or not filecmp.cmp(src, dst, shallow=False):
            shutil.copy2(src, dst)
            copied += 1
    for path in sorted(target.rglob("*"), reverse=True):
        if path.relative_to(target) not in wanted:
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink()
            removed += 1
    return copied, removed
