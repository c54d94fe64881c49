"""Who published an article, from what the page says."""

from __future__ import annotations

import pytest

from newsarchive.reading import publisher
from newsarchive.reading.outlets import Outlets, load_outlets

NONE = Outlets(())


@pytest.mark.parametrize(
    ("lead", "agency"),
    [
        ("MOSCOW, Nov 10 (Reuters) - Russian troops deployed.", "Reuters"),
        ("YEREVAN, Armenia (AP) — Protesters stormed parliament.", "AP"),
        ("ANKARA, March 3. /TASS/. Turkey welcomed the deal.", "TASS"),
        ("Мирное соглашение подписано, сообщили — РИА Новости.", "РИА Новости"),
        ("Bakú, 11 nov (EFE).- La cumbre comenzó.", "EFE"),
        ("The minister (pictured) said the talks went well - and ended.", None),
        ("KYIV (Photo) - not a credit", None),
    ],
)
def test_agency_credits_in_the_lead(lead, agency):
    assert publisher.credit([lead]) == agency


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("© 2021 BBC", "BBC"),
        (
            "Copyright 2020 The Associated Press. All rights reserved.",
            "The Associated Press",
        ),
        ("© 2024 Agenda.ge. All rights reserved.", "Agenda.ge"),
        ("© АО «Коммерсантъ», 2021", "Коммерсантъ"),
        (
            "© 2021 Guardian News & Media Limited or its affiliated companies.",
            "Guardian News & Media",
        ),
        ("© РИА Новости / Алексей Дружинин", "РИА Новости"),
    ],
)
def test_copyright_owners(line, owner):
    assert publisher.copyright_owner(["A story line.", line]) == owner


def test_a_source_line_names_the_outlet_not_its_agencies():
    units = ["Story.", "SOURCE: AL JAZEERA AND NEWS AGENCIES"]
    assert publisher.source_line(units) == "AL JAZEERA"


def test_a_masthead_the_page_names_again_outside_its_prose():
    units = [
        "LebTown",
        "News",
        "A headline here",
        "The story.",
        "Support LebTown today",
    ]
    prose = [False, False, False, True, False]
    assert publisher.masthead(units, [None] * 5, prose) == "LebTown"
    # A section label the story itself names again is no masthead.
    units = [
        "World",
        "A headline",
        "The World Bank said on Tuesday that it would help.",
    ]
    assert publisher.masthead(units, [None] * 3, [False, False, True]) is None


def test_infer_prefers_a_credit_and_names_the_known_outlet():
    units = ["Some headline", "MOSCOW (AP) — Troops moved in.", "© 2020 Yahoo"]
    name, how = publisher.infer(units, units[1:2], load_outlets())
    assert (name, how) == ("Associated Press", "agency credit")
    name, how = publisher.infer(units[:1] + units[2:], [], NONE)
    assert (name, how) == ("Yahoo", "copyright line")
    assert publisher.infer(["Headline", "Story."], ["Story."], NONE) == (None, "")
