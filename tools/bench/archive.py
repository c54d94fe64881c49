"""The generated archive the builds read, and the edits the rebuilds see."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

from tools.bench.project import PAGES_FOLDER

logger = logging.getLogger(__name__)

# Inserted into one article for the "changed" rebuild: plain prose, so the
# reader keeps it as a paragraph of the story.
ADDED_PARAGRAPH = (
    "Officials said later that the talks would continue next week, according "
    "to a statement released after the meeting ended."
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def prepare_content(content: Path, n: int, seed: int) -> int:
    """Our layout: generated articles under articles/, our pages copied."""
    # Imported here, as everything heavy in this package: the build's child
    # process imports the package too, and its startup is measured.
    from tools.generate import write_archive

    count = write_archive(n, content / "articles", seed)
    shutil.copytree(PAGES_FOLDER, content / "pages")
    return count


def _url_key(header: dict[str, str], title: str) -> tuple:
    from newsarchive.plugins.reader import article_slug

    return header.get("date", "")[:10], header.get("source"), article_slug(title, {})


def retitle_collisions(articles: Path) -> list[str]:
    """Number a headline its outlet already ran on the same day; those renamed.

    Our article URLs are day/publisher/headline, and our build aborts when two
    articles share one (FileOverwriteFailedError), which the generator's
    stock headlines do a few times per thousand articles. Until the build
    tells such articles apart, the benchmark renames the later ones, in the
    header and in the page's headline line alike.
    """
    from newsarchive.reading.header import split_header

    seen: set[tuple] = set()
    renamed = []
    for path in sorted(articles.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        header = split_header(text)[0]
        title = header.get("title", "")
        key, number = _url_key(header, title), 1
        while key in seen:
            number += 1
            key = _url_key(header, f"{title} {number}")
        seen.add(key)
        if number > 1:
            path.write_bytes(text.replace(title, f"{title} {number}", 2).encode())
            renamed.append(path.relative_to(articles).as_posix())
    if renamed:
        logger.warning(
            "Renamed %d articles whose outlet ran the same headline on the same "
            "day, which our build cannot publish: %s",
            len(renamed),
            ", ".join(renamed),
        )
    return renamed


def add_article(articles: Path, seed: int) -> Path:
    """One more article, from another seed so that it is new to the archive."""
    from tools.generate import generate_articles

    relative, text = next(generate_articles(1, seed + 1))
    path = articles / relative
    if path.exists():
        path = path.with_name(f"{path.stem}-added{path.suffix}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def change_article(articles: Path) -> Path:
    """Add a paragraph after the longest paragraph of the middle article.

    Appending at the end would not always show: the reader drops what follows
    a "Related topics" or "Keep reading" block. The longest block is story.
    """
    files = sorted(articles.rglob("*.txt"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    blocks = _PARAGRAPH_BREAK.split(text)
    longest = max(range(1, len(blocks)), key=lambda i: len(blocks[i]))
    blocks.insert(longest + 1, ADDED_PARAGRAPH)
    path.write_bytes("\n\n".join(blocks).encode("utf-8"))
    return path
