"""Pelican plugin: render again only the pages whose inputs changed.

Adding one article to a large archive changes a few dozen pages: its own,
its neighbours', the listings it joins. Pelican renders every page of every
build all the same. This plugin's writer gives each page a fingerprint
(``newsarchive.fingerprints``) and keeps, per output folder, a manifest of
each page's fingerprint and the digest of the file written for it. On the
next build into that folder, a page with the same fingerprint whose file in
the previous output still has the recorded digest is taken from there, not
rendered; every other page is rendered. The file is still written through
Pelican's writer, so ``content_written`` handlers (the sitemap) see it.

``build.build`` names the previous output (``NEWSARCHIVE_PREVIOUS_OUTPUT``);
without it, as in a plain ``pelican`` run, nothing is reused or recorded.
With ``NEWSARCHIVE_VERIFY_REUSE`` every reused page is rendered as well and
compared, and a difference fails the build: the tests run that way.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import tempfile
from pathlib import Path

from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from newsarchive import fingerprints
from newsarchive.build import previous_output

logger = logging.getLogger(__name__)

MANIFEST_FOLDER = "newsarchive-pages"
MANIFEST_VERSION = 2


class StalePage(RuntimeError):
    """A reused page differs from its rendering: a fingerprint misses a read."""


def manifest_path(cache_path: str, output: str) -> Path:
    """Where the manifest of the output folder ``output`` is kept."""
    name = hashlib.sha256(os.path.abspath(output).encode()).hexdigest()[:16]
    return Path(cache_path) / MANIFEST_FOLDER / f"{name}.json"


def load_manifest(path: Path) -> dict[str, list]:
    """Output file -> [fingerprint, digest of its text, its ``file_state``]
    (None when not known); empty if unusable."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        logger.warning("Ignoring unreadable page manifest %s: %s", path, error)
        return {}
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return {}
    pages = data.get("pages")
    return pages if isinstance(pages, dict) else {}


