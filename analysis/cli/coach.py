"""`cvscope coach ...`: the coaching workspace (candidates, CV versions, applications, report)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from analysis.cli.base import app, fail, guarded, print_json, stderr, stdout
from analysis.cli.pool import DbOption, JsonOption, _date, _store

coach_app = typer.Typer(help="Coaching workspace: CV versions, scores, applications, follow-ups.",
                        no_args_is_help=True)
app.add_typer(coach_app, name="coach")
LangOption = Annotated[str, typer.Option("--lang", help="fr|en (messages and report).")]


def _lang(lang: str) -> str:
    if lang not in ("fr", "en"):
        fail("invalid_argument", "--lang must be fr or en")
    return lang


@coach_app.command("add-candidate")
def add_candidate(name: Annotated[str, typer.Argument()],
                  email: Annotated[str | None, typer.Option("--email")] = None,
                  target_role: Annotated[str | None, typer.Option("--target-role")] = None,
                  db: DbOption = None) -> None:
    """Create a coached candidate; prints their id."""
    from analysis import coaching

    guarded(lambda: stdout.print(coaching.add_candidate(
        _store(db), name, email=email, target_role=target_role).id))


@coach_app.command("candidates")
def candidates(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List coached candidates."""
    from analysis import coaching

    def run() -> None:
        rows = coaching.list_candidates(_store(db))
        if as_json:
            print_json([{"id": c.id, "name": c.name, "email": c.email,
                         "target_role": c.target_role, "cv_versions": c.cv_versions,
                         "offers": c.offers, "applications": c.applications} for c in rows])
            return
        table = Table("id", "name", "target role", "CV versions", "offers", "applications")
        for c in rows:
            table.add_row(str(c.id), c.name, c.target_role or "", str(c.cv_versions),
                          str(c.offers), str(c.applications))
        stdout.print(table)

    guarded(run)


@coach_app.command("add-cv")
def add_cv(candidate_id: Annotated[int, typer.Argument(metavar="CANDIDATE_ID")],
           cv: Annotated[Path, typer.Argument(help="CV file (PDF, DOCX, TXT).")],
           label: Annotated[str | None, typer.Option("--label")] = None,
           db: DbOption = None) -> None:
    """Store a new CV version (file, text, extraction); prints its id."""
    from analysis import coaching

    guarded(lambda: stdout.print(coaching.add_cv_version(_store(db), candidate_id, cv,
                                                         label=label).id))


@coach_app.command("add-offer")
def add_offer(candidate_id: Annotated[int, typer.Argument(metavar="CANDIDATE_ID")],
              offer: Annotated[Path, typer.Argument(help="Offer file (PDF, DOCX, TXT).")],
              title: Annotated[str | None, typer.Option("--title")] = None,
              company: Annotated[str | None, typer.Option("--company")] = None,
              db: DbOption = None) -> None:
    """Store a target offer of the candidate; prints its id."""
    from analysis import coaching

    guarded(lambda: stdout.print(coaching.add_offer(_store(db), candidate_id, offer,
                                                    title=title, company=company).id))


@coach_app.command("history")
def history(candidate_id: Annotated[int, typer.Argument(metavar="CANDIDATE_ID")],
            db: DbOption = None, as_json: JsonOption = False) -> None:
    """Score of every CV version against every target offer (did the rewrite help?)."""
    from analysis import coaching

    def run() -> None:
        points = coaching.score_history(_store(db), candidate_id)
        if as_json:
            print_json([p.to_dict() for p in points])
            return
        table = Table("version", "date", "offer", "score", "missing required")
        for p in points:
            table.add_row(p.version_label, p.version_date.date().isoformat(), p.offer_title,
                          f"{p.score:.1f}", str(p.missing_required))
        stdout.print(table)

    guarded(run)


@coach_app.command("diff")
def diff(before: Annotated[int, typer.Argument(metavar="CV_VERSION_ID")],
         after: Annotated[int, typer.Argument(metavar="CV_VERSION_ID")],
         db: DbOption = None, as_json: JsonOption = False) -> None:
    """Skills added, removed and kept between two CV versions."""
    from analysis import coaching

    def run() -> None:
        result = coaching.skills_diff(_store(db), before, after)
        if as_json:
            print_json(result.to_dict())
            return
        for sign, pairs in (("+", result.added), ("-", result.removed), ("=", result.kept)):
            for label, kind in pairs:
                stdout.print(f"{sign} {label} ({kind})")

    guarded(run)


