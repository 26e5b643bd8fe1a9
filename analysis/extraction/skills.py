"""Skill extraction from plain text and lemma tokens for TF-IDF."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from threading import Lock
from typing import Any

from analysis.extraction.matcher import get_matcher
from analysis.extraction.normalize import Normalizer, fold
from analysis.extraction.pipeline import get_nlp
from analysis.extraction.types import SkillMention
from analysis.taxonomy import load_taxonomy

MAX_CHARS = 2_000_000  # spaCy's default nlp.max_length is 1,000,000: texts are cut in chunks


def resolve_lang(text: str, lang: str | None) -> str:
    """`lang` if given ("fr"/"en"), else the language detected by the parsing stage."""
    if lang in ("fr", "en"):
        return lang
    if lang is not None:
        raise ValueError(f"unsupported language: {lang!r} (use 'fr' or 'en')")
    from analysis.parsing import detect_language

    return detect_language(text)


def extract_skills(
    text: str, lang: str | None = None, *, use_model: bool = True
) -> list[SkillMention]:
    """Hard and soft skill mentions in `text`, with character offsets into `text`.

    `use_model=False` skips the English skill tagger (taxonomy matches only).
    """
    if not text or not text.strip():
        return []
    lang = resolve_lang(text, lang)
    nlp = get_nlp(lang)
    matcher = get_matcher(lang)
    mentions: list[SkillMention] = []
    for offset, chunk in chunks(text):
        for m in matcher.match(nlp(chunk), chunk, use_model=use_model):
            mentions.append(shift(m, offset) if offset else m)
    return mentions


def chunks(text: str, size: int = 200_000) -> list[tuple[int, str]]:
    """Cut long text at line breaks into pieces spaCy accepts, with their offsets."""
    if len(text) <= size:
        return [(0, text)]
    out = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def shift(m: SkillMention, offset: int) -> SkillMention:
    """The mention moved by `offset` characters."""
    from dataclasses import replace

    return replace(m, start=m.start + offset, end=m.end + offset)


@lru_cache(maxsize=2)
def _normalizer(lang: str) -> Normalizer:
    return Normalizer(lang, load_taxonomy().overrides[lang])


@lru_cache(maxsize=2)
def _stop_words(lang: str) -> frozenset[str]:
    if lang == "fr":
        from spacy.lang.fr.stop_words import STOP_WORDS
    else:
        from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(fold(w) for w in STOP_WORDS) | _normalizer(lang).function_words


def lemmatize(text: str, lang: str) -> list[str]:
    """Normalised lemma tokens (lowercase, accents folded, stop words and punctuation dropped)."""
    lang = resolve_lang(text, lang)
    known = _MEMO.get(text, lang)
    if known is not None:
        return list(known)
    nlp = get_nlp(lang)
    out: list[str] = []
    for _, chunk in chunks(text):
        out.extend(doc_lemmas(nlp(chunk), lang))
    _MEMO.put(text, lang, out)
    return out


def doc_lemmas(doc: Any, lang: str) -> list[str]:
    """`lemmatize`'s tokens for one spaCy doc (one chunk of a text)."""
    norm = _normalizer(lang)
    stops = _stop_words(lang)
    out: list[str] = []
    for tok in doc:
        if tok.is_space or tok.is_punct or not any(c.isalnum() for c in tok.text):
            continue
        lemma = norm.lemma_key(tok.text, tok.lemma_)
        if lemma in stops or fold(tok.text) in stops:
            continue
        out.append(lemma)
    return out


class _LemmaMemo:
    """Lemma tokens of the last texts read, by content: each text is lemmatised once per
    process, and profiling a text (which runs spaCy anyway) leaves its lemmas here, so the
    keyword similarity (`analysis.matching.keyword_tokens`) does not run spaCy again."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[tuple[str, str], tuple[str, ...]] = OrderedDict()
        self.lock = Lock()

    @staticmethod
    def _key(text: str, lang: str) -> tuple[str, str]:
        return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest(), lang

    def get(self, text: str, lang: str) -> tuple[str, ...] | None:
        key = self._key(text, lang)
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def put(self, text: str, lang: str, lemmas: Sequence[str]) -> None:
        key = self._key(text, lang)
        with self.lock:
            self.items[key] = tuple(lemmas)
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


_MEMO = _LemmaMemo(2048)  # texts; a CV's lemmas take a few KiB


def remember_lemmas(text: str, lang: str, lemmas: Sequence[str]) -> None:
    """Record `lemmatize(text, lang)` computed by a caller that already ran the pipeline."""
    _MEMO.put(text, lang, lemmas)


def forget_lemmas() -> None:
    """Empty the lemma memo (benchmarks measure cold lemmatisation with it)."""
    with _MEMO.lock:
        _MEMO.items.clear()
