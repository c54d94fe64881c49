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

    @property
    def names(self) -> frozenset[str]:
        return frozenset(n.casefold() for n in (self.name, *self.aliases))

    def serves(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").casefold()
        return any(host == d or host.endswith("." + d) for d in self.domains)


# Datelines of unknown outlets are read month-first, as English-language wires
# write them, and in UTC, so that the same text always gives the same instant.
UNKNOWN = Outlet(name="", timezone="UTC", date_order="MDY")


@dataclass(frozen=True)
class Outlets:
    outlets: tuple[Outlet, ...]

    def identify(
        self, source: str | None, url: str | None, lines: Sequence[str]
    ) -> Outlet:
        """The outlet a file comes from: by its Source, then URL, then markers.

        A Source naming an outlet we do not know still yields an outlet of
        that name, so the archive shows what the maintainer wrote.
        """
        if source:
            for outlet in self.outlets:
                if source.casefold() in outlet.names:
                    return outlet
            return Outlet(name=source, timezone=UNKNOWN.timezone)
        if url:
            for outlet in self.outlets:
                if outlet.serves(url):
                    return outlet
        for line in lines:
            for outlet in self.outlets:
                if any(marker.search(line) for marker in outlet.markers):
                    return outlet
        return UNKNOWN


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
    )


@functools.cache
def load_outlets(path: Path = DEFAULT_OUTLETS_FILE) -> Outlets:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise OutletsFileError(f"{path}: {error}") from error
    return Outlets(tuple(_outlet(entry, str(path)) for entry in data.get("outlet", ())))
