"""Second chance for PDFs pdfium refuses: pdfplumber (pdfminer, a different parser) gives the
characters, and the same layout code reads them. Only runs when pdfium cannot open the file,
so its ~5x higher cost per page is paid where it earns it."""

from __future__ import annotations

import io
import logging
import warnings

from analysis.errors import CorruptError, TooLargeError
from analysis.parsing.limits import Deadline, Limits
from analysis.parsing.pdf_chars import Glyph

LOOSE_TO_FONT = 1.17  # same convention as pdfium loose boxes


def pdfplumber_pages(
    data: bytes, limits: Limits, deadline: Deadline
) -> list[tuple[list[Glyph], float, int]]:
    """(glyphs, page height, image count) per page, read with pdfplumber; `CorruptError` if it
    cannot read the file either."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[tuple[list[Glyph], float, int]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                if len(pdf.pages) > limits.max_pages:
                    raise TooLargeError(
                        f"the PDF has {len(pdf.pages)} pages (limit {limits.max_pages})"
                    )
                for page in pdf.pages:
                    deadline.check()
                    chars = page.chars
                    if len(chars) > limits.max_chars_per_page:
                        raise TooLargeError("a page holds too many characters")
                    glyphs = [
                        Glyph(
                            c["x0"],
                            c["x1"],
                            c["matrix"][5] if c.get("matrix") else c["y0"],
                            c["size"] * LOOSE_TO_FONT,
                            c["text"],
                        )
                        for c in chars
                        if c["text"].strip() and c.get("upright", True)
                    ]
                    pages.append((glyphs, float(page.height), len(page.images)))
    except (TooLargeError, CorruptError):
        raise
    except Exception as exc:  # pdfminer raises many exception types on damaged files
        raise CorruptError(f"the PDF cannot be read ({type(exc).__name__})") from None
    return pages
