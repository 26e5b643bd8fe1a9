"""Markdown rendering of a match report (what `cvscope match --markdown` prints)."""

from __future__ import annotations

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


def _cell(text: str | None) -> str:
    """A table cell: no pipes or newlines can break the table."""
    if not text:
        return "—"
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def to_markdown(report: MatchReport) -> str:
    """The report as Markdown: score, components, requirements, checks, recommendations."""
    lang = report_lang(report)
    out = [f"# {label(lang, 'title')}", ""]
    if report.cv is not None or report.offer is not None:
        cv = file_label(report.cv.source if report.cv is not None else None)
        offer = file_label(report.offer.source if report.offer is not None else None)
        out += [f"- {label(lang, 'cv')}{colon(lang)} {_cell(cv)} ({report.cv_language or '—'})",
                f"- {label(lang, 'offer')}{colon(lang)} {_cell(offer)} "
                f"({report.offer_language})", ""]
    out += [f"**{label(lang, 'score')}{colon(lang)} {report.score:.1f} / 100**", ""]
    if report.caps:
        caps = ", ".join(kind_label(lang, c) for c in report.caps)
        out += [f"> {label(lang, 'caps')}{colon(lang)} {caps}", ""]
    out += [f"## {label(lang, 'components')}", "",
            f"| {label(lang, 'component')} | {label(lang, 'value')} | {label(lang, 'weight')} |",
            "|---|---:|---:|"]
    for name in report.components:
        weight = report.weights.get(name)
        shown = percent(weight) if weight is not None else "—"
        out.append(f"| {component_label(lang, name)} | {component_value(report, name, lang)} "
                   f"| {shown} |")
    out += ["", f"## {label(lang, 'requirements')}", ""]
    if report.requirements:
        out += [f"| {label(lang, 'requirement')} | {label(lang, 'kind')} | "
                f"{label(lang, 'importance')} | {label(lang, 'status')} | {label(lang, 'how')} | "
                f"{label(lang, 'evidence')} |", "|---|---|---|---|---|---|"]
        for r in report.requirements:
            out.append(f"| {_cell(r.label)} | {kind_label(lang, r.kind)} | "
                       f"{label(lang, r.importance)} | {label(lang, r.status)} | "
                       f"{label(lang, r.how)} | {_cell(r.evidence)} |")
    else:
        out.append(label(lang, "none"))
    out += ["", f"## {label(lang, 'checks')}", "",
            f"| {label(lang, 'check')} | {label(lang, 'status')} | {label(lang, 'message')} |",
            "|---|---|---|"]
    for c in report.checks:
        out.append(f"| {check_label(lang, c.code)} | {label(lang, c.status)} | "
                   f"{_cell(c.message)} |")
    out += ["", f"## {label(lang, 'recommendations')}", ""]
    if report.recommendations:
        out += [f"{r.priority}. {' '.join(r.message.split())}" for r in report.recommendations]
    else:
        out.append(label(lang, "none"))
    out += ["", f"_{label(lang, 'privacy')} {label(lang, 'scoring')}{colon(lang)} "
                f"{report.scoring_version or '—'}._", ""]
    return "\n".join(out)
