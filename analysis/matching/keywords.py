"""Keyword similarity: TF-IDF cosine over lemmas, idf fitted once on a background corpus.

The model (`models/keywords-v1/`) is stored as JSON (vocabulary, idf, calibration), so it loads
with any scikit-learn version; `scripts/build_keywords.py` rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from threading import Lock

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "keywords-v1"
_TOKEN_CACHE_SIZE = 2048


def _identity(tokens: Sequence[str]) -> Sequence[str]:
    return tokens


def clean_tokens(tokens: Iterable[str]) -> list[str]:
    """Drop tokens that carry no topic (single characters, bare numbers)."""
    return [t for t in tokens if len(t) > 1 and not t.replace(".", "").replace(",", "").isdigit()]


@dataclass(frozen=True)
class KeywordModel:
    """A fitted TF-IDF weighting over lemma tokens, with the cosine that maps to full credit."""

    version: str
    vectorizer: TfidfVectorizer
    reference_cosine: float

    def vector(self, tokens: Sequence[str]) -> dict[int, float]:
        """The l2-normalised TF-IDF vector of a token list, as {column: weight}.

        Same numbers as `vectorizer.transform` (sublinear tf x idf, l2 norm), computed
        directly and cached, because batch scoring compares one text with many others.
        """
        return _vector(self, tuple(tokens))

    def cosine(self, a: Sequence[str], b: Sequence[str]) -> float:
        """Cosine similarity of two token lists under the background idf."""
        if not a or not b:
            return 0.0
        va, vb = self.vector(a), self.vector(b)
        if len(va) > len(vb):
            va, vb = vb, va
        return float(sum(w * vb.get(i, 0.0) for i, w in va.items()))

    def credit(self, cosine: float) -> float:
        """A cosine as a 0..1 component: tanh(cosine / reference cosine).

        The reference (a close same-trade pair) gives 0.76, twice it 0.96; the curve is
        strictly increasing, so closer texts always rank higher (no plateau at 1).
        """
        return math.tanh(max(cosine, 0.0) / self.reference_cosine)

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> float:
        """Keyword component (0..1) of two token lists."""
        return self.credit(self.cosine(a, b))


@lru_cache(maxsize=512)
def _vector(model: KeywordModel, tokens: tuple[str, ...]) -> dict[int, float]:
    vocabulary, idf = model.vectorizer.vocabulary_, model.vectorizer.idf_
    counts: dict[int, int] = {}
    for token in tokens:
        column = vocabulary.get(token)
        if column is not None:
            counts[column] = counts.get(column, 0) + 1
    weights = {c: (1.0 + math.log(n)) * float(idf[c]) for c, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {c: w / norm for c, w in weights.items()} if norm else {}


def make_vectorizer(vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
    """The TF-IDF settings shared by the build script and run time."""
    return TfidfVectorizer(analyzer=_identity, sublinear_tf=True, vocabulary=vocabulary,
                           dtype=np.float64)


@lru_cache(maxsize=2)
def load_keyword_model(path: str | None = None) -> KeywordModel:
    """Load the committed keyword model (cached; the JSON is version-independent)."""
    folder = Path(path) if path else MODEL_DIR
    data = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    vectorizer = make_vectorizer({t: i for i, t in enumerate(data["vocabulary"])})
    vectorizer.idf_ = np.asarray(data["idf"], dtype=np.float64)
    vectorizer.vocabulary_ = dict(vectorizer.vocabulary)
    return KeywordModel(version=data["version"], vectorizer=vectorizer,
                        reference_cosine=float(data["reference_cosine"]))


class _TokenCache:
    """A small LRU of lemma tokens by (text hash, language): each text is lemmatised once."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[tuple[str, str], tuple[str, ...]] = OrderedDict()
        self.lock = Lock()

    def get(self, text: str, lang: str) -> tuple[str, ...]:
        key = (hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest(), lang)
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        from analysis.extraction import lemmatize  # spaCy work happens in extraction only

        tokens = tuple(clean_tokens(lemmatize(text, lang)))
        with self.lock:
            self.items[key] = tokens
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return tokens


_CACHE = _TokenCache(_TOKEN_CACHE_SIZE)


def clear_token_cache() -> None:
    """Forget every cached token list (benchmarks measure cold lemmatisation with it)."""
    with _CACHE.lock:
        _CACHE.items.clear()


def keyword_tokens(text: str, lang: str) -> tuple[str, ...]:
    """Lemma tokens of a text for keyword similarity (cached by content)."""
    if not text.strip():
        return ()
    return _CACHE.get(text, lang)
