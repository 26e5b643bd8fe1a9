"""DOCX rendering of a match report with python-docx (a file to download or hand over)."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.shared import Pt

from analysis.matching.types import MatchReport
from analysis.reporting.labels import (
    check_label,
    colon,
    component_label,
    component_value,
    file_label,
    kind_label,
    label,
    percent,
    report_lang,
)

# XML 1.0 forbids most control characters; python-docx raises on them.
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _t(text: object) -> str:
    return _XML_BAD.sub("", str(text)) if text is not None else "—"


def _table(document: object, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = _t(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = _t(text)


def to_docx(report: MatchReport) -> bytes:
    """The report as a DOCX document (bytes): score, components, requirements, checks, advice."""
    lang = report_lang(report)
    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(label(lang, "title"), level=0)
    if report.cv is not None and report.offer is not None:
        document.add_paragraph(
            f"{label(lang, 'cv')}{colon(lang)} {_t(file_label(report.cv.source))} · "
            f"{label(lang, 'offer')}{colon(lang)} {_t(file_label(report.offer.source))}")
    score = document.add_paragraph()
    run = score.add_run(f"{label(lang, 'score')}{colon(lang)} {report.score:.1f} / 100")
    run.bold = True
    run.font.size = Pt(20)
    if report.caps:
        document.add_paragraph(f"{label(lang, 'caps')}{colon(lang)} "
                               + ", ".join(kind_label(lang, c) for c in report.caps))
    document.add_heading(label(lang, "components"), level=1)
    _table(document, [label(lang, "component"), label(lang, "value"), label(lang, "weight")],
           [[component_label(lang, k), component_value(report, k, lang),
             percent(report.weights[k]) if k in report.weights else "—"]
            for k in report.components])
    document.add_heading(label(lang, "requirements"), level=1)
    if report.requirements:
        _table(document, [label(lang, k) for k in ("requirement", "kind", "importance",
                                                     "status", "how", "evidence")],
               [[r.label, kind_label(lang, r.kind), label(lang, r.importance),
                 label(lang, r.status), label(lang, r.how), r.evidence or "—"]
                for r in report.requirements])
    else:
        document.add_paragraph(label(lang, "none"))
    document.add_heading(label(lang, "checks"), level=1)
    _table(document, [label(lang, "check"), label(lang, "status"), label(lang, "message")],
           [[check_label(lang, c.code), label(lang, c.status), c.message]
            for c in report.checks])
    document.add_heading(label(lang, "recommendations"), level=1)
    for rec in report.recommendations:
        document.add_paragraph(_t(rec.message), style="List Number")
    if not report.recommendations:
        document.add_paragraph(label(lang, "none"))
    document.add_paragraph(label(lang, "privacy"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
