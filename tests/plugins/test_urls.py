"""One address per article (newsarchive.plugins.urls)."""

from __future__ import annotations

import logging

from tests.conftest import STORY, build_site, soup

PROSE = STORY


def write(content_dir, name, title, date, source="CGTN", body=PROSE):
    (content_dir / "articles" / name).write_text(
        f"Title: {title}\nDate: {date}\nSource: {source}\n\n{body}", encoding="utf-8"
    )


def test_same_headline_same_day_same_outlet_gets_a_numbered_address(
    content_dir, tmp_path, caplog
):
    write(content_dir, "b-update.txt", "Live: talks go on", "2020-11-10", body=PROSE)
    write(
        content_dir,
        "a-first.txt",
        "Live: talks go on",
        "2020-11-10",
        body="A different report, long enough to be a paragraph of its own.\n\n"
        + PROSE,
    )
    with caplog.at_level(logging.WARNING):
        output = build_site(content_dir, tmp_path / "output")
    day = output / "2020" / "11" / "10" / "cgtn"
    first = soup(day / "live-talks-go-on" / "index.html")
    second = soup(day / "live-talks-go-on-2" / "index.html")
    assert "A different report" in first.select_one("main").get_text()
    assert "The story runs on" in second.select_one("main").get_text()
    warnings = [
        r.getMessage() for r in caplog.records if r.name == "newsarchive.plugins.urls"
    ]
    assert warnings == [
        "articles/b-update.txt has the publisher, date and headline of "
        "articles/a-first.txt: published at 2020/11/10/cgtn/live-talks-go-on-2/"
    ]
