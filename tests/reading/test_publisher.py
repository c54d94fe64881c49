"""Who published an article, from what the page says."""

from __future__ import annotations

import pytest

from newsarchive.reading import publisher
from newsarchive.reading.outlets import Outlets, load_outlets
from newsarchive.reading.parse import read_article

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


def test_the_masthead_is_the_top_line_the_pages_furniture_names_most():
    units = [
        "24.kg",
        "Politics",
        "Society",
        "Kazakhstan",
        "A headline about the parliament's vote",
        "The story names Kazakhstan and its parliament in its prose.",
        "Read more: Kazakhstan raises fuel prices",
        "Any use of 24.kg materials requires a hyperlink to the source.",
        "© 24.kg, 2022",
    ]
    prose = [False] * 5 + [True] + [False] * 3
    marks = [None] * 6 + ["read-more", None, "copyright"]
    assert publisher.masthead(units, marks, prose) == "24.kg"


def test_a_section_label_below_the_first_lines_is_no_masthead():
    units = [
        "Get the news by email",
        "Subscribe",
        "World",
        "News",
        "A headline about the talks in Geneva",
        "The talks went on all night, officials said.",
        "Sign up for our World News newsletter",
    ]
    prose = [False] * 5 + [True, False]
    assert publisher.masthead(units, [None] * 7, prose) is None


def test_a_wire_credit_is_found_below_the_byline_and_date_lines():
    text = (
        "Example Portal\n"
        "Armenian separatists say their government will dissolve itself\n"
        "JANE ROE and JOHN DOE\n"
        "Updated Thu, September 28, 2023 at 12:09 PM\n"
        "YEREVAN, Armenia (AP) — The separatist government said on Thursday "
        "that it would dissolve itself by the end of the year, officials said.\n\n"
        "More than half of the region's residents have already left for "
        "Armenia, officials in Yerevan said on Thursday evening.\n"
    )
    article = read_article(text, outlets=NONE)
    assert article.source == "AP"


@pytest.mark.parametrize(
    "line",
    [
        "Copyright© 2021, THG PUBLISHING PVT LTD. or its affiliated companies.",
        "Copyright © 2020 MediaNews Group",
        "Copyright © 2021 Bennett, Coleman & Co. Ltd. All rights reserved.",
    ],
)
def test_a_copyright_line_naming_the_owning_company_names_no_publisher(line):
    units = ["A headline", "The story.", line]
    assert publisher.copyright_owner(units) is not None
    assert publisher.infer(units, [], NONE) == (None, "")


def test_a_source_line_naming_only_agencies_names_no_publisher():
    assert publisher.source_line(["Story.", "Fuente: agencias"]) is None


def test_the_first_line_named_like_a_newspaper_is_the_masthead():
    units = [
        "Los Angeles Daily News",
        "Trending:",
        "Election results",
        "A headline about the city council's vote",
        "The council voted on Tuesday to approve the budget, officials said.",
    ]
    prose = [False] * 4 + [True]
    assert publisher.masthead(units, [None] * 5, prose) == "Los Angeles Daily News"
    # Below the first lines, such a name is a section's ("World News").
    units = ["Subscribe", "Log in", "World News", *units[3:]]
    assert publisher.masthead(units, [None] * 5, prose) is None


def test_a_logos_text_names_the_publisher():
    units = ["Skip to main content", "Reuters logo", "World", "A headline", "Story."]
    assert publisher.infer(units, [], NONE) == ("Reuters", "logo")


def test_an_agency_credit_in_capitals_after_the_date():
    lead = ["YEREVAN, JANUARY 11, ARMENPRESS. The prime minister said on Monday."]
    assert publisher.credit(lead) == "ARMENPRESS"
    lead = ["BAKU, 10 November. AZERTAC. The ministry said on Tuesday."]
    assert publisher.credit(lead) == "AZERTAC"
