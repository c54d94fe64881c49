"""Realistic, deterministic test archives: raw article files as sites print them.

``generate_articles(n, seed)`` yields ``(relative path, file text)`` pairs in
the archive's input format: a ``Key: value`` header, a blank line, then the
page text with its headline, datelines, bylines and the boilerplate of several
outlets around a body of news sentences. ``write_archive`` writes them out;
``python -m tools.generate --n 100 --out DIR`` does so from a shell.

Everything comes from one ``random.Random(seed)`` and fixed tables, so the same
seed gives the same bytes on any machine. The text is built to be read back
exactly: every boilerplate line is one the reader's rules remove, every entity
mention is one the tagger counts (no context rule tripped, no longer alias
formed by the words around it), and no capitalised multi-word name appears
that is not an entity. ``generate_drafts`` also returns what the reader should
find, for tests.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import functools
import logging
import math
import random
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsarchive.entities.catalogue import Context, Entity, EntityList, load_entities
from newsarchive.entities.matcher import rejected_by_neighbours

logger = logging.getLogger(__name__)

FIRST_DAY = datetime.date(2015, 1, 1)
LAST_DAY = datetime.date(2024, 12, 31)
MIN_WORDS, MAX_WORDS = 500, 900  # body words: the paragraphs the reader keeps
RETELLING_SHARE = 0.1  # articles retelling an earlier event for another outlet
_EVENT_WINDOW = 100  # retellings pick among this many recent events
_AVERAGE_SENTENCE_WORDS = 24
_PARAGRAPH_SIZES = (1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4)  # sentences per paragraph
# Zipf–Mandelbrot popularity, weight 1 / (rank + 2) ** 1.5: a few entities in
# most articles, most in a few. Written with sqrt (correctly rounded, unlike
# pow) so that the weights are the same bits on every platform.
_RANK_OFFSET = 2

# fmt: off
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
WEEKDAYS = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)
# fmt: on


# --- Publishers ---------------------------------------------------------------


@dataclass(frozen=True)
class Publisher:
    name: str
    domain: str
    offset: str  # UTC offset of its local time, as in an ISO 8601 date
    datelines: tuple[str, ...]  # styles of dateline it prints (see _dateline)
    credits: tuple[str, ...]  # photo credits; empty: captions printed twice bare
    kits: tuple[str, ...]  # boilerplate families wrapped around its stories
    wire: str = ""  # agency tag of its "CITY, Nov 10 (Reuters) -" datelines
    line: str = ""  # how it names itself on a line of its own
    weight: int = 2  # relative share of the archive


# One outlet a row: name | domain | UTC offset | dateline styles (see
# _dateline) | photo credits (none: captions printed twice, bare) | boilerplate
# kits (see _Writer._page) | wire agency tag | self-naming line | weight.
# The first ten are in data/outlets.toml, and use its outlet-only rules; the
# rest are invented, known to the reader only from the Source header.
_PUBLISHER_TABLE = """
The Moscow Times | themoscowtimes.com | +03:00 | numeric-dmy bare-dmy | AP AFP |
  mt-support newsletter share mt-message | | | 3
CGTN | news.cgtn.com | +08:00 | updated-cgtn | AP Reuters CFP |
  video agency copyright share | | CGTN | 3
Reuters | www.reuters.com | +00:00 | published-gmt bare-mdy | Reuters |
  share reuters-standards related | Reuters | | 5
Associated Press | apnews.com | -05:00 | posted-est bare-mdy | AP |
  share copyright related | AP | AP | 5
Agence France-Presse | www.afp.com | +00:00 | bare-dmy | AFP |
  copyright share | AFP | AFP | 3
Al Jazeera | www.aljazeera.com | +03:00 | published-on | Reuters AP AFP |
  share video aj-keep-reading | | | 4
BBC News | www.bbc.com | +00:00 | bare-dmy | |
  share readmore related | | BBC | 4
The Guardian | www.theguardian.com | +00:00 | published-colon-gmt | Reuters AFP |
  share newsletter donation related | | | 4
Eurasianet | eurasianet.org | -05:00 | bare-mdy last-updated | |
  donation newsletter copyright | | | 2
Azatutyun | www.azatutyun.am | +04:00 | bare-dmy numeric-dmy | AP |
  share copyright related | | | 2
The Caspian Herald | caspianherald.example | +04:00 | iso | AFP |
  share newsletter donation readmore copyright | | | 2
Northern Ledger | northernledger.example | +01:00 | last-updated bare-dmy | |
  share newsletter related | | | 2
Daily Meridian | dailymeridian.example | +00:00 | published-gmt | Reuters |
  share newsletter donation readmore copyright | | | 3
The Harbour Post | harbourpost.example | +08:00 | numeric-mdy | AP |
  share video agency copyright | | | 2
Evening Courier | eveningcourier.example | -05:00 | posted-est | |
  donation readmore related | | | 2
Continental Wire | continentalwire.example | +00:00 | bare-mdy | |
  copyright | CW | | 3
The Steppe Observer | steppeobserver.example | +06:00 | iso bare-dmy | AFP Reuters |
  newsletter donation share | | | 2
Pacific Dispatch | pacificdispatch.example | +10:00 | bare-dmy | AP |
  video share related | | | 2
The Civic Tribune | civictribune.example | -05:00 | numeric-mdy | |
  readmore copyright newsletter | | | 2
Riverside Gazette | riversidegazette.example | +01:00 | last-updated | EPA |
  share donation | | | 1
Global Affairs Weekly | globalaffairsweekly.example | +00:00 | published-colon-gmt |
  Reuters | newsletter related readmore | | | 1