@coach_app.command("apply")
def apply(candidate_id: Annotated[int, typer.Argument(metavar="CANDIDATE_ID")],
          company: Annotated[str, typer.Option("--company")],
          position: Annotated[str, typer.Option("--position")],
          applied_on: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD")] = None,
          offer_id: Annotated[int | None, typer.Option("--offer-id")] = None,
          cv_id: Annotated[int | None, typer.Option("--cv-id")] = None,
          lang: LangOption = "fr", db: DbOption = None) -> None:
    """Record an application (follow-ups are scheduled); prints its id."""
    from analysis import coaching

    guarded(lambda: stdout.print(coaching.add_application(
        _store(db), candidate_id, company=company, position=position,
        applied_on=_date(applied_on), offer_id=offer_id, cv_version_id=cv_id,
        lang=_lang(lang)).id))


@coach_app.command("answer")
def answer(application_id: Annotated[int, typer.Argument(metavar="APPLICATION_ID")],
           stage: Annotated[str | None, typer.Option("--stage")] = None,
           answered_on: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD")] = None,
           interviews: Annotated[int | None, typer.Option("--interviews")] = None,
           message: Annotated[str | None, typer.Option("--message")] = None,
           lang: LangOption = "fr", db: DbOption = None, as_json: JsonOption = False) -> None:
    """Record an answer, stage or recruiter message (rejections are diagnosed)."""
    from analysis import coaching

    def run() -> None:
        info = coaching.update_application(_store(db), application_id, stage=stage,
                                           answered_on=_date(answered_on),
                                           interviews=interviews, message=message,
                                           lang=_lang(lang))
        if as_json:
            print_json(info.to_dict())
        else:
            verdict = (info.diagnosis or {}).get("verdict")
            stdout.print(f"#{info.id} {info.company}: {info.stage}"
                         + (f" — diagnosis: {verdict}" if verdict else ""))

    guarded(run)


@coach_app.command("todo")
def todo(candidate_id: Annotated[int | None, typer.Option("--candidate")] = None,
         until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD")] = None,
         show_done: Annotated[bool, typer.Option("--all", help="Include done ones.")] = False,
         db: DbOption = None, as_json: JsonOption = False) -> None:
    """Follow-ups due (relaunches, thank-yous, re-contacts), soonest first."""
    from analysis import coaching

    def run() -> None:
        items = coaching.followups(_store(db), candidate_id=candidate_id, until=_date(until),
                                   include_done=show_done)
        if as_json:
            print_json([f.to_dict() for f in items])
            return
        table = Table("id", "due", "candidate", "company", "kind", "channel", "done")
        for f in items:
            table.add_row(str(f.id), f.due_on.isoformat(), f.candidate, f.company, f.kind,
                          f.channel, "yes" if f.done else "")
        stdout.print(table)

    guarded(run)


@coach_app.command("done")
def done(followup_id: Annotated[int, typer.Argument(metavar="FOLLOWUP_ID")],
         undo: Annotated[bool, typer.Option("--undo")] = False, db: DbOption = None) -> None:
    """Mark a follow-up as sent."""
    from analysis import coaching

    guarded(lambda: coaching.mark_done(_store(db), followup_id, not undo))


@coach_app.command("report")
def report(candidate_id: Annotated[int, typer.Argument(metavar="CANDIDATE_ID")],
           out: Annotated[Path, typer.Option("-o", "--output", help="FILE.docx or FILE.html")],
           lang: LangOption = "fr", db: DbOption = None) -> None:
    """Write the session report (DOCX or HTML)."""
    from analysis import coaching

    def run() -> None:
        suffix = out.suffix.lower()
        if suffix not in (".docx", ".html", ".htm"):
            fail("invalid_argument", "the report file must end in .docx or .html")
        data = coaching.session_report(_store(db), candidate_id, _lang(lang))
        if suffix == ".docx":
            out.write_bytes(coaching.report_to_docx(data))
        else:
            out.write_text(coaching.report_to_html(data), encoding="utf-8")
        stderr.print(f"report written to {out}")

    guarded(run)


@coach_app.command("forget")
def forget(candidate_id: Annotated[int, typer.Argument(metavar="CANDIDATE_ID")],
           db: DbOption = None) -> None:
    """Erase a coached candidate and everything stored about them, for good."""
    from analysis import coaching

    def run() -> None:
        coaching.delete_candidate(_store(db), candidate_id)
        stdout.print(f"candidate #{candidate_id} erased")

    guarded(run)
