"""Where the story is on a copied page, and what a reading may have lost.

The story is the main run of prose (``prose.classify``): what is above it,
but for the headline's standfirst, and below it, but for its last sentence,
is the site's. The safety net (``safety``) tells a reading that may have
removed story from one that surely did not: the build and the importer
refuse the first unless the maintainer accepts it.
"""

from __future__ import annotations

import re
import textwrap

from newsarchive.reading import headline, prose
from newsarchive.reading.article import CAPTION
from newsarchive.reading.boilerplate import APPEAL, AUTHOR_BIO, is_appeal

LOST_PROSE = "a paragraph of prose between two story paragraphs would be removed"
MIN_PROSE_SHARE = 0.5
LITTLE_PROSE = "less than half of the page's prose would be kept"
MIN_WORDS = 40
FEW_WORDS = f"fewer than {MIN_WORDS} words of story would be kept"

_SENTENCE = re.compile(r"[.!?…]['\"’”»)\]]*$")
_TIME_ONLY = re.compile(
    r"^\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s+[A-Z]{2,4})?$", re.I
)
# Lines that still read as part of a story run at its edges.
_MIN_TAIL_WORDS = 4
# A line this long that ends a sentence is the story's, next to it.
_LEAD_WORDS = 6
# A line this long is prose, however it ends.
_PROSE_WORDS = 10


_STATEMENT = re.compile(r"[.!…]['\"’”»)\]]*$")
_QUESTION_WORDS = 15


def reads_as_sentence(text: str) -> bool:
    """A line of prose, not a headline: a headline may ask a question, but
    rarely ends with a full stop or runs long."""
    return bool(_STATEMENT.search(text)) or len(text.split()) >= _QUESTION_WORDS


def prose_lines(units, classes) -> list[bool]:
    """Whether each unit is the story's kind of prose: good, and read as a
    sentence or long (a short line between two good ones is good too, but a
    date or byline under the headline does not start the story)."""
    return [
        kind == prose.GOOD
        and (reads_as_sentence(text) or len(text.split()) >= _PROSE_WORDS)
        for text, kind in zip(units, classes, strict=True)
    ]


def span(is_prose, marks) -> tuple[int, int] | None:
    """The first and last unit of the main run of prose (``prose_lines``)."""
    good = [i for i, line in enumerate(is_prose) if line and not marks[i]]
    return (good[0], good[-1]) if good else None


def keep_live_timestamps(units, marks, classes) -> None:
    """A live page's entries start with their time: with several such, a time
    followed by prose (or by a title and prose) is the story's, not a
    video's length."""
    stamps = [
        i
        for i, text in enumerate(units)
        if _TIME_ONLY.match(text)
        # The entry's prose, or its title and then its prose.
        and prose.GOOD in classes[i + 1 : i + 3]
    ]
    if len(stamps) >= 3:
        for i in stamps:
            if marks[i] == "video-timestamp":
                marks[i] = None


def mark_outside(units, marks, span) -> None:
    """Above and below the main run of prose is the site's, but for the lines
    between the headline and the story (a standfirst, a summary's points)
    and a line that still reads as the story's last sentence."""
    start, end = span
    title = next((i for i in range(start) if marks[i] == "title"), None)
    # The story's first sentences may be too short to be judged prose: the
    # lines right above the run that read as sentences are the story's.
    lead = start
    while lead > 0 and (marks[lead - 1] is not None or _is_sentence(units[lead - 1])):
        if marks[lead - 1] in ("title", "byline", "dateline"):
            break
        lead -= 1
    # A live page's first entry: its time and title above its prose.
    entry = next(
        (
            i
            for i in range(max(start - _ENTRY_HEAD, 0), start)
            if marks[i] is None and _TIME_ONLY.match(units[i])
        ),
        start,
    )
    for i in range(start):
        if marks[i] is not None or (i >= lead and _is_sentence(units[i])):
            continue
        if i >= entry:
            continue
        # A standfirst, a summary's points and the photo's caption lie
        # between the headline and the story.
        if title is not None and i > title and len(units[i].split()) >= _MIN_TAIL_WORDS:
            continue
        marks[i] = "above-story"
    # The story may go on after a short interruption (a video's label and
    # credit, an ad) that the rules did not remove: up to ``MAX_GAP`` lines.
    gap = 0
    for i in range(end + 1, len(units)):
        if marks[i] is not None:
            # A box the rules removed ("Read more: ...") may sit between the
            # story's last paragraphs: the story goes on after it.
            continue
        text = units[i]
        story_like = _SENTENCE.search(text) and len(text.split()) >= _MIN_TAIL_WORDS
        # A photo's caption right under the story is the story's.
        captioned = headline.CAPTION.search(text)
        if gap <= MAX_GAP and (story_like or captioned) and not AUTHOR_BIO.search(text):
            gap = 0
            continue
        gap += 1
        marks[i] = "below-story"