Highland Chronicle | highlandchronicle.example | +00:00 | bare-mdy | |
  share agency copyright | | | 1
The Frontier Times | frontiertimes.example | +05:00 | updated-cgtn | AFP |
  video agency share newsletter | | | 2
Morning Standard Online | morningstandard.example | +03:00 | numeric-mdy iso | AP |
  share newsletter donation readmore copyright | | | 2
"""


def _publishers(table: str) -> tuple[Publisher, ...]:
    rows = re.split(r"\n(?! )", table.strip())
    publishers = []
    for row in rows:
        name, domain, offset, datelines, credits, kits, wire, line, weight = (
            cell.strip() for cell in " ".join(row.split()).split("|")
        )
        publishers.append(
            Publisher(
                name,
                domain,
                offset,
                tuple(datelines.split()),
                tuple(credits.split()),
                tuple(kits.split()),
                wire,
                line,
                int(weight),
            )
        )
    return tuple(publishers)


PUBLISHERS = _publishers(_PUBLISHER_TABLE)
_PUBLISHER_WEIGHTS = tuple(
    sum(p.weight for p in PUBLISHERS[: i + 1]) for i in range(len(PUBLISHERS))
)


# --- What the sites wrap around a story ----------------------------------------
# Every line here must be one the reader removes: the generic rules in
# boilerplate.py, or the outlet's own rules in data/outlets.toml.

_SHARE = (
    "Share",
    "Share this article",
    "Facebook Twitter Email",
    "Share | Tweet | Email",
    "Copy link",
    "WhatsApp Facebook Twitter Telegram",
    "Tweet Share Save",
)
_NEWSLETTERS = (
    (
        "Sign up for our free weekly newsletter",
        "Our weekly newsletter contains a hand-picked selection of news, features "
        "and analysis.",
        "Subscribers agree to the Privacy Policy",
    ),
    (
        "Sign up to our daily briefing newsletter",
        "By signing up, you agree to our privacy policy and terms of use.",
    ),
    ("Subscribe to our newsletter",),
    ("Get our newsletter", "Subscribe now"),
)
_DONATIONS = (
    ("Support {outlet}!",),
    ("Support our journalism", "Make a contribution", "Remind me later."),
    ("Donate now",),
    ("Become a supporter", "Not ready to support today?", "Remind me later."),
)
_AGENCY_CREDITS = (
    "(With inputs from agencies)",
    "(With input from Reuters)",
    "With inputs from AFP and AP.",
)
_READ_MORE = (
    "Read more: {title}",
    "Also read: {title}",
    "See also: {title}",
    "Watch: {title}",
)
_RELATED = (
    "Related topics",
    "More on this story",
    "You may also like",
    "Most read",
    "Trending now",
    "Recommended for you",
)
_RELATED_TOPICS = ("Politics", "World", "Economy", "Diplomacy", "Conflict")
_COPYRIGHTS = (
    "© {year} {outlet}",
    "Copyright {year} {outlet}. All rights reserved.",
    "(c) {year} {outlet}",
    "Copyright © {year} {outlet}",
)
_MOSCOW_TIMES_MESSAGE = (
    "A Message from The Moscow Times:",
    "Dear readers,",
    "Independent journalism is under pressure, and we need your help to keep "
    "reporting.",
    "Your support, no matter how small, makes a world of difference.",
    "Once\nMonthly\nAnnual\nContinue",
    "Not ready to support today?\nRemind me later.",
)
_REUTERS_STANDARDS = "Our Standards: The Thomson Reuters Trust Principles."
# Wire datelines need a city; these stand in when the story names no place
# entity (any that is an entity is dropped when the generator starts).
_WIRE_CITIES = ("GENEVA", "BRUSSELS", "VIENNA", "NAIROBI", "OSLO")


# --- Sentence vocabulary --------------------------------------------------------
# Slots: {actor} a country or person as subject, {loc} a country or place,
# {mod} a country as modifier ("Turkish officials"), {org} an organisation as
# modifier, {person} a person, {people} a country's people ("Afghans"); a
# trailing digit names a second entity. Value slots: {day} {n} {big} {pct}
# {year} {money}. Only the first word is capitalised, so that no run of
# capitalised words can read as a name the entity list lacks, and no words
# appear that a context rule looks for ("roast", "Atlanta", a "Delta" after
# "Niger").

SENTENCES = (
    # No entity: filler between mentions.
    "The talks are expected to resume early next week, according to two officials "
    "familiar with the matter who spoke on condition of anonymity.",
    "Analysts said the agreement left several key questions unanswered, including "
    "who would pay for reconstruction and how the new arrangements would be "
    "enforced.",
    "Prices for fuel and bread have risen by {pct} percent since the start of the "
    "year, squeezing household budgets that were already stretched by years of "
    "slow growth.",
    "At least {n} people were killed and dozens more were injured, local health "
    "officials said on {day}, adding that the toll was likely to rise.",
    "The government has denied the allegations, calling the reports politically "
    "motivated and saying that it would publish its own account of the events.",
    "Opposition leaders called for a protest on {day} and demanded an independent "
    "investigation into the handling of the crisis by the security services.",
    "The ministry said in a statement that it would not comment on operational "
    "details while the situation on the ground remained unclear.",
    "Rights groups have repeatedly warned that civilians are paying the highest "
    "price for the conflict, with hospitals and schools damaged in the fighting.",
    "Some {big} people have been forced to leave their homes since the fighting "
    "began, according to aid agencies working in the area.",
    "Officials said the new measures would remain in place for at least {n} days "
    "and could be extended if the situation did not improve.",
    "Residents described long queues at petrol stations and shops running low on "
    "basic goods as the disruption entered its second week.",
    "The central bank raised its key interest rate to {pct} percent on {day} in an "
    "effort to slow inflation and support the weakening currency.",
    "Lawmakers are expected to vote on the bill before the end of the month, "
    "although several members of the ruling coalition have said they may abstain.",
    "Critics say the plan does little to address the root causes of the crisis and "
    "warn that the same problems will return within a few years.",
    "The agreement will be reviewed after {n} months, a senior diplomat said, "
    "speaking to reporters after the signing ceremony.",
    "Turnout was estimated at {pct} percent, lower than in the previous election, "
    "as many voters stayed at home amid calls for a boycott.",
    "It was not immediately clear how many people had been detained, and officials "
    "did not respond to requests for comment on {day}.",
    "Negotiators worked through the night to finalise the text of the deal, which "
    "runs to {n} pages and sets out a timetable for the next steps.",
    "Several roads remained closed on {day} as crews cleared debris from the "
    "overnight storm and restored power to thousands of homes.",
    '"We are ready to talk, but we will not accept ultimatums," a senior official '
    "told reporters, adding that the next round would depend on the other side.",
    '"This is a difficult day for all of us," one resident said by telephone, '
    "describing streets that had emptied within hours.",
    "The deal is worth an estimated {money}, according to people familiar with the "
    "negotiations, making it one of the largest of its kind in the region.",
    "Economists expect growth to slow to around {pct} percent next year as demand "
    "weakens and the cost of borrowing continues to rise.",
    "A spokesperson for the ministry declined to comment when contacted on {day}, "
    "saying that a full statement would be issued in due course.",
    "Rescue teams were still searching for survivors late on {day}, working by "
    "floodlight as temperatures dropped below freezing.",
    "The vote was postponed twice last year amid disputes over the voter rolls and "
    "the funding of the electoral commission.",
    "Both sides have accused each other of violating earlier ceasefires, and "
    "neither has allowed independent monitors full access to the front line.",
    "More than {n} international observers are expected to monitor the process, "
    "which has been criticised by some as rushed.",
    "The measures come after weeks of pressure from business groups, who say the "
    "uncertainty has already cost them {money} in lost orders.",
    "Hospitals in the area said they had treated {n} people for injuries, most of "
    "them minor, and appealed for blood donations.",
    # One entity.
    "{actor} said on {day} that talks could resume within weeks, provided that "
    "the ceasefire held and prisoners were exchanged as agreed.",
    "{actor} has repeatedly denied any involvement in the attacks and has called "
    "for an independent investigation into who was responsible.",
    "{actor} called for calm and urged all sides to return to the negotiating "
    "table, warning that further violence would only deepen the crisis.",
    "In a televised address, {actor} described the agreement as painful but "
    "necessary, and promised that those affected would be compensated.",
    "Speaking to reporters on {day}, {actor} said the situation remained tense but "
    "under control, and that more troops would not be needed.",
    "{actor} welcomed the decision, saying that more work was needed to rebuild "
    "trust between the two sides after years of broken promises.",
    "The statement came hours after {actor} rejected calls for an international "
    "inquiry, describing them as interference in domestic affairs.",
    "{actor} warned that further sanctions would follow if the fighting did not "
    "stop, and said that all options remained on the table.",
    '"We will defend our interests," {actor} said in a statement released on '
    "{day}, without giving further details.",
    "Thousands of people took to the streets in {loc} on {day} to protest against "
    "the decision, blocking traffic in the city centre for several hours.",
    "Fighting in {loc} has killed at least {n} people since the start of the month, "
    "according to figures compiled by local officials.",
    "The meeting in {loc} was the first of its kind in {n} years and was seen by "
    "diplomats as a test of whether the thaw would last.",
    "Local media in {loc} reported long queues at border crossings as people tried "
    "to leave before the new rules took effect.",
    "Aid deliveries to {loc} have been delayed by bad weather and damaged roads, "
    "and relief agencies say supplies of medicine are running low.",
    "Prices in {loc} rose by {pct} percent last year, the fastest pace in a decade, "
    "driven by higher costs for energy and food.",
    "Elections in {loc} are due to be held within {n} months, although no date has "
    "yet been set by the electoral authorities.",
    "Security was tightened across {loc} ahead of the vote, with checkpoints set up "
    "on the main roads into the capital.",
    "Exports from {loc} fell by {pct} percent in the first quarter, according to "
    "official data published on {day}.",
    "{mod} officials said the talks had been constructive and would continue at "
    "the level of experts in the coming weeks.",
    "{mod} troops were sent to the area on {day}, according to a statement that "
    "gave no indication of how long they would stay.",
    "The {mod} delegation arrived on {day} for two days of talks expected to focus "
    "on trade, energy and the reopening of transport links.",
    "{mod} state media reported that {n} people had been detained overnight, but "
    "gave no details of the charges against them.",
    "The {mod} foreign ministry summoned the ambassador on {day} to protest against "
    "what it called a serious breach of earlier commitments.",
    "{mod} diplomats have spent months trying to broker a compromise, shuttling "
    "between the two capitals with a series of proposals.",
    "{org} officials said they were monitoring the situation closely and were in "
    "contact with all parties to the conflict.",
    "A statement issued by {org} officials called on all parties to respect the "
    "ceasefire and to allow aid to reach civilians.",
    "{org} representatives are due to visit the area next week to assess the needs "
    "of those displaced by the fighting.",
    "{org} observers said they had seen no evidence of large troop movements along "
    "the line of contact in recent days.",
    '"The door to dialogue remains open," {org} officials said in a statement, '
    "urging both governments to show restraint.",
    "{person}, who has been in office since {year}, said the decision was final "
    "and would not be reversed under pressure.",
    "{person} is expected to travel to the region later this month, aides said, "
    "in what would be the first such visit in years.",
    "In a post on social media, {person} thanked volunteers and medical workers "
    "and promised more help for the families affected.",
    "Many {people} fear that the agreement will not last, according to a recent "
    "survey that found deep distrust of the political class.",
    "Thousands of {people} have signed a petition calling for new elections and "
    "for the resignation of senior officials.",
    # Two or three entities.
    "{actor} and {actor2} agreed on {day} to set up a joint working group that will "
    "report back within {n} weeks.",
    "Talks between {actor} and {actor2} broke down last month over the question of "
    "border crossings and the return of displaced people.",
    "{actor} accused {actor2} of violating the terms of the ceasefire, an accusation "
    "that was quickly denied.",
    "{actor} spoke with {actor2} by phone on {day}, according to a readout of the "
    "call that described the conversation as frank.",
    "Trade between {loc} and {loc2} grew by {pct} percent last year, despite the "
    "political tensions between the two governments.",
    "The border between {loc} and {loc2} has been closed since {year}, cutting off "
    "families and traders on both sides.",
    "{mod} troops will remain in {loc} for at least {n} years under the deal, with "
    "an option to extend their mission.",
    "{org} officials said they would send monitors to {loc} within days, once "
    "security guarantees had been agreed.",
    "Flights between {loc} and {loc2} resumed on {day} after a pause of {n} weeks, "
    "with airlines reporting strong demand.",
    "{mod} officials accused {actor} of stalling the talks in the hope of winning "
    "better terms later in the year.",
    "{mod} and {mod2} officials met in {loc} on {day} but failed to agree on a "
    "timetable for the withdrawal of forces.",
)
HEADLINES = (
    "{actor} signals readiness to resume talks",
    "{actor} rejects calls for an international inquiry",
    "{actor} warns of further sanctions as tensions rise",
    "{person} vows to press ahead with reforms",
    "Protests spread in {loc} as prices climb",
    "Thousands rally in {loc} against new security law",
    "At least {n} killed in clashes in {loc}",
    "Aid convoys reach {loc} after weeks of delays",
    "Polls open in {loc} amid calls for calm",
    "{mod} troops to stay in the region for {n} more years",
    "{mod} officials say talks were constructive",
    "{org} calls for restraint after weekend clashes",
    "{org} observers report calm along the front line",
    "{actor} and {actor2} agree to resume talks",
    "{actor} accuses {actor2} of breaking truce",
    "{mod} troops head to {loc} after peace deal",
    "Trade between {loc} and {loc2} rebounds",
    "{org} to send monitors to {loc}",
)
SUBHEADS = (
    "A fragile truce",
    "What comes next",
    "Economic fallout",
    "'A difficult day'",
    "Calls for restraint",
    "Questions over funding",
    "Years of tension",
    "A shift in tone",
    "Humanitarian concerns",
    "Markets react",
    "Mixed reaction at home",
    "The road ahead",
    "Deep divisions",
    "'We are tired'",
    "Reaction in {loc}",
    "Pressure on {actor}",
    "{mod} concerns",
)
CAPTIONS = (
    "Police officers stand guard outside the parliament building in {loc} on {day}.",
    "{mod} soldiers patrol a street in {loc} on {day}.",
    "People queue outside a bank in {loc} on {day}.",
    "Demonstrators wave flags during a rally in {loc} on {day}.",
    "{person} speaks during a news conference on {day}.",
    "Smoke rises over the outskirts of {loc} on {day}.",
    "Delegates arrive for talks on {day}.",
    "Rescue workers search through rubble on {day}.",
    "{org} monitors inspect a checkpoint on {day}.",
)
# fmt: off
_FIRST_NAMES = (
    "Anna", "Mark", "Lena", "Tomas", "Sara", "David", "Irina", "Paul", "Nadia",
    "Oliver", "Maria", "Kenji", "Ruth", "Felix", "Elena", "Omar",
)
_LAST_NAMES = (
    "Petrova", "Ellis", "Hartmann", "Novak", "Lindqvist", "Okafor", "Brennan",
    "Sato", "Kowalski", "Moreau", "Haddad", "Whitfield", "Castillo", "Nakamura",
    "Fischer", "Duarte",
)
# fmt: on
_SECTIONS = ("world", "news", "politics", "europe", "asia", "business")

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


# --- Entities as the generator writes them --------------------------------------


# fmt: off
_DEMONYM_ENDINGS = (
    "ese", "ish", "ian", "ean", "an", "i", "ic", "ch", "x", "ois", "be",
)
_OFFICIAL_WORDS = frozenset((
    "of", "Republic", "Kingdom", "Federation", "Principality", "Commonwealth",
    "State", "Union", "Region", "Special",
))
_THE_FIRST = frozenset((
    "Republic", "Democratic", "Isle", "Commonwealth", "Union", "Kingdom",
))
_THE_LAST = frozenset((
    "Islands", "Republic", "States", "Kingdom", "Emirates", "Territories",
    "Territory", "Caucasus", "corridor", "Corridor", "Bahamas", "Netherlands",
    "Philippines", "Maldives", "Seychelles", "Gambia", "Comoros",
))
# fmt: on
_ABBREVIATION = re.compile(r"[A-Z][A-Z.]+")


def _is_latin(text: str) -> bool:
    """Written in the Latin script: the archive's text is English."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


