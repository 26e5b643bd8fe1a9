"""Progress across CV versions: scores against target offers (cached) and skills diffs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from analysis.errors import NotFoundError
from analysis.matching.types import MatchReport
from analysis.storage import Store
from analysis.storage.codec import extraction_version
from analysis.storage.documents import Extracted, from_cache
from analysis.storage.models import Analysis, Candidate, CvVersion, Offer, utcnow


@dataclass(frozen=True)
class ScorePoint:
    """The score of one CV version against one target offer (one point of the chart)."""

    cv_version_id: int
    version_label: str
    version_date: datetime
    offer_id: int
    offer_title: str
    score: float
    missing_required: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form (chart data)."""
        return {"cv_version_id": self.cv_version_id, "version": self.version_label,
                "date": self.version_date.isoformat(timespec="seconds"),
                "offer_id": self.offer_id, "offer": self.offer_title,
                "score": round(self.score, 1), "missing_required": self.missing_required}


@dataclass(frozen=True)
class SkillsDiff:
    """Skills of two CV versions side by side: (label, kind) pairs."""

    before: str
    after: str
    added: tuple[tuple[str, str], ...]
    removed: tuple[tuple[str, str], ...]
    kept: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        def rows(pairs: tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
            return [{"label": label, "kind": kind} for label, kind in pairs]

        return {"before": self.before, "after": self.after, "added": rows(self.added),
                "removed": rows(self.removed), "kept": rows(self.kept)}


def cached_document(row: CvVersion | Offer, role: str) -> Extracted:
    """A stored CV version or offer as (doc, profile), re-extracted once if the code changed."""
    stale = row.extraction_version != extraction_version()
    extracted, fresh = from_cache(row.extraction, row.extraction_version, row.text,
                                  row.content if stale else None, row.filename, role)
    if fresh:
        row.extraction = extracted.cache()
        row.extraction_version = extraction_version()
        row.text = extracted.doc.text
    return extracted


def _scoring_version() -> str:
    from analysis.matching import SCORING_VERSION

    return str(SCORING_VERSION)


def analysis_report(session: Any, cv_version_id: int, offer_id: int) -> MatchReport:
    """Match a stored CV version with a stored offer and record the analysis."""
    from analysis.matching import match_profiles

    cv_row, offer_row = session.get(CvVersion, cv_version_id), session.get(Offer, offer_id)
    if cv_row is None or offer_row is None:
        raise NotFoundError("no such CV version or offer")
    cv, offer = cached_document(cv_row, "cv"), cached_document(offer_row, "offer")
    report = match_profiles(cv.doc, cv.profile, offer.doc, offer.profile,
                            cv_tokens=cv.tokens, offer_tokens=offer.tokens)
    version = _scoring_version()
    row = session.scalars(select(Analysis).filter_by(cv_version_id=cv_version_id,
                                                     offer_id=offer_id,
                                                     scoring_version=version)).first()
    if row is None:
        row = Analysis(cv_version_id=cv_version_id, offer_id=offer_id, scoring_version=version)
        session.add(row)
    row.score, row.report, row.created_at = float(report.score), report.to_dict(), utcnow()
    session.flush()
    return report


def analyse(store: Store, cv_version_id: int, offer_id: int) -> MatchReport:
    """The full match report of a stored CV version against a stored offer (recorded)."""
    with store.session() as session:
        return analysis_report(session, cv_version_id, offer_id)


def score_history(store: Store, candidate_id: int) -> list[ScorePoint]:
    """Every CV version scored against every target offer, oldest version first."""
    version = _scoring_version()
    points: list[ScorePoint] = []
    with store.session() as session:
        candidate = session.get(Candidate, candidate_id)
        if candidate is None:
            raise NotFoundError(f"no candidate with id {candidate_id}")
        cached = {(a.cv_version_id, a.offer_id): a for a in session.scalars(
            select(Analysis).join(CvVersion).where(CvVersion.candidate_id == candidate_id,
                                                   Analysis.scoring_version == version))}
        for cv in candidate.cv_versions:
            for offer in candidate.offers:
                hit = cached.get((cv.id, offer.id))
                if hit is None:
                    analysis_report(session, cv.id, offer.id)
                    hit = session.scalars(select(Analysis).filter_by(
                        cv_version_id=cv.id, offer_id=offer.id, scoring_version=version)).one()
                missing = sum(1 for r in hit.report.get("requirements", [])
                              if r.get("importance") == "required"
                              and r.get("status") == "missing")
                points.append(ScorePoint(cv.id, cv.label, cv.created_at, offer.id, offer.title,
                                         hit.score, missing))
    return points


def latest_report(store: Store, candidate_id: int) -> dict[str, Any] | None:
    """The most recent recorded analysis (JSON) of the candidate's latest CV version."""
    with store.session() as session:
        row = session.scalars(select(Analysis).join(CvVersion)
                              .where(CvVersion.candidate_id == candidate_id)
                              .order_by(CvVersion.created_at.desc(), CvVersion.id.desc(),
                                        Analysis.score.desc())).first()
        return dict(row.report, offer_id=row.offer_id) if row else None


def skills_diff(store: Store, before_id: int, after_id: int) -> SkillsDiff:
    """Which skills a rewrite added, removed and kept between two CV versions."""
    with store.session() as session:
        rows = [session.get(CvVersion, i) for i in (before_id, after_id)]
        if rows[0] is None or rows[1] is None:
            raise NotFoundError("no such CV version")
        before, after = (cached_document(r, "cv").profile for r in rows)
        labels = {}
        for profile in (before, after):
            for m in profile.mentions:
                labels.setdefault(m.skill_id, (m.label, m.kind))
        a, b = before.skill_ids(), after.skill_ids()

        def pairs(ids: set[str]) -> tuple[tuple[str, str], ...]:
            return tuple(sorted((labels[i] for i in ids), key=lambda p: (p[1], p[0].lower())))

        return SkillsDiff(rows[0].label, rows[1].label, pairs(b - a), pairs(a - b), pairs(a & b))
