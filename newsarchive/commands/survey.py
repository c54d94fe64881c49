"""Entities across a whole folder of raw articles, for ``invoke entities``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.entities.tagging import tag_article
from newsarchive.reading.article import ArticleError
from newsarchive.reading.parse import read_article
from newsarchive.reading.sources import read_source


@dataclass
class Survey:
    articles: int = 0
    tags: Counter[str] = field(default_factory=Counter)  # entity -> articles
    unknown: Counter[str] = field(default_factory=Counter)  # name -> mentions
    unknown_in: Counter[str] = field(default_factory=Counter)  # name -> articles
    errors: list[str] = field(default_factory=list)


def survey(folder: Path, unknown: bool = False) -> Survey:
    result = Survey()
    for path in sorted(folder.rglob("*.txt")):
        try:
            article = read_article(read_source(path), str(path))
        except (ArticleError, OSError) as error:
            result.errors.append(f"{path}: {error}")
            continue
        tagging = tag_article(article)
        result.articles += 1
        result.tags.update(tagging.tags)
        if unknown:
            result.unknown.update(tagging.candidates)
            result.unknown_in.update(tagging.candidates.keys())
    return result


def format_survey(result: Survey, unknown: bool = False) -> str:
    if unknown:
        header = f"Names not in the entity list, in {result.articles} articles:"
        rows = [
            f"{count:6}  {result.unknown_in[name]:5} art.  {name}"
            for name, count in sorted(
                result.unknown.items(), key=lambda item: (-item[1], item[0])
            )
        ]
    else:
        header = f"Entities tagged in {result.articles} articles:"
        rows = [
            f"{count:6} art.  {name}"
            for name, count in sorted(
                result.tags.items(), key=lambda item: (-item[1], item[0])
            )
        ]
    lines = [header, *(rows or ["  (none)"])]
    if result.errors:
        lines += ["", "Could not read:", *result.errors]
    return "\n".join(lines)
