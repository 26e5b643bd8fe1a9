"""Warning codes raised while reading a document, and their user-facing messages."""

from __future__ import annotations

import re

from analysis.parsing.document import DocWarning

PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*\d{1,3}\s*(?:(?:/|sur|of|de|von)\s*\d{1,3})?\s*[-–—]?$",
    re.IGNORECASE,
)
"""A line that is only a page number ("3", "Page 2/3", "- 4 -", "1 sur 2")."""

WARNING_CODES: dict[str, str] = {
    "multi_column": (
        "The layout has several columns{detail}. Many ATS read lines straight across the page "
        "and mix the columns; a one-column layout is safer."
    ),
    "tables": (
        "Part of the content sits in tables{detail}. Some ATS skip table cells or read them out "
        "of order; plain paragraphs are safer."
    ),
    "header_footer_text": (
        "Text sits in the page header or footer{detail}. Many ATS ignore headers and footers: "
        "put your name and contact details in the body of the page."
    ),
    "text_box": (
        "Text found only in text boxes{detail}. Many ATS ignore text boxes: move this text into "
        "the body of the document."
    ),
    "images": (
        "The document contains images{detail}. ATS cannot read text inside pictures, icons or "
        "charts (skill bars, logos): write that information as text."
    ),
    "long_document": (
        "The document is long{detail}. Recruiters skim: a CV of 1-2 pages is the norm."
    ),
    "ocr": (
        "This file has no text layer; its text was recognised by OCR{detail} and may contain "
        "errors. Most ATS do not run OCR: send a PDF exported with text, or the DOCX."
    ),
    "encoding_repaired": (
        "Garbled characters (mojibake such as 'Ã©' for 'é') were repaired{detail}. An ATS may "
        "read the broken characters: re-export the file as UTF-8 / PDF from your editor."
    ),
    "glued_words": (
        "This PDF draws no space characters between words{detail}; spaces were rebuilt from "
        "character positions. Some ATS will read run-together words."
    ),
    "duplicated_text": (
        "Some text is drawn several times on top of itself{detail} (a bold effect of some "
        "LaTeX templates); ATS may read repeated words."
    ),
}


def make_warning(code: str, detail: str = "") -> DocWarning:
    """Build a `DocWarning` from a code of `WARNING_CODES`, with optional detail text."""
    text = WARNING_CODES[code].format(detail=f" ({detail})" if detail else "")
    return DocWarning(code=code, message=text)
