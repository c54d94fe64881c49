"""Cities beyond the entity list, tagged only with evidence."""

from __future__ import annotations

import pytest

from newsarchive.entities.catalogue import load_entities
from newsarchive.entities.gazetteer import Gazetteer, Place
from newsarchive.entities.tagging import describe, tag_article
from newsarchive.reading.article import PARAGRAPH, Article, Block

PLACES = {
    "Goris": (Place(174895, "Goris", "AM", 17592),),
    "Gaziantep": (Place(314830, "Gaziantep", "TR", 2222415),),
    "Mobile": (Place(4076598, "Mobile", "US", 195111),),
    "Jackson": (Place(4431410, "Jackson", "US", 160628),),
}


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer(load_entities().entities, PLACES)


def found(gazetteer, text, countries, stopwords=frozenset()):
    return [m.name for m in gazetteer.scan(text, [], countries, stopwords)]


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        # Its country named, and a word of place before it.
        ("Refugees arrived in Goris on Monday.", {"Armenia"}, ["Goris"]),
        # No country named: no evidence.
        ("Refugees arrived in Goris on Monday.", set(), []),
        # A small town needs the word of place; a large city does not.
        ("Goris welcomed them.", {"Armenia"}, []),
        ("Gaziantep was shaken.", {"Turkey"}, ["Gaziantep"]),
        # Followed by its country, it needs nothing else.
        ("Goris, Armenia, is on the road south.", set(), ["Goris"]),
        # A common word: the article writes it in lower case too.
        ("Mobile phones failed; mobile networks too.", {"United States"}, []),
        ("Storms hit Mobile and the mobile network.", {"United States"}, []),
        ("Storms hit near Mobile, officials said.", {"United States"}, ["Mobile"]),
        # A person's name, or a longer name.
        ("Andrew Jackson was president.", {"United States"}, []),
        ("They met at Jackson Hole.", {"United States"}, []),
    ],
)
def test_evidence(gazetteer, text, countries, expected):
    assert found(gazetteer, text, countries) == expected


def article(*paragraphs: str) -> Article:
    return Article(
        title="Report",
        date=None,
        source="Example News",
        blocks=tuple(Block(PARAGRAPH, text) for text in paragraphs),
    )


def test_a_town_named_like_a_country_is_never_the_country():
    tagging = tag_article(
        article("Lebanon, Pennsylvania, approved a new traffic plan on Monday.")
    )
    assert "Lebanon" not in tagging.tags
    assert tagging.tags == ["Lebanon, Pennsylvania"]
    tagging = tag_article(article("Coffee growers in Armenia, Colombia, met."))
    assert set(tagging.tags) == {"Colombia", "Armenia, Colombia"}


def test_gazetteer_tags_have_place_records():
    tagging = tag_article(
        article("Rescuers worked through the night in Kahramanmaraş, Turkey.")
    )
    assert "Kahramanmaraş" in tagging.tags
    record = describe(tagging.tags).by_name["Kahramanmaraş"]
    assert (record.type, record.aliases) == ("place", ())
