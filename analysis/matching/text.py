"""Small text helpers for matching: accent-free keys, sentence around an offset, title tokens."""

from __future__ import annotations

import re
import unicodedata
from array import array
from functools import lru_cache

from analysis.extraction.facts import MONTHS

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]")
# A line break ends a sentence unless it is a soft wrap (PDF lines): after a comma, or before
# a lower-case word — but a line of contact details (an e-mail or a web address) never
# continues the headline above it.
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-Ý0-9•\-])|(?<!,)\n(?![a-zà-ÿ(])"
                           r"|\n(?=[^\s@]+@\S|https?://|www\.|linkedin\.com)")
# Abbreviated months end with a period but not a sentence ("Chargée d'études, sept. 2016 -
# 2019", "Jan. 2020"): the abbreviations of the date reader's month table (a key that starts a
# longer name of the same table: "sept" of "septembre", not "mai" or "juin"), checked on the few
# boundaries that follow a period.
_MONTH_ABBREVIATIONS = frozenset(
    short for short in MONTHS if any(full != short and full.startswith(short) for full in MONTHS))
_WORD_BEFORE_PERIOD = re.compile(r"(?<!\w)(\w+)\.$")


def _after_month(text: str, match: re.Match[str]) -> bool:
    """Whether a boundary follows an abbreviated month rather than a sentence."""
    at = match.start()
    if text[at - 1 : at] != ".":
        return False
    word = _WORD_BEFORE_PERIOD.search(text, max(0, at - 6), at)
    return word is not None and fold(word.group(1)) in _MONTH_ABBREVIATIONS


_BULLET_PREFIX = re.compile(r"^[\s•●▪◦‣➢➤►■□\-–—*·>]+")
MAX_EVIDENCE = 280
_LOOK_BACK = 4 * MAX_EVIDENCE

# Title words that mean the same across French and English (accent-free keys).
_TITLE_SYNONYMS: dict[str, str] = {
    "developpeur": "developer", "developpeuse": "developer", "dev": "developer",
    "ingenieur": "engineer", "ingenieure": "engineer", "donnees": "data", "donnee": "data",
    "analyste": "analyst", "chef": "manager", "responsable": "manager", "gestionnaire": "manager",
    "directeur": "director", "directrice": "director", "architecte": "architect",
    "consultante": "consultant", "scientifique": "scientist", "chercheur": "researcher",
    "chercheuse": "researcher", "technicien": "technician", "technicienne": "technician",
    "commercial": "sales", "commerciale": "sales", "vendeur": "sales", "comptable": "accountant",
    "infirmier": "nurse", "infirmiere": "nurse", "stagiaire": "intern", "stage": "intern",
    "alternant": "apprentice", "alternance": "apprentice", "apprenti": "apprentice",
    "logiciel": "software", "logiciels": "software", "projet": "project", "produit": "product",
    "principal": "lead", "senior": "senior", "junior": "junior", "confirme": "senior",
    "experimente": "senior", "debutant": "junior", "intelligence": "ai", "artificielle": "ai",
    "ia": "ai", "apprentissage": "learning", "automatique": "machine", "ml": "machine",
    "analytics": "analyst", "analysis": "analyst", "analyse": "analyst", "engineering": "engineer",
    "science": "scientist", "scientists": "scientist", "engineers": "engineer",
    "developers": "developer", "developpement": "developer", "development": "developer",
    "gestion": "manager", "management": "manager", "marketing": "marketing",
}
_TITLE_STOP = frozenset(
    "h f m w x hf fh de du des la le les l d et en a au aux pour the of and in for to with "
    "un une cdi cdd h/f f/h freelance poste job offre offer remote hybrid hybride teletravail "
    "full time part temps plein partiel".split()
)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SENIORITY = frozenset({"senior", "junior", "lead", "intern", "apprentice"})


def fold(text: str) -> str:
    """Lowercase, strip accents and collapse spaces: a matching key for surfaces."""
    return " ".join(_strip_accents(text.lower()).split())


