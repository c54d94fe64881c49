"""An ``Article``'s body as HTML. Every piece of article text is escaped here."""

from __future__ import annotations

from html import escape

from newsarchive.reading.article import CAPTION, HEADING, Article, Block


def block_html(block: Block) -> str:
    text = escape(block.text, quote=False)
    if block.kind == HEADING:
        return f"<h2>{text}</h2>"
    if block.kind == CAPTION:
        return f'<figure class="photo-caption"><figcaption>{text}</figcaption></figure>'
    return f"<p>{text}</p>"


def body_html(article: Article) -> str:
    return "\n".join(block_html(block) for block in article.blocks)


def summary_html(article: Article) -> str:
    """The first paragraph: news ledes are written to stand alone."""
    first = next(iter(article.paragraphs), "")
    return f"<p>{escape(first, quote=False)}</p>"
