"""The labelled reading corpus (``tests/corpus/``): load it and check it.

``python -m tools.corpus check`` checks every article file and prints what is
wrong with each, and a summary of what the corpus covers.
"""

import datetime
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"

LABELS = {
    "H": "headline",
    "D": "dateline",
    "A": "byline",
    "P": "story",
    "S": "subhead",
    "C": "caption",
    "B": "boilerplate",
}
ENTITY_TYPES = ("country", "person", "place", "organisation")
KINDS = {
    "wire",
    "broadcaster",
    "newspaper",
    "agency",
    "regional",
    "aggregator",
    "magazine",
    "blog",
}
FORMATS = {
    "article",
    "live",
    "interview",
    "opinion",
    "analysis",
    "amp",
    "print",
    "wrapped",
}
REQUIRED = ("outlet", "kind", "format", "language", "date", "event")
OPTIONAL = (
    "host",
    "url",
    "filename",
    "encoding",
    "newline",
    "entities",
    "traps",
    "private_people",
)


class CorpusError(ValueError):
    """A corpus file that does not follow tests/corpus/README.md."""


@dataclass(frozen=True, slots=True)
class Line:
    label: str  # one of LABELS, or "" for an empty line
    text: str


@dataclass(slots=True)
class CorpusArticle:
    id: str
    meta: dict
    lines: list[Line]
    path: Path
    entities: dict[str, list[str]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The page as pasted, with the file's own line endings."""
        newline = self.meta.get("newline", "\n")
        return newline.join(line.text for line in self.lines) + newline

    @property
    def raw(self) -> bytes:
        """The file a maintainer saved: the text in the file's encoding."""
        return self.text.encode(self.meta.get("encoding", "utf-8"))

    @property
    def filename(self) -> str:
        return self.meta.get("filename", f"{self.id}.txt")

    @property
    def headline(self) -> str:
        return next(line.text for line in self.lines if line.label == "H")

    def __getattr__(self, name):
        try:
            return self.meta[name]
        except KeyError:
            raise AttributeError(name) from None


def parse(path: Path) -> CorpusArticle:
    """Read one corpus file; raise CorpusError naming what is wrong."""
    text = path.read_text(encoding="utf-8")
    parts = text.split("+++\n", 2)
    if len(parts) != 3 or parts[0] != "":
        raise CorpusError("the file must start with a TOML header between +++ lines")
    try:
        meta = tomllib.loads(parts[1])
    except tomllib.TOMLDecodeError as error:
        raise CorpusError(f"header: {error}") from None
    problems = [f"header lacks {key}" for key in REQUIRED if key not in meta]
    problems += [
        f"unknown header key {key}"
        for key in meta
        if key not in REQUIRED and key not in OPTIONAL
    ]
    if meta.get("kind") not in KINDS:
        problems.append(f"kind {meta.get('kind')!r} is not one of {sorted(KINDS)}")
    if meta.get("format") not in FORMATS:
        problems.append(
            f"format {meta.get('format')!r} is not one of {sorted(FORMATS)}"
        )
    try:
        datetime.date.fromisoformat(str(meta.get("date")))
    except ValueError:
        problems.append(f"date {meta.get('date')!r} is not YYYY-MM-DD")
    entities = meta.get("entities", {})
    problems += [
        f"entities: unknown type {kind!r}"
        for kind in entities
        if kind not in ENTITY_TYPES
    ]
    for trap in meta.get("traps", []):
        if "=" not in trap:
            problems.append(f"trap {trap!r} is not 'name = entity'")
    lines = []
    for number, raw in enumerate(parts[2].splitlines(), start=1):
        if raw == "":
            lines.append(Line("", ""))
            continue
        label, bar, line = raw.partition("|")
        if not bar or label not in LABELS:
            problems.append(f"text line {number}: no label: {raw[:60]!r}")
            continue
        if not line.strip():
            problems.append(f"text line {number}: a label on an empty line")
        lines.append(Line(label, line))
    labels = Counter(line.label for line in lines)
    if labels["H"] == 0:
        problems.append("no H (headline) line")
    if labels["P"] < 3:
        problems.append("fewer than three P (story) lines")
    if problems:
        raise CorpusError("; ".join(problems))
    return CorpusArticle(path.stem, meta, lines, path, entities)


def load(folder: Path = CORPUS) -> list[CorpusArticle]:
    """Every article of the corpus, in file name order."""
    return [parse(path) for path in sorted((folder / "articles").glob("*.txt"))]


def events(folder: Path = CORPUS) -> dict[str, dict]:
    data = tomllib.loads((folder / "events.toml").read_text(encoding="utf-8"))
    return {event["id"]: event for event in data["event"]}


@dataclass(frozen=True)
class Splits:
    """The holdout parts: outlets for reading, events for stories."""

    outlets: frozenset[str]
    events: frozenset[str]

    def reading_holdout(self, article: CorpusArticle) -> bool:
        return article.outlet in self.outlets

    def story_holdout(self, article: CorpusArticle) -> bool:
        return article.event in self.events


def splits(folder: Path = CORPUS) -> Splits:
    data = tomllib.loads((folder / "splits.toml").read_text(encoding="utf-8"))
    return Splits(frozenset(data["holdout_outlets"]), frozenset(data["holdout_events"]))


def check(folder: Path = CORPUS) -> int:
    known_events = events(folder)
    articles, failed = [], 0
    for path in sorted((folder / "articles").glob("*.txt")):
        try:
            article = parse(path)
        except (CorpusError, UnicodeDecodeError) as error:
            print(f"{path.name}: {error}")
            failed += 1
            continue
        if article.event and article.event not in known_events:
            print(f"{path.name}: event {article.event!r} is not in events.toml")
            failed += 1
        try:
            article.raw  # noqa: B018 - the encoding must hold the text
        except (UnicodeEncodeError, LookupError) as error:
            print(f"{path.name}: encoding: {error}")
            failed += 1
        articles.append(article)
    held = splits(folder)
    for name in held.outlets - {article.outlet for article in articles}:
        print(f"splits.toml: no article of the holdout outlet {name!r}")
        failed += 1
    by_event = Counter(article.event for article in articles)
    languages = Counter(article.language for article in articles)
    print(
        f"{len(articles)} articles read, {failed} problems; "
        f"{len({a.outlet for a in articles})} outlets; "
        f"{sum(1 for e in known_events if by_event[e] >= 3)} events with 3+ reports; "
        f"languages: {dict(sorted(languages.items()))}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:] != ["check"]:
        sys.exit("usage: python -m tools.corpus check")
    sys.exit(check())
