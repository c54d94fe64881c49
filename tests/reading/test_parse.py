"""The reader's core on the seed articles and on small made-up shapes."""

from __future__ import annotations

import datetime

import pytest

from newsarchive.reading.article import ArticleError
from newsarchive.reading.parse import (
    NO_DATE,
    NO_TITLE,
    parse_article,
    read_article,
    split_units,
)
from tests.conftest import CGTN_FILE, MOSCOW_TIMES_FILE, STORY, fixture_text

MOSCOW_TIMES_PARAGRAPHS = [
    'Moscow confirms peace deal signed for immediate and "complete cessation of hostilities."',
    "Hundreds of Russian peacekeepers were heading to Nagorno-Karabakh on Tuesday after Armenia and Azerbaijan agreed to a peace deal to end weeks of fierce fighting over the disputed region.",
    "The Moscow-brokered agreement, which saw a ceasefire take effect at 21:00 GMT, came after a string of Azerbaijani victories in its fight to retake the ethnic Armenian enclave.",
    "It sparked celebrations in Azerbaijan but fury in Armenia, where protesters took to the streets to denounce the country's leadership for losses in the territory, which broke from Azerbaijan's control during a war in the early 1990s.",
    "Armenian Prime Minister Nikol Pashinyan, Azerbaijani President Ilham Aliyev and Russian President Vladimir Putin announced the deal in the early hours of Tuesday.",
    'Pashinyan described the agreement as "unspeakably painful for me and for our people," while Aliyev said it amounted to a "capitulation" by Armenia.',
    "The full text of the deal showed clear gains for Azerbaijan.",
    "Its forces will retain control over areas seized in the fighting, including the key town of Shusha, while Armenia agreed to a timetable to withdraw from large parts of Nagorno-Karabakh.",
    "A Russian force of 1,960 military personnel and 90 armored personnel carriers will deploy to the region as peacekeepers, for a renewable five-year mission.",
    "Aliyev said key ally Turkey would also be involved in peacekeeping efforts but there was no mention of it in the agreement.",
    'Turkish President Recep Tayyip Erdogan said Ankara and Moscow would jointly supervise the ceasefire at a "joint center to be designated by Azerbaijan in its lands saved from Armenia\'s occupation."',
    'He hailed the truce as a "right step in the direction of a lasting solution."',
    "The conflict over the territory — which has simmered for decades despite international efforts to reach an accord — erupted into fresh fighting in late September.",
    "More than 1,400 people have been confirmed killed, including dozens of civilians, but the death toll is believed to be significantly higher.",
    "Azerbaijani forces made steady gains over the weeks of fighting, sweeping across the southern flank of the region and eventually into its heartland.",
    "A turning point came on Sunday when Aliyev announced that his forces had captured Shusha, the region's strategically vital second-largest town.",
    'Olga Oliker of the International Crisis Group said although the deal ends weeks of fighting "it is not a comprehensive peace treaty. Many details remain vague."',
    '"Disquiet in Baku among those who see Russian peacekeepers as an encroachment on its sovereignty may test the deal," she added.',
    "The announcement of the deal caused outrage in Yerevan, with angry protesters storming government headquarters where they ransacked offices and broke windows.",
    "Crowds also entered parliament and demanded Pashinyan's resignation.",
    "Police retook control of both buildings but the opposition called for a protest on Wednesday against Pashinyan, who came to power leading peaceful protests in 2018.",
    'Pashinyan said he was personally responsible for the Karabakh "catastrophe," but defended his decision saying the situation could only have got worse.',
    '"It is necessary to draw lessons, this will help Armenia\'s future development."',
    'In the Azerbaijani capital Baku joyful residents took to the streets chanting "Karabakh! Karabakh!" and waving Azerbaijani and Turkish flags.',
    '"I am very happy, congratulations to the motherland, I hope these lands will be ours forever," said Elnar Hajiyev, waving an Azerbaijani flag as passing cars honked in celebration.',
    "Karabakh declared independence nearly 30 years ago but the declaration has not been recognised internationally, even by Armenia, and it remains a part of Azerbaijan under international law.",
    'Attempts at ceasefires brokered by France, Russia and the United States — which together lead the "Minsk Group" that sought for years to end the conflict — repeatedly failed over recent weeks.',
    "The latest agreement made no mention of the status of the Armenian-populated areas of Nagorno-Karabakh or of the format of future negotiations to settle the conflict.",
    "Azerbaijan has been pushing for Turkey's involvement in a settlement and the new deal came after Putin spoke with Turkish President Recep Tayyip Erdogan on Saturday.",
    '"Our dear Azerbaijan achieved significant gains in the field and at the (negotiating) table. I wholeheartedly congratulate this blessed success," tweeted Turkish Foreign Minister Mevlut Cavusoglu.',
    "The agreement also provides for Armenia to agree to a transport corridor linking Azerbaijan with its Nakhchivan exclave on the border with Turkey.",
    'French President Emmanuel Macron expressed hope that the deal will "preserve Armenia\'s interests" and also called on Turkey to "end its provocations" over the conflict.',
    "The ceasefire deal came just hours after Azerbaijan admitted to accidentally shooting down a Russian military helicopter flying in Armenia near Nakhchivan and quickly apologized.",
    'Iran welcomed the deal to end the fighting and called for "foreign fighters" to pull out of the region, a reference to widespread allegations that Ankara had dispatched mercenaries from Syria to bolster Azerbaijan\'s forces.',
    "Russia has a military pact with Armenia but also good ties with oil-rich Azerbaijan, both ex-Soviet countries that gained independence with the 1991 collapse of the USSR.",
]

