"""Who published an article, from what the page says, with or without an
entry in the outlets data.

In the order of how sure each sign is: an agency's credit in the lead
("MOSCOW (Reuters) -", "ANKARA, March 3. /TASS/.", "— РИА Новости"; a copy
on an aggregator credits the wire, the publisher of record), a "Source:"
line, a copyright line ("© 2021 BBC", "Copyright 2020 The Associated
Press"), the address of the page printed in it. A name found so is then
looked up in the outlets data, so that "AP" is shown as "Associated Press".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from newsarchive.reading.outlets import Outlet, Outlets

_NAME = r"[A-ZА-ЯЁ][\w.&'’ -]{0,38}[\w.]"
# Credits in the lead, each with the agency's name as ``agency``.
_CREDITS = (
    # "MOSCOW, Nov 10 (Reuters) -", "BAKU, 10 November (APA) –", "(AP) —"
    re.compile(rf"^[^()]{{0,80}}\((?P<agency>{_NAME})\)\s*\.?\s*[-–—]"),
    # "ANKARA, March 3. /TASS/."
    re.compile(r"^[^/]{0,80}/(?P<agency>[A-ZА-ЯЁ][\w.-]{1,20})/\s*[.,:]?"),
    # "... сообщили РИА Новости." / "— РИА Новости."
    re.compile(r"[-–—]\s*(?P<agency>РИА Новости|ТАСС|Интерфакс)\.?$"),
    # "Bakú, 11 nov (EFE).-"
    re.compile(rf"^[^()]{{0,80}}\((?P<agency>{_NAME})\)\s*\.-"),
    # "YEREVAN, JANUARY 11, ARMENPRESS.", "BAKU, 10 November. AZERTAC."
    re.compile(
        r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]{1,30},\s*"
        r"(?:[A-ZА-Я]\w+\.?\s+\d{1,2}|\d{1,2}\s+\w+)"
        r"(?:,?\s*\d{4})?[.,]\s*(?P<agency>[A-ZА-ЯЁ][A-ZА-ЯЁ.-]{2,20})\s*[.:—–-]"
    ),
)
_SOURCE_LINE = re.compile(
    rf"^(?:source|quelle|источник|kaynak|fuente|fonte)\s*:\s*(?P<name>{_NAME})\s*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    # A name may be a domain ("Agenda.ge", "NEWS.am"): a dot ends it only
    # when a space or the end follows.
    r"(?P<name>(?:[^.|©]|\.(?=\w))+?)\s*(?:\d{4})?\s*"
    r"(?:\.(?:\s|$)|[,|]|all rights reserved|$)",
    re.IGNORECASE,
)
# Legal forms and phrases around an owner's name.
_COMPANY = re.compile(
    r"\s*,?\s*\b(?:ltd|limited|inc|llc|plc|gmbh|ag|corp|s\.a|pvt|pty|jsc|ojsc"
    r"|or its affiliated companies|and its licensors|all rights reserved)\.?$"
    r"|^(?:ао|оао|зао|ооо|пао|фгуп|jsc|ojsc|llc)\s+",
    re.IGNORECASE,
)
_QUOTES = str.maketrans("", "", '«»"“”„')
_URL_IN_TEXT = re.compile(r"https?://(?:www\.)?(?P<host>[\w.-]+\.[a-z]{2,})", re.I)
# Credits that name no publisher.
_NOT_PUBLISHERS = {
    "photo",
    "video",
    "file",
    "updated",
    "reuters/file",
    "with agencies",
    "agencies",
    "agencias",
    "agences",
    "agenturen",
    "агентства",
    "ajanslar",
}
# Lines of the story after the first where a wire's credit still appears.
LEAD_LINES = 3


def credit(lines: Sequence[str]) -> str | None:
    """The agency a lead credits, as written."""
    for line in lines[:LEAD_LINES]:
        for pattern in _CREDITS:
            found = pattern.search(line)
            if found and found["agency"].casefold() not in _NOT_PUBLISHERS:
                return found["agency"].strip()
    return None


# "Al Jazeera and news agencies", "Daily Sabah with AA": the outlet's part.
_WITH_AGENCIES = re.compile(
    r"\s+(?:and|with|&|и|ve|und|et|y)\s+(?:news\s+)?(?:agencies|wires?|\w{2,5})$",
    re.IGNORECASE,
)


def source_line(units: Sequence[str]) -> str | None:
    for text in units:
        found = _SOURCE_LINE.match(text)
        if found and found["name"].strip().casefold() not in _NOT_PUBLISHERS:
            return _WITH_AGENCIES.sub("", found["name"].strip())
    return None


# A company that owns the title, not the title readers know: "THG Publishing
# Pvt Ltd", "MediaNews Group", "Bennett, Coleman & Co. Ltd.".
_OWNER = re.compile(
    r"\b(?:publishing|publications|group|holdings?|company|corporation|corp"
    r"|communications|enterprises|& co|verlag|verlagsgruppe|ediciones|editora"
    r"|yayıncılık|holding)\b|,\s*\w[\w.&' ]*\b(?:ltd|limited|inc|co)\b",
    re.IGNORECASE,
)


def is_owner(text: str) -> bool:
    """Whether a copyright line names a company rather than a title."""
    return bool(_OWNER.search(text))


def copyright_owner(units: Sequence[str], titles_only: bool = False) -> str | None:
    """The name a copyright line gives; with ``titles_only``, none that is a
    company's (``is_owner``)."""
    for text in reversed(units):
        found = _COPYRIGHT.match(text)
        if found and titles_only and is_owner(text):
            return None
        if found:
            # "© РИА Новости / Photographer": the owner, not the photographer.
            name = found["name"].split(" / ")[0].translate(_QUOTES).strip(" ,.-–")
            for _ in range(3):  # "X Ltd or its affiliated companies"
                name = _COMPANY.sub("", name).strip(" ,.-–")
            name = re.sub(r"\s*\d{4}$", "", name).strip(" ,.-–")
            if len(name) >= 2 and any(c.isalpha() for c in name):
                return name
    return None


