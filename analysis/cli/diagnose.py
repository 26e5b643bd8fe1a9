"""`cvscope diagnose` (where a rejection came from) and `cvscope followup` (what to write)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from analysis.cli.base import app, fail, guarded, print_json, stdout
from analysis.errors import EmptyError, InvalidArgumentError, NotFoundError, TooLargeError

MAX_FEEDBACK_BYTES = 256 * 1024
_LABELS = {
    "fr": {"verdict": "Verdict", "causes": "Causes probables", "cause": "Cause",
           "weight": "Poids", "evidence": "Éléments", "why": "Ce qui a compté",
           "actions": "Que faire", "subject": "Objet", "channel": "Canal",
           "send_after": "À envoyer à partir du", "note": "Conseil"},
    "en": {"verdict": "Verdict", "causes": "Likely causes", "cause": "Cause",
           "weight": "Weight", "evidence": "Evidence", "why": "What counted",
           "actions": "What to do", "subject": "Subject", "channel": "Channel",
           "send_after": "Send from", "note": "Advice"},
}


def _read_feedback(arg: str) -> str:
    """The recruiter's message from a text file, or stdin with `-`."""
    if arg == "-":
        data = sys.stdin.buffer.read(MAX_FEEDBACK_BYTES + 1)
    else:
        path = Path(arg)
        if not path.is_file():
            raise NotFoundError(f"feedback file not found: {arg}")
        with path.open("rb") as handle:
            data = handle.read(MAX_FEEDBACK_BYTES + 1)
    if len(data) > MAX_FEEDBACK_BYTES:
        raise TooLargeError(f"the feedback is longer than {MAX_FEEDBACK_BYTES // 1024} KiB")
    encodings = ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",)
    text = data.decode("latin-1")  # never fails: the last resort
    for encoding in (*encodings, "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if not text.strip():
        raise EmptyError("the feedback file is empty")
    return text


def _print_diagnosis(d) -> None:  # noqa: ANN001 - Diagnosis, imported lazily
    from analysis.diagnosis.texts import CAUSE_NAMES, VERDICT_NAMES

    lab = _LABELS[d.lang]
    p = d.probabilities
    stdout.print(f"[bold]{lab['verdict']}: {VERDICT_NAMES[d.lang][d.verdict]}[/bold] "
                 f"(cv_screening {p['cv_screening']:.0%} · later_stage {p['later_stage']:.0%})")
    stdout.print(d.explanation, markup=False)
    table = Table(title=lab["causes"])
    table.add_column(lab["cause"])
    table.add_column(lab["weight"], justify="right")
    table.add_column(lab["evidence"], overflow="fold")
    for c in d.causes:
        table.add_row(CAUSE_NAMES[d.lang][c.code], f"{c.weight:.2f}",
                      "\n".join(c.evidence) or "—")
    stdout.print(table)
    stdout.print(f"[bold]{lab['why']}[/bold]")
    for line in d.evidence:
        stdout.print(f"- {line}", markup=False)
    stdout.print(f"[bold]{lab['actions']}[/bold]")
    for n, action in enumerate(d.actions, 1):
        stdout.print(f"{n}. {action}", markup=False)


@app.command("diagnose")
def diagnose_command(
    stage: Annotated[str | None, typer.Option(
        help="(required) no_response | rejected_before_interview | rejected_after_phone_screen | "
        "rejected_after_interview | rejected_after_final_interview")] = None,
    days: Annotated[str | None, typer.Option(
        help="Days between applying and the answer (or since applying, without answer).")] = None,
    interviews: Annotated[str | None, typer.Option(help="Number of interviews held.")] = None,
    cv: Annotated[str | None, typer.Option(help="The CV (PDF/DOCX/TXT), with --offer.")] = None,
    offer: Annotated[str | None, typer.Option(help="The offer (PDF/DOCX/TXT), with --cv.")] = None,
    feedback: Annotated[str | None, typer.Option(
        help="A text file with the recruiter's message or feedback (- for stdin).")] = None,
    feedback_text: Annotated[str | None, typer.Option(
        help="The recruiter's message itself, instead of --feedback FILE.")] = None,
    lang: Annotated[str | None, typer.Option(help="Language of the answer: fr or en.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the diagnosis as JSON.")] = False,
) -> None:
    """Say where a rejection most likely came from (CV screening or later), why, what next."""
    if stage is None:
        fail("invalid_argument", "--stage is required")
    if (cv is None) != (offer is None):
        fail("invalid_argument", "--cv and --offer go together")
    if feedback is not None and feedback_text is not None:
        fail("invalid_argument", "choose one of --feedback and --feedback-text")

    def run() -> None:
        from analysis.diagnosis import diagnose

        text = _read_feedback(feedback) if feedback is not None else feedback_text
        report = None
        if cv is not None and offer is not None:
            from analysis.matching import match

            for arg in (cv, offer):
                if not Path(arg).is_file():
                    raise NotFoundError(f"file not found: {arg}")
            report = match(Path(cv), Path(offer))
        result = diagnose(stage, days=_int(days, "--days"),
                          interviews=_int(interviews, "--interviews"), feedback=text,
                          report=report, lang=lang)
        if as_json:
            print_json(result.to_dict())
        else:
            _print_diagnosis(result)

    _guard_model(run)


def _guard_model(run: Callable[[], None]) -> None:
    from analysis.diagnosis import ModelVersionError

    try:
        guarded(run)
    except ModelVersionError as exc:
        fail("model_version", str(exc))


def _int(value: str | None, option: str) -> int | None:
    """A whole number given on the command line (errors as one `invalid_argument` line)."""
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        raise InvalidArgumentError(f"{option} must be a whole number, got {value!r}") from None


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value if len(value) > 7 else f"{value}-01")
    except ValueError:
        raise InvalidArgumentError(f"{option} must be a date YYYY-MM-DD, got {value!r}") from None


