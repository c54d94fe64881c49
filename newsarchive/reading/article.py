"""What one raw article file is read into: plain data, no Pelican objects."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

PARAGRAPH = "paragraph"
HEADING = "heading"
CAPTION = "caption"


class ArticleError(ValueError):
    """A raw article that cannot be published, with the file and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


# Slots: 10,000 articles keep about 25 blocks each in memory.
@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the cleaned body, in source order."""

    kind: str  # PARAGRAPH, HEADING or CAPTION
    text: str  # plain text, whitespace normalised, never HTML


@dataclass(frozen=True)
class Removal:
    """A line dropped from the source text and the rule that dropped it."""

    line: str
    rule: str


@dataclass(frozen=True)
class Article:
    """A read article. ``problems`` lists why it cannot be published, if so."""

    title: str | None
    date: datetime.datetime | None
    source: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    removed: tuple[Removal, ...] = field(default=(), repr=False)
    problems: tuple[str, ...] = ()
    language: str = "en"  # ISO 639-1
    # Lines kept though they may be the site's, with why.
    uncertain: tuple[Removal, ...] = field(default=(), repr=False)

    def _texts(self, kind: str) -> list[str]:
        return [block.text for block in self.blocks if block.kind == kind]

    @property
    def paragraphs(self) -> list[str]:
        return self._texts(PARAGRAPH)

    @property
    def headings(self) -> list[str]:
        return self._texts(HEADING)

    @property
    def captions(self) -> list[str]:
        return self._texts(CAPTION)

    @property
    def body_text(self) -> str:
        """Headline, subheads and paragraphs: the text entities are found in."""
        return "\n\n".join([self.title or "", *self.headings, *self.paragraphs])