def printed_host(units: Sequence[str]) -> str | None:
    """The host of the first address printed in the page (print views,
    "Link to the page: ..." lines)."""
    for text in units:
        found = _URL_IN_TEXT.search(text)
        if found:
            return found["host"].casefold()
    return None


def known(name: str, outlets: Outlets) -> Outlet | None:
    """The outlet that goes by ``name`` (with or without "The")."""
    folded = name.casefold()
    for form in (folded, folded.removeprefix("the "), f"the {folded}"):
        outlet = outlets.named(form)
        if outlet is not None:
            return outlet
    return None


def by_host(host: str, outlets: Outlets) -> Outlet | None:
    url = f"https://{host}/"
    for outlet in outlets.outlets:
        if outlet.serves(url):
            return outlet
    return None


# A masthead is among a page's first lines, and short.
MASTHEAD_LINES = 8
MASTHEAD_WORDS = 6
# What the page's other lines say of a top line (``_evidence``): a masthead
# needs at least this much.
MASTHEAD_EVIDENCE = 2.0
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}$")


# A logo's text, copied with the page: "Reuters logo", "AP Logo".
_LOGO = re.compile(r"^(?P<name>\S.{0,40}?)\s+logo$|^logo\s+(?P<after>\S.{0,40})$", re.I)


def logo(units: Sequence[str]) -> str | None:
    for text in units[:MASTHEAD_LINES]:
        found = _LOGO.match(text)
        if found:
            return (found["name"] or found["after"]).strip()
    return None


def _candidates(units, marks, prose) -> list[int]:
    found = []
    for i in range(min(MASTHEAD_LINES, len(units))):
        text = units[i]
        # The masthead may open the site's menu.
        if marks[i] not in (None, "menu", "publisher-line") or prose[i]:
            continue
        if not 1 <= len(text.split()) <= MASTHEAD_WORDS:
            continue
        if not any(c.isalpha() for c in text):
            continue
        if text.islower() and not _DOMAIN.match(text):  # "share", not "24.kg"
            continue
        found.append(i)
    return found


def _evidence(index, units, marks, prose, stopwords) -> float:
    """How much the page says that its top line ``index`` is its publisher.

    A publisher's name recurs in the page's furniture: its copyright line
    (strongest), credits, appeals and newsletter prompts. A section label
    ("World", "Kazakhstan") recurs in menus and breadcrumbs, which do not
    count, and in the story, which does not either; it is also a common
    word of the language."""
    text = units[index]
    named = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE)
    copyright_named = False
    in_furniture = 0
    for j, other in enumerate(units):
        if j == index or len(other) <= len(text) or not named.search(other):
            continue
        if _COPYRIGHT.match(other) or "©" in other:
            copyright_named = True
        elif (prose[j] and marks[j] is None) or marks[j] in _OTHER_STORIES:
            continue  # the story's own mention, or another story's
        elif len(other.split()) >= _FURNITURE_WORDS and not _NAVIGATION.search(other):
            in_furniture += 1
    value = 3.0 * copyright_named + min(in_furniture, 3)
    words = [word.casefold() for word in re.findall(r"\w+", text)]
    if len(words) == 1 and words[0] in stopwords:
        value -= 1.5  # "World", "Mundo" (but "Le Monde" is a title)
    return value


