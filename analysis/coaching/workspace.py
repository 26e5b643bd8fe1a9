"""Coaching workspace: candidates, CV versions, target offers, applications and their answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from analysis.errors import InvalidArgumentError, NotFoundError
from analysis.parsing.document import ParsedDocument
from analysis.storage import Store, compact
from analysis.storage.codec import extraction_version
from analysis.storage.documents import extract
from analysis.storage.models import (
    Application,
    Candidate,
    CvVersion,
    Offer,
    RecruiterMessage,
    utcnow,
)

REJECTED_STAGES = ("no_response", "rejected_before_interview", "rejected_after_phone_screen",
                   "rejected_after_interview", "rejected_after_final_interview")
OPEN_STAGES = ("applied", "phone_screen", "interview", "final_interview")
CLOSED_STAGES = ("offer", "hired", "withdrawn")
STAGES = OPEN_STAGES + REJECTED_STAGES + CLOSED_STAGES
Source = str | Path | bytes | ParsedDocument


@dataclass(frozen=True)
class CandidateInfo:
    """A coached candidate with counts of what the workspace holds for them."""

    id: int
    name: str
    email: str | None
    target_role: str | None
    notes: str | None
    cv_versions: int = 0
    offers: int = 0
    applications: int = 0


@dataclass(frozen=True)
class VersionInfo:
    """A stored CV version or offer (no bytes)."""

    id: int
    label: str
    filename: str | None
    language: str | None
    created_at: datetime
    company: str | None = None


@dataclass(frozen=True)
class ApplicationInfo:
    """An application with its answers, recruiter messages and diagnosis."""

    id: int
    candidate_id: int
    company: str
    position: str
    applied_on: date
    stage: str
    answered_on: date | None
    interviews: int
    offer_id: int | None
    cv_version_id: int | None
    messages: tuple[tuple[date, str], ...]
    diagnosis: dict[str, Any] | None
    notes: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"id": self.id, "company": self.company, "position": self.position,
                "applied_on": self.applied_on.isoformat(), "stage": self.stage,
                "answered_on": self.answered_on.isoformat() if self.answered_on else None,
                "interviews": self.interviews,
                "messages": [{"date": d.isoformat(), "text": t} for d, t in self.messages],
                "diagnosis": self.diagnosis, "notes": self.notes}


def _candidate(session: Any, candidate_id: int) -> Candidate:
    row = session.get(Candidate, candidate_id)
    if row is None:
        raise NotFoundError(f"no candidate with id {candidate_id}")
    return row


def add_candidate(store: Store, name: str, *, email: str | None = None,
                  target_role: str | None = None, notes: str | None = None) -> CandidateInfo:
    """Create a coached candidate."""
    if not name.strip():
        raise InvalidArgumentError("the candidate's name is empty")
    with store.session() as session:
        row = Candidate(name=name.strip(), email=email, target_role=target_role, notes=notes,
                        created_at=utcnow())
        session.add(row)
        session.flush()
        return CandidateInfo(row.id, row.name, row.email, row.target_role, row.notes)


def list_candidates(store: Store) -> list[CandidateInfo]:
    """Every coached candidate, by name, with counts."""
    def count(model: Any) -> Any:
        return (select(func.count()).where(model.candidate_id == Candidate.id)
                .correlate(Candidate).scalar_subquery())

    with store.session() as session:
        rows = session.execute(select(Candidate, count(CvVersion), count(Offer),
                                      count(Application)).order_by(Candidate.name, Candidate.id))
        return [CandidateInfo(c.id, c.name, c.email, c.target_role, c.notes, v, o, a)
                for c, v, o, a in rows]


def delete_candidate(store: Store, candidate_id: int) -> None:
    """Erase a candidate with their files, analyses, applications and follow-ups, for good."""
    with store.session() as session:
        deleted = session.execute(delete(Candidate).where(Candidate.id == candidate_id)).rowcount
    if not deleted:
        raise NotFoundError(f"no candidate with id {candidate_id}")
    compact(store, ("candidates", "cv_versions", "offers", "analyses", "applications",
                    "recruiter_messages", "followups"))


def add_cv_version(store: Store, candidate_id: int, source: Source, *,
                   filename: str | None = None, label: str | None = None) -> VersionInfo:
    """Store a new CV version: the file, its text and its cached extraction."""
    extracted = extract(source, "cv", filename)
    with store.session() as session:
        candidate = _candidate(session, candidate_id)
        label = label or f"v{len(candidate.cv_versions) + 1}"
        row = CvVersion(candidate_id=candidate_id, label=label, filename=extracted.filename,
                        content=extracted.content, text=extracted.doc.text,
                        language=extracted.doc.language, extraction=extracted.cache(),
                        extraction_version=extraction_version(), created_at=utcnow())
        session.add(row)
        session.flush()
        return VersionInfo(row.id, row.label, row.filename, row.language, row.created_at)


def add_offer(store: Store, candidate_id: int, source: Source, *, filename: str | None = None,
              title: str | None = None, company: str | None = None) -> VersionInfo:
    """Store a target offer of a candidate, with its cached extraction."""
    extracted = extract(source, "offer", filename)
    title = title or extracted.profile.title or extracted.filename or "offer"
    with store.session() as session:
        _candidate(session, candidate_id)
        row = Offer(candidate_id=candidate_id, title=title[:200], company=company,
                    filename=extracted.filename, content=extracted.content,
                    text=extracted.doc.text, language=extracted.doc.language,
                    extraction=extracted.cache(), extraction_version=extraction_version(),
                    created_at=utcnow())
        session.add(row)
        session.flush()
        return VersionInfo(row.id, row.title, row.filename, row.language, row.created_at,
                           row.company)


def cv_versions(store: Store, candidate_id: int) -> list[VersionInfo]:
    """A candidate's CV versions, oldest first."""
    with store.session() as session:
        return [VersionInfo(v.id, v.label, v.filename, v.language, v.created_at)
                for v in _candidate(session, candidate_id).cv_versions]


