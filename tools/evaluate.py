"""How well the reader reads the labelled corpus (``tests/corpus/``).

Each corpus article is saved as a maintainer would save it (its encoding and
line endings), read as the build reads it, and compared with its labels:

- headline, date and publisher: right or wrong, per article;
- story lines (labelled story or subhead) kept in the published body, and
  boilerplate lines left in it, counted per line of the page.

An article the reader refuses is counted as refused, and scored on what it
read: a field it could not find counts as wrong, and its lines count as the
reading left them, which is what is published once the maintainer adds the
missing header line or accepts the reading (``--force``) as the refusal
asks. A refusal for lost story still counts that story as lost. A file the
reader cannot read at all (an HTML page, a bad header) counts as wrong in
every field, with its story lost. Figures are given for the tuning part, the
holdout part (outlets no rule was written from) and the whole corpus, and
per outlet. ``--without-outlets`` reads with the holdout outlets' entries
removed from the outlets data, to show what the reader does for an outlet it
has never seen.

The entities the tagger finds in each reading are scored against the
corpus labels too (``tag_scores``): precision and recall per type, and the
traps tagged.

``python -m tools.evaluate`` prints the tables and appends one JSON line to
``benchmarks/evaluate.jsonl``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsarchive.entities.tagging import describe, tag_article
from newsarchive.reading.article import ArticleError
from newsarchive.reading.outlets import Outlets, load_outlets
from newsarchive.reading.parse import _comparable, normalise, read_article
from newsarchive.reading.sources import decode
from tools import corpus, tag_scores
from tools.tag_scores import TagScores

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "evaluate.jsonl"
STORY_LABELS = {"P", "S"}

# What the reading issue asks of the reader: (holdout, whole corpus).
TARGETS = {
    "headline": (0.97, 0.99),
    "date": (0.97, 0.99),
    "publisher": (0.97, 0.99),
    "story_kept": (0.995, 0.998),
    "boilerplate_left": (0.03, 0.02),  # at most
}


@dataclass
class Scores:
    """Counts for a set of articles; the figures are their ratios."""

    articles: int = 0
    refused: int = 0
    headline: int = 0
    date: int = 0
    publisher: int = 0
    story_lines: int = 0
    story_kept: int = 0
    boilerplate_lines: int = 0
    boilerplate_left: int = 0
    seconds: float = 0.0

    def add(self, other: Scores) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def figures(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return part / whole if whole else 1.0

        return {
            "headline": share(self.headline, self.articles),
            "date": share(self.date, self.articles),
            "publisher": share(self.publisher, self.articles),
            "story_kept": share(self.story_kept, self.story_lines),
            "boilerplate_left": (
                self.boilerplate_left / self.boilerplate_lines
                if self.boilerplate_lines
                else 0.0
            ),
        }


@dataclass
class Outcome:
    """What the reader made of one corpus article."""

    id: str
    outlet: str
    holdout: bool
    scores: Scores
    wrong: list[str] = field(default_factory=list)  # what it got wrong, in words
    tags: TagScores = field(default_factory=TagScores)


def same_publisher(found: str | None, expected: str, outlets: Outlets) -> bool:
    """Whether ``found`` names the outlet ``expected``, by any of its names."""
    if not found:
        return False
    names = {_comparable(found)}
    for outlet in outlets.outlets:
        if found.casefold() in outlet.names:
            names |= {_comparable(name) for name in (outlet.name, *outlet.aliases)}
    return _comparable(expected) in names


def kept_lines(text: str, removed: Iterable[str]) -> Counter:
    """The body's lines: every line of the page but those the reader removed."""
    kept = Counter(normalise(line) for line in text.splitlines() if line.strip())
    kept.subtract(removed)
    return kept


def evaluate_article(
    article: corpus.CorpusArticle,
    outlets: Outlets,
    holdout: bool,
    judge: Outlets | None = None,
) -> Outcome:
    """Read ``article`` with ``outlets`` and score it; publishers are compared
    by every name ``judge`` (the whole outlets data) knows them by."""
    scores = Scores(articles=1)
    outcome = Outcome(article.id, article.outlet, holdout, scores)
    started = time.perf_counter()
    try:
        read = read_article(decode(article.raw), article.filename, outlets)
        problems = list(read.problems)
    except ArticleError as error:
        read, problems = None, [error.reason]
    scores.seconds = time.perf_counter() - started
    labelled = [line for line in article.lines if line.label]
    scores.story_lines = sum(line.label in STORY_LABELS for line in labelled)
    scores.boilerplate_lines = sum(line.label == "B" for line in labelled)
    if problems:
        scores.refused = 1
        outcome.wrong.append(f"refused: {'; '.join(problems)}")
    if read is None:
        return outcome
    tags = tag_article(read).tags
    outcome.tags = tag_scores.score(
        tags,
        article.entities,
        article.meta.get("traps", ()),
        describe(tags),
        article.id,
    )
    if read.title and _comparable(read.title) == _comparable(
        normalise(article.headline)
    ):
        scores.headline = 1
    else:
        outcome.wrong.append(f"headline {read.title!r}")
    if read.date and read.date.date().isoformat() == article.date:
        scores.date = 1
    else:
        found = read.date.date().isoformat() if read.date else None
        outcome.wrong.append(f"date {found} (not {article.date})")
    if same_publisher(read.source, article.outlet, judge or outlets):
        scores.publisher = 1
    else:
        outcome.wrong.append(f"publisher {read.source!r}")
    kept = kept_lines(article.text, (removal.line for removal in read.removed))
    for line in labelled:
        key = normalise(line.text)
        is_kept = kept[key] > 0
        if is_kept:
            kept[key] -= 1
        if line.label in STORY_LABELS:
            scores.story_kept += is_kept
            if not is_kept:
                outcome.wrong.append(f"lost story line {line.text[:60]!r}")
        elif line.label == "B" and is_kept:
            scores.boilerplate_left += 1
            outcome.wrong.append(f"left boilerplate {line.text[:60]!r}")
    return outcome


