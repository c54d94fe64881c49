"""Story pages, the story index and "Also covered by", in real builds."""

from __future__ import annotations

import datetime
import posixpath
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsarchive.plugins.story_pages import (
    EarlyGrouping,
    compare_stories,
    story_pages,
    story_records,
)
from newsarchive.reading.article import PARAGRAPH, Article, Block
from newsarchive.stories.coverage import compare
from newsarchive.stories.grouping import group_stories
from newsarchive.stories.settings import StorySettings
from tests.conftest import CGTN_FILE, FIXTURES, MOSCOW_TIMES_FILE, build_site, soup
from tests.test_build import CGTN_PAGE, MT_PAGE, plain

SEED_STORY = (
    "story/2020-11-10-russian-peacekeepers-head-to-nagorno-karabakh-after-peace-deal/"
)
SEED_STORY_PAGE = SEED_STORY + "index.html"
STORIES = FIXTURES / "stories"


def resolve(page: str, href: str) -> str:
    """The output path a relative link on ``page`` points at, as a folder URL."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return "" if target == "." else target.rstrip("/") + "/"


def folder(page: str) -> str:
    return page[: -len("index.html")]


def figure_rows(page) -> dict[str, list[str]]:
    """Counted thing -> one cell's text per outlet."""
    return {
        plain(row.select_one("th")): [plain(cell) for cell in row.select("td")]
        for row in page.select("main table.figures tbody tr")
    }


def entity_groups(page) -> dict[str, list[str]]:
    section = page.select_one("main .story-entities")
    return {
        plain(heading): [plain(a) for a in heading.find_next_sibling("ul").select("a")]
        for heading in section.select("h3")
    }


# The seed archive ----------------------------------------------------------


@pytest.fixture(scope="module")
def story_page(real_site):
    return soup(real_site / SEED_STORY_PAGE)


def test_the_seeds_form_one_story_page_showing_both_outlets(story_page):
    assert plain(story_page.select_one("main h1")) == (
        "Russian Peacekeepers Head to Nagorno-Karabakh After Peace Deal"
    )
    reports = story_page.select("main .story-coverage ol.coverage > li")
    assert [plain(r.select_one(".publisher")) for r in reports] == [
        "The Moscow Times",
        "CGTN",
    ]
    links = [resolve(SEED_STORY_PAGE, r.select_one("h3 a")["href"]) for r in reports]
    assert links == [folder(MT_PAGE), folder(CGTN_PAGE)]
    assert [r.select_one("time")["datetime"][:10] for r in reports] == [
        "2020-11-10",
        "2020-11-11",
    ]
    assert story_page.select_one("main header time")["datetime"] == "2020-11-10"


def test_the_story_page_shows_shared_and_distinct_entities(story_page):
    groups = entity_groups(story_page)
    assert list(groups) == [
        "Mentioned by both",
        "Only The Moscow Times",
        "Only CGTN",
    ]
    assert {"Armenia", "Azerbaijan", "Russia", "Nagorno-Karabakh"} <= set(
        groups["Mentioned by both"]
    )
    assert {"France", "Minsk Group", "Emmanuel Macron"} <= set(
        groups["Only The Moscow Times"]
    )
    assert {"Kremlin", "Dmitry Peskov", "Arayik Harutyunyan"} <= set(
        groups["Only CGTN"]
    )
    shared = set(groups["Mentioned by both"])
    assert not shared & set(groups["Only The Moscow Times"])
    assert not shared & set(groups["Only CGTN"])
    link = story_page.select_one(".story-entities a[href$='/entity/france/']")
    assert plain(link) == "France"


def test_troop_and_vehicle_figures_are_side_by_side(story_page):
    headers = [
        (plain(th), th["scope"])
        for th in story_page.select("main table.figures thead th")
    ]
    assert headers == [
        ("Counting", "col"),
        ("The Moscow Times", "col"),
        ("CGTN", "col"),
    ]
    assert all(
        th["scope"] == "row" for th in story_page.select("table.figures tbody th")
    )
    rows = figure_rows(story_page)
    moscow, cgtn = rows["troops"]
    assert "1,960 military personnel" in moscow
    assert "almost 2,000 servicemen" in cgtn
    # Both seeds write the carriers out in full; neither says "APCs".
    assert rows["armoured personnel carriers"] == [
        "90 armored personnel carriers",
        "90 armored personnel carriers",
    ]
    assert rows["vehicles"] == ["not given", "380 vehicles"]
    # The rows every outlet reports come first.
    assert list(rows)[:2] == ["troops", "armoured personnel carriers"]


