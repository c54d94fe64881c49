"""Which line above the story is its headline.

A copied page puts many short lines above the story: skip links, the
masthead and its slogan, section labels, badges, share buttons, related
headlines, datelines and bylines. The headline is the one that reads as a
headline and is about what the story is about: it shares words with the
lead. A file saved under a slug of one of the lines is evidence too.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from pathlib import PurePath

_WORD = re.compile(r"\w+", re.UNICODE)
_TIME_OR_DATE = re.compile(
    r"^[\W\d_]*$"  # nothing but digits and punctuation
    r"|\b\d{1,2}[:.]\d{2}\b.*\b\d{4}\b|\b\d{4}\b.*\b\d{1,2}:\d{2}\b"
    r"|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
)
_BYLINE = re.compile(r"^(?:by|von|par|por|автор|yazar)\b", re.IGNORECASE)
MIN_WORDS = 3
MAX_WORDS = 30
# Most headlines run to this many words.
HEADLINE_WORDS = (6, 20)
MENU_WORDS = 5
# A line this long is no section label, however few its words.
FULL_LENGTH = 40
LONG_HEADLINE = 20
SENTENCE_WORDS = 12
# How many of the story's first lines stand for its lead.
LEAD_LINES = 5
# Words too common to show that a headline and a lead are about one thing.
_SHORT_WORD = 3


def _fold(text: str) -> str:
    if text.isascii():
        return text.casefold()
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def content_words(text: str, stopwords: frozenset[str]) -> set[str]:
    """The words of ``text`` that say what it is about, cut to a common stem
    (a headline says "deploy", its lead "deployed")."""
    return {
        word[:6]
        for word in _WORD.findall(_fold(text))
        if len(word) > _SHORT_WORD and word not in stopwords and not word.isdigit()
    }


def _slug_words(filename: str | None) -> set[str]:
    if not filename:
        return set()
    stem = PurePath(filename).stem
    return {
        word[:6]
        for word in re.split(r"[-_\s]+", _fold(stem))
        if len(word) > _SHORT_WORD and not word.isdigit()
    }


def _is_menu(words, own, lead, stopwords) -> bool:
    """A menu ("Politics Economy Business World Sport") or a language
    switcher ("ՀԱՅ ENG РУС TÜRK"): capitalised words and nothing that joins
    them into a sentence. A headline in title case has its "of" and "in"."""
    if len(words) < MENU_WORDS:
        return False
    if len({_script(w) for w in words} - {""}) >= 3:
        return True
    capitalised = sum(w[:1].isupper() for w in words)
    if capitalised < len(words) - 1:
        return False
    joined = any(
        (len(w) <= _SHORT_WORD and _fold(w) in stopwords) or not w.isalpha()
        for w in words
    )
    # A title-case headline is about its lead; a menu may share a word.
    shared = len(own & lead)
    if capitalised < len(words):  # "Свежий номер Политика Экономика …"
        return shared == 0 and len(words) > MENU_WORDS
    return shared == 0 or (not joined and shared < 2)


def _script(word: str) -> str:
    """The script of a word's first letter: "LATIN", "CYRILLIC", "ARMENIAN"."""
    letter = next((c for c in word if c.isalpha()), None)
    return unicodedata.name(letter, "").split(" ")[0] if letter else ""


def score(
    text: str,
    lead: set[str],
    slug: set[str],
    stopwords: frozenset[str],
) -> float:
    """How much ``text`` reads as the headline of a story whose lead has the
    content words ``lead``; 0 for a line that is no headline."""
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return 0.0
    if _TIME_OR_DATE.search(text) or _BYLINE.match(text):
        return 0.0
    own = content_words(text, stopwords)
    if not own:
        return 0.0
    if _is_menu(words, own, lead, stopwords):
        return 0.0
    # A headline says something: a section label or kicker ("War in
    # Ukraine") above it is two or three words. Some languages say it in
    # four long ones ("Bundesregierung bezweifelt Lukaschenkos Wahlsieg").
    value = {3: 0.3, 4: 0.6}.get(len(words), 1.0)
    if len(text) >= FULL_LENGTH:
        value = 1.0
    if len(words) > LONG_HEADLINE:
        value *= 0.5  # a lead sentence, more likely
    if text.endswith((".", ",", ":", ";")) and not text.endswith("..."):
        if len(words) > SENTENCE_WORDS:
            return 0.0  # a sentence of the story
        value *= 0.5  # a standfirst or a caption ends a sentence
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.9:
        value *= 0.8  # shouted: a section or a masthead
    # What the story is about.
    value += 0.6 * min(len(own & lead), 4) / 4
    # A file saved under a slug of this line: most of the slug's words are
    # the line's (a slug of the outlet and date names no line).
    if len(slug) >= MIN_WORDS and len(own & slug) / len(slug) >= 0.5:
        value += 1.5
    return value