@functools.cache
def _needs_the(form: str) -> bool:
    """'the United States', 'the Bahamas', 'the US'; never 'the Turkey'."""
    words = form.split()
    return (
        words[-1] in _THE_LAST
        or words[0] in _THE_FIRST
        or bool(_ABBREVIATION.fullmatch(form))
    )


def _alias_role(name: str, alias: str, aliases: Sequence[str]) -> str | None:
    """How a country's alias can be written: None when it is best left out."""
    words = alias.split()
    if not _is_latin(alias) or _OFFICIAL_WORDS.intersection(words):
        return None  # Cyrillic spellings, "Republic of Albania"
    if alias.endswith(("man", "men", "woman", "women")):
        return None  # "Frenchman" fits none of the slots
    if alias.endswith("s") and (
        alias[:-1] in aliases or (len(words) == 1 and not name.endswith("s"))
    ):
        return "people"  # "Afghans", "Turks"
    if f"{alias}s" in aliases or alias.endswith(_DEMONYM_ENDINGS):
        return "adjective"  # "Afghan", "Turkish"
    return "variant"  # "Türkiye", "US", "DR Congo"


def _cue_pattern(cues: Iterable[str]) -> re.Pattern[str] | None:
    """Whole-word search for cues, as the matcher bounds them."""
    parts = []
    for cue in cues:
        before = r"(?<!\w)" if re.match(r"\w", cue) else ""
        after = r"(?!\w)" if re.search(r"\w$", cue) else ""
        parts.append(f"{before}{re.escape(cue)}{after}")
    return re.compile("|".join(parts)) if parts else None


