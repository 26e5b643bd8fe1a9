"""The skills-profile component: how much the CV's hard skills are about the offer's.

The requirement rows measure coverage (does the CV have what the offer asks?); a CV that lists
every technology covers many offers. This component measures focus as well: the cosine between
the offer's and the CV's hard-skill vectors, by skill id (so a French CV and an English offer
compare by concept), each skill weighted by the square root of its number of mentions and, on
both sides, by its importance in the offer (a preferred skill weighs PREFERRED_SKILL_WEIGHT of
a required one, the rule of the skills pool). Near matches through the ESCO hierarchy earn credit
in the requirement rows only; here a skill counts when the CV names the same concept. Every
hard mention extraction found counts, also open-vocabulary phrases too loose to be requirement
rows: they still say what a text is about (on SkillSpan train, leaving them out lowered this
component's ranking alone from 0.811 to 0.793 nDCG@10).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from analysis.extraction.types import Profile
from analysis.matching.scoring import PREFERRED_SKILL_WEIGHT
from analysis.matching.types import RequirementResult


@dataclass(frozen=True)
class SkillVector:
    """Hard skills by id: sqrt(number of mentions), and (offers) each skill's importance."""

    counts: Mapping[str, float]
    importance: Mapping[str, float]


def skill_vector(profile: Profile) -> SkillVector:
    """The profile's hard skills; an offer's also carry importance (required 1, preferred 0.4)."""
    counts: dict[str, int] = {}
    importance: dict[str, float] = {}
    for mention in profile.mentions:
        if mention.kind != "hard":
            continue
        counts[mention.skill_id] = counts.get(mention.skill_id, 0) + 1
        if profile.role == "offer":
            level = PREFERRED_SKILL_WEIGHT if mention.importance == "preferred" else 1.0
            importance[mention.skill_id] = max(importance.get(mention.skill_id, 0.0), level)
    return SkillVector({sid: math.sqrt(n) for sid, n in counts.items()}, importance)


def _naming(cv: SkillVector, skill_ids: Iterable[str]) -> SkillVector:
    """The CV's vector as if it also named each of `skill_ids` once (those it lacks)."""
    counts = dict(cv.counts)
    for sid in skill_ids:
        counts.setdefault(sid, 1.0)
    return SkillVector(counts, cv.importance)


def with_met_rows(cv: SkillVector, rows: Iterable[RequirementResult]) -> SkillVector:
    """The CV's vector plus each hard skill the requirement table shows as met (once).

    A row is also met when the offer's own wording appears in the CV although extraction did
    not tag it there; the profile then agrees with the table.
    """
    return _naming(cv, (r.id for r in rows if r.kind == "hard" and r.status == "matched"))


def skill_vectors(offer_profile: Profile, cv_profile: Profile,
                  rows: Iterable[RequirementResult]) -> tuple[SkillVector, SkillVector]:
    """The offer's and the CV's vectors, the CV's counting the hard rows met (`with_met_rows`)."""
    return skill_vector(offer_profile), with_met_rows(skill_vector(cv_profile), rows)


def profile_similarity(offer: SkillVector, cv: SkillVector) -> float | None:
    """Cosine of the two skill vectors (0..1); None when the offer names no hard skill.

    Both sides weigh a skill by the offer's importance for it (1 when the offer does not name
    it), so a CV naming exactly the offer's skills as often as the offer scores 1.
    """
    if not offer.counts:
        return None
    weight = offer.importance
    offer_norm = math.sqrt(sum((weight.get(s, 1.0) * v) ** 2 for s, v in offer.counts.items()))
    cv_norm = math.sqrt(sum((weight.get(s, 1.0) * v) ** 2 for s, v in cv.counts.items()))
    if not cv_norm:
        return 0.0
    dot = sum(weight.get(s, 1.0) ** 2 * v * cv.counts.get(s, 0.0)
              for s, v in offer.counts.items())
    return dot / (offer_norm * cv_norm)


def similarity_if_added(offer: SkillVector, cv: SkillVector, skill_id: str) -> float:
    """The similarity if the CV also named `skill_id` (unchanged when it already does)."""
    return profile_similarity(offer, _naming(cv, [skill_id])) or 0.0


def gains_if_named(offer: SkillVector, cv: SkillVector,
                   rows: Iterable[RequirementResult]) -> dict[str, float]:
    """For each unmet hard-skill row, how much naming it would raise the similarity."""
    now = profile_similarity(offer, cv)
    if now is None:
        return {}
    return {r.id: similarity_if_added(offer, cv, r.id) - now
            for r in rows if r.kind == "hard" and r.status != "matched"}
