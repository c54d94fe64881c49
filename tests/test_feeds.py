"""Atom feeds for the archive, each entity and each publisher; sitemap; robots."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser
import pytest
from pelican import signals

from tests.conftest import ROOT, build_site, soup

SITE = "https://archive.test"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The real content built with the production settings."""
    tmp = tmp_path_factory.mktemp("published")
    return build_site(
        ROOT / "content",
        tmp / "output",
        SITEURL=SITE,
        SITE_BASE_URL=SITE,
        FEED_DOMAIN=SITE,
        RELATIVE_URLS=False,
    )


@pytest.mark.parametrize(
    ("feed", "titles"),
    [
        ("feeds/all.atom.xml", 2),
        ("entity/russia/feed.atom.xml", 2),
        ("entity/france/feed.atom.xml", 1),
        ("publisher/cgtn/feed.atom.xml", 1),
        ("publisher/the-moscow-times/feed.atom.xml", 1),
    ],
)
def test_feeds_are_well_formed_atom(published, feed, titles):
    parsed = feedparser.parse((published / feed).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert len(parsed.entries) == titles
    for entry in parsed.entries:
        assert entry.link.startswith(f"{SITE}/2020/11/")
        assert entry.id and entry.updated and entry.title


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("index.html", ["/feeds/all.atom.xml"]),
        (
            "entity/russia/index.html",
            ["/feeds/all.atom.xml", "/entity/russia/feed.atom.xml"],
        ),
        (
            "publisher/cgtn/index.html",
            ["/feeds/all.atom.xml", "/publisher/cgtn/feed.atom.xml"],
        ),
    ],
)
def test_feed_autodiscovery(published, page, feeds):
    links = soup(published / page).select(
        'head link[rel="alternate"][type="application/atom+xml"]'
    )
    assert [link["href"] for link in links] == [SITE + f for f in feeds]


def test_sitemap_and_robots(published):
    tree = ET.parse(published / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = sorted(loc.text for loc in tree.iter(f"{ns}loc"))
    assert locs == [
        f"{SITE}/2020/11/10/the-moscow-times/russian-peacekeepers-head-to-nagorno-karabakh-after-peace-deal/",
        f"{SITE}/2020/11/11/cgtn/russia-deploys-2000-troops-to-disputed-nagorno-karabakh-region-after-ceasefire/",
        f"{SITE}/about/",
    ]
    robots = (published / "robots.txt").read_text()
    assert f"Sitemap: {SITE}/sitemap.xml" in robots
    assert "Disallow: /pagefind/" in robots


def test_feeds_are_written_after_the_article_pages(tmp_path):
    """So that the search index can start on the article pages sooner."""
    written = []

    def page(path, context=None):
        written.append(("page", path))

    def feed(path, context=None, feed=None):
        written.append(("feed", path))

    signals.content_written.connect(page)
    signals.feed_written.connect(feed)
    try:
        build_site(ROOT / "content", tmp_path / "output")
    finally:
        signals.content_written.disconnect(page)
        signals.feed_written.disconnect(feed)
    first_feed = next(i for i, (kind, _) in enumerate(written) if kind == "feed")
    articles = [i for i, (_, path) in enumerate(written) if "/2020/11/" in path]
    assert len(articles) >= 2 and max(articles) < first_feed
    feeds = [path for kind, path in written if kind == "feed"]
    assert any(path.endswith("/feeds/all.atom.xml") for path in feeds)
