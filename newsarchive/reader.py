"""A Pelican reader for raw article text (``.txt`` files)."""

from __future__ import annotations

import logging
from html import escape
from typing import ClassVar

from pelican import signals
from pelican.readers import BaseReader
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from newsarchive.parse import parse_article
from newsarchive.render import body_html, summary_html
from newsarchive.sources import read_source
from newsarchive.tagging import tag_article

logger = logging.getLogger(__name__)

# Headlines run long; past this many characters a slug is cut at a word break.
SLUG_MAX_LENGTH = 80


def article_slug(title: str, settings: dict) -> str:
    slug = slugify(
        title,
        regex_subs=settings.get(
            "SLUG_REGEX_SUBSTITUTIONS", DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
        ),
        preserve_case=False,
    )
    if len(slug) > SLUG_MAX_LENGTH:
        slug = slug[:SLUG_MAX_LENGTH].rsplit("-", 1)[0]
    return slug or "article"


def pelican_metadata(article, tagging, settings: dict) -> dict:
    """The article's fields as Pelican metadata strings, before processing.

    Titles and summaries are HTML in Pelican (typogrify works on them), so the
    plain text is escaped here; publisher and author names stay plain text
    and are escaped by the theme.
    """
    metadata = {
        "title": escape(article.title, quote=False),
        "date": article.date.isoformat(),
        "slug": article_slug(article.title, settings),
        "summary": summary_html(article),
    }
    if article.source:
        metadata["category"] = article.source
    if article.url:
        metadata["original_url"] = article.url
    if article.authors:
        metadata["authors"] = list(article.authors)
    if tagging.tags:
        # A list, not a comma-joined string: entity names may hold commas.
        metadata["tags"] = tagging.tags
    return metadata


class RawArticleReader(BaseReader):
    """Reads the text of a news article as copied from its site."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["txt"]

    def read(self, source_path):
        article = parse_article(read_source(source_path), source_path)
        tagging = tag_article(article)
        metadata = {
            name: self.process_metadata(name, value)
            for name, value in pelican_metadata(article, tagging, self.settings).items()
        }
        # Kept for templates and plugins that need the structure, not the HTML.
        metadata["parsed"] = article
        metadata["mentions"] = tagging.mentions
        return body_html(article), metadata


def add_reader(readers):
    readers.reader_classes["txt"] = RawArticleReader


def register():
    signals.readers_init.connect(add_reader)
