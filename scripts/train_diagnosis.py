"""Train the feedback classifier on the labelled corpus and write models/diagnosis-v1/.

Usage: python scripts/train_diagnosis.py [--out models/diagnosis-v1]
The shipped model is fitted on the training split only, so the held-out figures printed here
(and by benchmarks/diagnosis_eval.py) are those of the artifact itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from pathlib import Path

from analysis.diagnosis import training
from analysis.diagnosis.classifier import MODEL_DIR, read_feedback, save_model


def main() -> None:
    """Fit, evaluate on the held-out split, save the artifact and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    corpus = training.load_corpus()
    train, test = training.split(corpus)
    pipe = training.fit(training.as_emails(train) + training.wrapper_examples("train"))

    def predict(texts: list[str]) -> list[str]:
        return [read_feedback(t, pipe).label for t in texts]

    figures = {
        "phrasings": training.evaluate(predict, test),
        "emails": training.evaluate(predict, training.as_emails(test, "test")),
    }
    counts = Counter((e.lang, e.label) for e in corpus)
    meta = {
        "trained_on": dt.date.today().isoformat(),
        "corpus": {"phrasings": len(corpus), "train": len(train), "test": len(test),
                   "per_lang_label": {f"{k[0]}:{k[1]}": v for k, v in sorted(counts.items())}},
        "split": {"seed": training.SEED, "test_share": training.TEST_SHARE},
        "heldout": figures,
    }
    save_model(pipe, args.out, meta)
    for form, scores in figures.items():
        for lang, s in scores.items():
            print(f"held-out {form:9s} {lang:3s} n={int(s['n']):3d} "
                  f"accuracy={s['accuracy']:.3f} macro_f1={s['macro_f1']:.3f}")
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