def _strip_accents(text: str) -> str:
    """NFKD without its combining marks: "é" -> "e", "ﬁ" -> "fi"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_fold_char = lru_cache(maxsize=4096)(_strip_accents)  # one character at a time, see below


def words(text: str) -> list[str]:
    """Accent-free lowercase word tokens (keeps c++, c#, node.js)."""
    return _WORD.findall(fold(text))


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence or bullet line of `text` around [start, end), trimmed for display."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    # Look back a bounded stretch: scanning from the top of the CV for each evidence row cost
    # a pool ranking dearly; a longer sentence is shown as a window around the mention anyway.
    left = max(0, start - _LOOK_BACK)
    # endpos start + 1: the boundary's lookahead must see the mention's first character, or a
    # sentence that starts with the mention ("... en entreprise. Autonome sur ...") is glued
    # to the one before it.
    for match in reversed(list(_SENTENCE_END.finditer(text, left, min(len(text), start + 1)))):
        if not _after_month(text, match):
            left = match.end()
            break
    right = len(text)
    for match in _SENTENCE_END.finditer(text, end):
        if not _after_month(text, match):
            right = match.start()
            break
    sentence = _BULLET_PREFIX.sub("", " ".join(text[left:right].split()))
    if len(sentence) > MAX_EVIDENCE:
        # keep a window centred on the mention
        rel = max(0, start - left - MAX_EVIDENCE // 2)
        sentence = "…" + sentence[rel : rel + MAX_EVIDENCE].strip() + "…"
    return sentence


def line_at(text: str, start: int) -> str:
    """The whole line of `text` at `start` ("BA Business Administration 2011 - 2015")."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    line = " ".join(text[left : len(text) if right < 0 else right].split())
    line = _BULLET_PREFIX.sub("", line)
    return line if len(line) <= MAX_EVIDENCE else line[:MAX_EVIDENCE].rstrip() + "…"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=256)  # batch and pool meet the same CVs again and again
def folded_with_offsets(text: str) -> tuple[str, array[int]]:
    """`fold`-style lowercase accent-free text, and the original offset of each folded char."""
    low = text.lower()
    # ASCII runs fold to themselves: copy them whole and fold only the other characters
    # (a pool match folds a thousand CVs; a loop over every character was its largest cost)
    chars: list[str] = []
    offsets = array("l")
    pos = 0
    for match in _NON_ASCII.finditer(low):
        i = match.start()
        chars.append(low[pos:i])
        offsets.extend(range(pos, i))
        folded = _fold_char(low[i])
        chars.append(folded)
        offsets.extend([i] * len(folded))
        pos = i + 1
    chars.append(low[pos:])
    offsets.extend(range(pos, len(low)))
    return "".join(chars), offsets


_EDGE = " \t\n()[]{}.,;:!?\"'«»“”/-–—"
_SHORT_OK = {"ia", "ml", "bi", "ux", "ui", "qa", "c#", "c++", "js"}  # unambiguous short names


@lru_cache(maxsize=8192)
def _wording_pattern(wording: str) -> re.Pattern[str] | None:
    key = " ".join(fold(wording).strip(_EDGE).split())
    if len(key) < 3 and key not in _SHORT_OK:
        return None
    return re.compile(r"(?<![a-z0-9])" + re.escape(key).replace(r"\ ", r"\s+")
                      + r"(?![a-z0-9+#])")


def find_wording(text: str, wordings: list[str]) -> tuple[int, int] | None:
    """Where one of `wordings` appears in `text` as whole words (accent/case-insensitive)."""
    folded, offsets = folded_with_offsets(text)
    for wording in wordings:
        pattern = _wording_pattern(wording)
        found = pattern.search(folded) if pattern is not None else None
        if found:
            return offsets[found.start()], offsets[found.end() - 1] + 1
    return None


# French titles come in both genders and in inclusive writing ("Infirmier / Infirmière
# diplômé(e) d'État" vs "Infirmière diplômée d'État"): one form per word, for titles only.
_FEMININE_ENDINGS = (("euse", "eur"), ("trice", "teur"), ("ienne", "ien"), ("ante", "ant"),
                     ("iere", "ier"), ("ee", "e"))


def _masculine(token: str) -> str:
    for feminine, masculine in _FEMININE_ENDINGS:
        if token.endswith(feminine) and len(token) > len(feminine) + 2:
            return token[: -len(feminine)] + masculine
    return token


@lru_cache(maxsize=4096)
def title_tokens(title: str) -> frozenset[str]:
    """Content tokens of a job title, mapped to a shared FR/EN vocabulary."""
    out = set()
    # "(Remote, UK)", "(H/F)": place, contract and work mode are not the job
    core = _BRACKETS.sub(" ", title)
    for token in words((core if core.strip() else title).replace("/", " ")):
        token = token.strip(".")
        if token in _TITLE_STOP or len(token) < 2 and token not in {"c", "r"}:
            continue
        if token.endswith("s") and token[:-1] in _TITLE_SYNONYMS.values():
            token = token[:-1]
        token = _masculine(_TITLE_SYNONYMS.get(token, token))
        out.add(_TITLE_SYNONYMS.get(token, token))
    return frozenset(out)


def title_similarity(offer_title: str, cv_title: str) -> float:
    """Share of the offer title's content tokens found in the CV title (seniority weighs less)."""
    wanted = title_tokens(offer_title)
    if not wanted:
        return 0.0
    have = title_tokens(cv_title)
    weights = {t: (0.3 if t in _SENIORITY else 1.0) for t in wanted}
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in have) / total
