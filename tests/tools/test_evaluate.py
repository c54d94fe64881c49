"""The reader scored on the labelled corpus, and how the scores are counted."""

from __future__ import annotations

import json

import pytest

from newsarchive.reading.outlets import load_outlets
from tools import corpus, evaluate

# What the reader scores today: a change that reads worse fails here. Raise
# these as the reader improves; the reading issue's targets are TARGETS.
FLOOR = {
    "holdout": {
        "headline": 0.97,
        "date": 0.97,
        "publisher": 0.97,
        "story_kept": 0.99,
        "boilerplate_left": 0.07,  # at most
    },
    "all": {
        "headline": 0.98,
        "date": 0.96,
        "publisher": 0.97,
        "story_kept": 0.994,
        "boilerplate_left": 0.035,  # at most
    },
}


@pytest.fixture(scope="module")
def outcomes():
    return evaluate.evaluate(corpus.load(), corpus.splits(), load_outlets())


@pytest.fixture(scope="module")
def parts(outcomes):
    return {
        name: scores.figures() for name, scores in evaluate.totals(outcomes).items()
    }


# The tagger's figures on the holdout today (precision, recall): a change
# that tags worse fails here. The entities issue asks for 0.97 and 0.95 over
# all types, 0.99 both ways for countries, and no trap tagged.
TAG_FLOOR = {
    "country": (0.97, 0.87),
    "place": (0.78, 0.41),
    "person": (0.97, 0.24),
    "organisation": (0.70, 0.08),
    "all": (0.88, 0.38),
}


def test_the_tagger_tags_the_holdout_no_worse_than_it_did(outcomes):
    figures = evaluate.tag_totals(outcomes)["holdout"].figures()
    for kind, (precision, recall) in TAG_FLOOR.items():
        assert figures[kind]["precision"] >= precision, (kind, figures[kind])
        assert figures[kind]["recall"] >= recall, (kind, figures[kind])


@pytest.mark.xfail(strict=True, reason="the entities issue's targets are not met yet")
def test_the_tagger_meets_the_entity_targets(outcomes):
    tags = evaluate.tag_totals(outcomes)["holdout"]
    figures = tags.figures()
    assert figures["all"]["precision"] >= 0.97
    assert figures["all"]["recall"] >= 0.95
    assert min(figures["country"].values()) >= 0.99
    assert tags.traps == []


@pytest.mark.parametrize("part", ["holdout", "all"])
def test_the_reader_reads_the_corpus_no_worse_than_it_did(parts, part):
    figures, floor = parts[part], FLOOR[part]
    for name, least in floor.items():
        if name == "boilerplate_left":
            assert figures[name] <= least, (part, name, figures[name])
        else:
            assert figures[name] >= least, (part, name, figures[name])


@pytest.mark.xfail(
    strict=True, reason="the reading issue's targets are not all met yet"
)
@pytest.mark.parametrize("part", ["holdout", "all"])
def test_the_reader_meets_the_reading_targets(parts, part):
    figures = parts[part]
    column = 0 if part == "holdout" else 1
    for name, targets in evaluate.TARGETS.items():
        if name == "boilerplate_left":
            assert figures[name] <= targets[column], (part, name)
        else:
            assert figures[name] >= targets[column], (part, name)


PAGE = """+++
outlet = "Example News"
kind = "newspaper"
format = "article"
language = "en"
date = "2021-03-04"
event = ""
+++
B|Skip to content
B|Example News
H|Council approves the new budget for the city
D|Published 4 March 2021
P|The city council approved the budget on Thursday after a debate that lasted
P|most of the night, officials said, and the mayor welcomed the vote.

B|Share
P|The budget raises spending on schools and roads, and the council said it would
P|publish the details next week, once the last amendments had been written in.
B|Related stories
B|Mayor opens new bridge
B|© 2021 Example News
"""


def test_one_article_is_counted_line_by_line(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "example.txt").write_text(PAGE, encoding="utf-8")
    (article,) = corpus.load(tmp_path)
    outcome = evaluate.evaluate_article(article, load_outlets(), holdout=False)
    scores = outcome.scores
    assert (scores.articles, scores.refused) == (1, 0)
    assert (scores.headline, scores.date, scores.publisher) == (1, 1, 1)
    assert (scores.story_lines, scores.story_kept) == (4, 4)
    assert scores.boilerplate_lines == 6
    assert scores.boilerplate_left == 0, outcome.wrong


def test_a_refused_article_counts_its_missing_field_wrong_and_the_rest_as_read(
    tmp_path,
):
    (tmp_path / "articles").mkdir()
    page = PAGE.replace("D|Published 4 March 2021\n", "").replace("2021", "2019")
    (tmp_path / "articles" / "undated.txt").write_text(page, encoding="utf-8")
    (article,) = corpus.load(tmp_path)
    outcome = evaluate.evaluate_article(article, load_outlets(), holdout=True)
    scores = outcome.scores
    assert scores.refused == 1
    assert (scores.headline, scores.date, scores.publisher) == (1, 0, 1)
    # Once the maintainer adds the date, the story is published as read.
    assert (scores.story_lines, scores.story_kept) == (4, 4)
    assert outcome.wrong[0].startswith("refused: no date found")
    assert outcome.wrong[1] == "date None (not 2019-03-04)"


def test_a_file_the_reader_cannot_read_counts_as_wrong_and_lost(tmp_path):
    (tmp_path / "articles").mkdir()
    # A header whose URL is no web address: the file is refused unread.
    page = PAGE.replace("B|Skip to content\n", "B|URL: ftp://example.org/a\n\n", 1)
    (tmp_path / "articles" / "page.txt").write_text(page, encoding="utf-8")
    (article,) = corpus.load(tmp_path)
    outcome = evaluate.evaluate_article(article, load_outlets(), holdout=True)
    scores = outcome.scores
    assert scores.refused == 1
    assert (scores.headline, scores.date, scores.publisher) == (0, 0, 0)
    assert (scores.story_lines, scores.story_kept) == (4, 0)


def test_publishers_match_by_any_of_their_names():
    outlets = load_outlets()
    assert evaluate.same_publisher("AP", "Associated Press", outlets)
    assert evaluate.same_publisher("Associated Press", "The Associated Press", outlets)
    assert not evaluate.same_publisher("Reuters", "Associated Press", outlets)
    assert not evaluate.same_publisher(None, "Reuters", outlets)


def test_without_outlets_drops_every_entry_of_the_named_outlets():
    outlets = load_outlets()
    fewer = evaluate.without(outlets, ["Reuters", "TASS"])
    names = {outlet.name for outlet in fewer.outlets}
    assert "Reuters" not in names and "TASS" not in names
    assert len(fewer.outlets) == len(outlets.outlets) - 2


def test_the_command_prints_the_table_and_appends_a_record(tmp_path, capsys):
    results = tmp_path / "evaluate.jsonl"
    assert evaluate.main(["--out", str(results)]) == 0
    printed = capsys.readouterr().out
    assert "holdout" in printed and "story kept" in printed
    (record,) = [json.loads(line) for line in results.read_text().splitlines()]
    assert record["without_outlets"] is False
    assert record["all"]["counts"]["articles"] == len(corpus.load())
    assert 0 <= record["holdout"]["figures"]["story_kept"] <= 1
