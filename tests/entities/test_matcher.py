"""The matcher's mechanics on a small entity list of our own."""

from __future__ import annotations

import pytest

from newsarchive.entities.catalogue import load_entities
from newsarchive.entities.matcher import Matcher
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_entities((FIXTURES / "entities_small.toml",)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijan's forces", {"Azerbaijan": 1}),
        ("an Azeri exclave", {"Azerbaijan": 1}),
        ("the Iranian-Turkish border", {"Iran": 1, "Turkey": 1}),
        ("Nagorno-Karabakh, or Karabakh", {"Nagorno-Karabakh": 2}),
        ("a U.S.-mediated truce", {"United States": 1}),
        ("NAGORNO-KARABAKH: PEACE", {"Nagorno-Karabakh": 1}),
        # Whole words only, and case matters.
        ("Iranians and Azerbaijanistan", {}),
        ("us and them", {}),
        ("a turkey sandwich", {}),
        ("Nikol Pashinyan's resignation", {"Nikol Pashinyan": 1}),
    ],
)
def test_mentions(matcher, text, expected):
    assert matcher.count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname alone names a person after their full name, as news does.
        ("Pashinyan resigned.", {}),
        ("Nikol Pashinyan met voters. Pashinyan said...", {"Nikol Pashinyan": 2}),
        # Unless the data says it names them on its own.
        ("Putin spoke. Russia's Putin spoke again.", {"Vladimir Putin": 2}),
        # Right after another first name, it is someone else.
        ("Rashad Aliyev opened a bakery.", {}),
        ("Ilham Aliyev spoke. Rashad Aliyev, a baker, listened.", {"Ilham Aliyev": 1}),
        ("Vladimir Putin and Sergei Putin", {"Vladimir Putin": 1}),
        # Two people of one surname stay apart: the one named last above.
        (
            "Heydar Aliyev ruled until 2003. Ilham Aliyev succeeded him. Aliyev "
            "said... Heydar Aliyev's legacy... as Aliyev put it",
            {"Heydar Aliyev": 3, "Ilham Aliyev": 2},
        ),
        # Titles, days and sentence openers before a surname are no first names.
        (
            "Ilham Aliyev spoke. President Aliyev said on Tuesday Aliyev would go.",
            {"Ilham Aliyev": 3},
        ),
    ],
)
def test_surnames_alone(matcher, text, expected):
    assert matcher.count(text) == expected


def test_counts_are_most_mentioned_first(matcher):
    assert list(matcher.count("Iran, Turkey, Turkish, Iran, Turkey")) == [
        "Turkey",
        "Iran",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voters in Atlanta, Georgia, queued for hours.", {}),
        (
            "Georgia's president met officials in Tbilisi. Atlanta sent a delegation.",
            {"Georgia": 1},
        ),
        ("Roast the Turkey for Thanksgiving.", {}),
        ("Jordan Peterson spoke on Tuesday.", {}),
        ("Michael Jordan retired.", {}),
        ("Jordan's king met Turkish officials.", {"Jordan": 1, "Turkey": 1}),
    ],
)
def test_context_rules(matcher, text, expected):
    assert matcher.count(text) == expected


def test_scan_reports_rejected_aliases_as_known_spans(matcher):
    scan = matcher.scan("In Atlanta, Georgia voted.")
    assert scan.mentions == ()
    assert scan.spans == ((12, 19),)


def test_one_automaton_scales_to_thousands_of_aliases(tmp_path):
    path = tmp_path / "many.toml"
    path.write_text(
        "".join(
            f'[[entity]]\nname = "Place{i:05d}"\ntype = "place"\n' for i in range(5000)
        ),
        encoding="utf-8",
    )
    big = Matcher(load_entities((path,)))
    assert big.count("Place00042 and Place04999, not Place0004") == {
        "Place00042": 1,
        "Place04999": 1,
    }
