"""Plain text files: UTF-8 (with or without BOM), UTF-16, Latin-1 / cp1252, others detected."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from analysis.errors import UnsupportedFormatError
from analysis.parsing.raw import RawText

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> str:
    """Decode text bytes, trying BOMs, strict UTF-8, detection, then cp1252/Latin-1."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_utf16(data):
        return data.decode(
            "utf-16-le" if data[1::2].count(0) > data[::2].count(0) else "utf-16-be",
            errors="replace",
        )
    if b"\x00" in data[:4096]:
        raise UnsupportedFormatError(
            "this file is binary, not text: CVScope reads PDF, DOCX and plain text files"
        )
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding in {"cp1252", "latin_1", "iso8859_15", "mac_roman"}:
        return data.decode(best.encoding, errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even, zeros_odd = sample[::2].count(0), sample[1::2].count(0)
    return max(zeros_even, zeros_odd) > 0.3 * len(sample) / 2 and min(zeros_even, zeros_odd) < 4


def read_text(data: bytes) -> RawText:
    """Read a text file into lines."""
    text = decode_text(data)
    return RawText("txt", 1, text.splitlines())
