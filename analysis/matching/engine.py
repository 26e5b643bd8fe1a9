"""`match` and `match_profiles`: requirement rows, components, score, checks, recommendations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from analysis.errors import DocumentError, InvalidArgumentError, NotFoundError
from analysis.extraction.types import Profile
from analysis.matching.checks import document_checks, readable_check, word_count
from analysis.matching.content_checks import keyword_frequency_check
from analysis.matching.criteria import education_row, experience_row, language_rows, title_row
from analysis.matching.keywords import KeywordModel, keyword_tokens, load_keyword_model
from analysis.matching.overlap import gains_if_named, profile_similarity, skill_vectors
from analysis.matching.recommend import recommend
from analysis.matching.scoring import combine
from analysis.matching.skills import TaxonomyLike, skill_rows
from analysis.matching.types import Check, MatchReport, RequirementResult
from analysis.parsing.document import ParsedDocument

# match-v9: any degree phrase ("Bachelor's degree in business") is the education row's, never a
# skill row; the education row quotes the CV line of the degree; CVs' "BA Business
# Administration" and offers' "Spanish is a plus" are read (extraction 8); French titles match
# across genders and inclusive writing ("Infirmier / Infirmière diplômé(e)"). Same weights.
# match-v8: an offer's education level and languages are required or only preferred, as its
# skills are ("a PhD is a plus"); a preferred level never caps; English "degree in X" is read;
# a new section heading after "Nice to have" ("Education") is required again (extraction 7).
# match-v7: a hyphenated dictionary adjective ("Hands-on") is no skill row, capitalised or not.
# match-v6: degree phrases ("BS/BA degree") are education, not skill rows; same weights.
# match-v5: a skills-profile component (cosine of the hard-skill vectors by id, see overlap.py)
# and new weights; match-v4 fixed offer titles (never a long line or a sentence).
SCORING_VERSION = "match-v9"
_UNREADABLE_CODES = {"no_text_layer", "empty"}
_MIN_READABLE_WORDS = 5
_MAX_PATH_CHARS = 4096
# a one-line string naming a document file is a path, even when the file is missing
_LOOKS_LIKE_FILE = re.compile(r"^\S+\.(pdf|docx?|odt|rtf|txt)$", re.IGNORECASE)


def _taxonomy() -> TaxonomyLike:
    from analysis.taxonomy import load_taxonomy

    return load_taxonomy()


def to_document(value: Any, role: str) -> ParsedDocument:
    """A ParsedDocument from a ParsedDocument, a Path, an existing file's path, bytes or text."""
    from analysis.parsing import parse_document, parse_text

    if isinstance(value, ParsedDocument):
        return value
    if isinstance(value, Path):
        return parse_document(value)
    if isinstance(value, bytes | bytearray):
        return parse_document(bytes(value))
    if isinstance(value, str):
        if "\n" not in value and 0 < len(value) < _MAX_PATH_CHARS:
            try:
                if Path(value).is_file():
                    return parse_document(Path(value))
            except OSError:  # not a usable path: treat it as text
                pass
            if _LOOKS_LIKE_FILE.search(value.strip()):
                raise NotFoundError(f"{role} file not found: {value.strip()}")
        return parse_text(value, source=f"<{role}>")
    raise InvalidArgumentError(f"cannot read a {role} from a {type(value).__name__}")


def _empty_cv(lang: str, source: str = "<cv>") -> tuple[ParsedDocument, Profile]:
    doc = ParsedDocument(source=source, format="text", language=lang, pages=0, text="")
    return doc, Profile(role="cv", language=lang)


def match(cv: Any, offer: Any) -> MatchReport:
    """Score a CV against an offer; a scanned or empty CV gives a failed check, not an error."""
    from analysis.extraction import profile_cv, profile_offer

    offer_doc = to_document(offer, "offer")
    offer_profile = profile_offer(offer_doc)
    try:
        cv_doc = to_document(cv, "cv")
    except DocumentError as exc:
        if exc.code not in _UNREADABLE_CODES:
            raise
        source = str(cv) if isinstance(cv, Path | str) and len(str(cv)) < 300 else "<cv>"
        cv_doc, cv_profile = _empty_cv(offer_doc.language, source)
        return match_profiles(cv_doc, cv_profile, offer_doc, offer_profile,
                              unreadable_code=exc.code)
    if word_count(cv_doc.text) < _MIN_READABLE_WORDS:
        return match_profiles(cv_doc, Profile(role="cv", language=cv_doc.language),
                              offer_doc, offer_profile)
    return match_profiles(cv_doc, profile_cv(cv_doc), offer_doc, offer_profile)


