"""Recommendations ordered by expected effect: required skills, title, failed checks, the rest."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from analysis.matching.messages import msg
from analysis.matching.scoring import gain_if_met
from analysis.matching.types import Check, Recommendation, RequirementResult
from analysis.parsing.document import ParsedDocument

# Group order: what moves the score most first, then what makes an ATS drop the CV.
# Groups after the failed checks compete on expected gain alone.
_RANK = {"required": 0, "title": 1, "check_fail": 2, "preferred": 3, "soft": 3, "criteria": 3,
         "check_warn": 4}
_CHECKS_NOT_RECOMMENDED = {"readable"}  # covered by its own message, shown first anyway


def _where(doc: ParsedDocument | None, lang: str) -> str:
    has_experience = doc is not None and any(s.name == "experience" for s in doc.sections)
    return msg(lang, "rec.where.experience" if has_experience else "rec.where.skills")


def _skill_item(row: RequirementResult, gain: float, where: str,
                lang: str) -> tuple[str, Recommendation]:
    wording = row.offer_text or row.label
    if row.kind == "soft":
        group, key = "soft", "rec.skill.soft"
    elif row.importance == "preferred":
        group, key = "preferred", "rec.skill.preferred"
    else:
        group = "required"
        key = "rec.skill.partial" if row.status == "partial" else "rec.skill.required"
    text = msg(lang, key, wording=wording, where=where, gain=gain)
    return group, Recommendation(0, text, code=f"skill:{row.id}", gain=gain)


def _criteria_item(row: RequirementResult, gain: float,
                   lang: str) -> tuple[str, Recommendation] | None:
    if row.kind == "title":
        return "title", Recommendation(0, msg(lang, "rec.title", title=row.label, gain=gain),
                                       code="title", gain=gain)
    key = {"experience": "rec.experience", "education": "rec.education",
           "language": "rec.language"}.get(row.kind)
    if key is None:
        return None
    return "criteria", Recommendation(0, msg(lang, key, wanted=row.label, gain=gain),
                                      code=row.id, gain=gain)


def recommend(rows: Sequence[RequirementResult], checks: Sequence[Check],
              weights: Mapping[str, float], doc: ParsedDocument | None,
              lang: str, readable: bool = True,
              profile_gains: Mapping[str, float] | None = None) -> list[Recommendation]:
    """Ordered recommendations in the CV's language, each with its expected score gain.

    `profile_gains` maps an unmet hard skill's id to the rise of the skills-profile similarity
    if the CV named it (from the engine), so a skill's gain counts both components.
    """
    items: list[tuple[str, Recommendation]] = []
    where = _where(doc, lang)
    if readable:
        for row in rows:
            if row.status == "matched":
                continue
            gain = gain_if_met(row, weights, rows, (profile_gains or {}).get(row.id, 0.0))
            if row.kind in ("hard", "soft"):
                items.append(_skill_item(row, gain, where, lang))
            else:
                item = _criteria_item(row, gain, lang)
                if item is not None:
                    items.append(item)
    for check in checks:
        if check.status == "pass" or (check.code in _CHECKS_NOT_RECOMMENDED and readable):
            continue
        group = "check_fail" if check.status == "fail" else "check_warn"
        items.append((group, Recommendation(0, msg(lang, "rec.check", message=check.message),
                                            code=f"check:{check.code}")))
    if not readable:  # nothing else matters until the CV can be read
        items = [i for i in items if i[1].code == "check:readable"] + [
            i for i in items if i[1].code != "check:readable"]
        ordered = [rec for _, rec in items]
    else:
        ordered = [rec for _, rec in sorted(items, key=lambda i: (_RANK[i[0]], -i[1].gain))]
    return [Recommendation(n, r.message, code=r.code, gain=r.gain)
            for n, r in enumerate(ordered, start=1)]
