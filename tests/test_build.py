"""Build the real content/ with Pelican and check the pages a reader sees."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from newsarchive.build import build, stale_folders
from newsarchive.plugins.strict import SourceFilesFailed
from tests.commands.test_importer_safety import HTML_ADVICE, HTML_PAGE
from tests.conftest import ROOT, STORY, build_site, soup
from tests.reading.test_parse import (
    CGTN_CAPTIONS,
    CGTN_PARAGRAPHS,
    MOSCOW_TIMES_BOILERPLATE,
    MOSCOW_TIMES_PARAGRAPHS,
)

MT_PAGE = "2020/11/10/the-moscow-times/russian-peacekeepers-head-to-nagorno-karabakh-after-peace-deal/index.html"
CGTN_PAGE = "2020/11/11/cgtn/russia-deploys-2000-troops-to-disputed-nagorno-karabakh-region-after-ceasefire/index.html"

_TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


def plain(element) -> str:
    """An element's text with typogrify's quotes and no-break spaces undone."""
    return " ".join(element.get_text().translate(_TYPOGRAPHY).split())


def test_home_lists_both_articles_newest_first(real_site):
    page = soup(real_site / "index.html")
    links = [a["href"] for a in page.select("main article.summary h2 a")]
    assert links == [
        f"./{CGTN_PAGE[: -len('index.html')]}",
        f"./{MT_PAGE[: -len('index.html')]}",
    ]
    publishers = [plain(a) for a in page.select("main article.summary .meta a")]
    assert publishers == ["CGTN", "The Moscow Times"]
    assert page.select_one("main h1").get_text() == "Latest articles"


def test_moscow_times_article_page(real_site):
    page = soup(real_site / MT_PAGE)
    story = page.select_one("main article.story")
    assert (
        plain(story.select_one("h1"))
        == "Russian Peacekeepers Head to Nagorno-Karabakh After Peace Deal"
    )
    assert story.select_one("header time")["datetime"] == "2020-11-10T00:00:00+00:00"
    assert plain(story.select_one(".publisher a")) == "The Moscow Times"
    assert [plain(p) for p in story.select(".body > p")] == MOSCOW_TIMES_PARAGRAPHS
    assert [plain(h) for h in story.select(".body > h2")] == [
        "Nearly 2,000 peacekeepers",
        "Karabakh 'catastrophe'",
        "'Blessed success'",
    ]
    text = plain(page)
    for line in MOSCOW_TIMES_BOILERPLATE:
        assert line not in text
    assert "Dear readers" not in text
    assert page.select_one("title").get_text().startswith("Russian Peacekeepers Head")


def test_cgtn_article_page(real_site):
    page = soup(real_site / CGTN_PAGE)
    story = page.select_one("main article.story")
    assert story.select_one("header time")["datetime"] == "2020-11-11T11:17:00+08:00"
    assert [plain(p) for p in story.select(".body > p")] == CGTN_PARAGRAPHS
    assert [plain(c) for c in story.select(".body figure figcaption")] == CGTN_CAPTIONS
    text = plain(page)
    for line in ("00:42", "With inputs from agencies", "Updated 11:17"):
        assert line not in text
    # Each caption appears once on the page.
    for caption in CGTN_CAPTIONS:
        assert text.count(caption) == 1


def test_publisher_pages(real_site):
    page = soup(real_site / "publisher" / "cgtn" / "index.html")
    assert plain(page.select_one("main h1")) == "CGTN"
    assert [a["href"] for a in page.select("main article.summary h2 a")] == [
        f"../../{CGTN_PAGE[: -len('index.html')]}"
    ]
    directory = soup(real_site / "publisher" / "index.html")
    assert [plain(a) for a in directory.select("main .directory a")] == [
        "CGTN",
        "The Moscow Times",
    ]


def test_monthly_archive(real_site):
    page = soup(real_site / "2020" / "11" / "index.html")
    assert plain(page.select_one("main h1")) == "November 2020"
    assert len(page.select("main ol.dated li")) == 2
    archive = soup(real_site / "archive" / "index.html")
    assert [plain(a) for a in archive.select("main .months a")] == ["November"]


def test_404_and_about_pages(real_site):
    assert plain(soup(real_site / "404.html").select_one("main h1")) == "Page not found"
    assert (
        plain(soup(real_site / "about" / "index.html").select_one("main h1")) == "About"
    )


def _internal_links(site: Path):
    for html in site.rglob("*.html"):
        page_url = "/" + html.relative_to(site).as_posix()
        for element in soup(html).select("a[href], link[href]"):
            href = element["href"]
            if urlsplit(href).scheme or href.startswith("#"):
                continue
            yield html, href, urlsplit(urljoin(page_url, href)).path


def test_every_internal_link_resolves(real_site):
    checked = 0
    for html, href, path in _internal_links(real_site):
        target = real_site / unquote(path).lstrip("/")
        if path.endswith("/"):
            target = target / "index.html"
        assert target.is_file(), (
            f"{html.relative_to(real_site)} links to missing {href}"
        )
        checked += 1
    assert checked > 50


def test_no_javascript_outside_the_search_page_and_a_csp_everywhere(real_site):
    for html in real_site.rglob("*.html"):
        if "pagefind" in html.parts:
            continue
        page = soup(html)
        scripts = page.select("script")
        # JSON-LD is data, not script: browsers never run it.
        code = [s for s in scripts if s.get("type") != "application/ld+json"]
        if html.relative_to(real_site).as_posix() == "search/index.html":
            assert [s["src"] for s in code] == ["../theme/js/search.js"]
        else:
            assert code == [], html
        csp = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_urls_are_unique_for_the_same_headline_from_two_outlets(content_dir, tmp_path):
    story = STORY
    for source in ("CGTN", "The Moscow Times"):
        name = source.lower().replace(" ", "-")
        (content_dir / "articles" / f"{name}.txt").write_text(
            f"Title: Ceasefire agreed\nDate: 2020-11-10\nSource: {source}\n\n{story}",
            encoding="utf-8",
        )
    output = build_site(content_dir, tmp_path / "output")
    pages = sorted(
        p.relative_to(output).as_posix()
        for p in output.glob("2020/11/10/*/*/index.html")
    )
    assert pages == [
        "2020/11/10/cgtn/ceasefire-agreed/index.html",
        "2020/11/10/the-moscow-times/ceasefire-agreed/index.html",
    ]


def test_pagination_uses_page_folders(content_dir, tmp_path):
    for day in range(1, 4):
        (content_dir / "articles" / f"a{day}.txt").write_text(
            f"Title: Story {day}\nDate: 2021-01-0{day}\nSource: CGTN\n\n" + STORY,
            encoding="utf-8",
        )
    output = build_site(content_dir, tmp_path / "output", DEFAULT_PAGINATION=2)
    assert (output / "page" / "2" / "index.html").is_file()
    assert (output / "publisher" / "cgtn" / "page" / "2" / "index.html").is_file()
    first = soup(output / "index.html")
    assert first.select_one('a[rel="next"]')["href"] == "./page/2/"
    second = soup(output / "page" / "2" / "index.html")
    assert [plain(a) for a in second.select("article.summary h2 a")] == ["Story 1"]


HOSTILE = """Title: <script>alert("title")</script> {{ 7*7 }}
Date: 2021-05-06
Source: <b>Evil</b> News

