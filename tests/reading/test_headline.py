"""Which line above the story is its headline."""

from __future__ import annotations

import pytest

from newsarchive.reading import headline, language

EN = language.stopwords("en")
LEAD = (
    "Russian peacekeepers began deploying to Nagorno-Karabakh on Tuesday "
    "after Armenia and Azerbaijan signed a ceasefire deal brokered by Moscow."
)
HEADLINE = "Russian peacekeepers deploy to Nagorno-Karabakh after ceasefire deal"


def choose(top: list[str], filename: str | None = None) -> str | None:
    units = [*top, LEAD, LEAD.replace("Tuesday", "Wednesday")]
    index = headline.choose(
        units, list(range(len(top))), [len(top), len(top) + 1], EN, filename
    )
    return None if index is None else units[index]


@pytest.mark.parametrize(
    "top",
    [
        ["Skip to content", "World", "Europe", HEADLINE, "10 November 2020"],
        ["THE CAUCASUS HERALD", "Live", HEADLINE, "By Jane Roe"],
        # A kicker echoing the topic, and a caption repeating the lead.
        ["Nagorno-Karabakh war", HEADLINE, "Peacekeepers board a plane. (AP Photo)"],
        # A standfirst ends a sentence and comes after the headline.
        [HEADLINE, "Moscow says 1,960 troops will deploy for five years."],
        # A standfirst need not end one: it is the longer line below, and a
        # date follows it, not the headline.
        [
            HEADLINE,
            "Russian peacekeepers will deploy to Nagorno-Karabakh for five years "
            "under the ceasefire deal Moscow brokered",
            "By Jane Roe",
            "10 November 2020",
        ],
        # A menu that shares a word with the lead, a language switcher.
        [
            "ՀԱՅ ENG РУС TÜRK فارسی",
            "Politics Ceasefire Society Culture Sport",
            HEADLINE,
        ],
        # The line a photo's credit follows is its caption.
        [HEADLINE, "Peacekeepers board a plane at Ulyanovsk airfield", "Photo: AP"],
    ],
)
def test_the_headline_among_the_pages_top_lines(top):
    assert choose(top) == HEADLINE


def test_a_headline_of_few_long_words_beats_its_kicker():
    de = language.stopwords("de")
    units = [
        "Nach Präsidentenwahl in Belarus",
        "Bundesregierung bezweifelt Lukaschenkos Wahlsieg",
        "Nach der Präsidentenwahl in Belarus bezweifelt die Bundesregierung, dass "
        "Lukaschenko die Wahl gewonnen hat, und fordert die Freilassung aller.",
    ]
    assert headline.choose(units, [0, 1], [2], de) == 1


def test_no_line_reads_as_a_headline():
    assert choose(["Share", "Politics Economy Business World Sport", "12:40"]) is None


def test_a_file_named_after_a_lines_slug_is_evidence():
    other = "Armenians protest in Yerevan against the peace agreement"
    chosen = choose(
        [other, HEADLINE], "russian-peacekeepers-deploy-to-nagorno-karabakh.txt"
    )
    assert chosen == HEADLINE
    # A file named after its outlet and date names no line.
    assert choose([HEADLINE], "caucasus-herald-20201110.txt") == HEADLINE


@pytest.mark.parametrize(
    "caption",
    [
        "Soldiers patrol near the border [File: Jane Roe/AFP]",
        "People celebrate in Baku, Azerbaijan, Nov. 8, 2020. (AA Photo)",
        "Protesters in Yerevan. REUTERS/John Doe",
        "Lavrov, centre, with his counterparts in Moscow",
    ],
)
def test_captions_are_no_headlines(caption):
    assert headline.CAPTION.search(caption)
