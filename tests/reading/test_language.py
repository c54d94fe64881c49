"""The language of an article, and its stopwords."""

from __future__ import annotations

import pytest

from newsarchive.reading import language


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Лидеры России, Азербайджана и Армении подписали заявление о мире."], "ru"),
        (["Azerbaycan ve Ermenistan arasında barış anlaşması imzalandı."], "tr"),
        (["Les dirigeants ont signé un accord de cessez-le-feu lundi soir."], "fr"),
        (["The leaders signed a ceasefire agreement late on Monday night."], "en"),
        ([], "en"),
    ],
)
def test_detect(lines, expected):
    # A menu of short lines does not outweigh the story's long ones.
    assert language.detect([*lines, "Home", "News"]) == expected


def test_stopwords_of_a_language_and_english_for_one_without_a_list():
    assert {"и", "в", "не"} <= language.stopwords("ru")
    assert "the" in language.stopwords("en")
    assert language.stopwords("xx") == language.stopwords("en")
