"""Rules that recognise what a news site wraps around a story.

The rules here hold across outlets. Patterns that only one outlet uses live in
``data/outlets.toml`` and are compiled into the same ``Rule`` shape, so both
kinds go through one matcher.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

LINE = "line"
TO_END = "to-end"
EXTENTS = (LINE, TO_END)


@dataclass(frozen=True)
class Rule:
    """Drop a line (extent ``line``) or a line and all that follows (``to-end``).

    ``to-end`` is only for markers that reliably open a trailer, such as a
    donation appeal or a "Related topics" list: everything after them is the
    site's, never the story's.
    """

    name: str
    pattern: re.Pattern[str]
    extent: str = LINE


def rule(name: str, pattern: str, extent: str = LINE) -> Rule:
    if extent not in EXTENTS:
        raise ValueError(f"rule {name!r}: extent must be one of {EXTENTS}")
    return Rule(name, re.compile(pattern, re.IGNORECASE), extent)


_SHARE_WORDS = (
    r"share(?: this(?: article| story| page)?)?|copy(?: the)? link|link copied|"
    r"tweet|e-?mail|print|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|"
    r"pinterest|flipboard|comments?|save"
)

GENERIC_RULES: tuple[Rule, ...] = (
    rule(
        "donation-appeal",
        r"^(?:please )?(?:support|donate to|contribute to) .{2,60}!$"
        r"|^(?:donate|donate now|donate today|make a (?:donation|contribution)"
        r"|support us|support our (?:work|journalism)"
        r"|become a (?:member|supporter|patron))[.!]?$"
        r"|^not ready to (?:support|donate|contribute)\b.{0,40}$"
        r"|^remind me later\.?$",
    ),
    rule(
        "newsletter-signup",
        r"^sign up (?:for|to) .{0,80}newsletters?\b.{0,40}$"
        r"|^(?:our|the) (?:\w+ ){0,3}newsletters? (?:contains|brings|delivers)\b"
        r"|^subscribers? agree to\b.{0,80}$"
        r"|^by (?:subscribing|signing up)\b.{0,120}(?:privacy|terms)\b.{0,80}$"
        r"|^(?:subscribe|subscribe now|get our newsletter"
        r"|subscribe to (?:our|the) newsletter)[.!]?$",
    ),
    rule("share-line", rf"^(?:(?:{_SHARE_WORDS})[\s|•·/,]*)+$"),
    rule("video-timestamp", r"^\d{1,2}:\d{2}(?::\d{2})?$"),
    # A relative date tells nothing once copied; an absolute one is a dateline.
    rule(
        "relative-dateline",
        r"^(?:(?:first |last )?(?:published|posted|updated)\s*:?\s*)?"
        r"(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$",
    ),
    rule("agency-credit", r"^\(?\s*with (?:inputs?|input) from [^()]{2,60}\)?\.?$"),
    rule(
        "related-block",
        r"^(?:related (?:topics|stories|articles|coverage|content|news|links)"
        r"|more on this (?:story|topic)|you may also like|recommended for you"
        r"|most read|trending now)\s*:?$",
        TO_END,
    ),
    rule(
        "read-more",
        r"^(?:read more|read also|also read|see also|related|watch|listen)\s*:\s+.+$"
        r"|^(?:read more|see more|show more|load more|continue reading)\.?$",
    ),
    rule(
        "copyright",
        r"^(?:©|\(c\) |copyright\s*(?:©|\(c\)|\d{4})).{0,200}$"
        r"|^.{0,120}\ball rights reserved\.?$",
    ),
)


def match(text: str, rules: Iterable[Rule]) -> Rule | None:
    """The first rule whose pattern matches ``text``."""
    for candidate in rules:
        if candidate.pattern.search(text):
            return candidate
    return None


def mark(units: Sequence[str], marks: list[str | None], rules: Sequence[Rule]) -> None:
    """Set ``marks[i]`` to the rule name for each unit the rules drop."""
    for index, text in enumerate(units):
        if marks[index] is not None:
            continue
        found = match(text, rules)
        if found is None:
            continue
        if found.extent == TO_END:
            for rest in range(index, len(units)):
                marks[rest] = marks[rest] or found.name
            return
        marks[index] = found.name
