"""The documented combination of components into the 0-100 match score, with first-sort caps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from analysis.matching.types import RequirementResult

COMPONENTS = ("hard_skills", "preferred_skills", "skills_profile", "soft_skills", "title",
              "experience", "education", "languages", "keywords")
# Share of the score for each group; hard skills (required + preferred) share one pool.
# match-v5 weights, chosen on the TRAIN splits only (scripts/tune_scoring.py: French offers
# outside the benchmark split and SkillSpan train; held-out data not used) from a grid over the
# new skills-profile weight and the three it competes with (skills pool, keywords, title), the
# others kept from match-v3/v4: the point whose worst gain over match-v4 across both languages
# and both halves of their queries is largest, with the skills pool kept at >= 10 % so each
# requirement row visibly counts (not rounded: rounding moved the train figures by up to
# 0.005, as much as the differences between the best grid points).
# Why it is a better ATS score, not only a better proxy: the job title is what recruiters and
# ATS searches look at first, the whole-text keyword match is what a keyword ATS computes
# literally, and the skills profile (analysis.matching.overlap) rewards a CV whose skills are
# about the offer's rather than one listing every technology; the pool keeps the requirement
# rows (a missing required skill costs 2.5 times a missing preferred one in both the pool and
# the profile), and a recommended skill's gain counts both. The same weights serve both
# languages.
_GRID_POINT = {  # the grid's raw values; normalised below exactly as the grid scored them
    "skills_pool": 0.13, "skills_profile": 0.10, "soft_skills": 0.04, "title": 0.22,
    "experience": 0.11, "education": 0.06, "languages": 0.03, "keywords": 0.37,
}
BASE_WEIGHTS: Mapping[str, float] = {
    name: value / sum(_GRID_POINT.values()) for name, value in _GRID_POINT.items()}
# Within the pool each required skill weighs 1 and each preferred one 0.4, so a missing
# required skill always costs 2.5 times a missing preferred one, whatever their numbers.
PREFERRED_SKILL_WEIGHT = 0.4
CROSS_LANGUAGE_KEYWORDS = 0.5  # lexical overlap means little between a FR CV and an EN offer
# Caps: a recruiter's first sort rejects CVs far below the asked years or level.
EXPERIENCE_CAP, EXPERIENCE_CAP_RATIO, EXPERIENCE_CAP_MIN_GAP = 50.0, 0.5, 2.0
EDUCATION_CAP, EDUCATION_CAP_GAP = 60.0, 3


@dataclass(frozen=True)
class ScoreResult:
    """Components (0..1), effective weights (0 = not applicable), caps applied and the score."""

    score: float
    components: Mapping[str, float]
    weights: Mapping[str, float]
    caps: tuple[str, ...]


# Soft skills, education and languages: a row the offer only prefers ("a PhD is a plus",
# "conversational French would be an advantage") weighs PREFERRED_SKILL_WEIGHT of a required
# one in its component, and a component whose rows are all preferred keeps that share of its
# weight; a preferred education level never caps the score.
_WEIGHED_KINDS = ("soft", "education", "language")


def row_weight(row: RequirementResult) -> float:
    """A row's weight within its component: 0.4 for a preferred soft skill, level or language."""
    if row.kind in _WEIGHED_KINDS and row.importance == "preferred":
        return PREFERRED_SKILL_WEIGHT
    return 1.0


def _mean_credit(rows: Sequence[RequirementResult]) -> float | None:
    total = sum(row_weight(r) for r in rows)
    return sum(row_weight(r) * r.credit for r in rows) / total if rows else None


def compute_components(rows: Sequence[RequirementResult], keywords: float,
                       skills_profile: float | None = None) -> dict[str, float | None]:
    """Each component as a 0..1 value, or None when the offer asks nothing of that kind."""
    hard = [r for r in rows if r.kind == "hard"]
    return {
        "hard_skills": _mean_credit([r for r in hard if r.importance == "required"]),
        "preferred_skills": _mean_credit([r for r in hard if r.importance == "preferred"]),
        "skills_profile": skills_profile,
        "soft_skills": _mean_credit([r for r in rows if r.kind == "soft"]),
        "title": _mean_credit([r for r in rows if r.kind == "title"]),
        "experience": _mean_credit([r for r in rows if r.kind == "experience"]),
        "education": _mean_credit([r for r in rows if r.kind == "education"]),
        "languages": _mean_credit([r for r in rows if r.kind == "language"]),
        "keywords": keywords,
    }


