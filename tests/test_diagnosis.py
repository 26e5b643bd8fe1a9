"""Stage logic of `analysis.diagnosis.diagnose`: stages, delays, match reports, recruiter words."""

from __future__ import annotations

import pytest

from analysis.diagnosis import CAUSES, STAGES, diagnose
from analysis.errors import InvalidArgumentError
from analysis.matching.types import Check, MatchReport, Recommendation, RequirementResult


def _req(label: str, kind: str = "hard", status: str = "missing",
         importance: str = "required") -> RequirementResult:
    return RequirementResult(f"test:{label}", label, kind, importance, status, None, None)


def weak_report(lang: str = "en") -> MatchReport:
    """A CV that misses most required skills of the offer."""
    return MatchReport(
        score=31.0, cv_language=lang, offer_language=lang,
        components={"hard_skills": 0.2, "soft_skills": 0.5, "title": 0.3, "experience": 0.4},
        requirements=(_req("Kubernetes"), _req("Terraform"), _req("Go"),
                      _req("Python", status="matched"),
                      _req("5 years", kind="experience", status="partial")),
        checks=(Check("contact_email", "pass", "ok"),),
        recommendations=(Recommendation(2, "Add Terraform to your skills section"),
                         Recommendation(1, "Mention Kubernetes where you used it"),
                         Recommendation(3, "Use the offer's job title")))


def strong_report(lang: str = "en", failed_check: bool = False) -> MatchReport:
    """A CV that meets every required item of the offer."""
    checks = (Check("standard_headings", "fail", "Two-column layout: an ATS may mix columns"),
              ) if failed_check else (Check("standard_headings", "pass", "ok"),)
    return MatchReport(
        score=88.0, cv_language=lang, offer_language=lang,
        components={"hard_skills": 0.95, "soft_skills": 0.8, "title": 1.0, "experience": 1.0},
        requirements=(_req("Python", status="matched"), _req("SQL", status="matched")),
        checks=checks, recommendations=(Recommendation(1, "Quantify your results"),))


def test_every_stage_gives_a_complete_diagnosis() -> None:
    for stage in STAGES:
        d = diagnose(stage, interviews=2 if "after_" in stage else None)
        data = d.to_dict()
        assert set(data) >= {"verdict", "probabilities", "causes", "actions", "explanation"}
        assert data["verdict"] in ("cv_screening", "later_stage", "uncertain")
        assert abs(sum(data["probabilities"].values()) - 1.0) < 1e-6
        assert data["causes"] and all(c["code"] in CAUSES for c in data["causes"])
        weights = [c["weight"] for c in data["causes"]]
        assert weights == sorted(weights, reverse=True)
        assert data["actions"] and data["explanation"]


def test_stage_order_moves_probability_away_from_the_cv() -> None:
    p = [diagnose(s, interviews=1 if "interview" in s and "before" not in s else None)
         .probabilities["cv_screening"] for s in STAGES[1:]]
    assert p == sorted(p, reverse=True)
    assert diagnose("rejected_before_interview").verdict == "cv_screening"
    assert diagnose("rejected_after_interview", interviews=1).verdict == "later_stage"
    assert diagnose("rejected_after_final_interview", interviews=3).verdict == "later_stage"


def test_fast_rejection_points_to_automated_filtering() -> None:
    fast = diagnose("rejected_before_interview", days=0, lang="en")
    slow = diagnose("rejected_before_interview", days=12, lang="en")
    assert fast.probabilities["cv_screening"] > slow.probabilities["cv_screening"]
    assert "automated filtering" in fast.explanation
    fmt = {c.code: c.weight for c in fast.causes}.get("cv_format", 0.0)
    assert fmt > {c.code: c.weight for c in slow.causes}.get("cv_format", 0.0)


def test_silence_is_weak_evidence() -> None:
    early = diagnose("no_response", days=3)
    assert early.verdict == "uncertain"
    assert diagnose("no_response", days=40).verdict == "uncertain"
    assert any("relance" in a.lower() or "attendez" in a.lower() for a in early.actions)


def test_silence_after_interviews_is_a_later_stage() -> None:
    d = diagnose("no_response", days=20, interviews=2, lang="en")
    assert d.verdict == "later_stage"
    assert "did its job" in d.explanation


