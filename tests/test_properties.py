"""Property-based tests: arbitrary text and bytes never crash the reader or the
importer with anything but our own clear error, and never come out as markup."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.commands.importer import IMPORTED, import_paths
from newsarchive.reading.article import ArticleError
from newsarchive.reading.parse import read_article
from newsarchive.reading.render import body_html, summary_html
from newsarchive.reading.sources import decode

OUR_TAGS = re.compile(r"</?(p|h2|figure|figcaption)( class=\"photo-caption\")?>")
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">x</a>',
    "[link](javascript:alert(4))",
    "{{ 7*7 }}",
    "{% include 'base.html' %}",
    "<!-- comment -->",
    "&lt;already escaped&gt;",
    "**bold** _em_ # heading",
]
lines = st.one_of(
    st.text(max_size=120),
    st.sampled_from(HOSTILE),
    st.sampled_from(
        [
            "Title: X",
            "Date: 2020-11-10",
            "Published 10 November 2020",
            "",
            "Share",
            "00:42",
        ]
    ),
)
documents = st.lists(lines, max_size=25).map("\n".join)
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def assert_inert(html: str) -> None:
    """Every tag in ``html`` is one the renderer itself writes."""
    leftover = OUR_TAGS.sub("", html)
    assert "<" not in leftover, html


@PROPERTY_SETTINGS
@given(documents)
def test_reader_never_crashes_and_never_emits_markup(text):
    try:
        article = read_article(text, "prop.txt")
    except ArticleError as error:
        assert str(error).startswith("prop.txt: ")
        return
    assert_inert(body_html(article))
    assert_inert(summary_html(article))
    for block in article.blocks:
        assert block.text == " ".join(block.text.split())


@PROPERTY_SETTINGS
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_our_error(data):
    try:
        text = decode(data, "prop.bin")
    except ArticleError as error:
        assert str(error).startswith("prop.bin: ")
        return
    assert "\r" not in text and "\x00" not in text and text.strip()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.one_of(st.binary(max_size=1500), documents.map(lambda t: t.encode("utf-8"))))
def test_importing_anything_never_crashes(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("prop")
    source = folder / "incoming.txt"
    source.write_bytes(data)
    content = folder / "content"
    [outcome] = import_paths([source], content)
    if outcome.status == IMPORTED:
        from newsarchive.reading.sources import read_source

        article = read_article(read_source(outcome.detail), outcome.detail)
        assert not article.problems
        assert_inert(body_html(article))
    else:
        assert outcome.detail
        assert not content.exists() or not any(content.rglob("*.txt"))