MAX_GAP = 3
_ENTRY_HEAD = 2


def _is_sentence(text: str) -> bool:
    return bool(_SENTENCE.search(text)) and len(text.split()) >= _LEAD_WORDS


def mark_tail(units, marks, is_prose, publisher: str | None = None) -> None:
    """The page's own paragraphs after the story's last one: the author's
    bio, an appeal for support, what the outlet says of itself ("The Example
    Times is an independent newsroom…"). Only the end of the page is
    searched, up to the last paragraph that reads as story: such a
    paragraph with story after it may be a quotation, and is kept."""
    about = _about_outlet(publisher)
    for i in range(len(units) - 1, -1, -1):
        if marks[i] is not None:
            continue
        text = units[i]
        if AUTHOR_BIO.search(text):
            marks[i] = "author-bio"
        elif is_appeal(text):
            marks[i] = APPEAL
        elif about is not None and about.search(text):
            marks[i] = "about-the-outlet"
        elif is_prose[i]:
            break


# What an outlet says of itself, after its name: "is an independent…",
# "has been fearless for 40 years", "is part of…", "relies on…".
_SELF_DESCRIPTION = (
    r"(?:is|are|was|has been|have been|is part of|relies|depends|was founded|"
    r"is published|est|ist|es|является)\b"
)
_LEAD_IN = r"^(?:[^.,]{1,30},\s*)?"  # "Since 1897, …"


def _about_outlet(publisher: str | None) -> re.Pattern[str] | None:
    if not publisher:
        return None
    name = re.sub(r"^the\s+", "", publisher.strip(), flags=re.IGNORECASE)
    return re.compile(
        rf"{_LEAD_IN}(?:the\s+)?{re.escape(name)}(?:['’]s)?\s+{_SELF_DESCRIPTION}",
        re.IGNORECASE,
    )


def safety(units, marks, classes, blocks) -> list[str]:
    """Why this reading may have lost story, if it may have."""
    problems = []
    is_prose = [
        kind == prose.GOOD and reads_as_sentence(units[i])
        for i, kind in enumerate(classes)
    ]
    kept = [marks[i] is None for i in range(len(units))]
    for i, text in enumerate(units):
        if not is_prose[i] or kept[i] or marks[i] not in UNSURE_RULES:
            continue
        if any(kept[j] and is_prose[j] for j in range(i)) and any(
            kept[j] and is_prose[j] for j in range(i + 1, len(units))
        ):
            problems.append(f"{LOST_PROSE}: {textwrap.shorten(text, 80)!r}")
            break
    prose_words = sum(len(units[i].split()) for i in range(len(units)) if is_prose[i])
    kept_words = sum(
        len(units[i].split()) for i in range(len(units)) if is_prose[i] and kept[i]
    )
    if prose_words and kept_words < MIN_PROSE_SHARE * prose_words:
        problems.append(LITTLE_PROSE)
    story_words = sum(len(b.text.split()) for b in blocks if b.kind != CAPTION)
    if story_words < MIN_WORDS:
        problems.append(FEW_WORDS)
    return problems


# Marks that judge a line by its place or its neighbours, not by what it
# says: a prose paragraph they remove may be story.
UNSURE_RULES = {"related-block", "below-story", "above-story"}


def uncertain(units, marks) -> list[tuple[str, str]]:
    """Lines kept in the story that may be the site's: the reader keeps what
    it is unsure of, and says so (``invoke inspect``)."""
    found = []
    for i, text in enumerate(units):
        if marks[i] is not None:
            continue
        if is_appeal(text):
            found.append((text, "reads like an appeal to readers"))
        elif i > 0 and marks[i - 1] == "related-block":
            found.append((text, "may be the last headline of a box of other stories"))
    return found
