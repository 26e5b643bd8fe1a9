"""The train-split ranking tasks of scripts/tune_scoring.py and the per-pair component matrices
the score variants are rebuilt from (train data only, never the held-out split)."""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
import tempfile
from collections.abc import Sequence
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
    DATA_CATEGORIES,
    Item,
    evaluate,
    strip_page_template,
)

Task = tuple[list[Item], list[Item]]
PARTIAL_COMPONENTS = ("hard_skills", "preferred_skills", "soft_skills")
PARTIAL_PROTOTYPE = 0.5
CACHE = Path(tempfile.gettempdir()) / "cvscope-tune"  # extraction cache, not committed
COMPONENT_NAMES = ("hard_skills", "preferred_skills", "skills_profile", "soft_skills", "title",
                   "experience", "education", "languages", "keywords")


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


def prepared_items(items: Sequence[Item], role: str, tag: str) -> list[tuple]:
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
    from analysis.matching.skills import _FUNCTION_WORDS, is_tagger_term

    have, table = set(cv_tokens), model.idf[model.language(lang)]
    top = max(table)

    def idf(word: str) -> float:
        column = model.vocabulary.get(word)
        return float(table[column]) if column is not None else top

    out = []
    for row in rows:
        if row.status == "missing" and is_tagger_term(row.id):
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
    from analysis.matching.scoring import compute_components, row_weight
    from analysis.taxonomy import load_taxonomy

    q_ready, c_ready = prepared_items(queries, "offer", tag), prepared_items(cands, "cv", tag)
    taxonomy, model = load_taxonomy(), load_keyword_model()
    shape = (len(queries), len(cands))
    out = {name: np.full(shape, np.nan) for name in ("score", *COMPONENT_NAMES)}
    for name in ("n_req", "n_pref", "cv_years", "cv_level", "offer_years", "offer_level",
                 "cross_language", "title_v3", "edu_preferred", *SCALED.values(), *ORIGIN_SUMS,
                 *(f"{c}+partial" for c in PARTIAL_COMPONENTS)):
        out[name] = np.full(shape, np.nan)
    old_titles = [match_v3_offer_title(doc) for doc, _, _ in q_ready]
    for qi, (qdoc, qprof, qtok) in enumerate(q_ready):
        for ci, (cdoc, cprof, ctok) in enumerate(c_ready):
            report = score_profiles(cdoc, cprof, qdoc, qprof, cv_tokens=ctok, offer_tokens=qtok,
                                    taxonomy=taxonomy, keyword_model=model)
            out["score"][qi, ci] = report.score
            profile = (report.components["skills_profile"]
                       if report.weights.get("skills_profile") else None)  # 0 = not applicable
            raw = compute_components(report.requirements, report.components["keywords"], profile)
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
            for kind, name in SCALED.items():  # match-v8: all-preferred rows weigh less
                weights = [row_weight(r) for r in report.requirements if r.kind == kind]
                if weights:
                    out[name][qi, ci] = max(weights)
            out["edu_preferred"][qi, ci] = any(r.kind == "education"
                                               and r.importance == "preferred"
                                               for r in report.requirements)
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


# Row kind -> matrix of the factor on its component's weight (1, or 0.4 when the offer only
# prefers all such rows; scoring.effective_weights).
SCALED = {"soft": "scale_soft_skills", "education": "scale_education",
          "language": "scale_languages"}


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
        raw[name] = np.where(np.isnan(mats[name]), 0.0, weights.get(name, 0.0))
        if f"scale_{name}" in mats:
            raw[name] = raw[name] * np.nan_to_num(mats[f"scale_{name}"], nan=1.0)
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
            edu_cap = ((mats["offer_level"] - mats["cv_level"] >= scoring.EDUCATION_CAP_GAP)
                       & ~(mats.get("edu_preferred", np.zeros_like(cv_y)) > 0))
        score = np.where(exp_cap, np.minimum(score, scoring.EXPERIENCE_CAP), score)
        score = np.where(edu_cap, np.minimum(score, scoring.EDUCATION_CAP), score)
    return score


def ndcg(mats: dict[str, np.ndarray], scores: np.ndarray, task: Task,
         half: int | None = None) -> float:
    """nDCG@10 of a score matrix on a task (all queries, or the even/odd half of them)."""
    queries, cands = task
    keep = [i for i in range(len(queries)) if half is None or i % 2 == half]
    return evaluate(scores[keep], [queries[i] for i in keep], cands, True, 5)[0]
