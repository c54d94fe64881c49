"""Where dates are printed in a line: the regular expressions that locate them.

A language's pattern is built from the month names dateparser knows in it and
in English; beside it are the keywords that say what a date is ("Published",
"Обновлено") and the times printed next to one. They only find *where* a date
is: ``line_dates`` reads it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dateparser.data.languages_info import language_order
from dateparser.languages.loader import default_loader

_SUPPORTED_LANGUAGES = frozenset(language_order)
_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

# Keywords in the languages of the archive's outlets, longest first where one
# starts another. "Date:"-style labels only say a date follows.
_PUBLISHED_WORDS = """
    first published|originally published|date published|publication date|published|
    posted|publicado|publicada|publicación|publicação|publié|publiée|mis en ligne|
    parution|veröffentlicht|erschienen|erstellt|publiziert|pubblicato|pubblicata|
    дата публикации|опубликовано|опубликован|опубликована|опубліковано|
    yayın tarihi|yayınlanma|yayınlandı|yayımlanma|yayımlandı|yayımlanıb|
    data publikacji|opublikowano|publikacja|dərc edilib|dərc olunub
"""
_UPDATED_WORDS = """
    last updated|updated|last modified|modified|edited|revised|actualizado|
    actualizada|actualización|atualizado|atualizada|atualização|mis à jour|
    mise à jour|modifié|modifiée|actualisé|actualisée|zuletzt aktualisiert|
    aktualisiert|geändert|stand|aggiornato|aggiornata|aggiornamento|modificato|
    обновлено|обновлен|обновлена|обновление|изменено|оновлено|змінено|
    son güncelleme|güncelleme|güncellendi|güncellenme|zaktualizowano|aktualizacja|
    zmodyfikowano|yenilənib|yeniləndi|yenilənmə
"""
_LABEL_WORDS = "date|дата|tarih|fecha|datum|data|tarix"


def _alternatives(words: str) -> str:
    return "|".join(
        r"\s+".join(map(re.escape, w.strip().split())) for w in words.split("|")
    )


# No word boundary before a keyword: copies run lines together ("2020Updated").
_KEYWORD = re.compile(
    rf"(?<![^\W\d_])(?:(?P<published>{_alternatives(_PUBLISHED_WORDS)})"
    rf"|(?P<updated>{_alternatives(_UPDATED_WORDS)})"
    rf"|(?P<label>{_LABEL_WORDS}))(?![^\W\d_])",
    re.IGNORECASE,
)
# "… 202010 Nov 2020", "… 2020Updated …": a year run into what follows.
_RUN_TOGETHER = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?=\d{1,2}[\s.:/-]|[^\W\d_])"
    r"|(?<=\S)()(?=(?:Updated|Published|Posted|Last updated|Modified)\b)"
)

_AM_PM = r"(?i:[ap]\.?\s?m\b\.?)"
_TIME = (
    r"(?P<hour>[0-2]?\d)(?:[:.h](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    rf"(?![\d:]|[./]\d)(?:\s*(?P<ampm>{_AM_PM}))?|\s*(?P<ampm2>{_AM_PM}))(?!\w)"
    r"(?:\s*(?P<zone>(?:GMT|UTC)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[+-][01]\d:?[0-5]\d"
    r"|(?:BST|CET|CEST|EET|EEST|WET|WEST|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT"
    r"|CT|IST|AST|TRT|AZT|AMT|GET|JST|KST|HKT|SGT|AEST|AEDT))(?!\w))?"
)
# "10 ноября 2020 г.", "10 listopada 2020 r.", "10 Kasım 2020 yılı"
_YEAR_SUFFIX = re.compile(r"\s*(?:г|гг|r|року|года|yılı)\.?(?![^\W\d_])")
# A time after the date: "…, 21:15 GMT", "… à 18h32", "… - 14:32", "… at 3:45 p.m."
_TIME_AFTER = re.compile(
    r"(?:\s*[,|/·•@–—-])?\s*"
    r"(?:(?i:at|à|a las|a la|às|um|в|saat|o|godz\.?|kl\.?|alle|ore)\s+)?" + _TIME
)
# A time before the date: "12:40 03.03.2021", "Updated 11:17, 11-Nov-2020",
# "Updated 10:34 AM EST, Tue November 10, 2020".
_TIME_BEFORE = re.compile(
    r"(?<![\d:.])" + _TIME + r"\s*[,|/·•–—-]?\s*(?:[^\W\d_]{2,12}\.?,?\s+)?$"
)


def _languages(language: str) -> tuple[str, ...]:
    """The article's language as dateparser knows it, then English."""
    code = (language or "en").strip()
    if code not in _SUPPORTED_LANGUAGES:
        code = code.split("-")[0].split("_")[0].lower()
    if code not in _SUPPORTED_LANGUAGES or code == "en":
        return ("en",)
    return (code, "en")


