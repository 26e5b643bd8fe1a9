"""Rejection diagnosis: where the process most likely stopped the candidate, why, what next."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:  # pragma: no cover
    from analysis.diagnosis.classifier import ModelVersionError, load_model, read_feedback
    from analysis.diagnosis.reasoning import diagnose

__all__ = [
    "CAUSES", "FEEDBACK_LABELS", "STAGES", "TEMPLATE", "VERDICTS", "Cause", "Diagnosis",
    "FeedbackReading", "ModelVersionError", "diagnose", "load_model", "read_feedback",
]

# scikit-learn and skops load only when the classifier or the reasoning is first used, so the
# stage list and the dataclasses stay cheap to import (follow-ups, storage, the app).
_LAZY = {
    "diagnose": "analysis.diagnosis.reasoning",
    "ModelVersionError": "analysis.diagnosis.classifier",
    "load_model": "analysis.diagnosis.classifier",
    "read_feedback": "analysis.diagnosis.classifier",
}


def __getattr__(name: str) -> Any:
    """Import the heavy parts on first use."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'analysis.diagnosis' has no attribute {name!r}")
