"""The labelled corpus: every file follows its format, and it covers what the
evaluation needs."""

from __future__ import annotations

from collections import Counter

import pytest

from tools import corpus


@pytest.fixture(scope="module")
def articles():
    return corpus.load()


def test_every_corpus_file_reads_and_the_check_passes(capsys):
    assert corpus.check() == 0
    assert "0 problems" in capsys.readouterr().out


def test_the_corpus_covers_many_outlets_languages_and_events(articles):
    assert len(articles) >= 80
    assert len({a.outlet for a in articles}) >= 50
    other_languages = [a for a in articles if a.language != "en"]
    assert len(other_languages) >= 12
    assert {"ru", "fr", "tr", "de", "es"} <= {a.language for a in other_languages}
    reports = Counter(a.event for a in articles if a.event)
    assert sum(1 for count in reports.values() if 3 <= count <= 8) >= 20


def test_a_third_of_the_outlets_and_events_are_held_out(articles):
    held = corpus.splits()
    outlets = {a.outlet for a in articles}
    assert held.outlets <= outlets
    assert len(outlets) // 3 <= len(held.outlets) <= len(outlets) // 2
    assert held.events <= set(corpus.events())


def test_a_line_label_and_the_raw_bytes(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "example.txt").write_text(
        "+++\n"
        'outlet = "Example"\nkind = "wire"\nformat = "article"\nlanguage = "ru"\n'
        'date = "2020-11-10"\nevent = ""\nencoding = "windows-1251"\n'
        'newline = "\\r\\n"\n'
        "+++\n"
        "B|Главная\nH|Заголовок\n\nP|Первый абзац.\nP|Второй.\nP|Третий.\n",
        encoding="utf-8",
    )
    (article,) = corpus.load(tmp_path)
    assert article.headline == "Заголовок"
    assert [line.label for line in article.lines] == ["B", "H", "", "P", "P", "P"]
    assert article.raw == (
        "Главная\r\nЗаголовок\r\n\r\nПервый абзац.\r\nВторой.\r\nТретий.\r\n"
    ).encode("windows-1251")


def test_a_line_without_a_label_is_named(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text(
        '+++\noutlet = "X"\nkind = "wire"\nformat = "article"\nlanguage = "en"\n'
        'date = "2020-11-10"\nevent = ""\n+++\nH|Title\nno label here\n',
        encoding="utf-8",
    )
    with pytest.raises(corpus.CorpusError, match="text line 2: no label"):
        corpus.parse(path)
