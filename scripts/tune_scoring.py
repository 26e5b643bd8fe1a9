"""Train-split figures behind the scoring choices of `analysis.matching` (never the held-out data).

Two ranking tasks built like benchmarks/match_eval.py's tasks 2 and 3, but on TRAIN data only:
- fr: real French offers outside the held-out quarter (`not is_holdout`); queries = every
  `--fr-step`-th offer of the four data categories (title + description, read as an offer),
  candidates = all training offers (description only, read as CVs); relevant = same category;
- en: SkillSpan `train.json` postings without the page template; each posting is a query, the
  others are candidates read as CVs; relevant = same job board.
It prints nDCG@10 of the full CVScope score, of each component alone (diagnostic) and of the
baselines on the same train data, then whole-score variants (other weights, a component left
out, unknown CV years as "not applicable", the English tagger's terms weighted lower in the
skills pool, match-v3's title extraction) rebuilt from the per-pair components, paired
bootstrap intervals for the match-v4 and match-v5 decisions, and the weight grid that chose
match-v5's weights (with the skills-profile component). Extractions are cached in
$TMPDIR/cvscope-tune/ (keyed by the extraction version), so re-runs only pay for scoring
(about 4 min on 2 cores).

    python scripts/tune_scoring.py [--data ../shared/data] [--fr-step 4] [--no-grid]
    python scripts/tune_scoring.py --keywords   # keyword-model variants, cross-fitted
"""

from __future__ import annotations

import argparse
import itertools
import math
import pickle
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

# tuning_tasks (next to this script) puts the repository, scripts/ and benchmarks/ on sys.path.
from tuning_tasks import (
    CACHE,
    COMPONENT_NAMES,
    PARTIAL_COMPONENTS,
    ROOT,
    Task,
    component_matrices,
    english_train,
    french_train,
    ndcg,
    prepared_items,
    recombine,
    with_term_weight,
)

# isort: split
from match_eval import (  # noqa: E402
    BOOTSTRAP_RESAMPLES,
    bm25_scores,
    evaluate,
    paired_bootstrap,
    per_query,
    tfidf_scores,
)

from analysis.matching import SCORING_VERSION  # noqa: E402
from analysis.matching.scoring import BASE_WEIGHTS  # noqa: E402

# The weights of match-v2, kept to show what match-v3 changed (analysis/matching/scoring.py)
MATCH_V2_WEIGHTS = {"skills_pool": 0.35, "soft_skills": 0.04, "title": 0.12, "experience": 0.12,
                    "education": 0.07, "languages": 0.05, "keywords": 0.25}
# match-v3/v4's weights (no skills-profile component), the reference of match-v5's grid
MATCH_V4_WEIGHTS = {"skills_pool": 0.23, "soft_skills": 0.04, "title": 0.22, "experience": 0.11,
                    "education": 0.06, "languages": 0.03, "keywords": 0.31}
# match-v5's grid: the new skills-profile weight and the three weights it competes with; the
# others keep their match-v4 values; each point is normalised to sum 1.
WEIGHT_GRID = {"skills_profile": (0.1, 0.15, 0.2, 0.25, 0.3),
               "skills_pool": (0.08, 0.13, 0.18, 0.23), "keywords": (0.25, 0.31, 0.37),
               "title": (0.16, 0.22)}
# Product constraint stated before the grid was run: the requirement rows are what the report
# explains one by one, so the skills pool keeps at least this share of the normalised score.
MIN_POOL_SHARE = 0.10


def report_task(name: str, task: Task, mats: dict[str, np.ndarray]) -> None:
    """Train-split nDCG@10 of the baselines, the CVScope score and each component alone."""
    queries, cands = task
    print(f"\n## {name}: {len(queries)} queries x {len(cands)} candidates")
    rows = [("tfidf", tfidf_scores(queries, cands)), ("bm25", bm25_scores(queries, cands)),
            (f"cvscope {SCORING_VERSION}", mats["score"])]
    rows += [(f"  {k} alone*", np.nan_to_num(mats[k], nan=-1.0)) for k in COMPONENT_NAMES]
    rows.append(("  hard_skills+partial alone*", np.nan_to_num(mats["hard_skills+partial"],
                                                               nan=-1.0)))
    for label, scores in rows:
        ndcg_, p5 = evaluate(scores, queries, cands, True, 5)
        print(f"{label:<28} nDCG@10 {ndcg_:.3f}  P@5 {p5:.3f}")
    print("* one component alone (not applicable = ranked last): a diagnostic")


