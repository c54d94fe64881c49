"""A cache of prepared articles, one JSON file per article under CACHE_PATH.

An entry is found by a key that hashes the article file's bytes together
with the version of everything that turns bytes into a prepared article: the
package's modules that reading imports (``newsarchive.code``), its data
files, the versions of the libraries it uses, and the settings the reader
uses. Change any of them and
every key changes, so a stale entry is never found. Entries are JSON, not
pickle, and are checked on load: one that cannot be read or does not hold
what it should is treated as missing and written again, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from newsarchive import code

logger = logging.getLogger(__name__)

CACHE_FOLDER = "newsarchive-articles"
# The module whose imports are the reading code.
READING = "newsarchive.plugins.prepare"
# Libraries whose output ends up in a prepared article.
LIBRARIES = ("pelican", "typogrify", "smartypants", "dateparser", "pyahocorasick")


@cache
def code_version() -> str:
    """A hash of the reading code, its data files and its libraries' versions."""
    return code.version(READING, *map(library_version, LIBRARIES))


def library_version(library: str) -> str:
    try:
        return f"{library}=={metadata.version(library)}"
    except metadata.PackageNotFoundError:
        return f"{library} missing"


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