CGTN_PARAGRAPHS = [
    "Russia deployed 2,000 troops in the disputed Nagorno-Karabakh region on Tuesday after helping to broker a second ceasefire agreement between Armenia and Azerbaijan. The latest agreement of detente was scheduled to begin from November 10.",
    "The truce came after significant advances by Azerbaijani forces that the Armenian-backed leader of Nagorno-Karabakh said made it impossible for his side to carry on. It was celebrated in Azerbaijan, but left Armenians bitter, with many storming government buildings overnight, demanding Parliament invalidate the agreement.",
    "The two countries have been locked in a conflict over Nagorno-Karabakh for decades, and there were concerns the hostilities could escalate and draw in Turkey, which threw its weight behind Azerbaijan, and Russia, which has a security pact with Armenia.",
    "The agreement follows a U.S.-mediated truce in October which was broken soon after it came into effect. It ends military action and restores relative calm to the breakaway territory, internationally recognized as part of Azerbaijan but populated and, until recently, fully controlled by ethnic Armenians.",
    "Azerbaijan will keep territory it captured, including the mountain enclave's second biggest city Shusha, which Armenians call Shushi. Ethnic Armenian forces must give up control of a slew of other areas by December 1.",
    "Russian President Vladimir Putin said the deal, announced overnight and also signed by Moscow, should pave the way for a lasting political settlement to fighting that killed thousands, displaced many more and threatened to spark a wider war.",
    'Armenian Prime Minister Nikol Pashinyan denied Armenia had suffered a defeat but acknowledged a "disaster" for which he took personal responsibility.',
    "Unrest broke out in Yerevan, Armenia's capital, where crowds stormed and ransacked government buildings overnight, labeling the deal a betrayal. Some protesters urged Pashinyan to quit, a demand later echoed by 17 political parties, while a petition was started demanding the agreement be annulled.",
    "Three previous ceasefires had failed and Nagorno-Karabakh leader Arayik Harutyunyan said there had been no option but to conclude a peace deal because of the risk of losing the whole enclave to Azerbaijan.",
    "Pashinyan said he had concluded the peace deal under pressure from his own army.",
    '"I personally bear responsibility for this," he later said on Facebook. "This is a big failure and disaster and mourning for lost lives."',
    "For Russia, which has a defense pact with Armenia and a military base there, the deal is a sign it is still the main arbiter in the energy-producing South Caucasus, which it sees as its own backyard.",
    "Under the ceasefire deal, Azerbaijan will gain a road link to an Azeri exclave on the Iranian-Turkish border, giving Turkey a land bridge to Azerbaijan.",
    "Putin said displaced people would be able to return to Nagorno-Karabakh and prisoners of war and bodies of those killed would be exchanged. All economic and transport links in the area would be reopened.",
    "Russian peacekeepers will remain for at least five years, expanding Moscow's military footprint in the region. Putin said they would be deployed along the frontline in Nagorno-Karabakh and in a corridor between the region and Armenia.",
    "Almost 2,000 servicemen, 90 armored personnel carriers, and 380 vehicles and pieces of other hardware were being deployed, the Russian defense ministry said.",
    "Russian media said 20 military planes had taken off for the region and had started arriving in Armenia en route to Nagorno-Karabakh.",
    "Kremlin spokesman Dmitry Peskov said there had been no agreement on deploying any Turkish peacekeepers in Nagorno-Karabakh, but the Turkish military would help staff a joint monitoring center with Russian forces.",
]

MOSCOW_TIMES_BOILERPLATE = [
    "Support The Moscow Times!",
    "Sign up for our free weekly newsletter",
    "Subscribers agree to the Privacy Policy",
    "A Message from The Moscow Times:",
    "Dear readers,",
    "Once",
    "Monthly",
    "Annual",
    "Continue",
    "paiment methods",
    "Not ready to support today?",
    "Remind me later.",
]

CGTN_BOILERPLATE = [
    "Updated 11:17, 11-Nov-2020",
    "CGTN",
    "00:42",
    "(With inputs from agencies)",
]