def test_weak_match_explains_a_cv_rejection_with_its_recommendations() -> None:
    report = weak_report()
    d = diagnose("no_response", days=25, report=report)
    without = diagnose("no_response", days=25)
    assert d.verdict == "cv_screening"
    assert d.probabilities["cv_screening"] > without.probabilities["cv_screening"]
    assert d.causes[0].code in ("missing_keywords", "profile_mismatch")
    keywords = next(c for c in d.causes if c.code == "missing_keywords")
    assert any("Kubernetes" in e for e in keywords.evidence)
    # the report's top recommendations come first, in priority order
    assert d.actions[0].endswith("Mention Kubernetes where you used it")
    assert d.actions[1].endswith("Add Terraform to your skills section")
    assert d.lang == "en"  # language of the CV when no feedback and no lang


def test_strong_match_with_early_rejection_points_away_from_keywords() -> None:
    d = diagnose("rejected_before_interview", days=1, report=strong_report(failed_check=True))
    codes = [c.code for c in d.causes]
    assert d.verdict == "cv_screening"
    assert "cv_format" in codes[:2]
    assert codes.index("cv_format") < codes.index("missing_keywords")
    weights = {c.code: c.weight for c in d.causes}
    weak = {c.code: c.weight for c in diagnose("rejected_before_interview", days=1,
                                                 report=weak_report()).causes}
    assert weights.get("missing_keywords", 0.0) < weak["missing_keywords"]
    assert weights.get("position_closed", 0.0) > weak.get("position_closed", 0.0)


def test_after_interviews_the_report_only_suggests_what_to_prepare() -> None:
    d = diagnose("rejected_after_interview", interviews=1, report=weak_report(), lang="en")
    base = diagnose("rejected_after_interview", interviews=1, lang="en")
    assert d.verdict == "later_stage"
    assert d.probabilities == base.probabilities
    assert "missing_keywords" not in [c.code for c in d.causes]
    tech = next(c for c in d.causes if c.code == "technical_interview")
    assert any("Kubernetes" in e for e in tech.evidence)
    assert not any(a.startswith("CV:") for a in d.actions)
    assert any("feedback" in a for a in d.actions)


def test_recruiter_words_weigh_most() -> None:
    # after a phone screen the stage alone says "later stage"; the words can overturn it
    base = diagnose("rejected_after_phone_screen", lang="en")
    said = diagnose("rejected_after_phone_screen", lang="en",
                    feedback="We are looking for someone with at least eight years of "
                             "experience leading teams.")
    assert base.verdict == "later_stage"
    assert said.probabilities["cv_screening"] > base.probabilities["cv_screening"] + 0.3
    assert said.causes[0].code == "experience_gap"
    assert said.causes[0].weight > 0.4
    assert said.feedback is not None and said.feedback.informative


def test_feedback_cannot_undo_interviews() -> None:
    d = diagnose("rejected_after_final_interview", interviews=3,
                 feedback="Votre profil ne correspond pas à nos attentes.")
    assert d.verdict == "later_stage"
    assert d.causes[0].code == "profile_mismatch"


def test_closed_position_is_the_cause_whatever_the_stage() -> None:
    for stage in ("rejected_before_interview", "rejected_after_interview"):
        d = diagnose(stage, interviews=1 if stage.endswith("_interview") and
                     "before" not in stage else None,
                     feedback="Le recrutement sur ce poste est gelé jusqu'à nouvel ordre.")
        assert d.causes[0].code == "position_closed"
        assert d.lang == "fr"
        assert any("réouverture" in a for a in d.actions)


def test_template_feedback_is_recognised_and_changes_nothing() -> None:
    msg = ("Dear candidate, thank you for your interest. After careful consideration we will "
           "not be moving forward with your application. We wish you every success.")
    d = diagnose("rejected_after_interview", interviews=1, feedback=msg)
    base = diagnose("rejected_after_interview", interviews=1, lang="en")
    assert d.feedback is not None and d.feedback.label == "template"
    assert not d.feedback.informative
    assert d.probabilities == base.probabilities
    assert [c.code for c in d.causes] == [c.code for c in base.causes]
    assert d.lang == "en" and "template" in d.explanation


