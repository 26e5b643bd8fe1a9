"""Skill requirement rows: offer skills matched to the CV by id, language or ESCO links."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from analysis.extraction.facts import is_education_level
from analysis.extraction.normalize import english_lookup, english_word_classes
from analysis.extraction.types import Profile, SkillMention
from analysis.matching.text import find_wording, fold, sentence_at
from analysis.matching.types import RequirementResult
from analysis.parsing.document import ParsedDocument

# Near matches through the taxonomy: a parent or child concept (deep learning for machine
# learning) earns more than a merely related one (Tableau for Power BI).
HIERARCHY_CREDIT = 0.5
RELATED_CREDIT = 0.3
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


# Open-vocabulary terms (ids "cvscope:term/...", found by extraction's tagger rather than the
# taxonomy) become requirements only when they read as a skill name: not a clipped span
# ("Review code and"), not a long clause, not a bare verb phrase or a generic word.
_TERM_PREFIX = "cvscope:term/"
_FUNCTION_WORDS = frozenset(
    "a an the and or of to with for in on at by as from into our your their its this that "
    "le la les l un une des de du d et ou en au aux pour par avec sur dans".split())
_TERM_VERBS = frozenset(
    "manage maintain improve review run own work coordinate plan grow build develop design "
    "lead drive support ensure deliver create help collaborate communicate write take make "
    "use".split())
_GENERIC_TERMS = frozenset(
    "design plan solid english french german spanish anglais francais experience "
    "skills knowledge ability team work hands".split())
_EDUCATION_HEADS = frozenset("degree degrees diploma diplomas diplome diplomes".split())
_DEGREE_NEXT = frozenset("in of or and en".split())
MAX_TERM_WORDS = 4


def is_tagger_term(skill_id: str) -> bool:
    """Whether a skill id is an open-vocabulary term of the English tagger (no taxonomy id)."""
    return skill_id.startswith(_TERM_PREFIX)


def is_usable_term(mention: SkillMention) -> bool:
    """Whether an offer mention can stand as a requirement row (taxonomy ids always can)."""
    if not is_tagger_term(mention.skill_id):
        return True
    words = mention.text.strip(" .,;:()[]").replace(",", " ").split()
    tokens = [fold(w) for w in words]
    if not tokens or len(tokens) > MAX_TERM_WORDS:
        return False
    if tokens[0] in _FUNCTION_WORDS or tokens[-1] in _FUNCTION_WORDS:
        return False
    if len(tokens) > 1 and tokens[0] in _TERM_VERBS:
        return False
    if any(t in _EDUCATION_HEADS and (i == len(tokens) - 1 or tokens[i + 1] in _DEGREE_NEXT)
           for i, t in enumerate(tokens)):  # "BS/BA degree", "Bachelor's degree in business":
        return False  # the education row reads those ("degree apprenticeship" is a skill)
    if len(tokens) == 1 and (tokens[0] in _GENERIC_TERMS or tokens[0] in _TERM_VERBS):
        return False
    head = words[-1]
    if "-" in head.strip("-") and not _can_be_noun(tokens[-1]):
        return False  # "Hands-on", "Well-known": the dictionary's adjectives, even capitalised
    return not head.islower() or head.endswith("ing") or _can_be_noun(tokens[-1])


@lru_cache(maxsize=4096)  # called for every offer term of every pair when ranking a pool
def _can_be_noun(word: str) -> bool:
    """Whether an English word can head a skill name: a noun, or a word the dictionary does
    not know (tool names: "kubernetes"). A known verb, adjective or adverb that is never a
    noun ("strive", "perform", "persistent", "afraid") is not a skill by itself. Callers keep
    capitalised heads ("React", "Angular": names the dictionary reads as a verb or adjective)
    and gerunds ("debugging")."""
    classes = english_word_classes()
    known = classes.get(word, frozenset()) | classes.get(english_lookup().get(word, word),
                                                         frozenset())
    return not known or "noun" in known


def _offer_skills(offer: Profile) -> dict[str, list[SkillMention]]:
    grouped: dict[str, list[SkillMention]] = {}
    for mention in offer.mentions:
        # "Bac+5" is also a taxonomy keyword, but the education row already reads the level
        if is_usable_term(mention) and not is_education_level(mention.text):
            grouped.setdefault(mention.skill_id, []).append(mention)
    return grouped


def _links(taxonomy: TaxonomyLike | None, skill_id: str) -> tuple[frozenset[str], frozenset[str]]:
    """(broader, related) concepts of a skill; nothing for ids the taxonomy does not know."""
    if taxonomy is None:
        return frozenset(), frozenset()
    try:
        return taxonomy.broader(skill_id), taxonomy.related(skill_id)
    except KeyError:
        return frozenset(), frozenset()


def _near(taxonomy: TaxonomyLike | None, skill_id: str, cv_ids: set[str],
          reverse: dict[str, dict[str, float]]) -> dict[str, float]:
    """CV skills one ESCO link away from an offer skill (either direction), with their credit."""
    broader, related = _links(taxonomy, skill_id)
    found = dict(reverse.get(skill_id, {}))
    for cv_id in cv_ids & related:
        found[cv_id] = max(found.get(cv_id, 0.0), RELATED_CREDIT)
    for cv_id in cv_ids & broader:
        found[cv_id] = HIERARCHY_CREDIT
    return found


def _wordings(mentions: list[SkillMention]) -> list[str]:
    """The offer's surfaces of a skill, then its label (longest first)."""
    out: list[str] = []
    for text in [*(m.text for m in mentions), *(m.label for m in mentions)]:
        if text and text not in out:
            out.append(text)
    return sorted(out, key=len, reverse=True)


