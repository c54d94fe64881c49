"""Loading and merging the entity data files."""

from __future__ import annotations

import pytest

from newsarchive.entities import EntitiesFileError, load_entities


def toml(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_hand_entries_extend_generated_countries(tmp_path):
    generated = toml(
        tmp_path,
        "countries.toml",
        '[[entity]]\nname = "Azerbaijan"\ntype = "country"\naliases = ["Azerbaijani"]\n',
    )
    hand = toml(
        tmp_path,
        "entities.toml",
        '[[entity]]\nname = "Azerbaijan"\naliases = ["Azeri", "Azerbaijani"]\n'
        '[entity.context]\nreject_if_preceded_by = ["Hotel"]\n'
        '[[entity]]\nname = "Baku"\ntype = "place"\n',
    )
    entities = load_entities((generated, hand))
    azerbaijan = entities.by_name["Azerbaijan"]
    assert azerbaijan.type == "country"
    assert azerbaijan.aliases == ("Azerbaijani", "Azeri")
    assert azerbaijan.context.reject_if_preceded_by == ("Hotel",)
    assert [e.name for e in entities.entities] == ["Azerbaijan", "Baku"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[entity]]\ntype = "place"\n', "every [[entity]] needs a name"),
        (
            '[[entity]]\nname = "X"\ntype = "planet"\n',
            "entity 'X': type must be one of country, place, person, organisation",
        ),
        (
            '[[entity]]\nname = "X"\ntype = "place"\naliases = "Y"\n',
            "aliases must be a list of strings",
        ),
        (
            '[[entity]]\nname = "X"\ntype = "place"\n[entity.context]\nreject_if = ["a"]\n',
            "unknown context key(s) ['reject_if']",
        ),
        (
            '[[entity]]\nname = "X"\ntype = "place"\n[entity.context]\nreject_if_followed_by_capitalised = "yes"\n',
            "must be true or false",
        ),
        (
            '[[entity]]\nname = "A"\ntype = "place"\naliases = ["Z"]\n[[entity]]\nname = "B"\ntype = "place"\naliases = ["Z"]\n',
            "alias 'Z' belongs to both 'A' and 'B'",
        ),
        (
            '[[entity]]\nname = "Congo"\ntype = "place"\n[[entity]]\nname = "Congo!"\ntype = "place"\n',
            "have the same slug 'congo'",
        ),
        ("[[entity]\n", "entities.toml"),
    ],
)
def test_bad_entity_files(tmp_path, text, message):
    with pytest.raises(EntitiesFileError) as raised:
        load_entities((toml(tmp_path, "entities.toml", text),))
    assert message in str(raised.value)
