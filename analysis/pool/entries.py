"""Talent-pool entries: add, list, flag, forget for good, retention purge, (anonymised) export."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import defer

from analysis.errors import InvalidArgumentError, NotFoundError
from analysis.parsing.document import ParsedDocument
from analysis.storage import Store, compact
from analysis.storage.codec import extraction_version
from analysis.storage.documents import extract
from analysis.storage.models import PoolCandidate, Setting, utcnow

REASONS = ("technical", "soft_skills", "culture_fit", "experience", "other")
STAGES = ("no_response", "rejected_before_interview", "rejected_after_phone_screen",
          "rejected_after_interview", "rejected_after_final_interview")
ROLE_LEVELS = ("junior", "mid", "senior", "executive")
CHANNELS = ("email", "phone", "sms")
RETENTION_KEY = "pool_retention_months"
DEFAULT_RETENTION_MONTHS = 24  # usual French (CNIL) practice for a candidate pool


@dataclass(frozen=True)
class PoolEntry:
    """One candidate of the pool, as listed (no CV bytes)."""

    id: int
    name: str
    stage: str
    reason: str
    role_level: str | None
    position: str | None
    note: str | None
    contact_channel: str
    email: str | None
    phone: str | None
    rejected_on: date
    days_since: int
    do_not_contact: bool
    reacted_badly: bool
    old_gaps: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form (`pool list --json`)."""
        return {"id": self.id, "name": self.name, "stage": self.stage, "reason": self.reason,
                "role_level": self.role_level, "position": self.position, "note": self.note,
                "channel": self.contact_channel, "email": self.email, "phone": self.phone,
                "rejected_on": self.rejected_on.isoformat(), "days_since": self.days_since,
                "do_not_contact": self.do_not_contact, "reacted_badly": self.reacted_badly,
                "old_gaps": list(self.old_gaps)}


def _check(value: str | None, allowed: tuple[str, ...], what: str) -> None:
    if value is not None and value not in allowed:
        raise InvalidArgumentError(f"{what} must be one of {', '.join(allowed)} (got {value!r})")


def entry_of(row: PoolCandidate, today: date | None = None) -> PoolEntry:
    """The listing view of a pool row."""
    today = today or date.today()
    return PoolEntry(row.id, row.name, row.stage, row.reason, row.role_level, row.position,
                     row.note, row.contact_channel, row.email, row.phone, row.rejected_on,
                     max(0, (today - row.rejected_on).days), bool(row.do_not_contact),
                     bool(row.reacted_badly), tuple(g["label"] for g in row.old_gaps or ()))


def old_gaps_against(cv: Any, old_offer: str | Path | bytes | ParsedDocument) -> list[dict]:
    """Required skills of the offer the candidate was rejected from that the CV did not meet."""
    from analysis.matching import match_profiles

    offer = extract(old_offer, "offer")
    report = match_profiles(cv.doc, cv.profile, offer.doc, offer.profile,
                            cv_tokens=cv.tokens, offer_tokens=offer.tokens)
    return [{"id": r.id, "label": r.label} for r in report.missing_required()
            if r.kind in ("hard", "soft")]


def add_candidate(store: Store, cv: str | Path | bytes | ParsedDocument, *, name: str,
                  reason: str, stage: str, filename: str | None = None, note: str | None = None,
                  role_level: str | None = None, channel: str = "email",
                  position: str | None = None, rejected_on: date | None = None,
                  old_offer: str | Path | bytes | ParsedDocument | None = None,
                  do_not_contact: bool = False, reacted_badly: bool = False) -> PoolEntry:
    """Read the CV once, cache its extraction and store the rejected candidate in the pool."""
    if not name or not name.strip():
        raise InvalidArgumentError("the candidate's name is empty")
    _check(reason, REASONS, "reason")
    _check(stage, STAGES, "stage")
    _check(role_level, ROLE_LEVELS, "role level")
    _check(channel, CHANNELS, "channel")
    if rejected_on and rejected_on > date.today():
        raise InvalidArgumentError("the rejection date is in the future")
    extracted = extract(cv, "cv", filename)
    gaps = old_gaps_against(extracted, old_offer) if old_offer is not None else None
    contact = extracted.doc.contact
    row = PoolCandidate(
        name=name.strip(), email=contact.email, phone=contact.phone, position=position,
        stage=stage, reason=reason, role_level=role_level, note=note, contact_channel=channel,
        rejected_on=rejected_on or date.today(), cv_filename=extracted.filename,
        cv_content=extracted.content, cv_text=extracted.doc.text, created_at=utcnow(),
        extraction=extracted.cache(), extraction_version=extraction_version(), old_gaps=gaps,
        do_not_contact=do_not_contact, reacted_badly=reacted_badly)
    with store.session() as session:
        session.add(row)
        session.flush()
        return entry_of(row)


