"""Sentences that name entities as the tagger will count them, and the body
of an article made of them."""

from __future__ import annotations

import logging
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsarchive.entities.catalogue import EntityList
from tools.generate.cast import _Cast, _Ent, _needs_the
from tools.generate.templates import _PLAIN_SENTENCES, _VALUES, _choice, _Template

logger = logging.getLogger(__name__)

MIN_WORDS, MAX_WORDS = 500, 900  # body words: the paragraphs the reader keeps
_AVERAGE_SENTENCE_WORDS = 24


@dataclass
class _Sentence:
    text: str
    names: tuple[str, ...]  # entities mentioned, one per mention


def _tally(counts: dict[str, int], names: Iterable[str]) -> None:
    # A plain dict: Counter.update checks its argument's type on every call.
    for name in names:
        counts[name] = counts.get(name, 0) + 1


class _SentenceWriter:
    """Writes sentences from one random stream, each mention one the tagger counts."""

    def __init__(self, entities: EntityList, seed: int):
        self.rng = random.Random(seed)
        self.cast = _Cast(entities, self.rng)

    def _form(self, entity: _Ent, kind: str, nth: int) -> str:
        rng = self.rng
        forms = entity.forms[kind]
        if entity.type == "person" and nth > 0 and entity.short and rng.random() < 0.6:
            return _choice(rng, entity.short)
        if kind in ("people", "mod"):
            return _choice(rng, forms)
        alias_share = 0.35 if kind == "org" else 0.2 if nth else 0.1
        if len(forms) > 1 and rng.random() < alias_share:
            return _choice(rng, forms[1:])
        return forms[0]

    def render(
        self,
        template: _Template,
        cast: Sequence[_Ent],
        nth: dict[str, int],
        cues: Sequence[re.Pattern[str]],
        headline: bool = False,
    ) -> _Sentence | None:
        """``template`` with ``cast`` in its entity slots, or None if unsafe."""
        rng = self.rng
        parts: list[str] = []
        spans: list[tuple[_Ent, int, int]] = []
        position, entities = 0, iter(cast)
        for literal, slot, kind in template.pieces:
            parts.append(literal)
            position += len(literal)
            if not kind:
                if slot:
                    value = _VALUES[slot](rng)
                    parts.append(value)
                    position += len(value)
                continue
            entity = next(entities)
            if headline and entity.alone:
                # Headlines name people by surname, when it names them alone.
                form = entity.alone[0]
            else:
                form = self._form(entity, kind, nth.get(entity.name, 0))
            if kind in ("actor", "loc") and _needs_the(form):
                parts.append("the ")
                position += 4
            parts.append(form)
            spans.append((entity, position, position + len(form)))
            position += len(form)
        text = "".join(parts)
        if template.opens_with_slot:
            text = text[:1].upper() + text[1:]
        safe = self.cast.safe
        for entity, start, end in spans:
            if not safe(entity, text, start, end):
                return None
        for cue in cues:
            if cue.search(text):
                return None
        return _Sentence(text, tuple(entity.name for entity, _, _ in spans))

    def _fill(
        self, template: _Template, head: _Ent | None, others: Sequence[_Ent]
    ) -> list[_Ent] | None:
        """Entities for the template's slots, ``head`` in the first it fits."""
        cast: list[_Ent] = []
        placed = head is None
        for kind in template.kinds:
            if not placed and kind in head.kinds:
                cast.append(head)
                placed = True
                continue
            fitting = [
                e for e in others if kind in e.kinds and e not in cast and e is not head
            ]
            if not fitting:
                return None
            cast.append(_choice(self.rng, fitting))
        return cast if placed else None

    def _entity_sentence(
        self, pending: list[_Ent], nth, cues, used: set[_Template]
    ) -> _Sentence | None:
        head = pending[0]
        templates = self.cast.templates[head.name]
        for attempt in range(8):
            template = _choice(self.rng, templates)
            if template in used and attempt < 4:
                continue  # one the article has not used yet, if it comes
            if len(template.kinds) == 1:
                cast = [head]
            else:
                cast = self._fill(template, head, pending[1:])
            if cast is None:
                continue
            sentence = self.render(template, cast, nth, cues)
            if sentence is not None:
                used.add(template)
                return sentence
        return None

    def _body(
        self,
        entities: list[_Ent],
        counts: dict[str, int],
        reused: list[_Sentence],
        words: int,
        budget: int,
        cues,
    ) -> list[_Sentence]:
        """Fresh sentences around ``reused`` ones, mentioning each entity as counted."""
        rng = self.rng
        left = dict(counts)
        kept = []
        for sentence in reused:
            if all(left.get(n, 0) > 0 for n in sentence.names):
                for n in sentence.names:
                    left[n] -= 1
                kept.append(sentence)
                words += len(sentence.text.split())
        # First mentions of the main entities lead; the rest fall anywhere.
        pending = [e for e in entities[:2] if left[e.name] > 0]
        rest = [e for e in entities for _ in range(left[e.name] - (e in pending))]
        rng.shuffle(rest)
        pending += rest

        nth: dict[str, int] = {}
        seen = {s.text for s in kept}
        fresh: list[_Sentence] = []
        # Plain sentences are dealt like cards: a template comes back only
        # once all the others have been used.
        deck: list[_Template] = []
        used: set[_Template] = set()  # entity templates, dealt the same way
        for _ in range(400):
            estimate = max(1.0, (budget - words) / _AVERAGE_SENTENCE_WORDS)
            if pending and (
                len(pending) >= estimate or rng.random() < len(pending) / estimate
            ):
                sentence = self._entity_sentence(pending, nth, cues, used)
            else:
                if not deck:
                    deck = list(_PLAIN_SENTENCES)
                # Draw without replacement: move the pick to the end, pop it.
                pick = int(rng.random() * len(deck))
                deck[pick], deck[-1] = deck[-1], deck[pick]
                sentence = self.render(deck.pop(), (), nth, cues)
            if sentence is None or sentence.text in seen:
                continue
            # Sentences are single-spaced: words are spaces plus one.
            length = sentence.text.count(" ") + 1
            # Past the budget only to fit mentions still owed, and never past
            # the maximum.
            owed = pending and words + length <= MAX_WORDS - 5
            if words + length > budget and not owed:
                if words >= MIN_WORDS + 5:
                    break
                continue
            for name in sentence.names:
                nth[name] = nth.get(name, 0) + 1
                pending.remove(self.cast.by_name[name])
            seen.add(sentence.text)
            fresh.append(sentence)
            words += length
        if pending:
            logger.debug("dropped %d mentions that did not fit", len(pending))
        if not kept:
            return fresh
        # Interleave, keeping the order of each.
        merged, i, j = [], 0, 0
        while i < len(kept) or j < len(fresh):
            take_kept = j == len(fresh) or (
                i < len(kept)
                and rng.random() < (len(kept) - i) / (len(kept) - i + len(fresh) - j)
            )
            if take_kept:
                merged.append(kept[i])
                i += 1
            else:
                merged.append(fresh[j])
                j += 1
        return merged

    def _extra(self, templates, cast_pool, cues, taken: set[str]) -> _Sentence | None:
        """A caption or subhead, naming an entity when one fits."""
        for _ in range(8):
            template = _choice(self.rng, templates)
            cast = self._fill(template, None, cast_pool)
            if cast is None:
                continue
            # A caption may stand above the story's first mention of a
            # person, where a surname alone would name nobody: the full name.
            nth = {e.name: 0 if e.type == "person" else 1 for e in cast}
            made = self.render(template, cast, nth, cues)
            if made is not None and made.text not in taken:
                taken.add(made.text)
                return made
        return None
