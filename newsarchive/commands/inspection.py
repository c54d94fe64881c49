"""How one raw article file is read: the report behind ``invoke inspect``."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from newsarchive.entities.tagging import tag_article
from newsarchive.reading.parse import read_article
from newsarchive.reading.sources import read_source


def inspect_file(path: str | Path) -> dict:
    """Everything the reader makes of ``path``, as JSON-ready data.

    An article that cannot be published is still reported, with ``problems``
    saying why, so that a maintainer sees what to add to its header.
    """
    article = read_article(read_source(path), str(path), report_uncertain=True)
    tagging = tag_article(article)
    return {
        "path": str(path),
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "url": article.url,
        "authors": list(article.authors),
        "headings": article.headings,
        "paragraphs": article.paragraphs,
        "captions": article.captions,
        "tags": tagging.tags,
        "mentions": tagging.mentions,
        "candidates": dict(tagging.candidates.most_common()),
        "language": article.language,
        "removed": [{"line": r.line, "rule": r.rule} for r in article.removed],
        "uncertain": [{"line": u.line, "why": u.rule} for u in article.uncertain],
        "problems": list(article.problems),
    }


def as_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)


def _listing(title: str, items: list[str]) -> list[str]:
    lines = [f"{title} ({len(items)}):"]
    lines += [textwrap.shorten(item, 100, placeholder=" …") for item in items] or ["-"]
    return lines


def as_text(report: dict) -> str:
    """The report for people: fields first, then what was kept and dropped."""
    fields = [
        ("Title", report["title"] or "-"),
        ("Date", report["date"] or "-"),
        ("Source", report["source"] or "-"),
        ("Language", report["language"]),
        ("URL", report["url"] or "-"),
        ("Authors", ", ".join(report["authors"]) or "-"),
        ("Tags", ", ".join(report["tags"]) or "-"),
    ]
    lines = [f"{report['path']}", ""]
    lines += [f"{name + ':':<10}{value}" for name, value in fields]
    if report["mentions"]:
        counts = ", ".join(f"{k} x{v}" for k, v in report["mentions"].items())
        lines.append(f"Mentions: {counts}")
    if report["candidates"]:
        unknown = ", ".join(f"{k} x{v}" for k, v in report["candidates"].items())
        lines.append(f"Unknown names (not in the entity list): {unknown}")
    for title, key in (("Headings", "headings"), ("Captions", "captions")):
        lines += ["", *_listing(title, report[key])]
    lines += ["", *_listing("Paragraphs", report["paragraphs"])]
    removed = [f"[{r['rule']}] {r['line']}" for r in report["removed"]]
    lines += ["", *_listing("Removed", removed)]
    if report["uncertain"]:
        kept = [f"[{u['why']}] {u['line']}" for u in report["uncertain"]]
        lines += ["", *_listing("Kept, though it may be the site's", kept)]
    if report["problems"]:
        lines += ["", "Cannot be published:", *report["problems"]]
    return "\n".join(lines)
