"""Rules that recognise what a news site wraps around a story.

The rules that hold across outlets are in ``rules``; patterns that only one
outlet uses live in ``data/outlets.toml``. Both are ``Rule``s, matched here,
line by line, with the structural rules that judge lines by their
neighbours: the box a "Related" marker opens, appeals, menus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsarchive.reading.headline import CAPTION

LINE = "line"
BLOCK = "block"
TO_END = "to-end"
EXTENTS = (LINE, BLOCK, TO_END)
# A box of other stories lists one to a handful of headlines.
MAX_BLOCK_ITEMS = 6


@dataclass(frozen=True)
class Rule:
    """Drop a line (extent ``line``); a line and the block it opens
    (``block``: the short lines under a "Related" marker, up to the next
    prose); or a line and all that follows (``to-end``, for an outlet's own
    markers that reliably open its trailer).

    A block rule never removes prose: a box of other stories in the middle of
    a page ends where the story resumes.
    """

    name: str
    pattern: re.Pattern[str]
    extent: str = LINE
    # Words one of which a line must hold for the pattern to be tried: long
    # patterns searched across every line of prose are most of reading's cost.
    keywords: tuple[str, ...] = ()
    # The longest line the rule can match (0: any): long prose is not
    # searched by rules for short lines.
    max_length: int = 0

    def __post_init__(self) -> None:
        # One search for all the keywords: a loop over them per line was a
        # tenth of reading's cost.
        found = (
            re.compile("|".join(map(re.escape, self.keywords))).search
            if self.keywords
            else None
        )
        object.__setattr__(self, "_has_keyword", found)

    def matches(self, text: str, folded: str) -> bool:
        if self.max_length and len(text) > self.max_length:
            return False
        if self._has_keyword is not None and self._has_keyword(folded) is None:
            return False
        return self.pattern.search(text) is not None


def rule(
    name: str,
    pattern: str,
    extent: str = LINE,
    keywords: tuple[str, ...] = (),
    max_length: int = 0,
) -> Rule:
    if extent not in EXTENTS:
        raise ValueError(f"rule {name!r}: extent must be one of {EXTENTS}")
    return Rule(name, re.compile(pattern, re.IGNORECASE), extent, keywords, max_length)


# A bio: "Jane Doe is a correspondent based in Tbilisi." Only below the story.
AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:is|was|has been|writes|covers|reports)"
    r"\b.{0,120}\b(?:correspondent|reporter|journalist|editor|writer|columnist|"
    r"analyst|fellow|professor|author|contributor|producer|researcher|director|"
    r"lecturer|photographer|chief|based in)\b"
    r"|^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:covers|writes about|reports on)\b"
    r".{0,120}\bfor\b"
    r"|^follow (?:him|her|them) on\b|^(?:he|she|they) can be reached at\b",
)


def match(text: str, rules: Iterable[Rule]) -> Rule | None:
    """The first rule whose pattern matches ``text``."""
    folded = text.casefold()
    for candidate in rules:
        if candidate.matches(text, folded):
            return candidate
    return None


def mark(
    units: Sequence[str],
    marks: list[str | None],
    rules: Sequence[Rule],
    prose: Sequence[bool] | None = None,
) -> None:
    """Set ``marks[i]`` to the rule name for each unit the rules drop.

    ``prose[i]`` says whether unit ``i`` is prose: a block rule's block ends
    at the first prose after its marker (without it, at a line ending a
    sentence)."""
    for index, text in enumerate(units):
        if marks[index] is not None:
            continue
        found = match(text, rules)
        if found is None:
            continue
        if found.extent == TO_END:
            for rest in range(index, len(units)):
                marks[rest] = marks[rest] or found.name
            return
        marks[index] = found.name
        if found.extent == BLOCK:
            _mark_block(units, marks, index, found.name, prose)


_SENTENCE_END = re.compile(r"[.!?…]['\"’”»)\]]*$")


def _mark_block(units, marks, index, name, prose) -> None:
    """Mark the items of the box whose marker is unit ``index``: the lines
    under it up to the story's next prose, at most ``MAX_BLOCK_ITEMS``.

    The story may resume with a subhead before its prose: a last item much
    shorter than the box's headlines is taken as the story's subhead."""
    items = []
    for item in range(index + 1, min(index + 1 + MAX_BLOCK_ITEMS, len(units))):
        is_prose = (
            prose[item]
            if prose is not None
            else bool(_SENTENCE_END.search(units[item]))
        )
        if is_prose or marks[item] is not None:
            break
        items.append(item)
    if len(items) >= 2 and _is_subhead_after(units, items):
        items.pop()
    for item in items:
        marks[item] = name


MAX_SUBHEAD_WORDS = 6


def _is_subhead_after(units, items) -> bool:
    # Shorter than most of the box's lines: a one-word label ("Ad") among
    # them says nothing of its headlines' length.
    last = len(units[items[-1]].split())
    others = sorted(len(units[i].split()) for i in items[:-1])
    return last <= MAX_SUBHEAD_WORDS and last < others[len(others) // 2]


# What an appeal to readers speaks of, and whom it speaks to.
_APPEAL_WORDS = re.compile(
    r"\b(?:support\w*|donat\w*|contribut\w*|journalism|subscri\w*|members?hip"
    r"|independent|paywall|fund\w*|sustain\w*|reader\w*|small favour"
    r"|поддерж\w*|помо\w+|донат\w*|журналист\w*|независим\w*|подпи\w*|рубл\w*"
    r"|unterstütz\w*|spende\w*|journalismus|abonn\w*|soutien\w*|souten\w*"
    r"|journalisme|apoy\w*|suscri\w*|periodismo|destek\w*|bağış\w*|abone"
    r"|gazetecilik)\b",
    re.IGNORECASE,
)
_READER_ADDRESSED = re.compile(
    r"\b(?:you|your|we|our|us|вы|вас|вам|ваш\w*|мы|нас|нам|наш\w*|sie|ihre?|wir"
    r"|uns|vous|nous|notre|usted|nosotros|nuestr\w*|siz|biz)\b",
    re.IGNORECASE,
)
APPEAL = "appeal"
# Marks of lines that make the prose around them part of an appeal box.
_APPEAL_MARKS = {"donation-appeal", "newsletter-signup", APPEAL}
MIN_APPEAL_WORDS = 2


_APPEAL_STEMS = (
    "support",
    "donat",
    "contribut",
    "journalis",
    "subscri",
    "member",
    "paywall",
    "fund",
    "sustain",
    "reader",
    "favour",
    "independent",
    "поддерж",
    "помо",
    "донат",
    "журналист",
    "независим",
    "подпи",
    "рубл",
    "unterstütz",
    "spende",
    "abonn",
    "soutien",
    "souten",
    "apoy",
    "suscri",
    "periodis",
    "destek",
    "bağış",
    "abone",
    "gazetecil",
)


def is_appeal(text: str) -> bool:
    """Prose that asks its readers for support, as an appeal box's does."""
    folded = text.casefold()
    if not any(stem in folded for stem in _APPEAL_STEMS):
        return False
    words = {word.casefold() for word in _APPEAL_WORDS.findall(text)}
    return len(words) >= MIN_APPEAL_WORDS and bool(_READER_ADDRESSED.search(text))


