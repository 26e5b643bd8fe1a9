"""Diagnosis benchmark: feedback classifier on its held-out split (per language), and verdict
accuracy on the written scenarios of benchmarks/diagnosis_scenarios.json.

Usage: python benchmarks/diagnosis_eval.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from analysis.diagnosis import diagnose, load_model, read_feedback, training

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "benchmarks" / "diagnosis_scenarios.json"
SAMPLES = ROOT / "sample_data"
TARGET_VERDICT = 0.8  # our own bar: 4 scenarios in 5


def classifier_figures() -> None:
    """Accuracy and macro-F1 of the shipped classifier on the held-out phrasings and emails."""
    pipe, meta = load_model()
    _, test = training.split(training.load_corpus())
    print(f"feedback classifier {meta['name']} (scikit-learn {meta['sklearn_version']}), "
          f"corpus {meta['corpus']['phrasings']} phrasings, held-out {len(test)}")

    def predict(texts: list[str]) -> list[str]:
        return [read_feedback(t, pipe).label for t in texts]

    for form, examples in (("phrasings", test), ("emails", training.as_emails(test, "test"))):
        for lang, s in training.evaluate(predict, examples).items():
            print(f"  held-out {form:9s} {lang:3s} n={int(s['n']):3d} "
                  f"accuracy={s['accuracy']:.3f} macro_f1={s['macro_f1']:.3f}")


def scenario_figures(verbose: bool) -> float:
    """Verdict accuracy (and top-cause accuracy where a cause is expected) on the scenarios."""
    from analysis.matching import match

    scenarios = json.loads(SCENARIOS.read_text(encoding="utf-8"))
    verdict_ok: dict[str, list[bool]] = defaultdict(list)
    cause_ok: dict[str, list[bool]] = defaultdict(list)
    failures = []
    start = time.perf_counter()
    for sc in scenarios:
        report = None
        if sc.get("cv"):
            report = match(SAMPLES / sc["cv"], SAMPLES / sc["offer"])
        d = diagnose(sc["stage"], days=sc.get("days"), interviews=sc.get("interviews"),
                     feedback=sc.get("feedback"), report=report, lang=sc["lang"])
        ok = d.verdict == sc["expected"]
        for key in (sc["lang"], "all"):
            verdict_ok[key].append(ok)
        top = d.causes[0].code if d.causes else None
        if sc.get("causes"):
            for key in (sc["lang"], "all"):
                cause_ok[key].append(top in sc["causes"])
        if not ok or (sc.get("causes") and top not in sc["causes"]):
            failures.append((sc, d.verdict, d.probabilities["cv_screening"], top))
        if verbose:
            print(f"  {sc['id']} {sc['stage']:31s} expected={sc['expected']:12s} "
                  f"got={d.verdict:12s} p_cv={d.probabilities['cv_screening']:.2f} top={top}")
    elapsed = time.perf_counter() - start
    stages = {sc["stage"] for sc in scenarios}
    print(f"scenarios: {len(scenarios)} ({len(stages)} stages, "
          f"{sum(bool(s.get('cv')) for s in scenarios)} with CV/offer, "
          f"{sum(bool(s.get('feedback')) for s in scenarios)} with feedback), {elapsed:.1f}s")
    for key in ("fr", "en", "all"):
        v, c = verdict_ok[key], cause_ok[key]
        print(f"  verdict accuracy {key:3s} {sum(v)}/{len(v)} = {sum(v) / len(v):.3f}   "
              f"top cause in expected {sum(c)}/{len(c)} = {sum(c) / len(c):.3f}")
    for sc, got, p, top in failures:
        print(f"  miss {sc['id']}: expected {sc['expected']} / {sc.get('causes')}, got {got} "
              f"(p_cv={p:.2f}) / {top} - {sc['reason']}")
    overall = sum(verdict_ok["all"]) / len(verdict_ok["all"])
    print(f"target: verdict accuracy >= {TARGET_VERDICT:.2f}: "
          f"{'met' if overall >= TARGET_VERDICT else 'NOT met'}")
    return overall


def main() -> None:
    """Print the classifier and the scenario figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="one line per scenario")
    args = parser.parse_args()
    classifier_figures()
    scenario_figures(args.verbose)


if __name__ == "__main__":
    main()
