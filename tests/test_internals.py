"""The private parts of Pelican and pelican-sitemap we rely on, held to the
pinned versions: each test fails when they behave otherwise."""

from __future__ import annotations

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import Writer

from newsarchive import internals


class Recording:
    """A template that records the context it is rendered with."""

    def __init__(self):
        self.contexts = []

    def render(self, context):
        self.contexts.append(context)
        return "<p>page</p>"


@pytest.fixture
def writer(tmp_path):
    return Writer(
        str(tmp_path), settings={**DEFAULT_CONFIG, "OUTPUT_PATH": str(tmp_path)}
    )


@pytest.mark.parametrize("relative_urls", [False, True])
def test_page_context_is_the_context_pelicans_writer_renders_with(
    writer, relative_urls
):
    context = {"SITEURL": "https://example.org", "articles": [], "shared": 1}
    template = Recording()
    writer.write_file(
        "2020/11/page/index.html",
        template,
        context,
        relative_urls=relative_urls,
        shown="the page",
    )
    (rendered,) = template.contexts
    ours = internals.page_context(
        context, "2020/11/page/index.html", {"shown": "the page"}, relative_urls
    )
    assert rendered == ours
    assert ours["SITEURL"] == ("../../.." if relative_urls else "https://example.org")


def test_a_written_path_is_known_to_the_writer_and_refused_twice(writer, tmp_path):
    path = str(tmp_path / "a" / "index.html")
    assert not internals.already_written(writer, path)
    writer.write_file("a/index.html", Recording(), {})
    assert internals.already_written(writer, path)
    internals.note_written(writer, str(tmp_path / "b" / "index.html"))
    (tmp_path / "b").mkdir()
    with pytest.raises(RuntimeError, match="overwrite"):
        writer.write_file("b/index.html", Recording(), {})


def test_forgetting_the_sitemaps_build(monkeypatch):
    from pelican.plugins.sitemap import sitemap

    monkeypatch.setattr(sitemap.generator, "_main_pelican", object())
    monkeypatch.setattr(sitemap.generator, "page_queue", ["a page"])
    internals.forget_sitemap_build()
    assert sitemap.generator._main_pelican is None
    assert sitemap.generator.page_queue == []
