"""What article pages tell machines: JSON-LD, OpenGraph, canonical, citation."""

from __future__ import annotations

import json

from tests.conftest import STORY, build_site, soup
from tests.test_build import CGTN_PAGE, MT_PAGE, plain

MT_URL = "http://localhost:8000/" + MT_PAGE[: -len("index.html")]


def test_news_article_json_ld(real_site):
    page = soup(real_site / MT_PAGE)
    record = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert record["@type"] == "NewsArticle"
    assert (
        record["headline"]
        == "Russian Peacekeepers Head to Nagorno-Karabakh After Peace Deal"
    )
    assert record["datePublished"] == "2020-11-10T00:00:00+00:00"
    assert record["publisher"] == {"@type": "Organization", "name": "The Moscow Times"}
    assert record["url"] == MT_URL
    assert record["about"] == [
        {"@type": "Country", "name": "Azerbaijan"},
        {"@type": "Country", "name": "Armenia"},
        {"@type": "Place", "name": "Nagorno-Karabakh"},
    ]
    mentioned = {m["name"]: m["@type"] for m in record["mentions"]}
    assert mentioned["Vladimir Putin"] == "Person"
    assert mentioned["Minsk Group"] == "Organization"
    assert "author" not in record


def test_open_graph_twitter_and_canonical(real_site):
    page = soup(real_site / MT_PAGE)
    meta = {
        m.get("property") or m.get("name"): m["content"]
        for m in page.select("head meta[content]")
    }
    assert meta["og:type"] == "article"
    assert (
        meta["og:title"]
        == "Russian Peacekeepers Head to Nagorno-Karabakh After Peace Deal"
    )
    assert meta["og:url"] == MT_URL
    assert meta["og:description"].startswith("Moscow confirms peace deal")
    assert meta["twitter:card"] == "summary"
    assert meta["article:published_time"] == "2020-11-10T00:00:00+00:00"
    assert page.select_one('link[rel="canonical"]')["href"] == MT_URL


def test_cite_this(real_site):
    cite = plain(soup(real_site / MT_PAGE).select_one(".cite"))
    assert cite == (
        'Cite this: The Moscow Times, "Russian Peacekeepers Head to Nagorno-Karabakh After Peace Deal", '
        f"10 November 2020. Archived at {MT_URL}."
    )


def test_authors_and_original_link_in_json_ld(content_dir, tmp_path):
    (content_dir / "articles" / "a.txt").write_text(
        "Title: Deal signed\nDate: 2020-11-10\nSource: Reuters\nURL: https://www.reuters.com/x\n"
        "Authors: Jane Doe, John Roe\n\nArmenia and Azerbaijan signed the deal overnight, officials said.\n\n"
        + STORY,
        encoding="utf-8",
    )
    output = build_site(
        content_dir, tmp_path / "output", SITE_BASE_URL="https://archive.test"
    )
    [html] = output.glob("2020/11/10/reuters/*/index.html")
    page = soup(html)
    record = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert record["author"] == [
        {"@type": "Person", "name": "Jane Doe"},
        {"@type": "Person", "name": "John Roe"},
    ]
    assert record["isBasedOn"] == "https://www.reuters.com/x"
    assert record["url"] == "https://archive.test/2020/11/10/reuters/deal-signed/"
    assert page.select_one(".original a")["href"] == "https://www.reuters.com/x"


def test_newer_and_older_links(real_site):
    mt = soup(real_site / MT_PAGE)
    cgtn = soup(real_site / CGTN_PAGE)
    assert mt.select_one('.neighbours a[rel="prev"]')["href"].endswith(
        CGTN_PAGE[: -len("index.html")]
    )
    assert mt.select_one('.neighbours a[rel="next"]') is None
    assert cgtn.select_one('.neighbours a[rel="next"]')["href"].endswith(
        MT_PAGE[: -len("index.html")]
    )


def test_more_about_lists_other_coverage_of_the_top_entities(real_site):
    page = soup(real_site / MT_PAGE)
    sections = page.select(".more-about section")
    assert [plain(s.select_one("h3")) for s in sections] == [
        "More about Azerbaijan",
        "More about Armenia",
    ]
    for section in sections:
        assert [plain(a) for a in section.select("li > a")] == [
            "Russia deploys 2,000 troops to disputed Nagorno-Karabakh region after ceasefire deal"
        ]
