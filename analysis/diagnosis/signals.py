"""Evidence a match report brings to a diagnosis: how it moves the verdict, which causes."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.diagnosis.texts import t
from analysis.matching.types import MatchReport

PRE_INTERVIEW = ("no_response", "rejected_before_interview", "rejected_after_phone_screen")
LOW_SCORE = 50.0
# Failed checks meaning an ATS reads little or nothing of the CV (scanned, image-only, damaged).
UNREADABLE_CHECKS = frozenset({"readable", "layout_images", "layout_text_layer", "file_type"})
HIGH_SCORE = 75.0


@dataclass
class Signals:
    """Verdict shift (log-odds toward CV screening), cause scores and evidence lines."""

    logit: float = 0.0
    scores: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)
    # factors applied to the stage's expected causes that the match contradicts
    dampen: dict[str, float] = field(default_factory=dict)

    def add(self, code: str, score: float, line: str | None = None) -> None:
        """Add `score` to a cause, with an optional evidence line."""
        self.scores[code] = self.scores.get(code, 0.0) + score
        if line and line not in self.evidence.setdefault(code, []):
            self.evidence[code].append(line)


def _labels(items: list[str], limit: int = 5) -> str:
    return ", ".join(items[:limit]) + ("…" if len(items) > limit else "")


def _gaps(sig: Signals, by_kind: dict[str, list[str]], lang: str, *, experience: float,
          education: float) -> None:
    """Unmet experience and education requirements, as causes with their evidence."""
    for kind, code, weight in (("experience", "experience_gap", experience),
                               ("education", "education_gap", education)):
        if by_kind.get(kind):
            sig.add(code, weight, t(lang, f"match.{kind}", items=_labels(by_kind[kind])))


def report_signals(report: MatchReport, stage: str, lang: str,
                   interviewed: bool) -> Signals:
    """Read the match report as a recruiter would for a rejection at `stage`."""
    sig = Signals()
    missing = [r for r in report.requirements if r.status == "missing"]
    req_missing = [r for r in missing if r.importance == "required"]
    weak = [r for r in report.requirements
            if r.importance == "required" and r.status in ("missing", "partial")]
    by_kind: dict[str, list[str]] = {}
    for r in weak:
        by_kind.setdefault(r.kind, []).append(r.label)
    failed = [c.message or c.code for c in report.checks if c.status == "fail"]
    warned = [c.message or c.code for c in report.checks if c.status == "warn"]
    score = float(report.score)
    unreadable = [c.message or c.code for c in report.checks
                  if c.status == "fail" and c.code in UNREADABLE_CHECKS]
    if unreadable and not interviewed:
        # Every requirement looks missing when nothing can be read: the format is the cause.
        sig.logit += 1.5
        sig.general.append(t(lang, "match.unreadable"))
        sig.add("cv_format", 3.0, t(lang, "match.checks", items=_labels(unreadable, 2)))
        sig.dampen.update({"missing_keywords": 0.2, "profile_mismatch": 0.2,
                           "experience_gap": 0.5, "education_gap": 0.5})
        return sig
    if interviewed:
        # The CV passed; gaps it shows are what the interviews probably probed.
        hard = [r.label for r in missing if r.kind in ("hard", "language")]
        if hard:
            sig.add("technical_interview", 0.5, t(lang, "match.prepare", items=_labels(hard)))
        _gaps(sig, by_kind, lang, experience=0.4, education=0.3)
        return sig
    strong = score >= HIGH_SCORE and len(req_missing) <= 1
    if score < LOW_SCORE or len(req_missing) >= 3:
        sig.logit += 1.0
        sig.general.append(t(lang, "match.low", score=score))
    elif strong:
        sig.logit -= 0.3 if stage == "no_response" else 0.0
        sig.general.append(t(lang, "match.high", score=score))
        sig.add("cv_format", 0.3 + 0.3 * bool(failed or warned))
        sig.add("position_closed", 0.4)
        sig.add("competition", 0.2)
        sig.dampen.update({"missing_keywords": 0.3, "profile_mismatch": 0.3})
    else:
        sig.logit += 0.3
        sig.general.append(t(lang, "match.mid", score=score))
    skills = [r.label for r in req_missing if r.kind in ("hard", "soft", "language")]
    if skills:
        # one gap in an otherwise strong match rarely explains a rejection on its own
        sig.add("missing_keywords", (0.2 if strong else 0.4) + 0.15 * min(len(skills), 4),
                t(lang, "match.missing", items=_labels(skills)))
    title_score = report.components.get("title")
    if by_kind.get("title") or (title_score is not None and title_score < 0.5):
        sig.add("profile_mismatch", 0.3 if strong else 0.6, t(lang, "match.title"))
    if score < LOW_SCORE:
        sig.add("profile_mismatch", 0.4)
    _gaps(sig, by_kind, lang, experience=0.7, education=0.6)
    if failed:
        sig.add("cv_format", 0.8, t(lang, "match.checks", items=_labels(failed, 3)))
    elif warned:
        sig.add("cv_format", 0.2)
    return sig
