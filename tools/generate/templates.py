"""Templates parsed once, and the random draws that fill their slots."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tools.generate.vocabulary import CAPTIONS, HEADLINES, SENTENCES, SUBHEADS, WEEKDAYS

_SLOT = re.compile(r"\{(\w+)\}")
_ENTITY_KINDS = ("actor", "loc", "mod", "org", "person", "people")


def _choice(rng: random.Random, items: Sequence):
    """``rng.choice`` from one ``random()`` draw: several times cheaper."""
    return items[int(rng.random() * len(items))]


def _randint(rng: random.Random, low: int, high: int) -> int:
    return low + int(rng.random() * (high - low + 1))


# Value slots, each from one random() draw.
_VALUES = {
    "day": lambda rng: WEEKDAYS[int(rng.random() * 7)],
    "n": lambda rng: str(2 + int(rng.random() * 39)),
    "big": lambda rng: f"{1_000 + 50 * int(rng.random() * 1_780):,}",
    "pct": lambda rng: f"{(5 + int(rng.random() * 195)) / 10:.1f}",
    "year": lambda rng: str(1991 + int(rng.random() * 24)),
    "money": lambda rng: f"{2 + int(rng.random() * 89)} billion dollars",
}


@dataclass(frozen=True, eq=False)  # each template is its own: hash by identity
class _Template:
    text: str
    # (literal, slot after it or "", the slot's entity kind or "")
    pieces: tuple[tuple[str, str, str], ...]
    kinds: tuple[str, ...]  # entity slot kinds, in order
    opens_with_slot: bool  # so the first letter must be capitalised


def _template(text: str) -> _Template:
    parts = [*_SLOT.split(text), ""]
    pieces = []
    for literal, slot in zip(parts[::2], parts[1::2], strict=True):
        kind = slot.rstrip("0123456789")
        if slot and kind not in _ENTITY_KINDS and slot not in _VALUES:
            raise ValueError(f"unknown slot {{{slot}}} in template {text!r}")
        pieces.append((literal, slot, kind if kind in _ENTITY_KINDS else ""))
    kinds = tuple(kind for _, _, kind in pieces if kind)
    return _Template(text, tuple(pieces), kinds, text.startswith("{"))


_SENTENCE_TEMPLATES = tuple(_template(t) for t in SENTENCES)
_PLAIN_SENTENCES = tuple(t for t in _SENTENCE_TEMPLATES if not t.kinds)
_HEADLINE_TEMPLATES = tuple(_template(t) for t in HEADLINES)
_SUBHEAD_TEMPLATES = tuple(_template(t) for t in SUBHEADS)
_CAPTION_TEMPLATES = tuple(_template(t) for t in CAPTIONS)
