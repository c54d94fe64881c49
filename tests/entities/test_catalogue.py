"""Loading, merging and checking the entity data files."""

from __future__ import annotations

import pytest

from newsarchive.entities.catalogue import (
    Context,
    EntitiesFileError,
    Entity,
    load_entities,
)

GEORGIA = '[[entity]]\nname = "Georgia"\ntype = "country"\naliases = ["Georgian"]\n'


def toml(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_hand_entries_extend_generated_countries(tmp_path):
    generated = toml(
        tmp_path,
        "countries.toml",
        GEORGIA + 'codes = { alpha2 = "GE", alpha3 = "GEO" }\n'
        '[[entity]]\nname = "Azerbaijan"\ntype = "country"\naliases = ["Azerbaijani"]\n',
    )
    hand = toml(
        tmp_path,
        "entities.toml",
        '[[entity]]\nname = "Georgia"\ntype = "country"\naliases = ["Sakartvelo"]\n'
        '  [entity.context]\n  reject_if_article_mentions = ["Atlanta"]\n'
        # The type may be left out: the extended entity has one.
        '[[entity]]\nname = "Azerbaijan"\naliases = ["Azeri"]\n'
        '[[entity]]\nname = "Tbilisi"\ntype = "place"\n',
    )
    entities = load_entities((generated, hand))
    assert entities.by_name["Georgia"] == Entity(
        "Georgia",
        "country",
        ("Georgian", "Sakartvelo"),
        Context(reject_if_article_mentions=("Atlanta",)),
    )
    assert entities.by_name["Azerbaijan"].aliases == ("Azerbaijani", "Azeri")
    assert entities.by_name["Tbilisi"] == Entity("Tbilisi", "place")
    assert [e.name for e in entities.entities] == ["Azerbaijan", "Georgia", "Tbilisi"]


def test_case_variants_within_one_entity_are_two_aliases(tmp_path):
    # Matching is case-sensitive, so both spellings must be listed.
    path = toml(
        tmp_path,
        "entities.toml",
        '[[entity]]\nname = "NATO"\ntype = "organisation"\naliases = ["Nato"]\n',
    )
    assert load_entities((path,)).by_name["NATO"].aliases == ("Nato",)


def test_loading_is_cached(tmp_path):
    path = toml(tmp_path, "entities.toml", GEORGIA)
    assert load_entities((path,)) is load_entities((path,))


BAD = [
    (
        '[[entity]]\nname = "Georgia"\ntype = "place"\n',
        "{hand}: 'Georgia' extends the country of that name,"
        " so its type must be 'country'",
    ),
    (
        '[[entity]]\nname = "X"\ntype = "city"\n',
        "{hand}: entity 'X': type must be one of country, place, person, organisation",
    ),
    (
        '[[entity]]\nname = "X"\n',
        "{hand}: entity 'X': type must be one of country, place, person, organisation",
    ),
    ('[[entity]]\ntype = "place"\n', "{hand}: every [[entity]] needs a name"),
    (
        '[[entity]]\nname = " "\ntype = "place"\n',
        "{hand}: every [[entity]] needs a name",
    ),
    (
        '[[entity]]\nname = "X"\ntype = "place"\nalias = ["Y"]\n',
        "{hand}: entity 'X': unknown key(s) ['alias']",
    ),
    *(
        (
            f'[[entity]]\nname = "X"\ntype = "place"\naliases = {aliases}\n',
            "{hand}: entity 'X': aliases must be a list of trimmed, non-empty strings",
        )
        for aliases in ('[" Y"]', '["Y "]', '[""]', '"Y"', "[1]")
    ),
    (
        '[[entity]]\nname = "X"\ntype = "place"\ncontext = "Y"\n',
        "{hand}: entity 'X': context must be a table",
    ),
    (
        '[[entity]]\nname = "X"\ntype = "place"\n'
        '[entity.context]\nreject_if_mentions = ["Y"]\n',
        "{hand}: entity 'X': unknown context key(s) ['reject_if_mentions']",
    ),
    (
        '[[entity]]\nname = "X"\ntype = "place"\n'
        '[entity.context]\nreject_if_preceded_by = "Y"\n',
        "{hand}: entity 'X': reject_if_preceded_by must be a list of strings",
    ),
    (
        '[[entity]]\nname = "X"\ntype = "place"\n'
        '[entity.context]\nreject_if_followed_by_capitalised = "yes"\n',
        "{hand}: entity 'X': reject_if_followed_by_capitalised must be true or false",
    ),
    (
        '[[entity]]\nname = "X"\ntype = "place"\n[[entity]]\nname = "X"\ntype = "place"\n',
        "{hand}: entity 'X': listed twice",
    ),
    (
        # Usually an alias added by hand that countries.toml has since gained.
        '[[entity]]\nname = "Georgia"\naliases = ["Sakartvelo", "Georgian"]\n',
        "{hand}: entity 'Georgia': lists ['Georgian'] more than once; an earlier"
        " file (usually the generated countries.toml) already gives it,"
        " so drop it here",
    ),
    (
        '[[entity]]\nname = "NATO"\ntype = "organisation"\naliases = ["Nato", "NATO"]\n',
        "{hand}: entity 'NATO': lists ['NATO'] more than once",
    ),
    (
        '[[entity]]\nname = "Tbilisi"\ntype = "place"\naliases = ["Georgian"]\n',
        "{hand}: entity 'Tbilisi': alias 'Georgian' belongs to both 'Georgia'"
        " and 'Tbilisi'",
    ),
    (
        # The matcher also looks for ALL-CAPS forms, so case cannot tell apart.
        '[[entity]]\nname = "Georgia Tech"\ntype = "organisation"\naliases = ["georgian"]\n',
        "{hand}: entity 'Georgia Tech': alias 'georgian' belongs to both 'Georgia'"
        " and 'Georgia Tech' (as 'Georgian'; case is ignored)",
    ),
    (
        '[[entity]]\nname = "GEORGIA"\ntype = "place"\n',
        "{hand}: entity 'GEORGIA': alias 'GEORGIA' belongs to both 'Georgia'"
        " and 'GEORGIA' (as 'Georgia'; case is ignored)",
    ),
    (
        '[[entity]]\nname = "Congo"\ntype = "place"\n'
        '[[entity]]\nname = "Congo!"\ntype = "place"\n',
        "{hand}: entity 'Congo!': 'Congo' and 'Congo!' have the same slug 'congo'",
    ),
    (
        '[entity]\nname = "X"\ntype = "place"\n',
        "{hand}: entities must be [[entity]] tables",
    ),
    (
        # Only a person's surname or one-word alias can name them alone.
        '[[entity]]\nname = "Ilham Aliyev"\ntype = "person"\nalone = ["Ilham"]\n',
        "{hand}: entity 'Ilham Aliyev': alone lists ['Ilham'], which are not the"
        " person's surname or one-word aliases",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_entries_are_refused(tmp_path, text, message):
    countries = toml(tmp_path, "countries.toml", GEORGIA)
    hand = toml(tmp_path, "entities.toml", text)
    with pytest.raises(EntitiesFileError) as raised:
        load_entities((countries, hand))
    assert str(raised.value) == message.format(hand=hand)


def test_errors_in_the_first_file_name_it(tmp_path):
    countries = toml(tmp_path, "countries.toml", GEORGIA + GEORGIA)
    hand = toml(tmp_path, "entities.toml", "")
    with pytest.raises(EntitiesFileError) as raised:
        load_entities((countries, hand))
    assert str(raised.value) == f"{countries}: entity 'Georgia': listed twice"


def test_unreadable_toml_is_refused_naming_the_file(tmp_path):
    path = toml(tmp_path, "entities.toml", "[[entity]\n")
    with pytest.raises(EntitiesFileError) as raised:
        load_entities((path,))
    assert str(raised.value).startswith(f"{path}: ")
