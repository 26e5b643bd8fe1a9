"""Requirement rows for the offer's title, years of experience, education level and languages."""

from __future__ import annotations

from analysis.extraction.facts import education_mentions
from analysis.extraction.types import LanguageSkill, Profile
from analysis.matching.text import line_at, sentence_at, title_similarity
from analysis.matching.types import RequirementResult
from analysis.parsing.document import ParsedDocument

CEFR = ("A1", "A2", "B1", "B2", "C1", "C2", "native")
LANGUAGE_NAMES = {
    "en": {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
           "pt": "Portuguese", "nl": "Dutch", "ar": "Arabic", "zh": "Chinese", "ja": "Japanese",
           "ru": "Russian"},
    "fr": {"en": "anglais", "fr": "français", "de": "allemand", "es": "espagnol",
           "it": "italien", "pt": "portugais", "nl": "néerlandais", "ar": "arabe",
           "zh": "chinois", "ja": "japonais", "ru": "russe"},
}
EDUCATION_NAMES = {
    "en": {0: "high school", 2: "2-year degree", 3: "bachelor's degree", 4: "4-year degree",
           5: "master's degree", 8: "PhD"},
    "fr": {0: "bac", 2: "bac+2", 3: "bac+3 (licence)", 4: "bac+4", 5: "bac+5 (master)",
           8: "doctorat"},
}
TITLE_MATCH, TITLE_PARTIAL = 0.75, 0.34
# How much of the CV counts as its headline (where ATSs and recruiters look for the title).
_HEADLINE_CHARS = 400


def language_name(code: str, lang: str) -> str:
    """Human name of a language code in the report's language."""
    return LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES["en"]).get(code, code)


def education_name(level: int, lang: str) -> str:
    """Human name of an education level (years after the baccalauréat)."""
    names = EDUCATION_NAMES.get(lang, EDUCATION_NAMES["en"])
    fallback = f"bac+{level}" if lang == "fr" else f"{level} years of higher education"
    return names.get(level, fallback)


def _status(credit: float, full: float = 0.999, partial: float = 0.0) -> str:
    if credit >= full:
        return "matched"
    return "partial" if credit > partial else "missing"


def _title_candidates(doc: ParsedDocument | None, cv: Profile) -> list[tuple[str, float]]:
    """(text, discount) pairs: the CV title counts fully, other CV lines a bit less."""
    out: list[tuple[str, float]] = []
    if cv.title:
        out.append((cv.title, 1.0))
    if doc is not None and doc.text:
        for line in doc.text[:_HEADLINE_CHARS].splitlines():
            if line.strip():
                out.append((line, 1.0))
        for line in doc.text.splitlines():
            if 3 <= len(line.split()) <= 12 or 1 <= len(line.split()) < 3:
                out.append((line, 0.8))
    return out


def title_row(doc: ParsedDocument | None, cv: Profile, offer: Profile) -> RequirementResult | None:
    """The offer's job title against the CV headline and job titles."""
    if not offer.title:
        return None
    best, evidence = 0.0, None
    for text, discount in _title_candidates(doc, cv):
        sim = title_similarity(offer.title, text) * discount
        if sim > best:
            best, evidence = sim, " ".join(text.split())
    status = "matched" if best >= TITLE_MATCH else "partial" if best >= TITLE_PARTIAL else "missing"
    return RequirementResult(
        id="title", label=offer.title, kind="title", importance="required", status=status,
        how=None if status == "missing" else ("exact" if best >= 0.999 else "synonym"),
        evidence=evidence if status != "missing" else None, offer_text=offer.title,
        credit=best if status != "missing" else best * 0.5)


