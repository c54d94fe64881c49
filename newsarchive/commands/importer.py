"""Bringing raw article files into ``content/``: safe to run twice, on anything.

Each file is decoded, read like the build reads it, checked against what the
archive already holds, and written once as UTF-8 under a header that records
what was inferred. One bad file never stops the others; nothing that exists
is ever overwritten, and nothing is left half-written.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.plugins.reader import article_slug
from newsarchive.reading.article import Article, ArticleError
from newsarchive.reading.header import HeaderError, split_header
from newsarchive.reading.parse import NO_DATE, NO_STORY, NO_TITLE, read_article
from newsarchive.reading.sources import MAX_BYTES, read_source

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
}


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


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and every non-hidden file inside the folders named."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in relative):
                    yield child
        else:
            yield path


def _header_date(date: datetime.datetime) -> str:
    if date.tzinfo is None and date.time() == datetime.time():
        return date.date().isoformat()
    return date.isoformat()


def render(article: Article, body: str) -> str:
    """The file we store: a header of what was read, then the text verbatim."""
    fields = [
        ("Title", article.title),
        ("Date", _header_date(article.date)),
        ("Source", article.source),
        ("URL", article.url),
        ("Authors", ", ".join(article.authors)),
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
    path: Path, content: Path, index: Index, options: dict[str, str], max_bytes: int
) -> Outcome:
    try:
        text = read_source(path, max_bytes)
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
        return Outcome(path, REFUSED, "; ".join(_HINTS[p] for p in article.problems))

    folder = content / f"{article.date:%Y}" / f"{article.date:%m}"
    slug = article_slug(article.title, {})
    target = _write_new(folder, slug, render(article, body))
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
) -> list[Outcome]:
    """Import every file in ``paths`` into the ``content`` articles folder."""
    index = index_folder(content)
    options = {"title": title, "source": source, "date": date, "url": url}
    return [
        import_one(path, content, index, options, max_bytes) for path in expand(paths)
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
