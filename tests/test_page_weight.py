"""Pages stay light: small article pages, no script, precompressed copies."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from tests.conftest import ROOT, soup

# An article page and the stylesheets it links, before compression.
ARTICLE_PAGE_MAX_BYTES = 30 * 1024
# What the published build keeps a .gz and a .br copy of.
TEXT_SUFFIXES = {".html", ".css", ".js", ".xml", ".json", ".txt", ".svg"}
SEARCH_PAGE = "search/index.html"


def article_pages(site: Path) -> list[Path]:
    # Article URLs are YYYY/MM/DD/publisher/slug/.
    return sorted(site.glob("[0-9]*/[0-9]*/[0-9]*/*/*/index.html"))


def linked_stylesheets(page: Path, site: Path) -> list[Path]:
    sheets = []
    for link in soup(page).select('link[rel~="stylesheet"]'):
        href = urlsplit(link["href"]).path
        target = (page.parent / href).resolve()
        assert target.is_relative_to(site.resolve()), href
        sheets.append(target)
    return sheets


def test_an_article_page_with_its_css_is_under_30_kb(real_site):
    pages = article_pages(real_site)
    assert len(pages) == 2
    for page in pages:
        sheets = linked_stylesheets(page, real_site)
        assert [sheet.name for sheet in sheets] == ["style.css"]
        weight = page.stat().st_size + sum(sheet.stat().st_size for sheet in sheets)
        assert weight < ARTICLE_PAGE_MAX_BYTES, (
            f"{page.relative_to(real_site)}: {page.stat().st_size} bytes of HTML "
            f"and {weight - page.stat().st_size} of CSS"
        )


def test_no_script_runs_outside_the_search_page(real_site):
    """No script element but JSON-LD, no event handler, no javascript: URL."""
    checked = 0
    for path in real_site.rglob("*.html"):
        if "pagefind" in path.relative_to(real_site).parts:
            continue  # Pagefind's own UI, loaded by the search page only
        page = soup(path)
        scripts = page.select("script")
        # JSON-LD is data: browsers never run it.
        for script in scripts:
            if script.get("type") == "application/ld+json":
                assert not script.get("src")
                json.loads(script.string)
        code = [s for s in scripts if s.get("type") != "application/ld+json"]
        if path.relative_to(real_site).as_posix() == SEARCH_PAGE:
            assert code and all(s.get("src") and not s.string for s in code)
        else:
            assert code == [], path
        for element in page.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert handlers == [], (path, element.name, handlers)
            for name in ("href", "src", "action", "formaction"):
                value = str(element.get(name, "")).strip().lower()
                assert not value.startswith("javascript:"), (path, element)
        checked += 1
    assert checked > 20


def test_the_local_build_has_no_compressed_copies(real_site):
    assert not [*real_site.rglob("*.gz"), *real_site.rglob("*.br")]


PUBLISH_BUILD = """\
import sys
from newsarchive.build import build
build("publishconf.py", {
    "PATH": sys.argv[1], "OUTPUT_PATH": sys.argv[2], "CACHE_PATH": sys.argv[3],
    "LOCALE": ["C.UTF-8", "C"],
})
"""


@pytest.fixture(scope="module")
def published_site(tmp_path_factory) -> Path:
    """The seed archive built with publishconf.py.

    In a process of its own: the compression plugin stays connected to
    Pelican's signals for the life of a process, and would compress every
    later build of the test run.
    """
    tmp = tmp_path_factory.mktemp("published")
    output = tmp / "output"
    done = subprocess.run(
        [
            *(sys.executable, "-c", PUBLISH_BUILD),
            *(str(ROOT / "content"), str(output), str(tmp / "cache")),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return output


def test_published_text_files_have_gz_and_br_copies_of_the_same_bytes(
    published_site,
):
    texts = [
        path
        for path in published_site.rglob("*")
        if path.is_file() and path.suffix in TEXT_SUFFIXES
    ]
    assert {path.suffix for path in texts} >= {".html", ".css", ".js", ".xml", ".json"}
    compressed = 0
    for path in texts:
        original = path.read_bytes()
        for suffix, decompress, compress in (
            (".gz", gzip.decompress, gzip.compress),
            (".br", brotli.decompress, brotli.compress),
        ):
            copy = path.with_name(path.name + suffix)
            if not copy.is_file():
                # Kept only where it is smaller than the file.
                assert len(compress(original)) >= len(original), copy
                continue
            assert decompress(copy.read_bytes()) == original
            assert copy.stat().st_size < len(original)
            compressed += 1
    assert compressed > 100
    # Every article page, the stylesheet and the feeds among them.
    for page in article_pages(published_site):
        assert page.with_name("index.html.br").is_file()
    assert (published_site / "theme" / "css" / "style.css.gz").is_file()
    assert (published_site / "feeds" / "all.atom.xml.br").is_file()
    assert (published_site / "sitemap.xml.gz").is_file()


def test_only_text_files_are_compressed_and_only_once(published_site):
    copies = [*published_site.rglob("*.gz"), *published_site.rglob("*.br")]
    for copy in copies:
        original = copy.with_suffix("")
        assert original.suffix in TEXT_SUFFIXES, copy.relative_to(published_site)
        assert original.is_file()
    # Pagefind's index and fragments are compressed by Pagefind itself.
    pagefind = published_site / "pagefind"
    packed = [p for p in pagefind.rglob("*") if p.suffix.startswith(".pf_")]
    assert packed
    assert not [p for p in pagefind.rglob("*.pf_*.*")]
    assert (pagefind / "2020" / "pagefind.js.br").is_file()
