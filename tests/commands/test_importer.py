"""``invoke import``: encodings, duplicates, refusals, and nothing lost."""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import sys

import pytest

from newsarchive.commands.importer import (
    DUPLICATE,
    IMPORTED,
    REFUSED,
    Outcome,
    expand,
    import_one,
    import_paths,
    index_folder,
    report,
)
from newsarchive.reading.parse import parse_article
from newsarchive.reading.sources import read_source
from tests.conftest import FIXTURES, ROOT, STORY

RUSSIAN = (
    "Title: Россия направила миротворцев в Нагорный Карабах\n"
    "Date: 2020-11-10\nSource: ТАСС\n\n"
    "Россия направила миротворцев в Нагорный Карабах\n\n"
    "Москва, 10 ноября. Российские миротворцы направились в Нагорный Карабах после того, "
    "как Армения и Азербайджан подписали соглашение о прекращении огня.\n\n"
    "Премьер-министр Армении Никол Пашинян назвал соглашение болезненным для себя и народа.\n\n"
    "Президент Азербайджана Ильхам Алиев заявил, что соглашение имеет историческое "
    "значение, а в Ереване люди вышли на улицы и потребовали отставки правительства.\n"
)
UTF16_ARTICLE = (
    "Armenia's parliament debates the ceasefire\n"
    "Published 12 November 2020\n\n"
    "Lawmakers in Yerevan met on Thursday to debate the ceasefire agreement signed this week.\n\n"
    "The opposition demanded that Prime Minister Nikol Pashinyan resign over the deal.\n\n"
    "The debate went on late into the night, and the speaker said it would resume "
    "on Friday after the government had answered the deputies' questions.\n\n"
    "© 2020 Caucasus Daily\n"
)
BOILERPLATE_ONLY = (
    "Support The Moscow Times!\n\nSign up for our free weekly newsletter\n\n"
    "Share\n\n00:42\n\n(With inputs from agencies)\n"
)


@pytest.fixture
def content(tmp_path):
    """An archive that already holds the two seed articles."""
    folder = tmp_path / "content" / "articles"
    shutil.copytree(ROOT / "content" / "articles", folder)
    return folder


