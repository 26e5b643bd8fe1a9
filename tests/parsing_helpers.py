"""Builders of small real PDF/DOCX files for the parsing tests (reportlab, python-docx)."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def make_pdf(path: Path, draw: Callable[[Canvas], None], pages: int = 1) -> Path:
    """Write a PDF whose pages are drawn by `draw` (called once per page)."""
    canvas = Canvas(str(path), invariant=1)
    for _ in range(pages):
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return path


def draw_lines(
    canvas: Canvas,
    lines: list[str],
    *,
    x: float = 60,
    y: float = 760,
    size: float = 10,
    font: str = "Helvetica",
) -> None:
    """Draw text lines top-down."""
    canvas.setFont(font, size)
    for line in lines:
        canvas.drawString(x, y, line)
        y -= size * 1.4


def draw_words_without_spaces(
    canvas: Canvas, line: str, x: float, y: float, size: float = 10, font: str = "Helvetica"
) -> None:
    """Draw each word as its own string at its position: no space glyph at all (XeTeX-like)."""
    canvas.setFont(font, size)
    for word in line.split(" "):
        canvas.drawString(x, y, word)
        x += pdfmetrics.stringWidth(word + " ", font, size)


def unicode_font() -> str:
    """Register DejaVu Sans (has the ﬁ/ﬂ ligature glyphs) and return its name."""
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    return "DejaVu"


def word_similarity(a: str, b: str) -> float:
    """difflib ratio over word lists."""
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def flate_bomb_pdf(path: Path, inflated_mb: int) -> Path:
    """A one-page PDF whose content stream inflates to `inflated_mb` MB of text operators."""
    import zlib

    op = b"BT /F1 9 Tf 72 700 Td (x) Tj ET\n"
    stream = zlib.compress(op * (inflated_mb * 1024 * 1024 // len(op)), 6)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(out)
    return path
