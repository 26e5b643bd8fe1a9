"""How to re-contact a pool candidate: channel, what changed since the rejection, talking points."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.matching.types import MatchReport

ADVANCED_STAGES = frozenset({"rejected_after_interview", "rejected_after_final_interview"})
SENIOR_LEVELS = frozenset({"senior", "executive"})
GAP_REASONS = frozenset({"technical", "experience"})
SKILL_KINDS = ("hard", "soft")

STAGE_LABELS = {
    "fr": {"no_response": "sans réponse", "rejected_before_interview": "avant entretien",
           "rejected_after_phone_screen": "après l'appel de présélection",
           "rejected_after_interview": "après entretien",
           "rejected_after_final_interview": "après l'entretien final"},
    "en": {"no_response": "no response", "rejected_before_interview": "before interview",
           "rejected_after_phone_screen": "after the phone screen",
           "rejected_after_interview": "after the interview",
           "rejected_after_final_interview": "after the final interview"},
}
REASON_LABELS = {
    "fr": {"technical": "compétences techniques", "soft_skills": "savoir-être",
           "culture_fit": "adéquation culturelle", "experience": "expérience", "other": "autre"},
    "en": {"technical": "technical skills", "soft_skills": "soft skills",
           "culture_fit": "culture fit", "experience": "experience", "other": "other"},
}
_T = {
    "fr": {
        "dnc": "NE PAS CONTACTER : la personne a demandé à ne plus être contactée.",
        "bad": "Attention : la personne a mal réagi au dernier refus ; approche prudente.",
        "context": "Rappeler le contexte : candidature {position}il y a {days} jours, "
                   "refus {stage} ({reason}).",
        "needs": "Le poste demande {skills}, que la personne possède.",
        "gone": "Ce qui manquait la dernière fois ({skills}) n'est pas exigé ici.",
        "still": "Toujours exigé et absent du CV : {skills} — à aborder franchement.",
        "now_has": "Le CV mentionne désormais {skills}, qui manquait la dernière fois.",
        "years": "Expérience demandée : {asked} ans ; la personne en a {has}.",
        "fit": "Le refus portait sur {reason}, pas sur les compétences : présenter "
               "l'équipe et le contexte, différents cette fois.",
        "ask": "Demander ce qui a changé depuis (missions, formations) et l'intérêt actuel.",
        "check": "À vérifier avant de reprendre contact : {skills}.",
        "channel_phone": "Appeler plutôt qu'écrire : {why}.",
        "why_stage": "la personne est allée loin dans le processus",
        "why_level": "poste senior",
    },
    "en": {
        "dnc": "DO NOT CONTACT: the person asked not to be contacted again.",
        "bad": "Careful: the person reacted badly to the last rejection; approach gently.",
        "context": "Recall the context: applied {position}{days} days ago, rejected {stage} "
                   "({reason}).",
        "needs": "The role needs {skills}, which they have.",
        "gone": "What was missing last time ({skills}) is not required here.",
        "still": "Still required and missing from the CV: {skills} — address it openly.",
        "now_has": "The CV now mentions {skills}, missing last time.",
        "years": "Experience asked: {asked} years; they have {has}.",
        "fit": "The rejection was about {reason}, not skills: present the team and context, "
               "which are different this time.",
        "ask": "Ask what changed since (projects, training) and whether they are still "
               "interested.",
        "check": "Check before reaching out: {skills}.",
        "channel_phone": "Call rather than write: {why}.",
        "why_stage": "they went far in the process",
        "why_level": "senior role",
    },
}


@dataclass(frozen=True)
class Advice:
    """The re-contact advice for one candidate against one new offer."""

    channel: str
    what_changed: tuple[str, ...]
    talking_points: tuple[str, ...]
    matched_skills: tuple[str, ...]
    missing_required: tuple[str, ...]
    flags: tuple[str, ...]


def channel_for(stage: str, role_level: str | None, used: str) -> str:
    """Phone for advanced stages or senior roles, otherwise the channel already used."""
    if stage in ADVANCED_STAGES or (role_level or "") in SENIOR_LEVELS:
        return "phone"
    return used or "email"


def _join(labels: Sequence[str], limit: int = 5) -> str:
    labels = list(dict.fromkeys(labels))
    shown = ", ".join(labels[:limit])
    return shown + (f" (+{len(labels) - limit})" if len(labels) > limit else "")


def advise(report: MatchReport, *, stage: str, reason: str, role_level: str | None,
           used_channel: str, days_since: int, position: str | None,
           old_gaps: Sequence[dict] = (), cv_skill_ids: frozenset[str] = frozenset(),
           do_not_contact: bool = False, reacted_badly: bool = False,
           lang: str = "en") -> Advice:
    """Channel, what changed and talking points for re-contacting a candidate about `report`."""
    t = _T.get(lang, _T["en"])
    skills = [r for r in report.requirements if r.kind in SKILL_KINDS]
    matched = [r.label for r in skills if r.status in ("matched", "partial")]
    missing = [r.label for r in report.requirements
               if r.importance == "required" and r.status == "missing"]
    required_ids = {r.id for r in report.requirements}
    changed: list[str] = []
    if reason in GAP_REASONS:
        gaps_gone = [g["label"] for g in old_gaps if g["id"] not in required_ids]
        gaps_held = [g["label"] for g in old_gaps if g["id"] in cv_skill_ids]
        gaps_still = [g["label"] for g in old_gaps
                      if g["id"] in required_ids and g["id"] not in cv_skill_ids]
        if matched:
            changed.append(t["needs"].format(skills=_join(matched)))
        if gaps_held:
            changed.append(t["now_has"].format(skills=_join(gaps_held)))
        if gaps_gone:
            changed.append(t["gone"].format(skills=_join(gaps_gone)))
        if gaps_still:
            changed.append(t["still"].format(skills=_join(gaps_still)))
        changed.extend(_years(report, t))
    elif matched:
        changed.append(t["needs"].format(skills=_join(matched)))
    channel = channel_for(stage, role_level, used_channel)
    flags = tuple(f for f, on in (("do_not_contact", do_not_contact),
                                  ("reacted_badly", reacted_badly)) if on)
    points: list[str] = []
    if do_not_contact:
        points.append(t["dnc"])
    if reacted_badly:
        points.append(t["bad"])
    labels = STAGE_LABELS.get(lang, STAGE_LABELS["en"])
    reasons = REASON_LABELS.get(lang, REASON_LABELS["en"])
    points.append(t["context"].format(position=f"« {position} » " if lang == "fr" and position
                                      else (f"for {position}, " if position else ""),
                                      days=days_since, stage=labels.get(stage, stage),
                                      reason=reasons.get(reason, reason)))
    if channel == "phone":
        why = t["why_stage"] if stage in ADVANCED_STAGES else t["why_level"]
        points.append(t["channel_phone"].format(why=why))
    points.extend(changed)
    if reason in ("soft_skills", "culture_fit"):
        points.append(t["fit"].format(reason=reasons[reason]))
    points.append(t["ask"])
    if missing and reason not in GAP_REASONS:
        points.append(t["check"].format(skills=_join(missing)))
    return Advice(channel, tuple(changed), tuple(points), tuple(dict.fromkeys(matched)),
                  tuple(dict.fromkeys(missing)), flags)


def _years(report: MatchReport, t: dict[str, str]) -> list[str]:
    offer, cv = report.offer_profile, report.cv_profile
    if offer is None or cv is None or offer.years_experience is None:
        return []
    if cv.years_experience is None or cv.years_experience < offer.years_experience:
        return []
    return [t["years"].format(asked=_num(offer.years_experience), has=_num(cv.years_experience))]


def _num(value: float) -> str:
    return f"{value:g}"