def test_language_choice() -> None:
    fr_feedback = "Nous avons retenu un autre candidat."
    assert diagnose("rejected_after_interview", interviews=1, feedback=fr_feedback).lang == "fr"
    assert diagnose("rejected_after_interview", interviews=1, feedback=fr_feedback,
                    lang="en").lang == "en"
    assert diagnose("rejected_before_interview").lang == "fr"
    assert diagnose("rejected_before_interview", report=weak_report("en")).lang == "en"
    en = diagnose("rejected_before_interview", lang="en")
    fr = diagnose("rejected_before_interview", lang="fr")
    assert "CV screening" in en.explanation and "tri des CV" in fr.explanation
    assert en.actions != fr.actions


@pytest.mark.parametrize("kwargs", [
    {"stage": "rejected"}, {"stage": ""}, {"stage": "no_response", "days": -1},
    {"stage": "no_response", "interviews": -2}, {"stage": "no_response", "lang": "de"},
    {"stage": "no_response", "days": 2.5}, {"stage": "rejected_before_interview", "interviews": 2},
    {"stage": "rejected_after_interview", "interviews": 0},
])
def test_invalid_arguments(kwargs: dict) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        diagnose(**kwargs)
    assert info.value.code == "invalid_argument"


def test_blank_feedback_is_ignored() -> None:
    d = diagnose("rejected_before_interview", feedback="  \n ")
    assert d.feedback is None
    assert d.to_dict()["feedback"] is None


@pytest.fixture(scope="session")
def real_reports(samples):  # noqa: ANN001, ANN201 - Path -> dict of MatchReport
    """Match reports of real sample files: a strong pair and a weak pair (French CV)."""
    from analysis.matching import match

    return {"strong": match(samples / "cv_fr_data_analyst.pdf",
                            samples / "offer_fr_data_analyst.pdf"),
            "weak": match(samples / "cv_fr_chef_de_projet_marketing.pdf",
                          samples / "offer_fr_data_analyst.pdf")}


def test_real_reports_strong_versus_weak_match(real_reports: dict) -> None:
    strong, weak = real_reports["strong"], real_reports["weak"]
    assert strong.score > weak.score
    d_strong = diagnose("no_response", days=25, report=strong)
    d_weak = diagnose("no_response", days=25, report=weak)
    assert d_weak.probabilities["cv_screening"] > d_strong.probabilities["cv_screening"]
    assert d_weak.verdict == "cv_screening" and d_strong.verdict == "uncertain"
    assert d_weak.causes[0].code in ("missing_keywords", "profile_mismatch")
    assert d_strong.causes[0].code != "missing_keywords"
    assert d_strong.lang == d_weak.lang == "fr"
    recs = [r.message for r in sorted(weak.recommendations, key=lambda r: r.priority)[:3]]
    assert [a.removeprefix("CV : ") for a in d_weak.actions[:len(recs)]] == recs


def test_any_valid_combination_gives_a_consistent_diagnosis() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None)
    @given(stage=st.sampled_from(STAGES), days=st.none() | st.integers(0, 400),
           interviews=st.none() | st.integers(0, 6), lang=st.sampled_from([None, "fr", "en"]),
           feedback=st.none() | st.text(max_size=120))
    def check(stage: str, days: int | None, interviews: int | None, lang: str | None,
              feedback: str | None) -> None:
        try:
            d = diagnose(stage, days=days, interviews=interviews, feedback=feedback, lang=lang)
        except InvalidArgumentError:
            # only the documented contradictions are refused
            assert (stage == "rejected_before_interview" and interviews) or (
                stage.endswith("_interview") and "before" not in stage and interviews == 0)
            return
        p = d.probabilities["cv_screening"]
        assert 0.0 < p < 1.0
        assert d.verdict == ("cv_screening" if p >= 0.65 else
                             "later_stage" if p <= 0.35 else "uncertain")
        assert all(0.0 < c.weight <= 1.0 for c in d.causes)
        assert sum(c.weight for c in d.causes) <= 1.0 + 1e-9
        assert d.lang in ("fr", "en") and (lang is None or d.lang == lang)

    check()


def test_a_message_naming_two_causes_keeps_both() -> None:
    for msg in ("Thank you for your time. The coding exercise revealed gaps in algorithms. "
                "Moreover, your salary expectations are well above our budget for this role.",
                "Merci pour votre temps. Le test technique a révélé des lacunes en SQL. Par "
                "ailleurs, vos prétentions salariales dépassent notre budget."):
        d = diagnose("rejected_after_interview", interviews=2, feedback=msg)
        assert [c.code for c in d.causes[:2]] == ["technical_interview", "culture_fit"]