def snapshot(folder):
    return {
        p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def mixed_folder(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "russian.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (folder / "utf16.txt").write_bytes(UTF16_ARTICLE.encode("utf-16"))
    seed = (FIXTURES / "cgtn_raw.txt").read_text(encoding="utf-8")
    (folder / "seed-copy.txt").write_bytes(
        codecs.BOM_UTF8 + seed.replace("\n", "\r\n").encode()
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.jpg").write_bytes(
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(200)
    )
    (folder / "boilerplate.txt").write_text(BOILERPLATE_ONLY, encoding="utf-8")
    (folder / "huge.txt").write_bytes(b"word " * (6 * 1024 * 1024 // 5))
    return folder


def test_the_mixed_folder(mixed_folder, content):
    before = snapshot(content)
    outcomes = {o.source.name: o for o in import_paths([mixed_folder], content)}
    assert {name: o.status for name, o in outcomes.items()} == {
        "boilerplate.txt": REFUSED,
        "empty.txt": REFUSED,
        "huge.txt": REFUSED,
        "photo.jpg": REFUSED,
        "russian.txt": IMPORTED,
        "seed-copy.txt": DUPLICATE,
        "utf16.txt": IMPORTED,
    }
    assert outcomes["empty.txt"].detail == "empty: the file holds no text"
    assert outcomes["photo.jpg"].detail == "a binary file, not text"
    assert (
        outcomes["huge.txt"].detail
        == "too large: 6.0 MB, over the 2.0 MB limit for one article"
    )
    assert outcomes["boilerplate.txt"].detail.startswith("only boilerplate")
    assert outcomes["seed-copy.txt"].detail.startswith("same article as ")
    assert outcomes["seed-copy.txt"].detail.endswith(
        "russia-deploys-2000-troops-to-disputed-nagorno-karabakh-region-after-ceasefire-deal.txt"
    )

    # Everything that was there is untouched; exactly two files were added.
    after = snapshot(content)
    assert {k: v for k, v in after.items() if k in before} == before
    added = sorted(str(k) for k in set(after) - set(before))
    assert added == [
        "2020/11/armenias-parliament-debates-the-ceasefire.txt",
        "2020/11/rossiia-napravila-mirotvortsev-v-nagornyi-karabakh.txt",
    ]


def test_imported_files_are_utf8_with_a_header_above_the_verbatim_text(
    mixed_folder, content
):
    import_paths([mixed_folder], content)
    russian = (
        content / "2020/11/rossiia-napravila-mirotvortsev-v-nagornyi-karabakh.txt"
    ).read_bytes()
    text = russian.decode("utf-8")
    assert text.startswith(
        # The publisher as the archive shows it: ТАСС is TASS's alias.
        "Title: Россия направила миротворцев в Нагорный Карабах\nDate: 2020-11-10\nSource: TASS\n\n"
    )
    assert "Премьер-министр Армении Никол Пашинян" in text
    stored = (
        content / "2020/11/armenias-parliament-debates-the-ceasefire.txt"
    ).read_text(encoding="utf-8")
    header, _, body = stored.partition("\n\n")
    assert header.splitlines() == [
        "Title: Armenia's parliament debates the ceasefire",
        "Date: 2020-11-12T00:00:00+00:00",
        # Found from the page's copyright line.
        "Source: Caucasus Daily",
    ]
    assert body == UTF16_ARTICLE
    article = parse_article(stored)
    assert article.paragraphs[0].startswith("Lawmakers in Yerevan")


def test_importing_twice_changes_nothing(mixed_folder, content):
    import_paths([mixed_folder], content)
    before = snapshot(content)
    outcomes = import_paths([mixed_folder], content)
    assert [
        o.status for o in outcomes if o.source.name in ("russian.txt", "utf16.txt")
    ] == [DUPLICATE, DUPLICATE]
    assert snapshot(content) == before


def test_the_seed_files_are_duplicates(content):
    before = snapshot(content)
    outcomes = import_paths(
        sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
        or sorted(FIXTURES.glob("*_raw.txt")),
        content,
    )
    assert [o.status for o in outcomes] == [DUPLICATE, DUPLICATE]
    assert snapshot(content) == before


def test_different_trailing_boilerplate_is_still_a_duplicate(content, tmp_path):
    seed = (FIXTURES / "cgtn_raw.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(
        seed.replace(
            "(With inputs from agencies)",
            "Download the CGTN app for more news on the go.",
        ),
        encoding="utf-8",
    )
    [outcome] = import_paths([copy], content)
    assert outcome.status == DUPLICATE


def test_same_headline_from_two_outlets_is_two_articles(tmp_path):
    content = tmp_path / "articles"
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(
        "Source: CGTN\nDate: 2020-11-10\n\nCeasefire agreed in Moscow\n\nArmenia and Azerbaijan agreed a ceasefire brokered by Moscow late on Monday night.\n\n"
        + STORY,
        encoding="utf-8",
    )
    second.write_text(
        "Source: Reuters\nDate: 2020-11-10\n\nCeasefire agreed in Moscow\n\nRussian peacekeepers will deploy to the region under a deal signed overnight, officials said.\n\n"
        "The agreement was signed by the leaders of the three countries, and it ends six weeks of fighting in the region, the Kremlin said in a statement on Tuesday morning.\n",
        encoding="utf-8",
    )
    outcomes = import_paths([first, second], content)
    assert [o.status for o in outcomes] == [IMPORTED, IMPORTED]
    assert sorted(p.name for p in content.rglob("*.txt")) == [
        "ceasefire-agreed-in-moscow-2.txt",
        "ceasefire-agreed-in-moscow.txt",
    ]


def test_options_supply_what_cannot_be_inferred(content, tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text(
        f"A headline with no date\n\n{STORY}",
        encoding="utf-8",
    )
    [refused] = import_paths([raw], content)
    assert refused.status == REFUSED
    assert refused.detail == (
        "no date found: pass --date YYYY-MM-DD or add a 'Date:' header line; "
        "no publisher found: pass --source or add a 'Source:' header line"
    )
    [imported] = import_paths(
        [raw],
        content,
        date="2021-02-03",
        source="Eurasianet",
        url="https://eurasianet.org/x",
    )
    assert imported.status == IMPORTED
    stored = read_source(imported.detail)
    assert stored.startswith(
        "Title: A headline with no date\nDate: 2021-02-03\nSource: Eurasianet\nURL: https://eurasianet.org/x\n\n"
    )


def test_report_lines_and_summary(mixed_folder, content):
    text = report(import_paths([mixed_folder], content))
    lines = text.splitlines()
    assert len(lines) == 8
    assert any(
        line.startswith("refused   ")
        and line.endswith("empty.txt: empty: the file holds no text")
        for line in lines
    )
    assert lines[-1] == "7 files: 2 imported, 1 duplicate, 4 refused."


def test_command_line_exits_non_zero_when_anything_was_refused(mixed_folder, content):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsarchive",
            "import",
            str(mixed_folder),
            "--content",
            str(content),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert (
        result.stdout.splitlines()[-1] == "7 files: 2 imported, 1 duplicate, 4 refused."
    )


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


def test_an_article_the_reader_is_unsure_of_is_refused_until_forced(tmp_path):
    content = tmp_path / "articles"
    raw = tmp_path / "short.txt"
    raw.write_text(
        "Title: Talks resume in Geneva\nDate: 2021-03-04\nSource: Example News\n\n"
        "The talks resumed on Thursday, officials said.\n",
        encoding="utf-8",
    )
    [refused] = import_paths([raw], content)
    assert refused.status == REFUSED
    assert refused.detail == (
        "fewer than 40 words of story would be kept; check it with "
        "`invoke inspect`, and pass --force to take it as read"
    )
    assert not content.exists() or not any(content.rglob("*.txt"))
    [imported] = import_paths([raw], content, force=True)
    assert imported.status == IMPORTED
    stored = read_source(imported.detail)
    assert stored.startswith(
        "Title: Talks resume in Geneva\nDate: 2021-03-04\nSource: Example News\n"
        "Reading: accepted\n\n"
    )
    # The build takes it as read.
    assert parse_article(stored).paragraphs == [
        "The talks resumed on Thursday, officials said."
    ]
