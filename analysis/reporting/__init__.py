"""Reports of a match: Markdown (CLI), self-contained HTML and DOCX (app downloads)."""

from __future__ import annotations

from analysis.reporting.docx_report import to_docx
from analysis.reporting.html import to_html
from analysis.reporting.markdown import to_markdown

__all__ = ["to_docx", "to_html", "to_markdown"]
