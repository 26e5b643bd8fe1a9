"""Document-level CV checks: readable text, contact details, headings, length, layout, file."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePath

from analysis.extraction.types import Profile
from analysis.matching.content_checks import bullets_check, dates_check
from analysis.matching.messages import msg, pages_text, seniority_name
from analysis.matching.text import fold
from analysis.matching.types import Check
from analysis.parsing.document import ParsedDocument

STANDARD_SECTIONS = ("experience", "education", "skills")
MIN_WORDS, THIN_WORDS = 80, 200
# Parsing warning codes (by substring) -> layout check name.
_LAYOUT = (("ocr", "images"), ("image", "images"), ("header", "header_footer"),
           ("footer", "header_footer"), ("box", "text_box"), ("column", "multi_column"),
           ("table", "tables"), ("glued", "text_layer"), ("duplicated", "text_layer"),
           ("encoding", "text_layer"))
_LAYOUT_ORDER = ("images", "header_footer", "text_box", "multi_column", "tables", "text_layer")
_LAYOUT_FAIL = {"ocr"}  # the text was only in an image: an ATS without OCR reads nothing
_GENERIC_NAMES = re.compile(
    r"^(cv|resume|curriculum|document|doc|untitled|sans[ _-]?titre|scan|img|image|file|fichier|"
    r"final|nouveau|new|copy|copie|v\d+|\d+|[ _.()-])+$"
)


def word_count(text: str) -> int:
    """Whitespace-separated words in a text."""
    return len(text.split())


def readable_check(doc: ParsedDocument | None, lang: str, error_code: str | None) -> Check:
    """Whether the CV has text an ATS can read (scanned and empty CVs fail here)."""
    words = word_count(doc.text) if doc is not None else 0
    if error_code == "no_text_layer":
        return Check("readable", "fail", msg(lang, "readable.fail.no_text_layer"))
    if doc is None or words < 5:
        return Check("readable", "fail", msg(lang, "readable.fail.empty"))
    return Check("readable", "pass", msg(lang, "readable.pass", words=words))


def contact_checks(doc: ParsedDocument, lang: str) -> list[Check]:
    """E-mail and phone must be present and parseable; LinkedIn is optional."""
    contact = doc.contact
    out = []
    for code, value in (("contact_email", contact.email), ("contact_phone", contact.phone)):
        if value:
            out.append(Check(code, "pass", msg(lang, f"{code}.pass", value=value)))
        else:
            out.append(Check(code, "fail", msg(lang, f"{code}.fail")))
    status = "pass" if contact.linkedin else "warn"
    out.append(Check("contact_linkedin", status, msg(lang, f"contact_linkedin.{status}")))
    return out


_HEADING_NAMES = {
    "en": {"experience": "Experience", "education": "Education", "skills": "Skills"},
    "fr": {"experience": "Expérience", "education": "Formation", "skills": "Compétences"},
}


def headings_check(doc: ParsedDocument, lang: str) -> Check:
    """Experience, education and skills should sit under standard headings."""
    names = {s.name for s in doc.sections}
    labels = _HEADING_NAMES.get(lang, _HEADING_NAMES["en"])
    missing = [labels[n] for n in STANDARD_SECTIONS if n not in names]
    found = [s.title for s in doc.sections if s.name in STANDARD_SECTIONS]
    if not missing:
        return Check("standard_headings", "pass",
                     msg(lang, "standard_headings.pass", found=", ".join(found)))
    status = "warn" if len(missing) == 1 else "fail"
    return Check("standard_headings", status,
                 msg(lang, f"standard_headings.{status}", missing=", ".join(missing)))


def _max_pages(years: float | None) -> int:
    if years is None or years < 3:
        return 1
    return 2 if years < 10 else 3


def length_check(doc: ParsedDocument, cv: Profile, lang: str) -> Check:
    """Pages and words against the seniority (1 page junior, 2 mid-level, 3 senior)."""
    words = word_count(doc.text)
    pages = max(doc.pages, 1)
    years = cv.years_experience
    seniority = seniority_name(years, lang)
    limit = _max_pages(years)
    fields = {"pages": pages_text(pages), "words": words, "seniority": seniority}
    if words < MIN_WORDS:
        return Check("length", "fail", msg(lang, "length.fail", **fields,
                                           advice=msg(lang, "length.too_short")))
    if pages > limit + 1:
        advice = msg(lang, "length.too_long", seniority=seniority, max_pages=pages_text(limit))
        return Check("length", "fail", msg(lang, "length.fail", **fields, advice=advice))
    if pages > limit or words > 450 * limit + 250:
        advice = msg(lang, "length.too_long", seniority=seniority, max_pages=pages_text(limit))
        return Check("length", "warn", msg(lang, "length.warn", **fields, advice=advice))
    if words < THIN_WORDS:
        return Check("length", "warn", msg(lang, "length.warn", **fields,
                                           advice=msg(lang, "length.too_short")))
    return Check("length", "pass", msg(lang, "length.pass", **fields))


def layout_checks(doc: ParsedDocument, lang: str) -> list[Check]:
    """One check per layout trap that parsing can detect (images, header/footer, boxes...)."""
    seen: dict[str, str] = {}
    for warning in doc.warnings:
        code = warning.code.lower()
        for needle, name in _LAYOUT:
            if needle in code:
                if name not in seen or code in _LAYOUT_FAIL:
                    seen[name] = code
                break
    out = []
    for name in _LAYOUT_ORDER:
        if name in seen:
            what = msg(lang, f"layout.{name}")
            status = "fail" if seen[name] in _LAYOUT_FAIL else "warn"
            advice = "ocr" if seen[name] in _LAYOUT_FAIL else name
            detail = msg(lang, f"layout.advice.{advice}")
            out.append(Check(f"layout_{name}", status,
                             msg(lang, "layout.warn", what=what[:1].upper() + what[1:],
                                 detail=detail)))
        else:
            # One sentence per trap: "Pas de {what} détecté(s)" could not agree in gender.
            out.append(Check(f"layout_{name}", "pass", msg(lang, f"layout.pass.{name}")))
    return out


def file_checks(doc: ParsedDocument, lang: str) -> list[Check]:
    """PDF/DOCX are safest; the file name should say whose CV it is."""
    if doc.format in ("text", "") or doc.source.startswith("<"):
        return [Check("file_type", "warn", msg(lang, "file_type.pasted"))]
    fmt = doc.format.upper()
    status = "pass" if doc.format in ("pdf", "docx") else "warn"
    out = [Check("file_type", status, msg(lang, f"file_type.{status}", fmt=fmt))]
    name = PurePath(doc.source).name
    stem = fold(PurePath(name).stem)
    surname_parts = [p for p in fold(doc.contact.name or "").split() if len(p) > 1]
    generic = bool(_GENERIC_NAMES.match(stem)) or (
        surname_parts and not any(p in stem for p in surname_parts)
        and not re.search(r"[a-z]{3,}[ _.-]+[a-z]{3,}", stem))
    status = "warn" if generic else "pass"
    out.append(Check("file_name", status, msg(lang, f"file_name.{status}", name=name)))
    return out


def document_checks(doc: ParsedDocument, cv: Profile, lang: str) -> list[Check]:
    """All checks that depend on the CV alone, in display order."""
    try:
        return list(_document_checks(doc, cv, lang))
    except TypeError:  # a profile rebuilt with lists instead of tuples cannot be a cache key
        return list(_document_checks.__wrapped__(doc, cv, lang))


@lru_cache(maxsize=256)  # batch and pool score one CV against many offers
def _document_checks(doc: ParsedDocument, cv: Profile, lang: str) -> tuple[Check, ...]:
    return (
        readable_check(doc, lang, None),
        *contact_checks(doc, lang),
        headings_check(doc, lang),
        length_check(doc, cv, lang),
        dates_check(doc, lang),
        *layout_checks(doc, lang),
        bullets_check(doc, lang),
        *file_checks(doc, lang),
    )
