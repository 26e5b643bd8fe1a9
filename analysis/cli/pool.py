"""`cvscope pool ...`: the recruiter talent pool (add, list, match, forget, purge, export)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from analysis.cli.base import app, fail, guarded, print_json, stderr, stdout

pool_app = typer.Typer(help="Recruiter talent pool: rejected candidates re-ranked for new offers.",
                       no_args_is_help=True)
app.add_typer(pool_app, name="pool")

DbOption = Annotated[str | None, typer.Option(
    "--db", help="SQLAlchemy URL or SQLite file (default: $CVSCOPE_DB, else the user data dir).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")]


def _store(db: str | None):  # noqa: ANN202 - keeps storage imports lazy
    """Open the database of `--db` / $CVSCOPE_DB / the default (shared with `coach`)."""
    from analysis.storage import open_store

    return open_store(db)


def _date(value: str | None) -> date | None:
    """Parse a YYYY-MM-DD option, or exit 2 with invalid_argument."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail("invalid_argument", f"not a date (YYYY-MM-DD): {value!r}")


@pool_app.command("add")
def add(
    cv: Annotated[Path, typer.Argument(help="The candidate's CV (PDF, DOCX or TXT).")],
    name: Annotated[str, typer.Option("--name", help="The candidate's name.")],
    reason: Annotated[str, typer.Option(
        "--reason", help="technical|soft_skills|culture_fit|experience|other")],
    stage: Annotated[str, typer.Option("--stage", help="Stage reached (as in `diagnose`).")],
    note: Annotated[str | None, typer.Option("--note", help="Free notes.")] = None,
    role_level: Annotated[str | None, typer.Option(
        "--role-level", help="junior|mid|senior|executive")] = None,
    channel: Annotated[str, typer.Option(
        "--channel", help="How they were contacted: email|phone|sms.")] = "email",
    position: Annotated[str | None, typer.Option(
        "--position", help="The role applied for.")] = None,
    rejected_on: Annotated[str | None, typer.Option(
        "--date", help="Rejection date YYYY-MM-DD (default: today).")] = None,
    old_offer: Annotated[Path | None, typer.Option(
        "--offer", help="The offer they were rejected from (records their skill gaps).")] = None,
    do_not_contact: Annotated[bool, typer.Option(
        "--do-not-contact", help="They asked not to be contacted again.")] = False,
    reacted_badly: Annotated[bool, typer.Option(
        "--reacted-badly", help="They reacted badly to the rejection.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add a rejected candidate to the pool (the CV is read once and its extraction cached)."""
    from analysis.pool import add_candidate

    def run() -> None:
        entry = add_candidate(_store(db), cv, name=name, reason=reason, stage=stage, note=note,
                              role_level=role_level, channel=channel, position=position,
                              rejected_on=_date(rejected_on), old_offer=old_offer,
                              do_not_contact=do_not_contact, reacted_badly=reacted_badly)
        if as_json:
            print_json(entry.to_dict())
        else:
            stdout.print(f"added #{entry.id} {entry.name} ({entry.reason}, {entry.stage})")

    guarded(run)


@pool_app.command("list")
def list_(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the pool (entries past the retention period are purged first)."""
    from analysis.pool import list_candidates, purge

    def run() -> None:
        store = _store(db)
        purge(store)
        entries = list_candidates(store)
        if as_json:
            print_json([e.to_dict() for e in entries])
            return
        table = Table("id", "name", "position", "stage", "reason", "level", "days", "flags")
        for e in entries:
            flags = " ".join(f for f, on in (("do-not-contact", e.do_not_contact),
                                             ("reacted-badly", e.reacted_badly)) if on)
            table.add_row(str(e.id), e.name, e.position or "", e.stage, e.reason,
                          e.role_level or "", str(e.days_since), flags)
        stdout.print(table if entries else "the pool is empty")

    guarded(run)


@pool_app.command("match")
def match(
    offer: Annotated[Path, typer.Argument(help="The new offer (PDF, DOCX or TXT).")],
    top: Annotated[int | None, typer.Option("--top", help="Show the N best only.")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="Language of the talking points (default: the offer's).")] = None,
    exclude_flagged: Annotated[bool, typer.Option(
        "--exclude-do-not-contact", help="Leave out people who asked not to be contacted.")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Rank the whole pool against a new offer, with channel and talking points."""
    from analysis.pool import match_pool, purge

    def run() -> None:
        if lang not in (None, "fr", "en"):
            fail("invalid_argument", "--lang must be fr or en")
        store = _store(db)
        purge(store)
        ranked = match_pool(store, offer, top=top, lang=lang,
                            include_do_not_contact=not exclude_flagged)
        if as_json:
            print_json([m.to_dict() for m in ranked])
            return
        if not ranked:
            stdout.print("the pool is empty")
        for rank, m in enumerate(ranked, 1):
            flag = " [bold red]DO NOT CONTACT[/]" if m.do_not_contact else ""
            flag += " [yellow]reacted badly[/]" if "reacted_badly" in m.flags else ""
            stdout.print(f"[bold]{rank}. #{m.id} {m.name}[/] — {m.score:.1f}/100 — "
                         f"{m.previous_reason}, {m.previous_stage}, {m.days_since} days ago — "
                         f"channel: {m.channel}{flag}")
            for point in m.talking_points:
                stdout.print(f"   - {point}")

    guarded(run)


@pool_app.command("forget")
def forget(
    candidate_id: Annotated[int, typer.Argument(metavar="ID", help="The pool id to erase.")],
    db: DbOption = None,
) -> None:
    """Erase a candidate, their CV and every derived row for good."""
    from analysis.pool import forget as forget_candidate

    def run() -> None:
        forget_candidate(_store(db), candidate_id)
        stdout.print(f"candidate #{candidate_id} erased")

    guarded(run)


@pool_app.command("update")
def update(
    candidate_id: Annotated[int, typer.Argument(metavar="ID")],
    cv: Annotated[Path | None, typer.Option(
        "--cv", help="A newer CV they sent (replaces the stored one).")] = None,
    do_not_contact: Annotated[bool | None, typer.Option(
        "--do-not-contact/--may-contact", help="They asked (not) to be contacted.")] = None,
    reacted_badly: Annotated[bool | None, typer.Option(
        "--reacted-badly/--reacted-well")] = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    channel: Annotated[str | None, typer.Option("--channel", help="email|phone|sms")] = None,
    db: DbOption = None,
) -> None:
    """Change a candidate's contact flags, note, channel or CV."""
    from analysis.pool import update_candidate

    def run() -> None:
        entry = update_candidate(_store(db), candidate_id, do_not_contact=do_not_contact,
                                 reacted_badly=reacted_badly, note=note, channel=channel, cv=cv)
        stdout.print(f"#{entry.id} updated: do_not_contact={entry.do_not_contact} "
                     f"reacted_badly={entry.reacted_badly} channel={entry.contact_channel}")

    guarded(run)


@pool_app.command("purge")
def purge(
    months: Annotated[int | None, typer.Option(
        "--months", help="Retention in months (default: the saved setting, 24).")] = None,
    save: Annotated[bool, typer.Option(
        "--save", help="Save --months as the retention setting.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only show what would go.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Erase entries older than the retention period (default 24 months)."""
    from analysis.pool import purge as purge_pool
    from analysis.pool import retention_months, set_retention_months

    def run() -> None:
        store = _store(db)
        if save:
            if months is None:
                fail("invalid_argument", "--save needs --months")
            set_retention_months(store, months)
        gone = purge_pool(store, months, dry_run=dry_run)
        if as_json:
            print_json({"retention_months": months or retention_months(store),
                        "dry_run": dry_run, "ids": [e.id for e in gone]})
        else:
            verb = "would erase" if dry_run else "erased"
            stdout.print(f"{verb} {len(gone)} candidate(s) "
                         f"(retention {months or retention_months(store)} months)")

    guarded(run)


@pool_app.command("export")
def export(
    out: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Write to FILE.json or FILE.csv (default: JSON on stdout).")] = None,
    anonymize: Annotated[bool, typer.Option(
        "--anonymize", help="No names, contact details, notes, dates or CVs.")] = False,
    db: DbOption = None,
) -> None:
    """Export the pool (optionally anonymised) as JSON or CSV."""
    from analysis.pool import export as export_pool

    def run() -> None:
        rows = export_pool(_store(db), anonymize=anonymize)
        if out is None:
            print_json(rows)
            return
        if out.suffix.lower() == ".csv":
            buffer = io.StringIO()
            fields = list(rows[0]) if rows else ["ref"]
            writer = csv.DictWriter(buffer, fieldnames=fields)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: "; ".join(v) if isinstance(v, list) else v
                                 for k, v in row.items()})
            out.write_text(buffer.getvalue(), encoding="utf-8")
        elif out.suffix.lower() == ".json":
            out.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            fail("invalid_argument", "the export file must end in .json or .csv")
        stderr.print(f"{len(rows)} row(s) written to {out}")

    guarded(run)