def effective_weights(rows: Sequence[RequirementResult],
                      components: Mapping[str, float | None],
                      cross_language: bool) -> dict[str, float]:
    """Weights of the applicable components, summing to 1."""
    n_req = sum(1 for r in rows if r.kind == "hard" and r.importance == "required")
    n_pref = sum(1 for r in rows if r.kind == "hard" and r.importance == "preferred")
    pool = n_req + PREFERRED_SKILL_WEIGHT * n_pref
    raw = {
        "hard_skills": BASE_WEIGHTS["skills_pool"] * n_req / pool if pool else 0.0,
        "preferred_skills": (BASE_WEIGHTS["skills_pool"] * PREFERRED_SKILL_WEIGHT * n_pref / pool
                             if pool else 0.0),
    }
    for name in COMPONENTS[2:]:
        raw[name] = BASE_WEIGHTS[name] if components[name] is not None else 0.0
    for kind, name in (("soft", "soft_skills"), ("education", "education"),
                       ("language", "languages")):
        of_kind = [row_weight(r) for r in rows if r.kind == kind]
        if of_kind:
            raw[name] *= max(of_kind)
    if cross_language:
        raw["keywords"] *= CROSS_LANGUAGE_KEYWORDS
    total = sum(raw.values())
    return {k: (v / total if total else 0.0) for k, v in raw.items()}


def _caps(rows: Sequence[RequirementResult], cv_years: float | None,
          offer_years: float | None, cv_level: int | None,
          offer_level: int | None) -> list[tuple[str, float]]:
    caps = []
    if (offer_years and cv_years is not None and cv_years < EXPERIENCE_CAP_RATIO * offer_years
            and offer_years - cv_years >= EXPERIENCE_CAP_MIN_GAP):
        caps.append(("experience", EXPERIENCE_CAP))
    preferred_level = any(r.kind == "education" and r.importance == "preferred" for r in rows)
    if (offer_level is not None and cv_level is not None and not preferred_level
            and offer_level - cv_level >= EDUCATION_CAP_GAP):
        caps.append(("education", EDUCATION_CAP))
    return caps


def combine(rows: Sequence[RequirementResult], keywords: float, *, cross_language: bool,
            skills_profile: float | None = None,
            cv_years: float | None = None, offer_years: float | None = None,
            cv_level: int | None = None, offer_level: int | None = None) -> ScoreResult:
    """Weighted sum of the applicable components, x100, then the first-sort caps."""
    components = compute_components(rows, keywords, skills_profile)
    weights = effective_weights(rows, components, cross_language)
    score = 100.0 * sum(weights[k] * (components[k] or 0.0) for k in COMPONENTS)
    caps = _caps(rows, cv_years, offer_years, cv_level, offer_level)
    for _, cap in caps:
        score = min(score, cap)
    shown = {k: (1.0 if v is None else max(0.0, min(1.0, v))) for k, v in components.items()}
    return ScoreResult(score=round(score, 1), components=shown, weights=weights,
                       caps=tuple(name for name, _ in caps))


def gain_if_met(row: RequirementResult, weights: Mapping[str, float],
                rows: Sequence[RequirementResult], profile_gain: float = 0.0) -> float:
    """Score points this requirement would add if fully met (before caps).

    `profile_gain` is how much the skills-profile similarity would rise if the CV named the
    skill (see `analysis.matching.overlap.similarity_if_added`).
    """
    component = _component_of(row)
    same = [r for r in rows if _component_of(r) == component]
    if not same:
        return 0.0
    own = (100.0 * weights.get(component, 0.0) * row_weight(row) * (1.0 - row.credit)
           / sum(row_weight(r) for r in same))
    return own + 100.0 * weights.get("skills_profile", 0.0) * profile_gain


def _component_of(row: RequirementResult) -> str:
    if row.kind == "hard":
        return "hard_skills" if row.importance == "required" else "preferred_skills"
    return {"soft": "soft_skills", "language": "languages"}.get(row.kind, row.kind)
