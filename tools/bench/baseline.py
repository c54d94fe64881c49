"""Plain Pelican, to compare ours with: its settings, the same articles as
Markdown with the metadata ours finds, and its build."""

from __future__ import annotations

import html
import re
import sys
from dataclasses import asdict
from pathlib import Path

from tools.bench.archive import _PARAGRAPH_BREAK
from tools.bench.measure import _check, _child_env, count_pages, measure
from tools.bench.project import _project_settings

# Plain Pelican as most sites run it, paginated as ours so that both write
# listings of the same length. PLUGINS must be an empty list: left unset,
# Pelican loads every installed namespace plugin (pelican-sitemap).
BASELINE_SETTINGS = """\
# Written by tools.bench: plain Pelican, for comparison.
SITENAME = "Baseline"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "simple"
TYPOGRIFY = True
DEFAULT_PAGINATION = {pagination!r}
PLUGINS = []
CACHE_PATH = {cache!r}
"""

_PROCESSED = re.compile(r"Processed (\d+) articles?")


# What Python-Markdown (with Pelican's "extra" set) reads as markup anywhere
# in a one-line paragraph; "<" and "&" are escaped as HTML instead.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]{}])")
# ... and only at the start of a line: headings, list items, rules.
_MARKDOWN_LINE_START = re.compile(r"^([#+-])")
_MARKDOWN_NUMBERED = re.compile(r"^(\d+)\.(?=\s)")


def markdown_paragraph(text: str) -> str:
    """``text`` as one Markdown paragraph that renders as exactly this text."""
    line = " ".join(text.split())
    line = html.escape(line, quote=False)
    line = _MARKDOWN_INLINE.sub(r"\\\1", line)
    line = _MARKDOWN_LINE_START.sub(r"\\\1", line)
    return _MARKDOWN_NUMBERED.sub(r"\1\\.", line)


_TEMPLATE_LINE = re.compile(r"^Template:.*\n", re.MULTILINE | re.IGNORECASE)


def copy_baseline_pages(source: Path, target: Path) -> None:
    """Our pages, less the templates of our theme that ``simple`` lacks."""
    target.mkdir(parents=True, exist_ok=True)
    for page in sorted(source.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        header, _, body = text.partition("\n\n")
        (target / page.name).write_text(
            _TEMPLATE_LINE.sub("", header + "\n") + "\n" + body, encoding="utf-8"
        )


def _metadata_list(values) -> str:
    # With a semicolon present Pelican splits on semicolons only, so a name
    # with a comma in it ("Bonaire, Sint Eustatius and Saba") stays whole.
    return "; ".join(values) + ";"


def baseline_markdown(article, tags: list[str], body: str, slug: str) -> str:
    """A Pelican Markdown file of the raw body, with the metadata ours reads.

    The slug is given because plain Pelican aborts the build when two
    articles share a headline, which news archives have.
    """
    lines = [
        f"Title: {html.escape(article.title, quote=False)}",
        f"Date: {article.date.isoformat()}",
        f"Slug: {slug}",
    ]
    if article.source:
        lines.append(f"Category: {article.source}")
    if article.authors:
        lines.append(f"Authors: {_metadata_list(article.authors)}")
    if tags:
        lines.append(f"Tags: {_metadata_list(tags)}")
    paragraphs = [
        markdown_paragraph(block)
        for block in _PARAGRAPH_BREAK.split(body)
        if block.strip()
    ]
    return "\n".join(lines) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def build_baseline(site: Path, logs: Path) -> dict:
    """Build ``site/content`` with plain Pelican's own command line, measured."""
    conf = site / "pelicanconf.py"
    pagination = _project_settings().get("DEFAULT_PAGINATION", False)
    conf.write_text(
        BASELINE_SETTINGS.format(pagination=pagination, cache=str(site / "cache")),
        "utf-8",
    )
    command = [
        *(sys.executable, "-m", "pelican", str(site / "content")),
        *("-s", str(conf), "-o", str(site / "output")),
        # Plain Pelican logs an unreadable file and carries on: not here.
        *("--fatal", "errors"),
    ]
    log = logs / "baseline.log"
    measured = measure(command, site, log, _child_env())
    _check(measured, "the baseline build", log)
    processed = _PROCESSED.search(log.read_text(encoding="utf-8", errors="replace"))
    return {
        **asdict(measured),
        "pages": count_pages(site / "output"),
        "articles": int(processed.group(1)) if processed else None,
    }
