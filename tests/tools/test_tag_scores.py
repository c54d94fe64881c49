"""Scoring the tagger's tags against the corpus labels."""

from __future__ import annotations

from newsarchive.entities.catalogue import load_entities
from tools import tag_scores


def test_tags_are_matched_to_labels_by_name_alias_or_parenthesis():
    scores = tag_scores.score(
        ["Georgia", "Ilham Aliyev", "Turkey"],
        {"country": ["Georgia (country)", "Armenia"], "person": ["Ilham Aliyev"]},
        [],
        load_entities(),
    )
    assert scores.counts["country", "tp"] == 1  # Georgia
    assert scores.counts["country", "fn"] == 1  # Armenia, untagged
    assert scores.counts["country", "fp"] == 1  # Turkey, unlabelled
    assert scores.counts["person", "tp"] == 1
    figures = scores.figures()
    assert figures["country"] == {"precision": 0.5, "recall": 0.5}
    assert figures["all"] == {"precision": 2 / 3, "recall": 2 / 3}


def test_a_trap_tagged_is_named():
    scores = tag_scores.score(
        ["Turkey"],
        {"place": ["Georgia (U.S. state)"]},
        ["Turkey = Turkey", "Georgia = Georgia (country)"],
        load_entities(),
        "birds",
    )
    assert scores.traps == ["birds: 'Turkey' tagged as Turkey"]


def test_parts_add_up_and_print_as_a_table():
    one = tag_scores.score(["Armenia"], {"country": ["Armenia"]}, [], load_entities())
    total = tag_scores.TagScores()
    total.add(one)
    total.add(one)
    assert total.counts["country", "tp"] == 2
    lines = tag_scores.table({"all": total})
    assert lines[1].split()[:2] == ["all", "1.00/1.00"]
    assert lines[-1] == "(precision/recall; traps tagged: none)"
