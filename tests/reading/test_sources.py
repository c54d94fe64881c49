"""Decoding raw article bytes: encodings, line endings, and what is refused."""

from __future__ import annotations

import codecs
import os

import pytest

from newsarchive.reading.article import ArticleError
from newsarchive.reading.sources import decode, is_html_source, read_source

RUSSIAN = (
    "Россия направила миротворцев в Нагорный Карабах\n\n"
    "Москва, 10 ноября. Российские миротворцы направились в Нагорный Карабах после того, "
    "как Армения и Азербайджан подписали соглашение о прекращении огня.\n"
)
ENGLISH = (
    "Peacekeepers head to Karabakh\n\nThe deal was signed on Tuesday — “finally”.\n"
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ENGLISH.encode("utf-8"), ENGLISH),
        (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH),
        (ENGLISH.encode("utf-16"), ENGLISH),  # with its BOM, either byte order
        (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), ENGLISH),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (RUSSIAN.encode("utf-16"), RUSSIAN),
        (ENGLISH.replace("\n", "\r\n").encode("utf-8"), ENGLISH),
        (codecs.BOM_UTF8 + ENGLISH.replace("\n", "\r\n").encode("utf-8"), ENGLISH),
        (ENGLISH.replace("\n", "\r").encode("utf-8"), ENGLISH),
        ("Café au lait in Zürich\n".encode("cp1252"), "Café au lait in Zürich\n"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-le-bom",
        "utf16-be-bom",
        "cp1251",
        "utf16-russian",
        "crlf",
        "crlf-bom",
        "cr",
        "cp1252",
    ],
)
def test_decodes_to_the_same_text(data, expected):
    assert decode(data, "a.txt") == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty: the file holds no text"),
        (b"  \n\t\r\n  ", "empty: the file holds no text"),
        (codecs.BOM_UTF8 + b"\n\n", "empty: the file holds no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "a binary file, not text"),
        (b"%PDF-1.7\n\x00\x01\x02\x03", "a binary file, not text"),
        (bytes(range(256)) * 4, "a binary file, not text"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid utf-16 despite its BOM"),
    ],
)
def test_refusals_name_the_file_and_reason(data, reason):
    with pytest.raises(ArticleError) as raised:
        decode(data, "in/x.txt")
    assert str(raised.value).startswith(f"in/x.txt: {reason}")


def test_never_mojibake(tmp_path):
    # KOI8-R is easy to mistake for other encodings: whatever the detector
    # decides, the result is the right text or a refusal, never garbage.
    try:
        text = decode(RUSSIAN.encode("koi8-r"), "x.txt")
    except ArticleError as error:
        assert "unsure of its encoding" in str(error)
    else:
        assert text == RUSSIAN


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1_300_000)
    with pytest.raises(ArticleError) as raised:
        read_source(path)
    assert (
        str(raised.value)
        == f"{path}: too large: 6.2 MB, over the 2.0 MB limit for one article"
    )
    assert read_source(path, max_bytes=7 * 1024 * 1024).startswith("word word")


