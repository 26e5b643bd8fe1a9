"""Reading limits (size, pages, zip expansion, time) and the cooperative per-document deadline.

The time limit is enforced by a `Deadline` checked between pages and inside every long loop
(characters of a page, elements of a DOCX body, OCR pages). It needs no thread or process, so it
works the same in the CLI, in Streamlit script threads and in batch worker processes. A single
call into pdfium cannot be interrupted, so each page is also bounded by `max_chars_per_page`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from analysis.errors import TooLargeError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a document may cost to read; exceeding any of them raises `TooLargeError`."""

    max_bytes: int = 10 * MB
    max_pages: int = 30
    max_docx_uncompressed: int = 60 * MB
    max_docx_ratio: float = 120.0  # uncompressed / compressed, per zip entry (zip bombs)
    max_pdf_content: int = 40 * MB  # inflated page content of a PDF (compression bombs)
    max_chars_per_page: int = 60_000
    max_text_chars: int = 1_000_000
    timeout_s: float = 20.0  # per document, without OCR
    ocr_timeout_s: float = 180.0  # per document, when OCR runs


class Deadline:
    """A monotonic deadline; `check()` raises `TooLargeError` once it has passed."""

    __slots__ = ("seconds", "_end")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left (never negative)."""
        return max(0.0, self._end - time.monotonic())

    def check(self) -> None:
        """Raise `TooLargeError` if the time budget is spent."""
        if time.monotonic() > self._end:
            raise TooLargeError(
                f"reading took longer than the {self.seconds:g} s limit for one document; "
                "the file is probably damaged or unusually complex"
            )

    def extend(self, seconds: float) -> None:
        """Give the document more time (used when OCR starts)."""
        self.seconds += seconds
        self._end += seconds