@dataclass(frozen=True)
class _Grammar:
    """Where dates are in a line, for one language and English."""

    language: str
    dates: re.Pattern[str]
    months: dict[str, str]  # a month name as printed, folded → dateparser's
    date_order: str  # numeric dates' order when the outlet is unknown


def _turkic_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


@functools.lru_cache(maxsize=64)
def _grammar(language: str) -> _Grammar:
    languages = _languages(language)
    months: dict[str, str] = {}
    for code in languages:
        info = default_loader.get_locale(code).info
        for key in _MONTH_KEYS:
            for name in info.get(key, ()):
                name = name.strip().rstrip(".").lower()
                if len(name) >= 3 and re.fullmatch(r"[^\W\d_]+", name):
                    months.setdefault(name, name)
    names = "|".join(map(re.escape, sorted(months, key=len, reverse=True)))
    month = rf"(?<![^\W\d_])(?:{names})(?![^\W\d_])"
    year = r"(?:19|20)\d{2}(?!\d)"
    dates = re.compile(
        # ISO 8601, with its own time and offset.
        r"(?P<iso>(?<!\d)(?:19|20)\d{2}-[01]\d-[0-3]\d"
        r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
        r"(?:Z|[+-][01]\d:?[0-5]\d)?)?)(?!\d)"
        # 2020/11/10, 2020.11.10
        r"|(?P<ymd>(?<!\d)(?:19|20)\d{2}(?P<ysep>[./])[01]?\d(?P=ysep)[0-3]?\d)(?!\d)"
        # 10.11.2020, 10/11/2020, 10-11-20 (a short year with two-digit days only)
        r"|(?P<numeric>(?<![\d.:/])(?:[0-3]?\d(?P<sep>[./-])[0-3]?\d(?P=sep)(?:19|20)\d{2}"
        r"|[0-3]\d(?P<short_sep>[./-])[0-3]\d(?P=short_sep)\d{2}))(?!\d)"
        # 10 November 2020, 10. November 2020, 11-Nov-2020, 10 de noviembre de 2020
        r"|(?P<day_first>(?P<day1>(?<!\d)[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
        rf"(?:\s*-\s*|\s+(?:de\s+)?|(?=[^\W\d_]))(?P<month1>{month})\.?"
        rf"(?:(?:,|\s*-|\s+de)?\s*(?P<year1>{year}))?)"
        # Nov. 10, 2020, MARCH 3, 2021, Nov 10
        rf"|(?P<month_first>(?P<month2>{month})\.?\s*(?P<day2>[0-3]?\d)"
        rf"(?:st|nd|rd|th)?(?!\d)(?:,?\s*(?P<year2>{year}))?)",
        re.IGNORECASE,
    )
    order = default_loader.get_locale(languages[0]).info.get("date_order", "DMY")
    # Month first is the United States' order, known from the outlet, not
    # from the English language.
    if languages[0] == "en" or order not in ("DMY", "MDY", "YMD"):
        order = "DMY"
    return _Grammar(languages[0], dates, months, order)


def _month_name(grammar: _Grammar, printed: str) -> str:
    """The month as dateparser spells it ("KASIM" is Turkish "kasım")."""
    printed = printed.rstrip(".")
    for folded in (printed.lower(), _turkic_lower(printed)):
        if folded in grammar.months:
            return grammar.months[folded]
    return printed
