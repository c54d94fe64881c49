"""Realistic, deterministic test archives: raw article files as sites print them.

``generate_articles(n, seed)`` yields ``(relative path, file text)`` pairs in
the archive's input format: a ``Key: value`` header, a blank line, then the
page text with its headline, datelines, bylines and the boilerplate of several
outlets around a body of news sentences. ``write_archive`` writes them out;
``python -m tools.generate --n 100 --out DIR`` does so from a shell.

Everything comes from one ``random.Random(seed)`` and fixed tables, so the same
seed gives the same bytes on any machine. The text is built to be read back
exactly: every boilerplate line is one the reader's rules remove, every entity
mention is one the tagger counts (no context rule tripped, no longer alias
formed by the words around it), and no capitalised multi-word name appears
that is not an entity. ``generate_drafts`` also returns what the reader should
find, for tests.

The package: ``publishers``, ``kits`` and ``vocabulary`` are the tables the
text is drawn from, ``templates`` parses their slots; ``cast`` decides how
each entity may be written, ``sentences`` writes a body that names them,
``page`` the site's page around it, and ``article`` one file after another.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsarchive.entities.catalogue import Entity, EntityList, load_entities
from tools.generate.article import FIRST_DAY, LAST_DAY, RETELLING_SHARE, Draft, _Writer
from tools.generate.publishers import PUBLISHERS, Publisher
from tools.generate.sentences import MAX_WORDS, MIN_WORDS
from tools.generate.vocabulary import (
    CAPTIONS,
    HEADLINES,
    MONTHS,
    SENTENCES,
    SUBHEADS,
    WEEKDAYS,
)

__all__ = [
    "CAPTIONS",
    "FIRST_DAY",
    "HEADLINES",
    "LAST_DAY",
    "MAX_WORDS",
    "MIN_WORDS",
    "MONTHS",
    "PUBLISHERS",
    "RETELLING_SHARE",
    "SENTENCES",
    "SUBHEADS",
    "WEEKDAYS",
    "Draft",
    "Publisher",
    "generate_articles",
    "generate_drafts",
    "main",
    "write_archive",
]


def _entity_list(entities: EntityList | Iterable[Entity] | None) -> EntityList:
    if entities is None:
        return load_entities()
    if isinstance(entities, EntityList):
        return entities
    return EntityList(tuple(entities))


def generate_drafts(
    n: int, seed: int = 0, entities: EntityList | Iterable[Entity] | None = None
) -> Iterator[Draft]:
    """``n`` articles and what the reader should find in each."""
    if n < 0:
        raise ValueError(f"the number of articles must be 0 or more, not {n}")
    writer = _Writer(_entity_list(entities), seed)
    for number in range(n):
        yield writer.article(number)


def generate_articles(
    n: int, seed: int = 0, entities: EntityList | Iterable[Entity] | None = None
) -> Iterator[tuple[str, str]]:
    """``n`` (relative path, file text) pairs; the same seed gives the same bytes."""
    for draft in generate_drafts(n, seed, entities):
        yield draft.path, draft.text


def write_archive(n: int, out_dir: str | Path, seed: int = 0) -> int:
    """Write ``n`` generated articles under ``out_dir``; return how many."""
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ValueError(
            f"{out} is not an empty folder: refusing to write an archive into it"
        )
    made: set[Path] = set()
    count = 0
    for relative, text in generate_articles(n, seed):
        path = out / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        # Bytes, not text mode: the same file on every platform.
        path.write_bytes(text.encode("utf-8"))
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.generate",
        description="Write a folder of realistic, generated raw article files.",
    )
    parser.add_argument("--n", type=int, default=100, help="how many articles")
    parser.add_argument("--out", required=True, help="an empty or new folder")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same files")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        count = write_archive(args.n, args.out, args.seed)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"wrote {count} articles to {args.out} (seed {args.seed}) in {elapsed:.1f}s")
    return 0
