"""``invoke inspect`` / ``python -m newsarchive inspect`` on any file."""

from __future__ import annotations

import json
import subprocess
import sys

from newsarchive.commands.inspection import as_text, inspect_file
from newsarchive.reading.parse import NO_DATE
from tests.commands.test_importer_safety import HTML_ADVICE, HTML_PAGE
from tests.conftest import FIXTURES, MOSCOW_TIMES_FILE, ROOT
from tests.reading.test_parse import CGTN_PARAGRAPHS, MOSCOW_TIMES_PARAGRAPHS

KEYS = {
    "path",
    "title",
    "date",
    "source",
    "url",
    "authors",
    "headings",
    "paragraphs",
    "captions",
    "tags",
    "mentions",
    "candidates",
    "language",
    "removed",
    "problems",
    "uncertain",
}


def run_inspect(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "newsarchive", "inspect", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_json_for_a_raw_file_outside_content(tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes((FIXTURES / "cgtn_raw.txt").read_bytes())
    result = run_inspect(str(outside), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == KEYS
    assert (
        report["title"]
        == "Russia deploys 2,000 troops to disputed Nagorno-Karabakh region after ceasefire deal"
    )
    assert report["date"] == "2020-11-11T11:17:00+08:00"
    assert report["source"] == "CGTN"
    assert report["url"] is None
    assert report["authors"] == []
    assert report["headings"] == []
    assert report["paragraphs"] == CGTN_PARAGRAPHS
    assert len(report["captions"]) == 2
    assert report["tags"][:4] == ["Armenia", "Russia", "Azerbaijan", "Nagorno-Karabakh"]
    assert report["mentions"]["Armenia"] == 13
    assert "Arayik Harutyunyan" in report["tags"]
    assert {"line": "00:42", "rule": "video-timestamp"} in report["removed"]
    assert report["problems"] == []


def test_json_keeps_text_as_in_the_source():
    report = inspect_file(MOSCOW_TIMES_FILE)
    # No typographic changes: straight quotes, no entities, no markup.
    assert (
        report["paragraphs"][0]
        == 'Moscow confirms peace deal signed for immediate and "complete cessation of hostilities."'
    )
    assert report["date"] == "2020-11-10T00:00:00"


def test_unpublishable_file_is_still_reported_and_exits_non_zero():
    result = run_inspect(str(FIXTURES / "moscow_times_raw.txt"), "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["date"] is None
    assert report["problems"] == [NO_DATE]
    assert report["paragraphs"] == MOSCOW_TIMES_PARAGRAPHS


def test_readable_report():
    text = as_text(inspect_file(FIXTURES / "cgtn_raw.txt"))
    assert "Title:    Russia deploys 2,000 troops" in text
    assert "Source:   CGTN" in text
    assert "Language: en" in text
    assert "Captions (2):" in text
    assert "[video-timestamp] 00:42" in text


def test_missing_file_is_a_clear_error(tmp_path):
    result = run_inspect(str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {tmp_path / 'nope.txt'}: ")
    assert "No such file" in result.stderr


def test_html_source_is_refused_with_the_importers_advice(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(HTML_PAGE, encoding="utf-8")
    result = run_inspect(str(page), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"error: {page}: {HTML_ADVICE}\n"