def without(outlets: Outlets, names: Iterable[str]) -> Outlets:
    """``outlets`` less every entry that goes by one of ``names``."""
    dropped = {name.casefold() for name in names}
    return Outlets(
        tuple(outlet for outlet in outlets.outlets if not outlet.names & dropped)
    )


def evaluate(
    articles: list[corpus.CorpusArticle],
    splits: corpus.Splits,
    outlets: Outlets,
) -> list[Outcome]:
    judge = load_outlets()
    return [
        evaluate_article(article, outlets, splits.reading_holdout(article), judge)
        for article in articles
    ]


def totals(outcomes: list[Outcome]) -> dict[str, Scores]:
    parts = {"tuning": Scores(), "holdout": Scores(), "all": Scores()}
    for outcome in outcomes:
        parts["holdout" if outcome.holdout else "tuning"].add(outcome.scores)
        parts["all"].add(outcome.scores)
    return parts


def tag_totals(outcomes: list[Outcome]) -> dict[str, TagScores]:
    parts = {"tuning": TagScores(), "holdout": TagScores(), "all": TagScores()}
    for outcome in outcomes:
        parts["holdout" if outcome.holdout else "tuning"].add(outcome.tags)
        parts["all"].add(outcome.tags)
    return parts


def by_outlet(outcomes: list[Outcome]) -> dict[str, Scores]:
    outlets: dict[str, Scores] = {}
    for outcome in outcomes:
        outlets.setdefault(outcome.outlet, Scores()).add(outcome.scores)
    return outlets


COLUMNS = ("headline", "date", "publisher", "story_kept", "boilerplate_left")


def table(parts: dict[str, Scores]) -> list[str]:
    lines = [
        f"{'part':<9}{'articles':>9}{'refused':>8}"
        + "".join(f"{name.replace('_', ' '):>17}" for name in COLUMNS)
    ]
    for name, scores in parts.items():
        figures = scores.figures()
        lines.append(
            f"{name:<9}{scores.articles:>9}{scores.refused:>8}"
            + "".join(f"{figures[column]:>17.1%}" for column in COLUMNS)
        )
    return lines


def worst_outlets(outcomes: list[Outcome], count: int = 8) -> list[str]:
    def badness(item):
        figures = item[1].figures()
        return (
            (1 - figures["story_kept"]) * 10
            + figures["boilerplate_left"]
            + (3 - figures["headline"] - figures["date"] - figures["publisher"])
        )

    ranked = sorted(by_outlet(outcomes).items(), key=badness, reverse=True)[:count]
    lines = []
    for outlet, scores in ranked:
        f = scores.figures()
        lines.append(
            f"  {outlet[:28]:<28} headline {f['headline']:.0%}, date {f['date']:.0%}, "
            f"publisher {f['publisher']:.0%}, story kept {f['story_kept']:.1%}, "
            f"boilerplate left {f['boilerplate_left']:.1%}"
        )
    return lines


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="evaluate", description=__doc__)
    parser.add_argument(
        "--without-outlets",
        action="store_true",
        help="remove the holdout outlets' entries from the outlets data",
    )
    parser.add_argument("--verbose", action="store_true", help="list every error")
    parser.add_argument("--out", default=str(RESULTS), help="JSON lines file")
    args = parser.parse_args(argv)

    articles, splits = corpus.load(), corpus.splits()
    outlets = load_outlets()
    if args.without_outlets:
        outlets = without(outlets, splits.outlets)
    outcomes = evaluate(articles, splits, outlets)
    parts = totals(outcomes)
    if args.verbose:
        for outcome in outcomes:
            for wrong in outcome.wrong:
                print(f"{outcome.id}: {wrong}")
        print()
    mode = " without the holdout outlets' entries" if args.without_outlets else ""
    print(f"Reading the corpus{mode}: {len(articles)} articles, {_commit()}")
    print("\n".join(table(parts)))
    print("Outlets read worst:")
    print("\n".join(worst_outlets(outcomes)))
    tags = tag_totals(outcomes)
    print("Entity tags against the corpus labels:")
    print("\n".join(tag_scores.table(tags)))
    average_ms = parts["all"].seconds / max(parts["all"].articles, 1) * 1000
    print(f"Reading took {average_ms:.2f} ms an article on average.")
    record = {
        "timestamp": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "without_outlets": args.without_outlets,
        **{
            name: {"figures": scores.figures(), "counts": asdict(scores)}
            for name, scores in parts.items()
        },
        "tags": {
            name: {"figures": scores.figures(), "traps": scores.traps}
            for name, scores in tags.items()
        },
    }
    with open(args.out, "a", encoding="utf-8") as out:
        out.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
