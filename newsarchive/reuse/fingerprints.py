"""What a page is rendered from, as one digest: its fingerprint.

Two renderings of a template with the same fingerprint give the same page, so
a page whose fingerprint has not changed since the last build can be taken
from that build's output instead of rendered again (``newsarchive.reuse.writer``).

A fingerprint covers the build as a whole (settings, theme, code, the pages
every page links in its navigation) and what the page itself shows: its
article and that article's neighbours, "more about" lists and story; or the
articles of its listing page and the listing's own figures. Only templates
whose reads are known are fingerprinted (``TEMPLATES``); any other page, and
any page whose context holds a value of a kind this module does not know, has
no fingerprint and is always rendered.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
from pathlib import Path

from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper

from newsarchive import code
from newsarchive import settings as archive_settings
from newsarchive.plugins import article_cache as cache
from newsarchive.plugins.story_pages import StoryPage

# Templates whose pages can be reused, with the arguments the generator
# passes them (the writer's keyword arguments) that our theme does not read.
# Pelican hands every listing the whole archive as ``all_articles``; a period
# archive gets it as ``articles`` too and reads only its own ``dates``.
TEMPLATES = {
    "article": {"all_articles"},
    "page": {"all_articles"},
    "index": {"all_articles"},
    "tag": {"all_articles"},
    "category": {"all_articles"},
    "author": {"all_articles"},
    "period_archives": {"all_articles", "articles"},
    "story": set(),
}
# A paginated listing reads its lists through the pages the writer cuts them
# into (``articles_page``, ``articles_paginator``: ``page_fingerprint``).
PAGINATED_LISTS = {"articles", "dates"}

# Settings that name where and how this build works, not what it shows.
PLACE_SETTINGS = frozenset(archive_settings.names(archive_settings.NOTHING))
# What a build runs of our code: the plugins and everything they import.
PLUGINS = "newsarchive.plugin"
# Libraries whose code shapes a rendered page.
LIBRARIES = ("pelican", "jinja2", "markupsafe", "typogrify")

# Plugins' additions to an article that its own page shows.
ARTICLE_EXTRAS = ("newer", "older", "more_about", "story", "entity_groups", "json_ld")


@functools.cache
def code_version() -> str:
    """A digest of the plugins' code, data files and libraries' versions."""
    return code.version(PLUGINS, *map(cache.library_version, LIBRARIES))


class Unknown(Exception):
    """A value this module cannot fingerprint: the page is rendered."""


def _update(digest, *parts: str) -> None:
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")


def build_fingerprint(settings: dict, theme: Path, context: dict) -> str:
    """What every page of a build depends on alike."""
    digest = hashlib.sha256()
    shown = {
        name: value for name, value in settings.items() if name not in PLACE_SETTINGS
    }
    _update(digest, json.dumps(shown, sort_keys=True, default=repr))
    for path in sorted(theme.rglob("*")):
        if path.is_file():
            _update(digest, path.relative_to(theme).as_posix())
            digest.update(path.read_bytes())
    # The code of every plugin and what it imports, and the data files.
    _update(digest, code_version())
    # The site's navigation and the values plugins share with every template.
    for page in context.get("pages", ()):
        _update(digest, content_fingerprint(page))
    _update(digest, repr(context.get("STORY_INDEX_URL")))
    _update(digest, repr(context.get("ENTITY_TYPE_LABELS")))
    return digest.hexdigest()


def content_fingerprint(content) -> str:
    """An article or page as others show it: its own text and fields.

    Computed once per object and kept on it: listings show each article on
    many pages.
    """
    known = content.__dict__.get("_newsarchive_fingerprint")
    if known is not None:
        return known
    digest = hashlib.sha256()
    _update(
        digest,
        type(content).__name__,
        content.get_relative_source_path() or "",
        # The URL stands for the file too (save_as is formatted on every use).
        content.url,
        content.status,
        content._content or "",
        str(content.title),
        content.date.isoformat() if hasattr(content, "date") else "",
        content.locale_date if hasattr(content, "locale_date") else "",
        str(getattr(content, "summary", "")),
        _wrapper(getattr(content, "category", None)),
        *map(_wrapper, getattr(content, "tags", ())),
        *map(_wrapper, getattr(content, "authors", ())),
        str(getattr(content, "original_url", "")),
        str(getattr(content, "lang", "")),
        repr(getattr(content, "parsed", None)),
    )
    known = digest.hexdigest()
    content._newsarchive_fingerprint = known
    return known


def _wrapper(value) -> str:
    if value is None:
        return "-"
    return f"{value.name}|{value.slug}|{value.url}"


def _article_extras(article) -> list:
    return [value(getattr(article, name, None)) for name in ARTICLE_EXTRAS]


def value(item) -> object:
    """A JSON-ready stand-in for a value a template reads.

    Articles and pages stand for their own fields only: what other objects
    they point at (neighbours, story) is a page's concern, added for the page
    that shows them (``arguments_fingerprint``).
    """
    kind = type(item)
    if kind in PLAIN:
        return item
    if kind in SEQUENCES:
        return [value(member) for member in item]
    if isinstance(item, Content):
        return content_fingerprint(item)
    if isinstance(item, URLWrapper):
        return _wrapper(item)
    if isinstance(item, datetime.date):
        return item.isoformat()
    if isinstance(item, list | tuple):
        return [value(member) for member in item]
    if isinstance(item, dict):
        return {str(key): value(member) for key, member in sorted(item.items())}
    if isinstance(item, Paginator):
        return {"count": item.count, "pages": item.num_pages, "per": item.per_page}
    if isinstance(item, Page):
        return {
            "number": item.number,
            "pages": item.paginator.num_pages,
            "count": item.paginator.count,
            "url": item.url,
            "save_as": item.save_as,
            "objects": value(item.object_list),
        }
    if isinstance(item, StoryPage):
        # A story page is a pure function of its articles and the settings.
        return {"url": item.url, "articles": value(item.articles)}
    raise Unknown(kind.__name__)


# Checked by exact type first: most values a page is made of are these.
PLAIN = {type(None), str, int, float, bool}
SEQUENCES = {list, tuple}


def _entity_page(info) -> object:
    if info is None:
        return None
    return {
        "type": info.entity.type,
        "aliases": list(info.entity.aliases),
        "articles": info.articles,
        "related": [[_wrapper(tag), shared] for tag, shared in info.related],
    }


def arguments_fingerprint(
    template: str, arguments: dict, context: dict, paginated: bool
) -> str | None:
    """What one call of the writer renders from, or None when it must render.

    ``arguments`` are what the generator passed the writer for this template;
    ``context`` is the shared one. A ``paginated`` listing adds each page's
    own part (``page_fingerprint``).
    """
    if template not in TEMPLATES:
        return None
    unread = TEMPLATES[template] | (PAGINATED_LISTS if paginated else set())
    try:
        parts = {
            name: value(item)
            for name, item in sorted(arguments.items())
            if name not in unread
        }
        for name in ("article", "page"):
            if isinstance(arguments.get(name), Content):
                parts[f"{name} extras"] = _article_extras(arguments[name])
        tag = arguments.get("tag")
        if tag is not None:
            pages = context.get("ENTITY_PAGES") or {}
            parts["entity"] = _entity_page(pages.get(tag.name))
    except Unknown:
        return None
    digest = hashlib.sha256()
    _update(digest, template, json.dumps(parts, sort_keys=True))
    return digest.hexdigest()


# What the writer adds to a listing's context for each of its pages.
PAGINATION_SUFFIXES = ("_paginator", "_page", "_previous_page", "_next_page")


def page_fingerprint(
    build: str, arguments: str, output_file: str, localcontext: dict
) -> str | None:
    """The fingerprint of one page: the build's, the call's and the page's own."""
    try:
        # The context holds hundreds of names: pick before sorting.
        own = [name for name in localcontext if name.endswith(PAGINATION_SUFFIXES)]
        pages = {name: value(localcontext[name]) for name in sorted(own)}
    except Unknown:
        return None
    digest = hashlib.sha256()
    _update(digest, build, arguments, output_file, json.dumps(pages, sort_keys=True))
    return digest.hexdigest()


def feed_fingerprint(build: str, path: str, feed) -> str:
    """The fingerprint of one feed, made by Pelican and not written yet.

    A feed object writes out nothing but its own fields and items, so these
    are what the feed shows, whatever Pelican or a plugin put in them.
    """
    parts = [path, type(feed).__name__, feed.feed, feed.items]
    digest = hashlib.sha256()
    _update(digest, build, "feed", json.dumps(parts, sort_keys=True, default=repr))
    return digest.hexdigest()
