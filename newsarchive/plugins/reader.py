"""A Pelican reader for raw article text (``.txt`` files).

The work is done by ``newsarchive.plugins.prepare``, cached per article; as
Pelican's reading loop starts, every article not in the cache yet is being
prepared on all cores (``start_preparing``), so the reader mostly takes
finished results.
"""

from __future__ import annotations

import logging
import os
from typing import ClassVar

from pelican import signals
from pelican.readers import BaseReader, MarkdownReader

from newsarchive import lifecycle
from newsarchive.plugins.prepare import (
    SLUG_MAX_LENGTH,
    article_slug,
    cached_prepare,
    parsed_article,
    start_preparing,
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
        entry = _prepared(source_path) or cached_prepare(source_path, self.settings)
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

    Used when we typeset article text ourselves (``READER_TYPOGRIFY``)
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


PART = "reader"  # this plugin's part of a build's state (``lifecycle``)


def _prepared(source_path: str) -> dict | None:
    """The entry a running pool prepared for ``source_path``, if any."""
    for build in lifecycle.running():
        preparing = build.parts.get(PART)
        if preparing is not None:
            entry = preparing.take(source_path)
            if entry is not None:
                return entry
    return None


def prepare_articles(generator):
    """Start preparing every uncached article on all cores for the reader."""
    stop_preparing(generator.output_path)
    # In the order Pelican will read them: the same call, the same set.
    files = generator.get_files(
        generator.settings["ARTICLE_PATHS"],
        exclude=generator.settings["ARTICLE_EXCLUDES"],
        extensions=RawArticleReader.file_extensions,
    )
    paths = [os.path.join(generator.path, name) for name in files]
    preparing = start_preparing(paths, generator.settings)
    if preparing is not None:
        lifecycle.current(generator.output_path).parts[PART] = preparing


def articles_read(generator):
    """The reading loop is over: let the pool finish what is left."""
    preparing = lifecycle.current(generator.output_path).parts.pop(PART, None)
    if preparing is not None:
        preparing.close()


def stop_preparing(output: str) -> None:
    preparing = lifecycle.current(output).parts.pop(PART, None)
    if preparing is not None:
        preparing.close(cancel=True)


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(prepare_articles)
    signals.article_generator_pretaxonomy.connect(articles_read)
    lifecycle.build_failed.connect(stop_preparing)
