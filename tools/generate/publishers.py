"""The outlets the generated articles come from, and their share of the archive."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Publisher:
    name: str
    domain: str
    offset: str  # UTC offset of its local time, as in an ISO 8601 date
    datelines: tuple[str, ...]  # styles of dateline it prints (see page._dateline)
    credits: tuple[str, ...]  # photo credits; empty: captions printed twice bare
    kits: tuple[str, ...]  # boilerplate families wrapped around its stories
    wire: str = ""  # agency tag of its "CITY, Nov 10 (Reuters) -" datelines
    line: str = ""  # how it names itself on a line of its own
    weight: int = 2  # relative share of the archive


# One outlet a row: name | domain | UTC offset | dateline styles (see
# page._dateline) | photo credits (none: captions printed twice, bare) |
# boilerplate kits (see page._page) | wire agency tag | self-naming line |
# weight.
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


# Wire datelines need a city; these stand in when the story names no place
# entity (any that is an entity is dropped when the generator starts).
_WIRE_CITIES = ("GENEVA", "BRUSSELS", "VIENNA", "NAIROBI", "OSLO")
