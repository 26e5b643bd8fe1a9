"""The skills-profile component: focus and coverage of the CV's hard skills, by skill id."""

from __future__ import annotations

import pytest

from analysis.extraction.types import Profile, SkillMention
from analysis.matching.overlap import profile_similarity, similarity_if_added, skill_vector


def _profile(role: str, skills: dict[str, str | None], repeats: dict[str, int] | None = None,
             soft: tuple[str, ...] = ()) -> Profile:
    mentions = []
    for sid, importance in skills.items():
        for _ in range((repeats or {}).get(sid, 1)):
            mentions.append(SkillMention(0, 1, sid, sid, sid, "hard", importance=importance))
    mentions += [SkillMention(0, 1, s, s, s, "soft") for s in soft]
    return Profile(role=role, language="en", mentions=tuple(mentions))


OFFER = _profile("offer", {"python": "required", "sql": "required", "airflow": "required",
                           "tableau": "preferred"})


def _similarity(cv: Profile, offer: Profile = OFFER) -> float | None:
    return profile_similarity(skill_vector(offer), skill_vector(cv))


def test_focused_cv_beats_a_cv_listing_everything_with_the_same_coverage() -> None:
    focused = _profile("cv", dict.fromkeys(("python", "sql", "airflow")))
    everything = _profile("cv", dict.fromkeys(("python", "sql", "airflow", "java", "php",
                                               "photoshop", "sap", "autocad", "excel")))
    assert 0 < _similarity(everything) < _similarity(focused) <= 1


def test_missing_required_skill_costs_more_than_missing_preferred() -> None:
    full = _profile("cv", dict.fromkeys(("python", "sql", "airflow", "tableau")))
    no_required = _profile("cv", dict.fromkeys(("python", "sql", "tableau")))
    no_preferred = _profile("cv", dict.fromkeys(("python", "sql", "airflow")))
    assert _similarity(full) == pytest.approx(1.0)
    assert _similarity(full) - _similarity(no_required) > (
        _similarity(full) - _similarity(no_preferred)) > 0


def test_soft_skills_do_not_count_and_no_offer_skill_means_not_applicable() -> None:
    cv = _profile("cv", {"python": None}, soft=("teamwork",))
    assert _similarity(cv) == _similarity(_profile("cv", {"python": None}))
    assert _similarity(cv, _profile("offer", {}, soft=("teamwork",))) is None
    assert _similarity(_profile("cv", {})) == 0.0


def test_repeated_mentions_weigh_more_but_with_diminishing_returns() -> None:
    once = _profile("cv", dict.fromkeys(("python", "java")))
    four = _profile("cv", dict.fromkeys(("python", "java")), repeats={"python": 4})
    sixteen = _profile("cv", dict.fromkeys(("python", "java")), repeats={"python": 16})
    assert _similarity(once) < _similarity(four) < _similarity(sixteen)
    assert _similarity(sixteen) - _similarity(four) < _similarity(four) - _similarity(once)


def test_similarity_if_added_is_the_similarity_of_the_grown_cv() -> None:
    cv = _profile("cv", dict.fromkeys(("python", "java")))
    grown = _profile("cv", dict.fromkeys(("python", "java", "sql")))
    assert similarity_if_added(skill_vector(OFFER), skill_vector(cv), "sql") == pytest.approx(
        _similarity(grown))
    # a skill the CV already names adds nothing
    assert similarity_if_added(skill_vector(OFFER), skill_vector(cv), "python") == (
        pytest.approx(_similarity(cv)))


def test_french_cv_and_english_offer_compare_by_skill_id() -> None:
    from analysis.extraction import profile_cv, profile_offer
    from analysis.parsing import parse_text

    offer = profile_offer(parse_text(
        "Data engineer\nRequirements: Python, SQL and project management. "
        "Nice to have: Tableau.", source="offer.txt"))
    cv = profile_cv(parse_text(
        "Camille Martin\nIngénieure données\nEXPÉRIENCE\n"
        "Développement de pipelines en Python et SQL, gestion de projet pour trois équipes.\n"
        "COMPÉTENCES\nPython, SQL, gestion de projet", source="cv.txt"))
    unrelated = profile_cv(parse_text(
        "Camille Martin\nBoulangère\nEXPÉRIENCE\nFabrication du pain et des viennoiseries, "
        "accueil des clients, tenue de la caisse.\nCOMPÉTENCES\nPâtisserie, hygiène alimentaire",
        source="cv2.txt"))
    assert cv.language == "fr" and offer.language == "en"
    assert _similarity(cv, offer) > 0.5 > _similarity(unrelated, offer)