@dataclass(eq=False)
class _Ent:
    name: str
    type: str
    kinds: tuple[str, ...]
    forms: dict[str, tuple[str, ...]]  # slot kind -> forms (name first, but "mod")
    short: tuple[str, ...]  # later mentions of a person: "Putin"
    context: Context | None  # None when the entity has no context rules
    cues: re.Pattern[str] | None  # reject_if_article_mentions
    surface: str  # every form it may be written in, one per line


def _prepare(entity: Entity) -> _Ent:
    name, latin = entity.name, [a for a in entity.aliases if _is_latin(a)]
    forms: dict[str, tuple[str, ...]] = {}
    short: tuple[str, ...] = ()
    if entity.type == "country":
        roles = {a: _alias_role(name, a, entity.aliases) for a in entity.aliases}
        variants = tuple(a for a, r in roles.items() if r == "variant")
        forms["actor"] = forms["loc"] = (name, *variants)
        # "Turkish officials", "US officials"; "Turkey officials" only when
        # there is no demonym ("Bouvet Island officials").
        adjectives = tuple(a for a, r in roles.items() if r == "adjective")
        abbreviations = tuple(v for v in variants if _ABBREVIATION.fullmatch(v))
        forms["mod"] = (*adjectives, *abbreviations) if adjectives else forms["loc"]
        plural = tuple(a for a, r in roles.items() if r == "people")
        if plural:
            forms["people"] = plural
    elif entity.type == "place":
        forms["loc"] = (
            name,
            *(a for a in latin if not _OFFICIAL_WORDS & set(a.split())),
        )
    elif entity.type == "person":
        forms["actor"] = forms["person"] = (name, *(a for a in latin if " " in a))
        short = tuple(a for a in latin if " " not in a)
    else:
        forms["org"] = (name, *latin)
    kinds = tuple(k for k in _ENTITY_KINDS if k in forms)
    written = {f for fs in forms.values() for f in fs} | set(short)
    written |= {name.upper()}  # wire datelines
    return _Ent(
        name=name,
        type=entity.type,
        kinds=kinds,
        forms=forms,
        short=short,
        context=entity.context or None,
        cues=_cue_pattern(entity.context.reject_if_article_mentions),
        surface="\n".join(sorted(written)),
    )


