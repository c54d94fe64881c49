"""Raw article text in, a clean ``Article`` out.

``parse_article`` is a pure function of the file's text and the outlets data,
so its result can be cached by a hash of both and computed in any process.
The phases, in order:

1. split the optional header from the text copied off the site;
2. split that text into units (one per line, hard-wrapped lines rejoined);
3. identify the outlet (header Source, URL, then markers in the text);
4. mark boilerplate with the generic rules, then the outlet's own;
5. find the headline, the byline and the datelines, and mark their lines;
6. mark repeated units (sites print photo captions twice);
7. classify what is left as paragraphs, subheads and photo captions.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from urllib.parse import urlsplit

from newsarchive.reading import (
    datelines,
    headline,
    language,
    prose,
    publisher,
    story,
)
from newsarchive.reading.article import (
    CAPTION,
    HEADING,
    PARAGRAPH,
    Article,
    ArticleError,
    Block,
    Removal,
)
from newsarchive.reading.boilerplate import (
    mark,
    mark_appeals,
    mark_headline_runs,
    mark_menus,
)
from newsarchive.reading.header import (
    ACCEPTED,
    HeaderError,
    split_authors,
    split_header,
)
from newsarchive.reading.outlets import Outlet, Outlets, load_outlets
from newsarchive.reading.rules import GENERIC_RULES

_SENTENCE_END = re.compile(r"[.!?…:;,]['\"’”)\]]*$")
_PHOTO_CREDIT = re.compile(
    r"(?:\s/\s?[A-Z][\w.&' -]{1,40}"  # "... 2020. /AP", "/ Getty Images"
    r"|\b(?:photo|image|picture)s?(?: credit| by)?\s*:\s*[^.]{2,60}"  # "Photo: AFP"
    r"|\((?:photo|image|picture|credit)[^()]{0,60}\))\.?$",  # "(Photo: TASS)"
    re.IGNORECASE,
)
# Sites print a photo's caption twice (alt text and figcaption); a repeated
# unit this short is such a caption, not a repeated paragraph.
_MAX_CAPTION_WORDS = 40
_BYLINE = re.compile(
    r"^By\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)$"
)
_CONTINUATION = re.compile(r"^[a-z]")
# "by Agenda.ge" below a headline is its byline, not the end of its sentence.
_SHORT_BYLINE = re.compile(r"^by\s+\S+(?:\s+\S+){0,3}$")
# Text wrapped at a fixed width has long lines; a short line followed by one
# in lower case is a subhead or a timestamp, not half a sentence.
_MIN_WRAPPED_LENGTH = 40
_MAX_HEADING_WORDS = 10
_LEAD_WORDS = 8
_MAX_HEADING_LENGTH = 80


def normalise(text: str) -> str:
    """Collapse every run of whitespace, non-breaking spaces included."""
    return " ".join(text.split())


_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
    }
)


def _comparable(text: str) -> str:
    """A form of ``text`` that ignores case, quote style and accents."""
    folded = text.casefold()
    if folded.isascii():  # most lines: nothing more to fold
        return folded
    folded = unicodedata.normalize("NFKD", folded.translate(_QUOTES))
    return "".join(c for c in folded if not unicodedata.combining(c))


def split_units(text: str) -> tuple[list[str], list[list[str]]]:
    """One unit per line of the copied page, hard-wrapped prose rejoined.

    Copied web pages put each block element on a line of its own, so a line
    is the natural unit; text wrapped at a fixed width is recognised by a
    line that does not end a sentence followed by one starting in lower case.
    Returns the units and, for each, the source lines it was made of.
    """
    units: list[str] = []
    origins: list[list[str]] = []
    joinable = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = normalise(raw)
        if not line:
            joinable = False
            continue
        if (
            joinable
            and _CONTINUATION.match(line)
            and not _SHORT_BYLINE.match(line)
            and len(units[-1]) >= _MIN_WRAPPED_LENGTH
            and not _SENTENCE_END.search(units[-1])
        ):
            units[-1] = f"{units[-1]} {line}"
            origins[-1].append(line)
        else:
            units.append(line)
            origins.append([line])
        joinable = True
    return units, origins


# What a subhead never is: markup, a byline, a label of a video or photo.
_NOT_A_HEADING = re.compile(
    r"<[a-z/!][^>]*>|^(?:by|von|par|por|автор|yazar)\s"
    r"|^(?:video|watch|photo|photos|gallery|audio|listen|image)\b",
    re.IGNORECASE,
)


def _is_heading(text: str, following: str | None) -> bool:
    """A subhead: short, unpunctuated, reading as words, and followed by more
    story. A line holding markup, a byline or a media label stays text."""
    return (
        following is not None
        and len(text) <= _MAX_HEADING_LENGTH
        and len(text.split()) <= _MAX_HEADING_WORDS
        and not _SENTENCE_END.search(text)
        and next((c for c in text if c.isalpha()), "").isupper()
        and not _NOT_A_HEADING.search(text)
        and not headline.CAPTION.search(text)
    )


def _find_title(
    units, marks, header_title: str | None, start: int, story, stopwords, path
) -> str | None:
    """Mark the headline's line; return the headline.

    Without a Title header, the headline is chosen among the lines above the
    story (``headline.choose``)."""
    if header_title:
        wanted = _comparable(normalise(header_title))
        for index in [i for i, m in enumerate(marks) if m is None][: start + 5]:
            if _comparable(units[index]) == wanted:
                marks[index] = "title"
                break
        return normalise(header_title)
    # The headline is often long enough to be taken for the story's first
    # line: it is looked for among the first lines of the story too.
    # Lines under a "Related" marker may be the headline: a box at the top
    # of a page can run into it.
    candidates = [
        i
        for i in range(min(start + 2, len(units)))
        if marks[i] is None or marks[i] == "related-block"
    ]
    index = headline.choose(units, candidates, story, stopwords, path)
    if index is None:
        return None
    if marks[index] == "related-block":
        # The box ended above its headline: what follows is the page's own.
        for later in range(index + 1, start):
            if marks[later] == "related-block":
                marks[later] = None
    marks[index] = "title"
    return units[index]


# "ISTANBUL", "New Delhi": the place a page prints above its date line.
_PLACE_WORDS = 2
_PLACE = re.compile(r"[^\W\d_][^\W\d_.'’-]*(?:[ .'’-]+[^\W\d_]+)*")


def _mark_place_above(units, marks, dateline: int) -> None:
    above = dateline - 1
    if (
        above >= 0
        and marks[above] is None
        and len(units[above].split()) <= _PLACE_WORDS
        and _PLACE.fullmatch(units[above])
        and units[above][:1].isupper()
    ):
        marks[above] = "dateline"


def _find_byline(units, marks, top_end: int) -> tuple[str, ...]:
    for index in range(min(top_end + 1, len(units))):
        if marks[index] is None:
            found = _BYLINE.match(units[index])
            if found is not None:
                marks[index] = "byline"
                return split_authors(found["names"])
    return ()


def _mark_publisher_lines(units, marks, outlet: Outlet) -> None:
    if not outlet.name:
        return
    for index, text in enumerate(units):
        if marks[index] is None and text.casefold() in outlet.names:
            marks[index] = "publisher-line"


def _mark_repeats(units, marks, title: str | None) -> None:
    # The headline counts as seen: a site that prints it twice prints it once
    # in the header we show and once more as noise.
    first_seen: dict[str, int] = {_comparable(title): -2} if title else {}
    for index, text in enumerate(units):
        if marks[index] is not None:
            continue
        key = _comparable(text)
        if key in first_seen:
            is_caption = _PHOTO_CREDIT.search(text) or (
                first_seen[key] == index - 1 and len(text.split()) <= _MAX_CAPTION_WORDS
            )
            marks[index] = "duplicate-caption" if is_caption else "duplicate-line"
        else:
            first_seen[key] = index


def _classify(units, marks) -> list[Block]:
    kept = [i for i, m in enumerate(marks) if m is None]
    captioned = {
        _comparable(units[i]) for i, m in enumerate(marks) if m == "duplicate-caption"
    }
    blocks = []
    seen_paragraph = False
    for position, index in enumerate(kept):
        text = units[index]
        following = units[kept[position + 1]] if position + 1 < len(kept) else None
        if _PHOTO_CREDIT.search(text) or (captioned and _comparable(text) in captioned):
            kind = CAPTION
        elif seen_paragraph and _is_heading(text, following):
            kind = HEADING
        else:
            kind = PARAGRAPH
            seen_paragraph = True
        blocks.append(Block(kind, text))
    return blocks


def _header_date(value: str, outlet: Outlet, path: str) -> datetime.datetime:
    try:
        date = datetime.datetime.fromisoformat(value)
    except ValueError:
        date = datelines.parse_date(value, outlet.date_order, outlet.timezone or "UTC")
        if date is None:
            raise ArticleError(
                path, f"the Date header {value!r} is not a date (use YYYY-MM-DD)"
            ) from None
    return date


NO_TITLE = "no title found: add a 'Title:' line to the header"
NO_DATE = (
    "no date found: add a 'Date: YYYY-MM-DD' line to the header "
    "(no 'Published'/'Updated' line, top-of-page date or agency dateline "
    "such as 'MOSCOW, Nov 10, 2020 (Reuters) -' was found)"
)
NO_SOURCE = (
    "no publisher found: add a 'Source:' line to the header (the page names "
    "no outlet we know, no agency credit, copyright or 'Source:' line)"
)
NO_STORY = "no story text left once the site's boilerplate is removed"


# The safety net: what a reading may not do without the maintainer's say.
def read_article(
    text: str,
    path: str = "<text>",
    outlets: Outlets | None = None,
    report_uncertain: bool = False,
) -> Article:
    """Read one raw article as far as it goes, listing what is missing.

    ``report_uncertain`` also lists the lines kept though they may be the
    site's (for ``invoke inspect``; a build does not need them).

    Only a malformed header or URL raises ``ArticleError``: past those, the
    article's ``problems`` say why it cannot be published, so that
    ``invoke inspect`` can still show what was read.
    """
    outlets = outlets or load_outlets()
    try:
        header, body = split_header(text.lstrip("\ufeff"))
    except HeaderError as error:
        raise ArticleError(path, str(error)) from None
    url = header.get("url") or None
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise ArticleError(path, f"the URL header {url!r} is not an http(s) address")

    units, origins = split_units(body)
    outlet = outlets.identify(header.get("source"), url, units)
    lang = language.detect(units)
    stopwords = language.stopwords(lang)
    classes = prose.classify(units, stopwords)
    sentences = [
        kind == prose.GOOD and story.reads_as_sentence(units[i])
        for i, kind in enumerate(classes)
    ]
    is_prose = story.prose_lines(units, classes)
    marks: list[str | None] = [None] * len(units)
    mark(units, marks, GENERIC_RULES + outlet.rules, sentences)
    mark_appeals(units, marks)
    story.keep_live_timestamps(units, marks, classes)
    _mark_publisher_lines(units, marks, outlet)
    span = story.span(is_prose, marks) or (len(units), len(units) - 1)
    prose_lines = [
        i for i, kind in enumerate(classes) if kind == prose.GOOD and not marks[i]
    ]
    title = _find_title(
        units, marks, header.get("title"), span[0], prose_lines, stopwords, path
    )
    mark_menus(units, marks)
    span = story.span(is_prose, marks) or (len(units), len(units) - 1)
    # The lead: the story's first paragraphs, from the headline on (a wire's
    # credit may open a line the prose test left above the main run), past
    # the byline, date and credit lines under the headline.
    top = next((i + 1 for i, m in enumerate(marks) if m == "title"), span[0])
    lead = [
        u
        for i, u in enumerate(units)
        if i >= min(top, span[0]) and not marks[i] and len(u.split()) >= _LEAD_WORDS
    ][:3]
    authors = _find_byline(units, marks, span[0])
    found = datelines.scan(units, marks, span[0], outlet, url, language=lang)
    taken = found.best.index if found.best else None
    for index in found.lines:
        # A time or date inside the story is the story's (a live page's
        # entries); only those around it, and the one taken, are the page's.
        if not span[0] <= index <= span[1] or index == taken:
            marks[index] = "dateline"
    if taken is not None and marks[taken] == "dateline":
        _mark_place_above(units, marks, taken)
    # A live page's summary opens the story with points that read as
    # headlines: boxes of other stories are looked for after its first
    # sentence.
    first_sentence = next(
        (i for i in range(span[0], len(units)) if sentences[i] and not marks[i]),
        span[0],
    )
    mark_headline_runs(units, marks, start=first_sentence)
    if "date" in header:
        date = _header_date(header["date"], outlet, path)
    else:
        date = found.best.date if found.best else None
    if "authors" in header:
        authors = split_authors(header["authors"])
    source = outlet.name
    credited = publisher.credit(lead) if outlet.aggregator or not source else None
    if credited:
        known = publisher.known(credited, outlets)
        source = known.name if known else credited
    elif not source:
        source, _ = publisher.infer(units, lead, outlets, marks, sentences, stopwords)
    if span[0] < len(units):
        story.mark_tail(units, marks, is_prose, source)
        span = story.span(is_prose, marks) or span
        story.mark_outside(units, marks, span)
    _mark_repeats(units, marks, title)
    blocks = _classify(units, marks)

    problems = [
        problem
        for problem, missing in (
            (NO_TITLE, not title),
            (NO_DATE, date is None),
            (NO_SOURCE, not source),
            (NO_STORY, not any(block.kind == PARAGRAPH for block in blocks)),
        )
        if missing
    ]
    if not problems and header.get("reading", "").casefold() != ACCEPTED:
        problems = story.safety(units, marks, classes, blocks)
    return Article(
        title=title,
        date=date,
        source=source,
        url=url,
        authors=authors,
        blocks=tuple(blocks),
        removed=tuple(
            Removal(line, rule)
            for rule, lines in zip(marks, origins, strict=True)
            if rule is not None
            for line in lines
        ),
        problems=tuple(problems),
        language=lang,
        uncertain=tuple(
            Removal(line, why)
            for line, why in (story.uncertain(units, marks) if report_uncertain else ())
        ),
    )


def parse_article(
    text: str, path: str = "<text>", outlets: Outlets | None = None
) -> Article:
    """Read one raw article that must be publishable, or raise ``ArticleError``."""
    article = read_article(text, path, outlets)
    if article.problems:
        raise ArticleError(path, "; ".join(article.problems))
    return article
