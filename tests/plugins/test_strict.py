"""A source file that cannot be read fails the build, naming it and why."""

from __future__ import annotations

import pytest

from newsarchive.plugins.strict import SourceFilesFailed, failed_sources
from newsarchive.reading.parse import NO_DATE
from tests.conftest import STORY, build_site


def test_article_without_a_date_fails_the_build_before_writing(content_dir, tmp_path):
    (content_dir / "articles" / "good.txt").write_text(
        f"Title: Fine\nDate: 2020-11-10\nSource: Example News\n\n{STORY}",
        encoding="utf-8",
    )
    (content_dir / "articles" / "undated.txt").write_text(
        f"Title: No date\nSource: Example News\n\n{STORY}", encoding="utf-8"
    )
    output = tmp_path / "output"
    with pytest.raises(SourceFilesFailed) as raised:
        build_site(content_dir, output)
    message = str(raised.value)
    assert message.startswith("1 source file could not be read; nothing was written:\n")
    assert f"articles/undated.txt: {NO_DATE}" in message
    assert "good.txt" not in message
    assert not output.exists() or not any(output.iterdir())


def test_every_failed_file_is_listed_with_its_reason(content_dir, tmp_path):
    (content_dir / "articles" / "a.txt").write_text(
        f"Date: 2020-11-10\nSource: Example News\n\n{STORY}", encoding="utf-8"
    )
    (content_dir / "articles" / "b.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    )
    (content_dir / "articles" / "c.txt").write_text(
        f"Title: X\nDatum: 2020\n\n{STORY}", encoding="utf-8"
    )
    with pytest.raises(SourceFilesFailed) as raised:
        build_site(content_dir, tmp_path / "output")
    lines = str(raised.value).splitlines()
    assert lines[0] == "3 source files could not be read; nothing was written:"
    assert "a.txt: no title found: add a 'Title:' line to the header" in lines[1]
    assert "b.txt: a binary file, not text" in lines[2]
    assert "c.txt: header line 2 has unknown key 'Datum'" in lines[3]


def test_a_markdown_page_pelican_cannot_read_fails_too(content_dir, tmp_path):
    (content_dir / "pages" / "broken.md").write_text(
        "No title metadata here.\n", encoding="utf-8"
    )
    with pytest.raises(
        SourceFilesFailed, match=r"pages/broken.md: Pelican could not process it"
    ):
        build_site(content_dir, tmp_path / "output")


def test_failed_sources_lists_only_the_failures():
    assert failed_sources("/c", {"a.txt": object(), "b.txt": None}) == ["/c/b.txt"]