class _Cast:
    """The entity list, ranked for Zipf draws and indexed for safe writing."""

    def __init__(self, entities: EntityList, rng: random.Random):
        prepared = [
            _prepare(e) for e in sorted(entities.entities, key=lambda e: e.name)
        ]
        self.by_name = {e.name: e for e in prepared}
        # A fixed order, then the seed's shuffle: which entities are popular
        # depends on the seed only.
        rng.shuffle(prepared)
        self.ranked = prepared
        total, cumulative = 0.0, []
        for rank in range(1, len(prepared) + 1):
            shifted = rank + _RANK_OFFSET
            total += 1 / (shifted * math.sqrt(shifted))
            cumulative.append(total)
        self.cumulative, self.total = cumulative, total
        self._longer = self._longer_forms(entities)
        self.templates = {
            e.name: tuple(t for t in _SENTENCE_TEMPLATES if set(t.kinds) & set(e.kinds))
            for e in prepared
        }
        # Words printed outside the entity slots must not name an entity.
        self.known = {f.casefold() for e in entities.entities for f in e.surface_forms}
        self.wire_cities = tuple(
            c for c in _WIRE_CITIES if c.casefold() not in self.known
        ) or ("CITY",)

    @staticmethod
    def _longer_forms(entities: EntityList) -> dict[str, tuple[list[str], list[str]]]:
        """For each form, the text that around it would make a longer alias.

        Written before "Federation", "Russian" becomes "Russian Federation";
        after "Papua New", "Guinea" is no longer Guinea.
        """
        forms = sorted({f for e in entities.entities for f in e.surface_forms})
        by_head: dict[str, list[str]] = {}
        by_tail: dict[str, list[str]] = {}
        for form in forms:
            by_head.setdefault(form[:3], []).append(form)
            by_tail.setdefault(form[-3:], []).append(form)
        longer: dict[str, tuple[list[str], list[str]]] = {}
        for form in forms:
            after = [
                g[len(form) :]
                for g in by_head.get(form[:3], ())
                if len(g) > len(form)
                and g.startswith(form)
                and not g[len(form)].isalnum()
            ]
            before = [
                g[: -len(form)]
                for g in by_tail.get(form[-3:], ())
                if len(g) > len(form)
                and g.endswith(form)
                and not g[-len(form) - 1].isalnum()
            ]
            if after or before:
                longer[form] = (after, before)
        return longer

    def pick(self, rng: random.Random, count: int) -> list[_Ent]:
        """``count`` entities by popularity, never two that spoil each other."""
        chosen: list[_Ent] = []
        with_cues = False  # only entities with cues can conflict
        for _ in range(count * 20):
            if len(chosen) == count:
                break
            index = bisect.bisect(self.cumulative, rng.random() * self.total)
            entity = self.ranked[min(index, len(self.ranked) - 1)]
            if entity in chosen:
                continue
            if (with_cues or entity.cues) and any(
                self.conflict(entity, other) for other in chosen
            ):
                continue
            chosen.append(entity)
            with_cues = with_cues or entity.cues is not None
        return chosen

    @staticmethod
    def conflict(one: _Ent, other: _Ent) -> bool:
        """Whether writing one names a cue that rejects the other.

        Armenia's mentions are rejected in an article that names Colombia.
        """
        return bool(
            (one.cues and one.cues.search(other.surface))
            or (other.cues and other.cues.search(one.surface))
        )

    def safe(self, entity: _Ent, text: str, start: int, end: int) -> bool:
        """Whether the tagger will count the mention at ``text[start:end]``."""
        if entity.context is not None and rejected_by_neighbours(
            entity.context, text, start, end
        ):
            return False
        longer = self._longer.get(text[start:end])
        if longer is None:
            return True
        after, before = longer
        return not (
            any(text.startswith(a, end) for a in after)
            or any(text[:start].endswith(b) for b in before)
        )


