"""Plain Pelican's copy of the archive: its Markdown and its entity tags."""

from __future__ import annotations

import html

import markdown
import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Tag

from tests.tools.conftest import read_article
from tools.bench import markdown_paragraph


def test_baseline_has_the_entity_tags_ours_found(run, record):
    """The same tags, but for the article added after the baseline was built."""
    articles = run["work"] / "ours" / "content" / "articles"
    tags = {}
    for path in articles.rglob("*.txt"):
        relative = path.relative_to(articles).as_posix()
        tags[relative] = {
            Tag(name, DEFAULT_CONFIG).slug
            for name in read_article(run, relative)[1].tags
        }
    everything = set().union(*tags.values())
    added = tags.pop(record["rebuild_added"]["file"])
    before = set().union(*tags.values())
    assert added - before, "the added article should bring a new entity"

    ours = {p.name for p in (run["work"] / "ours" / "output" / "entity").iterdir()}
    ours.discard("index.html")
    assert ours == everything
    stems = {p.stem for p in (run["work"] / "baseline" / "output" / "tag").iterdir()}
    # "russia2" is page 2 of "russia" under Pelican's default page names.
    first_pages = {
        s for s in stems if s.rstrip("0123456789") not in stems or s in before
    }
    assert first_pages == before


@pytest.mark.parametrize(
    "text",
    [
        "Plain prose, with a comma.",
        "*Not emphasis* and _not this_ either, nor __this__.",
        "# Not a heading",
        "- not a list item",
        "+ nor this",
        "1984. A year, not a numbered list.",
        "Tags <b>stay</b> text & so do &amp; entities.",
        "[Not a link](http://example.com) or ![an image](x.png)",
        "Back\\slash and `not code`, {: .not-an-attribute}",
        "> not a quote",
        "Once\nMonthly\nAnnual\nContinue",
        "*[HTML]: not an abbreviation",
        "Footnote[^1] stays text.",
    ],
)
def test_markdown_paragraph_renders_as_exactly_the_text(text):
    rendered = markdown.markdown(markdown_paragraph(text), extensions=["extra"])
    assert rendered == f"<p>{html.escape(' '.join(text.split()), quote=False)}</p>"
