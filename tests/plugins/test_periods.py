"""Year and month archives by the printed date (newsarchive.plugins.periods)."""

from __future__ import annotations

from tests.conftest import STORY, build_site, soup

PROSE = STORY


def write(content_dir, name, title, date):
    (content_dir / "articles" / name).write_text(
        f"Title: {title}\nDate: {date}\nSource: CGTN\n\n{PROSE}", encoding="utf-8"
    )


def headlines(page):
    # Typogrify joins a headline's last two words with a no-break space.
    return [
        a.get_text(strip=True).replace("\xa0", " ")
        for a in soup(page).select("main ol.dated li a")
    ]


def test_month_pages_follow_the_printed_date_across_time_zones(content_dir, tmp_path):
    # Late on 31 August in New York is after early 1 September in London:
    # sorted by the instant, August is split around a September article.
    write(content_dir, "a.txt", "Mid August", "2023-08-15 12:00 +00:00")
    write(content_dir, "b.txt", "Early September", "2023-09-01 02:00 +00:00")
    write(content_dir, "c.txt", "Late August in New York", "2023-08-31 23:00 -05:00")
    write(content_dir, "d.txt", "Mid September", "2023-09-15 12:00 +00:00")
    output = build_site(content_dir, tmp_path / "output")
    august = output / "2023" / "08" / "index.html"
    september = output / "2023" / "09" / "index.html"
    assert headlines(august) == ["Late August in New York", "Mid August"]
    assert headlines(september) == ["Mid September", "Early September"]
    assert headlines(output / "2023" / "index.html") == [
        "Mid September",
        "Late August in New York",
        "Early September",
        "Mid August",
    ]
