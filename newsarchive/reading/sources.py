"""Turning the bytes of a raw article file into text, or saying why not.

Articles arrive in whatever encoding the copying hand's machine used. UTF-8
(with or without a BOM) and UTF-16 with a BOM are read as such; anything else
is detected with charset-normalizer, and refused when the detection is not
confident enough to rule out mojibake.
"""

from __future__ import annotations

import codecs
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
        raise ArticleError(path, "a binary file or an unknown encoding")
    if best.chaos > MAX_CHAOS:
        raise ArticleError(
            path,
            f"unsure of its encoding (best guess {best.encoding} leaves "
            f"{best.chaos:.0%} garbled): save it as UTF-8 and import it again",
        )
    return str(best)


def read_source(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a raw article file as text, refusing oversized or binary files."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise ArticleError(
            str(path),
            f"too large: {size / 1_048_576:.1f} MB, over the "
            f"{max_bytes / 1_048_576:.1f} MB limit for one article",
        )
    return decode(path.read_bytes(), str(path))
