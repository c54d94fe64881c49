"""The pages of the previous build and of this one: the manifest of what each
output file was made from, and the choice between taking a page from the
previous output and rendering it.

A manifest is kept per output folder, in the cache: each output file's
fingerprint (``newsarchive.reuse.fingerprints``), the digest of its text and
the state of the file that was written (``file_state``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from newsarchive.reuse import fingerprints

logger = logging.getLogger(__name__)

MANIFEST_FOLDER = "newsarchive-pages"
MANIFEST_VERSION = 2


class StalePage(RuntimeError):
    """A reused page differs from its rendering: a fingerprint misses a read."""


def manifest_path(cache_path: str, output: str) -> Path:
    """Where the manifest of the output folder ``output`` is kept."""
    name = hashlib.sha256(os.path.abspath(output).encode()).hexdigest()[:16]
    return Path(cache_path) / MANIFEST_FOLDER / f"{name}.json"


def load_manifest(path: Path) -> dict[str, list]:
    """Output file -> [fingerprint, digest of its text, its ``file_state``]
    (None when not known); empty if unusable."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        logger.warning("Ignoring unreadable page manifest %s: %s", path, error)
        return {}
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return {}
    pages = data.get("pages")
    return pages if isinstance(pages, dict) else {}


def save_manifest(path: Path, pages: dict[str, list]) -> None:
    """Write the manifest whole or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"version": MANIFEST_VERSION, "pages": pages}, out)
        os.replace(temporary, path)
    except OSError as error:
        # Only the next build is slower for it.
        logger.warning("Could not write the page manifest %s: %s", path, error)


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def file_state(path: str | Path) -> list[int] | None:
    """What tells a file written once from the same file changed since.

    Its inode, size and time of last change: any write changes the time, and
    a file replaced whole has another inode, as ``git`` and ``make`` assume.
    """
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


class Pages:
    """The previous build's pages and the pages of this one."""

    def __init__(self, previous_output: Path | None, previous: dict, verify: bool):
        self.previous_output = previous_output
        self.previous = previous
        self.verify = verify
        self.current: dict[str, list] = {}
        self.build: str | None = None  # the build's fingerprint, once known
        self.reused = 0
        self.rendered = 0

    def unchanged_file(self, name: str, fingerprint: str | None) -> Path | None:
        """The previous build's file of ``name``, if it had this fingerprint
        and is still the file that build wrote; None otherwise."""
        known = self.previous.get(name)
        if self.previous_output is None or not fingerprint or not known:
            return None
        if known[0] != fingerprint or len(known) < 3 or not known[2]:
            return None
        path = self.previous_output / name
        return path if file_state(path) == known[2] else None

    def linked(self, name: str) -> None:
        """``name`` is the previous build's file, linked into this output."""
        # The same inode: the same state, for the next build to compare.
        self.current[name] = self.previous[name]
        self.reused += 1

    def written(self, name: str, path: str) -> None:
        """``name`` is written at ``path``: note its state for the next build."""
        if name in self.current:
            self.current[name] = [*self.current[name][:2], file_state(path)]

    def earlier(self, name: str, fingerprint: str) -> str | None:
        """The previous build's text of ``name``, if it had this fingerprint."""
        known = self.previous.get(name)
        if self.previous_output is None or not known or known[0] != fingerprint:
            return None
        try:
            text = (self.previous_output / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return text if text_digest(text) == known[1] else None

    def text(self, name: str, fingerprint: str | None, render) -> str:
        """The text of output file ``name``: the previous build's or ``render()``."""
        if not fingerprint:
            self.rendered += 1
            return render()
        text = self.earlier(name, fingerprint)
        if text is None:
            text = render()
            self.rendered += 1
        else:
            if self.verify and render() != text:
                raise StalePage(f"{name}: reused, but its rendering has changed")
            self.reused += 1
        self.current[name] = [fingerprint, text_digest(text), None]
        return text

    def render(self, template, localcontext: dict, arguments: str | None) -> str:
        name = localcontext["output_file"]
        fingerprint = arguments and fingerprints.page_fingerprint(
            self.build, arguments, name, localcontext
        )
        return self.text(name, fingerprint, lambda: template.render(localcontext))
