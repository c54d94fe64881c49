"""Names in an article that the entity list does not know yet.

A maintainer reads these to decide what to add to ``entities.toml``. Only
runs of two or more capitalised words count ("Olga Oliker", "International
Crisis Group"): single capitalised words are mostly sentence starts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_NAME_WORD = r"[A-Z][\w’'.-]*[a-z][\w’'-]*"
_CONNECTOR = r"(?:of|the|for|and|de|da|di|al|el|bin|ibn|von|van|der|du|la)"
_NAME_RUN = re.compile(
    rf"(?<![\w’']){_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{_NAME_WORD})+"
)

# Words that start sentences or are job titles: a run made only of these,
# or starting or ending with them, is not a name by itself.
NOT_NAMES = frozenset(
    """
    a an and at after as before but by during for from he her his however
    if in it its many meanwhile more most of on once our she since some
    that the their them then there these they this those though to under
    until we when where while with yet also all any both each even few
    former president prime minister foreign defense defence deputy
    spokesman spokeswoman spokesperson leader chief secretary general
    minister's monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october
    november december
    yesterday today tonight earlier later now still so thus instead indeed
    mr mrs ms dr gen lt col colonel general king queen sheikh chancellor
    senator sen rep governor mayor ambassador envoy speaker commander premier
    pm vice ex ayatollah emir crown prince
    """.split()
)


def _trim(words: list[str]) -> list[str]:
    while words and words[0].casefold() in NOT_NAMES:
        words = words[1:]
    while words and (words[-1].casefold() in NOT_NAMES or words[-1] in ("of", "the")):
        words = words[:-1]
    return words


def candidates(text: str, known: Iterable[tuple[int, int]]) -> Counter[str]:
    """Capitalised names in ``text`` outside the ``known`` alias spans."""
    # Blank out known aliases so a run never spans one ("Nikol Pashinyan").
    chars = list(text)
    for start, end in known:
        chars[start:end] = "|" * (end - start)
    found: Counter[str] = Counter()
    for line in "".join(chars).split("\n"):
        for run in _NAME_RUN.finditer(line):
            words = _trim(run[0].split())
            if len(words) >= 2:
                found[" ".join(words).rstrip(".’'")] += 1
    return found
