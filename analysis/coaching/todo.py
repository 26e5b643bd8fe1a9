"""Follow-ups due: relaunch and re-contact dates from the schedule, marked done when sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from analysis.errors import NotFoundError
from analysis.storage import Store
from analysis.storage.models import Application, Candidate, Followup, utcnow

FINAL_STAGES = ("offer", "hired", "withdrawn")


@dataclass(frozen=True)
class FollowupItem:
    """One follow-up of the to-do list."""

    id: int
    application_id: int
    candidate_id: int
    candidate: str
    company: str
    position: str
    kind: str
    due_on: date
    channel: str
    subject: str | None
    body: str | None
    done: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"id": self.id, "application_id": self.application_id,
                "candidate_id": self.candidate_id, "candidate": self.candidate,
                "company": self.company, "position": self.position, "kind": self.kind,
                "due_on": self.due_on.isoformat(), "channel": self.channel,
                "subject": self.subject, "body": self.body, "done": self.done}


def plan(app: Application) -> list[tuple[str, date]]:
    """The follow-ups an application calls for, as (kind, due date), from `followup.schedule`."""
    from analysis.followup import schedule

    if app.stage in FINAL_STAGES:
        return []
    steps = schedule(stage=app.stage, applied_on=app.applied_on, answered_on=app.answered_on)
    return [(step.kind, step.due_on) for step in steps]


def _draft(kind: str, lang: str, app: Application) -> tuple[str | None, str | None, str]:
    from analysis.coaching.workspace import REJECTED_STAGES
    from analysis.followup import draft

    message = draft(kind, lang, name=app.candidate.name, company=app.company,
                    position=app.position,
                    stage=app.stage if app.stage in REJECTED_STAGES else None,
                    interviews=app.interviews or None, sent_on=app.answered_on or app.applied_on,
                    process_on=app.applied_on)
    return message.subject, message.body, message.channel or "email"


def reschedule(session: Any, app: Application, lang: str = "fr") -> None:
    """Replace an application's pending follow-ups by its current plan (done ones are kept)."""
    done = {f.kind for f in app.followups if f.done_at is not None}
    for pending in [f for f in app.followups if f.done_at is None]:
        session.delete(pending)
    session.flush()
    for kind, due in plan(app):
        if kind in done:
            continue
        subject, body, channel = _draft(kind, lang, app)
        session.add(Followup(application_id=app.id, kind=kind, due_on=due, channel=channel,
                             subject=subject, body=body, created_at=utcnow()))
    session.flush()
    session.expire(app, ["followups"])


def followups(store: Store, *, candidate_id: int | None = None, until: date | None = None,
              include_done: bool = False) -> list[FollowupItem]:
    """The to-do list: follow-ups due on or before `until` (default: all), soonest first."""
    query = (select(Followup, Application, Candidate).select_from(Followup)
             .join(Application, Followup.application_id == Application.id)
             .join(Candidate, Application.candidate_id == Candidate.id)
             .order_by(Followup.due_on, Followup.id))
    if candidate_id is not None:
        query = query.where(Application.candidate_id == candidate_id)
    if until is not None:
        query = query.where(Followup.due_on <= until)
    if not include_done:
        query = query.where(Followup.done_at.is_(None))
    with store.session() as session:
        return [FollowupItem(f.id, a.id, c.id, c.name, a.company, a.position, f.kind, f.due_on,
                             f.channel, f.subject, f.body, f.done_at is not None)
                for f, a, c in session.execute(query)]


def mark_done(store: Store, followup_id: int, done: bool = True) -> None:
    """Mark a follow-up as sent (or not)."""
    with store.session() as session:
        row = session.get(Followup, followup_id)
        if row is None:
            raise NotFoundError(f"no follow-up with id {followup_id}")
        row.done_at = utcnow() if done else None
