"""A cache of prepared articles, one JSON file per article under CACHE_PATH.

An entry is found by a key that hashes the article file's bytes together
with the version of everything that turns bytes into a prepared article: the
package's modules that reading imports, its data files, the versions of the
libraries it uses, and the settings the reader uses. Change any of them and
every key changes, so a stale entry is never found. Entries are JSON, not
pickle, and are checked on load: one that cannot be read or does not hold
what it should is treated as missing and written again, never trusted.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
import os
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

logger = logging.getLogger(__name__)

CACHE_FOLDER = "newsarchive-articles"
PACKAGE = Path(__file__).resolve().parent


# Libraries whose output ends up in a prepared article.
LIBRARIES = ("pelican", "typogrify", "smartypants", "dateparser", "pyahocorasick")


def reading_modules(start: str = "prepare") -> list[Path]:
    """The package's modules that ``start`` imports, directly or not.

    Found from the import statements, so that a module added to the reading
    code counts without being listed, and modules that have nothing to do
    with reading (the benchmark, the importer) do not empty the cache.
    """
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        path = PACKAGE / f"{name}.py"
        if name in seen or not path.exists():
            continue
        seen.add(name)
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == PACKAGE.name:
                    todo.extend(alias.name for alias in node.names)
                elif node.module.startswith(f"{PACKAGE.name}."):
                    todo.append(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                todo.extend(
                    alias.name.split(".")[1]
                    for alias in node.names
                    if alias.name.startswith(f"{PACKAGE.name}.")
                )
    return sorted(PACKAGE / f"{name}.py" for name in seen)


@cache
def code_version() -> str:
    """A hash of the reading code, its data files and its libraries' versions."""
    digest = hashlib.sha256()
    for path in [*reading_modules(), *sorted(PACKAGE.glob("data/*.toml"))]:
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for library in LIBRARIES:
        try:
            digest.update(f"{library}=={metadata.version(library)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} missing\0".encode())
    return digest.hexdigest()


def entry_key(data: bytes, settings_version: str) -> str:
    digest = hashlib.sha256()
    digest.update(code_version().encode())
    digest.update(settings_version.encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def folder(cache_path: str) -> Path:
    return Path(cache_path) / CACHE_FOLDER


def entry_path(cache_path: str, key: str) -> Path:
    # Two levels, so that no folder holds tens of thousands of files.
    return folder(cache_path) / key[:2] / f"{key}.json"


def load(cache_path: str, key: str) -> dict | None:
    """The entry stored under ``key``, or None if missing or unusable."""
    path = entry_path(cache_path, key)
    try:
        entry = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        logger.warning("Ignoring unreadable cache entry %s: %s", path, error)
        return None
    if not isinstance(entry, dict) or entry.pop("key", None) != key:
        logger.warning("Ignoring cache entry %s: not the entry for its key", path)
        return None
    return entry


def exists(cache_path: str, key: str) -> bool:
    return entry_path(cache_path, key).exists()


def store(cache_path: str, key: str, entry: dict) -> None:
    """Write ``entry`` whole or not at all: readers never see half a file."""
    path = entry_path(cache_path, key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(json.dumps({**entry, "key": key}).encode())
        os.replace(temporary, path)
    except OSError as error:
        # A cache that cannot be written only makes the next build slower.
        logger.warning("Could not write cache entry %s: %s", path, error)
