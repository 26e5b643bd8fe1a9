"""Skills extraction quality and speed on SkillSpan dev (English job-posting sentences).

Usage: python benchmarks/skills_eval.py [--data ../shared/data/skillspan/dev.json] [--errors N]

Gold = union of `tags_skill` and `tags_knowledge` spans; text = tokens joined with single
spaces. Prints strict (exact span), loose (any overlap) and token-level precision/recall/F1,
and characters per second of `extract_skills` after loading (one process, one core).
Targets (issue 3): loose F1 >= 0.50 with loose precision >= 0.55, token F1 >= 0.40,
>= 100,000 chars/s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.extraction import extract_skills  # noqa: E402
from analysis.extraction.pipeline import get_nlp  # noqa: E402

Span = tuple[int, int]


def gold_spans(tokens: list[str], tags: list[list[str]]) -> tuple[str, list[Span]]:
    """Text and gold character spans: union of B/I spans over the tag layers."""
    starts, pos = [], 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    text = " ".join(tokens)
    spans: set[Span] = set()
    for layer in tags:
        cur: list[int] | None = None
        for i, tag in enumerate([*layer, "O"]):
            if cur is not None and tag != "I":
                spans.add((starts[cur[0]], starts[cur[1]] + len(tokens[cur[1]])))
                cur = None
            if tag == "B" or (tag == "I" and cur is None and i < len(tokens)):
                cur = [i, i]
            elif tag == "I" and cur is not None:
                cur[1] = i
    return text, sorted(spans)


def prf(tp_p: float, n_pred: int, tp_r: float, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1 from matched predicted and matched gold counts."""
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tokens_of(spans: list[Span], starts: list[int], ends: list[int]) -> set[int]:
    """Indices of the tokens covered by spans."""
    out: set[int] = set()
    for s, e in spans:
        out.update(i for i, (a, b) in enumerate(zip(starts, ends, strict=True)) if a < e and b > s)
    return out


def evaluate(
    rows: list[dict], items: list[tuple[str, list[Span]]], preds: list[list[Span]]
) -> tuple[int, dict[str, tuple[float, float, float]], list[str], list[str]]:
    """Predicted count, strict/loose/token (P, R, F1), false positive and negative texts."""
    n_pred = n_gold = strict = loose_p = loose_r = 0
    tok_tp = tok_pred = tok_gold = 0
    fps: list[str] = []
    fns: list[str] = []
    for (text, gold), pred, row in zip(items, preds, rows, strict=True):
        n_pred += len(pred)
        n_gold += len(gold)
        strict += len(set(pred) & set(gold))
        for s, e in pred:
            hit = any(s < ge and e > gs for gs, ge in gold)
            loose_p += hit
            if not hit:
                fps.append(text[s:e])
        for gs, ge in gold:
            hit = any(s < ge and e > gs for s, e in pred)
            loose_r += hit
            if not hit:
                fns.append(text[gs:ge])
        starts, pos = [], 0
        for tok in row["tokens"]:
            starts.append(pos)
            pos += len(tok) + 1
        ends = [s + len(t) for s, t in zip(starts, row["tokens"], strict=True)]
        tp, tg = tokens_of(pred, starts, ends), tokens_of(gold, starts, ends)
        tok_tp += len(tp & tg)
        tok_pred += len(tp)
        tok_gold += len(tg)
    scores = {
        "strict": prf(strict, n_pred, strict, n_gold),
        "loose": prf(loose_p, n_pred, loose_r, n_gold),
        "token": prf(tok_tp, tok_pred, tok_tp, tok_gold),
    }
    return n_pred, scores, fps, fns


def main() -> None:
    """Run the evaluation and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/skillspan/dev.json")
    parser.add_argument("--errors", type=int, default=0, help="print N false positives/negatives")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()]
    items = [gold_spans(r["tokens"], [r["tags_skill"], r["tags_knowledge"]]) for r in rows]
    load = time.perf_counter()
    from analysis.taxonomy import load_taxonomy

    load_taxonomy()
    tax_load = time.perf_counter() - load
    get_nlp("en")
    extract_skills("warm-up: Python and SQL, teamwork", "en")
    load = time.perf_counter() - load
    start, cpu = time.perf_counter(), time.process_time()
    preds = [[(m.start, m.end) for m in extract_skills(text, "en")] for text, _ in items]
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    chars = sum(len(text) for text, _ in items)
    n_pred, scores, fps, fns = evaluate(rows, items, preds)
    base_preds = [
        [(m.start, m.end) for m in extract_skills(text, "en", use_model=False)] for text, _ in items
    ]
    _, base_scores, _, _ = evaluate(rows, items, base_preds)
    n_gold = sum(len(g) for _, g in items)
    print(f"SkillSpan dev: {len(rows)} sentences, {chars:,} chars, {n_gold} gold spans")
    print(f"predicted spans: {n_pred} (taxonomy + English skill tagger, as shipped)")
    for name, (p, r, f) in scores.items():
        print(f"{name:>7}: P={p:.3f} R={r:.3f} F1={f:.3f}")
    print("ablation, taxonomy matches only (use_model=False):")
    for name, (p, r, f) in base_scores.items():
        print(f"{name:>7}: P={p:.3f} R={r:.3f} F1={f:.3f}")
    print(
        f"speed: {chars / cpu:,.0f} chars/s of CPU time on one core ({cpu:.2f} s CPU, "
        f"{elapsed:.2f} s wall = {chars / elapsed:,.0f} chars/s wall)"
    )
    print(
        f"loading: taxonomy {tax_load:.2f} s, everything (taxonomy, pipeline, matcher, tagger) "
        f"{load:.2f} s"
    )
    print("targets: loose F1 >= 0.50 with loose P >= 0.55, token F1 >= 0.40, >= 100,000 chars/s")
    if args.errors:
        from collections import Counter

        print("top false positives:", Counter(fps).most_common(args.errors))
        print("top false negatives:", Counter(fns).most_common(args.errors))


if __name__ == "__main__":
    main()