def requirement_rows(cv_doc: ParsedDocument, cv_profile: Profile, offer_profile: Profile,
                     lang: str, taxonomy: TaxonomyLike | None) -> list[RequirementResult]:
    """All requirement rows: skills, then title, experience, education, languages."""
    rows = skill_rows(cv_doc, cv_profile, offer_profile, taxonomy)
    title = title_row(cv_doc, cv_profile, offer_profile)
    criteria = [title, experience_row(cv_profile, offer_profile, lang),
                education_row(cv_profile, offer_profile, lang, cv_doc)]
    rows.extend(r for r in criteria if r is not None)
    rows.extend(language_rows(cv_doc, cv_profile, offer_profile, lang))
    return rows


def _checks(cv_doc: ParsedDocument, cv_profile: Profile, rows: Sequence[RequirementResult],
            lang: str, readable: bool, unreadable_code: str | None) -> list[Check]:
    if not readable:
        return [readable_check(None if unreadable_code else cv_doc, lang, unreadable_code)]
    checks = document_checks(cv_doc, cv_profile, lang)
    at = next(i for i, c in enumerate(checks) if c.code == "bullets")
    checks.insert(at, keyword_frequency_check(cv_doc, cv_profile, rows, lang))
    return checks


def score_profiles(cv_doc: ParsedDocument, cv_profile: Profile, offer_doc: ParsedDocument,
                   offer_profile: Profile, *, cv_tokens: Sequence[str] | None = None,
                   offer_tokens: Sequence[str] | None = None,
                   taxonomy: TaxonomyLike | None = None,
                   keyword_model: KeywordModel | None = None,
                   unreadable_code: str | None = None) -> MatchReport:
    """Score and requirement rows only (no checks, no advice): for ranking many CVs fast."""
    readable = unreadable_code is None and word_count(cv_doc.text) >= _MIN_READABLE_WORDS
    lang = cv_doc.language if readable else offer_doc.language
    taxonomy = taxonomy if taxonomy is not None else _taxonomy()
    model = keyword_model or load_keyword_model()
    rows = requirement_rows(cv_doc, cv_profile, offer_profile, lang, taxonomy)
    cosine = 0.0
    if readable:
        cv_toks = cv_tokens if cv_tokens is not None else keyword_tokens(cv_doc.text,
                                                                          cv_doc.language)
        offer_toks = (offer_tokens if offer_tokens is not None
                      else keyword_tokens(offer_doc.text, offer_doc.language))
        cosine = model.cosine(cv_toks, offer_toks, offer_doc.language)
    result = combine(rows, model.credit(cosine, offer_doc.language),
                     cross_language=cv_doc.language != offer_doc.language,
                     skills_profile=profile_similarity(*skill_vectors(offer_profile, cv_profile,
                                                                      rows)),
                     cv_years=cv_profile.years_experience,
                     offer_years=offer_profile.years_experience,
                     cv_level=cv_profile.education_level,
                     offer_level=offer_profile.education_level)
    return MatchReport(
        score=result.score if readable else 0.0, cv_language=cv_doc.language,
        offer_language=offer_doc.language, components=result.components,
        requirements=tuple(rows), cv=cv_doc, offer=offer_doc, cv_profile=cv_profile,
        offer_profile=offer_profile, weights=result.weights, caps=result.caps,
        scoring_version=SCORING_VERSION, keyword_cosine=cosine)


def _profile_gains(report: MatchReport) -> dict[str, float]:
    """For each unmet hard-skill row, how much naming it would raise the skills profile."""
    if report.offer_profile is None or report.cv_profile is None:
        return {}
    vectors = skill_vectors(report.offer_profile, report.cv_profile, report.requirements)
    return gains_if_named(*vectors, report.requirements)


def match_profiles(cv_doc: ParsedDocument, cv_profile: Profile, offer_doc: ParsedDocument,
                   offer_profile: Profile, *, cv_tokens: Sequence[str] | None = None,
                   offer_tokens: Sequence[str] | None = None,
                   taxonomy: TaxonomyLike | None = None,
                   keyword_model: KeywordModel | None = None,
                   unreadable_code: str | None = None) -> MatchReport:
    """Score already-extracted profiles (batch and talent pool reuse cached extractions).

    Lemma tokens for the keyword component come from `cv_tokens`/`offer_tokens` when given,
    else from a content-keyed cache (each text is lemmatised once per process).
    """
    report = score_profiles(cv_doc, cv_profile, offer_doc, offer_profile, cv_tokens=cv_tokens,
                            offer_tokens=offer_tokens, taxonomy=taxonomy,
                            keyword_model=keyword_model, unreadable_code=unreadable_code)
    readable = unreadable_code is None and word_count(cv_doc.text) >= _MIN_READABLE_WORDS
    lang = cv_doc.language if readable else offer_doc.language
    checks = _checks(cv_doc, cv_profile, report.requirements, lang, readable, unreadable_code)
    recommendations = recommend(report.requirements, checks, report.weights, cv_doc, lang,
                                readable, _profile_gains(report))
    return replace(report, checks=tuple(checks), recommendations=tuple(recommendations))
