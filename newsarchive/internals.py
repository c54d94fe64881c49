"""The few private parts of Pelican and its plugins that the archive relies on.

Everything else uses Pelican's public signals, readers, generators and
writer methods. These have no public equivalent, so they are kept here, each
with a test (``tests/test_internals.py``) that fails when the pinned version
behaves otherwise.
"""

from __future__ import annotations

from pelican.utils import get_relative_path, path_to_url


def page_context(context: dict, name: str, kwargs: dict, relative_urls) -> dict:
    """The context Pelican's ``Writer.write_file`` renders the page ``name``
    with (its inner ``_get_localcontext``).

    Needed to fingerprint a page that is then linked into place without
    rendering it.
    """
    localcontext = context.copy()
    localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
    if relative_urls:
        relative_url = path_to_url(get_relative_path(name))
        localcontext["SITEURL"] = relative_url
        localcontext["localsiteurl"] = relative_url
    localcontext["output_file"] = name
    localcontext.update(kwargs)
    return localcontext


def already_written(writer, path: str) -> bool:
    """Whether ``writer`` wrote ``path`` in this build (it refuses to twice)."""
    return path in writer._written_files or path in writer._overridden_files


def note_written(writer, path: str) -> None:
    """Tell ``writer`` that ``path`` was put in place without it, so that it
    refuses a second page at that path as it would have."""
    writer._written_files.add(path)


def forget_sitemap_build() -> None:
    """Clear what pelican-sitemap keeps between builds in one process.

    It remembers the running build until ``finalized``, which a failed build
    never sends, and until then ignores every later build: without this, no
    build after a failed one in the same process (tests, ``livereload``)
    would write a sitemap.
    """
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:
        return
    sitemap.generator._main_pelican = None
    sitemap.generator.page_queue = []