def variants(tasks: dict[str, tuple[Task, dict[str, np.ndarray]]]) -> None:
    """Whole-score variants rebuilt from the component matrices (no re-extraction)."""
    def unknown_not_applicable(mats: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        mats = dict(mats)
        mats["experience"] = np.where(np.isnan(mats["cv_years"]), np.nan, mats["experience"])
        mats["education"] = np.where(np.isnan(mats["cv_level"]), np.nan, mats["education"])
        return mats

    cases: list[tuple[str, dict[str, float], Callable]] = [
        ("match-v2 weights", MATCH_V2_WEIGHTS, dict),
        ("match-v4 weights (no skills profile)", MATCH_V4_WEIGHTS, dict),
        (f"{SCORING_VERSION} weights (shipped)", dict(BASE_WEIGHTS), dict)]
    for name in MATCH_V2_WEIGHTS:
        cases.append((f"v2, without {name}", {**MATCH_V2_WEIGHTS, name: 0.0}, dict))
    cases.append(("v2, unknown CV years/level = n/a", MATCH_V2_WEIGHTS, unknown_not_applicable))
    def partial_terms(mats: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        return {**mats, **{c: mats[f"{c}+partial"] for c in PARTIAL_COMPONENTS}}

    cases.append(("v2, partial credit for tagger terms", MATCH_V2_WEIGHTS, partial_terms))
    cases.append(("shipped, partial credit for tagger terms", dict(BASE_WEIGHTS), partial_terms))
    cases.append(("shipped, unknown CV years/level = n/a", dict(BASE_WEIGHTS),
                  unknown_not_applicable))
    shipped = dict(BASE_WEIGHTS)
    cases.append(("shipped, rebuilt from origin sums", shipped,
                  lambda m: with_term_weight(m, 1.0)))
    cases.append(("shipped, match-v3 title extraction", shipped,
                  lambda m: with_term_weight(m, 1.0, old_title=True)))
    for weight in (0.6, 0.5, 0.4, 0.3, 0.2, 0.0):
        cases.append((f"shipped, tagger terms x{weight:g}", shipped,
                      lambda m, w=weight: with_term_weight(m, w)))
    cases.append(("shipped, missing terms not counted", shipped,
                  lambda m: with_term_weight(m, 1.0, drop_missing_terms=True)))
    for weight in (0.35, 0.5, 0.7):
        cases.append((f"v2, keywords {weight}", {**MATCH_V2_WEIGHTS, "keywords": weight}, dict))
    print("\n## whole-score variants on the train splits (nDCG@10)")
    print(f"{'variant':<40} " + " ".join(f"{t:>7}" for t in tasks))
    for label, weights, prepare in cases:
        figures = [ndcg(m, recombine(prepare(m), weights), task) for task, m in tasks.values()]
        print(f"{label:<40} " + " ".join(f"{f:7.3f}" for f in figures))
    print("\n## hard skills alone with tagger terms weighted (diagnostic, nDCG@10)")
    for weight in (1.0, 0.5, 0.3, 0.0):
        figures = [ndcg(m, np.nan_to_num(with_term_weight(m, weight)["hard_skills"], nan=-1.0),
                        task) for task, m in tasks.values()]
        print(f"{f'hard_skills alone, terms x{weight:g}':<40} "
              + " ".join(f"{f:7.3f}" for f in figures))
    print(f"\n## paired bootstrap over queries vs the shipped score ({BOOTSTRAP_RESAMPLES} "
          "resamples): nDCG@10 difference, mean [95% interval]")
    shipped = dict(BASE_WEIGHTS)
    cells = []
    for (queries, cands), m in tasks.values():
        base = per_query(recombine(m, MATCH_V4_WEIGHTS), queries, cands, True, 5)[:, 0]
        new = per_query(recombine(m, shipped), queries, cands, True, 5)[:, 0]
        mean, low, high = paired_bootstrap(new, base)
        cells.append(f"{mean:+.3f} [{low:+.3f}, {high:+.3f}]")
    print(f"{'shipped - match-v4 weights':<28} " + "   ".join(
        f"{t}: {c}" for t, c in zip(tasks, cells, strict=True)))
    for label, prepare in (("match-v3 title extraction", lambda m: with_term_weight(m, 1.0,
                                                                                  True)),
                           ("tagger terms x0.5", lambda m: with_term_weight(m, 0.5)),
                           ("tagger terms x0.3", lambda m: with_term_weight(m, 0.3))):
        cells = []
        for (queries, cands), m in tasks.values():
            base = per_query(recombine(m, shipped), queries, cands, True, 5)[:, 0]
            other = per_query(recombine(prepare(m), shipped), queries, cands, True, 5)[:, 0]
            mean, low, high = paired_bootstrap(other, base)
            cells.append(f"{mean:+.3f} [{low:+.3f}, {high:+.3f}]")
        print(f"{label:<28} " + "   ".join(f"{t}: {c}" for t, c in zip(tasks, cells,
                                                                        strict=True)))


def weight_grid(tasks: dict[str, tuple[Task, dict[str, np.ndarray]]], top: int = 6) -> None:
    """match-v5's grid: best worst gain over match-v4 across languages and query halves."""
    def figures(weights: dict[str, float], half: int | None = None) -> list[float]:
        return [ndcg(m, recombine(m, weights), t, half) for t, m in tasks.values()]

    base, base_halves = figures(MATCH_V4_WEIGHTS), figures(MATCH_V4_WEIGHTS, 0) + figures(
        MATCH_V4_WEIGHTS, 1)
    names = list(WEIGHT_GRID)
    found = []
    for values in itertools.product(*WEIGHT_GRID.values()):
        weights = {**MATCH_V4_WEIGHTS, **dict(zip(names, values, strict=True))}
        total = sum(weights.values())
        weights = {k: v / total for k, v in weights.items()}
        if weights["skills_pool"] < MIN_POOL_SHARE:
            continue
        whole = figures(weights)
        halves = [f - b for f, b in zip(figures(weights, 0) + figures(weights, 1), base_halves,
                                        strict=True)]
        gains = [f - b for f, b in zip(whole, base, strict=True)]
        found.append((min(halves), min(gains), whole, halves, weights))
    found.sort(key=lambda row: (-row[0], -row[1]))
    print(f"\n## weight grid ({len(found)} combinations with a skills-pool share >= "
          f"{MIN_POOL_SHARE}; weights normalised). Criterion: the worst gain over match-v4 "
          f"({' / '.join(f'{b:.3f}' for b in base)}) among the {'/'.join(tasks)} tasks' even "
          "and odd query halves, so that neither a language nor a half of its queries pays for "
          "the rest; then the smaller gain of the two whole languages")
    for worst, gain, whole, halves, weights in found[:top]:
        print(f"worst half {worst:+.3f}  min gain {gain:+.3f}  "
              f"nDCG {' / '.join(f'{f:.3f}' for f in whole)}  halves (even {'/'.join(tasks)}, "
              f"odd) {' '.join(f'{h:+.3f}' for h in halves)}  "
              + " ".join(f"{k}={v:.3f}" for k, v in weights.items()))


def keyword_crossfit(data: Path, task: Task) -> None:
    """Keyword-model variants, 2-fold cross-fitted on SkillSpan train (idf never sees the half
    it ranks): the evidence for keeping keywords-v2's settings."""
    from build_keywords import esco_documents

    from analysis.extraction import lemmatize
    from analysis.matching.keywords import DEFAULT_K1, clean_tokens

    path = CACHE / "esco-en-lemmas.pkl"
    if not path.exists():
        path.write_bytes(pickle.dumps([clean_tokens(lemmatize(t, "en"))
                                       for t in esco_documents(data)]))
    esco = pickle.loads(path.read_bytes())
    queries, cands = task
    tokens = [list(tok) for _, _, tok in prepared_items(cands, "cv", "en")]
    esco_df: dict[str, int] = {}
    for doc in esco:
        for word in set(doc):
            esco_df[word] = esco_df.get(word, 0) + 1

    def grams(toks: list[str], bigrams: bool) -> list[str]:
        return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)] if bigrams \
            else toks

    def vector(toks: list[str], idf: Callable[[str], float], tf: Callable[[int], float],
               bigrams: bool) -> dict[str, float]:
        counts: dict[str, int] = {}
        for word in grams(toks, bigrams):
            counts[word] = counts.get(word, 0) + 1
        out = {word: tf(n) * idf(word) for word, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in out.values())) or 1.0
        return {word: w / norm for word, w in out.items()}

    def run(k1: float = DEFAULT_K1, esco_weight: float = 1.0, sublinear: bool = False,
            bigrams: bool = False) -> list[float]:
        def tf(n: int) -> float:
            return 1 + math.log(n) if sublinear else n * (k1 + 1) / (n + k1)

        figures = []
        for half in (0, 1):
            ranked = [i for i in range(len(cands)) if i % 2 == half]
            df: dict[str, float] = {}
            for i in range(len(cands)):
                if i % 2 != half:
                    for word in set(grams(tokens[i], bigrams)):
                        df[word] = df.get(word, 0) + 1
            n_docs = len(cands) - len(ranked) + esco_weight * len(esco)

            def idf(word: str, df: dict[str, float] = df, n_docs: float = n_docs) -> float:
                freq = df.get(word, 0) + esco_weight * esco_df.get(word, 0)
                return math.log((1 + n_docs) / (1 + freq)) + 1

            vectors = [vector(tokens[i], idf, tf, bigrams) for i in ranked]
            scores = np.array([[sum(w * b.get(t, 0.0) for t, w in a.items()) for b in vectors]
                               for a in vectors])
            sub_q, sub_c = [queries[i] for i in ranked], [cands[i] for i in ranked]
            figures.append(evaluate(scores, sub_q, sub_c, True, 5)[0])
        return figures

    halves = [([queries[i] for i in range(len(cands)) if i % 2 == h],
               [cands[i] for i in range(len(cands)) if i % 2 == h]) for h in (0, 1)]
    print("\n## keyword component, 2-fold cross-fitted on SkillSpan train (nDCG@10, mean of "
          "the two halves; idf from the other half + ESCO descriptions)")
    rows = [("tfidf (baseline, fitted on the half)",
             [evaluate(tfidf_scores(*h), *h, True, 5)[0] for h in halves]),
            ("bm25 (baseline)", [evaluate(bm25_scores(*h), *h, True, 5)[0] for h in halves]),
            ("keywords-v2 settings (k1 1.2, ESCO)", run()),
            ("k1 0.8", run(k1=0.8)), ("k1 2.0", run(k1=2.0)), ("sublinear tf", run(sublinear=True)),
            ("+ lemma bigrams", run(bigrams=True)), ("ESCO weighted 0.3", run(esco_weight=0.3)),
            ("ESCO weighted 0.1", run(esco_weight=0.1)), ("without ESCO", run(esco_weight=0.0))]
    for label, figures in rows:
        print(f"{label:<38} {np.mean(figures):.3f}  halves {figures[0]:.3f} {figures[1]:.3f}")


def main() -> None:
    """Run the train-split tasks, the whole-score variants and the weight grid."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--fr-step", type=int, default=4, help="every n-th French data offer")
    parser.add_argument("--no-grid", action="store_true", help="skip the weight grid")
    parser.add_argument("--keywords", action="store_true",
                        help="only the cross-fitted keyword-model variants (English)")
    args = parser.parse_args()
    from analysis.matching import load_keyword_model

    print(f"scoring {SCORING_VERSION}, keyword model {load_keyword_model().version}")
    if args.keywords:
        keyword_crossfit(args.data, english_train(args.data))
        return
    tasks = {}
    for name, task in (("en", english_train(args.data)),
                       ("fr", french_train(args.data, args.fr_step))):
        started = time.perf_counter()
        mats = component_matrices(*task, name)
        tasks[name] = (task, mats)
        print(f"({name}: extraction and scoring {time.perf_counter() - started:.0f} s)")
        report_task({"en": "SkillSpan train postings by job board",
                     "fr": "French training-split offers by category"}[name], task, mats)
    variants(tasks)
    if not args.no_grid:
        weight_grid(tasks)


if __name__ == "__main__":
    main()
