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
bootstrap intervals for the match-v4 decisions, and the weight grid that chose match-v3's
weights (kept in match-v4). Extractions are cached in $TMPDIR/cvscope-tune/
(keyed by the extraction version), so re-runs only pay for scoring (about 3 min on 2 cores).

    python scripts/tune_scoring.py [--data ../shared/data] [--fr-step 4] [--no-grid]
    python scripts/tune_scoring.py --keywords   # keyword-model variants, cross-fitted
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from build_keywords import french_offers, is_holdout, skillspan_postings  # noqa: E402
from match_eval import (  # noqa: E402
    BOOTSTRAP_RESAMPLES,
    DATA_CATEGORIES,
    Item,
    bm25_scores,
    evaluate,
    paired_bootstrap,
    per_query,
    strip_page_template,
    tfidf_scores,
)

from analysis.matching import SCORING_VERSION  # noqa: E402
from analysis.matching.scoring import BASE_WEIGHTS  # noqa: E402

Task = tuple[list[Item], list[Item]]
# The weights of match-v2, kept to show what match-v3 changed (analysis/matching/scoring.py)
MATCH_V2_WEIGHTS = {"skills_pool": 0.35, "soft_skills": 0.04, "title": 0.12, "experience": 0.12,
                    "education": 0.07, "languages": 0.05, "keywords": 0.25}
WEIGHT_GRID = {"skills_pool": (0.2, 0.25, 0.3, 0.35), "title": (0.12, 0.18, 0.24),
               "keywords": (0.25, 0.3, 0.35, 0.4), "soft_skills": (0.02, 0.04),
               "experience": (0.06, 0.12), "education": (0.04, 0.07), "languages": (0.03, 0.05)}
PARTIAL_COMPONENTS = ("hard_skills", "preferred_skills", "soft_skills")
PARTIAL_PROTOTYPE = 0.5
CACHE = Path(tempfile.gettempdir()) / "cvscope-tune"  # extraction cache, not committed
COMPONENT_NAMES = ("hard_skills", "preferred_skills", "soft_skills", "title", "experience",
                   "education", "languages", "keywords")