def experience_row(cv: Profile, offer: Profile, lang: str) -> RequirementResult | None:
    """Years of experience asked for vs the CV's; unknown CV years get half credit."""
    wanted = offer.years_experience
    if not wanted:
        return None
    have = cv.years_experience
    label = (f"{wanted:g}+ ans d'expérience" if lang == "fr"
             else f"{wanted:g}+ years of experience")
    if have is None:
        credit, evidence = 0.5, None
    else:
        credit = min(1.0, have / wanted)
        evidence = (f"≈ {have:g} ans d'expérience dans le CV" if lang == "fr"
                    else f"≈ {have:g} years of experience in the CV")
    return RequirementResult(
        id="experience", label=label, kind="experience", importance="required",
        status="partial" if have is None else _status(credit, partial=0.25),
        how=None, evidence=evidence, offer_text=label, credit=credit)


def _education_evidence(doc: ParsedDocument | None, level: int) -> str | None:
    """The CV line that names its education level ("BA Business Administration 2011 - 2015")."""
    if doc is None or not doc.text:
        return None
    # the education section first: reading a few lines, not the whole CV, for every pool
    # candidate ranked
    spans = [(s.start, s.end) for s in doc.sections if s.name == "education"]
    for begin, end in [*spans, (0, len(doc.text))]:
        found = education_mentions(doc.text[begin:end], level)
        if found:
            return line_at(doc.text, begin + found[0][2])
    return None


def education_row(cv: Profile, offer: Profile, lang: str,
                  doc: ParsedDocument | None = None) -> RequirementResult | None:
    """Education level asked for vs the CV's (each missing year of study costs a fifth)."""
    wanted = offer.education_level
    if wanted is None:
        return None
    have = cv.education_level
    # The level's name in the report's language ("Bachelor's degree", "Bac+3 (licence)"), not
    # the extractor's bilingual key ("Licence / Bachelor") shown to an English reader.
    name = education_name(wanted, lang)
    label = name[:1].upper() + name[1:]
    if have is None:
        credit, evidence = 0.5, None
    else:
        credit = 1.0 if have >= wanted else max(0.0, 1.0 - (wanted - have) / 5)
        evidence = (_education_evidence(doc, have) or cv.education_label
                    or education_name(have, lang))
    return RequirementResult(
        id="education", label=label, kind="education",
        importance=offer.education_importance or "required",
        status="partial" if have is None else _status(credit, partial=0.3),
        how=None, evidence=evidence, offer_text=label, credit=credit)


def _level_index(level: str | None) -> int | None:
    if level is None:
        return None
    return CEFR.index(level) if level in CEFR else None


def _language_evidence(doc: ParsedDocument | None, skill: LanguageSkill) -> str | None:
    if doc is None or skill.start < 0 or not doc.text:
        return None
    return sentence_at(doc.text, skill.start, skill.end)


def language_rows(doc: ParsedDocument | None, cv: Profile, offer: Profile,
                  lang: str) -> list[RequirementResult]:
    """One row per language the offer asks for; writing the CV in a language proves it."""
    have = {s.code: s for s in cv.languages}
    rows = []
    asked = list(offer.languages)
    implicit = None
    if offer.language != cv.language and all(w.code != offer.language for w in asked):
        # the offer's own language is its working language, even when not listed
        implicit = LanguageSkill(offer.language, None)
        asked.append(implicit)
    for wanted in asked:
        name = language_name(wanted.code, lang)
        label = f"{name} ({wanted.level})" if wanted.level else name
        if wanted is implicit:
            label += " — langue de l'offre" if lang == "fr" else " — language of the offer"
        need = _level_index(wanted.level)
        skill = have.get(wanted.code)
        if skill is None and wanted.code == cv.language and doc is not None and doc.text:
            credit = 1.0
            evidence = ("CV rédigé dans cette langue" if lang == "fr"
                        else "the CV is written in this language")
        elif skill is None:
            credit, evidence = 0.0, None
        else:
            got = _level_index(skill.level)
            credit = 1.0 if need is None or got is None or got >= need else 0.5
            evidence = _language_evidence(doc, skill) or label
        rows.append(RequirementResult(
            id=f"language:{wanted.code}", label=label, kind="language",
            importance=wanted.importance or "required",
            status=_status(credit), how=None if credit == 0 else "exact", evidence=evidence,
            offer_text=label, credit=credit))
    return rows
