"""The outlets data file: loading, validation and identification."""

from __future__ import annotations

import pytest

from newsarchive.reading.outlets import OutletsFileError, load_outlets
from tests.conftest import STORY


def write(tmp_path, text):
    path = tmp_path / "outlets.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_outlets_load():
    outlets = load_outlets()
    names = [o.name for o in outlets.outlets]
    assert "The Moscow Times" in names
    assert "CGTN" in names
    cgtn = next(o for o in outlets.outlets if o.name == "CGTN")
    assert cgtn.timezone == "Asia/Shanghai"


@pytest.mark.parametrize(
    ("source", "url", "lines", "expected"),
    [
        ("CGTN", None, [], "CGTN"),
        ("cgtn", None, [], "CGTN"),
        ("China Global Television Network", None, [], "CGTN"),
        (None, "https://www.themoscowtimes.com/2020/11/10/x", [], "The Moscow Times"),
        (None, "https://news.cgtn.com/news/x.html", [], "CGTN"),
        (None, None, ["Headline", "Support The Moscow Times!"], "The Moscow Times"),
        (None, None, ["MOSCOW, Nov 10 (Reuters) - Text"], "Reuters"),
        ("Armenpress", None, [], "Armenpress"),  # unknown but named: kept as given
        (None, "https://unknown.example/a", ["Headline"], ""),
    ],
)
def test_identify(source, url, lines, expected):
    assert load_outlets().identify(source, url, lines).name == expected


def test_outlet_rules_come_from_the_data_file(tmp_path):
    path = write(
        tmp_path,
        '[[outlet]]\nname = "Example News"\nmarkers = ["^Example News$"]\n'
        '[[outlet.rule]]\nname = "promo"\npattern = "^Download our app$"\n',
    )
    outlets = load_outlets(path)
    from newsarchive.reading.parse import read_article

    article = read_article(
        "Council approves the city's new budget\nExample News\nDownload our app\n\n"
        f"{STORY}Published 3 March 2021\n",
        outlets=outlets,
    )
    assert article.source == "Example News"
    assert [(r.line, r.rule) for r in article.removed] == [
        ("Council approves the city's new budget", "title"),
        ("Example News", "publisher-line"),
        ("Download our app", "promo"),
        ("Published 3 March 2021", "dateline"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[outlet]]\naliases = ["X"]\n', "every [[outlet]] needs a name"),
        (
            '[[outlet]]\nname = "X"\ntimezone = "Mars/Olympus"\n',
            "unknown timezone 'Mars/Olympus'",
        ),
        ('[[outlet]]\nname = "X"\ndate_order = "DDMM"\n', "date_order must be one of"),
        ('[[outlet]]\nname = "X"\nmarkers = ["(unclosed"]\n', "outlet 'X'"),
        (
            '[[outlet]]\nname = "X"\n[[outlet.rule]]\nname = "r"\npattern = "x"\nextent = "all"\n',
            "extent must be one of",
        ),
        ("[[outlet]\n", "outlets.toml"),
    ],
)
def test_bad_data_files_are_named(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(OutletsFileError) as raised:
        load_outlets(path)
    assert str(raised.value).startswith(str(path))
    assert message in str(raised.value)
