"""The test-archive generator: deterministic, realistic, and read back exactly."""

from __future__ import annotations

import datetime
import re
import statistics
from collections import Counter, defaultdict

import pytest

from newsarchive.entities.catalogue import load_entities
from newsarchive.entities.matcher import default_matcher
from newsarchive.entities.tagging import tag_article
from newsarchive.reading.boilerplate import match
from newsarchive.reading.header import split_header
from newsarchive.reading.outlets import load_outlets
from newsarchive.reading.parse import parse_article
from newsarchive.reading.rules import GENERIC_RULES
from tools import generate
from tools.generate import generate_articles, generate_drafts, write_archive

PATH = re.compile(r"^(\d{4})/(\d{2})/[a-z0-9]+(?:-[a-z0-9]+)*\.txt$")


@pytest.fixture(scope="module")
def drafts():
    return list(generate_drafts(1000, seed=0))


@pytest.fixture(scope="module")
def parsed(drafts):
    """The first 300 drafts as the reader reads them."""
    return [(draft, parse_article(draft.text, draft.path)) for draft in drafts[:300]]


def files(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def header_date(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value)


def test_same_seed_writes_the_same_bytes_and_another_seed_does_not(tmp_path):
    assert write_archive(40, tmp_path / "a", seed=5) == 40
    write_archive(40, tmp_path / "b", seed=5)
    write_archive(40, tmp_path / "c", seed=6)
    first = files(tmp_path / "a")
    assert files(tmp_path / "b") == first
    assert files(tmp_path / "c") != first
    assert first == {p: t.encode() for p, t in generate_articles(40, seed=5)}


def test_writes_n_files_under_their_year_and_month(tmp_path):
    assert write_archive(120, tmp_path, seed=1) == 120
    written = files(tmp_path)
    assert len(written) == 120
    for path, data in written.items():
        found = PATH.match(path)
        assert found, path
        header, _ = split_header(data.decode("utf-8"))
        assert header["date"][:7] == f"{found[1]}-{found[2]}"


def test_paths_are_unique(drafts):
    assert len({draft.path for draft in drafts}) == len(drafts)


def test_every_article_reads_back_as_generated(parsed):
    for draft, article in parsed:
        header, body = split_header(draft.text)
        # The page opens with the headline, which the header repeats.
        assert header["title"] == body.split("\n", 1)[0] == draft.title
        assert article.title == draft.title
        assert article.date == header_date(header["date"])
        assert article.source == header["source"] == draft.source
        assert article.url == draft.url
        assert article.authors == draft.authors
        assert article.paragraphs == list(draft.paragraphs), draft.path
        assert article.headings == list(draft.headings), draft.path
        assert article.captions == list(draft.captions), draft.path


def test_the_pages_carry_boilerplate_that_never_reaches_the_paragraphs(parsed):
    raw_lines = Counter()
    for draft, article in parsed:
        lines = split_header(draft.text)[1].splitlines()
        raw_lines.update(
            "timestamp" if re.fullmatch(r"\d\d:\d\d", line) else line.split(":")[0]
            for line in lines
        )
        raw_lines.update(("credited caption",) * sum(" /" in line for line in lines))
        for paragraph in article.paragraphs:
            assert match(paragraph, GENERIC_RULES) is None, paragraph
            assert not re.fullmatch(r"\d{1,2}:\d{2}", paragraph)
            assert not paragraph.startswith(("Share", "Sign up for", "Support"))
            assert " /" not in paragraph
    # The sample holds the kinds of lines the reader must strip.
    for line in (
        "timestamp",
        "Share",
        "Sign up for our free weekly newsletter",
        "credited caption",
        "(With inputs from agencies)",
        "Related topics",
        "Keep reading",
        "A Message from The Moscow Times",
        "Our Standards",
        "Read more",
    ):
        assert raw_lines[line] > 0, line


def test_body_word_counts_stay_in_range(drafts, parsed):
    for draft in drafts:
        words = len(" ".join(draft.paragraphs).split())
        assert generate.MIN_WORDS <= words <= generate.MAX_WORDS, draft.path
    for _, article in parsed:
        assert 500 <= len(" ".join(article.paragraphs).split()) <= 900


def test_publishers_and_dates_spread_widely(drafts):
    sample = drafts[:500]
    sources = Counter(draft.source for draft in sample)
    assert len(sources) >= 20
    known = {outlet.name for outlet in load_outlets().outlets}
    # The reader's outlet data is exercised: most publishers are outlets it knows.
    assert len(set(sources) & known) >= 8
    days = [header_date(draft.date).date() for draft in sample]
    assert len({day.year for day in days}) >= 9
    assert all(generate.FIRST_DAY <= day <= generate.LAST_DAY for day in days)


def test_entity_popularity_is_zipf_like(drafts):
    articles = Counter(name for draft in drafts for name in draft.body_mentions)
    per_entity = [articles[e.name] for e in load_entities().entities]
    most, median = max(per_entity), statistics.median(per_entity)
    # A few entities are in most articles, the typical one in a handful.
    assert most >= 500
    assert most >= 30 * max(median, 1)
    for draft in drafts:
        assert 3 <= len(draft.body_mentions) <= 10, draft.path
        assert all(1 <= n <= 4 for n in draft.body_mentions.values()), draft.path


def test_the_tagger_finds_exactly_the_mentions_written(parsed):
    by_alias = Counter()
    for draft, article in parsed[:200]:
        tagging = tag_article(article)
        assert tagging.mentions == draft.mentions, draft.path
        # No capitalised run of words reads as a name outside the list.
        assert not tagging.candidates, (draft.path, tagging.candidates)
        for mention in default_matcher().mentions("\n".join(article.paragraphs)):
            by_alias[mention.text != mention.entity] += 1
    # Some mentions use a demonym or another spelling, most use the name.
    assert 0.1 < by_alias[True] / by_alias.total() < 0.5


def test_about_a_tenth_are_retellings_of_an_event(drafts):
    by_event = defaultdict(list)
    for draft in drafts:
        by_event[draft.event].append(draft)
    retellings = sum(len(group) - 1 for group in by_event.values())
    assert 0.05 * len(drafts) <= retellings <= 0.15 * len(drafts)
    for group in by_event.values():
        first, *others = group
        first_day = header_date(first.date).date()
        first_sentences = set(" ".join(first.paragraphs).split(". "))
        for other in others:
            assert other.source != first.source
            assert other.title != first.title
            assert abs((header_date(other.date).date() - first_day).days) <= 2
            assert set(other.mentions) & set(first.mentions)
            assert set(" ".join(other.paragraphs).split(". ")) & first_sentences


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        write_archive(3, tmp_path)
    assert str(raised.value) == (
        f"{tmp_path} is not an empty folder: refusing to write an archive into it"
    )
    assert files(tmp_path) == {"notes.txt": b"mine"}


def test_writes_into_an_empty_existing_folder(tmp_path):
    assert write_archive(3, tmp_path) == 3


def test_main_prints_one_summary_line(tmp_path, capsys):
    out = tmp_path / "archive"
    assert generate.main(["--n", "4", "--out", str(out), "--seed", "2"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 1
    assert printed[0].startswith(f"wrote 4 articles to {out} (seed 2) in ")
    assert len(files(out)) == 4
    assert generate.main(["--n", "4", "--out", str(out)]) == 1
    assert "is not an empty folder" in capsys.readouterr().err
