"""CV and offer profiles: skill mentions with sections/importance, years, education, languages."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from analysis.extraction import facts
from analysis.extraction.matcher import get_matcher
from analysis.extraction.normalize import fold
from analysis.extraction.pipeline import get_nlp
from analysis.extraction.skills import chunks, doc_lemmas, remember_lemmas, shift
from analysis.extraction.types import Profile, SkillMention
from analysis.parsing.document import ParsedDocument

_PREFERRED = re.compile(
    r"\b(?:un plus|est un plus|serait un plus|un atout|atouts?|appreciee?s?|souhaitee?s?|"
    r"souhaitable|idealement|de preference|bonus|nice[ -]to[ -]have|is a plus|a plus|"
    r"ideally|preferably|preferred|desirable|advantageous|an advantage|would be great|optional|"
    r"facultati(?:f|ve)|les plus)\b"
)
_REQUIRED = re.compile(
    r"\b(?:requis|requise?s?|indispensables?|imperati(?:f|ve)s?|exigee?s?|obligatoires?|"
    r"maitrise|maitriser|necessaires?|essentiel(?:le)?s?|must[ -]have|must|required|requirements?|"
    r"mandatory|essential|strong|solid|solide|solides|proven)\b"
)
_HEADING_NEUTRAL = re.compile(r"\bprofil\b|\bprofile\b|\bvotre\b|\byour\b")
_TITLE_NOISE = re.compile(
    r"\s*[\(\[]?\s*\b(?:h\s*/\s*f|f\s*/\s*h|m\s*/\s*f|m\s*/\s*w(?:\s*/\s*d)?|"
    r"w\s*/\s*m|hf|fh)\b\s*[\)\]]?",
    re.I,
)
_TITLE_CUE = re.compile(
    r"(?:intitul[ée] du poste|poste|job title|position|role|titre)\s*:\s*(.+)|"
    r"(?:nous recherchons|recherchons|we are looking for|we're looking for|we are hiring|"
    r"recrute)\s+(?:un|une|un\(e\)|une? |an?)\s*(.{3,80}?)(?:[.,;:!\n]|$)",
    re.I,
)
_TITLE_END = re.compile(r"\s+(?:pour|afin|qui|au sein|to|who|in our|within|for)\s|\(", re.I)
_PERSON_NAME = re.compile(
    r"^(?:[A-ZÀ-Ý][a-zà-ÿ'-]+|[A-ZÀ-Ý'-]{2,})(?:\s+(?:[A-ZÀ-Ý][a-zà-ÿ'-]+|[A-ZÀ-Ý'-]{2,})){1,3}$"
)
_GENERIC_HEADINGS = {
    "introduction", "description", "description du poste", "offre", "offre d'emploi", "mission",
    "missions", "about", "about us", "job description", "le poste", "profil", "contexte",
    "curriculum vitae", "cv", "resume", "résumé",
}  # fmt: skip


def _lines(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def _is_heading(line: str) -> bool:
    stripped = line.strip().strip("*#-•: ").strip()
    if not stripped or len(stripped) > 60:
        return False
    if line.rstrip().endswith(":") or (stripped.isupper() and len(stripped) > 3):
        return True
    folded = fold(stripped)
    return len(stripped.split()) <= 5 and bool(
        _PREFERRED.search(folded) or _REQUIRED.search(folded)
    )


def importance_map(text: str, heading_starts: Collection[int] = ()
                   ) -> list[tuple[int, int, str]]:
    """(start, end, importance) for each sentence of an offer, from cues and headings.

    `heading_starts`: offsets of lines the parser read as section headings ("Education" after
    "Nice to have" starts a new section, which is required unless its heading says otherwise).
    """
    out: list[tuple[int, int, str]] = []
    mode = "required"
    for start, end in _lines(text):
        line = text[start:end]
        folded = fold(line)
        if start in heading_starts or _is_heading(line):
            if _HEADING_NEUTRAL.search(folded) and not _PREFERRED.search(folded):
                mode = "required"
            elif _PREFERRED.search(folded):
                mode = "preferred"
            else:
                mode = "required"
        for m in re.finditer(r"[^.;!?]+[.;!?]?", line):
            sentence = fold(m.group(0))
            if _PREFERRED.search(sentence):
                level = "preferred"
            elif _REQUIRED.search(sentence):
                level = "required"
            else:
                level = mode
            out.append((start + m.start(), start + m.end(), level))
    return out


def _importance_at(spans: Sequence[tuple[int, int, str]], offset: int) -> str:
    for start, end, level in spans:
        if start <= offset < end:
            return level
    return "required"


def _offer_education(text: str, spans: Sequence[tuple[int, int, str]]
                     ) -> tuple[int | None, str | None, str | None]:
    """Lowest level the offer names, its label, and whether it is required or only preferred."""
    found = facts.education_mentions(text)
    if not found:
        return None, None, None
    level, label = min((lvl, lab) for lvl, lab, _ in found)
    # "Bachelor's degree required ... a PhD is a plus": required if any mention of it is.
    required = any(_importance_at(spans, off) == "required"
                   for lvl, _, off in found if lvl == level)
    return level, label, "required" if required else "preferred"


# A job title is a short noun phrase ("Senior Backend Engineer - Java / Spring", at most ten
# words); a longer line, or one ending like a sentence, is the offer's opening sentence or a
# run-on metadata line, not a title. A long title line keeps its head before a separator
# ("Consultant Junior en transformation digitale - Secteur Banque et Assurance FY25").
MAX_TITLE_WORDS = 10
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|/]+\s*|\s*[-–—|/]+\s+|\s+\(")


def is_title_like(text: str | None) -> bool:
    """Whether a line can be a job title: at most ten words and not a sentence."""
    if not text or len(text) > 90 or text.rstrip().endswith((".", "!", "?")):
        return False
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return 0 < len(words) <= MAX_TITLE_WORDS


def _as_title(text: str | None) -> str | None:
    """The line itself if it reads as a title, else its head before a separator, else None."""
    if not text or text.rstrip().endswith((".", "!", "?")):
        return None
    if is_title_like(text):
        return text
    head = clean_title(_TITLE_SEPARATOR.split(text, maxsplit=1)[0])
    return head if head != text and is_title_like(head) else None


def offer_title(doc: ParsedDocument) -> str | None:
    """The job title of an offer: its first meaningful line, else an explicit cue phrase."""
    for line in doc.text.split("\n")[:4]:
        candidate = clean_title(line)
        if candidate and fold(candidate).rstrip(" :") not in _GENERIC_HEADINGS:
            title = _as_title(candidate)
            if title is not None:
                return title
            break
    m = _TITLE_CUE.search(doc.text[:3000])
    if m is not None:
        return _as_title(clean_title(_TITLE_END.split(m.group(1) or m.group(2))[0]))
    return None


def cv_title(doc: ParsedDocument) -> str | None:
    """The headline of a CV: the first short line that is not the name, contact or a heading."""
    name = fold(doc.contact.name or "")
    first_section = min((s.start for s in doc.sections if s.name != "contact"), default=None)
    for start, end in _lines(doc.text[:1500]):
        if first_section is not None and start >= first_section and start > 0:
            break
        line = doc.text[start:end].strip().strip("•-–|").strip()
        folded = fold(line)
        if not line or len(line) > 80 or len(line.split()) > 10 or folded == name:
            continue
        if "@" in line or sum(c.isdigit() for c in line) >= 4 or "linkedin" in folded:
            continue
        if folded in _GENERIC_HEADINGS or (name and folded in name):
            continue
        if start == 0 and not name and _PERSON_NAME.match(line):
            continue  # the first line of a CV is usually the candidate's name
        return clean_title(line)
    return None


def clean_title(text: str | None) -> str | None:
    """A title without gender marks ("(H/F)") and stray punctuation."""
    if not text:
        return None
    text = _TITLE_NOISE.sub("", text).strip(" -–:|*#•\t")
    return " ".join(text.split()) or None


def _mentions(pieces: Sequence[tuple[int, str, object]], lang: str) -> list[SkillMention]:
    matcher = get_matcher(lang)
    out: list[SkillMention] = []
    for offset, chunk, sdoc in pieces:
        out.extend(shift(m, offset) if offset else m for m in matcher.match(sdoc, chunk))
    return out


def _build(doc: ParsedDocument, role: str, mentions: list[SkillMention]) -> Profile:
    text = doc.text
    with_section = [replace(m, section=doc.section_at(m.start)) for m in mentions]
    # The tagger reads "English | native" as a skill; languages are extracted with their levels.
    with_section = [
        m for m in with_section if not (m.source == "model" and m.section == "languages")
    ]
    lang_sections = [(s.start, s.end) for s in doc.sections if s.name == "languages"]
    if role == "offer":
        spans = importance_map(text, {s.start for s in doc.sections if s.title})
        with_section = [replace(m, importance=_importance_at(spans, m.start)) for m in with_section]
        years, years_max = facts.offer_years(text)
        level, label, edu_importance = _offer_education(text, spans)
        languages = tuple(replace(x, importance=_importance_at(spans, x.start))
                          for x in facts.languages(text, lang_sections))
        title = offer_title(doc)
    else:
        exp = [(s.start, s.end) for s in doc.sections if s.name == "experience"]
        scope = "\n".join(text[s:e] for s, e in exp) if exp else text
        years, years_max = facts.cv_years(scope), None
        edu = [(s.start, s.end) for s in doc.sections if s.name == "education"]
        level, label = facts.education(
            "\n".join(text[s:e] for s, e in edu) if edu else text, highest=True
        )
        if level is None and edu:
            level, label = facts.education(text, highest=True)
        edu_importance = None
        languages = facts.languages(text, lang_sections)
        title = cv_title(doc)
    return Profile(
        role=role,
        language=doc.language if doc.language in ("fr", "en") else "en",
        mentions=tuple(with_section),
        years_experience=years,
        years_max=years_max,
        education_level=level,
        education_label=label,
        education_importance=edu_importance,
        languages=languages,
        title=title,
    )


def _lang(doc: ParsedDocument) -> str:
    return doc.language if doc.language in ("fr", "en") else "en"


def profile_many(docs: Sequence[ParsedDocument], role: str) -> list[Profile]:
    """Profiles of many documents of one role ("cv" or "offer"), batched with `nlp.pipe`."""
    if role not in ("cv", "offer"):
        raise ValueError(f"role must be 'cv' or 'offer', not {role!r}")
    results: list[Profile | None] = [None] * len(docs)
    for lang in ("fr", "en"):
        idx = [i for i, d in enumerate(docs) if _lang(d) == lang]
        if not idx:
            continue
        pieces = [(i, off, chunk) for i in idx for off, chunk in chunks(docs[i].text)]
        nlp = get_nlp(lang)
        parsed: dict[int, list[tuple[int, str, object]]] = {i: [] for i in idx}
        for (i, off, chunk), sdoc in zip(pieces, nlp.pipe(p[2] for p in pieces), strict=True):
            parsed[i].append((off, chunk, sdoc))
        for i in idx:
            results[i] = _build(docs[i], role, _mentions(parsed[i], lang))
            # The keyword similarity needs these lemmas next: keep them rather than re-run spaCy.
            lemmas = [lemma for _, _, sdoc in parsed[i] for lemma in doc_lemmas(sdoc, lang)]
            remember_lemmas(docs[i].text, lang, lemmas)
    return [p for p in results if p is not None]


def profile_cv(doc: ParsedDocument) -> Profile:
    """The profile of a CV: skills with their section, years, education, languages, headline."""
    return profile_many([doc], "cv")[0]


def profile_offer(doc: ParsedDocument) -> Profile:
    """The profile of an offer: skills marked required/preferred, years asked, education, title."""
    return profile_many([doc], "offer")[0]
