"""The real archive, built once per session and served on loopback, and the
Debian Chromium that pytest-playwright drives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tools.site import (
    CHROMIUM,
    CHROMIUM_ARGS,
    NODE_MODULES,
    archive_served,
    site_pages,
)


@dataclass(frozen=True)
class ServedSite:
    url: str
    root: Path
    pages: dict[str, str]  # page type -> path on the server

    def path(self, name: str) -> str:
        if name not in self.pages:
            pytest.skip(f"this build has no {name} page")
        return self.pages[name]


def node_tool(*parts: str) -> Path:
    """A file from node_modules; a clear failure when npm ci has not run."""
    path = NODE_MODULES.joinpath(*parts)
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `npm ci` (or `invoke test`, which does)")
    return path


@pytest.fixture(scope="session")
def served_site() -> ServedSite:
    with archive_served() as (url, root):
        yield ServedSite(url, root, site_pages(root))


@pytest.fixture(scope="session")
def base_url(served_site) -> str:
    """pytest-playwright's contexts resolve ``page.goto("/path/")`` against it."""
    return served_site.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def axe_source() -> str:
    return node_tool("axe-core", "axe.min.js").read_text(encoding="utf-8")
