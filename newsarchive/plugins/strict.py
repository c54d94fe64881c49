"""Make a build fail when any source file could not be read.

Pelican logs such a file, drops it and still exits 0, which loses articles
without anyone noticing. This plugin stops the build before anything is
written and lists every file that failed, with the reason when we know it.
"""

from __future__ import annotations

import logging
import os

from pelican import signals

from newsarchive.reading.article import ArticleError
from newsarchive.reading.parse import parse_article
from newsarchive.reading.sources import read_source

logger = logging.getLogger(__name__)


class SourceFilesFailed(RuntimeError):
    pass


def failure_reason(path: str) -> str:
    """Why ``path`` failed, re-derived: reading is a pure function of the file."""
    if path.endswith(".txt"):
        try:
            parse_article(read_source(path), path)
        except ArticleError as error:
            return error.reason
        except OSError as error:
            return str(error)
    return "Pelican could not process it (see the message logged above)"


def failed_sources(content_path: str, generated_content: dict) -> list[str]:
    return sorted(
        os.path.join(content_path, relative)
        for relative, content in generated_content.items()
        if content is None
    )


def check_sources(generators):
    context = generators[0].context
    failed = failed_sources(generators[0].path, context["generated_content"])
    if failed:
        lines = [f"  {os.path.relpath(p)}: {failure_reason(p)}" for p in failed]
        count = f"{len(failed)} source file{'s' if len(failed) != 1 else ''}"
        raise SourceFilesFailed(
            f"{count} could not be read; nothing was written:\n" + "\n".join(lines)
        )


def register():
    signals.all_generators_finalized.connect(check_sources)
