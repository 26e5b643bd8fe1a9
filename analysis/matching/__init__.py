"""Matching and scoring: an explained, ATS-style comparison of one CV with one offer."""

from __future__ import annotations

from analysis.matching.engine import (
    SCORING_VERSION,
    match,
    match_profiles,
    score_profiles,
    to_document,
)
from analysis.matching.keywords import keyword_tokens, load_keyword_model
from analysis.matching.types import Check, MatchReport, Recommendation, RequirementResult

__all__ = [
    "SCORING_VERSION",
    "Check",
    "MatchReport",
    "Recommendation",
    "RequirementResult",
    "keyword_tokens",
    "load_keyword_model",
    "match",
    "match_profiles",
    "score_profiles",
    "to_document",
]
