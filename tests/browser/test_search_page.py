"""The search page in a real browser, against the build's real Pagefind index."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tools.site import VIEWPORTS, opened

MOSCOW_TIMES = (
    "/2020/11/10/the-moscow-times/"
    "russian-peacekeepers-head-to-nagorno-karabakh-after-peace-deal/"
)
CGTN = (
    "/2020/11/11/cgtn/"
    "russia-deploys-2000-troops-to-disputed-nagorno-karabakh-region-after-ceasefire/"
)


@pytest.fixture(params=list(VIEWPORTS))
def search_page(request, browser, served_site) -> Page:
    with opened(browser, served_site.url, request.param) as page:
        page.goto("/search/")
        expect(page.get_by_role("search")).to_be_visible()
        yield page


def results(page: Page, status: str) -> list[str]:
    """The result links, in order, once the status line says ``status``."""
    expect(page.get_by_role("status")).to_have_text(status)
    return [
        link.get_attribute("href") for link in page.locator(".search-result h2 a").all()
    ]


def test_a_word_from_the_articles_finds_both(search_page):
    search_page.get_by_label("Words to find").fill("peacekeepers")
    search_page.get_by_role("button", name="Search").click()
    assert sorted(results(search_page, "2 articles found.")) == [MOSCOW_TIMES, CGTN]
    first = search_page.locator(".search-result").first
    # Headline, publisher and date, and an excerpt with the word marked.
    expect(first.locator(".meta")).to_have_text(
        re.compile(r"^(The Moscow Times|CGTN) · 1[01] November 2020$")
    )
    expect(first.locator("mark").first).to_contain_text(
        "peacekeepers", ignore_case=True
    )


def test_the_entity_filter_narrows_the_results(search_page):
    search_page.get_by_label("Words to find").fill("peacekeepers")
    search_page.get_by_role("button", name="Search").click()
    results(search_page, "2 articles found.")
    search_page.get_by_label("Entity", exact=True).select_option("France")
    assert results(search_page, "1 article found.") == [MOSCOW_TIMES]
    expect(search_page.locator(".search-result h2")).to_have_text(
        "Russian Peacekeepers Head to Nagorno-Karabakh After Peace Deal"
    )


def test_results_come_newest_first_on_request(search_page):
    search_page.get_by_label("Words to find").fill("peacekeepers")
    search_page.get_by_label("Order").select_option(label="Newest first")
    assert results(search_page, "2 articles found.") == [CGTN, MOSCOW_TIMES]


def test_the_address_holds_the_search(browser, served_site):
    with opened(browser, served_site.url, "desktop") as page:
        page.goto("/search/?q=peacekeepers&entity=France")
        assert results(page, "1 article found.") == [MOSCOW_TIMES]
        expect(page.get_by_label("Words to find")).to_have_value("peacekeepers")
        expect(page.get_by_label("Entity", exact=True)).to_have_value("France")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_without_javascript_the_page_says_so_and_links_the_directory(
    browser, served_site, viewport
):
    options = {"java_script_enabled": False}
    with opened(browser, served_site.url, viewport, **options) as page:
        page.goto("/search/?q=peacekeepers")
        # Playwright's text and role locators never look inside <noscript>.
        notice = page.locator("noscript p")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("Search needs JavaScript")
        expect(page.get_by_role("search")).to_be_hidden()
        notice.locator("a", has_text="entity directory").click()
        expect(page).to_have_url(f"{served_site.url}/entity/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Entities")
