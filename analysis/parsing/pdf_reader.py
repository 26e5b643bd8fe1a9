"""PDF reading: pdfium glyphs -> lines -> columns, running headers/footers removed, OCR hook."""

from __future__ import annotations

import ctypes
import re
import threading
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from analysis.errors import (
    CorruptError,
    EmptyError,
    EncryptedError,
    NoTextLayerError,
    TooLargeError,
)
from analysis.parsing.limits import Deadline, Limits
from analysis.parsing.messages import PAGE_NUMBER, make_warning
from analysis.parsing.pdf_bomb import check_pdf_content
from analysis.parsing.pdf_chars import Glyph, page_glyphs
from analysis.parsing.pdf_layout import block_text, build_lines, looks_like_table, reading_order
from analysis.parsing.raw import RawText

PDFIUM_LOCK = threading.RLock()
MARGIN = 0.08  # top/bottom share of the page where running headers and footers live

NO_TEXT_MESSAGE = (
    "this file has no text layer (it is a scan or an image): most ATS will read nothing from it. "
    "Export the CV from your word processor as a PDF with text (File > Save as PDF), or upload "
    "the DOCX{ocr_hint}"
)


@dataclass
class PageText:
    """Reading-order lines of one page, with their baselines, and page facts."""

    lines: list[tuple[str, float]]  # (text, baseline y); "" marks a paragraph break
    height: float
    glyphs: int
    images: int
    image_share: float
    multi_column: bool
    duplicates: int
    space_glyphs: int = -1  # -1: unknown (OCR)
    table: bool = False


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """Open PDF bytes with pdfium, mapping failures to `encrypted` / `corrupt`."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(exc):
            raise EncryptedError(
                "the PDF is password-protected: ATS cannot open it either; "
                "save it again without a password"
            ) from None
        raise CorruptError(f"the PDF cannot be opened ({exc}); it may be damaged") from None


def read_pdf(data: bytes, limits: Limits, deadline: Deadline, *, ocr: bool = False) -> RawText:
    """Read a PDF's text in reading order; raise `no_text_layer` for image-only files.

    pdfium is not thread-safe: every pdfium call runs under `PDFIUM_LOCK` (Streamlit serves
    sessions from threads); Tesseract runs outside it.
    """
    check_pdf_content(data, limits.max_pdf_content)
    header = data.find(b"%PDF-", 0, 1 << 16)
    if header > 0:  # junk before the header (a download wrapper, a BOM): pdfium wants it first
        data = data[header:]
    try:
        with PDFIUM_LOCK:
            pdf = open_pdf(data)
    except CorruptError as exc:
        return _fallback(data, limits, deadline, exc)
    try:
        with PDFIUM_LOCK:
            n = len(pdf)
            if n == 0:
                raise CorruptError("the PDF has no pages")
            if n > limits.max_pages:
                raise TooLargeError(f"the PDF has {n} pages (limit {limits.max_pages})")
            pages = [_read_page(pdf, i, limits, deadline) for i in range(n)]
            if sum(p.glyphs for p in pages) >= 20:
                return assemble_pages(pages)
            if not ocr:
                return _no_text(pdf, pages)
        from analysis.parsing.ocr import ocr_pdf_pages

        deadline.extend(limits.ocr_timeout_s)
        ocr_pages = ocr_pdf_pages(pdf, deadline, PDFIUM_LOCK)
        pages = [layout_page(g, h, images=0, share=0.0) for g, h in ocr_pages]
        raw = assemble_pages(pages)
        raw.warnings.insert(0, make_warning("ocr", f"{n} page(s)"))
        return raw
    finally:
        with PDFIUM_LOCK:
            pdf.close()


def _fallback(data: bytes, limits: Limits, deadline: Deadline, error: CorruptError) -> RawText:
    """pdfium refused the file: try pdfplumber's parser; keep pdfium's error if that fails."""
    from analysis.parsing.pdf_fallback import pdfplumber_pages

    try:
        read = pdfplumber_pages(data, limits, deadline)
    except CorruptError:
        raise error from None
    pages = [layout_page(glyphs, height, images, 0.0) for glyphs, height, images in read]
    if sum(p.glyphs for p in pages) < 20:
        raise error
    return assemble_pages(pages)


def _read_page(pdf: pdfium.PdfDocument, index: int, limits: Limits, deadline: Deadline) -> PageText:
    deadline.check()
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            glyphs, duplicates, spaces, rotated = page_glyphs(
                textpage, deadline, limits.max_chars_per_page
            )
        finally:
            textpage.close()
        images, share = _images(page)
        height = page.get_height()
    finally:
        page.close()
    page_text = layout_page(glyphs, height, images, share, duplicates, spaces)
    if rotated:  # vertical banners: read after the page, as ATS that keep them do
        page_text.lines.extend([("", 0.0), (rotated, height / 2)])
        page_text.glyphs += len(rotated)
    return page_text


def layout_page(
    glyphs: list[Glyph],
    height: float,
    images: int,
    share: float,
    duplicates: int = 0,
    spaces: int = -1,
) -> PageText:
    """Lines of one page in reading order, with the page facts used for warnings."""
    lines, dropped = build_lines(glyphs)
    duplicates += dropped
    blocks, split = reading_order(lines)
    table = looks_like_table(lines)
    out: list[tuple[str, float]] = []
    for block in blocks:
        texts = block_text(block)
        ys = iter(line.y for line in block)
        if out:
            out.append(("", 0.0))
        for text in texts:
            out.append((text, next(ys) if text else 0.0))
    return PageText(out, height, len(glyphs), images, share, split, duplicates, spaces, table)


def _images(page: pdfium.PdfPage) -> tuple[int, float]:
    """Number of image objects on the page and the page share covered by the largest one."""
    raw_page = page.raw
    area = max(page.get_width() * page.get_height(), 1.0)
    count, largest = 0, 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for i in range(pdfium_c.FPDFPage_CountObjects(raw_page)):
        obj = pdfium_c.FPDFPage_GetObject(raw_page, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            continue
        count += 1
        if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            largest = max(largest, (right.value - left.value) * (top.value - bottom.value) / area)
    return count, min(largest, 1.0)


def _no_text(pdf: pdfium.PdfDocument, pages: list[PageText]) -> RawText:
    if any(p.images for p in pages) or _has_paths(pdf):
        hint = (
            "; or run the command again with --ocr to read it with Tesseract"
            if _tesseract_available()
            else ""
        )
        raise NoTextLayerError(NO_TEXT_MESSAGE.format(ocr_hint=hint))
    raise EmptyError("the PDF contains no text")


def _has_paths(pdf: pdfium.PdfDocument) -> bool:
    page = pdf[0]
    try:
        return pdfium_c.FPDFPage_CountObjects(page.raw) > 50
    finally:
        page.close()


def _tesseract_available() -> bool:
    from analysis.parsing.ocr import tesseract_available

    return tesseract_available()


def assemble_pages(pages: list[PageText]) -> RawText:
    """Join pages, dropping page numbers and repeated running headers/footers; add warnings."""
    repeated = _running_lines(pages)
    lines: list[str] = []
    removed: list[str] = []
    kept_once: set[str] = set()
    for number, page in enumerate(pages):
        if number:
            lines.append("")
        for text, y in page.lines:
            if text and _in_margin(y, page.height):
                key = _key(text)
                if PAGE_NUMBER.match(text.strip()):
                    removed.append(text)
                    continue
                if key in repeated:
                    if key in kept_once:
                        removed.append(text)
                        continue
                    kept_once.add(key)
            lines.append(text)
    raw = RawText("pdf", len(pages), lines)
    if repeated:
        example = next(text for page in pages for text, _ in page.lines if _key(text) in repeated)
        raw.warnings.append(
            make_warning("header_footer_text", f"repeated on every page: '{example[:60]}'")
        )
    columns = [i + 1 for i, p in enumerate(pages) if p.multi_column]
    if columns:
        raw.warnings.append(make_warning("multi_column", f"page {', '.join(map(str, columns))}"))
    tables = [i + 1 for i, p in enumerate(pages) if p.table]
    if tables:
        raw.warnings.append(make_warning("tables", f"page {', '.join(map(str, tables))}"))
    images = sum(p.images for p in pages)
    if images:
        share = max(p.image_share for p in pages)
        raw.warnings.append(make_warning("images", f"{images}, largest {share:.0%} of a page"))
    glyphs = sum(p.glyphs for p in pages)
    if (
        glyphs > 50
        and all(p.space_glyphs >= 0 for p in pages)
        and (sum(p.space_glyphs for p in pages) < 0.03 * glyphs)
    ):
        raw.warnings.append(make_warning("glued_words"))
    duplicates = sum(p.duplicates for p in pages)
    if duplicates > 10:
        raw.warnings.append(make_warning("duplicated_text", f"{duplicates} characters"))
    return raw


def _in_margin(y: float, height: float) -> bool:
    return y > height * (1 - MARGIN) or y < height * MARGIN


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _running_lines(pages: list[PageText]) -> set[str]:
    """Margin lines (digits ignored) repeated on at least two pages and half of them; page
    numbers are not counted (they are always dropped, and losing them costs nothing)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update(
            {
                _key(t)
                for t, y in page.lines
                if t and _in_margin(y, page.height) and not PAGE_NUMBER.match(t.strip())
            }
        )
    need = max(2, (len(pages) + 1) // 2)
    return {key for key, c in counts.items() if c >= need}
