"""Bringing raw article files into ``content/``: safe to run twice, on anything.

Each file is decoded, read like the build reads it, checked against what the
archive already holds, and written once as UTF-8 under a header that records
what was inferred. One bad file never stops the others; nothing that exists
is ever overwritten, and nothing is left half-written.

Only what it was given is read: a symbolic link (named, or found in a folder)
is refused, never followed, and so is anything that is not a regular file (a
FIFO, a device, a socket). Folders are walked through descriptors, each file
is opened without following a link and must be the very file that was found,
so a link swapped in after the check is not followed either.
"""

from __future__ import annotations

import datetime
import errno
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.plugins.reader import article_slug
from newsarchive.reading.article import Article, ArticleError
from newsarchive.reading.header import ACCEPTED, HeaderError, split_header
from newsarchive.reading.parse import (
    NO_DATE,
    NO_SOURCE,
    NO_STORY,
    NO_TITLE,
    read_article,
)
from newsarchive.reading.sources import (
    CHANGED,
    MAX_BYTES,
    SYMBOLIC_LINK,
    not_a_file,
    read_source,
)

IMPORTED = "imported"
DUPLICATE = "duplicate"
REFUSED = "refused"

# Two articles sharing this share of their paragraphs are one article, even
# when one copy kept a trailing line our rules do not know.
DUPLICATE_OVERLAP = 0.8
# Short paragraphs ("Share", a one-line quote) say little about identity.
_MIN_KEY_WORDS = 8
_HINTS = {
    NO_TITLE: "no title found: pass --title or add a 'Title:' header line",
    NO_DATE: "no date found: pass --date YYYY-MM-DD or add a 'Date:' header line",
    NO_STORY: "only boilerplate: no story text is left once it is removed",
    NO_SOURCE: "no publisher found: pass --source or add a 'Source:' header line",
}
# Said of a reading that may have lost story (the safety net).
_UNSURE = "; check it with `invoke inspect`, and pass --force to take it as read"


def _hint(problem: str) -> str:
    return _HINTS.get(problem, problem + _UNSURE)


SYMBOLIC_LINK_TO_FOLDER = "a symbolic link; copy the folder itself to import it"
# Opens a folder only if it is one, and not through a symbolic link.
_FOLDER_FLAGS = (
    os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
)


@dataclass(frozen=True)
class Outcome:
    source: Path
    status: str  # IMPORTED, DUPLICATE or REFUSED
    detail: str  # the file written, the article it duplicates, or the reason


def _key(text: str) -> str:
    words = re.sub(r"[^\w\s]", "", text.casefold()).split()
    return hashlib.blake2b(" ".join(words).encode(), digest_size=12).hexdigest()


def paragraph_keys(article: Article) -> frozenset[str]:
    """What identifies an article's story, whatever surrounds it."""
    long = [p for p in article.paragraphs if len(p.split()) >= _MIN_KEY_WORDS]
    return frozenset(_key(p) for p in (long or article.paragraphs))


@dataclass
class Index:
    """The stories already in the archive, by paragraph, for duplicate checks."""

    keys: dict[Path, frozenset[str]] = field(default_factory=dict)
    by_key: dict[str, set[Path]] = field(default_factory=dict)

    def add(self, path: Path, keys: frozenset[str]) -> None:
        self.keys[path] = keys
        for key in keys:
            self.by_key.setdefault(key, set()).add(path)

    def duplicate_of(self, keys: frozenset[str]) -> Path | None:
        candidates = set().union(*(self.by_key.get(key, ()) for key in keys))
        for path in sorted(candidates):
            other = self.keys[path]
            shared = len(keys & other) / min(len(keys), len(other))
            if shared >= DUPLICATE_OVERLAP:
                return path
        return None


def index_folder(folder: Path) -> Index:
    """Index every readable article under ``folder`` (unreadable ones are the
    build's to report, not the importer's)."""
    index = Index()
    for path in sorted(folder.rglob("*.txt")):
        try:
            article = read_article(read_source(path), str(path))
        except (ArticleError, OSError):
            continue
        index.add(path, paragraph_keys(article))
    return index


@dataclass(frozen=True)
class Found:
    """A path to import: the ``lstat`` of a regular file, or why it is refused."""

    path: Path
    checked: os.stat_result | None = None
    refusal: str | None = None


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _classify(path: Path, status: os.stat_result) -> Found:
    if stat.S_ISREG(status.st_mode):
        return Found(path, checked=status)
    if stat.S_ISLNK(status.st_mode):
        # Where it points only chooses the advice; it is never read.
        folder = os.path.isdir(path)
        return Found(path, refusal=SYMBOLIC_LINK_TO_FOLDER if folder else SYMBOLIC_LINK)
    return Found(path, refusal=not_a_file(status.st_mode))


def _walk(folder: Path, descriptor: int) -> Iterator[Found]:
    """Every non-hidden entry under the open ``folder``, in name order,
    never through a symbolic link."""
    try:
        with os.scandir(descriptor) as entries:
            names = sorted(e.name for e in entries if not e.name.startswith("."))
    except OSError as error:
        yield Found(folder, refusal=_reason(error))
        return
    for name in names:
        path = folder / name
        try:
            status = os.stat(name, dir_fd=descriptor, follow_symlinks=False)
        except OSError as error:
            yield Found(path, refusal=_reason(error))
            continue
        if stat.S_ISDIR(status.st_mode):
            yield from _walk_folder(path, status, name, descriptor)
        else:
            yield _classify(path, status)


