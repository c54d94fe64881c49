"""Tagging with the shipped entity list: alias kinds, traps, and the seeds."""

from __future__ import annotations

import pytest

from newsarchive.entities.matcher import default_matcher
from newsarchive.entities.tagging import tag_article
from newsarchive.reading.parse import parse_article
from tests.conftest import CGTN_FILE, MOSCOW_TIMES_FILE

SEED_TAGS = {
    "Russia",
    "Armenia",
    "Azerbaijan",
    "Nagorno-Karabakh",
    "Turkey",
    "Iran",
    "United States",
    "Shusha",
    "Yerevan",
    "Vladimir Putin",
    "Nikol Pashinyan",
}
MOSCOW_TIMES_TAGS = SEED_TAGS | {
    "Ilham Aliyev",
    "Recep Tayyip Erdogan",
    "Emmanuel Macron",
    "France",
    "Syria",
    "Minsk Group",
    "Baku",
    "Nakhchivan",
}
CGTN_TAGS = SEED_TAGS | {"Arayik Harutyunyan", "Dmitry Peskov"}


def tags(text: str) -> set[str]:
    return set(default_matcher().count(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # canonical names and possessives
        ("Azerbaijan's forces advanced.", {"Azerbaijan"}),
        ("Talks in Yerevan's parliament.", {"Yerevan"}),
        # demonyms, singular and plural
        ("Armenian troops withdrew.", {"Armenia"}),
        ("Armenians protested.", {"Armenia"}),
        ("Azerbaijani forces advanced.", {"Azerbaijan"}),
        ("French President spoke.", {"France"}),
        # short forms
        ("an Azeri exclave", {"Azerbaijan"}),
        ("a U.S.-mediated truce", {"United States"}),
        # spelling and transliteration variants
        ("the town of Shushi", {"Shusha"}),
        ("the Nakhichevan exclave", {"Nakhchivan"}),
        ("Erdoğan said", {"Recep Tayyip Erdogan"}),
        ("Türkiye welcomed it", {"Turkey"}),
        # other scripts
        ("Армения и Азербайджан", {"Armenia", "Azerbaijan"}),
        # short name of a person
        ("Pashinyan resigned", {"Nikol Pashinyan"}),
        # hyphenated compounds count for both parts
        ("the Iranian-Turkish border", {"Iran", "Turkey"}),
        ("an Armenian-Azerbaijani deal", {"Armenia", "Azerbaijan"}),
        # the longest alias wins: not also "Karabakh" alone
        ("Nagorno-Karabakh fighting", {"Nagorno-Karabakh"}),
        ("Karabakh 'catastrophe'", {"Nagorno-Karabakh"}),
        # ALL-CAPS headlines and datelines
        ("MOSCOW, Nov 10 (Reuters) - ARMENIA", {"Moscow", "Armenia"}),
        # metonyms are their own entities, not the country
        ("The Kremlin said", {"Kremlin"}),
        # organisations
        ("the OSCE Minsk Group", {"Minsk Group"}),
    ],
)
def test_alias_kinds(text, expected):
    assert tags(text) == expected


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Governor Brian Kemp said polls in Atlanta, Georgia, closed at 7pm.",
            "Georgia",
        ),
        (
            "Georgia's runoff elections decide the Senate; Fulton County counts today.",
            "Georgia",
        ),
        (
            "Turkey should rest for 30 minutes. Roast it at 180C and serve with gravy.",
            "Turkey",
        ),
        ("Brine the Turkey overnight before Thanksgiving dinner.", "Turkey"),
        ("a roast turkey recipe", "Turkey"),
        ("Jordan Peterson gave a lecture in Toronto.", "Jordan"),
        ("Michael Jordan won six titles with the Bulls.", "Jordan"),
        ("Armenia, a town in Quindío, Colombia, hosted the coffee fair.", "Armenia"),
        ("The mayor of Armenia, Colombia, met farmers near Pereira.", "Armenia"),
    ],
)
def test_traps_produce_no_wrong_tag(text, wrong):
    assert wrong not in tags(text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Georgia's president met officials in Tbilisi.", "Georgia"),
        ("Turkey closed its border with Syria.", "Turkey"),
        ("Jordan's King Abdullah met the envoy in Amman.", "Jordan"),
        ("Armenia and Azerbaijan signed the deal.", "Armenia"),
    ],
)
def test_the_same_names_in_their_own_sense_still_count(text, entity):
    assert entity in tags(text)


@pytest.mark.parametrize(
    ("path", "expected"),
    [(MOSCOW_TIMES_FILE, MOSCOW_TIMES_TAGS), (CGTN_FILE, CGTN_TAGS)],
    ids=["moscow-times", "cgtn"],
)
def test_seed_articles_are_tagged(path, expected):
    tagging = tag_article(parse_article(path.read_text(encoding="utf-8")))
    assert expected <= set(tagging.tags)
    # No false friends in the seeds: every tag is a name the text really uses.
    assert "Georgia" not in tagging.tags and "Jordan" not in tagging.tags
    assert list(tagging.mentions.values()) == sorted(
        tagging.mentions.values(), reverse=True
    )


def test_seed_candidates_name_what_the_list_lacks():
    tagging = tag_article(parse_article(MOSCOW_TIMES_FILE.read_text(encoding="utf-8")))
    assert {"Olga Oliker", "International Crisis Group", "Elnar Hajiyev"} <= set(
        tagging.candidates
    )
    # Known entities, job titles and title-case headline words are not candidates.
    for name in (
        "Nikol Pashinyan",
        "Prime Minister",
        "Foreign Minister",
        "Peace Deal",
        "Peacekeepers Head",
    ):
        assert name not in tagging.candidates
