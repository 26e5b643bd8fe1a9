"""Build models/keywords-v1: the idf of lemma tokens over a background corpus of offers and CVs.

Background corpus (documents written by others, plus the project's fictional samples):
- real French job offers (../shared/data/fr_offers), minus the benchmark's held-out quarter;
- SkillSpan English job postings, train split only (dev is kept for the benchmark);
- the CVs and offers in sample_data/.
The result is JSON (vocabulary, idf, calibration) so it loads with any scikit-learn version.

    python scripts/build_keywords.py [--data ../shared/data] [--out models/keywords-v1]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import sklearn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.matching.keywords import clean_tokens, make_vectorizer  # noqa: E402

VERSION = "keywords-v1"
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


def reference_cosine(matrix, categories: list[str]) -> float:  # noqa: ANN001 - sparse matrix
    """90th percentile of cosines between offers of one category: the calibration cosine.

    Pairs of offers for the same trade share its vocabulary; a CV reaching the similarity of
    the closest tenth of those pairs gets tanh(1) = 0.76 of the keyword component.
    """
    sims = (matrix @ matrix.T).toarray()
    values = []
    for i, cat in enumerate(categories):
        for j in range(i + 1, len(categories)):
            if categories[j] == cat and cat != "other":
                values.append(sims[i, j])
    p50, p75, p90 = np.percentile(values, [50, 75, 90])
    print(f"same-category offer cosines: p50 {p50:.3f} p75 {p75:.3f} p90 {p90:.3f}")
    return float(np.percentile(values, 90))


def main() -> None:
    """Fit the idf and write model.json and CARD.md figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / VERSION)
    args = parser.parse_args()
    from analysis.extraction import lemmatize

    started = time.perf_counter()
    docs: list[list[str]] = []
    offer_rows = [r for r in french_offers(args.data) if not is_holdout(r["offer_id"])]
    categories = []
    for row in offer_rows:
        docs.append(clean_tokens(lemmatize(f"{row['title']}\n{row['description']}", "fr")))
        categories.append(row.get("category") or "other")
    n_offers = len(docs)
    english = skillspan_postings(args.data / "skillspan" / "train.json")
    docs.extend(clean_tokens(lemmatize(text, "en")) for text in english)
    samples = sample_texts()
    docs.extend(clean_tokens(lemmatize(text, lang)) for text, lang in samples)
    vectorizer = make_vectorizer()
    vectorizer.set_params(min_df=2)
    matrix = vectorizer.fit_transform(docs)
    reference = reference_cosine(matrix[:n_offers], categories)
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    model = {
        "version": VERSION,
        "vocabulary": vocabulary,
        "idf": [round(float(x), 6) for x in vectorizer.idf_],
        "reference_cosine": round(reference, 4),
        "settings": {"sublinear_tf": True, "norm": "l2", "smooth_idf": True, "min_df": 2,
                     "tokens": "analysis.extraction.lemmatize + clean_tokens"},
        "corpus": {"fr_offers": n_offers, "skillspan_train_postings": len(english),
                   "sample_documents": len(samples), "documents": len(docs)},
        "built_with": {"python": platform.python_version(), "scikit-learn": sklearn.__version__},
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "model.json").write_text(json.dumps(model, ensure_ascii=False),
                                         encoding="utf-8")
    print(json.dumps({k: model[k] for k in ("corpus", "reference_cosine")}, indent=2))
    print(f"vocabulary: {len(vocabulary)} lemmas; built in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