<img src=x onerror=alert(1)> opens the first paragraph of this hostile story.

[click me](javascript:alert(2)) and <a href="javascript:alert(3)">this</a> are links in the source.

{{ 7*7 }} and {% raw %} are template syntax, *emphasis* and # hashes are Markdown.

The rest of the story goes on in plain words, long enough for the reader to
publish it, and says nothing more that a browser or a template could run.
"""


def test_hostile_text_is_inert_visible_text(content_dir, tmp_path):
    (content_dir / "articles" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    output = build_site(content_dir, tmp_path / "output")
    [article] = [p for p in output.glob("2021/05/06/*/*/index.html")]
    page = soup(article)
    assert (
        page.select(
            "script:not([type='application/ld+json']), img, main a[href^=javascript], em"
        )
        == []
    )
    [json_ld] = page.select("script[type='application/ld+json']")
    assert "<" not in json_ld.string
    assert (
        json.loads(json_ld.string)["headline"]
        == '<script>alert("title")</script> {{ 7*7 }}'
    )
    body = page.select_one(".body")
    assert "<img src=x onerror=alert(1)>" in plain(body)
    assert "[click me](javascript:alert(2))" in plain(body)
    assert "{{ 7*7 }}" in plain(body)
    assert "49" not in plain(body)
    assert plain(page.select_one("h1")) == '<script>alert("title")</script> {{ 7*7 }}'
    assert plain(page.select_one(".publisher a")) == "<b>Evil</b> News"
    raw = article.read_text(encoding="utf-8")
    assert not re.search(r"<(script(?! type=\"application/ld\+json\")|img|b)\b", raw)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_a_failed_build_leaves_the_previous_output_untouched(content_dir, tmp_path):
    story = STORY
    (content_dir / "articles" / "good.txt").write_text(
        f"Title: Good\nDate: 2020-11-10\nSource: CGTN\n\n{story}", encoding="utf-8"
    )
    output = build_site(content_dir, tmp_path / "output")
    before = snapshot(output)
    (content_dir / "articles" / "good.txt").write_text(
        f"Title: Good\nDate: 10 Brumaire\nSource: CGTN\n\n{story}", encoding="utf-8"
    )
    (content_dir / "articles" / "new.txt").write_text(
        f"Title: New\nDate: 2020-11-12\nSource: CGTN\n\n{story}", encoding="utf-8"
    )
    with pytest.raises(
        SourceFilesFailed,
        match=r"good.txt: the Date header '10 Brumaire' is not a date",
    ):
        build_site(content_dir, output)
    assert snapshot(output) == before
    # No staging folder is left behind either.
    assert (
        sorted(p.name for p in output.parent.iterdir() if p.name.startswith(".")) == []
    )


def test_an_html_page_saved_under_content_fails_the_build_naming_it(
    content_dir, tmp_path
):
    (content_dir / "articles" / "page.txt").write_text(HTML_PAGE, encoding="utf-8")
    with pytest.raises(SourceFilesFailed) as raised:
        build_site(content_dir, tmp_path / "output")
    page = os.path.relpath(content_dir / "articles" / "page.txt")
    assert str(raised.value) == (
        "1 source file could not be read; nothing was written:\n"
        f"  {page}: {HTML_ADVICE}"
    )
    assert not (tmp_path / "output").exists()


def test_two_builds_are_byte_identical(tmp_path):
    first = snapshot(build_site(ROOT / "content", tmp_path / "one" / "output"))
    second = snapshot(build_site(ROOT / "content", tmp_path / "two" / "output"))

    def site(files):
        return {k: v for k, v in files.items() if not k.startswith("pagefind/")}

    def fragments(files):
        return {
            k: v
            for k, v in files.items()
            if k.startswith("pagefind/") and "/fragment/" in k
        }

    assert site(first) == site(second)
    # Pagefind writes its filter and metadata indexes in hash-map order, so
    # only its page fragments are stable from one run to the next (upstream
    # Pagefind issue 638); every file of ours is byte for byte the same.
    assert fragments(first) == fragments(second) != {}


def test_account_of_every_source_file(content_dir, tmp_path):
    story = STORY
    (content_dir / "articles" / "a.txt").write_text(
        f"Title: A\nDate: 2020-11-10\nSource: CGTN\n\n{story}", encoding="utf-8"
    )
    account = build(
        str(ROOT / "pelicanconf.py"),
        {
            "PATH": str(content_dir),
            "OUTPUT_PATH": str(tmp_path / "out"),
            "THEME": str(ROOT / "theme"),
        },
    )
    assert account.lines() == [
        "published articles/a.txt -> 2020/11/10/cgtn/a/",
        "hidden    pages/404.md -> 404.html",
        "published pages/about.md -> about/",
    ]
    assert (
        account.summary()
        == "Read 3 source files: 2 published, 1 hidden, 0 draft, 0 failed."
    )


def test_output_retention_survives_the_swap(content_dir, tmp_path):
    output = build_site(content_dir, tmp_path / "output")
    (output / ".git").mkdir()
    (output / ".git" / "HEAD").write_text("ref")
    build_site(content_dir, output, OUTPUT_RETENTION=[".git"])
    assert (output / ".git" / "HEAD").read_text() == "ref"
    assert (output / "index.html").is_file()


def test_the_output_a_build_replaces_is_deleted(tmp_path):
    output = build_site(ROOT / "content", tmp_path / "output")
    (output / "stale.html").write_text("from the build before", "utf-8")
    build_site(ROOT / "content", output)
    assert not (output / "stale.html").exists()
    assert (output / MT_PAGE).is_file()
    # Deleted in the background: the build does not wait for it.
    for _ in range(100):
        left = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
        if not left:
            break
        time.sleep(0.1)
    assert left == []


def test_a_build_removes_the_staging_folders_of_killed_builds(content_dir, tmp_path):
    killed = subprocess.Popen([sys.executable, "-c", "pass"])
    killed.wait()  # a process that is gone, as a killed build's is
    left = [
        tmp_path / f".output-new-{killed.pid}-abc123",
        tmp_path / ".output-old-4242-def456",
        tmp_path / ".output-new-d4e5f6",  # named before the builds named theirs
    ]
    running = tmp_path / f".output-new-{os.getpid()}-running"
    for folder in [*left, running]:
        (folder / "2020").mkdir(parents=True)
        (folder / "2020" / "index.html").write_text("half a site", "utf-8")
    (tmp_path / ".other-new-1-x").mkdir()  # another output's

    assert stale_folders(tmp_path / "output") == sorted(left)
    build_site(content_dir, tmp_path / "output")
    for _ in range(100):  # removed in the background
        if not any(folder.exists() for folder in left):
            break
        time.sleep(0.1)
    assert [folder for folder in left if folder.exists()] == []
    assert running.is_dir()  # a build still running keeps its folder
    assert (tmp_path / ".other-new-1-x").is_dir()
