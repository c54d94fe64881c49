"""A built site served on loopback the way a static host serves it, and the
browser everything here runs in. Shared by the browser tests and the
``lighthouse`` and ``screenshots`` tasks.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"

# Debian's Chromium: nothing here downloads a browser of its own.
CHROMIUM = "/usr/bin/chromium"
# The machines have no network beyond the package registries: these flags
# stop Chromium from trying to reach its own services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# One page of each type in the archive's real content. Story pages are
# added by ``site_pages`` when the build wrote any.
PAGES = {
    "home": "/",
    "article": "/2020/11/10/the-moscow-times/"
    "russian-peacekeepers-head-to-nagorno-karabakh-after-peace-deal/",
    "entity": "/entity/france/",
    "entities": "/entity/",
    "publisher": "/publisher/the-moscow-times/",
    "month": "/2020/11/",
    "archive": "/archive/",
    "search": "/search/?q=peacekeepers",
    # A missing address two levels deep: the 404 page must work from anywhere.
    "404": "/2019/01/no-such-article/",
}
STORY_PAGES = ("stories", "story")

# Browser context options for a phone and a laptop.
VIEWPORTS = {
    "mobile": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 3,
    },
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}


class StaticSiteHandler(SimpleHTTPRequestHandler):
    """Files from the site's folder; a missing one gets 404.html, status 404."""

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".xml": "application/xml",
        ".txt": "text/plain; charset=utf-8",
    }

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        # LinkChecker spaces its requests to a host out by up to 0.6 s unless
        # the host's responses name it: this one is ours, on loopback.
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()

    def log_message(self, format, *args):
        pass  # a crawl of the whole site would flood the test output


class SiteServer(ThreadingHTTPServer):
    """Bound at once, so its address is known before the site is built."""

    daemon_threads = True

    def __init__(self, root: Path):
        handler = partial(StaticSiteHandler, directory=str(root))
        super().__init__(("127.0.0.1", 0), handler)

    def handle_error(self, request, client_address):
        # A browser that closes its page drops connections mid-response:
        # nothing went wrong on our side.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


@contextmanager
def serving(server: SiteServer) -> Iterator[str]:
    """Serve in a background thread until the block ends; yields the base URL."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def serve_built_site(build: Callable[[Path, str], object], root: Path) -> Iterator[str]:
    """Build into ``root`` with ``build(root, url)``, then serve it at ``url``.

    The server takes its port first, so that the build can write the site's
    own address into canonical links and feeds, and every link resolves here.
    """
    server = SiteServer(root)
    try:
        build(root, server.url)
    except BaseException:
        server.server_close()
        raise
    with serving(server) as url:
        yield url


def site_pages(root: Path) -> dict[str, str]:
    """``PAGES``, and the story index and one story when ``root`` has them."""
    pages = dict(PAGES)
    stories = root / "story"
    if (stories / "index.html").is_file():
        pages["stories"] = "/story/"
        first = min(stories.glob("*/index.html"), default=None)
        if first is not None:
            pages["story"] = f"/story/{first.parent.name}/"
    return pages


@contextmanager
def opened(browser, base_url: str, viewport: str, **options) -> Iterator[object]:
    """A page in a fresh browser context sized as ``VIEWPORTS[viewport]``."""
    context = browser.new_context(base_url=base_url, **VIEWPORTS[viewport], **options)
    try:
        yield context.new_page()
    finally:
        context.close()


def load(page, path: str) -> None:
    """Load ``path`` in ``page``; on the search page, wait for its results."""
    page.goto(path)
    if path.startswith("/search/?"):
        page.locator(".search-result").first.wait_for()


@contextmanager
def archive_served() -> Iterator[tuple[str, Path]]:
    """The archive's real content built into a temporary folder and served.

    The build writes the server's own address into canonical links and feeds,
    so every link of the served site resolves on loopback.
    """
    from tests.conftest import build_site

    def build(output: Path, url: str) -> None:
        build_site(ROOT / "content", output, SITE_BASE_URL=url, FEED_DOMAIN=url)

    with tempfile.TemporaryDirectory(prefix="newsarchive-") as tmp:
        root = Path(tmp) / "output"
        with serve_built_site(build, root) as url:
            yield url, root
