"""Everything the reader does to one article, as a pure, cacheable function.

``prepare`` turns a raw article's text into what Pelican needs from the
reader: the body as HTML and the metadata as strings, typeset by typogrify
when the settings ask for it. It depends on nothing but the text, the
package's code and data, and a few settings, so its result is cached
(``newsarchive.plugins.article_cache``) and computed for many articles at
once in a pool of processes (``start_preparing``) while Pelican's reading loop picks the
results up as they come.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from html import escape

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from newsarchive import settings as archive_settings
from newsarchive.entities.matcher import default_matcher
from newsarchive.entities.tagging import default_gazetteer, tag_article
from newsarchive.plugins import article_cache as cache
from newsarchive.reading import language
from newsarchive.reading.article import Article, Block
from newsarchive.reading.outlets import load_outlets
from newsarchive.reading.parse import parse_article
from newsarchive.reading.render import body_html, summary_html
from newsarchive.reading.sources import read_source

logger = logging.getLogger(__name__)

# The settings that change what an article is prepared into.
READING_SETTINGS = archive_settings.names(archive_settings.READING)
# Below this many articles to prepare, starting processes costs more than it
# saves.
POOL_MIN_ARTICLES = 16
CHUNK_SIZE = 32


def reading_settings(settings: dict) -> dict:
    return {
        name: (
            archive_settings.get(settings, name)
            if name in archive_settings.OWN
            else settings.get(name, DEFAULT_CONFIG.get(name))
        )
        for name in READING_SETTINGS
    }


def settings_version(settings: dict) -> str:
    text = json.dumps(reading_settings(settings), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def typesets_here(settings: dict) -> bool:
    """Whether we typeset article text ourselves.

    Only when Pelican is not asked to as well (``TYPOGRIFY``): typogrify run
    twice would typeset its own markup.
    """
    return archive_settings.get(settings, "READER_TYPOGRIFY") and not settings.get(
        "TYPOGRIFY"
    )


def typeset(text: str, settings: dict) -> str:
    """``text`` through typogrify exactly as Pelican's reader would do it."""
    import smartypants
    from typogrify.filters import typogrify

    dashes = settings.get("TYPOGRIFY_DASHES", "default")
    if dashes == "oldschool":
        smartypants.Attr.default = smartypants.Attr.set2
    elif dashes == "oldschool_inverted":
        smartypants.Attr.default = smartypants.Attr.set3
    else:
        smartypants.Attr.default = smartypants.Attr.set1
    # As Pelican does: &quot; entities become smart quotes too.
    smartypants.Attr.default |= smartypants.Attr.w
    return typogrify(
        text,
        settings.get("TYPOGRIFY_IGNORE_TAGS") or [],
        **dict.fromkeys(settings.get("TYPOGRIFY_OMIT_FILTERS") or [], False),
    )


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


def raw_metadata(article: Article, mentions: dict, settings: dict) -> dict:
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
        # Pages carry the article's language (``<html lang>``).
        "lang": article.language,
    }
    if article.source:
        metadata["category"] = article.source
    if article.url:
        metadata["original_url"] = article.url
    if article.authors:
        metadata["authors"] = list(article.authors)
    if mentions:
        # A list, not a comma-joined string: entity names may hold commas.
        metadata["tags"] = list(mentions)
    return metadata


def prepare(text: str, path: str, settings: dict) -> dict:
    """One article, prepared: a JSON-ready entry (see ``Prepared``).

    Raises ``ArticleError`` for an article that cannot be published.
    """
    article = parse_article(text, path)
    tagging = tag_article(article)
    content = body_html(article)
    metadata = raw_metadata(article, tagging.mentions, settings)
    if typesets_here(settings):
        content = typeset(content, settings)
        metadata["title"] = typeset(metadata["title"], settings)
        metadata["summary"] = typeset(metadata["summary"], settings)
    return {
        "content": content,
        "metadata": metadata,
        "parsed": {
            "title": article.title,
            "date": article.date.isoformat(),
            "source": article.source,
            "url": article.url,
            "authors": list(article.authors),
            "blocks": [[block.kind, block.text] for block in article.blocks],
            "language": article.language,
        },
        "mentions": tagging.mentions,
    }


def parsed_article(entry: dict) -> Article:
    """The slim ``Article`` kept for templates and plugins.

    Title, date, publisher, URL, authors and blocks (what citations and story
    grouping read); the removed lines are left out, so 10,000 articles do not
    keep every line of boilerplate in memory.
    """
    parsed = entry["parsed"]
    return Article(
        title=parsed["title"],
        date=datetime.datetime.fromisoformat(parsed["date"]),
        source=parsed["source"],
        url=parsed["url"],
        authors=tuple(parsed["authors"]),
        blocks=tuple(Block(kind, text) for kind, text in parsed["blocks"]),
        language=parsed.get("language", "en"),
    )