def choose(
    units: Sequence[str],
    candidates: Sequence[int],
    story: Sequence[int],
    stopwords: frozenset[str],
    filename: str | None = None,
) -> int | None:
    """The index among ``candidates`` of the headline, or None if none reads
    as one. ``story`` are the indices of the story's prose: a candidate's
    lead is the prose that follows it. Ties go to the line nearest the story.
    """
    slug = _slug_words(filename)
    words = functools.cache(lambda line: content_words(units[line], stopwords))
    scores = {}
    for index in candidates:
        following_line = units[index + 1] if index + 1 < len(units) else ""
        if CAPTION.search(units[index]) or _is_credit(following_line):
            continue  # a photo's caption, or the line its credit follows
        after = units[index + 1 : index + 1 + DATELINE_DISTANCE]
        following = [i for i in story if i > index][:LEAD_LINES]
        lead: set[str] = set()
        for line in following:
            lead |= words(line)
        value = score(units[index], lead, slug, stopwords)
        if value > 0 and any(_DATE_OR_BYLINE.search(line) for line in after):
            value += 0.3  # a headline's byline and date follow it
        if value > 0:
            scores[index] = value
    if not scores:
        return None
    for index in list(scores):
        # A standfirst: the longer of two headlines in a row (three or more in
        # a row are a list of other stories; a kicker above is a few words).
        above = units[index - 1]
        if (
            scores.get(index - 1, 0.0) >= 1.0
            and scores.get(index - 2, 0.0) < 1.0
            and (len(above.split()) >= HEADLINE_WORDS[0] or len(above) >= FULL_LENGTH)
            and len(units[index]) > len(above)
        ):
            scores[index] *= STANDFIRST
    # The page prints its headline before the standfirst and captions that
    # say the same: the first line nearly as good as the best.
    best = max(scores.values())
    return next(i for i, value in scores.items() if value >= NEAR_BEST * best)


# How near below its headline a page prints the byline and date (a
# standfirst and an author's name can stand between).
DATELINE_DISTANCE = 4
# A standfirst below its headline says more of what the lead says.
STANDFIRST = 0.7
_CREDIT = re.compile(
    r"^\(?(?:photo|photos|foto|fotos|фото|image|bild|fotoğraf|picture)"
    r"(?: credit)?\s*:\s*[^.:]{1,40}\)?$",
    re.IGNORECASE,
)


def _is_credit(text: str) -> bool:
    """A photo's credit line ("Photo: Reuters", "Фото: AP")."""
    return bool(_CREDIT.match(text))


_DATE_OR_BYLINE = re.compile(
    r"^(?:by|published|updated|posted|from)\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?[./ -]\w{3,9}\.?[./ ,-]+(?:19|20)\d{2}\b"
    r"|\b\w{3,9}\.? \d{1,2},? (?:19|20)\d{2}\b"
    r"|\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
NEAR_BEST = 0.85


# What marks a line as a photo's caption or credit, not a headline.
CAPTION = re.compile(
    r"\[(?:file|handout|photo|pool|reuters|afp|ap|getty|epa|courtesy)\b[^\]]*\]\.?$"
    r"|\((?:[\w.]+ )?(?:photo|photos|foto|fotoğraf|фото)\b[^()]*\)\.?$"
    r"|\bphoto(?:graph)?(?: credit)?\s*:|\bimage (?:source|caption|credit)\b"
    r"|/\s?(?:AP|AFP|Reuters|EPA(?:-EFE)?|Getty Images|TASS|AA|Xinhua|Sputnik)\.?$"
    r"|\b(?:REUTERS|AFP|AP|EPA|GETTY|ANADOLU|AA)\s*/\s*\w+|\b(?:фото|foto)\s*:"
    r"|, (?:left|right|centre|center|second (?:left|right))[,)]",
    re.IGNORECASE,
)