# A line that names a masthead is a sentence or a phrase ("Support LebTown
# today"), not a menu's item ("BBC News") or a breadcrumb ("Home > Egypt").
_FURNITURE_WORDS = 3
_OTHER_STORIES = {"related-block", "read-more", "menu", "tags-line", "headline-list"}
# The masthead tops the page: the first line that may be one is preferred.
_FIRST = 1.0
# The words newspapers, agencies and broadcasters take their names from.
_TITLE_WORD = re.compile(
    r"\b(?:news|times|post|daily|journal|herald|tribune|gazette|telegraph|press"
    r"|agency|chronicle|observer|standard|express|courier|guardian|independent"
    r"|monitor|dispatch|inquirer|examiner|review|radio|television|broadcasting"
    r"|zeitung|nachrichten|rundschau|allgemeine|anzeiger|kurier|gazete(?:si)?"
    r"|haber(?:ler)?|ajans[ıi]?|diario|periódico|noticias|correio|jornal|folha"
    r"|quotidien|journal|газета|новости|вести|известия|ведомости|агентство"
    r"|новини|правда)\b",
    re.IGNORECASE,
)
_TITLE_WORD_WEIGHT = 1.0


def _name_like(text: str) -> bool:
    """Written as a name: its longer words capitalised ("Los Angeles Daily
    News", "DAILY SABAH"), not a sentence ("Get the news by email")."""
    return all(word[:1].isupper() for word in text.split() if len(word) > 3)


_LONE_WORD_LINES = 1


def _position(index: int, marks) -> int:
    """How many of the page's lines above ``index`` were kept (skip links
    and share buttons aside)."""
    return sum(marks[j] in (None, "publisher-line") for j in range(index))


_NAVIGATION = re.compile(r"\s[>›»/|]\s")


def masthead(
    units: Sequence[str],
    marks: Sequence[str | None],
    prose: Sequence[bool] | None = None,
    stopwords: frozenset[str] = frozenset(),
) -> str | None:
    """The short line at the top of the page that the rest of the page most
    says is its publisher (``_evidence``): "LebTown" ... "LebTown is
    supported by members like you", "© 2024 LebTown"."""
    prose = prose or [False] * len(units)
    best, best_value = None, MASTHEAD_EVIDENCE - 1e-9
    for rank, i in enumerate(_candidates(units, marks, prose)):
        # A lone word below the page's first lines is a section's name
        # ("Politics", "India", "Новости"), not the masthead above them.
        if len(units[i].split()) == 1 and _position(i, marks) > _LONE_WORD_LINES:
            continue
        value = _evidence(i, units, marks, prose, stopwords)
        if _TITLE_WORD.search(units[i]) and _name_like(units[i]):
            value += _TITLE_WORD_WEIGHT
        if rank == 0 and value > 0:
            value += _FIRST
        if value > best_value:
            best, best_value = units[i], value
    return best


def infer(
    units: Sequence[str],
    lead: Sequence[str],
    outlets: Outlets,
    marks: Sequence[str | None] | None = None,
    prose: Sequence[bool] | None = None,
    stopwords: frozenset[str] = frozenset(),
) -> tuple[str | None, str]:
    """The publisher the page names, and how it was found ("" if not).

    A masthead the page names again comes before the copyright line, which
    often names the owning company ("Turkuvaz Haberleşme ve Yayıncılık"),
    not the title readers know."""
    for name, how in (
        (credit(lead), "agency credit"),
        (source_line(units), "Source line"),
        (logo(units), "logo"),
        (masthead(units, marks or [None] * len(units), prose, stopwords), "masthead"),
        (copyright_owner(units, titles_only=True), "copyright line"),
    ):
        if name:
            outlet = known(name, outlets)
            return (outlet.name if outlet else name), how
    host = printed_host(units)
    if host:
        outlet = by_host(host, outlets)
        if outlet:
            return outlet.name, "address in the page"
    return None, ""


def host_of(url: str | None) -> str | None:
    return (urlsplit(url).hostname or "").removeprefix("www.") if url else None