def is_valid(entry: dict) -> bool:
    """Whether a loaded cache entry holds everything the reader needs."""
    try:
        parsed = entry["parsed"]
        return (
            isinstance(entry["content"], str)
            and isinstance(entry["metadata"], dict)
            and isinstance(entry["mentions"], dict)
            and isinstance(parsed["title"], str)
            and isinstance(parsed["date"], str)
            and all(len(block) == 2 for block in parsed["blocks"])
        )
    except (KeyError, TypeError):
        return False


def cached_prepare(path: str, settings: dict) -> dict:
    """``prepare`` through the cache: the stored entry, or a new one stored."""
    data = read_bytes(path)
    key = cache.entry_key(data, settings_version(settings))
    cache_path = settings["CACHE_PATH"]
    entry = cache.load(cache_path, key) if loads_cache(settings) else None
    if entry is not None and is_valid(entry):
        return entry
    entry = prepare(read_source(path), path, settings)
    cache.store(cache_path, key, entry)
    return entry


def loads_cache(settings: dict) -> bool:
    """False to prepare every article again (the entries are rewritten)."""
    return archive_settings.get(settings, "READER_LOAD_CACHE")


def read_bytes(path: str) -> bytes:
    with open(path, "rb") as source:
        return source.read()


def _prepare_chunk(jobs: list[tuple[str, str, dict]]) -> dict[str, dict | None]:
    """Prepare each article of ``jobs`` into the cache; the entries by path."""
    entries = {}
    for path, key, settings in jobs:
        try:
            entry = prepare(read_source(path), path, settings)
        except Exception:
            # Left to the reader, which raises it again in the main process,
            # where Pelican reports it and the build fails naming the file.
            entries[path] = None
            continue
        cache.store(settings["CACHE_PATH"], key, entry)
        entries[path] = entry
    return entries


class Preparing:
    """Articles being prepared in a pool of processes, picked up as they come.

    Pelican's reading loop starts at once and takes each entry (``take``)
    when it gets to its file, so the main process loads and processes the
    first articles while the pool prepares the rest.
    """

    def __init__(self, jobs: list[tuple[str, str, dict]], count: int):
        self.count = len(jobs)
        self.processes = count
        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(count, mp_context=context)
        self._chunks: dict[str, Future] = {}
        for start in range(0, len(jobs), CHUNK_SIZE):
            chunk = jobs[start : start + CHUNK_SIZE]
            future = self._pool.submit(_prepare_chunk, chunk)
            for path, _, _ in chunk:
                self._chunks[os.path.abspath(path)] = future

    def take(self, path: str) -> dict | None:
        """The entry prepared for ``path``; None if it was not a job or failed."""
        future = self._chunks.pop(os.path.abspath(path), None)
        return future.result()[os.path.abspath(path)] if future else None

    def close(self, cancel: bool = False) -> None:
        """Wait for the pool to prepare (and cache) the rest, or ``cancel`` it."""
        self._pool.shutdown(wait=True, cancel_futures=cancel)
        self._chunks.clear()
        if not cancel:
            logger.info(
                "Prepared %d articles in %d processes", self.count, self.processes
            )


def workers(settings: dict) -> int:
    wanted = archive_settings.get(settings, "READER_WORKERS")
    return wanted or len(os.sched_getaffinity(0))


def start_preparing(paths: list[str], settings: dict) -> Preparing | None:
    """Start preparing every article of ``paths`` not in the cache yet.

    In ``READER_WORKERS`` processes (all cores by default), fed in the
    order of ``paths``: the order the reader will ask for them. None when
    there is no pool to start (one worker, or few articles): the reader then
    prepares any missing entry itself.
    """
    version = settings_version(settings)
    cache_path = settings["CACHE_PATH"]
    job_settings = reading_settings(settings) | {"CACHE_PATH": cache_path}
    jobs = []
    for path in paths:
        key = cache.entry_key(read_bytes(path), version)
        if not (loads_cache(settings) and cache.exists(cache_path, key)):
            jobs.append((path, key, job_settings))
    count = workers(settings)
    if count < 2 or len(jobs) < POOL_MIN_ARTICLES:
        return None
    # Fork, with the entity and outlet data loaded first, so that every
    # worker starts with them instead of loading its own.
    default_matcher()
    default_gazetteer()
    load_outlets()
    language.preload()
    return Preparing(jobs, count)


def prepare_all(paths: list[str], settings: dict) -> int:
    """Prepare into the cache every article of ``paths`` not there yet.

    Returns how many were prepared in the pool (see ``start_preparing``).
    """
    preparing = start_preparing(paths, settings)
    if preparing is None:
        return 0
    preparing.close()
    return preparing.count