def _walk_folder(
    path: Path, status: os.stat_result, name: str | Path, parent: int | None = None
) -> Iterator[Found]:
    try:
        descriptor = os.open(name, _FOLDER_FLAGS, dir_fd=parent)
    except OSError as error:
        # A link swapped in for the folder since it was checked.
        link = error.errno in (errno.ELOOP, errno.EMLINK)
        yield Found(path, refusal=SYMBOLIC_LINK_TO_FOLDER if link else _reason(error))
        return
    try:
        if os.path.samestat(os.fstat(descriptor), status):
            yield from _walk(path, descriptor)
        else:  # swapped for another folder or a link since it was checked
            yield Found(path, refusal=CHANGED)
    finally:
        os.close(descriptor)


def expand(paths: Iterable[Path]) -> Iterator[Found]:
    """The files named, and every non-hidden file inside the folders named;
    symbolic links and what is not a regular file come with their refusal."""
    for path in map(Path, paths):
        try:
            status = os.lstat(path)
        except OSError as error:
            yield Found(path, refusal=_reason(error))
            continue
        if stat.S_ISDIR(status.st_mode):
            yield from _walk_folder(path, status, path)
        else:
            yield _classify(path, status)


def _header_date(date: datetime.datetime) -> str:
    if date.tzinfo is None and date.time() == datetime.time():
        return date.date().isoformat()
    return date.isoformat()


def render(article: Article, body: str, reading: str = "") -> str:
    """The file we store: a header of what was read, then the text verbatim;
    ``Reading: accepted`` when the maintainer took it as read (``--force``)."""
    fields = [
        ("Title", article.title),
        ("Date", _header_date(article.date)),
        ("Source", article.source),
        ("URL", article.url),
        ("Authors", ", ".join(article.authors)),
        ("Reading", reading),
    ]
    header = "".join(f"{key}: {value}\n" for key, value in fields if value)
    return f"{header}\n{body.strip(chr(10))}\n"


def _write_new(folder: Path, slug: str, text: str) -> Path:
    """Write ``text`` to a new file: never overwrite, never leave half a file."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".import-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        for number in range(1, 1000):
            target = folder / (f"{slug}.txt" if number == 1 else f"{slug}-{number}.txt")
            try:
                os.link(temporary, target)  # fails if the target exists
            except FileExistsError:
                continue
            return target
        raise ArticleError(str(folder / slug), "too many articles with this slug")
    finally:
        os.unlink(temporary)


def import_one(
    path: Path,
    content: Path,
    index: Index,
    options: dict[str, str],
    max_bytes: int,
    checked: os.stat_result | None = None,
) -> Outcome:
    """Import one file; with ``checked`` (its ``lstat``), only if the file
    opened without following a link is still that one."""
    try:
        text = read_source(path, max_bytes, checked=checked)
        header, body = split_header(text)
    except HeaderError as error:
        return Outcome(path, REFUSED, str(error))
    except ArticleError as error:
        return Outcome(path, REFUSED, error.reason)
    except OSError as error:
        return Outcome(path, REFUSED, error.strerror or str(error))

    fields = {**header, **{k: v for k, v in options.items() if v}}
    composed = "".join(f"{k}: {v}\n" for k, v in fields.items()) + "\n" + body
    try:
        article = read_article(composed, str(path))
    except ArticleError as error:
        return Outcome(path, REFUSED, error.reason)
    if NO_STORY in article.problems:
        return Outcome(path, REFUSED, _HINTS[NO_STORY])
    # A copy of an archived article is a duplicate even when it lacks what
    # importing it would need (the raw Moscow Times text has no date).
    keys = paragraph_keys(article)
    original = index.duplicate_of(keys)
    if original is not None:
        return Outcome(path, DUPLICATE, f"same article as {original}")
    if article.problems:
        return Outcome(path, REFUSED, "; ".join(map(_hint, article.problems)))

    folder = content / f"{article.date:%Y}" / f"{article.date:%m}"
    slug = article_slug(article.title, {})
    target = _write_new(folder, slug, render(article, body, fields.get("reading", "")))
    index.add(target, keys)
    return Outcome(path, IMPORTED, str(target))


def import_paths(
    paths: Iterable[Path],
    content: Path,
    *,
    title: str | None = None,
    source: str | None = None,
    date: str | None = None,
    url: str | None = None,
    max_bytes: int = MAX_BYTES,
    force: bool = False,
) -> list[Outcome]:
    """Import every file in ``paths`` into the ``content`` articles folder.

    ``force`` takes a reading the reader is unsure of as it is (it still
    needs a title, date and publisher)."""
    index = index_folder(content)
    options = {"title": title, "source": source, "date": date, "url": url}
    if force:
        options["reading"] = ACCEPTED
    return [
        Outcome(found.path, REFUSED, found.refusal)
        if found.refusal is not None
        else import_one(found.path, content, index, options, max_bytes, found.checked)
        for found in expand(paths)
    ]


def report(outcomes: list[Outcome]) -> str:
    """One line per file, then a summary line."""
    lines = []
    for outcome in outcomes:
        separator = " -> " if outcome.status == IMPORTED else ": "
        lines.append(f"{outcome.status:<9} {outcome.source}{separator}{outcome.detail}")
    counts = {
        s: sum(o.status == s for o in outcomes) for s in (IMPORTED, DUPLICATE, REFUSED)
    }
    summary = ", ".join(f"{n} {status}" for status, n in counts.items())
    return "\n".join([*lines, f"{len(outcomes)} files: {summary}."])
