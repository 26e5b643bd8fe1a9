"""Golden behaviours of `analysis.matching.match` on real files and the real pipeline."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from analysis.matching import SCORING_VERSION, match
from analysis.parsing import parse_document, parse_text
from analysis.parsing.document import ParsedDocument

EN_OFFER = """Data Project Manager (m/f)
Northwind Analytics is hiring a data project manager for its London team.

Requirements (must have):
- Project management of data products, agile methods
- Python and SQL
- Data analysis and statistics
- Teamwork and communication skills

Nice to have: Tableau, Power BI.
3+ years of experience. Master's degree. Fluent English.
"""

FR_CV_LINES = [
    "Claire Martin", "Chef de projet data",
    "claire.martin@exemple.fr · 06 12 34 56 78 · linkedin.com/in/claire-martin",
    "EXPÉRIENCE PROFESSIONNELLE",
    "Chef de projet data – Banque Lumière, Paris (janvier 2020 – aujourd'hui)",
    "• Piloté la gestion de projet de 4 produits data en méthode agile (12 personnes)",
    "• Conçu des analyses de données en Python et SQL pour 30 agences",
    "• Animé le travail en équipe entre métiers et informatique, -20 % de délais",
    "Analyste – Cabinet Orion, Lyon (septembre 2017 – décembre 2019)",
    "• Réalisé des études statistiques mensuelles pour 15 clients",
    "FORMATION",
    "Master Statistique – Université de Lyon (2017)",
    "COMPÉTENCES",
    "Python, SQL, statistiques, Tableau, gestion de projet, communication",
    "LANGUES",
    "Anglais : C1 ; français : langue maternelle",
]


@pytest.fixture(scope="module")
def analyst_offer(samples: Path) -> ParsedDocument:
    return parse_document(samples / "offer_fr_data_analyst.pdf")


@pytest.fixture(scope="module")
def analyst_cv(samples: Path) -> ParsedDocument:
    return parse_document(samples / "cv_fr_data_analyst.pdf")


@pytest.fixture(scope="module")
def fr_cv_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A French CV written as a real DOCX file."""
    document = docx.Document()
    for line in FR_CV_LINES:
        document.add_paragraph(line)
    path = tmp_path_factory.mktemp("cv") / "Claire-Martin-CV.docx"
    document.save(path)
    return path


def test_strong_cv_scores_higher_than_weak_cv(samples: Path, analyst_offer: ParsedDocument,
                                              analyst_cv: ParsedDocument) -> None:
    strong = match(analyst_cv, analyst_offer)
    weak = match(parse_document(samples / "cv_fr_infirmiere_header_textbox.docx"), analyst_offer)
    other_trade = match(samples / "cv_en_logistics_coordinator.pdf", analyst_offer)
    assert strong.score > weak.score + 20
    assert strong.score > other_trade.score
    assert strong.components["hard_skills"] > weak.components["hard_skills"]
    assert len(strong.missing_required()) < len(weak.missing_required())
    assert strong.cv is analyst_cv and strong.cv_profile is not None
    assert strong.offer_profile is not None and strong.offer_profile.mentions
    assert strong.scoring_version == SCORING_VERSION


def test_json_form_follows_the_interface(analyst_offer: ParsedDocument,
                                         analyst_cv: ParsedDocument) -> None:
    data = match(analyst_cv, analyst_offer).to_dict()
    assert 0 <= data["score"] <= 100
    assert (data["cv_language"], data["offer_language"]) == ("fr", "fr")
    assert {"hard_skills", "preferred_skills", "skills_profile", "soft_skills", "title",
            "experience", "education", "languages", "keywords"} == set(data["components"])
    assert all(0 <= v <= 1 for v in data["components"].values())
    for row in data["requirements"]:
        assert row["kind"] in {"hard", "soft", "title", "experience", "education", "language"}
        assert row["status"] in {"matched", "partial", "missing"}
        assert row["how"] in {"exact", "synonym", "translation", "related", None}
        assert (row["evidence"] is None) == (row["status"] == "missing")
    kinds = {row["kind"] for row in data["requirements"]}
    assert {"hard", "title", "experience", "education", "language"} <= kinds
    codes = {c["code"] for c in data["checks"]}
    assert {"contact_email", "contact_phone", "standard_headings", "length", "dates",
            "keyword_frequency", "bullets", "file_type", "file_name"} <= codes


def test_adding_a_missing_required_skill_raises_score_and_drops_its_advice(
        analyst_offer: ParsedDocument, analyst_cv: ParsedDocument) -> None:
    # the sample CV meets every required skill: take one out of it first
    assert "dbt" in analyst_cv.text
    without = analyst_cv.text.replace(", dbt", "").replace(" et dbt", "")
    before = match(parse_text(without, source="<cv>"), analyst_offer)
    missing = [r for r in before.missing_required() if r.kind == "hard"]
    assert [r.label for r in missing] == ["dbt"]
    target = missing[0]
    code = f"skill:{target.id}"
    assert code == before.recommendations[0].code  # missing required skills come first
    assert "uniquement si" in before.recommendations[0].message
    heading = "EXPÉRIENCES PROFESSIONNELLES"
    assert heading in analyst_cv.text
    bullet = f"\n• Mis en place {target.offer_text} pour 3 directions métier"
    improved = without.replace(heading, heading + bullet, 1)
    after = match(improved, analyst_offer)
    row = next(r for r in after.requirements if r.id == target.id)
    assert row.status == "matched" and target.offer_text in (row.evidence or "")
    assert after.score > before.score
    assert code not in {r.code for r in after.recommendations}


