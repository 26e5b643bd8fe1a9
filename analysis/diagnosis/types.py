"""Dataclasses of the diagnosis stage: stages, cause codes, one cause, the full diagnosis."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STAGES: tuple[str, ...] = (
    "no_response",
    "rejected_before_interview",
    "rejected_after_phone_screen",
    "rejected_after_interview",
    "rejected_after_final_interview",
)

# Causes found at the CV sort, and causes that only exist once the candidate was met.
CV_CAUSES: tuple[str, ...] = (
    "missing_keywords", "profile_mismatch", "experience_gap", "education_gap", "cv_format",
)
LATER_CAUSES: tuple[str, ...] = (
    "soft_skills", "technical_interview", "culture_fit", "competition",
)
CAUSES: tuple[str, ...] = CV_CAUSES + LATER_CAUSES + ("position_closed",)
# Label of the feedback classifier for rejections that give no reason at all.
TEMPLATE = "template"
FEEDBACK_LABELS: tuple[str, ...] = CAUSES + (TEMPLATE,)
VERDICTS: tuple[str, ...] = ("cv_screening", "later_stage", "uncertain")


@dataclass(frozen=True)
class Cause:
    """One likely cause of the rejection, its weight (0..1) and the evidence behind it."""

    code: str
    weight: float
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as in INTERFACES.md."""
        return {"code": self.code, "weight": round(self.weight, 3),
                "evidence": list(self.evidence)}


@dataclass(frozen=True)
class FeedbackReading:
    """What the feedback classifier read in a recruiter's message."""

    label: str  # the most likely label: a cause code or "template"
    probabilities: dict[str, float] = field(default_factory=dict)  # label -> probability
    lang: str = "fr"
    informative: bool = False  # True when the message names a cause, not just a template
    sentence: str | None = None  # the sentence that carried the cause, when one did

    def to_dict(self) -> dict[str, Any]:
        """JSON form (extra field of the diagnosis JSON)."""
        return {"label": self.label, "lang": self.lang, "informative": self.informative,
                "sentence": self.sentence,
                "probabilities": {k: round(v, 3) for k, v in self.probabilities.items()}}


@dataclass(frozen=True)
class Diagnosis:
    """Where a rejection most likely came from, why, and what to do next."""

    verdict: str  # cv_screening | later_stage | uncertain
    probabilities: dict[str, float]  # cv_screening, later_stage (sum to 1)
    causes: tuple[Cause, ...]
    actions: tuple[str, ...]
    explanation: str
    lang: str = "fr"
    stage: str = ""
    evidence: tuple[str, ...] = ()  # which inputs drove the verdict
    feedback: FeedbackReading | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as in INTERFACES.md (plus `lang`, `stage`, `evidence`, `feedback`)."""
        return {
            "verdict": self.verdict,
            "probabilities": {k: round(v, 3) for k, v in self.probabilities.items()},
            "causes": [c.to_dict() for c in self.causes],
            "actions": list(self.actions),
            "explanation": self.explanation,
            "lang": self.lang,
            "stage": self.stage,
            "evidence": list(self.evidence),
            "feedback": self.feedback.to_dict() if self.feedback else None,
        }
