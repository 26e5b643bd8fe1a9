"""`cvscope parse FILE [--json] [--ocr]`: show what an ATS would read from a CV or an offer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from analysis.cli.base import app, guarded, print_json, stdout


@app.command("parse")
def parse(
    file: Annotated[
        Path, typer.Argument(help="A PDF, DOCX or TXT file ('-': read stdin).", show_default=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON document.")] = False,
    ocr: Annotated[
        bool, typer.Option("--ocr", help="Read scanned/image-only files with Tesseract (slow).")
    ] = False,
    text: Annotated[
        bool, typer.Option("--text/--no-text", help="Show the full text (human output).")
    ] = True,
) -> None:
    """Read a CV or an offer as an ATS would: text in reading order, sections, contact, warnings."""
    from analysis.parsing import parse_document

    def read() -> object:
        if str(file) == "-":
            return parse_document(sys.stdin.buffer.read(), "<stdin>", ocr=ocr)
        return parse_document(file, ocr=ocr)

    doc = guarded(read)
    if as_json:
        print_json(doc.to_dict())  # type: ignore[attr-defined]
        return
    _print_human(doc, show_text=text)


def _print_human(doc: object, *, show_text: bool) -> None:
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    from analysis.parsing import ParsedDocument

    assert isinstance(doc, ParsedDocument)
    stdout.print(
        f"[bold]{escape(doc.source)}[/bold]  {doc.format.upper()} · language {doc.language} · "
        f"{doc.pages} page(s) · {len(doc.text.split())} words"
    )
    contact = Table(show_header=False, box=None, pad_edge=False)
    for key, value in doc.contact.to_dict().items():
        contact.add_row(f"[dim]{key}[/dim]", escape(value) if value else "[dim]—[/dim]")
    stdout.print(Panel(contact, title="Contact", expand=False))
    sections = Table("section", "title", "characters", box=None)
    for s in doc.sections:
        title = escape(s.title) or "[dim](top of page)[/dim]"
        sections.add_row(s.name, title, str(s.end - s.start))
    stdout.print(Panel(sections, title="Sections", expand=False))
    if doc.warnings:
        for w in doc.warnings:
            stdout.print(f"[yellow]warning[/yellow] [bold]{w.code}[/bold]: {escape(w.message)}")
    else:
        stdout.print("[green]No reading problems found.[/green]")
    if show_text:
        stdout.rule("Text as read")
        stdout.print(escape(doc.text))
