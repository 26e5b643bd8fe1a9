"""`cvscope match CV OFFER`: the explained match score, as text, JSON, Markdown, HTML or DOCX."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from analysis.cli.base import app, fail, guarded, print_json, stderr, stdout

_STATUS_STYLE = {"matched": "green", "pass": "green", "partial": "yellow", "warn": "yellow",
                 "missing": "red", "fail": "red"}


def _read(arg: str, role: str, stdin_bytes: bytes | None, ocr: bool):  # noqa: ANN202
    from analysis.parsing import parse_document, parse_text

    if arg == "-":
        data = stdin_bytes or b""
        if data.startswith(b"%PDF"):
            return parse_document(data, filename=f"stdin-{role}.pdf", ocr=ocr)
        if data.startswith(b"PK"):
            return parse_document(data, filename=f"stdin-{role}.docx")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        return parse_text(text, source="<stdin>")
    path = Path(arg)
    return parse_document(path, ocr=ocr) if ocr else parse_document(path)


def _print_human(report) -> None:  # noqa: ANN001 - MatchReport, imported lazily
    from analysis.reporting.labels import component_label, kind_label, label, report_lang

    lang = report_lang(report)
    stdout.print(f"[bold]{label(lang, 'score')}: {report.score:.1f} / 100[/bold]")
    table = Table(title=label(lang, "components"))
    table.add_column(label(lang, "component"))
    table.add_column(label(lang, "value"), justify="right")
    for name, value in report.components.items():
        table.add_row(component_label(lang, name), f"{value:.2f}")
    stdout.print(table)
    reqs = Table(title=label(lang, "requirements"))
    for key in ("requirement", "kind", "importance", "status", "how", "evidence"):
        reqs.add_column(label(lang, key), overflow="fold")
    for r in report.requirements:
        style = _STATUS_STYLE.get(r.status, "")
        reqs.add_row(escape(r.label), kind_label(lang, r.kind), label(lang, r.importance),
                     f"[{style}]{label(lang, r.status)}[/{style}]", label(lang, r.how),
                     escape((r.evidence or "—")[:120]))
    stdout.print(reqs)
    checks = Table(title=label(lang, "checks"))
    for key in ("check", "status", "message"):
        checks.add_column(label(lang, key), overflow="fold")
    for c in report.checks:
        style = _STATUS_STYLE.get(c.status, "")
        checks.add_row(c.code, f"[{style}]{label(lang, c.status)}[/{style}]", escape(c.message))
    stdout.print(checks)
    stdout.print(f"[bold]{label(lang, 'recommendations')}[/bold]")
    for rec in report.recommendations:
        stdout.print(f"{rec.priority}. {rec.message}", markup=False)


@app.command("match")
def match_command(
    cv: Annotated[str, typer.Argument(help="The CV: a PDF, DOCX or TXT file, or - for stdin.")],
    offer: Annotated[str, typer.Argument(help="The offer: a PDF, DOCX or TXT file, or -.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    as_markdown: Annotated[bool, typer.Option(
        "--markdown", help="Print the report as Markdown.")] = False,
    html_out: Annotated[Path | None, typer.Option(
        "--html", help="Also write a self-contained HTML report to this file.")] = None,
    docx_out: Annotated[Path | None, typer.Option(
        "--docx", help="Also write a DOCX report to this file.")] = None,
    ocr: Annotated[bool, typer.Option(
        "--ocr", help="Read scanned (image-only) PDFs with Tesseract OCR.")] = False,
) -> None:
    """Score a CV against an offer and explain every point (ATS-style)."""
    if as_json and as_markdown:
        fail("invalid_argument", "choose one of --json and --markdown")
    if cv == "-" and offer == "-":
        fail("invalid_argument", "only one of CV and OFFER can be read from stdin (-)")

    def run() -> None:
        from analysis.matching import match
        from analysis.reporting import to_docx, to_html, to_markdown

        stdin_bytes = sys.stdin.buffer.read() if "-" in (cv, offer) else None
        offer_doc = _read(offer, "offer", stdin_bytes, ocr)
        cv_doc = _read(cv, "cv", stdin_bytes, ocr)
        report = match(cv_doc, offer_doc)
        if html_out is not None:
            html_out.write_text(to_html(report), encoding="utf-8")
            stderr.print(f"HTML report written to {html_out}")
        if docx_out is not None:
            docx_out.write_bytes(to_docx(report))
            stderr.print(f"DOCX report written to {docx_out}")
        if as_json:
            print_json(report.to_dict())
        elif as_markdown:
            sys.stdout.write(to_markdown(report))
        else:
            _print_human(report)

    try:
        guarded(run)
    except OSError as exc:
        fail("invalid_argument", f"cannot write the report: {exc.strerror or exc}")
