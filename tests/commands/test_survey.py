"""``invoke entities [--unknown]``: entities across a whole folder."""

from __future__ import annotations

import shutil

from newsarchive.commands.survey import format_survey, survey
from tests.conftest import ROOT


def test_unknown_names_across_the_archive(tmp_path):
    shutil.copytree(ROOT / "content" / "articles", tmp_path / "articles")
    (tmp_path / "articles" / "broken.txt").write_text(
        "Title: X\nTilte: Y\n\n", encoding="utf-8"
    )
    result = survey(tmp_path / "articles", unknown=True)
    assert result.articles == 2
    assert result.unknown["Olga Oliker"] == 1
    assert result.unknown_in["International Crisis Group"] == 1
    text = format_survey(result, unknown=True)
    assert text.splitlines()[0] == "Names not in the entity list, in 2 articles:"
    assert "Olga Oliker" in text
    assert "Could not read:" in text and "broken.txt: " in text


def test_entity_counts_across_the_archive():
    result = survey(ROOT / "content" / "articles")
    assert result.tags["Russia"] == 2
    assert result.tags["France"] == 1
    text = format_survey(result)
    assert "     2 art.  Russia" in text
