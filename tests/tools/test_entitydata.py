"""The entity data: generated countries and the hand-kept entities.

How the files are read and checked is tested in test_entities.py; these tests
are about what the generator writes and what the committed data holds.
"""

from __future__ import annotations

import tomllib
import unicodedata

import pytest

from newsarchive.entities.catalogue import COUNTRIES_FILE, TYPES, load_entities
from tools import entitydata
from tools.entitydata import (
    _plural,
    generate_countries,
    render_countries_toml,
    write_countries_toml,
)

# Aliases shorter than three characters false-hit ("IN", "AM", "OR" are ISO
# codes and English words). These four are let through because newswire
# writes them constantly, always in capitals, and matching is case-sensitive:
# "US" (United States), "UK" (United Kingdom), "UN" (United Nations) and "EU"
# (European Union) are then almost never anything else.
SHORT_ALIASES = frozenset({"US", "UK", "UN", "EU"})


def unaccented(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@pytest.fixture(scope="module")
def countries():
    return {c["name"]: c for c in generate_countries()}


@pytest.fixture(scope="module")
def entities():
    # Loading checks both files: names and aliases unique ignoring case, no
    # alias repeated, entities.toml's countries of the generated type.
    return load_entities()


@pytest.mark.parametrize(
    ("name", "aliases"),
    [
        ("Russia", {"Russian", "Russians", "Russian Federation"}),
        ("Armenia", {"Armenian", "Armenians", "Republic of Armenia"}),
        ("Azerbaijan", {"Azerbaijani", "Azerbaijanis", "Republic of Azerbaijan"}),
        ("Turkey", {"Turkish", "Turks", "Türkiye"}),
        ("Iran", {"Iranian", "Iranians", "Islamic Republic of Iran"}),
        ("United States", {"American", "Americans", "USA", "United States of America"}),
        ("France", {"French", "French Republic"}),
        ("Syria", {"Syrian", "Syrians", "Syrian Arab Republic"}),
        ("Georgia", {"Georgian", "Georgians"}),
        ("South Korea", {"South Korean", "South Koreans"}),
        ("United Kingdom", {"British", "Britons", "UK", "Britain"}),
        ("United Arab Emirates", {"Emirati", "UAE"}),
    ],
)
def test_generated_countries_have_common_names_and_demonyms(countries, name, aliases):
    assert aliases <= set(countries[name]["aliases"])


def test_generated_countries_shape(countries):
    records = generate_countries()
    assert len(records) >= 249  # every ISO 3166-1 entry
    names = [r["name"] for r in records]
    assert names == sorted(names, key=unaccented)
    assert names.index("Åland Islands") < names.index("Albania")
    codes = set()
    for record in records:
        assert record["type"] == "country"
        assert set(record) == {"name", "type", "aliases", "codes"}
        alpha2, alpha3 = record["codes"]["alpha2"], record["codes"]["alpha3"]
        assert len(alpha2) == 2 and len(alpha3) == 3
        codes |= {alpha2, alpha3}
        # No sort forms ("Korea, Republic of") or qualified ISO names.
        assert not any("," in a or "(" in a for a in record["aliases"])
    assert countries["Russia"]["codes"] == {"alpha2": "RU", "alpha3": "RUS"}
    # ISO codes are no aliases ("AM", "IN", "CAN", "ARM" would false-hit),
    # except the one chosen on purpose.
    aliases = {a for r in records for a in r["aliases"]}
    assert aliases & codes == {"USA"}


def test_official_and_sort_names_are_not_canonical(countries):
    for official in ("Russian Federation", "Iran, Islamic Republic of", "Türkiye"):
        assert official not in countries
    assert {"Russia", "Iran", "Turkey", "Syria", "South Korea", "Vietnam"} <= set(
        countries
    )


def test_shared_demonyms_go_to_one_country_or_none(countries):
    assert "Dominican" in countries["Dominican Republic"]["aliases"]
    assert "Dominican" not in countries["Dominica"]["aliases"]
    assert "French" not in countries["Réunion"]["aliases"]
    # "Congo" alone is either Congo; entities.toml settles it, not the generator.
    assert not any("Congo" in c["aliases"] for c in countries.values())
    assert "Channel Islander" not in countries["Jersey"]["aliases"]


@pytest.mark.parametrize(
    ("demonym", "plural"),
    [
        ("Armenian", "Armenians"),
        ("Azerbaijani", "Azerbaijanis"),
        ("Turkish", "Turks"),
        ("French", None),
        ("Chinese", None),
        ("Swiss", None),
        ("Lao", None),  # "Laos" is the country
        ("Kittian and Nevisian", None),
    ],
)
def test_demonym_plurals(demonym, plural):
    assert _plural(demonym) == plural


def test_committed_countries_toml_is_current():
    # Fails when the data packages were upgraded (or the generator changed)
    # without `python -m tools.entitydata` being run.
    expected = render_countries_toml(generate_countries())
    assert COUNTRIES_FILE.read_text(encoding="utf-8") == expected


def test_written_countries_toml_reads_back(tmp_path):
    path = tmp_path / "countries.toml"
    records = write_countries_toml(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert "python -m tools.entitydata" in text
    assert "entities.toml" in text
    assert tomllib.loads(text)["entity"] == records
    loaded = load_entities((path,))
    assert {(e.name, e.type, e.aliases) for e in loaded.entities} == {
        (r["name"], r["type"], tuple(r["aliases"])) for r in records
    }


def test_every_generated_country_is_loaded(countries, entities):
    assert set(countries) <= set(entities.by_name)
    assert len(entities) > len(countries)


def test_hand_entries_extend_generated_countries(countries, entities):
    # entities.toml adds to these countries; what was generated stays first.
    for name in ("Armenia", "Azerbaijan", "Georgia", "Turkey"):
        generated = tuple(countries[name]["aliases"])
        assert entities.by_name[name].aliases[: len(generated)] == generated
        assert len(entities.by_name[name].aliases) > len(generated)
    assert "Sakartvelo" in entities.by_name["Georgia"].aliases
    assert entities.by_name["Georgia"].context


def test_countries_have_their_names_in_the_languages_read(countries):
    armenia = countries["Armenia"]["aliases"]
    for name in ("Arménie", "Armenien", "Ermenistan", "Армения", "Вірменія"):
        assert name in armenia
    # Russian declines a country's name; the forms an article writes are there.
    assert {"Армении", "Армению", "Арменией"} <= set(armenia)
    assert {"России", "Россию", "Russland", "Rusya"} <= set(
        countries["Russia"]["aliases"]
    )
    # A translation that is a common word in a language read is left out.
    assert "Того" not in countries["Togo"]["aliases"]


def test_every_type_is_used(entities):
    assert {e.type for e in entities.entities} == set(TYPES)


def test_short_aliases_are_whitelisted(entities):
    short = {
        form for e in entities.entities for form in e.surface_forms if len(form) < 3
    }
    assert short <= SHORT_ALIASES


REQUIRED = {
    # countries, with what entities.toml adds to them
    "Azerbaijan": ("country", {"Azeri", "Azeris", "Азербайджан", "Azərbaycan"}),
    "Armenia": ("country", {"Армения", "Հայաստան"}),
    "Russia": ("country", {"Россия", "Russian Federation"}),
    "Turkey": ("country", {"Türkiye", "Turkish"}),
    "Georgia": ("country", {"Georgian", "Georgians", "Грузия", "Sakartvelo"}),
    "Jordan": ("country", {"Jordanian"}),
    "United States": (
        "country",
        {"U.S.", "US", "USA", "United States of America", "American", "Americans"},
    ),
    "France": ("country", {"French"}),
    "Iran": ("country", {"Iranian"}),
    "Syria": ("country", {"Syrian"}),
    # places
    "Nagorno-Karabakh": (
        "place",
        {"Karabakh", "Nagorno Karabakh", "Artsakh", "Nagorny Karabakh", "Karabagh"},
    ),
    "Shusha": ("place", {"Shushi", "Shusi", "Şuşa"}),
    "Yerevan": ("place", set()),
    "Baku": ("place", set()),
    "Nakhchivan": ("place", {"Nakhichevan", "Naxçıvan"}),
    "Stepanakert": ("place", {"Khankendi"}),
    "Tbilisi": ("place", set()),
    "Ankara": ("place", set()),
    "Moscow": ("place", set()),
    "Lachin": ("place", set()),
    "Lachin corridor": ("place", set()),
    "South Caucasus": ("place", set()),
    "Kalbajar": ("place", set()),
    "Agdam": ("place", set()),
    "Hadrut": ("place", set()),
    "Fizuli": ("place", set()),
    # people
    "Vladimir Putin": ("person", {"Putin", "Vladimir Vladimirovich Putin"}),
    "Nikol Pashinyan": ("person", {"Pashinyan"}),
    "Ilham Aliyev": ("person", {"Aliyev"}),
    "Recep Tayyip Erdogan": (
        "person",
        {"Erdogan", "Erdoğan", "Recep Tayyip Erdoğan"},
    ),
    "Emmanuel Macron": ("person", {"Macron"}),
    "Arayik Harutyunyan": ("person", {"Harutyunyan"}),
    "Dmitry Peskov": ("person", {"Peskov"}),
    "Mevlut Cavusoglu": ("person", {"Cavusoglu", "Mevlüt Çavuşoğlu"}),
    "Sergei Lavrov": ("person", set()),
    "Armen Sarkissian": ("person", set()),
    "Joe Biden": ("person", set()),
    "Donald Trump": ("person", set()),
    "Mike Pompeo": ("person", set()),
    # organisations
    "Minsk Group": ("organisation", {"OSCE Minsk Group"}),
    "OSCE": (
        "organisation",
        {"Organization for Security and Co-operation in Europe"},
    ),
    "Kremlin": ("organisation", set()),
    "United Nations": ("organisation", {"UN", "U.N."}),
    "NATO": ("organisation", set()),
    "European Union": ("organisation", {"EU"}),
    "Collective Security Treaty Organization": ("organisation", {"CSTO"}),
    "Russian Defence Ministry": (
        "organisation",
        {"Russian defense ministry", "Russian Ministry of Defence"},
    ),
}


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_required_entities_are_present(entities, name):
    kind, aliases = REQUIRED[name]
    assert entities.by_name[name].type == kind
    assert aliases <= set(entities.by_name[name].aliases)


def test_unknown_candidates_stay_unknown(entities):
    # The seed articles' examples of names the tagger should report as
    # candidates, not tag.
    forms = {f for e in entities.entities for f in e.surface_forms}
    assert not forms & {"Olga Oliker", "Oliker", "International Crisis Group"}


def test_capitals_and_seats_of_power_are_not_country_aliases(entities):
    country_forms = {
        a for e in entities.entities if e.type == "country" for a in e.aliases
    }
    assert not country_forms & {
        "Moscow",
        "Kremlin",
        "Ankara",
        "Baku",
        "Yerevan",
        "Washington",
        "Tbilisi",
    }
    assert entities.by_name["Kremlin"].type == "organisation"


@pytest.mark.parametrize(
    ("name", "key", "cues"),
    [
        ("Georgia", "reject_if_article_mentions", {"Atlanta", "Brian Kemp"}),
        ("Georgia", "accept_if_article_mentions", {"Tbilisi", "South Caucasus"}),
        ("Georgia", "reject_if_preceded_by", {"Atlanta,"}),
        ("Turkey", "reject_if_article_mentions", {"roast", "Thanksgiving", "gravy"}),
        ("Jordan", "reject_if_preceded_by", {"Michael", "Michael B.", "Air"}),
        ("Jordan", "reject_if_followed_by", {"Peterson", "Spieth", "Peele"}),
        ("Jordan", "reject_if_article_mentions", {"NBA", "Bulls"}),
        ("Armenia", "reject_if_article_mentions", {"Colombia", "Quindío", "Pereira"}),
        ("Armenia", "accept_if_article_mentions", {"Yerevan", "Karabakh"}),
        ("Republic of the Congo", "reject_if_preceded_by", {"Democratic"}),
        ("Moscow", "reject_if_followed_by", {"Times"}),
    ],
)
def test_context_rules(entities, name, key, cues):
    assert cues <= set(getattr(entities.by_name[name].context, key))


GEORGIA = {
    "name": "Georgia",
    "type": "country",
    "aliases": ["Georgian"],
    "codes": {"alpha2": "GE", "alpha3": "GEO"},
}


@pytest.fixture
def small_run(tmp_path, monkeypatch):
    """main() on one generated country and a hand file of the test's own."""
    monkeypatch.setattr(entitydata, "generate_countries", lambda: [GEORGIA])
    hand = tmp_path / "entities.toml"
    monkeypatch.setattr(entitydata, "ENTITIES_FILE", hand)

    def run(extra):
        hand.write_text(extra, encoding="utf-8")
        return entitydata.main([str(tmp_path / "countries.toml")])

    return run


def test_main_writes_countries_and_checks_both_files(small_run, tmp_path):
    assert small_run('[[entity]]\nname = "Georgia"\naliases = ["Sakartvelo"]\n') == 0
    assert tomllib.loads((tmp_path / "countries.toml").read_text(encoding="utf-8"))[
        "entity"
    ] == [GEORGIA]


def test_main_fails_when_the_files_do_not_check(small_run, tmp_path, capsys):
    assert small_run('[[entity]]\nname = "Georgia"\naliases = ["Sakartvelo"]\n') == 0
    # A second run must read the changed file, not the cached first load.
    assert small_run('[[entity]]\nname = "Georgia"\naliases = ["Georgian"]\n') == 1
    assert capsys.readouterr().err.startswith(
        f"{tmp_path / 'entities.toml'}: entity 'Georgia': lists ['Georgian'] more"
        " than once"
    )
