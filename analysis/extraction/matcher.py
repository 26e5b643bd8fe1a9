"""Dictionary matcher: taxonomy keys looked up on token n-grams (forms and lemmas).

Longest match wins, overlapping mentions are resolved greedily by length, and labels flagged
as ambiguous need a capitalised form ("c") or a tool context ("x") to count.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from analysis.extraction.normalize import Normalizer, fold
from analysis.extraction.types import SkillMention
from analysis.taxonomy import Taxonomy, load_taxonomy

MAX_TOKENS = 8
CONTEXT_CHARS = 80
CONTEXT_CUES = frozenset(
    fold(w)
    for w in (
        "software tool tools language languages programming framework frameworks stack library "
        "libraries microsoft ms suite package platform environment ide ecosystem "
        "logiciel logiciels outil outils langage langages programmation librairie librairies "
        "bibliothèque plateforme environnement maîtrise connaissance connaissances"
    ).split()
)
BARRIER = "\n"

Token = tuple[str, str, int, int, bool]


class SkillMatcher:
    """Finds taxonomy skills in spaCy docs of one language; built once per process."""

    def __init__(self, taxonomy: Taxonomy, lang: str) -> None:
        self.taxonomy = taxonomy
        self.lang = lang
        self.keys = taxonomy.keys[lang]
        self.normalizer = Normalizer(lang, taxonomy.overrides[lang])
        self.first = frozenset(k.split(" ", 1)[0] for k in self.keys)

    def tokens(self, doc: Any) -> list[Token]:
        """Content tokens of a doc (function words dropped, line breaks kept as barriers)."""
        out: list[Token] = []
        for tok in doc:
            if tok.is_space:
                if "\n" in tok.text:
                    out.append((BARRIER, BARRIER, tok.idx, tok.idx, False))
                continue
            text = tok.text
            form = fold(text)
            if form in self.normalizer.function_words and not (text.isupper() and len(text) > 1):
                continue
            lemma = self.normalizer.lemma_key(text, tok.lemma_)
            out.append((form, lemma, tok.idx, tok.idx + len(text), False))
        return out

    def candidates(self, toks: Sequence[Token]) -> list[tuple[int, int, str, str]]:
        """(start_char, end_char, skill_id, flags) of the longest match at each token."""
        keys, first = self.keys, self.first
        found = []
        n = len(toks)
        forms = [t[0] for t in toks]
        lemmas = [t[1] for t in toks]
        for i in range(n):
            if forms[i] not in first and lemmas[i] not in first:
                continue
            top = min(MAX_TOKENS, n - i)
            for length in range(top, 0, -1):
                hit = keys.get(" ".join(lemmas[i : i + length]))
                if hit is None:
                    hit = keys.get(" ".join(forms[i : i + length]))
                if hit is not None:
                    found.append((toks[i][2], toks[i + length - 1][3], hit[0], hit[1]))
                    break
        return found

    def match(self, doc: Any) -> list[SkillMention]:
        """Skill mentions in a spaCy doc, sorted by position."""
        text = doc.text
        toks = self.tokens(doc)
        cands = [c for c in self.candidates(toks) if self._case_ok(text[c[0] : c[1]], c[3])]
        cands.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken: list[tuple[int, int, str, str]] = []
        occupied = bytearray(len(text) + 1)
        for cand in cands:
            start, end = cand[0], cand[1]
            if any(occupied[start:end]):
                continue
            occupied[start:end] = b"\x01" * (end - start)
            taken.append(cand)
        plain = [c for c in taken if "x" not in c[3]]
        cue_positions = [t[2] for t in toks if t[0] in CONTEXT_CUES]
        kept = plain + [c for c in taken if "x" in c[3] and _in_context(c, plain, cue_positions)]
        kept.sort()
        tax, lang = self.taxonomy, self.lang
        return [
            SkillMention(
                start=s,
                end=e,
                text=text[s:e],
                skill_id=sid,
                label=tax.label(sid, lang),
                kind=tax.kind(sid),
            )
            for s, e, sid, _ in kept
        ]

    @staticmethod
    def _case_ok(surface: str, flags: str) -> bool:
        if "c" not in flags:
            return True
        return surface[:1].isupper() and not surface.islower()


def _in_context(
    cand: tuple[int, int, str, str],
    plain: Sequence[tuple[int, int, str, str]],
    cue_positions: Sequence[int],
) -> bool:
    """Whether an ambiguous tool name sits near another skill or a tool cue word."""
    start, end = cand[0], cand[1]
    for other in plain:
        if other[1] >= start - CONTEXT_CHARS and other[0] <= end + CONTEXT_CHARS:
            return True
    return any(start - CONTEXT_CHARS <= pos <= end + CONTEXT_CHARS for pos in cue_positions)


@lru_cache(maxsize=4)
def get_matcher(lang: str) -> SkillMatcher:
    """The skill matcher for `lang`, built once per process."""
    return SkillMatcher(load_taxonomy(), lang)