HTML_ADVICE = (
    "this is a web page's HTML source, not its text: open the page in a browser, "
    "select the article's text and copy it"
)
PAGE_FRAGMENT = """<div class="article">
  <h1 class="headline">Peacekeepers head to Karabakh</h1>
  <p class="lead">The deal was signed on Tuesday after six weeks of fighting.</p>
  <p>Russian peacekeepers began arriving in the region on Wednesday morning.</p>
  <a href="/news/">More news</a>
</div>
<script>
  window.dataLayer = window.dataLayer || [];
  function track(event) { return dataLayer.push(event); }
  track({page: "article"});
</script>
"""
HEAD_ONLY = """<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<link rel="stylesheet" href="/main.css">
<title>Peacekeepers head to Karabakh</title>
Peacekeepers head to Karabakh
"""
ARTICLES_WITH_TAGS = [
    (
        "Peacekeepers head to Karabakh\n\n"
        "The deal was a <b>bold</b> move, the minister said on Tuesday evening.\n\n"
        "Russian peacekeepers began arriving in the region on Wednesday morning.\n"
    ),
    (
        "How the web was built\n\n"
        '<p> marks a paragraph and <a href="..."> a link, the first guide said.\n\n'
        "<b>Note:</b> browsers forgive a missing </p>, so pages kept working.\n\n"
        "Engineers still argue about it three decades later, the author writes.\n\n"
        "The guide is in the archive of the city library, open to all readers.\n"
    ),
    "Prices rise\n\nIf x<y and z>w, prices rise, economists said on Monday.\n",
]


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html>\n<html><head><title>x</title></head><body>Hi</body></html>\n",
        "  <!doctype html>\nPeacekeepers head to Karabakh\n",
        '<html lang="en">\n<body>\nPeacekeepers head to Karabakh\n</body>\n</html>\n',
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">\n',
        PAGE_FRAGMENT,
        HEAD_ONLY,
    ],
    ids=["doctype", "doctype-lower", "html", "xhtml", "fragment", "head-only"],
)
def test_a_web_pages_html_source_is_refused_with_advice(page):
    assert is_html_source(page)
    with pytest.raises(ArticleError) as raised:
        decode(page.encode("utf-16"), "in/page.txt")
    assert str(raised.value) == f"in/page.txt: {HTML_ADVICE}"


@pytest.mark.parametrize("text", ARTICLES_WITH_TAGS, ids=["bold", "guide", "math"])
def test_an_article_quoting_a_tag_or_two_is_text(text):
    assert not is_html_source(text)
    assert decode(text.encode("utf-8"), "a.txt") == text


def test_read_source_refuses_html_by_path(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE_FRAGMENT, encoding="utf-8")
    with pytest.raises(ArticleError) as raised:
        read_source(path)
    assert str(raised.value) == f"{path}: {HTML_ADVICE}"


def test_a_fifo_is_refused_without_being_opened(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    for checked in (None, os.lstat(path)):
        with pytest.raises(ArticleError) as raised:
            read_source(path, checked=checked)  # would block if it were opened
        assert str(raised.value) == f"{path}: a named pipe (FIFO), not a regular file"


def test_a_checked_file_is_read_only_if_it_is_still_the_file_checked(tmp_path):
    private = tmp_path / "private.txt"
    private.write_text("A private note that must never be read.\n", encoding="utf-8")
    path = tmp_path / "article.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    checked = os.lstat(path)
    assert read_source(path, checked=checked) == ENGLISH

    # A symbolic link swapped in after the check is not followed.
    path.unlink()
    path.symlink_to(private)
    with pytest.raises(ArticleError) as raised:
        read_source(path, checked=checked)
    assert (
        str(raised.value)
        == f"{path}: a symbolic link; copy the file itself to import it"
    )

    # Nor is another file moved into its place.
    path.unlink()
    os.link(private, path)
    with pytest.raises(ArticleError) as raised:
        read_source(path, checked=checked)
    assert (
        str(raised.value)
        == f"{path}: it changed while it was being read: import it again"
    )
    # Without a check (the build reading content/), a link is read as before.
    path.unlink()
    path.symlink_to(private)
    assert read_source(path) == "A private note that must never be read.\n"


def test_a_legacy_encoded_page_of_short_lines_is_still_read():
    """A page of menus, times and counters looks messy to the detector."""
    menu = "Новости\nГород\n+27\nАвто\n09:58\nВсе новости\n09:41\n1 из 24\n" * 3
    prose = (
        "Ночью в центре Ростова-на-Дону появились военные, а к утру жители "
        "выстроились в очередь за кофе у цирка, рассказали корреспонденту очевидцы.\n"
    )
    text = menu + prose * 2
    assert decode(text.encode("cp1251")) == text
