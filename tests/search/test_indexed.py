"""What Pagefind reads from a page: changes it reads and changes it does not."""

from __future__ import annotations

import pytest

from newsarchive.search.indexed import indexed_parts, same_for_index

PAGE = """<!DOCTYPE html><html lang="en"><head><title>T</title>
<script type="application/ld+json">{"headline": "T"}</script></head><body>
<nav><a href="/">Home</a></nav>
<article>
  <h1 data-pagefind-meta="title">Talks resume</h1>
  <time data-pagefind-sort="date:2020-11-10" data-pagefind-filter="year:2020">10 Nov</time>
  <div data-pagefind-body><p>Talks resume in <em>Moscow</em>.</p><img src="a.png" alt="A">
    <aside data-pagefind-ignore>Also covered by CGTN</aside></div>
  <footer data-pagefind-ignore><ul><li><a data-pagefind-filter="entity">Russia</a></li></ul>
    <p>Cite this</p></footer>
</article>
<aside class="more-about"><a href="/x/">Another article</a></aside>
<ul><li class="newer"><a href="/y/">Newer</a></li></ul>
</body></html>"""


@pytest.mark.parametrize(
    "old, new",
    [
        ("<title>T</title>", "<title>U</title>"),
        ('"headline": "T"', '"headline": "U"'),
        ('<a href="/">Home</a>', '<a href="/">Start</a>'),
        ("Another article", "A third article"),
        ('href="/y/">Newer', 'href="/z/">Newer'),
        ("Also covered by CGTN", "Also covered by CGTN and Reuters"),
        ("Cite this", "Cite this page"),
    ],
)
def test_what_pagefind_does_not_read_does_not_count(old, new):
    assert old in PAGE
    assert indexed_parts(PAGE.replace(old, new).encode()) == indexed_parts(
        PAGE.encode()
    )
    assert same_for_index(PAGE.encode(), PAGE.replace(old, new).encode())


@pytest.mark.parametrize(
    "old, new",
    [
        ("<em>Moscow</em>", "<em>Baku</em>"),
        ("<em>Moscow</em>", "<strong>Moscow</strong>"),
        ('src="a.png"', 'src="b.png"'),
        (">Talks resume</h1>", ">Talks stall</h1>"),
        ("date:2020-11-10", "date:2020-11-11"),
        ("year:2020", "year:2021"),
        (">Russia</a>", ">Armenia</a>"),
        ("<article>", '<article data-pagefind-filter="type:Places">'),
    ],
)
def test_what_pagefind_reads_counts(old, new):
    assert old in PAGE
    assert indexed_parts(PAGE.replace(old, new).encode()) != indexed_parts(
        PAGE.encode()
    )
    assert not same_for_index(PAGE.encode(), PAGE.replace(old, new).encode())


@pytest.mark.parametrize(
    "old, new",
    [
        # A change that ends in a marked tag, or starts before one.
        (
            '<a data-pagefind-filter="entity">',
            '<a href="/r/" data-pagefind-filter="entity">',
        ),
        ("<title>T</title>", '<title>T</title><meta data-pagefind-meta="x:y">'),
        ('<nav><a href="/">Home</a></nav>', "<nav data-pagefind-body>Home</nav>"),
        # Text after the body's last tag, still inside it.
        ('<img src="a.png" alt="A">', '<img src="a.png" alt="A"> and more'),
    ],
)
def test_changes_near_marked_elements_are_read_in_full(old, new):
    assert old in PAGE
    changed = PAGE.replace(old, new).encode()
    expected = indexed_parts(changed) == indexed_parts(PAGE.encode())
    assert same_for_index(PAGE.encode(), changed) is expected
    assert same_for_index(changed, PAGE.encode()) is expected
