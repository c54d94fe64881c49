"""The language of an article, and the stopwords of that language.

Prose is told from site furniture by how much of it is stopwords ("the",
"и", "ve", "der"): jusText's finding, with its lists for about 100
languages. The lists are read as plain files from the jusText package; its
HTML pipeline is not used. The language is guessed by py3langid from the
article's longest lines, which are its prose.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

# py3langid's codes -> jusText's list names, for the languages news comes in.
STOPLISTS = {
    "af": "Afrikaans",
    "ar": "Arabic",
    "az": "Azerbaijani",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bs": "Bosnian",
    "ca": "Catalan",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "gl": "Galician",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "is": "Icelandic",
    "it": "Italian",
    "ka": "Georgian",
    "kk": "Kazakh",
    "ko": "Korean",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "ms": "Malay",
    "nl": "Dutch",
    "no": "Norwegian_Bokmal",
    "nb": "Norwegian_Bokmal",
    "nn": "Norwegian_Nynorsk",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sq": "Albanian",
    "sr": "Serbian",
    "sv": "Swedish",
    "sw": "Swahili",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "uz": "Uzbek",
    "vi": "Vietnamese",
}
DEFAULT = "en"
# Enough prose to tell a language; more only costs time.
SAMPLE_CHARS = 400


def _stoplist_folder() -> Path:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("justext is needed for its stopword lists")
    return Path(spec.submodule_search_locations[0]) / "stoplists"


@functools.cache
def stopwords(language: str) -> frozenset[str]:
    """The stopwords of ``language`` (ISO 639-1), lower case; English's if
    jusText has no list for it."""
    name = STOPLISTS.get(language, STOPLISTS[DEFAULT])
    path = _stoplist_folder() / f"{name}.txt"
    if not path.is_file():
        path = _stoplist_folder() / f"{STOPLISTS[DEFAULT]}.txt"
    words = path.read_text(encoding="utf-8").split()
    return frozenset(word.casefold() for word in words)


@functools.cache
def _classify():
    # The model loads on first use (half a second): once per process.
    import py3langid

    return py3langid.classify


def detect(lines: list[str]) -> str:
    """The language of the text whose lines are ``lines`` (ISO 639-1)."""
    sample, size = [], 0
    for line in sorted(lines, key=len, reverse=True):
        sample.append(line)
        size += len(line)
        if size >= SAMPLE_CHARS:
            break
    if not sample:
        return DEFAULT
    # A long paragraph says as much in its first sentences as in all of
    # them, and the model's time grows with the text.
    language, _ = _classify()(" ".join(sample)[:SAMPLE_CHARS])
    return language


def preload() -> None:
    """Load the language model and the common lists, before forking workers."""
    _classify()("preload")
    stopwords(DEFAULT)
