"""Characters and their boxes from pdfium (fast path), with overprint de-duplication.

A glyph is `(x0, x1, y, size, text)`: horizontal extent from the loose (advance-width) box,
baseline `y` from the text origin, `size` the loose box height in page units. Spaces, tabs and
pdfium's generated line breaks are dropped: spaces are inferred later from the gaps between
glyphs, which also repairs PDFs that draw no space glyphs at all.
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


_DROP = frozenset(" \t\r\n\x00\xa0\u2002\u2003\u2009\u200a\u200b\u202f\u3000\ufeff\ufffe\uffff")
_REMAP = {"\x02": "-", "\x03": "-"}  # pdfium's markers for hyphens it thinks are line-end ones


class PageGlyphs(NamedTuple):
    """Glyphs of one page, over-printed copies removed, and whether real spaces were drawn."""

    glyphs: list[Glyph]
    duplicates: int
    has_space_glyphs: bool


def page_glyphs(textpage: object, deadline: Deadline, max_chars: int) -> PageGlyphs:
    """All visible glyphs of a pdfium text page (see the module docstring)."""
    raw_tp = textpage.raw  # type: ignore[attr-defined]
    count = pdfium_c.FPDFText_CountChars(raw_tp)
    if count <= 0:
        return PageGlyphs([], 0, False)
    if count > max_chars:
        raise TooLargeError(
            f"a page holds {count} characters (limit {max_chars}): not a normal CV page"
        )
    text = textpage.get_text_range(0, count)  # type: ignore[attr-defined]
    if len(text) != count:  # astral characters take two UTF-16 units: go char by char
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw_tp, i) or 32) for i in range(count))
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    get_box, get_origin = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetCharOrigin
    byref_rect, byref_x, byref_y = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    glyphs: list[Glyph] = []
    append = glyphs.append
    spaces = False
    for i, ch in enumerate(text):
        if ch in _DROP:
            if ch == " " and not spaces:
                spaces = not pdfium_c.FPDFText_IsGenerated(raw_tp, i)
            continue
        if not i & 4095:
            deadline.check()
        if not get_box(raw_tp, i, byref_rect) or not get_origin(raw_tp, i, byref_x, byref_y):
            continue
        height = rect.top - rect.bottom
        if height <= 0:
            continue
        append(Glyph(rect.left, rect.right, oy.value, height, _REMAP.get(ch, ch)))
    kept, removed = dedupe(glyphs)
    return PageGlyphs(kept, removed, spaces)


def dedupe(glyphs: list[Glyph]) -> tuple[list[Glyph], int]:
    """Drop glyphs drawn again at (almost) the same place: O(n) with four shifted hash grids."""
    seen: dict[tuple[str, int, int, int], Glyph] = {}
    kept: list[Glyph] = []
    removed = 0
    for g in glyphs:
        tol_x = min(1.0, 0.5 * (g.x1 - g.x0))
        duplicate = False
        keys = []
        for shift in (0, 1, 2, 3):
            sx, sy = shift & 1, shift >> 1
            key = (g.text, shift, int((g.x0 + sx) // 2), int((g.y + sy) // 2))
            other = seen.get(key)
            if other is not None and abs(other.x0 - g.x0) < tol_x and abs(other.y - g.y) < 1.0:
                duplicate = True
                break
            keys.append(key)
        if duplicate:
            removed += 1
            continue
        for key in keys:
            seen[key] = g
        kept.append(g)
    return kept, removed