def test_french_cv_matches_english_offer_by_skill_id(fr_cv_docx: Path) -> None:
    report = match(fr_cv_docx, EN_OFFER)
    assert (report.cv_language, report.offer_language) == ("fr", "en")
    by_how = {r.how for r in report.requirements if r.status == "matched"}
    assert "translation" in by_how
    translated = [r for r in report.requirements if r.how == "translation"]
    # e.g. "project management" met by "gestion de projet": different words, same ESCO id
    assert any(r.evidence and r.offer_text.lower() not in r.evidence.lower() for r in translated)
    assert report.components["hard_skills"] >= 0.5
    assert all("uniquement" in r.message or "À corriger" in r.message or "Alignez" in r.message
               or "L'offre" in r.message or "Illustrez" in r.message or "Mentionnez" in r.message
               or "Nommez" in r.message for r in report.recommendations)


def test_scanned_cv_gives_a_failed_check_not_a_crash(samples: Path,
                                                      analyst_offer: ParsedDocument) -> None:
    report = match(samples / "cv_fr_infirmiere_scanned.pdf", analyst_offer)
    assert report.score == 0
    readable = report.checks[0]
    assert readable.code == "readable" and readable.status == "fail"
    assert "scann" in readable.message  # French offer: French message
    assert report.recommendations[0].code == "check:readable"
    assert all(r.status == "missing" for r in report.requirements if r.kind == "hard")


@pytest.mark.parametrize("content", ["", "   \n\n  "])
def test_empty_cv_gives_a_failed_check(tmp_path: Path, content: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(content, encoding="utf-8")
    for cv in (empty, str(empty), content):
        report = match(cv, EN_OFFER)
        assert report.score == 0
        assert report.checks[0].status == "fail"
        assert "no readable text" in report.checks[0].message


def test_inputs_can_be_paths_path_strings_or_text(fr_cv_docx: Path) -> None:
    from_path = match(fr_cv_docx, EN_OFFER)
    from_string = match(str(fr_cv_docx), EN_OFFER)
    assert from_path.score == from_string.score
    from_text = match("\n".join(FR_CV_LINES), EN_OFFER)
    assert from_text.cv is not None and from_text.cv.format == "text"
    assert abs(from_text.score - from_path.score) < 15  # same content, another file type


def test_a_missing_file_path_is_an_error_not_an_empty_cv(tmp_path: Path) -> None:
    from analysis.errors import DocumentError

    with pytest.raises(DocumentError) as caught:
        match(str(tmp_path / "no-such-cv.pdf"), EN_OFFER)
    assert caught.value.code == "not_found"


HOSTILE_CVS = [
    "<script>alert(1)</script>\n" * 40,
    "\x00\x01\x02 Python \x07 SQL \x1b[31m red \x1b[0m\n" * 20,
    "🙂" * 3000,
    "Développeur " + "x" * 20000,
    "عربي  עברית  Python  SQL\n" * 30,
    "- \n• \n* \n" * 200,
    "2019 - 2018\n13/2020 – 00/1999\n" * 10,
    "1234567890 " * 500,
]


@pytest.mark.parametrize("text", HOSTILE_CVS, ids=range(len(HOSTILE_CVS)))
def test_hostile_cv_text_gives_a_report_not_a_crash(text: str) -> None:
    import io

    from analysis.reporting import to_docx, to_html, to_markdown

    report = match(text, EN_OFFER)
    assert 0 <= report.score <= 100
    assert report.checks and all(c.status in {"pass", "warn", "fail"} for c in report.checks)
    assert "<script>" not in to_html(report)
    assert to_markdown(report).startswith("#")
    docx.Document(io.BytesIO(to_docx(report)))  # opens


def test_account_manager_rows_read_the_degree_and_the_preferred_language(samples: Path) -> None:
    report = match(samples / "cv_en_account_manager_web.pdf",
                   samples / "offer_en_account_manager.pdf")
    rows = {r.kind: r for r in report.requirements if r.kind in ("education", "language")}
    # "BA Business Administration" is a bachelor's: the row is met and quotes that CV line
    assert rows["education"].status == "matched"
    assert rows["education"].label == "Bachelor's degree"  # in the report's language
    assert rows["education"].evidence == "BA Business Administration 2011 - 2015"
    # "Spanish is a plus" under "Preferred qualifications"; the CV says "Spanish: B2"
    spanish = next(r for r in report.requirements if r.id == "language:es")
    assert spanish.importance == "preferred" and spanish.status == "matched"
    assert "Spanish" in (spanish.evidence or "")
    # "Bachelor's degree in business" is the education row's, not a missing hard skill
    assert not [r for r in report.requirements
                if r.kind == "hard" and "degree" in r.label.lower()]
    assert not any("degree" in r.message.lower() for r in report.recommendations)


def test_an_education_level_is_never_a_skill_row(analyst_cv: ParsedDocument,
                                                 analyst_offer: ParsedDocument) -> None:
    report = match(analyst_cv, analyst_offer)
    # the offer's "Bac+5" is a taxonomy keyword; the education row alone reads it
    assert [r.kind for r in report.requirements if "bac+5" in r.label.lower()] == ["education"]


def test_a_tool_partly_meets_the_competence_of_its_group(analyst_cv: ParsedDocument,
                                                        analyst_offer: ParsedDocument) -> None:
    row = next(r for r in match(analyst_cv, analyst_offer).requirements
               if r.label == "informatique décisionnelle")
    # the CV names no "business intelligence", but its Power BI dashboards are that
    assert (row.status, row.how) == ("partial", "related")
    assert "Power BI" in (row.evidence or "")
