"""Which entities an article mentions: its tags, and the names we don't know."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsarchive.entities.candidates import candidates
from newsarchive.entities.matcher import Matcher, counts, default_matcher
from newsarchive.reading.article import Article


@dataclass(frozen=True)
class Tagging:
    mentions: dict[str, int]  # entity name -> mentions, most mentioned first
    candidates: Counter[str] = field(default_factory=Counter)

    @property
    def tags(self) -> list[str]:
        return list(self.mentions)


def entity_text(article: Article) -> str:
    """The text entities are looked for in: headline, subheads, body, captions.

    One block per line, so that no name can run across two blocks.
    """
    return "\n".join([article.title or "", *(block.text for block in article.blocks)])


def tag_article(article: Article, matcher: Matcher | None = None) -> Tagging:
    text = entity_text(article)
    scan = (matcher or default_matcher()).scan(text)
    # Headlines are often in title case, where every word looks like a name.
    title = (0, len(article.title or ""))
    return Tagging(counts(scan.mentions), candidates(text, (title, *scan.spans)))
