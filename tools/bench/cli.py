"""``python -m tools.bench``: a run from the command line, or one build in
the child process a run starts."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from tools.bench.ours import profile_report, run_child
from tools.bench.run import RESULTS_FILE, run_bench
from tools.bench.table import format_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench",
        description="Build a generated archive with ours and with plain Pelican, "
        "and compare time and memory.",
    )
    parser.add_argument("--n", type=int, default=1000, help="how many articles")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument(
        "--out",
        default=str(RESULTS_FILE),
        help=f"JSON lines file the result is appended to (default {RESULTS_FILE})",
    )
    parser.add_argument(
        "--keep", help="work in this new folder and keep it, instead of a temp one"
    )
    parser.add_argument(
        "--profile",
        help="also profile one more cold build of ours; write its stats here",
    )
    # The child process that runs one of our builds.
    parser.add_argument("--_run", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._run:
        return run_child(args._run)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        record = run_bench(args.n, args.seed, args.out, args.keep, args.profile)
    except (ValueError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(format_table(record))
    if args.profile:
        print(f"\nProfile of our cold build: {args.profile}\n")
        print(profile_report(Path(args.profile)))
    print(f"\nAppended to {args.out}")
    return 0
