"""Ranking benchmark of `analysis.matching` against plain TF-IDF and BM25, plus match latency.

Relevance comes from labels in the data, never from CVScope:
1. sample CVs vs sample offers: for each offer in sample_data/, rank the readable sample CVs;
   relevant = CVs of the offer's trade (the "Trade" column of sample_data/README.md);
2. real French offers: offers of the benchmark split (held out from the keyword model's
   background corpus) of the four data categories are queries; every other held-out offer,
   stripped of its title line and read as a CV, is a candidate; relevant = same `category`;
3. SkillSpan English postings (dev split, held out too), without the job board's metadata
   block: each posting is a query, the others are candidates read as CVs; relevant = same
   `source` (tech: software jobs board, house: a general jobs board).
Baselines over the whole texts, in the same script: TF-IDF cosine (scikit-learn, fitted on
queries + candidates) and BM25 (rank-bm25 Okapi). Metrics: nDCG@10 and P@5 (P@1 for task 1),
tie-aware: candidates with equal scores share their group's mean gain, so the order in which
candidates are listed (SkillSpan's tech postings come first) favours no method.

    python benchmarks/match_eval.py [--data ../shared/data] [--quick]
"""

from __future__ import annotations

import argparse
import math
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi
from sklearn.feature_extraction.text import TfidfVectorizer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_keywords import french_offers, is_holdout, skillspan_postings  # noqa: E402

from analysis.parsing.document import ParsedDocument  # noqa: E402

DATA_CATEGORIES = ("data_science", "data_engineering", "data_analysis", "gen_ai")
# Trade of each sample file, from the "Trade" column of sample_data/README.md.
SAMPLE_TRADES = {
    "data_analyst": "data analyst", "backend_developer": "backend developer",
    "account_manager": "account manager", "chef_de_projet_marketing": "marketing project",
    "project_manager": "marketing project", "logistics_coordinator": "logistics",
    "comptable": "accountant", "infirmiere": "nurse",
}
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Item:
    """One document of a task: text, language, label, and (lazily) its CVScope extraction."""

    name: str
    text: str
    lang: str
    label: str


def ndcg_at(ranked: Sequence[float], n_relevant: int, k: int = 10) -> float:
    """Binary-relevance nDCG@k of a ranking given as the (expected) gain at each rank."""
    dcg = sum(gain / math.log2(i + 2) for i, gain in enumerate(ranked[:k]))
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, n_relevant)))
    return dcg / ideal if ideal else 0.0


def tie_aware_gains(scores: Sequence[float], relevant: Sequence[bool],
                    by_index: bool = False) -> list[float]:
    """Gain at each rank, best score first; tied candidates share their group's mean gain.

    That is the expected gain under a random order of the ties (McSherry and Najork, ECIR
    2008), so no method profits from the order in which candidates happen to be listed. With
    `by_index`, ties are broken by list position instead (the figures before match-v5).
    """
    order = sorted(range(len(scores)), key=lambda c: (-scores[c], c))
    if by_index:
        return [float(relevant[c]) for c in order]
    gains: list[float] = []
    start = 0
    while start < len(order):
        end = start
        while end < len(order) and scores[order[end]] == scores[order[start]]:
            end += 1
        group = order[start:end]
        gains += [sum(relevant[c] for c in group) / len(group)] * len(group)
        start = end
    return gains


def per_query(scores: np.ndarray, queries: Sequence[Item], cands: Sequence[Item],
              exclude_self: bool, p_at: int, by_index: bool = False) -> np.ndarray:
    """(nDCG@10, P@p_at) of each query, one row per query; NaN when it has no relevant one."""
    out = np.full((len(queries), 2), np.nan)
    for qi, query in enumerate(queries):
        keep = [c for c in range(len(cands))
                if not (exclude_self and cands[c].name == query.name)]
        rel = [cands[c].label == query.label for c in keep]
        n_rel = sum(rel)
        if n_rel:
            gains = tie_aware_gains([float(scores[qi, c]) for c in keep], rel, by_index)
            out[qi] = ndcg_at(gains, n_rel), sum(gains[:p_at]) / p_at
    return out


