"""Reading CVs and offers (PDF, DOCX, TXT, pasted text) into `ParsedDocument`s."""

from __future__ import annotations

from analysis.parsing.document import Contact, DocWarning, ParsedDocument, Section
from analysis.parsing.language import detect_language
from analysis.parsing.limits import Limits
from analysis.parsing.messages import WARNING_CODES
from analysis.parsing.reader import parse_document, parse_text

__all__ = [
    "Contact",
    "DocWarning",
    "Limits",
    "ParsedDocument",
    "Section",
    "WARNING_CODES",
    "detect_language",
    "parse_document",
    "parse_text",
]
