"""Which lines of a copied page are prose, judged as any outlet's prose looks.

jusText's classification, with a copied line in the part of an HTML block
(there are no links to count): a line is *good* when it is long and dense in
its language's stopwords, *near-good* when dense but shorter, *short* when
too short to judge, and *bad* otherwise; then short and near-good lines take
the class of the good or bad lines around them, because a story and the
furniture around it both come in runs. A short line between two good ones
is part of the story (a one-line paragraph, a quote, a subhead).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

GOOD = "good"
NEAR_GOOD = "near-good"
SHORT = "short"
BAD = "bad"

# jusText's defaults, measured in characters of a line.
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32

# A title-case headline is shorter, or joins its words with "of" and "in".
_LIST_WORDS = 8
_LIST_WORD = re.compile(r"(?:[^\W\d_]+|&)(?:\s+(?:[^\W\d_]+|&))*")
_WORD = re.compile(r"\w+(?:['’]\w+)?")
_URL = re.compile(r"https?://|www\.\w", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|copyright\s+(?:©\s*)?\d{4}", re.IGNORECASE)


def stopword_density(text: str, stopwords: frozenset[str]) -> float:
    words = _WORD.findall(text.casefold())
    if not words:
        return 0.0
    return sum(map(stopwords.__contains__, words)) / len(words)


def _is_word_list(text: str) -> bool:
    """Capitalised words and nothing else: a menu or a list of topics. Some
    stoplists hold common nouns ("Политика", "Мир"), so such a line can be
    dense in them; a sentence has words in lower case."""
    if _LIST_WORD.fullmatch(text) is None:  # most lines: punctuation
        return False
    words = text.split()
    return (
        len(words) >= _LIST_WORDS
        and sum(not word[:1].isupper() for word in words) <= 1  # "Свежий номер"
    )


def context_free(
    text: str, stopwords: frozenset[str], length_high: int = LENGTH_HIGH
) -> str:
    if _URL.search(text) or _COPYRIGHT.search(text) or _is_word_list(text):
        return BAD
    density = stopword_density(text, stopwords)
    if len(text) < LENGTH_LOW:
        return SHORT
    if density >= STOPWORDS_HIGH:
        return GOOD if len(text) >= length_high else NEAR_GOOD
    if density >= STOPWORDS_LOW:
        return NEAR_GOOD
    return BAD


def _neighbour(classes: Sequence[str], index: int, step: int, skip: set[str]) -> str:
    """The class of the nearest line from ``index`` in direction ``step``
    whose class is not in ``skip``; BAD past either end of the page."""
    index += step
    while 0 <= index < len(classes):
        if classes[index] not in skip:
            return classes[index]
        index += step
    return BAD


def revise(classes: list[str]) -> list[str]:
    """jusText's context-sensitive pass over the context-free classes."""
    revised = list(classes)
    for index, kind in enumerate(classes):
        if kind != SHORT:
            continue
        before = _neighbour(classes, index, -1, {SHORT, NEAR_GOOD})
        after = _neighbour(classes, index, +1, {SHORT, NEAR_GOOD})
        if before == after:
            revised[index] = before
        else:
            # Between good and bad: good only if near-good text separates it
            # from the bad side.
            near_before = _neighbour(classes, index, -1, {SHORT}) == NEAR_GOOD
            near_after = _neighbour(classes, index, +1, {SHORT}) == NEAR_GOOD
            revised[index] = (
                GOOD
                if (before == BAD and near_before) or (after == BAD and near_after)
                else BAD
            )
    final = list(revised)
    for index, kind in enumerate(revised):
        if kind != NEAR_GOOD:
            continue
        before = _neighbour(revised, index, -1, {SHORT, NEAR_GOOD})
        after = _neighbour(revised, index, +1, {SHORT, NEAR_GOOD})
        final[index] = BAD if before == after == BAD else GOOD
    return final


def classify(units: Sequence[str], stopwords: frozenset[str]) -> list[str]:
    """GOOD or BAD for each unit of the page.

    A story told in short paragraphs (a brief wire item) has no line long
    enough to be good by jusText's measure, which was made for HTML blocks:
    then any line dense enough in stopwords is."""
    classes = revise([context_free(text, stopwords) for text in units])
    if GOOD not in classes:
        classes = revise([context_free(t, stopwords, LENGTH_LOW) for t in units])
    return classes