def mark_appeals(units: Sequence[str], marks: list[str | None]) -> None:
    """Mark the prose of appeal boxes: appeal-like paragraphs next to a line
    that is surely an appeal's ("Support us", "Donate", "Dear readers,").

    An appeal-like paragraph on its own, between two story paragraphs, may
    be a quotation, and is kept."""
    todo = [i for i, mark in enumerate(marks) if mark in _APPEAL_MARKS]
    while todo:
        i = todo.pop()
        for j in (i - 1, i + 1):
            if 0 <= j < len(units) and marks[j] is None and is_appeal(units[j]):
                marks[j] = APPEAL
                todo.append(j)


# A run of this many one- to four-word lines is a menu or a list of tags,
# not a story's subheads, which stand alone.
MENU_RUN = 3
MENU_WORDS = 4


def mark_menus(units: Sequence[str], marks: list[str | None]) -> None:
    run: list[int] = []

    def close() -> None:
        if len(run) >= MENU_RUN:
            for i in run:
                marks[i] = "menu"
        run.clear()

    for i, text in enumerate(units):
        words = text.split()
        if (
            marks[i] is None
            and len(words) <= MENU_WORDS
            and not any(c.isdigit() for c in text)
            and not _SENTENCE_END.search(text)
        ):
            run.append(i)
        else:
            close()
    close()


# Headlines of other stories: lines that read as headlines, two or more in a
# row. A story's subhead stands alone before its prose.
HEADLINE_RUN = 3
HEADLINE_WORDS = (4, 16)
_LIST_ITEM = re.compile(r"^\s*(?:[•·▪●◦*–—-]|\d+[.)])\s")


def _headline_like(text: str) -> bool:
    """A line that reads as another story's headline. Lines with figures
    (a story's list of results) and photo captions do not."""
    words = text.split()
    return (
        HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1]
        and not _SENTENCE_END.search(text)
        and not _LIST_ITEM.match(text)
        and not any(c.isdigit() for c in text)
        and text[:1].isupper()
        and not CAPTION.search(text)
    )


def mark_headline_runs(
    units: Sequence[str],
    marks: list[str | None],
    start: int = 0,
) -> None:
    """Mark runs of headline-like lines from the story's first prose
    (``start``) on: a box of other stories with no marker line above it.

    Three in a row make a box; a subhead stands alone (two under a video's
    label may be its title and the story's next subhead). Lines the rules
    removed do not break a run: a box's items carry "Video" and "Ad" labels
    between them."""
    run: list[int] = []

    def close() -> None:
        if len(run) >= HEADLINE_RUN:
            for i in run:
                marks[i] = "headline-list"
        run.clear()

    seen = Counter(units)
    for i in range(start, len(units)):
        # A line printed twice is a photo's caption, between the story's parts.
        if marks[i] is None and seen[units[i]] == 1 and _headline_like(units[i]):
            run.append(i)
            continue
        if marks[i] is None:
            close()
    close()
    close()