def list_candidates(store: Store, today: date | None = None) -> list[PoolEntry]:
    """Every pool entry, most recent rejection first."""
    with store.session() as session:
        rows = session.scalars(select(PoolCandidate)
                               .options(defer(PoolCandidate.cv_content),
                                        defer(PoolCandidate.cv_text),
                                        defer(PoolCandidate.extraction))
                               .order_by(PoolCandidate.rejected_on.desc(), PoolCandidate.id))
        return [entry_of(row, today) for row in rows]


def update_candidate(store: Store, candidate_id: int, *, do_not_contact: bool | None = None,
                     reacted_badly: bool | None = None, note: str | None = None,
                     channel: str | None = None,
                     cv: str | Path | bytes | ParsedDocument | None = None,
                     filename: str | None = None) -> PoolEntry:
    """Change a candidate's flags, note, contact channel or CV (a newer CV they sent)."""
    _check(channel, CHANNELS, "channel")
    extracted = extract(cv, "cv", filename) if cv is not None else None
    with store.session() as session:
        row = session.get(PoolCandidate, candidate_id)
        if row is None:
            raise NotFoundError(f"no pool candidate with id {candidate_id}")
        if do_not_contact is not None:
            row.do_not_contact = do_not_contact
        if reacted_badly is not None:
            row.reacted_badly = reacted_badly
        if note is not None:
            row.note = note
        if channel is not None:
            row.contact_channel = channel
        if extracted is not None:
            row.cv_filename, row.cv_content = extracted.filename, extracted.content
            row.cv_text, row.extraction = extracted.doc.text, extracted.cache()
            row.extraction_version = extraction_version()
        return entry_of(row)


def forget(store: Store, candidate_id: int) -> None:
    """Erase a candidate, their CV file and every derived row for good (secure delete + VACUUM)."""
    with store.session() as session:
        deleted = session.execute(delete(PoolCandidate)
                                  .where(PoolCandidate.id == candidate_id)).rowcount
    if not deleted:
        raise NotFoundError(f"no pool candidate with id {candidate_id}")
    compact(store, ("pool_candidates",))


def retention_months(store: Store) -> int:
    """The pool retention in months (default 24)."""
    with store.session() as session:
        setting = session.get(Setting, RETENTION_KEY)
        return int(setting.value) if setting else DEFAULT_RETENTION_MONTHS


def set_retention_months(store: Store, months: int) -> None:
    """Set how many months a rejected candidate stays in the pool."""
    if months < 1 or months > 120:
        raise InvalidArgumentError("the retention must be between 1 and 120 months")
    with store.session() as session:
        session.merge(Setting(key=RETENTION_KEY, value=str(months)))


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (clamped to the month's last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def purge(store: Store, months: int | None = None, today: date | None = None,
          dry_run: bool = False) -> list[PoolEntry]:
    """Erase (for good) entries rejected more than the retention period ago; returns them."""
    months = months if months is not None else retention_months(store)
    if months < 1:
        raise InvalidArgumentError("the retention must be at least one month")
    cutoff = months_before(today or date.today(), months)
    with store.session() as session:
        rows = session.scalars(select(PoolCandidate)
                               .options(defer(PoolCandidate.cv_content),
                                        defer(PoolCandidate.extraction))
                               .where(PoolCandidate.rejected_on < cutoff)).all()
        expired = [entry_of(row, today) for row in rows]
        if expired and not dry_run:
            session.execute(delete(PoolCandidate)
                            .where(PoolCandidate.id.in_([e.id for e in expired])))
    if expired and not dry_run:
        compact(store, ("pool_candidates",))
    return expired


def export(store: Store, anonymize: bool = False, today: date | None = None) -> list[dict]:
    """The pool as plain rows; anonymised rows carry no name, contact, note, date or file."""
    entries = list_candidates(store, today)
    if not anonymize:
        return [e.to_dict() for e in entries]
    skills = _skill_labels(store)
    return [{"ref": f"C{index:04d}", "stage": e.stage, "reason": e.reason,
             "role_level": e.role_level, "position": e.position,
             "months_since": e.days_since // 30, "channel": e.contact_channel,
             "do_not_contact": e.do_not_contact, "skills": skills.get(e.id, []),
             "old_gaps": list(e.old_gaps)}
            for index, e in enumerate(sorted(entries, key=lambda e: (e.position or "", e.id)), 1)]


def _skill_labels(store: Store) -> dict[int, list[str]]:
    with store.session() as session:
        rows = session.execute(select(PoolCandidate.id, PoolCandidate.extraction,
                                      PoolCandidate.extraction_version)).all()
    current = extraction_version()
    out: dict[int, list[str]] = {}
    for row_id, cache, version in rows:
        if cache and version == current:
            mentions = cache.get("profile", {}).get("mentions", [])
            out[row_id] = sorted({m["label"] for m in mentions})
    return out