CGTN_CAPTIONS = [
    "Russian peacekeepers board a military plane at an undisclosed location in Russia, November 10, 2020. /AP",
    "Russian peacekeepers were deployed to Nagorno-Karabakh on November 10, 2020. /AP",
]


@pytest.fixture(scope="module")
def moscow_times():
    return parse_article(MOSCOW_TIMES_FILE.read_text(encoding="utf-8"), "mt.txt")


@pytest.fixture(scope="module")
def cgtn():
    return parse_article(fixture_text("cgtn_raw.txt"), "cgtn.txt")


def test_moscow_times_fields(moscow_times):
    assert (
        moscow_times.title
        == "Russian Peacekeepers Head to Nagorno-Karabakh After Peace Deal"
    )
    assert moscow_times.date == datetime.datetime(2020, 11, 10)
    assert moscow_times.source == "The Moscow Times"
    assert moscow_times.url is None
    assert moscow_times.authors == ()


def test_moscow_times_keeps_every_story_paragraph_in_order(moscow_times):
    assert moscow_times.paragraphs == MOSCOW_TIMES_PARAGRAPHS


def test_moscow_times_subheads(moscow_times):
    assert moscow_times.headings == [
        "Nearly 2,000 peacekeepers",
        "Karabakh 'catastrophe'",
        "'Blessed success'",
    ]
    kinds = [block.kind for block in moscow_times.blocks]
    # Each subhead sits between the paragraphs it separates in the source.
    assert kinds.index("heading") == 8


def test_moscow_times_boilerplate_is_removed_and_accounted_for(moscow_times):
    kept = " ".join(block.text for block in moscow_times.blocks)
    removed = [r.line for r in moscow_times.removed]
    for line in MOSCOW_TIMES_BOILERPLATE:
        assert line not in kept
        assert line in removed
    assert "newsletter" not in kept
    assert "Dear readers" not in kept
    assert "undesirable" not in kept
    rules = {r.line: r.rule for r in moscow_times.removed}
    assert rules["Support The Moscow Times!"] == "donation-appeal"
    assert rules["Sign up for our free weekly newsletter"] == "newsletter-signup"
    assert rules["Remind me later."] == "donation-appeal"


def test_cgtn_fields(cgtn):
    assert cgtn.title == (
        "Russia deploys 2,000 troops to disputed Nagorno-Karabakh region after ceasefire deal"
    )
    beijing = datetime.timezone(datetime.timedelta(hours=8))
    assert cgtn.date == datetime.datetime(2020, 11, 11, 11, 17, tzinfo=beijing)
    assert cgtn.date.utcoffset() == datetime.timedelta(hours=8)
    assert cgtn.source == "CGTN"


def test_cgtn_keeps_every_story_paragraph_in_order(cgtn):
    assert cgtn.paragraphs == CGTN_PARAGRAPHS


def test_cgtn_captions_are_kept_once_and_only_as_captions(cgtn):
    assert cgtn.captions == CGTN_CAPTIONS
    assert not set(CGTN_CAPTIONS) & set(cgtn.paragraphs)
    assert [r.rule for r in cgtn.removed if r.line in CGTN_CAPTIONS] == [
        "duplicate-caption",
        "duplicate-caption",
    ]


def test_cgtn_boilerplate_rules(cgtn):
    assert [(r.line, r.rule) for r in cgtn.removed] == [
        (cgtn.title, "title"),
        ("Updated 11:17, 11-Nov-2020", "dateline"),
        ("CGTN", "publisher-line"),
        (CGTN_CAPTIONS[0], "duplicate-caption"),
        (CGTN_CAPTIONS[1], "duplicate-caption"),
        ("00:42", "video-timestamp"),
        ("(With inputs from agencies)", "agency-credit"),
    ]
    for line in CGTN_BOILERPLATE:
        assert line not in cgtn.paragraphs


def test_header_and_raw_text_read_the_same_body():
    raw = parse_article(fixture_text("cgtn_raw.txt"))
    with_header = parse_article(CGTN_FILE.read_text(encoding="utf-8"))
    assert with_header.blocks == raw.blocks
    assert with_header.date == raw.date


def test_raw_moscow_times_has_no_date_and_says_what_to_add():
    article = read_article(fixture_text("moscow_times_raw.txt"), "mt.txt")
    assert (
        article.title
        == "Russian Peacekeepers Head to Nagorno-Karabakh After Peace Deal"
    )
    assert article.date is None
    assert article.problems == (NO_DATE,)
    with pytest.raises(ArticleError) as raised:
        parse_article(fixture_text("moscow_times_raw.txt"), "content/articles/mt.txt")
    assert str(raised.value) == f"content/articles/mt.txt: {NO_DATE}"


