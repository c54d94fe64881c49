"""The figures an article reports: numbers and what they count.

"Almost 2,000 servicemen, 90 armored personnel carriers, and 380 vehicles"
holds three figures. What a number counts is looked up in
``data/counts.toml``, whose nouns maintainers extend without touching code;
a number followed by a plural noun that no count lists ("17 political
parties") is kept under that noun. Years, dates, times of day, money amounts
with a symbol, percentages and durations are never figures.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

COUNTS_FILE = Path(__file__).parent.parent / "data" / "counts.toml"

# How many words may stand between a number and its noun ("2,000 Russian
# troops"), and between a subject and its verb ("people have been confirmed
# killed").
MAX_MODIFIERS = 2
MAX_VERB_DISTANCE = 4
# Characters read after and before a number for those words: ample for the
# longest noun phrase and verb after it, and the verb before it.
WINDOW_AFTER = 300
WINDOW_BEFORE = 80

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve "
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {
    **{word: value for value, word in enumerate(_ONES)},
    **{word: 20 + 10 * index for index, word in enumerate(_TENS)},
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9}
_NUMBER_WORD = "|".join(
    sorted([*NUMBER_WORDS, *SCALES, "dozen"], key=len, reverse=True)
)
_QUALIFIERS = (
    "almost|nearly|about|around|roughly|approximately|some|over|under|"
    "more than|less than|fewer than|at least|at most|up to|as many as|"
    "close to|an estimated|estimated|just over|just under|well over|several|a few"
)
_FIGURE = re.compile(
    # Not the tail of a time, a date, an amount or a longer number.
    r"(?<![\w$€£¥₽.,:/-])"
    rf"(?:(?P<qualifier>{_QUALIFIERS})\s+)?"
    r"(?:"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s+(?P<scale>thousand|million|billion)\b)?"
    rf"|(?P<words>(?:an?\s+(?=(?:hundred|thousand|million|dozen)\b))?(?:{_NUMBER_WORD})"
    rf"(?:(?:-|\s+|\s+and\s+)(?:{_NUMBER_WORD}))*)"
    r"|(?P<vague>(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores"
    r"|hundreds|thousands|millions)\s+of)"
    r")"
    # Not the head of a time (21:00), a decade (1990s), a compound
    # (five-year), a percentage or a decimal.
    r"(?![\w%:/-]|[.,]\d)",
    re.IGNORECASE,
)
# The words a figure can start with: a match is only tried where one of these,
# or a digit, starts a word, because trying the whole pattern at every word
# of a long article is what made finding figures slow.
_FIRST_WORDS = frozenset(
    [phrase.split()[0] for phrase in _QUALIFIERS.split("|")]
    + [*NUMBER_WORDS, *SCALES, "a", "an", "dozen"]
    + "dozens scores tens hundreds thousands millions".split()
)
_WORD_START = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\S")
# Words that end a noun phrase: a number is never followed by its noun past
# one of these ("17 of the troops" is not a figure of troops).
_FUNCTION_WORDS = frozenset(
    """
    a an and are as at be been but by for from had has have he her his in into is
    it its of on or our over per she so than that the their them these they this
    those to under was were which while who will with would said says
    """.split()
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


class CountsFileError(ValueError):
    pass


@dataclass(frozen=True)
class Count:
    label: str
    nouns: tuple[str, ...]
    subjects: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """One number an article reports, and what it counts."""

    label: str  # the count's label, or the noun when no count lists it
    known: bool  # whether ``label`` is a count from the data file
    value: float | None  # None for "hundreds of"
    text: str  # as the article wrote it: "almost 2,000 servicemen"


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(phrase.casefold()))


class Counts:
    """The count nouns, indexed by their first word for matching."""

    def __init__(self, counts: Iterable[Count], ignore: Iterable[str] = ()):
        self.counts = tuple(counts)
        self.ignore = frozenset(word.casefold() for word in ignore)
        self._nouns = self._index(
            (phrase, c) for c in self.counts for phrase in c.nouns
        )
        self._subjects = self._index(
            (phrase, c) for c in self.counts for phrase in c.subjects
        )
        self._verbs = {c.label: tuple(_words(verb) for verb in c.verbs) for c in counts}

    @staticmethod
    def _index(entries) -> dict[str, list[tuple[tuple[str, ...], Count]]]:
        """First word -> (words, count), longest first: "military personnel"
        is tried before "personnel"."""
        index: dict[str, list[tuple[tuple[str, ...], Count]]] = {}
        for phrase, count in entries:
            words = _words(phrase)
            index.setdefault(words[0], []).append((words, count))
        for candidates in index.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))
        return index

    @staticmethod
    def _matches(index, tokens: list[str], at: int):
        for words, count in index.get(tokens[at], ()):
            if tuple(tokens[at : at + len(words)]) == words:
                yield count, at + len(words)

    def _verb_end(self, count: Count, after: list[str], before: list[str]) -> int:
        """How many of the ``after`` tokens run to the verb that makes the
        subject count ``count``: 0 when the verb came before the number,
        -1 when there is none."""
        verbs = self._verbs[count.label]
        if any(tuple(before[-len(verb) :]) == verb for verb in verbs):
            return 0
        for start in range(min(MAX_VERB_DISTANCE + 1, len(after))):
            if not after[start][0].isalpha():
                return -1
            for verb in verbs:
                if tuple(after[start : start + len(verb)]) == verb:
                    return start + len(verb)
        return -1

    def what(
        self, tokens: list[str], before: list[str], digits: bool
    ) -> tuple[str, bool, int] | None:
        """(label, known, tokens used) for the words after a number, if any."""
        for at in range(min(MAX_MODIFIERS + 1, len(tokens))):
            word = tokens[at]
            if not word[0].isalpha():
                break
            for count, end in self._matches(self._subjects, tokens, at):
                verb_end = self._verb_end(count, tokens[end:], before)
                if verb_end >= 0:
                    # "1,400 people have been confirmed killed", whole.
                    return count.label, True, end + verb_end
            for count, end in self._matches(self._nouns, tokens, at):
                return count.label, True, end
            if word in _FUNCTION_WORDS:
                break
        if not digits:
            # "two countries", "one of": number words are too common to
            # stand for a figure unless a count claims the noun.
            return None
        for at in range(min(MAX_MODIFIERS + 1, len(tokens))):
            word = tokens[at]
            if not word.isalpha() or word in _FUNCTION_WORDS:
                return None
            if word.endswith("s") and len(word) > 3:
                return None if word in self.ignore else (word, False, at + 1)
        return None


@functools.cache
def load_counts(path: Path = COUNTS_FILE) -> Counts:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise CountsFileError(f"{path}: {error}") from error
    counts = []
    for entry in data.get("count", ()):
        if not entry.get("label") or not entry.get("nouns"):
            raise CountsFileError(f"{path}: every [[count]] needs a label and nouns")
        counts.append(
            Count(
                entry["label"],
                tuple(entry["nouns"]),
                tuple(entry.get("subjects", ())),
                tuple(entry.get("verbs", ())),
            )
        )
    return Counts(counts, data.get("ignore", ()))


def number_value(match: re.Match) -> float | None:
    """The value of a ``_FIGURE`` match; None for "hundreds of"."""
    if match["digits"]:
        value = float(match["digits"].replace(",", ""))
        return value * SCALES[match["scale"].lower()] if match["scale"] else value
    words = re.split(r"[\s-]+", match["words"].lower()) if match["words"] else ()
    if match["vague"] or words[0] in SCALES or words[0] == "dozen":
        # "hundreds of", and "several hundred" read as far as "hundred".
        return None
    total, current = 0, 0
    for word in words:
        if word in ("a", "an"):
            current = max(current, 1)
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
    return float(total + current)


def _is_year(match: re.Match) -> bool:
    return bool(
        match["digits"]
        and not match["qualifier"]
        and not match["scale"]
        and _YEAR.fullmatch(match["digits"])
    )


def _figure_matches(text: str) -> Iterator[re.Match]:
    """``_FIGURE.finditer(text)``, tried only where a figure can start."""
    end = 0
    for word in _WORD_START.finditer(text):
        start = word.start()
        if start < end:
            continue
        first = word.group()
        if not (first[0].isdigit() or first.lower() in _FIRST_WORDS):
            continue
        match = _FIGURE.match(text, start)
        if match:
            end = match.end()
            yield match


def figures(texts: Iterable[str], counts: Counts | None = None) -> list[Figure]:
    """The figures of ``texts`` in order, each written-out figure once."""
    counts = counts or load_counts()
    found: list[Figure] = []
    seen: set[str] = set()
    for text in texts:
        for match in _figure_matches(text):
            if _is_year(match):
                continue
            # Only the words next to the number can say what it counts:
            # reading no further keeps long paragraphs linear.
            start, end = match.start(), match.end()
            after = _TOKEN.findall(text[end : end + WINDOW_AFTER].casefold())
            before = _TOKEN.findall(
                text[max(0, start - WINDOW_BEFORE) : start].casefold()
            )
            what = counts.what(after, before[-3:], bool(match["digits"]))
            if what is None:
                continue
            label, known, used = what
            # The words used, as written: up to the end of the last one.
            for token in _TOKEN.finditer(text, end):
                used -= 1
                if used == 0:
                    end = token.end()
                    break
            written = text[match.start() : end]
            # A sentence's capital is not the figure's: "Almost 2,000".
            written = written[0].lower() + written[1:]
            key = " ".join(written.casefold().split())
            if key in seen:
                continue
            seen.add(key)
            found.append(Figure(label, known, number_value(match), written))
    return found
