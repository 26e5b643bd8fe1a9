"""Rejection diagnosis: where the process most likely stopped the candidate, why, what next."""

from __future__ import annotations

from analysis.diagnosis.classifier import ModelVersionError, load_model, read_feedback
from analysis.diagnosis.reasoning import diagnose
from analysis.diagnosis.types import (
    CAUSES,
    FEEDBACK_LABELS,
    STAGES,
    TEMPLATE,
    VERDICTS,
    Cause,
    Diagnosis,
    FeedbackReading,
)

__all__ = [
    "CAUSES", "FEEDBACK_LABELS", "STAGES", "TEMPLATE", "VERDICTS", "Cause", "Diagnosis",
    "FeedbackReading", "ModelVersionError", "diagnose", "load_model", "read_feedback",
]