def evaluate(scores: np.ndarray, queries: Sequence[Item], cands: Sequence[Item],
             exclude_self: bool, p_at: int) -> tuple[float, float]:
    """Mean nDCG@10 and P@p_at of a (queries x candidates) score matrix."""
    rows = per_query(scores, queries, cands, exclude_self, p_at)
    ndcg, prec = np.nanmean(rows, axis=0)
    return float(ndcg), float(prec)


BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED = 2000, 20261123


def paired_bootstrap(a: np.ndarray, b: np.ndarray, resamples: int = BOOTSTRAP_RESAMPLES,
                     seed: int = BOOTSTRAP_SEED) -> tuple[float, float, float]:
    """Mean of a - b over queries and its 95% percentile interval, resampling queries.

    Paired: both methods are scored on the same resampled queries, so the interval is about
    the difference itself (queries without a relevant candidate, NaN, are left out).
    """
    keep = ~(np.isnan(a) | np.isnan(b))
    diff = (a - b)[keep]
    rng = np.random.default_rng(seed)
    means = diff[rng.integers(0, len(diff), size=(resamples, len(diff)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(diff.mean()), float(low), float(high)


def tfidf_scores(queries: Sequence[Item], cands: Sequence[Item]) -> np.ndarray:
    """Baseline 1: TF-IDF cosine over whole texts, fitted on the task's documents."""
    vec = TfidfVectorizer(sublinear_tf=True)
    vec.fit([d.text for d in (*queries, *cands)])
    q = vec.transform([d.text for d in queries])
    c = vec.transform([d.text for d in cands])
    return (q @ c.T).toarray()


def bm25_scores(queries: Sequence[Item], cands: Sequence[Item]) -> np.ndarray:
    """Baseline 2: BM25 Okapi over lower-cased word tokens of the whole texts."""
    bm25 = BM25Okapi([_TOKEN.findall(d.text.lower()) for d in cands])
    return np.array([bm25.get_scores(_TOKEN.findall(q.text.lower())) for q in queries])


def cvscope_scores(queries: Sequence[Item], cands: Sequence[Item]) -> dict[str, np.ndarray]:
    """CVScope: extract each document once, then `match_profiles` for every pair.

    Also returns, as a diagnostic row, the ranking by the keyword component's cosine alone
    (CVScope's own idf, no skills, title or years): not a method a user gets.
    """
    from analysis.extraction import profile_cv, profile_offer
    from analysis.matching import keyword_tokens, match_profiles
    from analysis.parsing import parse_text

    def prepare(item: Item, role: str) -> tuple:
        doc = parse_text(item.text, source=item.name)
        profile = profile_offer(doc) if role == "offer" else profile_cv(doc)
        return doc, profile, keyword_tokens(doc.text, doc.language)

    q_ready = [prepare(q, "offer") for q in queries]
    c_ready = [prepare(c, "cv") for c in cands]
    out = np.zeros((len(queries), len(cands)))
    keywords = np.zeros_like(out)
    for qi, (qdoc, qprof, qtok) in enumerate(q_ready):
        for ci, (cdoc, cprof, ctok) in enumerate(c_ready):
            report = match_profiles(cdoc, cprof, qdoc, qprof, cv_tokens=ctok, offer_tokens=qtok)
            out[qi, ci], keywords[qi, ci] = report.score, report.keyword_cosine
    return {"cvscope": out, "kw-only*": keywords}


def sample_task() -> tuple[list[Item], list[Item]]:
    """Task 1: the project's sample offers (queries) and readable sample CVs (candidates)."""
    from analysis.errors import DocumentError
    from analysis.parsing import parse_document

    def trade(name: str) -> str:
        return next(t for key, t in SAMPLE_TRADES.items() if key in name)

    queries, cands = [], []
    for path in sorted((ROOT / "sample_data").glob("*.*")):
        if path.suffix not in {".pdf", ".docx", ".txt"}:
            continue
        try:
            doc = parse_document(path)
        except DocumentError:
            continue
        item = Item(path.name, doc.text, doc.language, trade(path.stem))
        (queries if path.name.startswith("offer_") else cands).append(item)
    return queries, cands


def french_task(data: Path, limit: int | None) -> tuple[list[Item], list[Item]]:
    """Task 2: held-out real French offers; candidates lose their title line."""
    rows = [r for r in french_offers(data) if is_holdout(r["offer_id"])]
    cands = [Item(r["offer_id"], r["description"], "fr", r.get("category") or "other")
             for r in rows]
    queries = [Item(r["offer_id"], f"{r['title']}\n{r['description']}", "fr", r["category"])
               for r in rows if r.get("category") in DATA_CATEGORIES]
    return (queries[:limit] if limit else queries), cands


# The metadata block when the sentence splitter glued it to the title or the first sentence:
# "Date posted: ... Job description: Job type: ... Technologies ... Job description <body>"
_INLINE_TEMPLATE = re.compile(r"\s*-?\s*Date posted:.*?\bJob description\b(?!:)\s*")


def strip_page_template(posting: str) -> str:
    """Drop the job board's metadata block (date, likes, job type, company size...).

    The "tech" postings all share that page template; without this, any lexical method finds
    the source from the template alone. The title line and the description are kept. The
    block is either on lines of its own or glued inside the first lines.
    """
    lines = posting.split("\n")
    if any(line.startswith("Date posted:") for line in lines[:6]):
        try:
            body = lines.index("Job description", 1)
        except ValueError:
            body = None
        if body is not None:
            return "\n".join([lines[0], *lines[body + 1:]])
    head = "\n".join(lines[:3])
    cleaned, found = _INLINE_TEMPLATE.subn("\n", head, count=1)
    if not found:
        return posting
    return "\n".join([*(x.strip() for x in cleaned.split("\n") if x.strip()), *lines[3:]])


def english_task(data: Path) -> tuple[list[Item], list[Item]]:
    """Task 3: SkillSpan dev postings without page template, labelled by source."""
    import json

    labels: dict[tuple[str, int], str] = {}
    with (data / "skillspan" / "dev.json").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            labels.setdefault((row["source"], row["idx"]), row["source"])
    texts = skillspan_postings(data / "skillspan" / "dev.json")
    items = [Item(f"{s}-{i}", strip_page_template(text), "en", lab)
             for ((s, i), lab), text in zip(labels.items(), texts, strict=True)]
    return items, items


def run_task(name: str, queries: list[Item], cands: list[Item], exclude_self: bool,
             p_at: int) -> None:
    """Print nDCG@10 and P@k of CVScope and both baselines on one task."""
    print(f"\n## {name}: {len(queries)} queries x {len(cands)} candidates")
    print(f"{'method':<10} {'nDCG@10':>8} {'P@' + str(p_at):>6}  time")
    methods: list[tuple[str, Callable]] = [("tfidf", tfidf_scores), ("bm25", bm25_scores),
                                           ("cvscope", cvscope_scores)]
    ndcgs: dict[str, np.ndarray] = {}
    by_index: dict[str, float] = {}
    for method, fn in methods:
        started = time.perf_counter()
        result = fn(queries, cands)
        elapsed = time.perf_counter() - started
        for name, scores in (result.items() if isinstance(result, dict) else [(method, result)]):
            rows = per_query(scores, queries, cands, exclude_self, p_at)
            ndcgs[name] = rows[:, 0]
            ndcg, prec = np.nanmean(rows, axis=0)
            print(f"{name:<10} {ndcg:8.3f} {prec:6.3f}  {elapsed:.1f} s")
            by_index[name] = float(np.nanmean(
                per_query(scores, queries, cands, exclude_self, p_at, by_index=True)[:, 0]))
    print("* kw-only: CVScope's keyword component alone (its cosine; diagnostic, not a method)")
    print("tied scores share their group's mean gain (expected value over the ties' orders); "
          "with ties broken by list order instead, nDCG@10: "
          + ", ".join(f"{k} {v:.3f}" for k, v in by_index.items()))
    print(f"paired bootstrap over queries ({BOOTSTRAP_RESAMPLES} resamples, seed "
          f"{BOOTSTRAP_SEED}): nDCG@10 difference, mean [95% interval]")
    for baseline in ("tfidf", "bm25"):
        mean, low, high = paired_bootstrap(ndcgs["cvscope"], ndcgs[baseline])
        verdict = ("CVScope better" if low > 0 else "CVScope worse" if high < 0
                   else "not distinguishable from noise")
        print(f"  cvscope - {baseline:<6} {mean:+.3f} [{low:+.3f}, {high:+.3f}]  {verdict}")


def _time_match(cv: ParsedDocument, offer: ParsedDocument, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of `match` (CPU time ignores other processes)."""
    from analysis.matching import match
    from analysis.matching.keywords import clear_token_cache

    match(cv, offer)  # load pipelines, taxonomy and keyword model
    wall, cpu = [], []
    for _ in range(runs):
        clear_token_cache()  # no help from earlier runs: lemmatise both texts every time
        started, started_cpu = time.perf_counter(), time.process_time()
        match(cv, offer)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return 1000 * statistics.median(wall), 1000 * statistics.median(cpu)


def latency(runs: int = 20) -> None:
    """Median time of `match` on a 2-page CV and a 1-page offer, models already loaded."""
    from analysis.extraction import profile_cv, profile_offer
    from analysis.matching import keyword_tokens, match_profiles
    from analysis.parsing import parse_document, parse_text

    samples = ROOT / "sample_data"
    cv = parse_document(samples / "cv_fr_chef_de_projet_marketing.pdf")
    offer = parse_document(samples / "offer_fr_data_analyst.pdf")
    # a dense 2-page CV: three sample CVs' text in one document (about 700 words)
    dense_text = "\n".join(parse_document(samples / name).text for name in (
        "cv_fr_chef_de_projet_marketing.pdf", "cv_fr_data_analyst.pdf",
        "cv_fr_comptable_table.docx"))
    dense = parse_text(dense_text, source="dense-2-pages.txt")
    print(f"\n## latency: match(cv_doc, offer_doc), extraction and lemmatisation included, "
          f"median of {runs} runs after warm-up (target < 300 ms)")
    for name, doc in (("sample 2-page PDF CV", cv), ("dense 2-page CV", dense)):
        wall, cpu = _time_match(doc, offer, runs)
        print(f"{name} ({len(doc.text.split())} words) vs 1-page offer "
              f"({len(offer.text.split())} words): {wall:.0f} ms wall, {cpu:.0f} ms CPU")
    cvp, offp = profile_cv(dense), profile_offer(offer)
    ctok = keyword_tokens(dense.text, dense.language)
    otok = keyword_tokens(offer.text, offer.language)
    cached = []
    for _ in range(runs):
        started = time.perf_counter()
        match_profiles(dense, cvp, offer, offp, cv_tokens=ctok, offer_tokens=otok)
        cached.append(time.perf_counter() - started)
    print(f"match_profiles on cached extractions (dense CV): "
          f"{1000 * statistics.median(cached):.1f} ms")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    """Run the three ranking tasks and the latency measurement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--quick", action="store_true", help="40 French queries only")
    args = parser.parse_args()
    from analysis.matching import SCORING_VERSION, load_keyword_model

    print(f"scoring {SCORING_VERSION}, keyword model {load_keyword_model().version}")
    run_task("Task 1: sample offers -> sample CVs (relevant = same trade)", *sample_task(),
             exclude_self=False, p_at=1)
    queries, cands = french_task(args.data, 40 if args.quick else None)
    run_task("Task 2: real French offers by category (held-out split)", queries, cands,
             exclude_self=True, p_at=5)
    queries, cands = english_task(args.data)
    run_task("Task 3: SkillSpan dev postings by source (tech/house)", queries, cands,
             exclude_self=True, p_at=5)
    latency()


if __name__ == "__main__":
    main()
