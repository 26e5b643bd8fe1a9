"""Where a rejection came from: stage, delay, the recruiter's words and the match, combined as
log-odds toward CV screening, and causes as a weighted mixture of those sources."""

from __future__ import annotations

import math

from analysis.diagnosis.classifier import read_feedback
from analysis.diagnosis.signals import Signals, report_signals
from analysis.diagnosis.texts import CAUSE_NAMES, VERDICT_NAMES, t
from analysis.diagnosis.types import (
    CAUSES,
    CV_CAUSES,
    LATER_CAUSES,
    STAGES,
    Cause,
    Diagnosis,
    FeedbackReading,
)
from analysis.errors import InvalidArgumentError
from analysis.matching.types import MatchReport

# Log-odds that the application stopped at the CV sort, from the stage alone.
STAGE_LOGIT = {
    "no_response": 0.4,
    "rejected_before_interview": 3.0,
    "rejected_after_phone_screen": -0.8,
    "rejected_after_interview": -2.5,
    "rejected_after_final_interview": -3.5,
}
# How far the recruiter's words may move that log-odds at each stage (facts of the process,
# such as having been interviewed, are not overturned by a phrasing).
FEEDBACK_STRENGTH = {
    "no_response": 2.5,
    "rejected_before_interview": 1.0,
    "rejected_after_phone_screen": 2.0,
    "rejected_after_interview": 1.0,
    "rejected_after_final_interview": 0.5,
}
# What a seasoned recruiter expects at each stage before any other evidence.
STAGE_CAUSES = {
    "no_response": {"missing_keywords": 0.3, "profile_mismatch": 0.25, "position_closed": 0.15,
                    "cv_format": 0.1, "experience_gap": 0.1, "competition": 0.1},
    "rejected_before_interview": {"missing_keywords": 0.3, "profile_mismatch": 0.25,
                                  "experience_gap": 0.15, "cv_format": 0.1,
                                  "education_gap": 0.05, "competition": 0.15},
    "rejected_after_phone_screen": {"culture_fit": 0.2, "soft_skills": 0.2,
                                    "profile_mismatch": 0.2, "experience_gap": 0.15,
                                    "competition": 0.15, "missing_keywords": 0.1},
    "rejected_after_interview": {"soft_skills": 0.25, "technical_interview": 0.25,
                                 "competition": 0.25, "culture_fit": 0.15, "experience_gap": 0.1},
    "rejected_after_final_interview": {"competition": 0.45, "culture_fit": 0.25,
                                       "soft_skills": 0.15, "experience_gap": 0.1,
                                       "technical_interview": 0.05},
}
CV_THRESHOLD, LATER_THRESHOLD = 0.65, 0.35
MAX_CAUSES, MIN_WEIGHT = 6, 0.04


def _check(stage: str, days: int | None, interviews: int | None, lang: str | None) -> None:
    if stage not in STAGES:
        raise InvalidArgumentError(f"unknown stage {stage!r}; expected one of {', '.join(STAGES)}")
    for name, value in (("days", days), ("interviews", interviews)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 0):
            raise InvalidArgumentError(f"{name} must be a whole number >= 0, got {value!r}")
    if lang is not None and lang not in ("fr", "en"):
        raise InvalidArgumentError(f"unknown language {lang!r}; expected fr or en")
    if stage == "rejected_before_interview" and interviews:
        raise InvalidArgumentError("a rejection before interview cannot follow interviews")
    if stage in ("rejected_after_interview", "rejected_after_final_interview") and interviews == 0:
        raise InvalidArgumentError(f"stage {stage} needs at least one interview")


def _normalise(scores: dict[str, float]) -> dict[str, float]:
    total = sum(v for v in scores.values() if v > 0)
    return {k: v / total for k, v in scores.items() if v > 0} if total else {}


