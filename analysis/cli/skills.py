"""`cvscope skills FILE|- [--lang fr|en] [--json]`: hard and soft skills found in a document."""

from __future__ import annotations

import sys
from typing import Any

import typer
from rich.markup import escape

from analysis.cli.base import app, fail, guarded, print_json, stdout


def skills_json(text: str, language: str, mentions: list[Any]) -> dict[str, Any]:
    """INTERFACES.md JSON: one entry per skill id with all its mentions, in order of appearance."""
    grouped: dict[str, dict[str, Any]] = {}
    for m in mentions:
        entry = grouped.setdefault(
            m.skill_id, {"id": m.skill_id, "label": m.label, "kind": m.kind, "mentions": []}
        )
        entry["mentions"].append({"start": m.start, "end": m.end, "text": m.text})
        for extra in ("section", "importance"):
            if getattr(m, extra, None) is not None:
                entry["mentions"][-1][extra] = getattr(m, extra)
    return {"language": language, "skills": list(grouped.values())}


@app.command("skills")
def skills(
    file: str = typer.Argument(..., help="CV or offer (PDF, DOCX, TXT), or '-' for stdin text."),
    lang: str | None = typer.Option(None, "--lang", help="fr or en (default: detected)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    offer: bool = typer.Option(
        False, "--offer", help="Read as an offer (marks required/preferred)."
    ),
) -> None:
    """List the hard and soft skills (ESCO / O*NET ids) found in a CV or an offer."""

    def run() -> dict[str, Any]:
        from dataclasses import replace

        from analysis.extraction import profile_cv, profile_offer
        from analysis.parsing import parse_document, parse_text

        if lang is not None and lang not in ("fr", "en"):
            fail("invalid_argument", f"--lang must be 'fr' or 'en', not {lang!r}")
        if file == "-":
            doc = parse_text(sys.stdin.read(), source="<stdin>")
        else:
            doc = parse_document(file)
        if lang is not None:
            doc = replace(doc, language=lang)
        profile = profile_offer(doc) if offer else profile_cv(doc)
        return skills_json(doc.text, doc.language, list(profile.mentions))

    data = guarded(run)
    if as_json:
        print_json(data)
        return
    stdout.print(f"language: {data['language']}  skills: {len(data['skills'])}")
    for kind in ("hard", "soft"):
        rows = [s for s in data["skills"] if s["kind"] == kind]
        if rows:
            stdout.print(f"\n[bold]{kind} skills[/bold] ({len(rows)})")
        for s in rows:
            texts = sorted({m["text"] for m in s["mentions"]})
            line = f"  {s['label']}  ×{len(s['mentions'])}  ({', '.join(texts)[:80]})"
            stdout.print(escape(line))  # user text: never read as rich markup