# --- One article ------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """A generated file and what the reader should find in it."""

    path: str  # relative, "2017/03/<slug>.txt"
    text: str
    title: str
    date: str  # the Date header
    source: str
    url: str | None
    authors: tuple[str, ...]
    paragraphs: tuple[str, ...]
    headings: tuple[str, ...]
    captions: tuple[str, ...]
    mentions: dict[str, int]  # entity -> mentions in title, body and captions
    body_mentions: dict[str, int]  # entity -> mentions in the paragraphs
    event: int  # retellings of one event share it


@dataclass
class _Event:
    number: int
    day: datetime.date
    publisher: Publisher
    entities: list[_Ent]
    sentences: list[tuple[str, tuple[str, ...]]]
    headline: _Template


@dataclass
class _Sentence:
    text: str
    names: tuple[str, ...]  # entities mentioned, one per mention


def _tally(counts: dict[str, int], names: Iterable[str]) -> None:
    # A plain dict: Counter.update checks its argument's type on every call.
    for name in names:
        counts[name] = counts.get(name, 0) + 1


def _slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.decode().casefold()).strip("-")
    if len(slug) > 70:
        slug = slug[:70].rsplit("-", 1)[0]
    return slug or "article"


def _dateline(style: str, when: datetime.datetime, offset: str) -> str:
    """A dateline as the site prints it, in the site's local time."""
    d, y, month = when.day, when.year, MONTHS[when.month - 1]
    mon, hm = month[:3], f"{when.hour:02d}:{when.minute:02d}"
    if style == "updated-cgtn":
        return f"Updated {hm}, {d:02d}-{mon}-{y}"
    if style == "published-on":
        return f"Published On {d} {mon} {y}"
    if style == "published-gmt":
        return f"Published {WEEKDAYS[when.weekday()]}, {month} {d}, {y} {hm} GMT"
    if style == "published-colon-gmt":
        weekday = WEEKDAYS[when.weekday()][:3]
        return (
            f"Published: {weekday} {d} {mon} {y} {when.hour:02d}.{when.minute:02d} GMT"
        )
    if style == "posted-est":
        hour = when.hour % 12 or 12
        noon = "a.m." if when.hour < 12 else "p.m."
        return f"Posted on {month} {d}, {y} at {hour}:{when.minute:02d} {noon} EST"
    if style == "bare-dmy":
        return f"{d} {month} {y}"
    if style == "bare-mdy":
        return f"{month} {d}, {y}"
    if style == "last-updated":
        return f"Last updated on {d} {month} {y}"
    if style == "numeric-dmy":
        return f"Published {d:02d}/{when.month:02d}/{y}"
    if style == "numeric-mdy":
        return f"Published {when.month:02d}/{d:02d}/{y}"
    if style == "iso":
        return f"Published {when:%Y-%m-%d}T{hm}:00{offset}"
    raise ValueError(f"unknown dateline style {style!r}")