def test_each_outlet_has_sentences_the_other_lacks(story_page):
    texts = {
        "The Moscow Times": MOSCOW_TIMES_FILE.read_text(encoding="utf-8"),
        "CGTN": CGTN_FILE.read_text(encoding="utf-8"),
    }
    for report in story_page.select("main ol.coverage > li"):
        publisher = plain(report.select_one(".publisher"))
        assert plain(report.select_one(".only-here")) == f"Only {publisher} reports:"
        sentences = [li.get_text() for li in report.select("ul.distinct li")]
        assert 1 <= len(sentences) <= 3
        other = next(text for name, text in texts.items() if name != publisher)
        for sentence in sentences:
            assert sentence in " ".join(texts[publisher].split())
            assert sentence not in " ".join(other.split())
    assert "17 political parties" in plain(story_page.select_one("main ol.coverage"))


@pytest.mark.parametrize(
    ("page", "other"), [(MT_PAGE, CGTN_PAGE), (CGTN_PAGE, MT_PAGE)]
)
def test_each_seed_page_says_who_else_covered_it(real_site, page, other):
    aside = soup(real_site / page).select_one("main article .also-covered")
    assert plain(aside.select_one("h2")) == "Also covered by"
    (item,) = aside.select("ul li")
    assert resolve(page, item.select_one("a")["href"]) == folder(other)
    publisher = "CGTN" if other == CGTN_PAGE else "The Moscow Times"
    assert plain(item.select_one(".publisher")) == publisher
    compare = aside.select("a")[-1]
    assert resolve(page, compare["href"]) == SEED_STORY
    assert plain(compare) == "Compare how 2 outlets reported it"


def test_the_story_index_lists_the_story(real_site):
    page = soup(real_site / "story" / "index.html")
    assert plain(page.select_one("main h1")) == "Stories"
    (story,) = page.select("main ol.stories > li")
    link = story.select_one("h2 a")
    assert resolve("story/index.html", link["href"]) == SEED_STORY
    assert plain(link) == (
        "Russian Peacekeepers Head to Nagorno-Karabakh After Peace Deal"
    )
    assert plain(story.select_one(".meta")) == (
        "10 November 2020 · 2 outlets: The Moscow Times, CGTN"
    )
    current = page.select_one("nav[aria-label=Site] a[aria-current=page]")
    assert plain(current) == "Stories"


def test_every_page_links_to_the_story_index(real_site):
    nav = soup(real_site / MT_PAGE).select_one("nav[aria-label=Site]")
    link = next(a for a in nav.select("a") if plain(a) == "Stories")
    assert resolve(MT_PAGE, link["href"]) == "story/"


def test_story_pages_are_not_in_the_sitemap_or_feeds(real_site):
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/story/" not in sitemap
    for feed in real_site.rglob("*.atom.xml"):
        assert "/story/" not in feed.read_text(encoding="utf-8"), feed


# Articles that must stay apart, and untrusted headlines ----------------------

SCRIPT_TITLE = 'Peacekeepers <script>alert("story")</script> head to Karabakh'


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory) -> Path:
    """The seeds (one with a hostile headline), the same event a month on, and
    two same-day articles about Armenia that report different events."""
    tmp = tmp_path_factory.mktemp("stories-site")
    content = tmp / "content"
    articles = content / "articles"
    articles.mkdir(parents=True)
    shutil.copytree(FIXTURES.parent.parent / "content" / "pages", content / "pages")
    moscow = MOSCOW_TIMES_FILE.read_text(encoding="utf-8")
    moscow = re.sub(
        r"^Title: .*$", f"Title: {SCRIPT_TITLE}", moscow, count=1, flags=re.M
    )
    (articles / "moscow.txt").write_text(moscow, encoding="utf-8")
    shutil.copy(CGTN_FILE, articles / "cgtn.txt")
    for name in (
        "karabakh_peacekeepers_month_later.txt",
        "armenia_brandy_exports_same_day.txt",
        "yerevan_metro_fares_same_day.txt",
    ):
        shutil.copy(STORIES / name, articles / name)
    return build_site(content, tmp / "output")


def article_pages(site: Path) -> dict[str, Path]:
    """Each article page by its publisher."""
    pages = {}
    for path in site.glob("20*/*/*/*/*/index.html"):
        pages[plain(soup(path).select_one("main article .publisher"))] = path
    return pages


