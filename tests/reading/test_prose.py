"""Which lines are prose: jusText's classes and their revision by context."""

from __future__ import annotations

import pytest

from newsarchive.reading import language, prose
from newsarchive.reading.prose import BAD, GOOD, NEAR_GOOD, SHORT

EN = language.stopwords("en")
LONG = (
    "The government said on Tuesday that it would send more troops to the "
    "region after the talks in the capital had failed, and that it was ready "
    "to return to the table if the other side kept to the ceasefire."
)
MIDDLE = (
    "The minister said that the talks would go on for as long as it took, "
    "and that nobody would leave."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LONG, GOOD),
        (MIDDLE, NEAR_GOOD),
        ("Share", SHORT),
        # Names without the words that join a sentence: a list, not prose.
        (
            "Stepanakert Shusha Lachin Kalbajar Aghdam Fuzuli Jabrayil Zangilan Qubadli",
            BAD,
        ),
        (
            "© 2021 Example News. All rights reserved. Reproduction is prohibited." * 2,
            BAD,
        ),
        (
            "Read the full text at https://example.org/a/very/long/address/of/a/page",
            BAD,
        ),
    ],
)
def test_context_free_classes(text, expected):
    assert prose.context_free(text, EN) == expected


def test_a_short_line_between_good_ones_is_good_and_between_bad_ones_bad():
    assert prose.revise([GOOD, SHORT, GOOD]) == [GOOD, GOOD, GOOD]
    assert prose.revise([BAD, SHORT, BAD]) == [BAD, BAD, BAD]
    # Between good and bad it is bad, unless near-good text stands between
    # it and the bad side.
    assert prose.revise([GOOD, SHORT, BAD]) == [GOOD, BAD, BAD]
    assert prose.revise([GOOD, SHORT, NEAR_GOOD, BAD]) == [GOOD, GOOD, GOOD, BAD]


def test_near_good_lines_are_good_next_to_good_text_and_bad_between_bad():
    assert prose.revise([BAD, NEAR_GOOD, GOOD]) == [BAD, GOOD, GOOD]
    assert prose.revise([BAD, NEAR_GOOD, BAD]) == [BAD, BAD, BAD]


def test_a_story_in_short_paragraphs_still_has_prose():
    units = ["Share", MIDDLE, MIDDLE.replace("minister", "president"), "Tags"]
    assert prose.classify(units, EN) == [BAD, GOOD, GOOD, BAD]


def test_stopword_density_is_counted_in_the_texts_language():
    russian = "Он сказал, что переговоры будут продолжены в ближайшее время."
    assert prose.stopword_density(russian, language.stopwords("ru")) > 0.3
    assert prose.stopword_density(russian, EN) == 0


def test_a_menu_is_no_prose_though_its_stoplist_holds_its_nouns():
    ru = language.stopwords("ru")
    menu = "Свежий номер Политика Экономика Бизнес Мир Происшествия Общество Культура"
    assert prose.stopword_density(menu, ru) > prose.STOPWORDS_HIGH
    assert prose.context_free(menu, ru) == BAD