def _days_signal(stage: str, days: int | None, lang: str, interviewed: bool,
                 sig: Signals, prior: dict[str, float]) -> float:
    """Shift the log-odds and the stage's expected causes (`prior`, updated in place) from the
    delay; returns a factor shrinking the total log-odds (too early to tell)."""
    if days is None or interviewed:
        return 1.0
    if stage == "rejected_before_interview" and days <= 1:
        line = t(lang, "days.fast", days=days)
        sig.logit += 1.0
        sig.general.append(line)
        for code, bump in (("cv_format", 0.15), ("experience_gap", 0.1),
                           ("education_gap", 0.1), ("missing_keywords", 0.05)):
            prior[code] = prior.get(code, 0.0) + bump
            sig.evidence.setdefault(code, []).append(line)
    elif stage == "rejected_before_interview" and days >= 21:
        sig.general.append(t(lang, "days.slow", days=days))
        prior["competition"] = prior.get("competition", 0.0) + 0.15
    elif stage == "no_response" and days < 7:
        sig.general.append(t(lang, "days.early", days=days))
        return 0.3
    elif stage == "no_response" and days >= 21:
        sig.logit += 0.2
        sig.general.append(t(lang, "days.long", days=days))
        prior["position_closed"] = prior.get("position_closed", 0.0) + 0.1
    return 1.0


def _feedback_logit(reading: FeedbackReading, stage: str) -> float:
    """Log-odds shift from the recruiter's words: CV causes push up, interview causes down."""
    if not reading.informative:
        return 0.0
    p = reading.probabilities
    direction = sum(p.get(c, 0.0) for c in CV_CAUSES) - sum(p.get(c, 0.0) for c in LATER_CAUSES)
    return FEEDBACK_STRENGTH[stage] * direction


def diagnose(stage: str, days: int | None = None, interviews: int | None = None,
             feedback: str | None = None, report: MatchReport | None = None,
             lang: str | None = None) -> Diagnosis:
    """Diagnose where a rejection most likely came from, why, and what to do next."""
    _check(stage, days, interviews, lang)
    feedback = feedback.strip() if feedback and feedback.strip() else None
    reading = read_feedback(feedback) if feedback else None
    lang = lang or (reading.lang if reading else None) or (
        report.cv_language if report is not None and report.cv_language in ("fr", "en")
        else None) or "fr"
    interviewed = bool(interviews) or stage in ("rejected_after_interview",
                                                "rejected_after_final_interview")
    prior_stage = stage
    if stage == "no_response" and interviews:
        prior_stage = "rejected_after_interview"  # silence after interviews: ghosted later on
        evidence = [t(lang, "stage.no_response_after_interview", n=interviews)]
    else:
        evidence = [t(lang, f"stage.{stage}")]
    sig = report_signals(report, stage, lang, interviewed) if report is not None else Signals()
    if stage == "rejected_after_phone_screen":
        sig.logit *= 0.3  # the CV already passed the first sort: the match says less
    prior = {c: w * sig.dampen.get(c, 1.0) for c, w in STAGE_CAUSES[prior_stage].items()}
    shrink = _days_signal(stage, days, lang, interviewed, sig, prior)
    logit = STAGE_LOGIT[prior_stage] + sig.logit
    if reading is not None:
        logit += _feedback_logit(reading, prior_stage)
        closed = reading.probabilities.get("position_closed", 0.0) if reading.informative else 0.0
        logit *= 1.0 - 0.7 * closed  # a closed position is neither the CV nor the interviews
        if reading.informative and reading.sentence:
            evidence.append(t(lang, "feedback.cause", sentence=reading.sentence,
                              cause=CAUSE_NAMES[lang].get(reading.label, reading.label)))
        else:
            evidence.append(t(lang, "feedback.template"))
    logit *= shrink
    evidence.extend(sig.general)
    p_cv = 1.0 / (1.0 + math.exp(-logit))
    verdict = ("cv_screening" if p_cv >= CV_THRESHOLD
               else "later_stage" if p_cv <= LATER_THRESHOLD else "uncertain")
    causes = _causes(_normalise(prior), reading, sig, lang, interviewed)
    actions = _actions(verdict, stage, days, causes, report, lang, interviewed)
    explanation = _explain(verdict, p_cv, causes, evidence, lang)
    return Diagnosis(verdict, {"cv_screening": p_cv, "later_stage": 1.0 - p_cv}, causes,
                     tuple(actions), explanation, lang, stage, tuple(evidence), reading)


