"""The entities articles are tagged with: the generated countries and the rest.

Countries are generated, not typed: ``generate_countries`` builds them from the
ISO 3166-1 list as pycountry ships it (names, official names, codes) and the
English demonyms countryinfo ships, and ``python -m tools.entitydata``
writes them to ``data/countries.toml``.  Everything a maintainer adds by hand
(people, places, organisations, more country aliases, context rules) lives in
``data/entities.toml``.  Both are read and checked by
``newsarchive.entities.catalogue.load_entities``, which ``main`` runs after writing.
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsarchive.entities.catalogue import (
    COUNTRIES_FILE,
    ENTITIES_FILE,
    EntitiesFileError,
    load_entities,
)

logger = logging.getLogger(__name__)

# pycountry's names are ISO's, which are often official or sort forms ("Russian
# Federation", "Congo, The Democratic Republic of the", "Türkiye").  Where its
# ``common_name`` is missing or is not what English-language news writes, the
# name an article uses wins.  ISO's own name stays on as an alias.
NAME_OVERRIDES = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "MF": "Saint Martin",
    "PS": "Palestine",
    "RU": "Russia",
    "SH": "Saint Helena",
    "SX": "Sint Maarten",
    "TL": "East Timor",
    "TR": "Turkey",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}

# Short forms news writes all the time that neither package gives in a form we
# can trust: countryinfo has some of them, but mixed in with native-language
# spellings and bare ISO codes that would false-hit ("AM", "IN", "CAN").
SHORT_FORMS = {
    "AE": ("UAE",),
    "GB": ("UK", "Britain", "Great Britain"),
    "US": ("USA",),
    "VA": ("Vatican", "Holy See"),
}

# countryinfo's demonyms come from an old data set: a few are dated or
# misspelt, and some are not what news writes.  These replace its value.
DEMONYM_OVERRIDES = {
    "AR": ("Argentine", "Argentinian"),
    "CV": ("Cape Verdean",),
    "DJ": ("Djiboutian",),  # countryinfo repeats the country's name
    "GB": ("British", "Briton"),
    "GI": ("Gibraltarian",),  # ditto
    "KG": ("Kyrgyz",),  # not "Kirghiz"
    "KM": ("Comorian",),
    "LA": ("Lao", "Laotian"),
    "MV": ("Maldivian",),  # not "Maldivan"
    "SA": ("Saudi", "Saudi Arabian"),
    "TJ": ("Tajik",),  # not "Tadzhik"
    "UZ": ("Uzbek",),  # not "Uzbekistani"
    "VA": (),  # "Vaticanian" is not English; the Vatican has no demonym
}

# Plurals that the rule below (add "s" unless the word ends like an invariant
# adjective) gets wrong.  None means the word has no plural of its own ("the
# Malagasy"), or its plural is another country's name ("Laos").
IRREGULAR_PLURALS: dict[str, str | None] = {
    "British": "Britons",
    "Czech": "Czechs",
    "Danish": "Danes",
    "Finnish": "Finns",
    "I-Kiribati": None,
    "Lao": None,
    "Malagasy": None,
    "Mosotho": "Basotho",
    "Motswana": "Batswana",
    "Ni-Vanuatu": None,
    "Polish": "Poles",
    "Spanish": "Spaniards",
    "Swedish": "Swedes",
    "Turkish": "Turks",
}
# Adjectives that are their own plural ("the Chinese", "the French", "the Swiss").
INVARIANT_ENDINGS = ("ese", "ss", "ois", "sh", "ch", "ic", "x", "z", "be")

# Aliases that name more than one country, so no country may claim them.
# "Congo" is either Congo; entities.toml gives it to the Democratic Republic of
# the Congo, with context rules for articles about Brazzaville.
DROPPED_ALIASES = frozenset(
    {
        "Congo",
        # Translations that are common words or first names in a language
        # we read: Russian "Того" ("of that"), Spanish "Gana" ("wins"),
        # French "Chili" (the pepper in English), "Dania" and "Malte" (first
        # names), Italian "Cipro" (a drug).
        "Того",
        "Gana",
        "Chili",
        "Dania",
        "Malte",
        "Cipro",
    }
)

# When several countries share a demonym ("French" for France and Réunion,
# "Dominican" for the Dominican Republic and Dominica) it goes to the most
# populous one only if that one is this many times bigger than the next;
# otherwise none keeps it ("Channel Islander": Jersey or Guernsey).
SHARED_ALIAS_RATIO = 10


def _sort_key(text: str) -> tuple[str, str]:
    # Accents must not push "Åland Islands" after "Zimbabwe".
    bare = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )
    return bare.casefold(), text


def _clean(alias: str | None) -> str | None:
    """The alias as articles write it, or None when it is unusable."""
    if not alias:
        return None
    alias = " ".join(alias.split())
    if alias.startswith(("the ", "The ")):
        alias = alias[4:]
    # ISO sort forms ("Korea, Republic of") and qualified names ("Holy See
    # (Vatican City State)") never appear in running text.
    if "," in alias or "(" in alias:
        return None
    # Two-letter forms are mostly ISO codes, which false-hit ("IN", "AM").
    if len(alias) < 3:
        return None
    return alias


def _plural(demonym: str) -> str | None:
    if demonym in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[demonym]
    if " and " in demonym or demonym.endswith(INVARIANT_ENDINGS):
        return None
    return demonym + "s"


def _countryinfo_by_alpha2() -> dict[str, dict]:
    """Demonyms, English names and population from countryinfo, by alpha-2."""
    from countryinfo import all_countries  # only needed to regenerate

    found: dict[str, dict] = {}
    for country in all_countries():
        info = country.info()
        iso = info.get("ISO") or {}
        # countryinfo also ships records for parts of a country (Wales) and
        # former names (Burma) under the same alpha-2 code; only the records
        # with a full ISO triple describe the country itself.
        if not iso.get("alpha2") or not iso.get("numeric"):
            continue
        entry = found.setdefault(
            iso["alpha2"], {"demonyms": [], "names": [], "population": 0}
        )
        entry["names"].append(info.get("name"))
        for demonym in (info.get("demonym") or "").split(","):
            if demonym.strip() and demonym.strip() not in entry["demonyms"]:
                entry["demonyms"].append(demonym.strip())
        entry["population"] = max(entry["population"], info.get("population") or 0)
    return found


def _resolve_shared(records: list[dict], populations: list[int]) -> None:
    """Leave each alias with one country at most (see SHARED_ALIAS_RATIO)."""
    names = {r["name"].casefold() for r in records}
    holders: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        # An alias that is another country's name is that country's.
        record["aliases"] = {a for a in record["aliases"] if a.casefold() not in names}
        for alias in record["aliases"]:
            holders.setdefault(alias.casefold(), []).append(index)
    for alias, indexes in sorted(holders.items()):
        if len(indexes) < 2:
            continue
        ranked = sorted(indexes, key=lambda i: populations[i], reverse=True)
        keeper = None
        if populations[ranked[0]] >= SHARED_ALIAS_RATIO * populations[ranked[1]]:
            keeper = ranked[0]
        for index in indexes:
            if index != keeper:
                records[index]["aliases"] = {
                    a for a in records[index]["aliases"] if a.casefold() != alias
                }
        logger.debug(
            "alias %r shared by %s: kept by %s",
            alias,
            [records[i]["name"] for i in indexes],
            records[keeper]["name"] if keeper is not None else "none",
        )


# Languages whose articles the reader handles: a country's name in each, as
# pycountry's ISO 3166-1 translations give it.
LANGUAGES = ("ru", "uk", "fr", "de", "tr", "es", "pt", "it", "pl")
# Where the ISO name is formal ("Российская Федерация") and has no common
# name to translate, the name articles use.
COMMON_TRANSLATIONS = {
    "RU": [
        "Россия",
        "Росія",
        "Russie",
        "Russland",
        "Rusya",
        "Rusia",
        "Rússia",
        "Rosja",
    ],
}
# Russian declines names: "Армения" is "Армении", "Армению", "Арменией" in an
# article. pymorphy3 gives those forms of a one-word geographic name.
_RUSSIAN_CASES = ("gent", "datv", "accs", "ablt", "loct")


def _translations(iso_name: str) -> list[str]:
    """``iso_name`` in each of ``LANGUAGES``, where pycountry translates it."""
    import gettext

    import pycountry

    found = []
    for language in LANGUAGES:
        catalogue = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
        )
        translated = catalogue.gettext(iso_name)
        if translated != iso_name:
            found.append(translated)
    return found


@functools.cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _russian_forms(name: str) -> list[str]:
    """The cases of a one-word Russian country name, capitalised."""
    if " " in name or not re.fullmatch(r"[А-ЯЁ][а-яё-]+", name):
        return []
    for parse in _morph().parse(name):
        if "Geox" in parse.tag and {"nomn", "sing"} <= parse.tag.grammemes:
            forms = (parse.inflect({case}) for case in _RUSSIAN_CASES)
            return sorted({form.word.capitalize() for form in forms if form} - {name})
    return []


def generate_countries() -> list[dict]:
    """Every ISO 3166-1 country or territory, with its aliases, sorted by name.

    Pure: it reads only the installed data packages, so the same versions
    always give the same list.
    """
    import pycountry  # only needed to regenerate

    extra = _countryinfo_by_alpha2()
    records: list[dict] = []
    populations: list[int] = []
    for country in pycountry.countries:
        alpha2 = country.alpha_2
        common = getattr(country, "common_name", None)
        name = NAME_OVERRIDES.get(alpha2) or common or country.name
        info = extra.get(alpha2, {"demonyms": [], "names": [], "population": 0})
        translated = _translations(country.name)
        if common:
            translated += _translations(common)
        translated += COMMON_TRANSLATIONS.get(alpha2, [])
        candidates = [
            country.name,
            getattr(country, "official_name", None),
            common,
            *info["names"],
            *translated,
            *(form for name in translated for form in _russian_forms(name)),
        ]
        names = {c.casefold() for c in (name, *candidates) if c}
        for demonym in DEMONYM_OVERRIDES.get(alpha2, info["demonyms"]):
            # countryinfo gives some places' own names as their demonym
            # ("Christmas Island"), whose "plural" would be a new false name.
            if demonym.casefold() not in names:
                candidates += [demonym, _plural(demonym)]
        aliases = {a for a in map(_clean, candidates) if a and a != name}
        aliases -= DROPPED_ALIASES
        # Explicit short forms bypass _clean's length rule: each was chosen.
        aliases |= set(SHORT_FORMS.get(alpha2, ()))
        records.append(
            {
                "name": name,
                "type": "country",
                "aliases": aliases,
                "codes": {"alpha2": alpha2, "alpha3": country.alpha_3},
            }
        )
        populations.append(info["population"])
    _resolve_shared(records, populations)
    for record in records:
        record["aliases"] = sorted(record["aliases"], key=_sort_key)
    return sorted(records, key=lambda r: _sort_key(r["name"]))


def _toml_string(text: str) -> str:
    # A JSON string is a valid TOML basic string, escapes included.
    return json.dumps(text, ensure_ascii=False)


def _toml_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(_toml_string(i) for i in items) + "]"


def _versions() -> str:
    return ", ".join(
        f"{package} {importlib.metadata.version(package)}"
        for package in ("pycountry", "countryinfo")
    )


def render_countries_toml(countries: Sequence[dict]) -> str:
    lines = [
        "# Countries for entity tagging: every ISO 3166-1 country and territory.",
        "#",
        "# Generated by `python -m tools.entitydata` from " + _versions() + ".",
        "# Do not edit by hand: the next run overwrites it. To add an alias or a",
        "# context rule to a country, edit entities.toml instead.",
    ]
    for country in countries:
        codes = country["codes"]
        lines += [
            "",
            "[[entity]]",
            f"name = {_toml_string(country['name'])}",
            f"type = {_toml_string(country['type'])}",
            f"aliases = {_toml_list(country['aliases'])}",
            f"codes = {{ alpha2 = {_toml_string(codes['alpha2'])}, "
            f"alpha3 = {_toml_string(codes['alpha3'])} }}",
        ]
    return "\n".join(lines) + "\n"


def write_countries_toml(path: Path = COUNTRIES_FILE) -> list[dict]:
    countries = generate_countries()
    Path(path).write_text(render_countries_toml(countries), encoding="utf-8")
    logger.info("wrote %d countries to %s", len(countries), path)
    return countries


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate countries.toml (or the given path) and check all entities."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0]) if args else COUNTRIES_FILE
    write_countries_toml(path)
    if not args:  # the gazetteer beside the countries
        from tools.placedata import write_places

        logger.info("wrote %d place names", write_places())
    # The file just changed on disk: an earlier, cached load must not answer.
    load_entities.cache_clear()
    # Non-zero so a regeneration that makes aliases collide cannot pass quietly.
    try:
        load_entities((path, ENTITIES_FILE))
    except EntitiesFileError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