def save_manifest(path: Path, pages: dict[str, list]) -> None:
    """Write the manifest whole or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"version": MANIFEST_VERSION, "pages": pages}, out)
        os.replace(temporary, path)
    except OSError as error:
        # Only the next build is slower for it.
        logger.warning("Could not write the page manifest %s: %s", path, error)


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def file_state(path: str | Path) -> list[int] | None:
    """What tells a file written once from the same file changed since.

    Its inode, size and time of last change: any write changes the time, and
    a file replaced whole has another inode, as ``git`` and ``make`` assume.
    """
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


class Pages:
    """The previous build's pages and the pages of this one."""

    def __init__(self, previous_output: Path | None, previous: dict, verify: bool):
        self.previous_output = previous_output
        self.previous = previous
        self.verify = verify
        self.current: dict[str, list] = {}
        self.build: str | None = None  # the build's fingerprint, once known
        self.reused = 0
        self.rendered = 0

    def unchanged_file(self, name: str, fingerprint: str | None) -> Path | None:
        """The previous build's file of ``name``, if it had this fingerprint
        and is still the file that build wrote; None otherwise."""
        known = self.previous.get(name)
        if self.previous_output is None or not fingerprint or not known:
            return None
        if known[0] != fingerprint or len(known) < 3 or not known[2]:
            return None
        path = self.previous_output / name
        return path if file_state(path) == known[2] else None

    def linked(self, name: str) -> None:
        """``name`` is the previous build's file, linked into this output."""
        # The same inode: the same state, for the next build to compare.
        self.current[name] = self.previous[name]
        self.reused += 1

    def written(self, name: str, path: str) -> None:
        """``name`` is written at ``path``: note its state for the next build."""
        if name in self.current:
            self.current[name] = [*self.current[name][:2], file_state(path)]

    def earlier(self, name: str, fingerprint: str) -> str | None:
        """The previous build's text of ``name``, if it had this fingerprint."""
        known = self.previous.get(name)
        if self.previous_output is None or not known or known[0] != fingerprint:
            return None
        try:
            text = (self.previous_output / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return text if text_digest(text) == known[1] else None

    def text(self, name: str, fingerprint: str | None, render) -> str:
        """The text of output file ``name``: the previous build's or ``render()``."""
        if not fingerprint:
            self.rendered += 1
            return render()
        text = self.earlier(name, fingerprint)
        if text is None:
            text = render()
            self.rendered += 1
        else:
            if self.verify and render() != text:
                raise StalePage(f"{name}: reused, but its rendering has changed")
            self.reused += 1
        self.current[name] = [fingerprint, text_digest(text), None]
        return text

    def render(self, template, localcontext: dict, arguments: str | None) -> str:
        name = localcontext["output_file"]
        fingerprint = arguments and fingerprints.page_fingerprint(
            self.build, arguments, name, localcontext
        )
        return self.text(name, fingerprint, lambda: template.render(localcontext))


class _Template:
    """A template whose pages come from the previous build when unchanged."""

    def __init__(self, template, pages: Pages, arguments: str | None):
        self.template = template
        self.pages = pages
        self.arguments = arguments

    def render(self, localcontext):
        return self.pages.render(self.template, localcontext, self.arguments)

    def __getattr__(self, name):
        return getattr(self.template, name)


class ReusingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        settings = settings or {}
        output = settings.get("NEWSARCHIVE_PREVIOUS_OUTPUT")
        # Recorded whenever the output folder is known, reused unless told not.
        self.manifest = (
            manifest_path(settings["CACHE_PATH"], output) if output else None
        )
        previous = previous_output(settings)
        self.pages = Pages(
            previous,
            load_manifest(self.manifest) if previous and self.manifest else {},
            bool(settings.get("NEWSARCHIVE_VERIFY_REUSE")),
        )
        self._feeds: list[tuple[tuple, dict]] = []
        _writers[os.path.abspath(output_path)] = self

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        writing = {
            "relative_urls": relative_urls,
            "paginated": paginated,
            "template_name": template_name,
            "override_output": override_output,
            "url": url,
        }
        if self.manifest is None or not name:
            return super().write_file(name, template, context, **writing, **kwargs)
        self._build(context)
        shown = _template_name(template)
        listing = bool(self.settings.get("DEFAULT_PAGINATION")) and (
            shown in self.settings.get("PAGINATED_TEMPLATES", {})
        )
        arguments = fingerprints.arguments_fingerprint(
            shown, _arguments({**kwargs, "url": url}), context, listing
        )
        if (
            not listing
            and arguments
            and self._link_unchanged(
                name, template, context, arguments, writing, kwargs
            )
        ):
            return None
        wrapped = _Template(template, self.pages, arguments)
        super().write_file(name, wrapped, context, **writing, **kwargs)
        if not listing:
            self.pages.written(name, sanitised_join(self.output_path, name))
        return None

    def _link_unchanged(self, name, template, context, arguments, writing, kwargs):
        """Link the previous build's file of ``name`` into place if unchanged.

        What Pelican's writer does for one page, without rendering, reading
        or writing it: a hard link to the file of the output this build
        replaces, which is deleted after. False, and nothing done, when the
        page has to be written.
        """
        path = sanitised_join(self.output_path, name)
        if (
            writing["override_output"]
            or path in self._written_files
            or path in self._overridden_files
        ):
            return False
        localcontext = _localcontext(context, name, kwargs, writing["relative_urls"])
        fingerprint = fingerprints.page_fingerprint(
            self.pages.build, arguments, name, localcontext
        )
        old = self.pages.unchanged_file(name, fingerprint)
        if old is None:
            return False
        os.makedirs(os.path.dirname(path), exist_ok=True)
        try:
            os.link(old, path)
        except OSError:
            return False
        if localcontext["localsiteurl"]:
            context["localsiteurl"] = localcontext["localsiteurl"]
        if self.pages.verify:
            rendered = template.render(localcontext)
            if rendered != Path(path).read_text(encoding="utf-8"):
                raise StalePage(f"{name}: reused, but its rendering has changed")
        self._written_files.add(path)
        self.pages.linked(name)
        signals.content_written.send(path, context=localcontext)
        return True

    def write_feed(self, *args, **kwargs):
        """Write the feed once the article generator has written its pages.

        Pelican writes the feeds first; written last, they let the search
        index start on the article pages seconds earlier (at 10,000 articles,
        300 feeds take 2.6 s). ``write_feeds`` writes them.
        """
        self._feeds.append((args, kwargs))

    def write_feeds(self) -> None:
        feeds, self._feeds = self._feeds, []
        for args, kwargs in feeds:
            self._write_feed(*args, **kwargs)

    def _write_feed(
        self,
        elements,
        context,
        path=None,
        url=None,
        feed_type="atom",
        override_output=False,
        feed_title=None,
    ):
        if self.manifest is None or not path:
            return super().write_feed(
                elements, context, path, url, feed_type, override_output, feed_title
            )
        # Pelican's write_feed, but for where the text comes from.
        self.site_url = context.get("SITEURL", path_to_url(get_relative_path(path)))
        self.feed_domain = context.get("FEED_DOMAIN")
        self.feed_url = self.urljoiner(self.feed_domain, url or path)
        feed = self._create_new_feed(feed_type, feed_title, context)
        items = elements[: self.settings["FEED_MAX_ITEMS"]]
        for element in items:
            self._add_item_to_the_feed(feed, element)
        signals.feed_generated.send(context, feed=feed)

        def render():
            out = io.StringIO()
            feed.write(out, "utf-8")
            return out.getvalue()

        fingerprint = fingerprints.feed_fingerprint(
            self._build(context), path, self.feed_url, feed_type, feed_title, items
        )
        text = self.pages.text(path, fingerprint, render)
        complete_path = sanitised_join(self.output_path, path)
        os.makedirs(os.path.dirname(complete_path), exist_ok=True)
        with self._open_w(complete_path, "utf-8", override_output) as out:
            out.write(text)
        signals.feed_written.send(complete_path, context=context, feed=feed)
        return feed

    def _build(self, context) -> str:
        if self.pages.build is None:
            self.pages.build = fingerprints.build_fingerprint(
                self.settings, Path(self.settings["THEME"]), context
            )
        return self.pages.build

    def finish(self) -> None:
        if self.manifest is None:
            return
        save_manifest(self.manifest, self.pages.current)
        # The folder in the message: Pelican drops a record that repeats one.
        logger.info(
            "Pages of %s: %d rendered, %d unchanged since the last build",
            self.output_path,
            self.pages.rendered,
            self.pages.reused,
        )


# What write_file's keyword arguments say about how to write, not what.
WRITING_ARGUMENTS = {
    "relative_urls",
    "paginated",
    "template_name",
    "override_output",
    "url",
}


def _arguments(kwargs: dict) -> dict:
    shown = {k: v for k, v in kwargs.items() if k not in WRITING_ARGUMENTS}
    # The URL a page is served at is part of what it shows (canonical links).
    shown["url"] = kwargs.get("url")
    return shown


def _localcontext(context: dict, name: str, kwargs: dict, relative_urls) -> dict:
    """The context Pelican's writer renders a page of ``name`` with."""
    localcontext = context.copy()
    localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
    if relative_urls:
        relative_url = path_to_url(get_relative_path(name))
        localcontext["SITEURL"] = relative_url
        localcontext["localsiteurl"] = relative_url
    localcontext["output_file"] = name
    localcontext.update(kwargs)
    return localcontext


def _template_name(template) -> str:
    name = getattr(template, "name", None) or ""
    return name.removesuffix(".html")


_writers: dict[str, ReusingWriter] = {}


def get_writer(pelican):
    return ReusingWriter


def write_feeds(generator, writer) -> None:
    if isinstance(writer, ReusingWriter):
        writer.write_feeds()


def save_pages(pelican) -> None:
    writer = _writers.pop(os.path.abspath(pelican.output_path), None)
    if writer is not None:
        writer.write_feeds()
        writer.finish()


def register():
    signals.get_writer.connect(get_writer)
    signals.article_writer_finalized.connect(write_feeds)
    signals.finalized.connect(save_pages)
