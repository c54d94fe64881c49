"""Search across shards in a real browser: the seed archive's index cut into
one bundle per article, merged by the search page."""

from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import expect

from newsarchive.search.indexer import update_search_index
from tests.browser.test_search_page import CGTN, MOSCOW_TIMES, results
from tools.site import SiteServer, opened, serving


@pytest.fixture(scope="module")
def sharded_site(served_site, tmp_path_factory):
    root = tmp_path_factory.mktemp("sharded") / "output"
    shutil.copytree(served_site.root, root, ignore=shutil.ignore_patterns("pagefind"))
    update_search_index(None, root, max_pages=1)
    shards = json.loads((root / "pagefind" / "shards.json").read_text())["shards"]
    assert [shard["bundle"] for shard in shards] == ["2020-11-11", "2020-11-10"]
    with serving(SiteServer(root)) as url:
        yield url


def test_results_filters_and_order_span_every_shard(browser, sharded_site):
    with opened(browser, sharded_site, "desktop") as page:
        page.goto("/search/?q=peacekeepers")
        assert sorted(results(page, "2 articles found.")) == [MOSCOW_TIMES, CGTN]
        # Filter counts are the sum over the shards.
        expect(page.get_by_label("Year")).to_contain_text("2020 (2)")
        page.get_by_label("Order").select_option(label="Newest first")
        # The status reads the same before and after: wait for the order.
        links = page.locator(".search-result h2 a")
        expect(links.first).to_have_attribute("href", CGTN)
        assert results(page, "2 articles found.") == [CGTN, MOSCOW_TIMES]
        page.get_by_label("Entity", exact=True).select_option("France")
        assert results(page, "1 article found.") == [MOSCOW_TIMES]
        expect(page.locator(".search-result mark").first).to_contain_text(
            "peacekeepers", ignore_case=True
        )
