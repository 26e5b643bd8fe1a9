"""Keyword similarity: idf-weighted cosine over lemmas, idf fitted once on background corpora.

The model (`models/keywords-v2/`) is plain JSON (vocabulary, one idf table per language,
calibration), so it loads with any library version; `scripts/build_keywords.py` rebuilds it
with scikit-learn's `TfidfVectorizer` (smooth idf) on a background corpus per language.
A term's weight is a saturating term frequency, tf x (k1 + 1) / (tf + k1) as in BM25, times
the idf of the offer's language; vectors are l2-normalised and compared by cosine.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "keywords-v2"
DEFAULT_K1 = 1.2  # BM25's usual term-frequency saturation (Robertson & Zaragoza), not tuned


def clean_tokens(tokens: Iterable[str]) -> list[str]:
    """Drop tokens that carry no topic (single characters, bare numbers)."""
    return [t for t in tokens if len(t) > 1 and not t.replace(".", "").replace(",", "").isdigit()]


def saturated_tf(count: int, k1: float) -> float:
    """BM25's term-frequency saturation: 1 for one occurrence, approaching k1 + 1."""
    return count * (k1 + 1.0) / (count + k1)


@dataclass(frozen=True, eq=False)  # hashed by identity: vectors are cached per model
class KeywordModel:
    """Idf tables per language over one lemma vocabulary, with the cosine of full credit."""

    version: str
    vocabulary: Mapping[str, int]
    idf: Mapping[str, Sequence[float]]  # language -> idf by column
    reference_cosine: Mapping[str, float]  # language -> cosine that gives tanh(1) credit
    k1: float = DEFAULT_K1

    def language(self, lang: str) -> str:
        """The idf table used for a language (the first one for an unknown language)."""
        return lang if lang in self.idf else next(iter(self.idf))

    def vector(self, tokens: Sequence[str], lang: str) -> dict[int, float]:
        """The l2-normalised weight vector of a token list, as {column: weight} (cached)."""
        return _vector(self, tuple(tokens), self.language(lang))

    def cosine(self, a: Sequence[str], b: Sequence[str], lang: str = "fr") -> float:
        """Cosine of two token lists, both weighted with the idf of `lang` (the offer's)."""
        if not a or not b:
            return 0.0
        va, vb = self.vector(a, lang), self.vector(b, lang)
        if len(va) > len(vb):
            va, vb = vb, va
        return float(sum(w * vb.get(i, 0.0) for i, w in va.items()))

    def credit(self, cosine: float, lang: str = "fr") -> float:
        """A cosine as a 0..1 component: tanh(cosine / reference cosine of the language).

        The reference (a close same-trade pair in that language's background) gives 0.76,
        twice it 0.96; strictly increasing, so closer texts always rank higher.
        """
        reference = self.reference_cosine[self.language(lang)]
        return math.tanh(max(cosine, 0.0) / reference)

    def similarity(self, a: Sequence[str], b: Sequence[str], lang: str = "fr") -> float:
        """Keyword component (0..1) of two token lists."""
        return self.credit(self.cosine(a, b, lang), lang)


@lru_cache(maxsize=512)
def _vector(model: KeywordModel, tokens: tuple[str, ...], lang: str) -> dict[int, float]:
    vocabulary, idf = model.vocabulary, model.idf[lang]
    counts: dict[int, int] = {}
    for token in tokens:
        column = vocabulary.get(token)
        if column is not None:
            counts[column] = counts.get(column, 0) + 1
    weights = {c: saturated_tf(n, model.k1) * float(idf[c]) for c, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {c: w / norm for c, w in weights.items()} if norm else {}


def model_from_dict(data: Mapping) -> KeywordModel:
    """A KeywordModel from its JSON form (as written by scripts/build_keywords.py)."""
    vocabulary = {t: i for i, t in enumerate(data["vocabulary"])}
    idf = {lang: tuple(float(x) for x in values) for lang, values in data["idf"].items()}
    if any(len(values) != len(vocabulary) for values in idf.values()):
        raise ValueError("keyword model: idf tables and vocabulary differ in length")
    return KeywordModel(version=data["version"], vocabulary=vocabulary, idf=idf,
                        reference_cosine={k: float(v) for k, v in
                                          data["reference_cosine"].items()},
                        k1=float(data["settings"]["k1"]))


@lru_cache(maxsize=2)
def load_keyword_model(path: str | None = None) -> KeywordModel:
    """Load the committed keyword model (cached; plain JSON, no pickle)."""
    folder = Path(path) if path else MODEL_DIR
    return model_from_dict(json.loads((folder / "model.json").read_text(encoding="utf-8")))


def clear_token_cache() -> None:
    """Forget the lemmas kept by extraction (benchmarks measure cold lemmatisation with it)."""
    from analysis.extraction.skills import forget_lemmas

    forget_lemmas()


def keyword_tokens(text: str, lang: str) -> tuple[str, ...]:
    """Lemma tokens of a text for keyword similarity (lemmas kept by extraction, by content)."""
    if not text.strip():
        return ()
    from analysis.extraction import lemmatize  # spaCy work happens in extraction only

    return tuple(clean_tokens(lemmatize(text, lang)))
