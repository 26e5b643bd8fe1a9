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


def with_met_rows(cv: SkillVector, rows: Iterable[RequirementResult]) -> SkillVector:
    """The CV's vector plus each hard skill the requirement table shows as met (once).

    A row is also met when the offer's own wording appears in the CV although extraction did
    not tag it there; the profile then agrees with the table.
    """
    counts = dict(cv.counts)
    for row in rows:
        if row.kind == "hard" and row.status == "matched":
            counts.setdefault(row.id, 1.0)
    return SkillVector(counts, cv.importance)


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


def similarity_if_added(offer: SkillVector, cv: SkillVector, skill_ids: Iterable[str]) -> float:
    """The similarity if the CV also named each of `skill_ids` once (those it lacks)."""
    counts = dict(cv.counts)
    for sid in skill_ids:
        counts.setdefault(sid, 1.0)
    return profile_similarity(offer, SkillVector(counts, cv.importance)) or 0.0