def test_a_file_with_no_title_names_the_file():
    with pytest.raises(ArticleError) as raised:
        parse_article("Date: 2020-11-10\n\n", "a/b.txt")
    assert str(raised.value).startswith(f"a/b.txt: {NO_TITLE}")


def test_article_text_is_never_markup():
    article = parse_article(
        "Title: <b>Bold</b> claims\nDate: 2021-01-02\nSource: Example News\n\n"
        "A paragraph with <script>alert(1)</script> and [a link](javascript:x) in it.\n"
        f"\n{STORY}"
    )
    assert article.title == "<b>Bold</b> claims"
    assert article.paragraphs[0] == (
        "A paragraph with <script>alert(1)</script> and [a link](javascript:x) in it."
    )


def test_hard_wrapped_lines_are_rejoined():
    units, origins = split_units(
        "The first line of a paragraph wrapped at a fixed width\n"
        "goes on here and ends here.\nNext one."
    )
    assert units == [
        "The first line of a paragraph wrapped at a fixed width goes on here and ends here.",
        "Next one.",
    ]
    assert origins[0] == [
        "The first line of a paragraph wrapped at a fixed width",
        "goes on here and ends here.",
    ]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "00:42\n(With inputs from agencies)",
            ["00:42", "(With inputs from agencies)"],
        ),
        (
            "A subhead\neBay said it would comply.",
            ["A subhead", "eBay said it would comply."],
        ),
        (
            "CEC: the ruling party wins the election with 53.9 per cent\nby Agenda.ge",
            [
                "CEC: the ruling party wins the election with 53.9 per cent",
                "by Agenda.ge",
            ],
        ),
    ],
)
def test_short_lines_are_not_joined_to_the_next(text, units):
    assert split_units(text)[0] == units


def test_non_breaking_spaces_and_crlf_are_normalised():
    units, _ = split_units("One\u00a0two \r\nThree.\u00a0\r\n")
    assert units == ["One two", "Three."]


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("Title: X\nTilte: Y\n", "header line 2 has unknown key 'Tilte'"),
        ("Title: X\nDate: next week\n", "the Date header 'next week' is not a date"),
        ("Title: X\nURL: javascript:alert(1)\n", "is not an http(s) address"),
        ("Title: X\nTitle: Y\n", "header line 2 repeats 'Title'"),
    ],
)
def test_bad_headers_are_named(header, problem):
    with pytest.raises(ArticleError) as raised:
        parse_article(
            header + "\nSome story text that is long enough to be a paragraph.\n",
            "x.txt",
        )
    assert str(raised.value).startswith("x.txt: ")
    assert problem in str(raised.value)


def test_byline_gives_authors_and_is_removed():
    article = parse_article(
        "Date: 2021-03-04\nSource: Example News\n\n"
        "A headline about the story\nBy Jane Doe and John Roe\n\n"
        f"{STORY}"
    )
    assert article.authors == ("Jane Doe", "John Roe")
    assert ("By Jane Doe and John Roe", "byline") in [
        (r.line, r.rule) for r in article.removed
    ]


def test_short_line_before_any_paragraph_is_not_a_heading():
    article = parse_article(
        "Title: T\nDate: 2021-03-04\nSource: Example News\n\nKicker words\n\n"
        f"{STORY}\nA subhead\n\nMore story after the subhead follows here, long "
        "enough to be prose too, and it says what the officials said on Tuesday.\n"
    )
    assert article.headings == ["A subhead"]
    # Above the story and no headline of it: the site's furniture.
    assert ("Kicker words", "above-story") in [
        (r.line, r.rule) for r in article.removed
    ]


@pytest.mark.parametrize(
    "line",
    [
        '<img src="photo.jpg" alt="Troops">',
        "By Jane Roe and John Doe",
        "Video: Troops cross the border",
        "WATCH: the moment the deal was signed",
        "Soldiers at the border [File: Jane Roe/AFP]",
        "and then it went on",
    ],
)
def test_a_line_that_is_no_subhead_stays_text(line):
    article = parse_article(
        "Title: Talks resume\nDate: 2021-03-04\nSource: Example News\n\n"
        f"{STORY}\n{line}\n\n{STORY.replace('story', 'report')}"
    )
    assert article.headings == []


def test_the_place_printed_above_the_date_line_goes_with_it():
    text = (
        "Example News\n"
        "Talks resume in Geneva as both sides return to the table\n"
        "By Jane Roe\n"
        "ISTANBUL\n"
        "MAY 28, 2023 - 11:45 PM\n"
        f"{STORY}"
    )
    article = read_article(text)
    removed = {removal.line: removal.rule for removal in article.removed}
    assert removed["ISTANBUL"] == "dateline"
    assert removed["MAY 28, 2023 - 11:45 PM"] == "dateline"
    assert article.date == datetime.datetime(2023, 5, 28, 23, 45, tzinfo=datetime.UTC)