def english_train(data: Path) -> tuple[list[Item], list[Item]]:
    """SkillSpan train postings (template stripped), labelled by job board."""
    path = data / "skillspan" / "train.json"
    labels: dict[tuple[str, int], str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            labels.setdefault((row["source"], row["idx"]), row["source"])
    items = [Item(f"{s}-{i}", strip_page_template(text), "en", lab)
             for ((s, i), lab), text in zip(labels.items(), skillspan_postings(path),
                                            strict=True)]
    return items, items


def french_train(data: Path, step: int) -> tuple[list[Item], list[Item]]:
    """Training-split French offers: every `step`-th data offer as query, all as candidates."""
    rows = [r for r in french_offers(data) if not is_holdout(r["offer_id"])]
    cands = [Item(r["offer_id"], r["description"], "fr", r.get("category") or "other")
             for r in rows]
    queries = [Item(r["offer_id"], f"{r['title']}\n{r['description']}", "fr", r["category"])
               for r in rows if r.get("category") in DATA_CATEGORIES]
    return queries[::step], cands


def _prepared(items: Sequence[Item], role: str, tag: str) -> list[tuple]:
    """(doc, profile, tokens) of each item, cached on disk by extraction and model version."""
    from analysis.extraction import profile_cv, profile_offer
    from analysis.extraction.version import extraction_version
    from analysis.matching import keyword_tokens
    from analysis.parsing import parse_text

    key = hashlib.sha1(("|".join([extraction_version(), role, *(i.name for i in items),
                                  *(i.text[:200] for i in items)])).encode()).hexdigest()[:16]
    path = CACHE / f"{tag}-{role}-{key}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    out = []
    for item in items:
        doc = parse_text(item.text, source=item.name)
        profile = profile_offer(doc) if role == "offer" else profile_cv(doc)
        out.append((doc, profile, keyword_tokens(doc.text, doc.language)))
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def with_partial_terms(rows: Sequence, cv_tokens: Sequence[str], model: Any,
                       lang: str) -> list:
    """Rejected variant: a missing open-vocabulary term gets PARTIAL_PROTOTYPE x the idf share
    of its lemmas found among the CV's lemmas ("automated tests" half-met by "test automation").
    """
    from analysis.matching.skills import _FUNCTION_WORDS, _TERM_PREFIX

    have, table = set(cv_tokens), model.idf[model.language(lang)]
    top = max(table)

    def idf(word: str) -> float:
        column = model.vocabulary.get(word)
        return float(table[column]) if column is not None else top

    out = []
    for row in rows:
        if row.status == "missing" and row.id.startswith(_TERM_PREFIX):
            words = {w for w in row.id.rsplit("/", 1)[-1].split("-")
                     if len(w) > 1 and w not in _FUNCTION_WORDS}
            total = sum(idf(w) for w in words)
            if total:
                found = sum(idf(w) for w in words if w in have)
                row = replace(row, credit=PARTIAL_PROTOTYPE * found / total)
        out.append(row)
    return out


def component_matrices(queries: Sequence[Item], cands: Sequence[Item],
                       tag: str) -> dict[str, np.ndarray]:
    """Score and each raw component (NaN = not applicable) for every (query, candidate) pair."""
    from analysis.matching import load_keyword_model, score_profiles
    from analysis.matching.scoring import compute_components
    from analysis.taxonomy import load_taxonomy

    q_ready, c_ready = _prepared(queries, "offer", tag), _prepared(cands, "cv", tag)
    taxonomy, model = load_taxonomy(), load_keyword_model()
    shape = (len(queries), len(cands))
    out = {name: np.full(shape, np.nan) for name in ("score", *COMPONENT_NAMES)}
    for name in ("n_req", "n_pref", "cv_years", "cv_level", "offer_years", "offer_level",
                 "cross_language", "title_v3", *ORIGIN_SUMS,
                 *(f"{c}+partial" for c in PARTIAL_COMPONENTS)):
        out[name] = np.full(shape, np.nan)
    old_titles = [match_v3_offer_title(doc) for doc, _, _ in q_ready]
    for qi, (qdoc, qprof, qtok) in enumerate(q_ready):
        for ci, (cdoc, cprof, ctok) in enumerate(c_ready):
            report = score_profiles(cdoc, cprof, qdoc, qprof, cv_tokens=ctok, offer_tokens=qtok,
                                    taxonomy=taxonomy, keyword_model=model)
            out["score"][qi, ci] = report.score
            raw = compute_components(report.requirements, report.components["keywords"])
            for name, value in raw.items():
                if value is not None:
                    out[name][qi, ci] = value
            partial = compute_components(with_partial_terms(report.requirements, ctok, model,
                                                            qdoc.language), 0.0)
            for name in PARTIAL_COMPONENTS:
                if partial[name] is not None:
                    out[f"{name}+partial"][qi, ci] = partial[name]
            out["cross_language"][qi, ci] = cdoc.language != qdoc.language
            for name, value in origin_sums(report.requirements).items():
                out[name][qi, ci] = value
            out["title_v3"][qi, ci] = (out["title"][qi, ci] if old_titles[qi] == qprof.title
                                       else _title_credit(cdoc, cprof, qprof, old_titles[qi]))
            hard = [r for r in report.requirements if r.kind == "hard"]
            out["n_req"][qi, ci] = sum(r.importance == "required" for r in hard)
            out["n_pref"][qi, ci] = sum(r.importance == "preferred" for r in hard)
            for name, value in (("cv_years", cprof.years_experience),
                                ("cv_level", cprof.education_level),
                                ("offer_years", qprof.years_experience),
                                ("offer_level", qprof.education_level)):
                if value is not None:
                    out[name][qi, ci] = value
    return out


# Per pair, for required (req) and preferred (pref) hard-skill rows, split by the origin of the
# skill: taxonomy ids (ESCO/O*NET) vs the English tagger's open-vocabulary terms: number of
# rows (n_*), sum of their credits (s_*) and number of them met at least partly (m_*).
ORIGIN_SUMS = tuple(f"{stat}_{imp}_{origin}" for stat in ("n", "s", "m")
                    for imp in ("req", "pref") for origin in ("tax", "term"))


def origin_sums(rows: Sequence) -> dict[str, float]:
    """Counts and credit sums of hard-skill rows by importance and origin (see ORIGIN_SUMS)."""
    from analysis.matching.skills import is_tagger_term

    out = dict.fromkeys(ORIGIN_SUMS, 0.0)
    for row in rows:
        if row.kind != "hard":
            continue
        key = f"{'req' if row.importance == 'required' else 'pref'}_" \
              f"{'term' if is_tagger_term(row.id) else 'tax'}"
        out[f"n_{key}"] += 1
        out[f"s_{key}"] += row.credit
        out[f"m_{key}"] += row.credit > 0
    return out


def _title_credit(cdoc: Any, cprof: Any, qprof: Any, title: str | None) -> float:
    """Title credit with another offer title (NaN when the offer has none)."""
    from analysis.matching.criteria import title_row

    row = title_row(cdoc, cprof, replace(qprof, title=title))
    return row.credit if row is not None else np.nan


def match_v3_offer_title(doc: Any) -> str | None:
    """The offer title as extracted up to match-v3 (extraction code 2): any first line of up to
    90 characters not ending in "." or "!", else a cue phrase's whole rest of line."""
    from analysis.extraction.normalize import fold
    from analysis.extraction.profile import _GENERIC_HEADINGS, _TITLE_CUE, _TITLE_END, clean_title

    for line in doc.text.split("\n")[:4]:
        candidate = clean_title(line)
        if candidate and fold(candidate).rstrip(" :") not in _GENERIC_HEADINGS:
            if len(candidate) <= 90 and not candidate.endswith((".", "!")):
                return candidate
            break
    m = _TITLE_CUE.search(doc.text[:3000])
    return clean_title(_TITLE_END.split(m.group(1) or m.group(2))[0]) if m else None


def with_term_weight(mats: dict[str, np.ndarray], weight: float, old_title: bool = False,
                     drop_missing_terms: bool = False) -> dict[str, np.ndarray]:
    """Matrices as if tagger-term rows weighed `weight` of a taxonomy row in the skills pool
    (2.5x required/preferred kept within each origin); optionally only the tagger terms the CV
    meets count (a missing term is not held against it), and match-v3's title extraction."""
    mats = dict(mats)
    n_term = {imp: (mats[f"m_{imp}_term"] if drop_missing_terms else mats[f"n_{imp}_term"])
              for imp in ("req", "pref")}
    for imp, comp in (("req", "hard_skills"), ("pref", "preferred_skills")):
        n = mats[f"n_{imp}_tax"] + weight * n_term[imp]
        s = mats[f"s_{imp}_tax"] + weight * mats[f"s_{imp}_term"]
        with np.errstate(invalid="ignore", divide="ignore"):
            mats[comp] = np.where(n > 0, s / np.where(n > 0, n, 1), np.nan)
        mats["n_" + imp] = n
    if old_title:
        mats["title"] = mats["title_v3"]
    return mats


def recombine(mats: dict[str, np.ndarray], weights: dict[str, float],
              preferred: float = 0.4, caps: bool = True) -> np.ndarray:
    """The score of scoring.combine rebuilt from the component matrices with other weights.

    `weights` holds the base weights (skills_pool, soft_skills, ..., keywords); a component
    that is NaN for a pair is not applicable there (weight 0, the others renormalised).
    """
    from analysis.matching import scoring

    pool = mats["n_req"] + preferred * mats["n_pref"]
    with np.errstate(invalid="ignore", divide="ignore"):
        raw = {"hard_skills": np.where(pool > 0, weights["skills_pool"] * mats["n_req"] / pool, 0),
               "preferred_skills": np.where(
                   pool > 0, weights["skills_pool"] * preferred * mats["n_pref"] / pool, 0)}
    for name in COMPONENT_NAMES[2:]:
        raw[name] = np.where(np.isnan(mats[name]), 0.0, weights[name])
    raw["keywords"] = np.where(mats["cross_language"] > 0,
                               scoring.CROSS_LANGUAGE_KEYWORDS * raw["keywords"], raw["keywords"])
    total = sum(raw.values())
    score = sum(raw[k] * np.nan_to_num(mats[k]) for k in COMPONENT_NAMES)
    score = 100 * np.divide(score, total, out=np.zeros_like(score), where=total > 0)
    if caps:
        cv_y, off_y = mats["cv_years"], mats["offer_years"]
        with np.errstate(invalid="ignore"):
            exp_cap = ((off_y > 0) & (cv_y < scoring.EXPERIENCE_CAP_RATIO * off_y)
                       & (off_y - cv_y >= scoring.EXPERIENCE_CAP_MIN_GAP))
            edu_cap = mats["offer_level"] - mats["cv_level"] >= scoring.EDUCATION_CAP_GAP
        score = np.where(exp_cap, np.minimum(score, scoring.EXPERIENCE_CAP), score)
        score = np.where(edu_cap, np.minimum(score, scoring.EDUCATION_CAP), score)
    return score


def ndcg(mats: dict[str, np.ndarray], scores: np.ndarray, task: Task,
         half: int | None = None) -> float:
    """nDCG@10 of a score matrix on a task (all queries, or the even/odd half of them)."""
    queries, cands = task
    keep = [i for i in range(len(queries)) if half is None or i % 2 == half]
    return evaluate(scores[keep], [queries[i] for i in keep], cands, True, 5)[0]


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


def weight_grid(tasks: dict[str, tuple[Task, dict[str, np.ndarray]]], top: int = 5) -> None:
    """The grid behind match-v3's weights: best smaller gain over match-v2 across languages."""
    base = [ndcg(m, recombine(m, MATCH_V2_WEIGHTS), t) for t, m in tasks.values()]
    names = list(WEIGHT_GRID)
    found = []
    for values in itertools.product(*WEIGHT_GRID.values()):
        weights = dict(zip(names, values, strict=True))
        figures = [ndcg(m, recombine(m, weights), t) for t, m in tasks.values()]
        found.append((min(f - b for f, b in zip(figures, base, strict=True)), figures, weights))
    found.sort(key=lambda row: -row[0])
    print(f"\n## weight grid ({len(found)} combinations; criterion: the smaller of the "
          f"{'/'.join(tasks)} gains over match-v2 {' / '.join(f'{b:.3f}' for b in base)})")
    for gain, figures, weights in found[:top]:
        halves = [ndcg(m, recombine(m, weights), t, h) - ndcg(m, recombine(m, MATCH_V2_WEIGHTS),
                                                              t, h)
                  for h in (0, 1) for t, m in tasks.values()]
        print(f"min gain {gain:+.3f}  nDCG {' / '.join(f'{f:.3f}' for f in figures)}  "
              f"gain by query half {' '.join(f'{h:+.3f}' for h in halves)}  "
              + " ".join(f"{k}={v:g}" for k, v in weights.items()))


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
    tokens = [list(tok) for _, _, tok in _prepared(cands, "cv", "en")]
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
