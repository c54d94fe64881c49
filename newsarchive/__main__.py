"""Command line: ``python -m newsarchive inspect PATH [--json]``."""

from __future__ import annotations

import argparse
import sys

from newsarchive.article import ArticleError
from newsarchive.inspection import as_json, as_text, inspect_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsarchive")
    commands = parser.add_subparsers(dest="command", required=True)
    inspect = commands.add_parser("inspect", help="show how one raw article is read")
    inspect.add_argument("path")
    inspect.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    try:
        report = inspect_file(args.path)
    except ArticleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as error:
        print(f"error: {args.path}: {error}", file=sys.stderr)
        return 1
    print(as_json(report) if args.json else as_text(report))
    # Non-zero when the file would fail a build, so scripts can tell.
    return 1 if report["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