class _Writer:
    """Writes articles one after another from one random stream."""

    def __init__(self, entities: EntityList, seed: int):
        self.rng = random.Random(seed)
        self.cast = _Cast(entities, self.rng)
        self.events: list[_Event] = []
        self.titles: list[str] = []  # recent headlines, for "Read more:" lines
        self.paths: set[str] = set()

    # Sentences ------------------------------------------------------------

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
            if headline and entity.short:
                form = entity.short[0]  # headlines name people by surname
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
            made = self.render(template, cast, {e.name: 1 for e in cast}, cues)
            if made is not None and made.text not in taken:
                taken.add(made.text)
                return made
        return None

    # Articles -------------------------------------------------------------

    def _setting(self) -> tuple[Publisher, datetime.date, list[_Ent], _Event | None]:
        rng = self.rng
        if self.events and rng.random() < RETELLING_SHARE:
            event = _choice(rng, self.events)
            others = [p for p in PUBLISHERS if p is not event.publisher]
            day = event.day + datetime.timedelta(days=_randint(rng, -2, 2))
            day = min(max(day, FIRST_DAY), LAST_DAY)
            return _choice(rng, others), day, event.entities, event
        index = bisect.bisect(_PUBLISHER_WEIGHTS, rng.random() * _PUBLISHER_WEIGHTS[-1])
        publisher = PUBLISHERS[min(index, len(PUBLISHERS) - 1)]
        span = (LAST_DAY - FIRST_DAY).days + 1
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(span))
        return publisher, day, self.cast.pick(rng, _randint(rng, 3, 10)), None

    def _headline(self, entities, nth, cues, avoid: _Template | None):
        main, others = entities[0], entities[1:]
        options = [t for t in _HEADLINE_TEMPLATES if t is not avoid]
        for _ in range(20):
            template = _choice(self.rng, options)
            cast = self._fill(template, main, others)
            if cast is not None:
                made = self.render(template, cast, nth, cues, headline=True)
                if made is not None:
                    return template, made
        template = _template("Officials meet for talks")
        return template, _Sentence(template.text, ())

    def article(self, number: int) -> Draft:
        rng = self.rng
        publisher, day, entities, event = self._setting()
        when = datetime.datetime.combine(
            day, datetime.time(_randint(rng, 6, 22), _randint(rng, 0, 59))
        )
        cues = [e.cues for e in entities if e.cues]
        counts = {e.name: _randint(rng, 1, 4) for e in entities}

        # A wire's own story opens with "CITY, Nov 10 (Reuters) -".
        prefix, prefix_names = "", ()
        if publisher.wire and rng.random() < 0.85:
            places = [e for e in entities if e.type == "place" and len(e.name) >= 4]
            if places:
                city, prefix_names = places[0].name.upper(), (places[0].name,)
                counts[places[0].name] -= 1
            else:
                city = _choice(rng, self.cast.wire_cities)
            dash = "—" if publisher.wire == "AP" else "-"
            month = MONTHS[day.month - 1][:3]
            prefix = f"{city}, {month} {day.day} ({publisher.wire}) {dash} "

        budget = _randint(rng, MIN_WORDS + 40, MAX_WORDS - 20)
        reused = []
        if event is not None:
            share = rng.uniform(0.3, 0.6)
            reused = [
                _Sentence(t, n) for t, n in event.sentences if rng.random() < share
            ]
        sentences = self._body(
            entities, counts, reused, len(prefix.split()), budget, cues
        )
        paragraphs: list[str] = []
        at = 0
        while at < len(sentences):
            size = _choice(rng, _PARAGRAPH_SIZES)
            paragraphs.append(" ".join(s.text for s in sentences[at : at + size]))
            at += size
        paragraphs[0] = prefix + paragraphs[0]

        body_mentions: dict[str, int] = {}
        for sentence in (_Sentence(prefix, prefix_names), *sentences):
            _tally(body_mentions, sentence.names)
        named = [e for e in entities if e.name in body_mentions]
        mentions = dict(body_mentions)
        headline_template, headline = self._headline(
            named or entities, {}, cues, event.headline if event else None
        )
        _tally(mentions, headline.names)
        title = headline.text

        if event is None:
            event = _Event(
                number,
                day,
                publisher,
                named,
                [(s.text, s.names) for s in sentences],
                headline_template,
            )
            self.events.append(event)
            del self.events[:-_EVENT_WINDOW]

        taken = {title, *paragraphs}
        headings = []
        # A subhead needs a paragraph before it and one after it.
        for _ in range(min(_choice(rng, (0, 0, 1, 1, 2, 3)), len(paragraphs) - 2)):
            made = self._extra(_SUBHEAD_TEMPLATES, named, cues, taken)
            if made is not None:
                headings.append(made.text)
                _tally(mentions, made.names)
        captions = []
        credits = [c for c in publisher.credits if c.casefold() not in self.cast.known]
        for _ in range(_choice(rng, (0, 1, 1, 2))):
            made = self._extra(_CAPTION_TEMPLATES, named, cues, taken)
            if made is not None:
                text = f"{made.text} /{_choice(rng, credits)}" if credits else made.text
                captions.append(text)
                _tally(mentions, made.names)

        slug = _slug(title)
        text, url, authors = self._page(
            publisher, when, day, title, slug, paragraphs, headings, captions, named
        )
        date = f"{day:%Y-%m-%d}"
        if rng.random() < 0.5:
            date = f"{date}T{when:%H:%M}:00{publisher.offset}"
        header = [f"Title: {title}", f"Date: {date}", f"Source: {publisher.name}"]
        if url:
            header.append(f"URL: {url}")
        if authors[1]:
            header.append(f"Authors: {', '.join(authors[0])}")

        path = f"{day:%Y/%m}/{slug}"
        candidate, suffix = path, 1
        while candidate in self.paths:
            suffix += 1
            candidate = f"{path}-{suffix}"
        self.paths.add(candidate)
        self.titles.append(title)
        del self.titles[:-50]
        return Draft(
            path=f"{candidate}.txt",
            text="\n".join(header) + "\n\n" + text,
            title=title,
            date=date,
            source=publisher.name,
            url=url,
            authors=authors[0],
            paragraphs=tuple(paragraphs),
            headings=tuple(headings),
            captions=tuple(captions),
            mentions=dict(sorted(mentions.items())),
            body_mentions=dict(sorted(body_mentions.items())),
            event=event.number,
        )

    def _page(
        self, publisher, when, day, title, slug, paragraphs, headings, captions, named
    ):
        """The page text around the story, and the URL and authors it gives."""
        rng = self.rng
        kits = publisher.kits
        has = {k for k in kits if rng.random() < 0.7}
        outlet = publisher.name

        top = [title]
        if "mt-support" in kits:
            top.append(f"Support {outlet}!")
        if publisher.datelines and rng.random() < 0.8:
            top.append(
                _dateline(_choice(rng, publisher.datelines), when, publisher.offset)
            )
        if publisher.line and rng.random() < 0.7:
            top.append(publisher.line)
        names: tuple[str, ...] = ()
        in_header = byline = False
        if rng.random() < 0.55:
            names = tuple(
                f"{_choice(rng, _FIRST_NAMES)} {_choice(rng, _LAST_NAMES)}"
                for _ in range(_choice(rng, (1, 1, 1, 2)))
            )
            in_header = rng.random() < 0.5
            byline = not in_header or rng.random() < 0.5
        if byline:
            top.append(f"By {' and '.join(names)}")
        if "share" in has:
            top.append(_choice(rng, _SHARE))
        blocks = ["\n".join(top)]

        # Sites print each caption twice: as the image's text and beneath it.
        pictures = [f"{c}\n\n{c}" for c in captions]
        if pictures and rng.random() < 0.5:
            blocks.append(pictures.pop())
        inserts: dict[int, list[str]] = {}
        after_first = range(1, len(paragraphs))
        for heading, where in zip(
            headings, rng.sample(range(2, len(paragraphs)), len(headings)), strict=False
        ):
            inserts.setdefault(where, []).append(heading)
        for picture in pictures:
            inserts.setdefault(_choice(rng, after_first), []).insert(0, picture)
        if "video" in has:
            stamp = f"{_randint(rng, 0, 3):02d}:{_randint(rng, 0, 59):02d}"
            inserts.setdefault(_choice(rng, after_first), []).insert(0, stamp)
        if "readmore" in has and self.titles:
            line = _choice(rng, _READ_MORE).format(title=_choice(rng, self.titles))
            inserts.setdefault(_choice(rng, after_first), []).insert(0, line)
        for index, paragraph in enumerate(paragraphs):
            blocks.extend(inserts.get(index, ()))
            blocks.append(paragraph)

        if "agency" in has:
            blocks.append(_choice(rng, _AGENCY_CREDITS))
        if "reuters-standards" in kits:
            blocks.append(_REUTERS_STANDARDS)
        if "copyright" in has:
            owner = "The Associated Press" if outlet == "Associated Press" else outlet
            blocks.append(_choice(rng, _COPYRIGHTS).format(year=day.year, outlet=owner))
        if "newsletter" in has:
            blocks.append("\n".join(_choice(rng, _NEWSLETTERS)))
        if "donation" in has:
            blocks.append("\n".join(_choice(rng, _DONATIONS)).format(outlet=outlet))
        # Blocks that run to the end of the page come last.
        if "mt-message" in kits:
            blocks.extend(_MOSCOW_TIMES_MESSAGE)
        elif "aj-keep-reading" in kits and self.titles:
            blocks.append("Keep reading")
            blocks.append("\n".join(rng.sample(self.titles, min(4, len(self.titles)))))
        elif "related" in has:
            topics = [e.name for e in named[:4]] + list(rng.sample(_RELATED_TOPICS, 2))
            blocks.append(_choice(rng, _RELATED) + "\n" + "\n".join(topics))

        url = None
        if rng.random() < 0.6:
            section = _choice(rng, _SECTIONS)
            if rng.random() < 0.5:
                url = f"https://{publisher.domain}/{section}/{day:%Y/%m/%d}/{slug}"
            else:
                url = f"https://{publisher.domain}/{section}/{slug}-{rng.randrange(10**7)}"
        # Subheads and captions in the order the page prints them.
        where = {block: index for index, block in enumerate(blocks)}
        headings.sort(key=where.__getitem__)
        captions.sort(key=lambda caption: where[f"{caption}\n\n{caption}"])
        return "\n\n".join(blocks) + "\n", url, (names, in_header)


