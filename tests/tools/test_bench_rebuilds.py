"""Rebuilds of ours after one article is added and another changed."""

from __future__ import annotations

import pytest

from tests.conftest import soup
from tests.tools.conftest import BUILD_KEYS, N, read_article
from tools.bench import ADDED_PARAGRAPH


def _words(element) -> str:
    return " ".join(element.get_text().split())


def _article_pages(run) -> dict[str, list[str]]:
    """Headline -> paragraphs, for every article page of our final build."""
    output = run["work"] / "ours" / "output"
    pages = {}
    for path in output.glob("[0-9]*/[0-9]*/[0-9]*/*/*/index.html"):
        page = soup(path)
        # Typogrify joins the last two words with a no-break space: _words
        # compares the text as a reader sees it.
        pages[_words(page.h1)] = [_words(p) for p in page.select(".body p")]
    return pages


def test_rebuilds_see_the_added_and_the_changed_article(run, record):
    added, changed = record["rebuild_added"], record["rebuild_changed"]
    assert added["articles"] == changed["articles"] == N + 1
    assert added["pages"] > record["ours"]["pages"]
    for figures in (added, changed):
        assert figures.keys() >= BUILD_KEYS | {"share_of_cold", "file"}
        assert figures["share_of_cold"] == pytest.approx(
            figures["wall_s"] / record["ours"]["wall_s"]
        )
    assert added["file"] != changed["file"]
    pages = _article_pages(run)
    assert len(pages) == N + 1
    new_title = read_article(run, added["file"])[0].title
    assert pages[new_title]
    changed_title = read_article(run, changed["file"])[0].title
    assert ADDED_PARAGRAPH in pages[changed_title]
    assert [t for t, ps in pages.items() if ADDED_PARAGRAPH in ps] == [changed_title]
