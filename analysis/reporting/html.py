"""Self-contained HTML rendering of a match report (every piece of user text is escaped)."""

from __future__ import annotations

from html import escape

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

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:1000px;
margin:2em auto;padding:0 1em;color:#1f2328;line-height:1.45}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
.score{font-size:2.6em;font-weight:700}.meta{color:#57606a}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border:1px solid #d0d7de;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f6f8fa}.bar{background:#eaeef2;height:.7em;border-radius:.35em;min-width:6em}
.bar span{display:block;height:100%;border-radius:.35em;background:#2da44e}
.matched,.pass{color:#1a7f37;font-weight:600}.partial,.warn{color:#9a6700;font-weight:600}
.missing,.fail{color:#cf222e;font-weight:600}.cap{background:#fff8c5;padding:.5em}
@media print{body{margin:0}}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _row(cells: list[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"


def to_html(report: MatchReport) -> str:
    """The report as one self-contained HTML page (inline CSS, no external resources)."""
    lang = report_lang(report)
    L = lambda key: _e(label(lang, key))  # noqa: E731
    parts = [f"<!DOCTYPE html><html lang=\"{_e(lang)}\"><head><meta charset=\"utf-8\">",
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
             f"<title>{L('title')}</title><style>{_CSS}</style></head><body>",
             f"<h1>{L('title')}</h1>"]
    cv = file_label(report.cv.source if report.cv is not None else None)
    offer = file_label(report.offer.source if report.offer is not None else None)
    sep = colon(lang)
    parts.append(f"<p class=\"meta\">{L('cv')}{sep} {_e(cv)} "
                 f"({_e(report.cv_language or '—')}) · "
                 f"{L('offer')}{sep} {_e(offer)} ({_e(report.offer_language)})</p>")
    parts.append(f"<p>{L('score')}</p><p class=\"score\" id=\"score\">"
                 f"{report.score:.1f} / 100</p>")
    if report.caps:
        caps = ", ".join(kind_label(lang, c) for c in report.caps)
        parts.append(f"<p class=\"cap\">{L('caps')}{colon(lang)} {_e(caps)}</p>")
    parts += [f"<h2>{L('components')}</h2><table>",
              _row([L("component"), L("value"), "", L("weight")], "th")]
    for name, value in report.components.items():
        weight = report.weights.get(name)
        bar = f"<div class=\"bar\"><span style=\"width:{round(100 * value)}%\"></span></div>"
        parts.append(_row([_e(component_label(lang, name)),
                           _e(component_value(report, name, lang)), bar,
                           _e(percent(weight)) if weight is not None else "—"]))
    parts += ["</table>", f"<h2>{L('requirements')}</h2>"]
    if report.requirements:
        parts += ["<table>", _row([L(k) for k in ("requirement", "kind", "importance",
                                                    "status", "how", "evidence")], "th")]
        for r in report.requirements:
            parts.append(_row([
                _e(r.label), _e(kind_label(lang, r.kind)), _e(label(lang, r.importance)),
                f"<span class=\"{_e(r.status)}\">{_e(label(lang, r.status))}</span>",
                _e(label(lang, r.how)), _e(r.evidence or "—")]))
        parts.append("</table>")
    else:
        parts.append(f"<p>{L('none')}</p>")
    parts += [f"<h2>{L('checks')}</h2><table>",
              _row([L("check"), L("status"), L("message")], "th")]
    for c in report.checks:
        parts.append(_row([_e(check_label(lang, c.code)),
                           f"<span class=\"{_e(c.status)}\">{_e(label(lang, c.status))}</span>",
                           _e(c.message)]))
    parts += ["</table>", f"<h2>{L('recommendations')}</h2>"]
    if report.recommendations:
        parts.append("<ol>" + "".join(f"<li>{_e(r.message)}</li>"
                                      for r in report.recommendations) + "</ol>")
    else:
        parts.append(f"<p>{L('none')}</p>")
    parts.append(f"<p class=\"meta\">{L('privacy')} {L('scoring')}{colon(lang)} "
                 f"{_e(report.scoring_version or '—')}</p></body></html>")
    return "\n".join(parts)