def test_only_the_seeds_are_grouped(mixed_site):
    index = soup(mixed_site / "story" / "index.html")
    (story,) = index.select("main ol.stories > li")
    assert plain(story.select_one(".meta")).endswith(
        "2 outlets: The Moscow Times, CGTN"
    )
    pages = article_pages(mixed_site)
    assert set(pages) == {
        "The Moscow Times",
        "CGTN",
        "Al Jazeera",
        "Eurasianet",
        "Azatutyun",
    }
    # The same event a month on, and two same-day articles about Armenia and
    # Yerevan on different events, are nobody's other coverage.
    for publisher in ("Al Jazeera", "Eurasianet", "Azatutyun"):
        assert soup(pages[publisher]).select_one(".also-covered") is None, publisher
    for publisher in ("The Moscow Times", "CGTN"):
        aside = soup(pages[publisher]).select_one(".also-covered")
        assert len(aside.select("ul li")) == 1


def test_headlines_are_escaped_on_story_pages(mixed_site):
    (path,) = (mixed_site / "story").glob("2020-11-10-*/index.html")
    assert path.parent.name == "2020-11-10-peacekeepers-alertstory-head-to-karabakh"
    html = path.read_text(encoding="utf-8")
    page = soup(path)
    assert page.select("main script") == []
    assert plain(page.select_one("main h1")) == SCRIPT_TITLE
    assert plain(page.select_one("main ol.coverage h3 a")) == SCRIPT_TITLE
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    index = (mixed_site / "story" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in index
    cgtn = article_pages(mixed_site)["CGTN"]
    aside = soup(cgtn).select_one(".also-covered")
    assert plain(aside.select_one("ul a")) == SCRIPT_TITLE
    assert "<script>alert" not in cgtn.read_text(encoding="utf-8")


# Without a build --------------------------------------------------------------


def article(name: str, publisher: str, day: int, text: str, mentions: dict):
    """A Pelican article as our reader leaves it, reduced to what stories read."""
    parsed = Article(
        title="Peacekeepers deploy",
        date=datetime.datetime(2020, 11, day, 9),
        source=publisher,
        blocks=(Block(PARAGRAPH, text),),
    )
    return SimpleNamespace(
        parsed=parsed,
        mentions=mentions,
        get_relative_source_path=lambda: f"articles/{name}.txt",
    )


DEPLOY = (
    "Russian peacekeepers deployed to Nagorno-Karabakh after the truce.",
    {"Armenia": 2, "Azerbaijan": 2, "Nagorno-Karabakh": 1},
)


def test_two_stories_of_one_day_with_one_headline_get_two_urls():
    deploy = DEPLOY
    markets = (
        "Stock markets in Baku and Yerevan rallied on the ceasefire news.",
        {"Baku": 1, "Yerevan": 1},
    )
    articles = [
        article("a", "CGTN", 10, *deploy),
        article("b", "Reuters", 10, *deploy),
        article("c", "TASS", 10, *markets),
        article("d", "AP", 10, *markets),
        # Not from our reader: no paragraphs, never in a story.
        SimpleNamespace(get_relative_source_path=lambda: "articles/e.md"),
    ]
    pages = story_pages(articles, StorySettings(), {})
    assert sorted(page.url for page in pages) == [
        "story/2020-11-10-peacekeepers-deploy-2/",
        "story/2020-11-10-peacekeepers-deploy/",
    ]
    assert {page.save_as for page in pages} == {
        page.url + "index.html" for page in pages
    }
    assert sorted(len(page.articles) for page in pages) == [2, 2]
    assert all(page.date == datetime.date(2020, 11, 10) for page in pages)


def test_stories_grouped_early_are_those_grouped_at_once():
    articles = [article("a", "CGTN", 10, *DEPLOY), article("b", "Reuters", 10, *DEPLOY)]
    records = [record for record, _ in story_records(articles)]
    early = EarlyGrouping(records, StorySettings())
    assert early.group(records, StorySettings()) == group_stories(
        records, StorySettings()
    )


def test_records_changed_since_the_fork_are_grouped_again():
    articles = [article("a", "CGTN", 10, *DEPLOY), article("b", "Reuters", 10, *DEPLOY)]
    records = [record for record, _ in story_records(articles)]
    early = EarlyGrouping(records[:1], StorySettings())
    grouping = early.group(records, StorySettings())
    assert grouping.stories == (("articles/a.txt", "articles/b.txt"),)
    assert not early.forked.running


def test_a_story_page_is_compared_from_the_records_of_its_articles():
    articles = [article("a", "CGTN", 10, *DEPLOY), article("b", "Reuters", 10, *DEPLOY)]
    [page] = story_pages(articles, StorySettings(), {})
    assert page.coverage is None and page.title == "Peacekeepers deploy"
    [coverage] = compare_stories([page.records], StorySettings())
    assert coverage == compare(list(page.records), StorySettings())
    assert coverage.title == page.title
    assert coverage.shared_entities == ("Armenia", "Azerbaijan", "Nagorno-Karabakh")
