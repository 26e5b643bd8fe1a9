"""Content checks on the CV text: dates, experience bullets, where required skills appear."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from analysis.extraction.facts import MONTHS
from analysis.extraction.types import Profile
from analysis.matching.messages import msg
from analysis.matching.text import find_wording, fold
from analysis.matching.types import Check, RequirementResult
from analysis.parsing.document import ParsedDocument

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = (rf"(?:(?:(?P<{{p}}m>{_MONTH_RE})\.?\s+|(?P<{{p}}n>0?[1-9]|1[0-2])[/.-])?"
         r"(?P<{p}y>(?:19|20)\d\d))")
_PRESENT = (r"(?P<now>aujourd'hui|aujourd’hui|present|now|current|currently|en cours|ce jour|"
            r"actuel|actuellement|today|date)")
_RANGE = re.compile(
    rf"\b{_DATE.format(p='a')}\s*(?:-|–|—|à|a|au|to|until|jusqu'a|>)\s*"
    rf"(?:{_DATE.format(p='b')}|{_PRESENT})",
)
_SINGLE = re.compile(rf"\b{_DATE.format(p='s')}\b")
_BULLET = re.compile(r"^\s*[•●▪◦‣➢➤►■□\-–—*·]\s*(?P<body>\S.*)$")
_YEAR_ONLY_NUMBER = re.compile(r"^(19|20)\d\d$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
BULLET_LIMIT = 30
_EN_VERBS = frozenset(
    "led lead managed manage built build developed develop designed design implemented implement "
    "created create improved improve reduced reduce increased increase launched launch delivered "
    "deliver analysed analyzed analyse analyze automated automate optimized optimised optimize "
    "deployed deploy migrated migrate coordinated coordinate supervised supervise trained train "
    "mentored mentor negotiated negotiate achieved achieve drove drive owned own architected "
    "wrote write conducted conduct established establish streamlined streamline spearheaded "
    "produced produce maintained maintain modelled modeled model prepared prepare organised "
    "organized organize planned plan tested test integrated integrate defined define "
    "collaborated collaborate supported support presented present researched research "
    "generated generate saved save cut won grew scaled scale shipped ship refactored refactor "
    "monitored monitor handled handle ran run set sold sell taught teach oversaw oversee "
    "introduced introduce transformed transform performed perform resolved resolve".split()
)
_FR_IRREGULAR = frozenset(
    "concu mis pris construit reduit produit conduit ecrit fait obtenu resolu vendu soutenu "
    "maintenu accru atteint recrute forme cree gere assure pilote".split()
)
_FR_ACTION_PREFIXES = ("mise en place", "mis en place", "prise en charge", "pris en charge")
_FR_NOUN_SUFFIXES = ("tion", "ment", "age")


def _is_action(first_words: str) -> bool:
    folded = fold(first_words)
    if folded.startswith(_FR_ACTION_PREFIXES):
        return True
    word = re.sub(r"[^a-z']", "", folded.split(" ")[0]) if folded else ""
    if word in _EN_VERBS or word in _FR_IRREGULAR:
        return True
    raw = first_words.split(" ")[0].lower() if first_words else ""
    if raw.endswith(("é", "ée", "és", "ées")) and len(raw) > 4:  # French participle
        return True
    if word.endswith("er") and len(word) > 4:  # French infinitive
        return True
    return word.endswith(_FR_NOUN_SUFFIXES) and len(word) > 6  # "Conception", "Développement"


def _section_text(doc: ParsedDocument, names: Sequence[str]) -> list[tuple[int, str]]:
    spans = [(s.start, s.end) for s in doc.sections if s.name in names]
    return [(a, doc.text[a:b]) for a, b in spans]


def _date_value(match: re.Match[str], p: str) -> tuple[int, int, bool]:
    year = int(match.group(f"{p}y"))
    month_name, month_num = match.group(f"{p}m"), match.group(f"{p}n")
    if month_name:
        return year, MONTHS[month_name], True
    if month_num:
        return year, int(month_num), True
    return year, 0, False


def dates_check(doc: ParsedDocument, lang: str, today: date | None = None) -> Check:
    """Date ranges must parse, start before they end, and not lie in the future."""
    today = today or date.today()
    text = fold(doc.text)
    inverted, future, with_month, total = [], [], 0, 0
    for match in _RANGE.finditer(text):
        total += 1
        start = _date_value(match, "a")
        with_month += start[2]
        if match.group("by"):
            end = _date_value(match, "b")
            with_month += end[2]
            if (end[0], end[1] or 12) < (start[0], start[1] or 1):
                inverted.append(match.group(0))
            if (end[0], end[1] or 1) > (today.year, today.month) and end[0] > today.year:
                future.append(match.group(0))
        if (start[0], start[1] or 1) > (today.year, today.month):
            future.append(match.group(0))
    singles = len(_SINGLE.findall(text))
    if inverted:
        return Check("dates", "fail", msg(lang, "dates.fail.inverted", items="; ".join(inverted)))
    if total == 0 and singles == 0:
        return Check("dates", "warn", msg(lang, "dates.warn.none"))
    if future:
        return Check("dates", "warn", msg(lang, "dates.warn.future", items="; ".join(future)))
    if total >= 2 and with_month == 0:
        return Check("dates", "warn", msg(lang, "dates.warn.years_only"))
    return Check("dates", "pass", msg(lang, "dates.pass", count=max(total, singles)))


def experience_bullets(doc: ParsedDocument) -> list[str]:
    """Bullet lines of the experience (and projects) sections, else of the whole CV."""
    parts = _section_text(doc, ("experience", "projects")) or [(0, doc.text)]
    bullets = []
    for _, text in parts:
        for line in text.splitlines():
            found = _BULLET.match(line)
            if found:
                bullets.append(found.group("body").strip())
    return bullets


def _quantified(bullet: str) -> bool:
    numbers = _NUMBER.findall(bullet)
    return any(not _YEAR_ONLY_NUMBER.match(n) for n in numbers) or "%" in bullet


def bullets_check(doc: ParsedDocument, lang: str) -> Check:
    """Experience bullets: short, starting with an action verb, quantified where possible."""
    bullets = experience_bullets(doc)
    if not bullets:
        return Check("bullets", "warn", msg(lang, "bullets.none"))
    count = len(bullets)
    long = sum(1 for b in bullets if len(b.split()) > BULLET_LIMIT)
    verbs = round(100 * sum(1 for b in bullets if _is_action(b)) / count)
    numbers = round(100 * sum(1 for b in bullets if _quantified(b)) / count)
    problems = []
    if long / count > 0.25:
        problems.append(msg(lang, "bullets.long", long=long, limit=BULLET_LIMIT))
    if verbs < 50:
        problems.append(msg(lang, "bullets.verbs", verbs=verbs))
    if numbers < 25:
        problems.append(msg(lang, "bullets.numbers", numbers=numbers))
    if problems:
        return Check("bullets", "warn", msg(lang, "bullets.warn", count=count,
                                            problems="; ".join(problems)))
    return Check("bullets", "pass", msg(lang, "bullets.pass", count=count, verbs=verbs,
                                        numbers=numbers))


def keyword_frequency_check(doc: ParsedDocument, cv: Profile,
                            rows: Sequence[RequirementResult], lang: str) -> Check:
    """Required skills should show up in experience, not only in a skills list."""
    asked = [r for r in rows if r.kind == "hard" and r.importance == "required"]
    required = [r for r in asked if r.status == "matched"]
    if not asked:
        return Check("keyword_frequency", "pass", msg(lang, "keyword_frequency.nothing"))
    if not required:
        return Check("keyword_frequency", "warn", msg(lang, "keyword_frequency.none"))
    only_listed = []
    for row in required:
        mentions = [m for m in cv.mentions if m.skill_id == row.id]
        sections = {m.section or doc.section_at(m.start) for m in mentions}
        if not sections:  # matched on the offer's wording, not on a tagged mention
            found = find_wording(doc.text, [w for w in (row.offer_text, row.label) if w])
            sections = {doc.section_at(found[0])} if found else set()
        if sections and sections <= {"skills", "languages", "interests"}:
            # met in another language: name it as the CV does ("Gestion de projet")
            only_listed.append(mentions[0].text if row.how == "translation" and mentions
                               else row.offer_text or row.label)
    if only_listed:
        return Check("keyword_frequency", "warn",
                     msg(lang, "keyword_frequency.warn", items=", ".join(only_listed)))
    return Check("keyword_frequency", "pass", msg(lang, "keyword_frequency.pass"))
