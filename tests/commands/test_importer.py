"""``invoke import``: encodings, duplicates, refusals, and nothing lost."""

from __future__ import annotations

import codecs
import subprocess
import sys

import pytest

from newsarchive.commands.importer import (
    DUPLICATE,
    IMPORTED,
    REFUSED,
    import_paths,
    report,
)
from newsarchive.reading.parse import parse_article
from newsarchive.reading.sources import read_source
from tests.commands.conftest import snapshot
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
