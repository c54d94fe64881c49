"""Finding entity mentions in article text: one pass, whatever the list size.

Every name, alias and context cue goes into one Aho-Corasick automaton, so a
text is scanned once. Hits are kept when they are whole words, overlapping
hits resolve to the longest ("Nagorno-Karabakh", not "Karabakh"), and the
entity's context rules then drop the false friends (Georgia the US state,
turkey the bird, Jordan the person, Armenia the town in Colombia).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from newsarchive.entities.candidates import NOT_NAMES
from newsarchive.entities.catalogue import Context, EntityList, load_entities

# ALL-CAPS headlines and agency datelines ("MOSCOW, Nov 10") name entities too;
# shorter aliases are left out of the upper-case variants because their
# capitals are usually another word's ("US" the pronoun is "us", not "US").
_UPPER_VARIANT_MIN_LENGTH = 4


@dataclass(frozen=True)
class Mention:
    entity: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Scan:
    mentions: tuple[Mention, ...]
    # Every known alias found, mentions or not: text no candidate may span.
    spans: tuple[tuple[int, int], ...]


def counts(mentions: Iterable[Mention]) -> dict[str, int]:
    """Mentions per entity, most mentioned first (ties by name)."""
    tally = Counter(mention.entity for mention in mentions)
    return dict(sorted(tally.items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True)
class _Form:
    entities: tuple[str, ...] = ()
    is_cue: bool = False
    # The people this is a short form of: their surname, or a first name.
    short_of: tuple[str, ...] = ()


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    # Only a word character on the alias's own edge needs a boundary: "U.S."
    # may be followed by anything ("U.S.-mediated").
    return not (
        (_is_word_char(before) and _is_word_char(text[start]))
        or (_is_word_char(after) and _is_word_char(text[end - 1]))
    )


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+$")


def _another_first_name(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is another person's first
    name: capitalised, and neither a title ("President"), a day, a word that
    opens a sentence (``candidates.NOT_NAMES``) nor a possessive."""
    found = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if found is None:
        return False
    word = found[1]
    if word.endswith(("'s", "’s")):  # "Russia's Putin"
        return False
    return word[:1].isupper() and word.casefold() not in NOT_NAMES


def _cues(context: Context) -> Iterable[str]:
    yield from context.reject_if_article_mentions
    yield from context.accept_if_article_mentions


def _word_after(text: str, end: int) -> str:
    found = re.match(r"\s+([\w.’'-]+)", text[end:])
    return found[1] if found else ""


def rejected_by_neighbours(context: Context, text: str, start: int, end: int) -> bool:
    """Whether the words right around a mention make it part of another name."""
    before = text[:start].rstrip()
    for word in context.reject_if_preceded_by:
        if before.endswith(word) and (
            len(before) == len(word) or not before[-len(word) - 1].isalnum()
        ):
            return True
    following = _word_after(text, end)
    if following and following in context.reject_if_followed_by:
        return True
    return bool(
        context.reject_if_followed_by_capitalised
        and text[end : end + 1] == " "
        and following[:1].isupper()
        and following[1:2].islower()
    )


def _rejected(
    context: Context, text: str, start: int, end: int, cues: set[str]
) -> bool:
    if any(cue in cues for cue in context.reject_if_article_mentions) and not any(
        cue in cues for cue in context.accept_if_article_mentions
    ):
        return True
    return rejected_by_neighbours(context, text, start, end)


class Matcher:
    def __init__(self, entities: EntityList):
        self.entities = entities
        forms: dict[str, _Form] = {}

        def add(form: str, entity: str | None = None, short: bool = False) -> None:
            old = forms.get(form, _Form())
            if entity is None:
                forms[form] = dataclasses.replace(old, is_cue=True)
            elif short and entity not in old.short_of:
                forms[form] = dataclasses.replace(old, short_of=(*old.short_of, entity))
            elif not short and entity not in old.entities:
                forms[form] = dataclasses.replace(old, entities=(*old.entities, entity))

        def add_cased(form: str, entity: str, short: bool = False) -> None:
            add(form, entity, short)
            if len(form) >= _UPPER_VARIANT_MIN_LENGTH and form.upper() != form:
                add(form.upper(), entity, short)

        for entity in entities.entities:
            for form in entity.full_forms:
                add_cased(form, entity.name)
            for form in entity.short_forms:
                add_cased(form, entity.name, short=True)
            for cue in _cues(entity.context):
                add(cue)

        self._automaton = ahocorasick.Automaton()
        for form, meaning in forms.items():
            self._automaton.add_word(form, (form, meaning))
        self._automaton.make_automaton()

    def scan(self, text: str) -> Scan:
        """Every mention in ``text``, in order, after context rules."""
        hits = []
        cues: set[str] = set()
        for last, (form, meaning) in self._automaton.iter(text):
            start, end = last - len(form) + 1, last + 1
            if not _bounded(text, start, end):
                continue
            if meaning.is_cue:
                cues.add(form)
            if meaning.entities or meaning.short_of:
                hits.append((start, end, meaning))

        # Leftmost-longest: "Nagorno-Karabakh" wins over the "Karabakh" in it,
        # while "Iranian-Turkish" yields both of its halves.
        hits.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
        found = []
        spans = []
        covered_to = 0
        named_at: dict[str, int] = {}  # person -> where their full name last was
        for start, end, meaning in hits:
            if start < covered_to:
                continue
            covered_to = end
            spans.append((start, end))
            for name in meaning.entities:
                entity = self.entities.by_name[name]
                if entity.context and _rejected(entity.context, text, start, end, cues):
                    continue
                found.append(Mention(name, start, end, text[start:end]))
                named_at[name] = start
            if meaning.short_of:
                person = self._short_form(text, start, end, meaning.short_of, named_at)
                if person is not None:
                    found.append(Mention(person, start, end, text[start:end]))
        return Scan(tuple(found), tuple(spans))

    def _short_form(
        self,
        text: str,
        start: int,
        end: int,
        people: tuple[str, ...],
        named_at: dict[str, int],
    ) -> str | None:
        """Whom a surname (or first name) alone names, as a news reader would
        take it: the person of that name last named in full above it; else
        the one person it names on its own ("Putin"); else nobody. After
        another first name ("Rashad Aliyev") it is someone else."""
        if _another_first_name(text, start):
            return None
        named = [person for person in people if person in named_at]
        if named:
            return max(named, key=named_at.__getitem__)
        form = text[start:end].casefold()
        by_name = self.entities.by_name
        alone = [
            person
            for person in people
            if form in {short.casefold() for short in by_name[person].alone}
        ]
        return alone[0] if len(alone) == 1 else None

    def mentions(self, text: str) -> tuple[Mention, ...]:
        return self.scan(text).mentions

    def count(self, text: str) -> dict[str, int]:
        return counts(self.mentions(text))


@functools.cache
def default_matcher() -> Matcher:
    return Matcher(load_entities())
