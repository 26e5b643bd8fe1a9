"""Train models/skilltagger-v1 (English skill-span BIO tagger) on SkillSpan train.json.

Usage: python scripts/train_skill_tagger.py [--data ../shared/data/skillspan] [--C 0.5]

Gold = union of tags_skill and tags_knowledge; text = tokens joined with single spaces,
re-tokenised by the extractor's spaCy pipeline (labels aligned on characters). Only train.json
is used for fitting; dev.json is for benchmarks/skills_eval.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.extraction.matcher import get_matcher  # noqa: E402
from analysis.extraction.pipeline import get_nlp  # noqa: E402
from analysis.extraction.tagger import (  # noqa: E402
    N_FEATURES,
    TAGS,
    VERSION,
    dict_tags,
    features,
    hash_features,
    save,
)
from analysis.taxonomy import load_taxonomy  # noqa: E402


def gold_char_tags(row: dict) -> list[tuple[int, int, str]]:
    """(start, end, B/I/O) for each original SkillSpan token (union of both layers)."""
    out, pos = [], 0
    for i, tok in enumerate(row["tokens"]):
        tags = {row["tags_skill"][i], row["tags_knowledge"][i]}
        tag = "B" if "B" in tags else "I" if "I" in tags else "O"
        out.append((pos, pos + len(tok), tag))
        pos += len(tok) + 1
    return out


def examples(rows: list[dict]) -> tuple[list[list[str]], list[str]]:
    """Feature lists and B/I/O labels for every spaCy token of every sentence."""
    nlp = get_nlp("en")
    matcher = get_matcher("en")
    kinds = {sid: e.kind for sid, e in load_taxonomy().skills.items()}
    feats: list[list[str]] = []
    labels: list[str] = []
    texts = [" ".join(r["tokens"]) for r in rows]
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=500), strict=True):
        views = matcher.views(doc)
        tokens = matcher.token_infos(views)
        dtags = dict_tags(tokens, matcher.select(doc.text, views), kinds)
        gold = gold_char_tags(row)
        for tok in tokens:
            tag = "O"
            for start, end, g in gold:
                if start <= tok[2] < end:
                    tag = g if start == tok[2] else ("I" if g != "O" else "O")
                    break
            labels.append(tag)
        feats.extend(features(tokens, dtags))
    return feats, labels


def main() -> None:
    """Fit and save the tagger."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/skillspan")
    parser.add_argument("--C", type=float, default=0.5)
    args = parser.parse_args()
    started = time.time()
    rows = [json.loads(x) for x in (args.data / "train.json").read_text("utf-8").splitlines()]
    feats, labels = examples(rows)
    idx, offsets = hash_features(feats)
    indptr = np.append(offsets, len(idx))
    x = csr_matrix((np.ones(len(idx)), idx, indptr), shape=(len(feats), N_FEATURES))
    x.sum_duplicates()
    y = np.array([TAGS.index(t) for t in labels])
    model = LogisticRegression(C=args.C, max_iter=300)
    model.fit(x, y)
    coef = model.coef_.T  # (N_FEATURES, 3) in TAGS order
    assert list(model.classes_) == [0, 1, 2]
    meta = {
        "version": VERSION,
        "trained_on": "SkillSpan train.json (Zhang et al., NAACL 2022; MIT)",
        "sentences": len(rows),
        "tokens": len(labels),
        "label_counts": {t: labels.count(t) for t in TAGS},
        "model": f"LogisticRegression(C={args.C}) on {N_FEATURES} hashed features",
        "taxonomy": load_taxonomy().version,
        "seconds": round(time.time() - started, 1),
    }
    save(ROOT / "models" / VERSION, coef, model.intercept_, meta)
    print(json.dumps(meta, indent=2))


if __name__ == "__main__":
    main()
