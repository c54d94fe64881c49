"""The page a site prints around a story, and the URL it gives it."""

from __future__ import annotations

import datetime
import random
import re
import unicodedata

from tools.generate.cast import _Ent
from tools.generate.kits import (
    _AGENCY_CREDITS,
    _COPYRIGHTS,
    _DONATIONS,
    _MOSCOW_TIMES_MESSAGE,
    _NEWSLETTERS,
    _READ_MORE,
    _RELATED,
    _RELATED_TOPICS,
    _REUTERS_STANDARDS,
    _SHARE,
)
from tools.generate.publishers import Publisher
from tools.generate.templates import _choice, _randint
from tools.generate.vocabulary import (
    _FIRST_NAMES,
    _LAST_NAMES,
    _SECTIONS,
    MONTHS,
    WEEKDAYS,
)


def _slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.decode().casefold()).strip("-")
    if len(slug) > 70:
        slug = slug[:70].rsplit("-", 1)[0]
    return slug or "article"


def _dateline(style: str, when: datetime.datetime, offset: str) -> str:
    """A dateline as the site prints it, in the site's local time."""
    d, y, month = when.day, when.year, MONTHS[when.month - 1]
    mon, hm = month[:3], f"{when.hour:02d}:{when.minute:02d}"
    if style == "updated-cgtn":
        return f"Updated {hm}, {d:02d}-{mon}-{y}"
    if style == "published-on":
        return f"Published On {d} {mon} {y}"
    if style == "published-gmt":
        return f"Published {WEEKDAYS[when.weekday()]}, {month} {d}, {y} {hm} GMT"
    if style == "published-colon-gmt":
        weekday = WEEKDAYS[when.weekday()][:3]
        return (
            f"Published: {weekday} {d} {mon} {y} {when.hour:02d}.{when.minute:02d} GMT"
        )
    if style == "posted-est":
        hour = when.hour % 12 or 12
        noon = "a.m." if when.hour < 12 else "p.m."
        return f"Posted on {month} {d}, {y} at {hour}:{when.minute:02d} {noon} EST"
    if style == "bare-dmy":
        return f"{d} {month} {y}"
    if style == "bare-mdy":
        return f"{month} {d}, {y}"
    if style == "last-updated":
        return f"Last updated on {d} {month} {y}"
    if style == "numeric-dmy":
        return f"Published {d:02d}/{when.month:02d}/{y}"
    if style == "numeric-mdy":
        return f"Published {when.month:02d}/{d:02d}/{y}"
    if style == "iso":
        return f"Published {when:%Y-%m-%d}T{hm}:00{offset}"
    raise ValueError(f"unknown dateline style {style!r}")


def _page(
    rng: random.Random,
    titles: list[str],
    publisher: Publisher,
    when: datetime.datetime,
    day: datetime.date,
    title: str,
    slug: str,
    paragraphs: list[str],
    headings: list[str],
    captions: list[str],
    named: list[_Ent],
) -> tuple[str, str | None, tuple[tuple[str, ...], bool]]:
    """The page text around the story, and the URL and authors it gives.

    ``titles`` are recent headlines, for "Read more:" and "Keep reading".
    """
    kits = publisher.kits
    has = {k for k in kits if rng.random() < 0.7}
    outlet = publisher.name

    top = [title]
    if "mt-support" in kits:
        top.append(f"Support {outlet}!")
    if publisher.datelines and rng.random() < 0.8:
        top.append(_dateline(_choice(rng, publisher.datelines), when, publisher.offset))
    if publisher.line and rng.random() < 0.7:
        top.append(publisher.line)
    names: tuple[str, ...] = ()
    in_header = byline = False
    if rng.random() < 0.55:
        names = tuple(
            f"{_choice(rng, _FIRST_NAMES)} {_choice(rng, _LAST_NAMES)}"
            for _ in range(_choice(rng, (1, 1, 1, 2)))
        )
        in_header = rng.random() < 0.5
        byline = not in_header or rng.random() < 0.5
    if byline:
        top.append(f"By {' and '.join(names)}")
    if "share" in has:
        top.append(_choice(rng, _SHARE))
    blocks = ["\n".join(top)]

    # Sites print each caption twice: as the image's text and beneath it.
    pictures = [f"{c}\n\n{c}" for c in captions]
    if pictures and rng.random() < 0.5:
        blocks.append(pictures.pop())
    inserts: dict[int, list[str]] = {}
    after_first = range(1, len(paragraphs))
    for heading, where in zip(
        headings, rng.sample(range(2, len(paragraphs)), len(headings)), strict=False
    ):
        inserts.setdefault(where, []).append(heading)
    for picture in pictures:
        inserts.setdefault(_choice(rng, after_first), []).insert(0, picture)
    if "video" in has:
        stamp = f"{_randint(rng, 0, 3):02d}:{_randint(rng, 0, 59):02d}"
        inserts.setdefault(_choice(rng, after_first), []).insert(0, stamp)
    if "readmore" in has and titles:
        line = _choice(rng, _READ_MORE).format(title=_choice(rng, titles))
        inserts.setdefault(_choice(rng, after_first), []).insert(0, line)
    for index, paragraph in enumerate(paragraphs):
        blocks.extend(inserts.get(index, ()))
        blocks.append(paragraph)

    if "agency" in has:
        blocks.append(_choice(rng, _AGENCY_CREDITS))
    if "reuters-standards" in kits:
        blocks.append(_REUTERS_STANDARDS)
    if "copyright" in has:
        owner = "The Associated Press" if outlet == "Associated Press" else outlet
        blocks.append(_choice(rng, _COPYRIGHTS).format(year=day.year, outlet=owner))
    if "newsletter" in has:
        blocks.append("\n".join(_choice(rng, _NEWSLETTERS)))
    if "donation" in has:
        blocks.append("\n".join(_choice(rng, _DONATIONS)).format(outlet=outlet))
    # Blocks that run to the end of the page come last.
    if "mt-message" in kits:
        blocks.extend(_MOSCOW_TIMES_MESSAGE)
    elif "aj-keep-reading" in kits and titles:
        blocks.append("Keep reading")
        blocks.append("\n".join(rng.sample(titles, min(4, len(titles)))))
    elif "related" in has:
        topics = [e.name for e in named[:4]] + list(rng.sample(_RELATED_TOPICS, 2))
        blocks.append(_choice(rng, _RELATED) + "\n" + "\n".join(topics))

    url = None
    if rng.random() < 0.6:
        section = _choice(rng, _SECTIONS)
        if rng.random() < 0.5:
            url = f"https://{publisher.domain}/{section}/{day:%Y/%m/%d}/{slug}"
        else:
            url = f"https://{publisher.domain}/{section}/{slug}-{rng.randrange(10**7)}"
    # Subheads and captions in the order the page prints them.
    where = {block: index for index, block in enumerate(blocks)}
    headings.sort(key=where.__getitem__)
    captions.sort(key=lambda caption: where[f"{caption}\n\n{caption}"])
    return "\n\n".join(blocks) + "\n", url, (names, in_header)
