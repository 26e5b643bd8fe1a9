"""Rank the whole talent pool against a new offer, from the cached extractions (no re-parsing)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Text, select, type_coerce

from analysis.errors import InvalidArgumentError
from analysis.parsing.document import ParsedDocument
from analysis.pool.advice import advise
from analysis.storage import Store
from analysis.storage.codec import extraction_version, load_extraction
from analysis.storage.documents import Extracted, extract, from_cache
from analysis.storage.models import PoolCandidate


@dataclass(frozen=True)
class PoolMatch:
    """One pool candidate scored against the new offer, with re-contact advice."""

    id: int
    name: str
    score: float
    previous_reason: str
    previous_stage: str
    days_since: int
    channel: str
    talking_points: tuple[str, ...]
    what_changed: tuple[str, ...]
    matched_skills: tuple[str, ...]
    missing_required: tuple[str, ...]
    flags: tuple[str, ...]
    role_level: str | None = None
    position: str | None = None

    @property
    def do_not_contact(self) -> bool:
        """Whether the person asked not to be contacted."""
        return "do_not_contact" in self.flags

    def to_dict(self) -> dict[str, Any]:
        """JSON form (`pool match --json`, INTERFACES.md fields first)."""
        return {"id": self.id, "name": self.name, "score": round(self.score, 1),
                "previous_reason": self.previous_reason, "previous_stage": self.previous_stage,
                "days_since": self.days_since, "channel": self.channel,
                "talking_points": list(self.talking_points),
                "what_changed": list(self.what_changed),
                "matched_skills": list(self.matched_skills),
                "missing_required": list(self.missing_required),
                "flags": list(self.flags), "do_not_contact": self.do_not_contact,
                "role_level": self.role_level, "position": self.position}


def match_pool(store: Store, offer: str | Path | bytes | ParsedDocument | Extracted, *,
               top: int | None = None, lang: str | None = None, today: date | None = None,
               filename: str | None = None,
               include_do_not_contact: bool = True) -> list[PoolMatch]:
    """Score every pool candidate against `offer`, best first; flags are kept on each row."""
    from analysis.matching import load_keyword_model
    from analysis.taxonomy import load_taxonomy

    if top is not None and top < 1:
        raise InvalidArgumentError("--top must be at least 1")
    new = offer if isinstance(offer, Extracted) else extract(offer, "offer", filename)
    job = _Job(new, lang or new.doc.language or "en", today or date.today(),
               load_taxonomy(), load_keyword_model(), _load_rows(store, include_do_not_contact))
    results = _score(job)
    results.sort(key=lambda m: (-m.score, m.id))
    return results[:top] if top else results


@dataclass(frozen=True)
class _Job:
    offer: Extracted
    lang: str
    today: date
    taxonomy: Any
    model: Any
    rows: list[tuple[Any, Extracted | None]]  # (row, fresh extraction or None: use the cache)


def _load_rows(store: Store, include_do_not_contact: bool) -> list[tuple[Any, Extracted | None]]:
    """Pool rows with their raw cached extraction; stale rows are re-extracted once here."""
    P = PoolCandidate
    columns = (P.id, P.name, P.stage, P.reason, P.role_level, P.contact_channel, P.rejected_on,
               P.position, P.old_gaps, P.do_not_contact, P.reacted_badly,
               type_coerce(P.extraction, Text).label("extraction"), P.extraction_version,
               P.cv_text)
    current = extraction_version()
    rows: list[tuple[Any, Extracted | None]] = []
    with store.session() as session:
        query = select(*columns)
        if not include_do_not_contact:
            query = query.where(P.do_not_contact.is_(False))
        for row in session.execute(query).all():
            fresh = None
            missing = row.extraction in (None, "", "null", {})
            if missing or row.extraction_version != current:
                fresh = _refresh(session, row.id)
            rows.append((row, fresh))
    return rows


def _score(job: _Job) -> list[PoolMatch]:
    """Score every row of the job against its offer, with re-contact advice."""
    from analysis.matching import score_profiles

    new, results = job.offer, []
    for row, fresh in job.rows:
        cv = fresh or Extracted(None, None, *load_extraction(_decoded(row.extraction),
                                                             row.cv_text))
        report = score_profiles(cv.doc, cv.profile, new.doc, new.profile,
                                cv_tokens=cv.tokens, offer_tokens=new.tokens,
                                taxonomy=job.taxonomy, keyword_model=job.model)
        days = max(0, (job.today - row.rejected_on).days)
        advice = advise(report, stage=row.stage, reason=row.reason,
                        role_level=row.role_level, used_channel=row.contact_channel,
                        days_since=days, position=row.position, old_gaps=row.old_gaps or (),
                        cv_skill_ids=frozenset(cv.profile.skill_ids()),
                        do_not_contact=bool(row.do_not_contact),
                        reacted_badly=bool(row.reacted_badly), lang=job.lang)
        results.append(PoolMatch(
            row.id, row.name, float(report.score), row.reason, row.stage, days,
            advice.channel, advice.talking_points, advice.what_changed,
            advice.matched_skills, advice.missing_required, advice.flags,
            row.role_level, row.position))
    return results


def _decoded(value: Any) -> Any:
    """The cached extraction as a dict (SQLite hands back JSON text; some drivers decode it)."""
    return json.loads(value) if isinstance(value, str) else value


def _refresh(session: Any, candidate_id: int) -> Extracted:
    """Re-read a row from an older schema or code version once, and cache the result."""
    row = session.get(PoolCandidate, candidate_id)
    cv, _ = from_cache(None, None, row.cv_text, row.cv_content, row.cv_filename, "cv")
    row.extraction = cv.cache()
    row.extraction_version = extraction_version()
    row.cv_text = cv.doc.text
    return cv