def offers(store: Store, candidate_id: int) -> list[VersionInfo]:
    """A candidate's target offers."""
    with store.session() as session:
        return [VersionInfo(o.id, o.title, o.filename, o.language, o.created_at, o.company)
                for o in _candidate(session, candidate_id).offers]


def _application_info(row: Application) -> ApplicationInfo:
    return ApplicationInfo(row.id, row.candidate_id, row.company, row.position, row.applied_on,
                           row.stage, row.answered_on, row.interviews, row.offer_id,
                           row.cv_version_id,
                           tuple((m.received_on, m.text) for m in row.messages),
                           row.diagnosis, row.notes)


def add_application(store: Store, candidate_id: int, *, company: str, position: str,
                    applied_on: date | None = None, offer_id: int | None = None,
                    cv_version_id: int | None = None, notes: str | None = None,
                    lang: str = "fr") -> ApplicationInfo:
    """Record an application and schedule its follow-ups."""
    from analysis.coaching.todo import reschedule

    if not company.strip() or not position.strip():
        raise InvalidArgumentError("company and position are required")
    applied_on = applied_on or date.today()
    if applied_on > date.today():
        raise InvalidArgumentError("the application date is in the future")
    with store.session() as session:
        _candidate(session, candidate_id)
        row = Application(candidate_id=candidate_id, company=company.strip(),
                          position=position.strip(), applied_on=applied_on, stage="applied",
                          interviews=0, offer_id=offer_id, cv_version_id=cv_version_id,
                          notes=notes, created_at=utcnow())
        session.add(row)
        session.flush()
        reschedule(session, row, lang)
        return _application_info(row)


def update_application(store: Store, application_id: int, *, stage: str | None = None,
                       answered_on: date | None = None, interviews: int | None = None,
                       message: str | None = None, message_on: date | None = None,
                       lang: str = "fr") -> ApplicationInfo:
    """Record an answer, a stage or a recruiter message; diagnose rejections; reschedule."""
    from analysis.coaching.todo import reschedule

    if stage is not None and stage not in STAGES:
        raise InvalidArgumentError(f"stage must be one of {', '.join(STAGES)}")
    with store.session() as session:
        row = session.get(Application, application_id)
        if row is None:
            raise NotFoundError(f"no application with id {application_id}")
        if stage is not None:
            row.stage = stage
        if answered_on is not None:
            if answered_on < row.applied_on:
                raise InvalidArgumentError("the answer date is before the application date")
            row.answered_on = answered_on
        if interviews is not None:
            row.interviews = max(0, interviews)
        if message and message.strip():
            session.add(RecruiterMessage(application_id=row.id, text=message.strip(),
                                         received_on=message_on or answered_on or date.today(),
                                         created_at=utcnow()))
            session.flush()
            session.refresh(row)
        if row.stage in REJECTED_STAGES:
            row.diagnosis = _diagnose(session, row, lang)
        reschedule(session, row, lang)
        return _application_info(row)


def applications(store: Store, candidate_id: int) -> list[ApplicationInfo]:
    """A candidate's applications, oldest first."""
    with store.session() as session:
        return [_application_info(a) for a in _candidate(session, candidate_id).applications]


def _diagnose(session: Any, row: Application, lang: str) -> dict[str, Any] | None:
    from analysis.coaching.progress import analysis_report
    from analysis.diagnosis import diagnose

    days = (row.answered_on - row.applied_on).days if row.answered_on else None
    feedback = "\n".join(m.text for m in row.messages) or None
    report = None
    if row.offer_id and row.cv_version_id:
        report = analysis_report(session, row.cv_version_id, row.offer_id)
    return diagnose(row.stage, days=days, interviews=row.interviews, feedback=feedback,
                    report=report, lang=lang).to_dict()