def _offer_wording(mentions: list[SkillMention]) -> str:
    """How the offer names a skill, to quote back: the skill's name as written inside a
    mention ("PostgreSQL" of "PostgreSQL-backed" or "PostgreSQL skills"), else its most
    frequent surface, a plain one before a hyphenated compound, the first one on ties."""
    for m in mentions:
        at = m.text.lower().find(m.label.lower()) if m.label else -1
        if at >= 0:
            return m.text[at : at + len(m.label)]
    counts: dict[str, int] = {}
    for m in mentions:
        counts[fold(m.text)] = counts.get(fold(m.text), 0) + 1
    plain = [m for m in mentions if "-" not in m.text] or mentions
    return max(plain, key=lambda m: counts[fold(m.text)]).text


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
    # offer skills reachable from each CV skill through one ESCO link: {offer id: {cv id: credit}}
    reverse: dict[str, dict[str, float]] = {}
    for cv_id in by_id:
        broader, related = _links(taxonomy, cv_id)
        for near in related:
            slot = reverse.setdefault(near, {})
            slot[cv_id] = max(slot.get(cv_id, 0.0), RELATED_CREDIT)
        for near in broader:
            reverse.setdefault(near, {})[cv_id] = HIERARCHY_CREDIT
    cv_ids = set(by_id)
    cv_text = cv_doc.text if cv_doc is not None else ""
    rows: list[RequirementResult] = []
    for skill_id, mentions in _offer_skills(offer).items():
        importance = ("required" if any(m.importance in (None, "required") for m in mentions)
                      else "preferred")
        first = mentions[0]
        label = first.label or first.text
        offer_text = _offer_wording(mentions)
        if skill_id in by_id:
            ev = best_mention(cv_doc, by_id[skill_id])
            rows.append(RequirementResult(
                id=skill_id, label=label, kind=first.kind, importance=importance,
                status="matched", how=_how(by_id[skill_id], mentions, cv.language, offer.language),
                evidence=sentence_at(cv_text, ev.start, ev.end) if cv_text else None,
                offer_text=offer_text, credit=1.0))
            continue
        # the offer's own words written in the CV: what a keyword ATS matches, even where
        # extraction did not tag them in the CV
        literal = find_wording(cv_text, _wordings(mentions)) if cv_text else None
        if literal is not None:
            rows.append(RequirementResult(
                id=skill_id, label=label, kind=first.kind, importance=importance,
                status="matched", how="exact", evidence=sentence_at(cv_text, *literal),
                offer_text=offer_text, credit=1.0))
            continue
        near = _near(taxonomy, skill_id, cv_ids, reverse)
        if near:
            credit = max(near.values())
            best = [m for c, v in near.items() if v == credit for m in by_id[c]]
            ev = best_mention(cv_doc, best)
            rows.append(RequirementResult(
                id=skill_id, label=label, kind=first.kind, importance=importance,
                status="partial", how="related",
                evidence=sentence_at(cv_text, ev.start, ev.end) if cv_text else None,
                offer_text=offer_text, credit=credit))
            continue
        rows.append(RequirementResult(
            id=skill_id, label=label, kind=first.kind, importance=importance, status="missing",
            how=None, evidence=None, offer_text=offer_text, credit=0.0))
    order = {"required": 0, "preferred": 1}
    rows.sort(key=lambda r: (r.kind != "hard", order[r.importance], r.credit, fold(r.label)))
    return rows
