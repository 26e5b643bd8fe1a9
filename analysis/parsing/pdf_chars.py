"""Characters and their boxes from pdfium (fast path: two cheap C calls per character).

A glyph is `(x0, x1, y, size, text)`: horizontal extent from the loose (advance-width) box,
baseline `y` from the character's text matrix, `size` the loose box height in page units.
Spaces, tabs and pdfium's generated line breaks are dropped: spaces are inferred later from the
gaps between glyphs, which also repairs PDFs that draw no space glyphs at all.
"""

from __future__ import annotations

import ctypes
from typing import NamedTuple

import pypdfium2.raw as pdfium_c

from analysis.errors import TooLargeError
from analysis.parsing.limits import Deadline


class Glyph(NamedTuple):
    """One positioned piece of text (a character from a PDF, or a word from OCR)."""

    x0: float
    x1: float
    y: float
    size: float
    text: str


_DROP = frozenset(" \t\r\n\x00\xa0\u2002\u2003\u2009\u200a\u200b\u202f\u3000\ufeff\uffff")
# pdfium marks hyphens it takes for end-of-line hyphenation: keep them as soft hyphens
_REMAP = {"\x02": "\u00ad", "\x03": "\u00ad", "\ufffe": "\u00ad"}


class PageGlyphs(NamedTuple):
    """Glyphs of one page and how many real space glyphs were drawn."""

    glyphs: list[Glyph]
    duplicates: int  # kept for callers; over-printing is removed while building lines
    space_glyphs: int
    rotated: str = ""  # text drawn rotated (vertical banners), in stream order


def page_glyphs(textpage: object, deadline: Deadline, max_chars: int) -> PageGlyphs:
    """All visible glyphs of a pdfium text page (see the module docstring)."""
    raw_tp = textpage.raw  # type: ignore[attr-defined]
    count = pdfium_c.FPDFText_CountChars(raw_tp)
    if count <= 0:
        return PageGlyphs([], 0, 0)
    if count > max_chars:
        raise TooLargeError(
            f"a page holds {count} characters (limit {max_chars}): not a normal CV page"
        )
    text = textpage.get_text_range(0, count)  # type: ignore[attr-defined]
    if len(text) != count:  # astral characters take two UTF-16 units: go char by char
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw_tp, i) or 32) for i in range(count))
    rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    # FPDFText_GetCharOrigin costs ~10 us per call; the character's matrix (f = baseline)
    # gives the same baseline for ~0.6 us.
    get_box, get_matrix = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetMatrix
    byref_rect, byref_matrix = ctypes.byref(rect), ctypes.byref(matrix)
    glyphs: list[Glyph] = []
    append = glyphs.append
    spaces = 0
    last = last_rotated = -2
    rotated: list[str] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            if ch == " " and not pdfium_c.FPDFText_IsGenerated(raw_tp, i):
                spaces += 1
            continue
        if not i & 4095:
            deadline.check()
        if not get_box(raw_tp, i, byref_rect) or not get_matrix(raw_tp, i, byref_matrix):
            continue
        height = rect.top - rect.bottom
        if height <= 0:
            continue
        if abs(matrix.b) > 0.1 * abs(matrix.a) + 1e-6:  # rotated: not part of any line
            rotated.append(("" if i == last_rotated + 1 else " ") + ch)
            last_rotated = i
            continue
        glyph = Glyph(rect.left, rect.right, matrix.f, height, _REMAP.get(ch, ch))
        if (
            i == last + 1
            and glyphs
            and glyphs[-1].x0 == glyph.x0
            and glyphs[-1][:3] == glyph[:3]
            and _ligature(glyphs[-1], ch)
        ):
            # a ligature glyph (ﬃ) expanded by pdfium into several chars with one box
            glyphs[-1] = glyph._replace(text=glyphs[-1].text + glyph.text)
        else:
            append(glyph)
        last = i
    return PageGlyphs(glyphs, 0, spaces, "".join(rotated).strip())


def _ligature(previous: Glyph, ch: str) -> bool:
    """Whether `ch`, sharing the previous glyph's box, continues a ligature (ﬁ, ﬂ, ﬀ, ﬃ, ﬆ)
    rather than being an over-printed copy of it."""
    return previous.text[-1] != ch or ch == "f"
