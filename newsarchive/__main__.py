"""Command line: ``python -m newsarchive inspect|import ...``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsarchive.commands.importer import REFUSED, import_paths, report
from newsarchive.commands.inspection import as_json, as_text, inspect_file
from newsarchive.reading.article import ArticleError
from newsarchive.reading.sources import MAX_BYTES


def inspect(args) -> int:
    try:
        report = inspect_file(args.path)
    except ArticleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: {args.path}: {error}", file=sys.stderr)
        return 1
    print(as_json(report) if args.json else as_text(report))
    # Non-zero when the file would fail a build, so scripts can tell.
    return 1 if report["problems"] else 0


def import_(args) -> int:
    outcomes = import_paths(
        args.paths,
        args.content,
        title=args.title,
        source=args.source,
        date=args.date,
        url=args.url,
        max_bytes=args.max_bytes,
        force=args.force,
    )
    print(report(outcomes))
    return 1 if any(o.status == REFUSED for o in outcomes) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsarchive")
    commands = parser.add_subparsers(dest="command", required=True)

    command = commands.add_parser("inspect", help="show how one raw article is read")
    command.add_argument("path")
    command.add_argument("--json", action="store_true", help="print one JSON object")
    command.set_defaults(run=inspect)

    command = commands.add_parser("import", help="import raw articles into content/")
    command.add_argument("paths", nargs="+", type=Path, help="files or folders")
    command.add_argument("--content", type=Path, default=Path("content/articles"))
    command.add_argument("--title", help="headline, for files that lack one")
    command.add_argument("--source", help="publisher of every file imported")
    command.add_argument("--date", help="publication date, YYYY-MM-DD")
    command.add_argument("--url", help="address of the original article")
    command.add_argument("--max-bytes", type=int, default=MAX_BYTES)
    command.add_argument(
        "--force",
        action="store_true",
        help="take an article the reader is unsure of as it is read",
    )
    command.set_defaults(run=import_)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
