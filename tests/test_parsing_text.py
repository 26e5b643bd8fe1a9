"""Normalisation, section headings, contact details and PDF warnings on small real inputs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from analysis.parsing import WARNING_CODES, parse_document, parse_text
from analysis.parsing.contact import find_contact, find_phone
from analysis.parsing.normalise import fix_encoding, normalise_lines, valid_unicode
from analysis.parsing.sections import heading_name
from tests.parsing_helpers import draw_lines, make_pdf


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("EXPÉRIENCES PROFESSIONNELLES", "experience"),
        ("Expériences professionnelles :", "experience"),
        ("Experience professionnelle", "experience"),
        ("E X P É R I E N C E", None),  # letter-spaced: joined by normalisation first
        ("Work history", "experience"),
        ("WORK EXPERIENCE", "experience"),
        ("Formation", "education"),
        ("Diplômes et formations", "education"),
        ("Compétences", "skills"),
        ("COMPÉTENCES TECHNIQUES", "skills"),
        ("Compétences et outils", "skills"),
        ("Skills & Tools", "skills"),
        ("Centres d'intérêt", "interests"),
        ("Centres d’intérêt", "interests"),
        ("Langues", "languages"),
        ("Certifications", "certifications"),
        ("Projets personnels", "projects"),
        ("À propos", "summary"),
        ("Professional Summary", "summary"),
        ("Nice to have", "other"),
        ("1. Expérience professionnelle", "experience"),
        ("II. Formation", "education"),
        ("■ COMPÉTENCES", "skills"),
        ("— Skills —", "skills"),
        ("EXPÉRIENCE ____", "experience"),
        ("\uf0b1 Expériences", "experience"),  # an icon-font glyph before the title
        ("Compétences : Python, SQL, Power BI", None),  # content, not a heading
        ("J'ai acquis une solide expérience.", None),
    ],
)
def test_heading_variants(line: str, name: str | None) -> None:
    assert heading_name(line) == name


def test_letter_spaced_heading_becomes_a_section() -> None:
    doc = parse_text("Jane Doe\nE X P É R I E N C E\nComptable chez Bocage, 2015 - 2020")
    assert "EXPÉRIENCE" in doc.text
    assert [s.name for s in doc.sections] == ["contact", "experience"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tél. : 06 12 34 56 78", "+33 6 12 34 56 78"),
        ("06.12.34.56.78", "+33 6 12 34 56 78"),
        ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("+33 (0)1 42 68 53 00", "+33 1 42 68 53 00"),
        ("0033 1 42 68 53 00", "+33 1 42 68 53 00"),
        ("Phone: +44 20 7946 0958", "+44 20 7946 0958"),
        ("+1 (415) 555-0142", "+1 415-555-0142"),
        ("2019 2021 Data analyst", None),
        ("Budget de 1 200 000 euros", None),
    ],
)
def test_phone_formats(text: str, expected: str | None) -> None:
    assert find_phone(text) == expected


def test_contact_in_a_one_line_header() -> None:
    text = (
        "MARIE-CLAIRE DUPONT\nResponsable RH\n"
        "12 rue des Lilas, 75011 Paris · marie-claire.dupont@exemple.fr · 07 11 22 33 44 · "
        "https://www.linkedin.com/in/mcdupont/\nPROFIL\nRH depuis 10 ans."
    )
    contact = find_contact(text)
    assert contact.name == "MARIE-CLAIRE DUPONT"
    assert contact.email == "marie-claire.dupont@exemple.fr"
    assert contact.phone == "+33 7 11 22 33 44"
    assert contact.linkedin == "https://www.linkedin.com/in/mcdupont"
    assert contact.location == "75011 Paris"


@pytest.mark.parametrize(
    ("head", "name"),
    [
        ("Jean de La Fontaine\njean.delafontaine@exemple.fr", "Jean de La Fontaine"),
        ("MOREAU Camille\nData Analyst\ncamille.moreau@exemple.fr", "MOREAU Camille"),
        ("Data Analyst Senior Python Lead\nSarah El Amrani\nsarah@exemple.fr", "Sarah El Amrani"),
    ],
)
def test_name_variants(head: str, name: str) -> None:
    assert find_contact(head).name == name


def test_icon_font_glyphs_are_dropped() -> None:
    doc = parse_text("Jane Doe\n\uf095 06 12 34 56 78  \uf0e0 jane@example.com\nSkills\nPython")
    assert "06 12 34 56 78 jane@example.com" in doc.text
    assert doc.contact.phone == "+33 6 12 34 56 78"


def test_offer_without_contact_has_no_name() -> None:
    doc = parse_text("Marketing Project Manager\nCompany: Northbridge\nEssential\n- Jira")
    assert doc.contact.name is None and doc.contact.email is None


def test_normalisation_of_whitespace_bullets_and_hyphens() -> None:
    lines = [
        "Gestion\u00a0de\tprojet  agile",
        "",
        "",
        "\uf0b7 Reporting mensuel",
        "➢ Suivi budgétaire",
        "- Animation d'équipe",
        "•",
        "co\u2011construction du plan, 2019\u20132021",
        "Déve\u00adloppement",
        "Conception d’applica\u00ad",
        "tions",
    ]
    assert normalise_lines(lines) == (
        "Gestion de projet agile\n\n• Reporting mensuel\n• Suivi budgétaire\n"
        "• Animation d'équipe\nco-construction du plan, 2019–2021\nDéveloppement\n"
        "Conception d’applications"
    )


def test_mojibake_and_clean_text() -> None:
    assert fix_encoding("Ã‰quipe, sautÃ©, rÃ©fÃ©rent") == ("Équipe, sauté, référent", True)
    assert fix_encoding("Équipe, sauté, référent") == ("Équipe, sauté, référent", False)


def test_surrogates_are_joined_or_dropped() -> None:
    assert valid_unicode("tel \ud83d\udcde 06") == "tel \U0001f4de 06"  # a pair: the emoji
    assert valid_unicode("a\ud80db\udcde") == "ab"  # halves alone: dropped
    doc = parse_text("Senior Python developer \ud83d\udcde 0612345678 \ud80d, SQL and Git")
    assert doc.text.encode("utf-8")  # encodable: the detector, database and exports need it
    assert "\U0001f4de" in doc.text and "\ud80d" not in doc.text
    assert doc.language == "en"


def test_mojibake_in_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("CompÃ©tences\nGestion de projet, rigueur et mÃ©thode", encoding="utf-8")
    doc = parse_document(path)
    assert doc.text.startswith("Compétences\n") and doc.has_warning("encoding_repaired")


def test_pdf_images_tables_and_long_document_warnings(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.new("RGB", (120, 120), "navy").save(buf, format="PNG")
    logo = ImageReader(io.BytesIO(buf.getvalue()))

    def draw(c: Canvas) -> None:
        c.drawImage(logo, 400, 700, 120, 120)
        draw_lines(c, ["Skill level chart below", "Experience in accounting and audit"])
        c.setFont("Helvetica", 10)
        for row, cells in enumerate(
            [
                ("Tool", "Level", "Years"),
                ("SAP", "Expert", "6"),
                ("Excel", "Expert", "9"),
                ("Cegid", "Good", "3"),
            ]
        ):
            for col, cell in enumerate(cells):
                c.drawString(60 + 150 * col, 600 - 16 * row, cell)
        draw_lines(c, ["Filler sentence about the work done on this page."] * 5, y=500)

    doc = parse_document(make_pdf(tmp_path / "w.pdf", draw, pages=4))
    assert doc.has_warning("images") and doc.has_warning("tables")
    assert doc.has_warning("long_document")
    for warning in doc.warnings:
        assert warning.code in WARNING_CODES and warning.message


def test_plain_one_page_pdf_has_no_warning(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        draw_lines(c, ["Jane Doe", "Accountant", "Eight years of audit and closing work."])

    assert parse_document(make_pdf(tmp_path / "plain.pdf", draw)).warnings == ()
