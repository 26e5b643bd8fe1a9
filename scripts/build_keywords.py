"""Build models/keywords-v2: idf tables of lemma tokens, one per language, over background corpora.

Background corpora (documents written by others, plus the project's fictional samples):
- French: real French job offers (../shared/data/fr_offers) minus the benchmark's held-out
  quarter, and the French documents of sample_data/;
- English: SkillSpan job postings (train split only; dev is kept for the benchmark), the
  descriptions of the ESCO English skills (label + description, one document each) and the
  English documents of sample_data/.
One vocabulary (lemmas in at least 2 documents overall); each language's idf is scikit-learn's
smooth idf fitted on that language's documents only. The result is plain JSON.

    python scripts/build_keywords.py [--data ../shared/data] [--out models/keywords-v2]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import platform
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.matching.keywords import (  # noqa: E402
    DEFAULT_K1,
    clean_tokens,
    model_from_dict,
)

VERSION = "keywords-v2"
MIN_DF = 2
HOLDOUT_BUCKETS = 4  # offers whose id hashes to bucket 0 are held out for benchmarks/


def is_holdout(offer_id: str) -> bool:
    """Whether a French offer is kept out of the background corpus (benchmark split)."""
    return int(hashlib.sha1(offer_id.encode()).hexdigest(), 16) % HOLDOUT_BUCKETS == 0


def french_offers(data: Path) -> Iterator[dict]:
    """Rows of the real French offers file."""
    with (data / "fr_offers" / "france_travail.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def skillspan_postings(path: Path) -> list[str]:
    """SkillSpan sentences joined back into postings (by source and posting index)."""
    postings: dict[tuple[str, int], list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            tokens = [t for t in row["tokens"] if not (t.startswith("<") and t.endswith(">"))]
            postings.setdefault((row["source"], row["idx"]), []).append(" ".join(tokens))
    return ["\n".join(sentences) for sentences in postings.values()]


def sample_texts() -> list[tuple[str, str]]:
    """(text, language) of every readable sample CV and offer."""
    from analysis.errors import DocumentError
    from analysis.parsing import parse_document

    out = []
    for path in sorted((ROOT / "sample_data").iterdir()):
        if path.suffix.lower() not in {".pdf", ".docx", ".txt"}:
            continue
        try:
            doc = parse_document(path)
        except DocumentError:
            continue  # the scanned sample has no text layer
        out.append((doc.text, doc.language))
    return out


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def esco_documents(data: Path) -> list[str]:
    """ESCO English skills as short documents: preferred label and description."""
    with (data / "esco" / "en" / "skills_en.csv").open(encoding="utf-8", newline="") as handle:
        return [f"{row['preferredLabel']}\n{row['description'] or ''}"
                for row in csv.DictReader(handle)]


def fit_idf(docs: list[list[str]], vocabulary: dict[str, int]) -> list[float]:
    """scikit-learn's smooth idf of every vocabulary lemma over one language's documents."""
    vectorizer = TfidfVectorizer(analyzer=_identity, vocabulary=vocabulary)
    vectorizer.fit(docs)
    return [round(float(x), 6) for x in vectorizer.idf_]


def reference_cosine(model, docs: list[list[str]], labels: list[str], lang: str) -> float:  # noqa: ANN001
    """90th percentile of cosines between background documents with the same label.

    French: real offers of one category; English: SkillSpan train postings of one job board.
    A CV reaching the similarity of the closest tenth of those pairs gets tanh(1) = 0.76 of
    the keyword component.
    """
    values = []
    for i, label in enumerate(labels):
        for j in range(i + 1, len(labels)):
            if labels[j] == label and label != "other":
                values.append(model.cosine(docs[i], docs[j], lang))
    p50, p75, p90 = np.percentile(values, [50, 75, 90])
    print(f"{lang}: same-label cosines p50 {p50:.3f} p75 {p75:.3f} p90 {p90:.3f}")
    return round(float(p90), 4)


def skillspan_sources(path: Path) -> list[str]:
    """The job board of each posting, in the order of `skillspan_postings`."""
    sources: dict[tuple[str, int], str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            sources.setdefault((row["source"], row["idx"]), row["source"])
    return list(sources.values())


def main() -> None:
    """Fit the vocabulary and per-language idf, calibrate, write model.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / VERSION)
    args = parser.parse_args()
    from analysis.extraction import lemmatize

    started = time.perf_counter()
    offer_rows = [r for r in french_offers(args.data) if not is_holdout(r["offer_id"])]
    offers = [clean_tokens(lemmatize(f"{r['title']}\n{r['description']}", "fr"))
              for r in offer_rows]
    categories = [r.get("category") or "other" for r in offer_rows]
    train = args.data / "skillspan" / "train.json"
    postings = [clean_tokens(lemmatize(text, "en")) for text in skillspan_postings(train)]
    esco = [clean_tokens(lemmatize(text, "en")) for text in esco_documents(args.data)]
    samples = sample_texts()
    by_lang = {"fr": offers + [clean_tokens(lemmatize(t, "fr")) for t, lang in samples
                               if lang == "fr"],
               "en": postings + esco + [clean_tokens(lemmatize(t, "en")) for t, lang in samples
                                        if lang == "en"]}
    counter = TfidfVectorizer(analyzer=_identity, min_df=MIN_DF)
    counter.fit(by_lang["fr"] + by_lang["en"])
    vocabulary = sorted(counter.vocabulary_, key=counter.vocabulary_.get)
    columns = {t: i for i, t in enumerate(vocabulary)}
    model = {
        "version": VERSION,
        "vocabulary": vocabulary,
        "idf": {lang: fit_idf(docs, columns) for lang, docs in by_lang.items()},
        "reference_cosine": {},
        "settings": {"tf": "saturating, tf * (k1 + 1) / (tf + k1)", "k1": DEFAULT_K1,
                     "idf": "smooth (scikit-learn), per language", "norm": "l2",
                     "min_df": MIN_DF, "tokens": "analysis.extraction.lemmatize + clean_tokens"},
        "corpus": {"fr_offers": len(offers), "skillspan_train_postings": len(postings),
                   "esco_en_skills": len(esco), "sample_documents": len(samples),
                   "documents": {lang: len(docs) for lang, docs in by_lang.items()}},
        "built_with": {"python": platform.python_version(), "scikit-learn": sklearn.__version__},
    }
    fitted = model_from_dict({**model, "reference_cosine": {"fr": 1.0, "en": 1.0}})
    model["reference_cosine"] = {
        "fr": reference_cosine(fitted, offers, categories, "fr"),
        "en": reference_cosine(fitted, postings, skillspan_sources(train), "en"),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "model.json").write_text(json.dumps(model, ensure_ascii=False),
                                         encoding="utf-8")
    print(json.dumps({k: model[k] for k in ("corpus", "reference_cosine")}, indent=2))
    print(f"vocabulary: {len(vocabulary)} lemmas; built in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
