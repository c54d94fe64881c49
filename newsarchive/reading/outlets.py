"""The outlets the reader knows, loaded from ``data/outlets.toml``."""

from __future__ import annotations

import functools
import re
import tomllib
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from newsarchive.reading.boilerplate import Rule, rule

DEFAULT_OUTLETS_FILE = Path(__file__).parent.parent / "data" / "outlets.toml"
DATE_ORDERS = ("DMY", "MDY", "YMD")


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    markers: tuple[re.Pattern[str], ...] = ()
    timezone: str | None = None
    date_order: str = "MDY"
    rules: tuple[Rule, ...] = field(default=(), repr=False)
    # A site that republishes others' stories (Yahoo News, MSN): a copy's
    # publisher of record is the agency its lead credits.
    aggregator: bool = False

    @functools.cached_property
    def names(self) -> frozenset[str]:
        return frozenset(n.casefold() for n in (self.name, *self.aliases))

    def serves(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").casefold()
        return any(host == d or host.endswith("." + d) for d in self.domains)


# How far from the top and the foot of a page its masthead may be, and how
# far its markers (an agency's credit in the lead, a copyright line).
MASTHEAD_LINES = 25
MARKER_LINES = 60
_MASTHEAD_TAIL = re.compile(
    r"\s+[-–|·]\s+(?:back to )?home(?:page)?$|\s+[-–|·]\s+.{0,40}$", re.IGNORECASE
)


# Datelines of unknown outlets are read month-first, as English-language wires
# write them, and in UTC, so that the same text always gives the same instant.
UNKNOWN = Outlet(name="", timezone="UTC", date_order="MDY")


@dataclass(frozen=True)
class Outlets:
    outlets: tuple[Outlet, ...]

    @functools.cached_property
    def by_name(self) -> dict[str, Outlet]:
        """Each outlet by each of its names, case-folded; the first listed
        wins a name two share."""
        found: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for name in outlet.names:
                found.setdefault(name, outlet)
        return found

    @functools.cached_property
    def _any_marker(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Patterns that match where any outlet's marker does: each line is
        tried once, not once per marker of 400 outlets. Markers anchored at
        the start of a line (nearly all) are tried there only."""
        patterns = [m.pattern for o in self.outlets for m in o.markers]
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        loose = [p for p in patterns if not p.startswith("^")]

        def either(found: list[str]) -> re.Pattern[str]:
            # A pattern that never matches when there is nothing to match.
            return re.compile("|".join(f"(?:{p})" for p in found) or r"(?!)")

        return either(anchored), either(loose)

    def _marked(self, line: str) -> bool:
        anchored, loose = self._any_marker
        return bool(anchored.match(line) or loose.search(line))

    def named(self, name: str) -> Outlet | None:
        return self.by_name.get(name.casefold())

    def identify(
        self, source: str | None, url: str | None, lines: Sequence[str]
    ) -> Outlet:
        """The outlet a file comes from: by its Source, then URL, then markers.

        A Source naming an outlet we do not know still yields an outlet of
        that name, so the archive shows what the maintainer wrote.
        """
        if source:
            return self.named(source) or Outlet(name=source, timezone=UNKNOWN.timezone)
        if url:
            for outlet in self.outlets:
                if outlet.serves(url):
                    return outlet
        # Credits sit in the lead, mastheads and copyrights at the ends.
        for line in [*lines[:MARKER_LINES], *lines[-MARKER_LINES:]]:
            if self._marked(line):
                for outlet in self.outlets:
                    if any(marker.search(line) for marker in outlet.markers):
                        return outlet
        return self.masthead(lines) or UNKNOWN

    def masthead(self, lines: Sequence[str]) -> Outlet | None:
        """The outlet whose name a line at the top or foot of the page is:
        "Le Monde", "EL MUNDO", "The Guardian - Back to home"."""
        edges = [*lines[:MASTHEAD_LINES], *lines[-MASTHEAD_LINES:]]
        for line in edges:
            outlet = self.named(line) or self.named(_MASTHEAD_TAIL.sub("", line))
            if outlet is not None:
                return outlet
        return None


class OutletsFileError(ValueError):
    pass


def _outlet(entry: dict, where: str) -> Outlet:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise OutletsFileError(f"{where}: every [[outlet]] needs a name")
    where = f"{where}: outlet {name!r}"
    timezone = entry.get("timezone")
    if timezone is not None:
        try:
            zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
            raise OutletsFileError(f"{where}: unknown timezone {timezone!r}") from error
    date_order = entry.get("date_order", "MDY")
    if date_order not in DATE_ORDERS:
        raise OutletsFileError(f"{where}: date_order must be one of {DATE_ORDERS}")
    try:
        markers = tuple(re.compile(m) for m in entry.get("markers", ()))
        rules = tuple(
            rule(r["name"], r["pattern"], r.get("extent", "line"))
            for r in entry.get("rule", ())
        )
    except (re.error, KeyError, ValueError) as error:
        raise OutletsFileError(f"{where}: {error}") from error
    return Outlet(
        name=name.strip(),
        aliases=tuple(entry.get("aliases", ())),
        domains=tuple(d.casefold() for d in entry.get("domains", ())),
        markers=markers,
        timezone=timezone,
        date_order=date_order,
        rules=rules,
        aggregator=bool(entry.get("aggregator", False)),
    )


@functools.cache
def load_outlets(path: Path = DEFAULT_OUTLETS_FILE) -> Outlets:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise OutletsFileError(f"{path}: {error}") from error
    return Outlets(tuple(_outlet(entry, str(path)) for entry in data.get("outlet", ())))
