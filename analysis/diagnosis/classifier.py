"""The feedback classifier artifact (models/diagnosis-v1): save, version-checked load, reading."""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import sklearn
from sklearn.pipeline import Pipeline
from skops.io import dump, get_untrusted_types, load

from analysis.diagnosis.types import TEMPLATE, FeedbackReading

MODEL_NAME = "diagnosis-v1"
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / MODEL_NAME
MODEL_FILE = "feedback.skops"
META_FILE = "meta.json"
# Only these types may be instantiated from the artifact (skops refuses anything else).
TRUSTED_TYPES: frozenset[str] = frozenset({
    "numpy.dtype", "numpy.float64", "numpy.int64", "numpy.str_", "numpy.ndarray",
    "builtins.str", "builtins.float", "builtins.int", "builtins.dict", "builtins.list",
    "builtins.tuple", "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression", "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline", "scipy.sparse._csr.csr_matrix",
})
# A sentence counts as naming a cause when the classifier gives it at least this probability.
CAUSE_THRESHOLD = 0.3
MAX_CHARS = 50_000  # longer than any recruiter message: the rest is not read
MAX_QUOTE = 300  # evidence quotes are cut to this length
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")


class ModelVersionError(RuntimeError):
    """The artifact was trained with another scikit-learn version (or is damaged): refused."""


def model_dir() -> Path:
    """Folder of the artifact; `CVSCOPE_DIAGNOSIS_MODEL` overrides it."""
    return Path(os.environ.get("CVSCOPE_DIAGNOSIS_MODEL") or MODEL_DIR)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_model(pipe: Pipeline, folder: Path, meta: dict[str, object]) -> None:
    """Write the pipeline (skops) and meta.json recording the scikit-learn version and hash."""
    folder.mkdir(parents=True, exist_ok=True)
    for _, vectorizer in pipe.named_steps["features"].transformer_list:
        if hasattr(vectorizer, "stop_words_"):  # pruned terms: only needed for introspection
            del vectorizer.stop_words_
    dump(pipe, folder / MODEL_FILE, compression=8)
    full = {**meta, "name": MODEL_NAME, "sklearn_version": sklearn.__version__,
            "labels": [str(c) for c in pipe.classes_],
            "sha256": _sha256(folder / MODEL_FILE)}
    (folder / META_FILE).write_text(json.dumps(full, indent=2, ensure_ascii=False) + "\n",
                                    encoding="utf-8")


def load_model(folder: Path | None = None) -> tuple[Pipeline, dict[str, object]]:
    """Load the artifact; refuse (ModelVersionError) another scikit-learn version or a
    modified file, and any type outside the allow-list."""
    folder = folder or model_dir()
    meta_path, model_path = folder / META_FILE, folder / MODEL_FILE
    if not meta_path.is_file() or not model_path.is_file():
        raise ModelVersionError(f"diagnosis model not found in {folder}; "
                                "run `python scripts/train_diagnosis.py`")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    trained_with = meta.get("sklearn_version")
    if trained_with != sklearn.__version__:
        raise ModelVersionError(
            f"{MODEL_NAME} was trained with scikit-learn {trained_with}, this is "
            f"{sklearn.__version__}: install scikit-learn=={trained_with} or retrain with "
            "`python scripts/train_diagnosis.py`")
    if meta.get("sha256") != _sha256(model_path):
        raise ModelVersionError(f"{model_path} does not match its meta.json (modified file)")
    untrusted = set(get_untrusted_types(file=model_path)) - TRUSTED_TYPES
    if untrusted:
        raise ModelVersionError(f"{model_path} holds untrusted types: {sorted(untrusted)}")
    pipe = load(model_path, trusted=sorted(set(get_untrusted_types(file=model_path))))
    return pipe, meta


@lru_cache(maxsize=1)
def default_model() -> tuple[Pipeline, dict[str, object]]:
    """The shipped artifact, loaded once."""
    return load_model()


def sentences(text: str) -> list[str]:
    """Split a message into sentences worth classifying (three words or more)."""
    parts = [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]
    return [s for s in parts if len(s.split()) >= 3] or [text.strip()]


def detect_lang(text: str) -> str:
    """Language of a recruiter message: the parsing module's detector, else stop words."""
    try:
        from analysis.parsing import detect_language

        return detect_language(text)
    except ImportError:
        words = re.findall(r"[a-zà-ÿ']+", text.lower())
        fr = sum(w in {"le", "la", "les", "de", "des", "vous", "votre", "nous", "pas", "et",
                       "un", "une", "pour", "est", "du", "au"} for w in words)
        en = sum(w in {"the", "you", "your", "we", "not", "and", "a", "for", "is", "of", "to",
                       "our", "with", "in"} for w in words)
        return "en" if en > fr else "fr"


def read_feedback(text: str, pipe: Pipeline | None = None) -> FeedbackReading:
    """Classify a recruiter message: the cause named by its most telling sentence, or
    `template` when no sentence names one."""
    pipe = pipe if pipe is not None else default_model()[0]
    text = text[:MAX_CHARS]
    classes = [str(c) for c in pipe.classes_]
    parts = sentences(text)
    per_sentence = pipe.predict_proba(parts)
    whole = pipe.predict_proba([text])[0]
    causes_only = per_sentence.copy()
    causes_only[:, classes.index(TEMPLATE)] = 0.0
    row, col = np.unravel_index(int(causes_only.argmax()), causes_only.shape)
    lang = detect_lang(text)
    if causes_only[row, col] >= CAUSE_THRESHOLD:
        # Each cause scored by its best sentence; boilerplate sentences do not dilute it.
        best = causes_only.max(axis=0)
        best[classes.index(TEMPLATE)] = whole[classes.index(TEMPLATE)] * 0.5
        probs = best / best.sum()
        return FeedbackReading(classes[col], dict(zip(classes, map(float, probs), strict=True)),
                               lang, True, _quote(parts[row]))
    probs = {c: float(p) for c, p in zip(classes, whole, strict=True)}
    label = classes[int(whole.argmax())]
    return FeedbackReading(label, probs, lang, label != TEMPLATE,
                           _quote(text) if label != TEMPLATE else None)


def _quote(sentence: str) -> str:
    """One-line quote of a sentence, cut at MAX_QUOTE characters."""
    flat = " ".join(sentence.split())
    return flat if len(flat) <= MAX_QUOTE else flat[:MAX_QUOTE - 1].rstrip() + "…"
