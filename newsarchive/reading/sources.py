"""Turning the bytes of a raw article file into text, or saying why not.

Articles arrive in whatever encoding the copying hand's machine used. UTF-8
(with or without a BOM) and UTF-16 with a BOM are read as such; anything else
is detected with charset-normalizer, and refused when the detection is not
confident enough to rule out mojibake. A web page's HTML source saved as
text is refused with advice, whichever way it arrives (import, build, inspect).
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

from charset_normalizer import from_bytes

from newsarchive.reading.article import ArticleError

# Files larger than this are not news articles (a 900-word story is ~6 KB).
MAX_BYTES = 2 * 1024 * 1024
# Share of garbled characters (charset-normalizer's "chaos") above which a
# detected encoding is a guess we will not publish.
MAX_CHAOS = 0.1
# Single-byte encodings that news text copied on Windows, Mac or old Unix
# machines comes in. A detector's favourite with no recognisable language
# (KOI8-R read as Shift-JIS, say) loses to one of these that has one.
# How messy a legacy-encoded page may look, and how surely it must read as a
# language, when the detector's first pass found nothing.
LEGACY_MAX_CHAOS = 0.5
LEGACY_MIN_COHERENCE = 0.5
LEGACY_ENCODINGS = (
    "cp1251",
    "koi8_r",
    "koi8_u",
    "mac_cyrillic",
    "cp1252",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
)
# Control characters other than tab, newlines and form feed mean binary data.
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\x0b"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

HTML_SOURCE = (
    "this is a web page's HTML source, not its text: open the page in a "
    "browser, select the article's text and copy it"
)
SYMBOLIC_LINK = "a symbolic link; copy the file itself to import it"
CHANGED = "it changed while it was being read: import it again"
# What may precede a page's ``<!DOCTYPE html`` or ``<html``: an XML
# declaration (XHTML) and comments (added by some browsers when saving).
_PROLOGUE = re.compile(r"\s*(?:<\?xml[^<>]*>|<!--[^<>]*-->)?", re.IGNORECASE)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
# Elements a page's source is made of. A known name is required so that
# "x<y and z>w" in prose is not a tag.
_ELEMENTS = (
    "a|abbr|article|aside|b|base|blockquote|body|br|button|code|dd|div|dl|dt|em|"
    "figcaption|figure|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|"
    "label|li|link|main|meta|nav|noscript|ol|option|p|path|picture|pre|script|"
    "section|select|small|source|span|strong|style|sup|svg|table|tbody|td|"
    "template|textarea|th|thead|time|title|tr|u|ul|video"
)
# Every pattern stops at the next "<", so that no text takes more than
# linear time, however many unclosed tags it holds.
_TAG = re.compile(rf"</?(?:{_ELEMENTS})(?=[\s/>])[^<>]*>|<!--[^<>]*-->", re.IGNORECASE)
_CODE_START = re.compile(r"<(script|style)(?=[\s>])[^<>]*>", re.IGNORECASE)
_CODE_END = {
    name: re.compile(rf"</{name}[^<>]*>", re.IGNORECASE) for name in ("script", "style")
}
# Tags a text must hold before it can be a page's source: an article that
# quotes "<b>bold</b>" once is never one.
_MIN_TAGS = 3


def _controls(text: str) -> int:
    return sum(1 for c in text if c < " " and c not in _TEXT_CONTROLS)


def _looks_binary(text: str) -> bool:
    return "\x00" in text or _controls(text) > max(1, len(text) // 1000)


def _drop_controls(text: str) -> str:
    # A stray control character in copied text is invisible garbage; keeping
    # it would make the stored file look binary next time it is read.
    if not _controls(text):
        return text
    return "".join(c for c in text if c >= " " or c in _TEXT_CONTROLS)


def is_html_source(text: str) -> bool:
    """Whether ``text`` is a web page's HTML source rather than its text.

    It is when it declares itself HTML (``<!DOCTYPE html``, ``<html``), or
    when most of its lines are markup: lines that start with a tag (``<div``,
    ``</p>``, ``<meta``, ``<a href``, a script block) or are more tag than
    text. An article that quotes a tag or two in its prose is not.
    """
    if "<" not in text:
        return False
    if _declares_html(text):
        return True
    lines = [line.strip() for line in _without_code(text).split("\n") if line.strip()]
    tags = markup = 0
    for line in lines:
        found = _TAG.findall(line)
        if not found:
            continue
        tags += len(found)
        if _TAG.match(line) or 2 * sum(map(len, found)) >= len(line):
            markup += 1
    return tags >= _MIN_TAGS and 2 * markup > len(lines)


def _declares_html(text: str) -> bool:
    position = 0
    while True:
        prologue = _PROLOGUE.match(text, position)
        if prologue.end() == position:
            break
        position = prologue.end()
    return _HTML_START.match(text, position) is not None


def _without_code(text: str) -> str:
    """``text`` with each script or style block one line of markup: it is
    markup however many lines of code it holds."""
    kept, position = [], 0
    while start := _CODE_START.search(text, position):
        end = _CODE_END[start[1].lower()].search(text, start.end())
        if end is None:
            break
        kept += [text[position : start.start()], "<script></script>"]
        position = end.end()
    kept.append(text[position:])
    return "".join(kept)


def not_a_file(mode: int) -> str:
    """Why something that is not a regular file is not read, by its kind."""
    if stat.S_ISLNK(mode):
        return SYMBOLIC_LINK
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "not a regular file"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, path: str = "<bytes>") -> str:
    """The text of ``data`` with LF newlines and no BOM, or ArticleError."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            reason = f"not valid {encoding} despite its BOM: {error}"
            raise ArticleError(path, reason) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data, path)
    text = normalise_newlines(text)
    if _looks_binary(text):
        raise ArticleError(path, "a binary file, not text")
    text = _drop_controls(text)
    if not text.strip():
        raise ArticleError(path, "empty: the file holds no text")
    if is_html_source(text):
        raise ArticleError(path, HTML_SOURCE)
    return text


