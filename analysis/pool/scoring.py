"""Ranking score for the pool: `match_profiles` without the CV-only checks and recommendations.

Ranking a thousand candidates needs each one's score and requirement rows, not the ATS checks
of their CV nor the rewrite advice, which cost about a third of a full match. The score is the
matcher's own (same rows, keyword similarity and `combine`); a test keeps them equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from analysis.extraction.types import Profile
from analysis.matching.checks import word_count
from analysis.matching.engine import _MIN_READABLE_WORDS, SCORING_VERSION, requirement_rows
from analysis.matching.keywords import keyword_tokens
from analysis.matching.scoring import combine
from analysis.matching.types import MatchReport
from analysis.parsing.document import ParsedDocument


def ranking_report(cv_doc: ParsedDocument, cv_profile: Profile, offer_doc: ParsedDocument,
                   offer_profile: Profile, *, cv_tokens: Sequence[str] | None,
                   offer_tokens: Sequence[str] | None, taxonomy: Any,
                   keyword_model: Any) -> MatchReport:
    """Score and requirement rows of one CV against one offer (no checks, no advice)."""
    readable = word_count(cv_doc.text) >= _MIN_READABLE_WORDS
    lang = cv_doc.language if readable else offer_doc.language
    rows = requirement_rows(cv_doc, cv_profile, offer_profile, lang, taxonomy)
    cosine = 0.0
    if readable:
        cv_toks = cv_tokens if cv_tokens is not None else keyword_tokens(cv_doc.text,
                                                                          cv_doc.language)
        offer_toks = (offer_tokens if offer_tokens is not None
                      else keyword_tokens(offer_doc.text, offer_doc.language))
        cosine = keyword_model.cosine(cv_toks, offer_toks)
    keywords = keyword_model.credit(cosine)
    result = combine(rows, keywords, cross_language=cv_doc.language != offer_doc.language,
                     cv_years=cv_profile.years_experience,
                     offer_years=offer_profile.years_experience,
                     cv_level=cv_profile.education_level,
                     offer_level=offer_profile.education_level)
    return MatchReport(
        score=result.score if readable else 0.0,
        cv_language=cv_doc.language, offer_language=offer_doc.language,
        components=result.components, requirements=tuple(rows), cv=cv_doc, offer=offer_doc,
        cv_profile=cv_profile, offer_profile=offer_profile, weights=result.weights,
        caps=result.caps, scoring_version=SCORING_VERSION, keyword_cosine=cosine)
