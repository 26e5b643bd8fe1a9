"""Profile facts found with patterns: years of experience, education level, spoken languages.

French and English. Years: offers state a minimum or a range ("3+ years", "5 à 7 ans"); CVs
have date ranges ("2019 - 2021", "janv. 2020 – aujourd'hui", "since 2022") whose union is
counted once (overlapping jobs merged).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from analysis.extraction.normalize import fold
from analysis.extraction.types import LanguageSkill

# ---------------------------------------------------------------- years required by an offer
_NUM_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_N = r"(\d{1,2}(?:[.,]5)?|" + "|".join(_NUM_WORDS) + r")"
_YEARS = re.compile(
    rf"(?:\b(?:minimum|min\.?|au moins|at least|plus de|more than|over)\s*(?:de\s*)?)?"
    rf"\+?\s*{_N}\s*(?:\+|\s*(?:-|–|à|a|to|ou|or)\s*{_N}\s*\+?)?\s*"
    r"(?:ans|an|annees?|years?|yrs?)\b",
    re.IGNORECASE,
)
_EXPERIENCE_CUE = re.compile(
    r"exp[eé]rience|experience|\bexp\b|background|track record|minimum|au moins|at least", re.I
)
_JUNIOR = re.compile(r"d[ée]butant(?:e|\(e\))?s? accept|no experience required|junior accept", re.I)


def _num(text: str) -> float:
    text = text.lower().replace(",", ".")
    return float(_NUM_WORDS.get(text, text))


def offer_years(text: str) -> tuple[float | None, float | None]:
    """(minimum, maximum) years of experience an offer asks for; (None, None) when unstated."""
    lows: list[float] = []
    highs: list[float] = []
    for m in _YEARS.finditer(text):
        window = text[max(0, m.start() - 60) : m.end() + 60]
        if not _EXPERIENCE_CUE.search(window):
            continue
        low = _num(m.group(1))
        if low > 30:
            continue
        lows.append(low)
        if m.group(2):
            high = _num(m.group(2))
            if high >= low:
                highs.append(high)
    if not lows:
        return (0.0, None) if _JUNIOR.search(text) else (None, None)
    return min(lows), (max(highs) if highs else None)


# ---------------------------------------------------------------- date ranges in a CV
# Month names and abbreviations (FR/EN, accents folded): also used by the CV date checks.
MONTHS = {
    "janv": 1, "jan": 1, "janvier": 1, "january": 1, "fevr": 2, "fev": 2, "feb": 2,
    "fevrier": 2, "february": 2, "mars": 3, "mar": 3, "march": 3, "avr": 4, "avril": 4,
    "apr": 4, "april": 4, "mai": 5, "may": 5, "juin": 6, "jun": 6, "june": 6, "juil": 7,
    "juillet": 7, "jul": 7, "july": 7, "aout": 8, "aou": 8, "aug": 8, "august": 8,
    "sept": 9, "sep": 9, "septembre": 9, "september": 9, "oct": 10, "octobre": 10,
    "october": 10, "nov": 11, "novembre": 11, "november": 11, "dec": 12, "decembre": 12,
    "december": 12,
}  # fmt: skip
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE = rf"(?:(?:{_MONTH}\s*|(?:0?[1-9]|1[0-2])\s*/\s*)?(?:19[6-9]\d|20[0-4]\d))"
_NOW = (
    r"(?:aujourd'hui|a ce jour|ce jour|present|actuel(?:lement)?|en cours|now|today|current|"
    r"ongoing|maintenant)"
)
_RANGE = re.compile(rf"({_DATE})\s*(?:-|–|—|à|au|to|until|jusqu'a|>)+\s*({_DATE}|{_NOW})", re.I)
_SINCE = re.compile(
    rf"\b(?:depuis|since|from)\s+(?:(?:le|la|l')\s*)?({_DATE})(?!\s*(?:-|–|à|to))", re.I
)
_YEAR = re.compile(r"(19[6-9]\d|20[0-4]\d)")


def _month_index(date: str, end: bool) -> int | None:
    """Months since year 0 for a date string; None for 'now' words (caller uses today)."""
    m = _YEAR.search(date)
    if m is None:
        return None
    year = int(m.group(1))
    head = date[: m.start()].strip().rstrip("/").strip().rstrip(".")
    if head.isdigit():
        month = int(head)
    elif head:
        month = MONTHS.get(head.rstrip("."), 12 if end else 1)
    else:
        month = 12 if end else 1
    return year * 12 + month - 1


def cv_years(text: str, today: dt.date | None = None) -> float | None:
    """Total years covered by the date ranges of a CV text (overlaps merged); None if none."""
    today = today or dt.date.today()
    now = today.year * 12 + today.month - 1
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for m in _RANGE.finditer(folded):
        start = _month_index(m.group(1), end=False)
        end = _month_index(m.group(2), end=True)
        if start is None:
            continue
        end = now if end is None else end
        if start <= end <= now + 1 and end - start < 50 * 12:
            spans.append((start, end + 1))
    for m in _SINCE.finditer(folded):
        start = _month_index(m.group(1), end=False)
        if start is not None and start <= now:
            spans.append((start, now + 1))
    if not spans:
        return None
    spans.sort()
    total = 0
    cur_start, cur_end = spans[0]
    for start, end in spans[1:]:
        if start <= cur_end:
            cur_end = max(cur_end, end)
        else:
            total += cur_end - cur_start
            cur_start, cur_end = start, end
    total += cur_end - cur_start
    return round(total / 12, 1)


# ---------------------------------------------------------------- education level
# CVs write a degree as its letters and field ("BA Business Administration", "BS Computer
# Science", "MA International Relations"). Bare "BA"/"MS" are too ambiguous (a business
# analyst, "MS Office"), so the letters count only before a field of study named here.
_FIELD = (
    r"(?:Business|Economics|Computer|Computing|Science|Sciences|Arts|Engineering|Mathematics|"
    r"Maths?|Statistics|Physics|Chemistry|Biology|Finance|Accounting|Marketing|Management|"
    r"Psychology|Sociology|Philosophy|History|English|French|Spanish|Languages|Linguistics|"
    r"Communications?|Journalism|Political|Politics|International|Law|Nursing|Education|"
    r"Information|Data (?:Science|Analytics)|Design|Architecture|Geography|Hospitality|"
    r"Supply|Logistics|Human|Public|Media|Graphic|Electrical|Mechanical|Civil|Software|"
    r"Applied)\b"
)
_EDUCATION: list[tuple[int, str, re.Pattern[str]]] = [
    (8, "PhD", re.compile(r"\b(?:ph\.?\s?d|doctorat|doctorate|doctoral|docteur)\b", re.I)),
    (5, "Bac+5", re.compile(r"\bbac\s*\+\s*5\b", re.I)),
    (
        5,
        "Master",
        re.compile(
            r"(?<!Scrum )(?<!scrum )(?<!Scrum-)\b(?:Master(?:'s)?|MASTER|MSc|M\.Sc|M\.S\b|MBA|M2|"
            r"M[AS](?=\s+(?:degree\b|in\b|" + _FIELD + r"))|"
            r"(?i:master['’´\x92]s|masters? degree|mast[eè]re|dipl[oô]me d'ing[ée]nieur|"
            r"[ée]cole d'ing[ée]nieurs?|engineering degree|ing[ée]nieur dipl[oô]m[ée]|"
            r"grande [ée]cole))\b"
        ),
    ),
    (4, "Bac+4", re.compile(r"\b(?:bac\s*\+\s*4|M1)\b", re.I)),
    (3, "Bac+3", re.compile(r"\bbac\s*\+\s*3\b", re.I)),
    (
        3,
        "Licence / Bachelor",
        re.compile(
            r"\b(?:Licence|LICENCE|licence (?:pro|professionnelle|en|de|d')|Bachelor(?:'s)?|"
            r"(?i:bachelor['’´\x92]s|bachelors? degree)|BSc|B\.Sc|BUT|BEng|BA/BS|BS/BA|"
            r"B[AS](?=\s+(?:degree\b|in\b|\(Hons\)|" + _FIELD + r")))\b|\bB\.[AS]\b\.?"
        ),
    ),
    (2, "Bac+2", re.compile(r"\b(?:bac\s*\+\s*2|BTS|DUT|DEUG|associate degree)\b", re.I)),
    (
        0,
        "Bac",
        re.compile(r"\b(?:baccalaur[ée]at|bac(?!\s*\+)|high school diploma|a-levels)\b", re.I),
    ),
]


# English offers and CVs often name a degree without its level: "Degree in marketing", "a
# relevant degree", "university degree" mean a bachelor's (3), "graduate degree" a master's (5).
# Not "a high degree of autonomy", "360-degree", nor the "degree" of "Master's degree in X",
# whose level the patterns above already read.
_DEGREE = re.compile(
    r"\b(?:(?P<graduate>(?<!under)(?<!under-)(?:post-?)?graduate|advanced)\s+degree"
    r"|(?:university|college|undergraduate|bachelor|4-year|four-year)\s+degree"
    r"|(?:a|relevant|related|appropriate|technical|good|first)\s+degree(?!\s+of\b)"
    r"|degree\s+(?:in|level|or equivalent|or higher|or above|qualified|educated))\b",
    re.I,
)
_LEVEL_BEFORE_DEGREE = re.compile(
    r"\b(?:master|msc|ms|m\.sc?|mba|phd|ph\.d|doctor|doctoral|associate|engineering|bachelor|"
    r"ba|bs|bsc|b\.sc?|beng|science)"
    r"(?:['’´\x92]?s)?\.?\s*(?:or|and|/)?\s*$",
    re.I,
)


def education_mentions(text: str, only: int | None = None) -> list[tuple[int, str, int]]:
    """(years after bac, label, offset) of each education level mentioned (or only those of
    level `only`), in text order."""
    found: list[tuple[int, str, int]] = []
    for level, label, pattern in _EDUCATION:
        if only is None or level == only:
            found.extend((level, label, m.start()) for m in pattern.finditer(text))
    for m in _DEGREE.finditer(text):
        if _LEVEL_BEFORE_DEGREE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        found.append((5, "Master", m.start()) if m.group("graduate")
                     else (3, "Licence / Bachelor", m.start()))
    return sorted((f for f in found if only is None or f[0] == only), key=lambda x: x[2])


@lru_cache(maxsize=4096)  # asked for every offer mention of every candidate a pool ranks
def is_education_level(text: str) -> bool:
    """Whether `text` is nothing but an education level ("Bac+5", "Master's", "PhD")."""
    text = text.strip(" .,;:()")
    return any(pattern.fullmatch(text) for _, _, pattern in _EDUCATION)


def education(text: str, highest: bool) -> tuple[int | None, str | None]:
    """(years after bac, label) of the highest (CV) or lowest (offer) level mentioned."""
    found = {(level, label) for level, label, _ in education_mentions(text)}
    if not found:
        return None, None
    level, label = max(found) if highest else min(found)
    return level, label


# ---------------------------------------------------------------- spoken languages
_LANGS = {
    "anglais": "en", "english": "en", "francais": "fr", "french": "fr", "allemand": "de",
    "german": "de", "espagnol": "es", "spanish": "es", "italien": "it", "italian": "it",
    "portugais": "pt", "portuguese": "pt", "neerlandais": "nl", "dutch": "nl", "arabe": "ar",
    "arabic": "ar", "chinois": "zh", "mandarin": "zh", "chinese": "zh", "japonais": "ja",
    "japanese": "ja", "russe": "ru", "russian": "ru", "polonais": "pl", "polish": "pl",
}  # fmt: skip
_LANG_RE = re.compile(r"\b(" + "|".join(_LANGS) + r")\b")
_CEFR = re.compile(r"\b([abc][12])\b")
_LEVEL_WORDS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"langue maternelle|maternel(?:le)?|natif|native|mother tongue|first language"),
        "native",
    ),
    (re.compile(r"bilingue|bilingual"), "C2"),
    (
        re.compile(
            r"courant|fluent|fluency|fluently|excellent|avance|advanced|proficient|"
            r"full professional"
        ),
        "C1",
    ),
    (
        re.compile(
            r"professionnel|professional|operationnel|operational|upper.intermediate|"
            r"bon niveau|good"
        ),
        "B2",
    ),
    (re.compile(r"intermediaire|intermediate|conversationnel|conversational"), "B1"),
    (re.compile(r"notions|basic|basique|debutant|beginner|scolaire|elementary|elementaire"), "A2"),
]
_TOEIC = re.compile(r"toeic\D{0,12}(\d{3})")
_LANG_CUE = re.compile(r"langue|language|parl|speak|spoken|ecrit|written|oral|lu,|niveau|level")
# An offer often names a language with only what it is worth: "Spanish is a plus", "German
# required", "l'espagnol est un atout", "allemand apprécié". Read only right after the name, so
# "Spanish market experience is a plus" is no language requirement.
_LANG_WORTH = re.compile(
    r"^\s*(?:is a must\b|(?:(?:is|would be|will be|are|est|serait|sera)\s+)?"
    r"(?:(?:a|an|un|une)\s+)?(?:"
    r"plus|asset|advantage|bonus|required|preferred|appreciated|desirable|essential|mandatory|"
    r"nice to have|atout|avantage|requis|exige|souhaite|apprecie|indispensable|"
    r"obligatoire|impose)\b)"
)
_LEVEL_ORDER = {"A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6, "native": 7}


def _toeic_level(score: int) -> str:
    return "C1" if score >= 945 else "B2" if score >= 785 else "B1" if score >= 550 else "A2"


def languages(
    text: str, in_language_section: list[tuple[int, int]] | None = None
) -> tuple[LanguageSkill, ...]:
    """Spoken languages with their CEFR level (or "native"), best level per language."""
    folded = fold(text)
    sections = in_language_section or []
    best: dict[str, LanguageSkill] = {}
    for m in _LANG_RE.finditer(folded):
        code = _LANGS[m.group(1)]
        line_start = folded.rfind("\n", 0, m.start()) + 1
        line_end = folded.find("\n", m.end())
        line_end = len(folded) if line_end < 0 else line_end
        after = folded[m.end() : min(line_end, m.end() + 50)]
        before = folded[max(line_start, m.start() - 30) : m.start()]
        previous = list(_LANG_RE.finditer(before))
        if previous:  # "anglais C1, espagnol": what precedes belongs to the other language
            before = before[previous[-1].end() :]
        level = _level(after) or _level(before)
        in_section = any(s <= m.start() < e for s, e in sections)
        if (level is None and not in_section and not _LANG_CUE.search(before + after)
                and not _LANG_WORTH.search(after)):
            continue
        old = best.get(code)
        if old is None or _LEVEL_ORDER.get(level or "", 0) > _LEVEL_ORDER.get(old.level or "", 0):
            best[code] = LanguageSkill(code, level, m.start(), m.end())
    return tuple(sorted(best.values(), key=lambda x: x.start))


def _level(window: str) -> str | None:
    cut = _LANG_RE.search(window)
    if cut is not None:  # stop at the next language name
        window = window[: cut.start()]
    m = _CEFR.search(window)
    if m is not None:
        return m.group(1).upper()
    m = _TOEIC.search(window)
    if m is not None:
        return _toeic_level(int(m.group(1)))
    for pattern, level in _LEVEL_WORDS:
        if pattern.search(window):
            return level
    return None
