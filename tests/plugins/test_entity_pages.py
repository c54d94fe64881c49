"""Entity pages, the entity directory and the entities on article pages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from types import SimpleNamespace

from newsarchive.entities.catalogue import load_entities
from newsarchive.plugins.entity_pages import article_groups, by_type, entity_pages
from tests.conftest import STORY, build_site, soup
from tests.entities.test_tagging import CGTN_TAGS, MOSCOW_TIMES_TAGS
from tests.test_build import CGTN_PAGE, MT_PAGE, plain

ATOM = "{http://www.w3.org/2005/Atom}"


def article_links(page):
    return [
        a["href"].split("/2020/", 1)[1]
        for a in page.select("main article.summary h3 a")
    ]


def test_entity_page_lists_its_articles_newest_first(real_site):
    page = soup(real_site / "entity" / "russia" / "index.html")
    assert plain(page.select_one("main h1")) == "Russia"
    assert plain(page.select_one(".entity .lede")).startswith(
        "Country · mentioned in 2 articles"
    )
    assert "Russian Federation" in plain(page.select_one(".aliases"))
    assert article_links(page) == [
        CGTN_PAGE[5 : -len("index.html")],
        MT_PAGE[5 : -len("index.html")],
    ]
    related = [plain(a) for a in page.select(".related-entities a")]
    assert related[:2] == ["Armenia", "Azerbaijan"]
    assert "Russia" not in related
    crumbs = [plain(a) for a in page.select(".breadcrumb a")]
    assert crumbs == ["Entities", "Countries", "Russia"]


def test_every_seed_entity_has_a_page_with_the_right_articles(real_site):
    for name in MOSCOW_TIMES_TAGS | CGTN_TAGS:
        slug = name.lower().replace(" ", "-")
        page = soup(real_site / "entity" / slug / "index.html")
        links = article_links(page)
        expected = [
            path[5 : -len("index.html")]
            for path, tags in ((CGTN_PAGE, CGTN_TAGS), (MT_PAGE, MOSCOW_TIMES_TAGS))
            if name in tags
        ]
        assert links == expected, name


def test_france_page_has_only_the_moscow_times_article(real_site):
    page = soup(real_site / "entity" / "france" / "index.html")
    assert article_links(page) == [MT_PAGE[5 : -len("index.html")]]


def test_directory_groups_entities_by_type_with_counts(real_site):
    page = soup(real_site / "entity" / "index.html")
    sections = {
        plain(s.select_one("h2")): s for s in page.select("main section.entity-group")
    }
    assert list(sections) == ["Countries", "Places", "People", "Organisations"]
    countries = {
        plain(li.select_one("a")): plain(li.select_one(".count"))
        for li in sections["Countries"].select("li")
    }
    assert countries["Russia"] == "2 articles"
    assert countries["France"] == "1 article"
    people = [plain(a) for a in sections["People"].select("a")]
    assert {
        "Vladimir Putin",
        "Nikol Pashinyan",
        "Arayik Harutyunyan",
        "Dmitry Peskov",
    } <= set(people)
    places = [plain(a) for a in sections["Places"].select("a")]
    assert {"Nagorno-Karabakh", "Shusha", "Yerevan", "Baku", "Nakhchivan"} <= set(
        places
    )
    listed = {plain(a) for a in page.select("main section.entity-group a")}
    assert listed >= MOSCOW_TIMES_TAGS | CGTN_TAGS


def test_article_page_lists_its_entities_by_type_most_mentioned_first(real_site):
    page = soup(real_site / MT_PAGE)
    box = page.select_one(".article-entities")
    groups = {
        plain(dt): [plain(a) for a in dt.find_next_sibling("dd").select("a")]
        for dt in box.select("dt")
    }
    assert list(groups) == ["Countries", "Places", "People", "Organisations"]
    assert groups["Countries"][:2] == ["Azerbaijan", "Armenia"]
    assert groups["People"][0] == "Nikol Pashinyan"
    assert "Minsk Group" in groups["Organisations"]
    href = box.select_one('a[href*="entity/russia/"]')["href"]
    assert href == "../../../../../entity/russia/"


def test_entity_feed(real_site):
    feed = ET.parse(real_site / "entity" / "russia" / "feed.atom.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert len(titles) == 2
    assert titles[0].startswith("Russia deploys 2,000 troops")


def test_entity_pages_paginate_under_page_folders(content_dir, tmp_path):
    for day in range(1, 4):
        (content_dir / "articles" / f"a{day}.txt").write_text(
            f"Title: Story {day}\nDate: 2021-01-0{day}\nSource: CGTN\n\n"
            "Armenia said the story runs on long enough to count as a paragraph.\n\n"
            + STORY,
            encoding="utf-8",
        )
    output = build_site(content_dir, tmp_path / "output", DEFAULT_PAGINATION=2)
    second = soup(output / "entity" / "armenia" / "page" / "2" / "index.html")
    assert [plain(a) for a in second.select("article.summary h3 a")] == ["Story 1"]


def tag(name):
    return SimpleNamespace(name=name, url=f"entity/{name.lower()}/")


def test_entity_pages_count_articles_and_company():
    a, b, c = (
        SimpleNamespace(
            tags=[tag("Russia"), tag("Armenia")], mentions={"Russia": 3, "Armenia": 1}
        ),
        SimpleNamespace(tags=[tag("Russia"), tag("Armenia"), tag("Baku")], mentions={}),
        SimpleNamespace(tags=[tag("Russia"), tag("Not An Entity")], mentions={}),
    )
    pages = entity_pages([a, b, c], load_entities(), related_max=1)
    assert pages["Russia"].articles == 3
    assert [(t.name, n) for t, n in pages["Russia"].related] == [("Armenia", 2)]
    assert "Not An Entity" not in pages
    assert [kind for kind, _, _ in by_type(pages)] == ["country", "place"]
    assert [
        (label, [t.name for t, _ in members])
        for label, members in article_groups(a, pages)
    ] == [("Countries", ["Russia", "Armenia"])]
