"""The search index and the search page (searching itself runs in the browser
tests, against the real Pagefind index)."""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsarchive.search.indexer import index_site, read_manifest
from tests.conftest import ROOT, build_site, soup
from tests.search.test_shards import page_count
from tests.test_build import CGTN_PAGE, MT_PAGE, plain
from tools.generate import main as generate_main


def test_every_build_writes_a_pagefind_index_of_the_articles(real_site):
    index = real_site / "pagefind"
    # One bundle per year of articles; the seed archive's are all of 2020.
    assert json.loads((index / "shards.json").read_text()) == {
        "shards": [{"bundle": "2020", "base": "2020/"}]
    }
    entry = json.loads((index / "2020" / "pagefind-entry.json").read_text())
    # Only the two article pages carry data-pagefind-body.
    assert entry["languages"]["en"]["page_count"] == 2
    assert (index / "2020" / "pagefind.js").is_file()
    assert len(read_manifest(index / "2020")["pages"]) == 2


def test_article_pages_mark_body_meta_filters_and_sort(real_site):
    page = soup(real_site / MT_PAGE)
    assert [e.name for e in page.select("[data-pagefind-body]")] == ["div"]
    assert page.select_one("[data-pagefind-body]").select("footer, nav, aside") == []
    filters = {}
    for element in page.select("[data-pagefind-filter]"):
        name, _, value = element["data-pagefind-filter"].partition(":")
        filters.setdefault(name, []).append(value or plain(element))
    assert filters["publisher"] == ["The Moscow Times"]
    assert filters["year"] == ["2020"]
    assert "France" in filters["entity"] and "Russia" in filters["entity"]
    assert filters["type"] == ["Countries", "Places", "People", "Organisations"]
    assert (
        page.select_one("[data-pagefind-sort]")["data-pagefind-sort"]
        == "date:001604966400"
    ), "a sort key in seconds since 1970, which orders dates across time zones"
    assert page.select_one('[data-pagefind-meta="title"]').name == "h1"
    # The entity list is filter data, not text to search.
    assert page.select_one(".article-entities").find_parent(
        attrs={"data-pagefind-ignore": True}
    )


def test_only_article_pages_are_indexed(real_site):
    for html in real_site.rglob("*.html"):
        if "pagefind" in html.parts:
            continue
        marked = soup(html).select("[data-pagefind-body]")
        relative = html.relative_to(real_site).as_posix()
        assert bool(marked) == (relative in (MT_PAGE, CGTN_PAGE)), relative


def test_search_page_works_without_javascript_too(real_site):
    page = soup(real_site / "search" / "index.html")
    noscript = page.select_one("noscript")
    assert "Search needs JavaScript" in plain(noscript)
    assert noscript.select_one('a[href="../entity/"]')
    form = page.select_one("form[data-search]")
    assert form.has_attr("hidden")  # shown by the script once Pagefind loads
    assert [s["data-filter"] for s in form.select("select[data-filter]")] == [
        "entity",
        "type",
        "publisher",
        "year",
    ]
    csp = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "'wasm-unsafe-eval'" in csp and "unsafe-inline" not in csp


def test_indexing_works_inside_a_running_event_loop(real_site, tmp_path):
    """As in a process that drives a browser with Playwright's sync API, which
    keeps an event loop running in the calling thread."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site, ignore=shutil.ignore_patterns("pagefind"))

    async def build_step():
        return index_site(site)

    # A thread of its own: this one may already run Playwright's loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, build_step()).result() > 0
    entry = json.loads((site / "pagefind" / "2020" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 2


def test_a_build_given_the_previous_output_carries_its_bundles_over(tmp_path):
    """A build names the output its staging folder will replace: an unchanged
    archive's bundles are the previous ones, hard-linked, not indexed again."""
    output = tmp_path / "output"
    build_site(ROOT / "content", output)
    before = (output / "pagefind" / "2020" / "pagefind.js").stat()
    build_site(ROOT / "content", output)
    after = (output / "pagefind" / "2020" / "pagefind.js").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert len(read_manifest(output / "pagefind" / "2020")["pages"]) == 2


def test_a_build_told_not_to_reuse_indexes_afresh(tmp_path):
    output = tmp_path / "output"
    build_site(ROOT / "content", output)
    before = (output / "pagefind" / "2020" / "pagefind.js").stat()
    build_site(ROOT / "content", output, REUSE_OUTPUT=False)
    after = (output / "pagefind" / "2020" / "pagefind.js").stat()
    assert after.st_ino != before.st_ino
    assert len(read_manifest(output / "pagefind" / "2020")["pages"]) == 2


SEARCH_INDEX = "Search index: %d pages in %d shards (%d indexed, %d carried over, %d of them while pages were written)"


def index_counts(caplog) -> tuple[int, ...]:
    records = [r for r in caplog.records if r.msg == SEARCH_INDEX]
    assert records, "the build logged no search index"
    return records[-1].args


def test_each_year_is_indexed_while_the_listings_are_written(
    content_dir, tmp_path, caplog
):
    generate_main(["--n", "40", "--out", str(content_dir / "articles"), "--seed", "7"])
    with caplog.at_level(logging.INFO, logger="newsarchive.search.indexer"):
        output = build_site(content_dir, tmp_path / "output")
    pages, shards, indexed, carried, early = index_counts(caplog)
    assert (pages, indexed, carried) == (40, shards, 0)
    # Every year folder was handed over as its last article page was written.
    assert shards > 5 and early == shards
    listed = json.loads((output / "pagefind" / "shards.json").read_text())["shards"]
    assert len(listed) == shards
    assert sum(page_count(output / "pagefind" / s["bundle"]) for s in listed) == 40


def test_a_build_that_fails_after_indexing_began_stops_the_indexer(
    content_dir, tmp_path
):
    """A listing fails to render after the article pages were written: the
    indexer is stopped before the staging folder is deleted."""
    generate_main(["--n", "40", "--out", str(content_dir / "articles"), "--seed", "7"])
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    tag = theme / "templates" / "tag.html"
    text = tag.read_text().replace("{% block title %}", "{% block title %}{{ 1 // 0 }}")
    tag.write_text(text, "utf-8")
    output = tmp_path / "output"
    with pytest.raises(ZeroDivisionError):
        build_site(content_dir, output, THEME=str(theme))
    assert not output.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert not [t for t in threading.enumerate() if t.name.startswith("search-index")]
