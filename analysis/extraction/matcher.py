"""Dictionary matcher: taxonomy keys looked up on token n-grams (forms and lemmas).

Longest match wins, overlapping mentions are resolved greedily by length, and labels flagged
as ambiguous need a capitalised form ("c"), a tool context ("x") or to be a whole item of a
list ("l": "Soft skills: communication, organisation") to count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from analysis.extraction.compounds import splits_dictionary_word, widen_spans
from analysis.extraction.normalize import Normalizer, english_word_classes, fold
from analysis.extraction.tagger import Candidate, combine, dict_tags, load_tagger
from analysis.extraction.types import SkillMention
from analysis.taxonomy import Taxonomy, load_taxonomy

MAX_TOKENS = 8
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

Token = tuple[str, str, int, int, str]  # form, lemma key, start, end, plain lemma
# What the rules read of one spaCy token, taken in a single pass over the doc:
# text, spaCy lemma, start offset, is whitespace, is a past participle (French morphology).
View = tuple[str, str, int, bool, bool]


class SkillMatcher:
    """Finds taxonomy skills in spaCy docs of one language; built once per process."""

    def __init__(self, taxonomy: Taxonomy, lang: str) -> None:
        self.taxonomy = taxonomy
        self.lang = lang
        self.keys = taxonomy.keys[lang]
        self.normalizer = Normalizer(lang, taxonomy.overrides[lang])
        self.first = frozenset(k.split(" ", 1)[0] for k in self.keys)
        self.kinds = {sid: e.kind for sid, e in taxonomy.skills.items()}
        self.keep_always = {
            sid for sid, e in taxonomy.skills.items() if e.type in ("tool", "curated")
        }

    def views(self, doc: Any) -> list[View]:
        """One pass over a spaCy doc: what matching, tagging and the participle rule read."""
        if self.lang == "fr":
            return [(t.text, t.lemma_, t.idx, t.is_space, "Part" in t.morph.get("VerbForm"))
                    for t in doc]
        return [(t.text, t.lemma_, t.idx, t.is_space, False) for t in doc]

    def tokens(self, views: Sequence[View]) -> list[Token]:
        """Content tokens of a doc (function words dropped, line breaks kept as barriers)."""
        out: list[Token] = []
        for text, spacy_lemma, idx, is_space, _ in views:
            if is_space:
                if "\n" in text:
                    out.append((BARRIER, BARRIER, idx, idx, BARRIER))
                continue
            end = idx + len(text)
            if len(text) <= 3 and text.endswith(".") and text[:-1].isalpha():
                text, end = text[:-1], end - 1  # "R." at a sentence end is "R"
            form = fold(text)
            if form in self.normalizer.function_words and not (text.isupper() and len(text) > 1):
                continue
            lemma = self.normalizer.lemma_key(text, spacy_lemma)
            plain = self.normalizer.plain_lemma(text, spacy_lemma) if lemma != form else form
            out.append((form, lemma, idx, end, plain))
        return out

    def token_infos(self, views: Sequence[View]) -> list[tuple[str, str, int, int]]:
        """(text, lemma key, start, end) of every non-space token (for the tagger)."""
        lemma_key = self.normalizer.lemma_key
        out = []
        for text, spacy_lemma, idx, is_space, _ in views:
            if is_space:
                continue
            if len(text) <= 3 and text.endswith(".") and text[:-1].isalpha():
                text = text[:-1]  # as in `tokens`: "R." at a sentence end is "R"
            out.append((text, lemma_key(text, spacy_lemma), idx, idx + len(text)))
        return out

    def candidates(self, toks: Sequence[Token]) -> list[tuple[int, int, str, str, str]]:
        """(start_char, end_char, skill_id, flags, key) of the longest match at each token."""
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
                key = " ".join(lemmas[i : i + length])
                hit = keys.get(key)
                if length == 1 and hit is not None and "f" in hit[1]:
                    # one-word labels ("f"): no override-driven match ("animation" != "animer")
                    key = toks[i][4]
                    hit = keys.get(key)
                if hit is None:
                    key = " ".join(forms[i : i + length])
                    hit = keys.get(key)
                if hit is not None:
                    found.append((toks[i][2], toks[i + length - 1][3], hit[0], hit[1], key))
                    break
        return found

    def select(self, text: str, views: Sequence[View]) -> list[Candidate]:
        """Accepted candidates: case rules, longest first without overlap, tool context and,
        in English, none that cuts a hyphenated dictionary word ("work hands" in "Work
        hands-on" is no *crafting*). Run time, the tagger's training and the learned stop keys
        all read their dictionary hits from here."""
        taken = self._accepted(text, views)
        if self.lang != "en":
            return taken
        words = english_word_classes()
        return [c for c in taken if not splits_dictionary_word(text, c[0], c[1], words)]

    def _accepted(self, text: str, views: Sequence[View]) -> list[Candidate]:
        toks = self.tokens(views)
        participles = self._participles(views)
        cands = [
            c
            for c in self.candidates(toks)
            if self._case_ok(text[c[0] : c[1]], c[3])
            and ("l" not in c[3] or list_item(text, c[0], c[1], enumerated=True))
            and not (
                c[0] in participles
                and " " not in c[4]
                and ("k" not in c[3] or self.lang == "fr")
            )
        ]
        cands.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken: list[Candidate] = []
        occupied = bytearray(len(text) + 1)
        for cand in cands:
            start, end = cand[0], cand[1]
            if any(occupied[start:end]):
                continue
            occupied[start:end] = b"\x01" * (end - start)
            taken.append(cand)
        if any("l" in c[3] for c in taken):
            taken = self._soft_lists_only(text, taken)
        if not any("x" in c[3] for c in taken):
            taken.sort()
            return taken
        tools = [(c[0], c[1]) for c in taken if "x" not in c[3] and self._is_technical(c[2])]
        cues = [t[2] for t in toks if t[0] in CONTEXT_CUES]
        pending = [c for c in taken if "x" in c[3]]
        kept = [c for c in taken if "x" not in c[3]]
        changed = True
        while pending and changed:  # "Python, Go, Rust": each accepted name anchors the next
            changed = False
            for cand in list(pending):
                if _in_context(text, cand, tools, cues):
                    kept.append(cand)
                    tools.append((cand[0], cand[1]))
                    pending.remove(cand)
                    changed = True
        kept.sort()
        return kept

    def match(self, doc: Any, text: str, use_model: bool = True) -> list[SkillMention]:
        """Skill mentions in a spaCy doc, sorted by position.

        English texts also go through the trained skill tagger (models/skilltagger-v1) when
        it is present and `use_model` is true: see `tagger.combine`. `text` is the doc's text,
        which the caller has (spaCy rebuilds `doc.text` token by token on every access).
        """
        tax, lang = self.taxonomy, self.lang
        views = self.views(doc)
        cands = self.select(text, views)
        tagger = load_tagger() if use_model and lang == "en" else None
        if tagger is None:
            merged = [(c[0], c[1], c[2], "taxonomy") for c in cands]
        else:
            infos = self.token_infos(views)
            spans = widen_spans(text, tagger.spans(infos, dict_tags(infos, cands, self.kinds)))
            listed = frozenset((c[0], c[1]) for c in cands if list_item(text, c[0], c[1]))
            merged = combine(
                infos, cands, spans, self.keep_always, self.normalizer.function_words, listed
            )
        out = []
        for s, e, sid, source in merged:
            if source == "model":
                label, kind = " ".join(text[s:e].split()), sid.split("/")[1]
            else:
                label, kind = tax.label(sid, lang), tax.kind(sid)
            out.append(SkillMention(s, e, text[s:e], sid, label, kind, source=source))
        return out

    def _soft_lists_only(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """List-only ("l") soft words need a soft-skills list: a soft-skill heading on their
        line or another soft skill there ("Rigueur, organisation" but not "processus,
        organisation, outil")."""
        out = []
        for c in cands:
            if "l" not in c[3]:
                out.append(c)
                continue
            line_start = text.rfind("\n", 0, c[0]) + 1
            line_end = text.find("\n", c[1])
            line_end = len(text) if line_end < 0 else line_end
            if _SOFT_CUE.search(text, line_start, line_end) or any(
                "l" not in o[3] and self.kinds.get(o[2]) == "soft" and line_start <= o[0] < line_end
                for o in cands
            ):
                out.append(c)
        return out

    def _participles(self, views: Sequence[View]) -> frozenset[int]:
        """Start offsets of past participles used as verbs ("Coordinated onboarding", "j'ai
        organisé les réunions"): as a lone word they are the action verb of an experience
        line, not the name of a skill (French: only with an auxiliary before or a determiner
        after, so the quality "organisée, rigoureuse" stays)."""
        out = []
        toks = [v for v in views if not v[3]]
        for i, (word, _, idx, _, participle) in enumerate(toks):
            if self.lang == "en":
                low = word.lower()
                if len(low) > 4 and low.endswith("ed") and not word.isupper():
                    out.append(idx)
            elif participle:
                before = fold(toks[i - 1][0]) if i else ""
                after = fold(toks[i + 1][0]) if i + 1 < len(toks) else ""
                if before in _FR_AUX or after in _FR_DETERMINERS:
                    out.append(idx)
        return frozenset(out)

    def _is_technical(self, skill_id: str) -> bool:
        entry = self.taxonomy.get(skill_id)
        return entry is not None and entry.kind == "hard" and entry.type != "skill/competence"

    @staticmethod
    def _case_ok(surface: str, flags: str) -> bool:
        if "u" in flags and not surface.isupper():
            return False
        if "c" in flags:
            return surface[:1].isupper() and not surface.islower()
        return True


_ITEM_LEFT = re.compile(r"(?:^|[\n,;|/•·:(\t]|\b(?:and|or|et|ou|&))[ \t•·*\-–—▪◦]*$", re.I)
_ITEM_RIGHT = re.compile(r"^[ \t]*(?:$|[\n,;|/•·)\t]|\.[ \t]*(?:$|\n)|(?:and|or|et|ou|&)\b)", re.I)


def list_item(text: str, start: int, end: int, enumerated: bool = False) -> bool:
    """Whether text[start:end] is a whole item of an enumeration or a line of its own
    ("Sales: negotiation, upselling", "• Salesforce", "Python, SQL and pandas").

    `enumerated`: a line of its own is not enough (it may be a heading: "COMMUNICATION"); a
    list separator, bullet or label colon must touch the item.
    """
    left = _ITEM_LEFT.search(text, max(0, start - 12), start)
    right = _ITEM_RIGHT.match(text[end : end + 12])
    if not (left and right):
        return False
    if not enumerated:
        return True
    return bool(_SEPARATOR.search(left.group()) or _SEPARATOR.search(right.group()))


_SOFT_CUE = re.compile(
    r"soft[ -]skills?|savoir[- ]être|qualités|personal skills|interpersonal|personal qualities",
    re.I,
)
_SEPARATOR = re.compile(r"[,;|/•·:*▪◦\-–—]|\b(?:and|or|et|ou)\b|&", re.I)


_LIST_GAP = re.compile(r"^[\s,;/&|+()\-]*(?:\b(?:and|or|et|ou)\b)?[\s,;/&|+()\-]*$", re.I)


def _in_context(
    text: str, cand: Candidate, tools: Sequence[tuple[int, int]], cues: Sequence[int]
) -> bool:
    """Whether an ambiguous tool name is listed next to another tool or near a cue word."""
    start, end = cand[0], cand[1]
    for t_start, t_end in tools:
        if t_end <= start and start - t_end <= 12 and _LIST_GAP.match(text[t_end:start]):
            return True
        if t_start >= end and t_start - end <= 12 and _LIST_GAP.match(text[end:t_start]):
            return True
    return any(start - 40 <= pos <= end + 40 for pos in cues)


_FR_AUX = frozenset("ai as a avons avez ont eu ete avoir ayant".split())
_FR_DETERMINERS = frozenset(
    "le la les l' l un une des du au aux d' ses son sa leurs leur plusieurs chaque".split()
)


@lru_cache(maxsize=4)
def get_matcher(lang: str) -> SkillMatcher:
    """The skill matcher for `lang`, built once per process."""
    return SkillMatcher(load_taxonomy(), lang)
