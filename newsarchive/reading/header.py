"""The optional ``Key: value`` header above a raw article."""

from __future__ import annotations

import re

# Key (as written, case-insensitively) -> metadata name.
HEADER_KEYS = {
    "title": "title",
    "date": "date",
    "source": "source",
    "url": "url",
    "authors": "authors",
    "author": "authors",
    "reading": "reading",
}
# ``Reading: accepted``: the maintainer has looked at how the article is read
# (``invoke inspect``) and takes it as it is, though the reader was unsure.
ACCEPTED = "accepted"

_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z_ -]{0,30}):[ \t]*(?P<value>.*)$")


class HeaderError(ValueError):
    pass


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split ``text`` into its header fields and the article below them.

    A header is present only when the first line is ``Key: value`` with a key
    we know, so an article that happens to open with "Updated: ..." is not
    mistaken for one. Inside a header, an unknown key is an error: it is
    almost always a typo that would otherwise silently lose a field.
    """
    lines = text.split("\n")
    first = _HEADER_LINE.match(lines[0].strip()) if lines else None
    if first is None or first["key"].strip().casefold() not in HEADER_KEYS:
        return {}, text

    fields: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            return fields, "\n".join(lines[number:])
        found = _HEADER_LINE.match(line.strip())
        if found is None:
            raise HeaderError(
                f"header line {number} is not 'Key: value': {line.strip()!r} "
                "(end the header with a blank line)"
            )
        key = found["key"].strip().casefold()
        if key not in HEADER_KEYS:
            known = ", ".join(k.title() for k in HEADER_KEYS if k != "author")
            raise HeaderError(
                f"header line {number} has unknown key {found['key']!r} "
                f"(known keys: {known})"
            )
        name = HEADER_KEYS[key]
        if name in fields:
            raise HeaderError(f"header line {number} repeats {found['key']!r}")
        fields[name] = found["value"].strip()
    return fields, ""


def split_authors(value: str) -> tuple[str, ...]:
    """``"A, B and C"`` or ``"Smith, J.; Doe, K."`` as a tuple of names."""
    separator = ";" if ";" in value else ","
    names = []
    for part in value.split(separator):
        names.extend(re.split(r"\s+(?:and|&)\s+", part.strip()))
    return tuple(name.strip() for name in names if name.strip())
