"""CV and offer profiles: requirement levels, years, education, languages, titles, batches, CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analysis.extraction import profile_cv, profile_many, profile_offer
from analysis.extraction.facts import cv_years, education, languages, offer_years
from analysis.extraction.profile import offer_title
from analysis.parsing import parse_text

OFFER_FR = """Data Analyst (H/F)
Nous recherchons un Data Analyst pour rejoindre notre équipe Data.

Profil recherché :
- Bac+5 en statistiques ou école d'ingénieur
- 3 à 5 ans d'expérience en analyse de données
- Maîtrise de SQL et Python indispensable
- Anglais courant (B2 minimum)

Les plus :
- Connaissance de Tableau
- Une expérience avec Airflow serait un plus
"""

OFFER_EN = """Senior Backend Engineer
Requirements:
- 5+ years of experience building APIs in Python
- Strong knowledge of PostgreSQL and Docker
- Excellent communication skills
Nice to have:
- Experience with Kubernetes
- Familiarity with Terraform is a plus
"""

CV_FR = """Marie Curie
Chef de projet data
marie@example.com | 06 12 34 56 78

EXPÉRIENCE PROFESSIONNELLE
Chef de projet, Acme (2019 - 2021)
Gestion d'équipe de 6 personnes, pilotage de projets.
Consultante, Beta (mars 2020 - déc. 2022)

FORMATION
Master en informatique, 2018
Licence de mathématiques, 2016

COMPÉTENCES
Python, SQL, Excel, rigueur, autonomie

