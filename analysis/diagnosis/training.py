"""Feedback corpus loading, the held-out split and the classifier pipeline (used by the trainer
script and the benchmark, never at run time)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import FeatureUnion, Pipeline

from analysis.diagnosis.types import FEEDBACK_LABELS, TEMPLATE

CORPUS_DIR = Path(__file__).resolve().parents[2] / "scripts" / "data" / "feedback"
LANGS = ("fr", "en")
SEED = 13
TEST_SHARE = 0.25


@dataclass(frozen=True)
class Example:
    """One labelled recruiter phrasing; `group` ties an email to the phrasing it wraps."""

    text: str
    label: str
    lang: str
    group: str


def load_corpus(corpus_dir: Path = CORPUS_DIR) -> list[Example]:
    """Read `feedback_<lang>.txt` (`label|text` lines) into bare examples."""
    examples: list[Example] = []
    for lang in LANGS:
        lines = (corpus_dir / f"feedback_{lang}.txt").read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            label, text = line.split("|", 1)
            if label not in FEEDBACK_LABELS:
                raise ValueError(f"feedback_{lang}.txt:{number}: unknown label {label!r}")
            examples.append(Example(text.strip(), label, lang, f"{lang}:{number}"))
    return examples


def load_wrappers(corpus_dir: Path = CORPUS_DIR) -> dict[tuple[str, str], list[str]]:
    """Greetings and closings per (lang, part) from `wrappers.txt`."""
    wrappers: dict[tuple[str, str], list[str]] = {}
    for line in (corpus_dir / "wrappers.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, part, text = line.split("|", 2)
            wrappers.setdefault((lang, part), []).append(text.strip())
    return wrappers


def _wrapper_side(wrappers: list[str], side: str) -> list[str]:
    """Even-numbered wrappers belong to training, odd-numbered ones to the held-out side."""
    return wrappers[0::2] if side == "train" else wrappers[1::2]


def wrapper_examples(side: str = "train", corpus_dir: Path = CORPUS_DIR) -> list[Example]:
    """Greetings and closings alone, labelled `template`: boilerplate that names no cause."""
    out = []
    for (lang, part), texts in sorted(load_wrappers(corpus_dir).items()):
        for n, text in enumerate(_wrapper_side(texts, side)):
            out.append(Example(text, TEMPLATE, lang, f"{lang}:{part}:{side}:{n}"))
    return out


def as_emails(examples: list[Example], side: str = "train", corpus_dir: Path = CORPUS_DIR,
              seed: int = SEED) -> list[Example]:
    """Each phrasing bare and wrapped in a greeting and a closing, as a recruiter sends it
    (`side`: the training or the held-out half of the wrappers)."""
    wrappers = load_wrappers(corpus_dir)
    rng = random.Random(seed)
    out: list[Example] = []
    for ex in examples:
        opening = rng.choice(_wrapper_side(wrappers[(ex.lang, "open")], side))
        closing = rng.choice(_wrapper_side(wrappers[(ex.lang, "close")], side))
        out.append(ex)
        out.append(Example(f"{opening}\n\n{ex.text}\n\n{closing}", ex.label, ex.lang, ex.group))
    return out


def split(examples: list[Example], test_share: float = TEST_SHARE,
          seed: int = SEED) -> tuple[list[Example], list[Example]]:
    """Stratified hold-out split by (lang, label), on phrasings (never one in both sides)."""
    rng = random.Random(seed)
    buckets: dict[tuple[str, str], list[Example]] = {}
    for ex in examples:
        buckets.setdefault((ex.lang, ex.label), []).append(ex)
    train: list[Example] = []
    test: list[Example] = []
    for key in sorted(buckets):
        items = buckets[key][:]
        rng.shuffle(items)
        n_test = max(1, round(len(items) * test_share))
        test.extend(items[:n_test])
        train.extend(items[n_test:])
    return train, test


def build_pipeline() -> Pipeline:
    """TF-IDF word 1-2-grams + char 2-5-grams, then a class-balanced logistic regression."""
    features = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), strip_accents="unicode",
                                 lowercase=True, sublinear_tf=True, min_df=1)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5),
                                 strip_accents="unicode", lowercase=True, sublinear_tf=True,
                                 min_df=2)),
    ])
    model = LogisticRegression(C=10.0, max_iter=3000, class_weight="balanced")
    return Pipeline([("features", features), ("model", model)])


def fit(examples: list[Example]) -> Pipeline:
    """Fit the pipeline on examples (bare phrasings and their email forms)."""
    pipe = build_pipeline()
    pipe.fit([e.text for e in examples], [e.label for e in examples])
    return pipe


def evaluate(predict: object, examples: list[Example]) -> dict[str, dict[str, float]]:
    """Accuracy and macro-F1 per language and overall; `predict` maps texts to labels."""
    scores: dict[str, dict[str, float]] = {}
    for lang in (*LANGS, "all"):
        subset = [e for e in examples if lang == "all" or e.lang == lang]
        gold = [e.label for e in subset]
        pred = list(predict([e.text for e in subset]))  # type: ignore[operator]
        scores[lang] = {"n": float(len(subset)), "accuracy": accuracy_score(gold, pred),
                        "macro_f1": f1_score(gold, pred, average="macro", zero_division=0)}
    return scores
