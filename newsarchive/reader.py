"""A Pelican reader for raw article text (``.txt`` files).

The work is done by ``newsarchive.prepare``, cached per article; before
Pelican's reading loop starts, every article not in the cache yet is prepared
on all cores (``prepare_all``), so the reader mostly loads finished results.
"""

from __future__ import annotations

import logging
import os
from typing import ClassVar

from pelican import signals
from pelican.readers import BaseReader, MarkdownReader

from newsarchive.prepare import (
    SLUG_MAX_LENGTH,
    article_slug,
    cached_prepare,
    parsed_article,
    prepare_all,
    typeset,
    typesets_here,
)

__all__ = ["SLUG_MAX_LENGTH", "RawArticleReader", "article_slug"]

logger = logging.getLogger(__name__)


class RawArticleReader(BaseReader):
    """Reads the text of a news article as copied from its site."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["txt"]

    def read(self, source_path):
        entry = cached_prepare(source_path, self.settings)
        metadata = {
            name: self.process_metadata(name, value)
            for name, value in entry["metadata"].items()
        }
        # Kept for templates and plugins that need the structure, not the HTML.
        metadata["parsed"] = parsed_article(entry)
        metadata["mentions"] = entry["mentions"]
        return entry["content"], metadata


class TypesetMarkdownReader(MarkdownReader):
    """Markdown pages, typeset as Pelican's ``TYPOGRIFY`` would do it.

    Used when we typeset article text ourselves (``NEWSARCHIVE_TYPOGRIFY``)
    and Pelican's own ``TYPOGRIFY`` is therefore off.
    """

    def read(self, source_path):
        content, metadata = super().read(source_path)
        content = typeset(content, self.settings)
        for name in ("title", "summary"):
            if isinstance(metadata.get(name), str):
                metadata[name] = typeset(metadata[name], self.settings)
        return content, metadata


def add_reader(readers):
    readers.reader_classes["txt"] = RawArticleReader
    if typesets_here(readers.settings):
        for extension in MarkdownReader.file_extensions:
            readers.reader_classes[extension] = TypesetMarkdownReader


def prepare_articles(generator):
    """Prepare every uncached article on all cores before Pelican reads them."""
    files = generator.get_files(
        generator.settings["ARTICLE_PATHS"],
        exclude=generator.settings["ARTICLE_EXCLUDES"],
        extensions=RawArticleReader.file_extensions,
    )
    paths = sorted(os.path.join(generator.path, name) for name in files)
    prepare_all(paths, generator.settings)


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(prepare_articles)