@app.command("followup")
def followup_command(
    kind: Annotated[str | None, typer.Option(
        help="(required) thank_and_feedback | relaunch | recontact")] = None,
    lang: Annotated[str, typer.Option(help="fr or en.")] = "fr",
    name: Annotated[str | None, typer.Option(help="Your name (signature).")] = None,
    company: Annotated[str | None, typer.Option(help="The company.")] = None,
    position: Annotated[str | None, typer.Option(help="The position applied for.")] = None,
    recruiter: Annotated[str | None, typer.Option(
        help="How to greet the recruiter, e.g. 'Madame Martin'.")] = None,
    stage: Annotated[str | None, typer.Option(help="Stage reached (see diagnose).")] = None,
    interviews: Annotated[str | None, typer.Option(help="Number of interviews held.")] = None,
    sent_on: Annotated[str | None, typer.Option(
        help="Date of the rejection or of your last unanswered message (YYYY-MM-DD); "
        "default today.")] = None,
    unanswered: Annotated[str, typer.Option(
        help="Your messages left unanswered, application included (relaunch).")] = "1",
    process_on: Annotated[str | None, typer.Option(
        help="When the earlier process took place, YYYY-MM (recontact).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the message as JSON.")] = False,
) -> None:
    """Draft the message to send after a rejection or a silence (FR or EN)."""
    if kind is None:
        fail("invalid_argument", "--kind is required")

    def run() -> None:
        from analysis.followup import draft

        message = draft(kind, lang, name=name, company=company, position=position,
                        recruiter=recruiter, stage=stage,
                        interviews=_int(interviews, "--interviews"),
                        sent_on=_date(sent_on, "--sent-on"),
                        unanswered=_int(unanswered, "--unanswered") or 0,
                        process_on=_date(process_on, "--process-on"))
        if as_json:
            print_json(message.to_dict())
            return
        lab = _LABELS[message.lang]
        stdout.print(f"{lab['subject']}: {message.subject}\n", markup=False)
        stdout.print(message.body + "\n", markup=False)
        when = message.send_after.isoformat() if message.send_after else "—"
        stdout.print(f"{lab['channel']}: {message.channel} · {lab['send_after']} {when}",
                     markup=False, style="dim")
        stdout.print(f"{lab['note']}: {message.note}", markup=False, style="dim")

    guarded(run)
