"""Optional OCR of image-only pages with Tesseract (pytesseract), into positioned words."""

from __future__ import annotations

import functools
import os
import shutil
from contextlib import AbstractContextManager

import pypdfium2 as pdfium

from analysis.errors import NoTextLayerError, TooLargeError
from analysis.parsing.limits import Deadline
from analysis.parsing.pdf_chars import Glyph

DPI = 300
_BULLET_MISREADS = frozenset("•+¢©«*°®eo")  # what Tesseract makes of a bullet glyph
# Tesseract's OpenMP threads make it 4-5x slower on a shared 2-core machine.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@functools.lru_cache(maxsize=1)
def tesseract_available() -> bool:
    """Whether pytesseract and the tesseract binary are installed."""
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return shutil.which("tesseract") is not None


@functools.lru_cache(maxsize=1)
def _languages() -> str:
    import pytesseract

    have = set(pytesseract.get_languages(config=""))
    wanted = [lang for lang in ("fra", "eng") if lang in have]
    return "+".join(wanted) or "eng"


def ocr_image(image: object, page_height: float, scale: float, deadline: Deadline) -> list[Glyph]:
    """OCR a PIL image into word glyphs in page units (points), one baseline per OCR line."""
    import pytesseract

    timeout = max(1, int(deadline.remaining()))
    try:
        data = pytesseract.image_to_data(
            image, lang=_languages(), output_type=pytesseract.Output.DICT, timeout=timeout
        )
    except RuntimeError as exc:  # pytesseract raises RuntimeError on timeout
        raise TooLargeError(f"OCR did not finish within the time limit ({exc})") from None
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip() and float(data["conf"][i]) >= 0:
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            lines.setdefault(key, []).append(i)
    glyphs: list[Glyph] = []
    for indices in lines.values():
        if len(indices) > 1 and data["text"][indices[0]].strip() in _BULLET_MISREADS:
            data["text"][indices[0]] = "•"
        bottom = max(data["top"][i] + data["height"][i] for i in indices)
        size = max(data["height"][i] for i in indices) / scale
        y = page_height - bottom / scale
        for i in indices:
            x0 = data["left"][i] / scale
            glyphs.append(Glyph(x0, x0 + data["width"][i] / scale, y, size * 1.17, data["text"][i]))
    return glyphs


def ocr_pdf_pages(
    pdf: pdfium.PdfDocument, deadline: Deadline, lock: AbstractContextManager[object]
) -> list[tuple[list[Glyph], float]]:
    """Render and OCR every page of an image-only PDF: (word glyphs, page height) per page."""
    if not tesseract_available():
        raise NoTextLayerError(
            "this file has no text layer and OCR is not available: install Tesseract "
            "(Debian: apt-get install tesseract-ocr tesseract-ocr-fra) and pytesseract"
        )
    scale = DPI / 72
    out: list[tuple[list[Glyph], float]] = []
    for index in range(len(pdf)):
        deadline.check()
        with lock:  # pdfium calls only; Tesseract runs outside the lock
            page = pdf[index]
            try:
                height = page.get_height()
                bitmap = page.render(scale=scale, grayscale=True)
                image = bitmap.to_pil().copy()
                bitmap.close()
            finally:
                page.close()
        out.append((ocr_image(image, height, scale, deadline), height))
    return out
