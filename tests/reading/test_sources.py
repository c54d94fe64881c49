"""Decoding raw article bytes: encodings, line endings, and what is refused."""

from __future__ import annotations

import codecs

import pytest

from newsarchive.reading.article import ArticleError
from newsarchive.reading.sources import decode, read_source

RUSSIAN = (
    "Россия направила миротворцев в Нагорный Карабах\n\n"
    "Москва, 10 ноября. Российские миротворцы направились в Нагорный Карабах после того, "
    "как Армения и Азербайджан подписали соглашение о прекращении огня.\n"
)
ENGLISH = (
    "Peacekeepers head to Karabakh\n\nThe deal was signed on Tuesday — “finally”.\n"
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ENGLISH.encode("utf-8"), ENGLISH),
        (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH),
        (ENGLISH.encode("utf-16"), ENGLISH),  # with its BOM, either byte order
        (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), ENGLISH),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (RUSSIAN.encode("utf-16"), RUSSIAN),
        (ENGLISH.replace("\n", "\r\n").encode("utf-8"), ENGLISH),
        (codecs.BOM_UTF8 + ENGLISH.replace("\n", "\r\n").encode("utf-8"), ENGLISH),
        (ENGLISH.replace("\n", "\r").encode("utf-8"), ENGLISH),
        ("Café au lait in Zürich\n".encode("cp1252"), "Café au lait in Zürich\n"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-le-bom",
        "utf16-be-bom",
        "cp1251",
        "utf16-russian",
        "crlf",
        "crlf-bom",
        "cr",
        "cp1252",
    ],
)
def test_decodes_to_the_same_text(data, expected):
    assert decode(data, "a.txt") == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty: the file holds no text"),
        (b"  \n\t\r\n  ", "empty: the file holds no text"),
        (codecs.BOM_UTF8 + b"\n\n", "empty: the file holds no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "a binary file, not text"),
        (b"%PDF-1.7\n\x00\x01\x02\x03", "a binary file, not text"),
        (bytes(range(256)) * 4, "a binary file, not text"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid utf-16 despite its BOM"),
    ],
)
def test_refusals_name_the_file_and_reason(data, reason):
    with pytest.raises(ArticleError) as raised:
        decode(data, "in/x.txt")
    assert str(raised.value).startswith(f"in/x.txt: {reason}")


def test_never_mojibake(tmp_path):
    # KOI8-R is easy to mistake for other encodings: whatever the detector
    # decides, the result is the right text or a refusal, never garbage.
    try:
        text = decode(RUSSIAN.encode("koi8-r"), "x.txt")
    except ArticleError as error:
        assert "unsure of its encoding" in str(error)
    else:
        assert text == RUSSIAN


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1_300_000)
    with pytest.raises(ArticleError) as raised:
        read_source(path)
    assert (
        str(raised.value)
        == f"{path}: too large: 6.2 MB, over the 2.0 MB limit for one article"
    )
    assert read_source(path, max_bytes=7 * 1024 * 1024).startswith("word word")