def _detect(data: bytes, path: str) -> str:
    if b"\x00" in data:
        raise ArticleError(path, "a binary file, not text")
    best = from_bytes(data).best()
    if best is None or not best.coherence:
        legacy = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
        if legacy is not None and legacy.coherence:
            best = legacy
    if best is None:
        # A page of short lines (menus, times, counters) looks messier to the
        # detector than prose does: a legacy encoding in which the text reads
        # as a language is taken with more of such mess.
        legacy = from_bytes(
            data, cp_isolation=list(LEGACY_ENCODINGS), threshold=LEGACY_MAX_CHAOS
        ).best()
        if legacy is not None and legacy.coherence >= LEGACY_MIN_COHERENCE:
            return str(legacy)
        raise ArticleError(path, "a binary file or an unknown encoding")
    if best.chaos > MAX_CHAOS:
        raise ArticleError(
            path,
            f"unsure of its encoding (best guess {best.encoding} leaves "
            f"{best.chaos:.0%} garbled): save it as UTF-8 and import it again",
        )
    return str(best)


def _too_large(path: Path, size: int, max_bytes: int) -> ArticleError:
    return ArticleError(
        str(path),
        f"too large: {size / 1_048_576:.1f} MB, over the "
        f"{max_bytes / 1_048_576:.1f} MB limit for one article",
    )


def read_source(
    path: str | Path,
    max_bytes: int = MAX_BYTES,
    *,
    checked: os.stat_result | None = None,
) -> str:
    """Read a raw article file as text, refusing oversized or binary files,
    HTML sources, and anything that is not a regular file (a FIFO, a device).

    ``checked`` is the ``lstat`` of ``path`` taken when it was found: the
    file is then opened without following a symbolic link, and refused
    unless it is still the very file that was checked.
    """
    path = Path(path)
    if checked is None:
        # Refused before it is opened: opening a FIFO waits for a writer.
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise ArticleError(str(path), not_a_file(mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    if checked is not None:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError as error:
        if checked is not None and error.errno in (errno.ELOOP, errno.EMLINK):
            raise ArticleError(str(path), SYMBOLIC_LINK) from None
        raise
    with os.fdopen(handle, "rb") as source:
        opened = os.fstat(source.fileno())
        if not stat.S_ISREG(opened.st_mode):
            raise ArticleError(str(path), not_a_file(opened.st_mode))
        if checked is not None and not os.path.samestat(opened, checked):
            raise ArticleError(str(path), CHANGED)
        if opened.st_size > max_bytes:
            raise _too_large(path, opened.st_size, max_bytes)
        data = source.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew after it was measured
        raise _too_large(path, len(data), max_bytes)
    return decode(data, str(path))
