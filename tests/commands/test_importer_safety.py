"""The importer reads only what it was given: no links, no devices, no HTML."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newsarchive.commands.importer import (
    IMPORTED,
    REFUSED,
    Outcome,
    expand,
    import_one,
    import_paths,
    index_folder,
    report,
)
from newsarchive.reading.sources import read_source
from tests.commands.conftest import snapshot
from tests.conftest import ROOT

PRIVATE = (
    "My bank password and other secrets\n\n"
    "This private note runs on long enough to be a paragraph of prose, and must never be published.\n"
)
HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ceasefire agreed</title>
</head>
<body>
<p>Armenia and Azerbaijan agreed a ceasefire brokered by Moscow late on Monday night.</p>
</body>
</html>
"""
HTML_ADVICE = (
    "this is a web page's HTML source, not its text: open the page in a browser, "
    "select the article's text and copy it"
)
BOLD_ARTICLE = (
    "Ceasefire agreed in Karabakh\n\n"
    "Armenia and Azerbaijan agreed a <b>bold</b> ceasefire brokered by Moscow late on Monday night, "
    "ending six weeks of fighting over the mountainous region and the districts around it.\n\n"
    "Russian peacekeepers will deploy to the region under the deal, officials said on Tuesday, "
    "and will stay for at least five years while refugees return to their homes.\n"
)
BATCH_OPTIONS = {"date": "2021-02-03", "title": "Leaked", "source": "Eurasianet"}


@pytest.fixture
def private_file(tmp_path):
    """A private file elsewhere on the machine, outside any import folder."""
    private = tmp_path / "home" / "secrets.txt"
    private.parent.mkdir()
    private.write_text(PRIVATE, encoding="utf-8")
    return private


def test_a_symlink_to_a_private_file_is_refused_even_with_every_option(
    private_file, content, tmp_path
):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "x.txt").symlink_to(private_file)
    given = tmp_path / "given.txt"
    given.symlink_to(private_file)
    before = snapshot(content)

    outcomes = import_paths([folder, given], content, **BATCH_OPTIONS)

    assert [(o.source, o.status, o.detail) for o in outcomes] == [
        (
            folder / "x.txt",
            REFUSED,
            "a symbolic link; copy the file itself to import it",
        ),
        (given, REFUSED, "a symbolic link; copy the file itself to import it"),
    ]
    assert snapshot(content) == before
    assert report(outcomes).splitlines() == [
        f"refused   {folder / 'x.txt'}: a symbolic link; copy the file itself to import it",
        f"refused   {given}: a symbolic link; copy the file itself to import it",
        "2 files: 0 imported, 0 duplicate, 2 refused.",
    ]


def test_a_symlinked_folder_is_not_walked(private_file, content, tmp_path):
    folder = tmp_path / "incoming"
    (folder / "real").mkdir(parents=True)
    (folder / "real" / "bold.txt").write_text(BOLD_ARTICLE, encoding="utf-8")
    (folder / "linked").symlink_to(private_file.parent, target_is_directory=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.symlink_to(private_file.parent, target_is_directory=True)
    before = snapshot(content)

    outcomes = import_paths(
        [folder, elsewhere], content, date="2021-02-03", source="Eurasianet"
    )

    link_advice = "a symbolic link; copy the folder itself to import it"
    assert [(o.source, o.status) for o in outcomes] == [
        (folder / "linked", REFUSED),
        (folder / "real" / "bold.txt", IMPORTED),
        (elsewhere, REFUSED),
    ]
    assert outcomes[0].detail == outcomes[2].detail == link_advice
    added = sorted(str(k) for k in set(snapshot(content)) - set(before))
    assert added == ["2021/02/ceasefire-agreed-in-karabakh.txt"]
    assert not any(b"secrets" in data for data in snapshot(content).values())


def test_a_fifo_is_refused_without_waiting_for_a_writer(content, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(tmp_path / "named.txt")
    (folder / "bold.txt").write_text(BOLD_ARTICLE, encoding="utf-8")
    before = snapshot(content)

    outcomes = import_paths([folder, tmp_path / "named.txt"], content, **BATCH_OPTIONS)

    assert [(o.source.name, o.status, o.detail) for o in outcomes] == [
        ("bold.txt", IMPORTED, str(content / "2021/02/leaked.txt")),
        ("pipe.txt", REFUSED, "a named pipe (FIFO), not a regular file"),
        ("named.txt", REFUSED, "a named pipe (FIFO), not a regular file"),
    ]
    added = sorted(str(k) for k in set(snapshot(content)) - set(before))
    assert added == ["2021/02/leaked.txt"]


def test_a_link_swapped_in_after_the_check_is_not_followed(
    private_file, content, tmp_path
):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "a.txt").write_text(BOLD_ARTICLE, encoding="utf-8")
    [found] = expand([folder])
    assert found.refusal is None
    (folder / "a.txt").unlink()
    (folder / "a.txt").symlink_to(private_file)
    before = snapshot(content)

    outcome = import_one(
        found.path, content, index_folder(content), BATCH_OPTIONS, 10_000, found.checked
    )

    assert outcome == Outcome(
        folder / "a.txt", REFUSED, "a symbolic link; copy the file itself to import it"
    )
    assert snapshot(content) == before


def test_a_web_pages_html_source_is_refused_with_advice(content, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(HTML_PAGE, encoding="utf-8")
    before = snapshot(content)

    [outcome] = import_paths([page], content, **BATCH_OPTIONS)

    assert (outcome.status, outcome.detail) == (REFUSED, HTML_ADVICE)
    assert snapshot(content) == before


def test_an_article_quoting_a_tag_is_still_imported(content, tmp_path):
    article = tmp_path / "bold.txt"
    article.write_text(BOLD_ARTICLE, encoding="utf-8")

    [outcome] = import_paths([article], content, date="2020-11-10", source="CGTN")

    assert outcome.status == IMPORTED
    stored = content / "2020/11/ceasefire-agreed-in-karabakh.txt"
    assert outcome.detail == str(stored)
    assert stored.read_text(encoding="utf-8") == (
        "Title: Ceasefire agreed in Karabakh\nDate: 2020-11-10\nSource: CGTN\n\n"
        + BOLD_ARTICLE
    )
    assert "<b>bold</b> ceasefire" in read_source(stored)


def test_command_line_refuses_links_and_html_and_goes_on(
    private_file, content, tmp_path
):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "bold.txt").write_text(BOLD_ARTICLE, encoding="utf-8")
    (folder / "page.txt").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "x.txt").symlink_to(private_file)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsarchive",
            "import",
            str(folder),
            "--content",
            str(content),
            "--date",
            "2021-02-03",
            "--source",
            "Eurasianet",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 1
    stored = content / "2021/02/ceasefire-agreed-in-karabakh.txt"
    assert result.stdout.splitlines() == [
        f"imported  {folder / 'bold.txt'} -> {stored}",
        f"refused   {folder / 'page.txt'}: {HTML_ADVICE}",
        f"refused   {folder / 'x.txt'}: a symbolic link; copy the file itself to import it",
        "3 files: 1 imported, 0 duplicate, 2 refused.",
    ]
    assert "secrets" not in stored.read_text(encoding="utf-8")
