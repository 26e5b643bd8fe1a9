"""Skill requirement rows: offer skills matched to the CV by id, language or ESCO links."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from analysis.extraction.types import Profile, SkillMention
from analysis.matching.text import fold, sentence_at
from analysis.matching.types import RequirementResult
from analysis.parsing.document import ParsedDocument

RELATED_CREDIT = 0.5  # an ESCO broader/narrower/related skill is a near match, not a match
# Sections whose mentions make the best evidence (a skill used in a job beats a skills list).
_EVIDENCE_ORDER = ("experience", "projects", "summary", None, "certifications", "education",
                   "skills", "other", "interests", "languages", "contact")


class TaxonomyLike(Protocol):
    """What matching needs from `analysis.taxonomy.Taxonomy`."""

    def broader(self, skill_id: str) -> frozenset[str]:
        """Broader ESCO concepts of a skill."""
        ...

    def related(self, skill_id: str) -> frozenset[str]:
        """Related ESCO concepts of a skill."""
        ...


def mention_section(doc: ParsedDocument | None, mention: SkillMention) -> str | None:
    """The section of a mention: the extractor's answer, else the parsed document's."""
    if mention.section:
        return mention.section
    return doc.section_at(mention.start) if doc is not None else None


def best_mention(doc: ParsedDocument | None, mentions: Iterable[SkillMention]) -> SkillMention:
    """The mention that makes the most convincing evidence (experience first)."""
    def rank(m: SkillMention) -> tuple[int, int]:
        section = mention_section(doc, m)
        order = _EVIDENCE_ORDER.index(section) if section in _EVIDENCE_ORDER else 3
        return order, m.start

    return min(mentions, key=rank)


def _offer_skills(offer: Profile) -> dict[str, list[SkillMention]]:
    grouped: dict[str, list[SkillMention]] = {}
    for mention in offer.mentions:
        grouped.setdefault(mention.skill_id, []).append(mention)
    return grouped


def _neighbours(taxonomy: TaxonomyLike | None, skill_id: str) -> frozenset[str]:
    if taxonomy is None:
        return frozenset()
    try:
        return taxonomy.broader(skill_id) | taxonomy.related(skill_id)
    except KeyError:
        return frozenset()


def _how(cv_mentions: list[SkillMention], offer_mentions: list[SkillMention],
         cv_lang: str, offer_lang: str) -> str:
    offer_surfaces = {fold(m.text) for m in offer_mentions}
    if any(fold(m.text) in offer_surfaces for m in cv_mentions):
        return "exact"
    return "synonym" if cv_lang == offer_lang else "translation"


def skill_rows(cv_doc: ParsedDocument | None, cv: Profile, offer: Profile,
               taxonomy: TaxonomyLike | None) -> list[RequirementResult]:
    """One row per distinct offer skill: status, how, credit and the CV evidence sentence."""
    by_id: dict[str, list[SkillMention]] = {}
    for mention in cv.mentions:
        by_id.setdefault(mention.skill_id, []).append(mention)
    # CV skills reachable through one ESCO link (either direction) from each CV skill
    reverse: dict[str, list[str]] = {}
    for cv_id in by_id:
        for near in _neighbours(taxonomy, cv_id):
            reverse.setdefault(near, []).append(cv_id)
    cv_text = cv_doc.text if cv_doc is not None else ""
    rows: list[RequirementResult] = []
    for skill_id, mentions in _offer_skills(offer).items():
        importance = ("required" if any(m.importance in (None, "required") for m in mentions)
                      else "preferred")
        first = mentions[0]
        label = first.label or first.text
        offer_text = first.text
        if skill_id in by_id:
            ev = best_mention(cv_doc, by_id[skill_id])
            rows.append(RequirementResult(
                id=skill_id, label=label, kind=first.kind, importance=importance,
                status="matched", how=_how(by_id[skill_id], mentions, cv.language, offer.language),
                evidence=sentence_at(cv_text, ev.start, ev.end) if cv_text else None,
                offer_text=offer_text, credit=1.0))
            continue
        near_ids = [c for c in _neighbours(taxonomy, skill_id) if c in by_id]
        near_ids += [c for c in reverse.get(skill_id, []) if c not in near_ids]
        if near_ids:
            ev = best_mention(cv_doc, [m for c in near_ids for m in by_id[c]])
            rows.append(RequirementResult(
                id=skill_id, label=label, kind=first.kind, importance=importance,
                status="partial", how="related",
                evidence=sentence_at(cv_text, ev.start, ev.end) if cv_text else None,
                offer_text=offer_text, credit=RELATED_CREDIT))
            continue
        rows.append(RequirementResult(
            id=skill_id, label=label, kind=first.kind, importance=importance, status="missing",
            how=None, evidence=None, offer_text=offer_text, credit=0.0))
    order = {"required": 0, "preferred": 1}
    rows.sort(key=lambda r: (r.kind != "hard", order[r.importance], r.credit, fold(r.label)))
    return rows
