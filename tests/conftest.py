"""Shared fixtures: the seed articles, and real Pelican builds in temp folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from newsarchive.build import build

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT_ARTICLES = ROOT / "content" / "articles" / "2020" / "11"
MOSCOW_TIMES_FILE = (
    CONTENT_ARTICLES
    / "russian-peacekeepers-head-to-nagorno-karabakh-after-peace-deal.txt"
)
CGTN_FILE = (
    CONTENT_ARTICLES
    / "russia-deploys-2000-troops-to-disputed-nagorno-karabakh-region-after-ceasefire-deal.txt"
)


# A story long enough to be published: the reader refuses one of fewer than
# 40 words, as it would have lost most of a page.
STORY = (
    "The story runs on long enough to count as a paragraph of prose, and it "
    "goes on to say what happened, where and when, as any report would.\n\n"
    "A second paragraph follows it with more of the same, so that the reader "
    "finds a run of prose to keep and nothing of it to remove.\n"
)


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def build_site(content: Path, output: Path, **override) -> Path:
    """Build ``content`` with the project's settings into ``output``."""
    settings = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "THEME": str(ROOT / "theme"),
        "CACHE_PATH": str(output.parent / "cache"),
        "LOCALE": ["C.UTF-8", "C"],
        # A page taken from the previous build is rendered too, and must match.
        "REUSE_VERIFY": True,
        **override,
    }
    build(str(ROOT / "pelicanconf.py"), settings)
    return output


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The archive's real ``content/``, built once for the whole session."""
    tmp = tmp_path_factory.mktemp("real-site")
    return build_site(ROOT / "content", tmp / "output")


@pytest.fixture
def content_dir(tmp_path) -> Path:
    """An empty content folder laid out like ours, with the pages copied in."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    return content