LANGUES
Anglais : courant (C1)
Espagnol : notions
"""


@pytest.fixture(scope="session")
def offer_fr():
    """Profile of a French offer (real parsing + real pipelines)."""
    return profile_offer(parse_text(OFFER_FR))


@pytest.fixture(scope="session")
def offer_en():
    """Profile of an English offer."""
    return profile_offer(parse_text(OFFER_EN))


@pytest.fixture(scope="session")
def cv_fr():
    """Profile of a French CV."""
    return profile_cv(parse_text(CV_FR))


def importance(profile, text: str) -> str | None:
    levels = {m.importance for m in profile.mentions if text.lower() in m.text.lower()}
    assert len(levels) == 1, (text, [(m.text, m.importance) for m in profile.mentions])
    return levels.pop()


def test_offer_requirement_levels_french(offer_fr) -> None:
    assert offer_fr.role == "offer" and offer_fr.language == "fr"
    assert importance(offer_fr, "SQL") == "required"
    assert importance(offer_fr, "Python") == "required"
    assert importance(offer_fr, "Tableau") == "preferred"
    assert importance(offer_fr, "Airflow") == "preferred"


def test_offer_requirement_levels_english(offer_en) -> None:
    assert importance(offer_en, "PostgreSQL") == "required"
    assert importance(offer_en, "Docker") == "required"
    assert importance(offer_en, "Kubernetes") == "preferred"
    assert importance(offer_en, "Terraform") == "preferred"
    assert any(m.kind == "soft" for m in offer_en.mentions)


def test_offer_years_education_languages_title(offer_fr, offer_en) -> None:
    assert (offer_fr.years_experience, offer_fr.years_max) == (3, 5)
    assert offer_fr.education_level == 5
    assert [(x.code, x.level) for x in offer_fr.languages] == [("en", "B2")]
    assert offer_fr.title == "Data Analyst"
    assert offer_en.years_experience == 5 and offer_en.years_max is None
    assert offer_en.title == "Senior Backend Engineer"


@pytest.mark.parametrize(
    ("first_lines", "expected"),
    [
        ("Full Stack Software Engineer ( JavaScript / React /Node JS )\nWe build.",
         "Full Stack Software Engineer ( JavaScript / React /Node JS )"),
        ("Consultant Débutant Data Analyst en CDI - Paris - Septembre 2025 (F/H)\nMissions",
         "Consultant Débutant Data Analyst en CDI - Paris - Septembre 2025"),
        # an opening sentence is not a title, with or without its full stop
        ("Were changing the way people enjoy wine and we need you on our platform team\n"
         "You will build our APIs .", None),
        ("Are you newly graduated and have flair to learn emerging technologies?\nJoin us",
         None),
        ("We are a small company .\nPosition: Data Engineer\nPython", "Data Engineer"),
        # a cue phrase followed by a run-on line is not a title either
        ("About us .\nRole: Full Stack Developer Industry: Real Estate Company size: 11-50 "
         "people Company type: VC Funded Technologies reactjs typescript node", None),
    ],
)
def test_offer_title_is_a_short_line_not_a_sentence(first_lines: str,
                                                     expected: str | None) -> None:
    doc = parse_text(first_lines + "\nRequirements:\n- SQL\n- Python\n")
    assert offer_title(doc) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3+ years of experience with SQL", (3, None)),
        ("2 ans d'expérience minimum sur un poste similaire", (2, None)),
        ("Vous justifiez de 5 à 7 ans d'expérience.", (5, 7)),
        ("At least two years of professional experience.", (2, None)),
        ("Expérience : débutant accepté", (0, None)),
        ("Notre entreprise existe depuis 20 ans à Lyon.", (None, None)),
        ("Contrat de 12 mois, télétravail 2 jours.", (None, None)),
    ],
)
def test_offer_years(text: str, expected: tuple) -> None:
    assert offer_years(text) == expected


def test_cv_years_merge_overlapping_ranges() -> None:
    today = dt.date(2024, 6, 1)
    assert cv_years("Acme 2019 - 2021\nBeta janv. 2020 – déc. 2020", today) == 3.0
    assert cv_years("Jan 2015 - Dec 2016\nMar 2018 - Feb 2019", today) == 3.0
    assert cv_years("Consultant since 2022", today) == 2.5  # Jan 2022 to Jun 2024 inclusive
    assert cv_years("Depuis 03/2023 : data analyst", today) == 1.3
    assert cv_years("Analyste, sept. 2021 – aujourd'hui", today) == 2.8
    assert cv_years("No dates at all") is None


def test_education_levels() -> None:
    assert education("Master en informatique ; Licence de maths", highest=True) == (5, "Master")
    assert education("Bac+3 à Bac+5 en informatique", highest=False)[0] == 3
    assert education("BTS comptabilité", highest=True)[0] == 2
    assert education("PhD in Computer Science", highest=True)[0] == 8
    assert education("Diplôme d'ingénieur (Centrale)", highest=True)[0] == 5
    assert education("Certified Scrum Master since 2020", highest=True) == (None, None)
    assert education("Maîtrise de SQL exigée", highest=False) == (None, None)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Degree in marketing, business or a related discipline.", 3),
        ("A relevant degree or equivalent experience.", 3),
        ("University degree in computer science", 3),
        ("BS degree in Computer Science", 3),
        ("BA (Hons) in History", 3),
        ("Bachelor’s or Master’s degree in the IT field", 3),  # an offer asks the lower one
        ("Master\x92s degree in Finance", 5),  # Windows-1252 apostrophe read as Latin-1
        ("Master of Science degree in Chemistry", 5),
        ("A graduate degree in statistics", 5),
        ("An undergraduate degree", 3),
        ("B.S or M.S degree in Computer Science", 3),
        ("A high degree of autonomy", None),
        ("360-degree feedback and a degree of freedom", None),
        ("BA flights to London", None),
        # a CV's degree letters before a field of study; never "MS Office" or a business analyst
        ("BA Business Administration 2011 - 2015", 3),
        ("BS Computer Science, Stanford University", 3),
        ("MA International Relations", 5),
        ("MS Data Science", 5),
        ("MS Office, MS Project, Excel", None),
        ("Senior BA Analyst on the BA team", None),
    ],
)
def test_english_degrees_without_a_level(text: str, level: int | None) -> None:
    assert education(text, highest=False)[0] == level


def test_languages_with_cefr_levels() -> None:
    found = languages("Langues : anglais courant (C1), espagnol notions, français natif")
    assert {(x.code, x.level) for x in found} == {("en", "C1"), ("es", "A2"), ("fr", "native")}
    found = languages("Fluent in English; German B1; TOEIC 900")
    assert {(x.code, x.level) for x in found} >= {("en", "C1"), ("de", "B1")}
    assert languages("We are a French company based in Paris.") == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [("• Spanish is a plus.", "es"), ("German required.", "de"),
     ("Italian would be an asset", "it"), ("English is a must", "en"),
     ("The application in English must be sent by mail.", None),
     ("L'espagnol est un atout.", "es"), ("Anglais apprécié.", "en"), ("Allemand souhaité", "de"),
     ("Spanish market experience is a plus.", None), ("We serve German customers.", None)],
)
def test_an_offer_names_a_language_by_its_worth_alone(text: str, code: str | None) -> None:
    assert [x.code for x in languages(text)] == ([code] if code else [])


def test_a_new_section_after_nice_to_have_is_required_again() -> None:
    offer = profile_offer(parse_text(
        "Backend Developer\nRequirements\n- Python and SQL.\nNice to have\n- Terraform.\n"
        "Education\nBSc in Computer Science.\n"))
    assert importance(offer, "Terraform") == "preferred"
    assert importance(offer, "Computer Science") == "required"
    assert (offer.education_level, offer.education_importance) == (3, "required")


def test_offer_education_and_languages_are_required_or_preferred() -> None:
    offer = profile_offer(parse_text(
        "Marketing Project Manager\nEssential\n- Degree in marketing or business.\n"
        "- Fluent English.\nDesirable\n- Conversational French would be an advantage.\n"
        "- Jira.\n"))
    assert (offer.education_level, offer.education_importance) == (3, "required")
    assert {(x.code, x.importance) for x in offer.languages} == {("en", "required"),
                                                                 ("fr", "preferred")}
    phd = profile_offer(parse_text(
        "Data Scientist\nRequirements:\n- Python and SQL.\nNice to have:\n- A PhD.\n"))
    assert (phd.education_level, phd.education_importance) == (8, "preferred")
    cv = profile_cv(parse_text(CV_FR))
    assert cv.education_importance is None
    assert all(x.importance is None for x in cv.languages)


def test_cv_profile(cv_fr) -> None:
    assert cv_fr.role == "cv" and cv_fr.language == "fr"
    assert cv_fr.title == "Chef de projet data"
    assert cv_fr.education_level == 5
    assert cv_fr.years_experience == 4.0  # 2019-2021 and mars 2020-déc. 2022 merged
    assert {(x.code, x.level) for x in cv_fr.languages} == {("en", "C1"), ("es", "A2")}
    sections = {m.text: m.section for m in cv_fr.mentions}
    assert sections["Python"] == "skills"
    assert sections["Gestion d'équipe"] == "experience"
    assert all(m.importance is None for m in cv_fr.mentions)


def test_profile_many_matches_single_profiles(cv_fr) -> None:
    docs = [parse_text(CV_FR), parse_text(OFFER_EN), parse_text(CV_FR)]
    batch = profile_many(docs, "cv")
    assert len(batch) == 3
    assert batch[0] == cv_fr == batch[2]
    assert batch[1].language == "en"
    with pytest.raises(ValueError):
        profile_many(docs, "other")


def test_cli_skills_json(tmp_path: Path) -> None:
    from analysis.cli import app

    runner = CliRunner()
    path = tmp_path / "cv.txt"
    path.write_text(CV_FR, encoding="utf-8")
    result = runner.invoke(app, ["skills", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["language"] == "fr"
    labels = {s["label"] for s in data["skills"]}
    assert "SQL" in labels
    for skill in data["skills"]:
        assert set(skill) >= {"id", "label", "kind", "mentions"}
        for m in skill["mentions"]:
            assert CV_FR[m["start"] : m["end"]] == m["text"] or m["text"]
    stdin = runner.invoke(app, ["skills", "-", "--lang", "en", "--json"], input=OFFER_EN)
    assert stdin.exit_code == 0 and json.loads(stdin.stdout)["language"] == "en"
    bad = runner.invoke(app, ["skills", str(tmp_path / "missing.pdf")])
    assert bad.exit_code == 2 and "error: not_found" in bad.stderr
    bad_lang = runner.invoke(app, ["skills", str(path), "--lang", "de"])
    assert bad_lang.exit_code == 2 and "error: invalid_argument" in bad_lang.stderr


def test_profiling_leaves_the_lemmas_the_keyword_similarity_reads() -> None:
    from unittest import mock

    from analysis.extraction import lemmatize, pipeline, skills

    docs = [parse_text(OFFER_FR), parse_text(OFFER_EN)]
    fresh = {}
    for doc in docs:
        skills.forget_lemmas()
        fresh[doc.language] = lemmatize(doc.text, doc.language)
    assert fresh["fr"] and fresh["en"] and "sql" in fresh["fr"]
    skills.forget_lemmas()
    profile_many(docs, "offer")
    # Right after profiling, the same lemmas come back without running a pipeline again.
    with mock.patch.object(skills, "get_nlp", side_effect=AssertionError("spaCy ran again")):
        for doc in docs:
            assert lemmatize(doc.text, doc.language) == fresh[doc.language]
    skills.forget_lemmas()
    assert pipeline.get_nlp("fr") is not None and lemmatize(docs[0].text, "fr") == fresh["fr"]
