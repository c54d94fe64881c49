"""Index the built site with Pagefind at the end of every build.

Only article bodies are indexed (the theme marks them ``data-pagefind-body``);
filters (entity, entity type, publisher, year), metadata and the date sort
key come from attributes the theme puts on the article page.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import PagefindIndex
from pelican import signals

logger = logging.getLogger(__name__)

SEARCH_INDEX_FOLDER = "pagefind"


class SearchIndexFailed(RuntimeError):
    pass


async def _index(site: Path, folder: str) -> int:
    config = {"output_path": str(site / folder), "force_language": "en"}
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site))
    return result["page_count"]


def index_site(site: Path, folder: str = SEARCH_INDEX_FOLDER) -> int:
    """Write a Pagefind index of ``site`` into ``site/folder``; pages indexed."""
    # In a thread of its own: asyncio.run refuses to start while the calling
    # thread runs an event loop, as it does under Playwright's sync API.
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            pages = pool.submit(asyncio.run, _index(site.resolve(), folder)).result()
    except Exception as error:  # the service reports its failures untyped
        raise SearchIndexFailed(f"search index of {site} failed: {error}") from error
    logger.info("Search index: %d pages", pages)
    return pages


def index_output(pelican) -> None:
    folder = pelican.settings.get("SEARCH_INDEX_FOLDER", SEARCH_INDEX_FOLDER)
    index_site(Path(pelican.output_path), folder)


def register():
    signals.finalized.connect(index_output)