def _causes(prior: dict[str, float], reading: FeedbackReading | None, sig: Signals,
            lang: str, interviewed: bool) -> tuple[Cause, ...]:
    """Mix of stage expectations, match evidence and the recruiter's words (weighing most)."""
    sources: list[tuple[float, dict[str, float]]] = []
    fb = {}
    if reading is not None and reading.informative:
        fb = _normalise({c: reading.probabilities.get(c, 0.0) for c in CAUSES})
    match = _normalise(sig.scores)
    if fb:
        sources.append((0.6, fb))
    if match:
        # once the candidate was met, the interviews say more than the CV/offer comparison
        sources.append(((0.25 if fb else 0.5) * (0.5 if interviewed else 1.0), match))
    sources.append((1.0 - sum(w for w, _ in sources), prior))
    mixed: dict[str, float] = {}
    for weight, dist in sources:
        for code, p in dist.items():
            mixed[code] = mixed.get(code, 0.0) + weight * p
    ranked = sorted(((c, w) for c, w in mixed.items() if w >= MIN_WEIGHT),
                    key=lambda cw: -cw[1])[:MAX_CAUSES]
    out = []
    for code, weight in ranked:
        lines = []
        if fb.get(code, 0.0) >= 0.15 and reading is not None and reading.sentence:
            lines.append(t(lang, "feedback.cause", sentence=reading.sentence,
                           cause=CAUSE_NAMES[lang][code]))
        lines.extend(sig.evidence.get(code, []))
        if prior.get(code, 0.0) >= 0.15:
            lines.append(t(lang, "stage.prior"))
        out.append(Cause(code, weight, tuple(lines)))
    return tuple(out)


def _actions(verdict: str, stage: str, days: int | None, causes: tuple[Cause, ...],
             report: MatchReport | None, lang: str, interviewed: bool) -> list[str]:
    """Concrete next steps: the report's top recommendations for the CV, feedback and contact
    for later stages, one relaunch for silence."""
    actions: list[str] = []
    closed = bool(causes) and causes[0].code == "position_closed"
    if verdict != "later_stage" and not interviewed and not closed:
        recs = sorted(report.recommendations, key=lambda r: r.priority)[:3] if report else []
        actions.extend(t(lang, "action.recommendation", message=r.message) for r in recs)
        if report is None:
            actions.append(t(lang, "action.run_match"))
    for cause in causes[:3]:
        line = t(lang, f"cause.{cause.code}")
        if line not in actions:
            actions.append(line)
    if stage == "no_response":
        actions.append(t(lang, "action.wait" if days is not None and days < 7
                         else "action.relaunch"))
    if interviewed or stage == "rejected_after_phone_screen":
        actions.append(t(lang, "action.ask_feedback"))
    actions.append(t(lang, "action.keep_door_open"))
    return actions


def _explain(verdict: str, p_cv: float, causes: tuple[Cause, ...], evidence: list[str],
             lang: str) -> str:
    """A few sentences: the decisive evidence, the verdict, the main cause."""
    parts = [evidence[0]] + evidence[1:3]
    if verdict == "uncertain":
        parts.append(t(lang, "explain.uncertain", p=p_cv))
    else:
        p = p_cv if verdict == "cv_screening" else 1.0 - p_cv
        parts.append(t(lang, "explain.verdict", verdict=VERDICT_NAMES[lang][verdict], p=p))
    if causes:
        parts.append(t(lang, "explain.cause", cause=CAUSE_NAMES[lang][causes[0].code]))
    return " ".join(parts)
