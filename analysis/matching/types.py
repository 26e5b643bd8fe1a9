"""Dataclasses of the matching stage: requirement rows, checks, recommendations, the report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from analysis.extraction.types import Profile
from analysis.parsing.document import ParsedDocument


@dataclass(frozen=True)
class RequirementResult:
    """One requirement of the offer and whether, how and where the CV meets it."""

    id: str
    label: str
    kind: str  # hard | soft | title | experience | education | language
    importance: str  # required | preferred
    status: str  # matched | partial | missing
    how: str | None  # exact | synonym | translation | related | None
    evidence: str | None  # the CV sentence that satisfies it, or None
    offer_text: str | None = None  # the offer's own wording
    credit: float = 0.0  # 0..1 credit given

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as in INTERFACES.md."""
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "importance": self.importance,
            "status": self.status,
            "how": self.how,
            "evidence": self.evidence,
            "offer_text": self.offer_text,
            "credit": round(self.credit, 3),
        }


@dataclass(frozen=True)
class Check:
    """One ATS / six-second-read check on the CV."""

    code: str
    status: str  # pass | warn | fail
    message: str

    def to_dict(self) -> dict[str, str]:
        """JSON form, as in INTERFACES.md."""
        return {"code": self.code, "status": self.status, "message": self.message}


@dataclass(frozen=True)
class Recommendation:
    """One thing to change in the CV, ordered by expected effect on the score."""

    priority: int
    message: str
    code: str = ""
    gain: float = 0.0  # expected score points gained

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as in INTERFACES.md."""
        return {"priority": self.priority, "message": self.message, "code": self.code,
                "gain": round(self.gain, 1)}


@dataclass(frozen=True)
class MatchReport:
    """The full, explained comparison of one CV with one offer."""

    score: float
    cv_language: str
    offer_language: str
    components: Mapping[str, float]
    requirements: tuple[RequirementResult, ...] = ()
    checks: tuple[Check, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    cv: ParsedDocument | None = field(default=None, compare=False, repr=False)
    offer: ParsedDocument | None = field(default=None, compare=False, repr=False)
    cv_profile: Profile | None = field(default=None, compare=False, repr=False)
    offer_profile: Profile | None = field(default=None, compare=False, repr=False)
    weights: Mapping[str, float] = field(default_factory=dict)  # effective, sum to 1
    caps: tuple[str, ...] = ()  # first-sort caps applied: "experience" | "education"
    scoring_version: str = ""
    keyword_cosine: float = 0.0  # raw TF-IDF cosine behind the `keywords` component

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as in INTERFACES.md."""
        return {
            "score": round(self.score, 1),
            "cv_language": self.cv_language,
            "offer_language": self.offer_language,
            "components": {k: round(v, 3) for k, v in self.components.items()},
            "requirements": [r.to_dict() for r in self.requirements],
            "checks": [c.to_dict() for c in self.checks],
            "recommendations": [r.to_dict() for r in self.recommendations],
            "weights": {k: round(v, 4) for k, v in self.weights.items()},
            "caps": list(self.caps),
            "scoring_version": self.scoring_version,
        }

    def missing_required(self) -> list[RequirementResult]:
        """Required requirements the CV does not meet."""
        return [r for r in self.requirements
                if r.importance == "required" and r.status == "missing"]