# --- Public API ---------------------------------------------------------------------


def _entity_list(entities: EntityList | Iterable[Entity] | None) -> EntityList:
    if entities is None:
        return load_entities()
    if isinstance(entities, EntityList):
        return entities
    return EntityList(tuple(entities))


def generate_drafts(
    n: int, seed: int = 0, entities: EntityList | Iterable[Entity] | None = None
) -> Iterator[Draft]:
    """``n`` articles and what the reader should find in each."""
    if n < 0:
        raise ValueError(f"the number of articles must be 0 or more, not {n}")
    writer = _Writer(_entity_list(entities), seed)
    for number in range(n):
        yield writer.article(number)


def generate_articles(
    n: int, seed: int = 0, entities: EntityList | Iterable[Entity] | None = None
) -> Iterator[tuple[str, str]]:
    """``n`` (relative path, file text) pairs; the same seed gives the same bytes."""
    for draft in generate_drafts(n, seed, entities):
        yield draft.path, draft.text


def write_archive(n: int, out_dir: str | Path, seed: int = 0) -> int:
    """Write ``n`` generated articles under ``out_dir``; return how many."""
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ValueError(
            f"{out} is not an empty folder: refusing to write an archive into it"
        )
    made: set[Path] = set()
    count = 0
    for relative, text in generate_articles(n, seed):
        path = out / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        # Bytes, not text mode: the same file on every platform.
        path.write_bytes(text.encode("utf-8"))
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.generate",
        description="Write a folder of realistic, generated raw article files.",
    )
    parser.add_argument("--n", type=int, default=100, help="how many articles")
    parser.add_argument("--out", required=True, help="an empty or new folder")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same files")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        count = write_archive(args.n, args.out, args.seed)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"wrote {count} articles to {args.out} (seed {args.seed}) in {elapsed:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
