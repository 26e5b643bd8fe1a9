"""Compression-bomb guard for PDFs: pdfium parses a page's whole content stream in one call
that no deadline can interrupt, so page content that inflates beyond a budget is refused first.

Every Flate stream that is not an image or an embedded font (page content, forms, object
streams, CMaps) is inflated incrementally, stopping as soon as the budget is spent.
"""

from __future__ import annotations

import re
import zlib

from analysis.errors import TooLargeError

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_NOT_CONTENT = re.compile(rb"/Subtype\s*/Image|/Length[123]\s|/FontFile|/Type\s*/XRef")
_CHUNK = 1 << 20


def check_pdf_content(data: bytes, budget: int) -> None:
    """Raise `TooLargeError` when the PDF's page content inflates to more than `budget` bytes."""
    total = 0
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - 300) : match.start()]
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        if b"Fl" not in head or _NOT_CONTENT.search(head):
            continue  # not Flate-compressed, or an image / font program / xref stream
        inflater = zlib.decompressobj()
        position = match.end()
        try:
            while position < len(data) and not inflater.eof:
                total += len(inflater.decompress(data[position : position + 65536], _CHUNK))
                while inflater.unconsumed_tail and total <= budget:
                    total += len(inflater.decompress(inflater.unconsumed_tail, _CHUNK))
                if total > budget:
                    break
                position += 65536
        except zlib.error:
            continue  # damaged or not really Flate: pdfium decides
        if total > budget:
            raise TooLargeError(
                f"the PDF's page content inflates to more than {budget // 1_000_000} MB "
                "(a compression bomb or a damaged file)"
            )
