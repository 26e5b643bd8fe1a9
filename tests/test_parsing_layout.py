"""PDF layout problems: columns, glued words, kerning, ligatures, hyphenation, running
headers/footers, over-printed text, mojibake."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from analysis.parsing import parse_document
from analysis.parsing.pdf_chars import Glyph
from analysis.parsing.pdf_layout import build_lines, reading_order
from tests.parsing_helpers import (
    draw_lines,
    draw_words_without_spaces,
    make_pdf,
    unicode_font,
    word_similarity,
)

PARAGRAPH = (
    "Responsible for implementing and managing the migration of twelve services to a new "
    "cloud platform with automated tests"
)


@pytest.mark.parametrize(
    "stem",
    [
        "cv_fr_data_analyst",
        "cv_en_backend_developer",
        "cv_fr_chef_de_projet_marketing_web",
        "cv_en_account_manager_web",
    ],
)
def test_two_column_cv_reads_like_its_one_column_twin(samples: Path, stem: str) -> None:
    two = parse_document(samples / f"{stem}_2col.pdf")
    one = parse_document(samples / f"{stem}.pdf")
    assert two.has_warning("multi_column") and not one.has_warning("multi_column")
    assert word_similarity(two.text, one.text) >= 0.95
    assert [s.name for s in two.sections] == [s.name for s in one.sections]


def test_two_columns_are_not_interleaved_line_by_line(samples: Path) -> None:
    doc = parse_document(samples / "cv_fr_data_analyst_2col.pdf")
    skills = next(s for s in doc.sections if s.name == "skills")
    body = doc.text[skills.start : skills.end]
    assert "Power BI, Tableau" in body  # sidebar lines stay together
    assert "Groupe Lumen" not in body  # no main-column text leaks into the sidebar section


def test_label_column_is_not_split_off(tmp_path: Path) -> None:
    """Dates in a narrow left column belong to the line they sit on."""

    def draw(c: Canvas) -> None:
        c.setFont("Helvetica", 10)
        y = 760
        for year, job in [
            ("2021", "Data analyst at Lumen, dashboards and SQL reporting for sales teams"),
            ("2019", "Statistician at Horizon, churn models and monthly insurance indicators"),
            ("2018", "Intern at Banque Rhone, cleaning a customer database of two million rows"),
            ("2016", "Master in statistics and big data at the University of Lyon, with honours"),
            ("2014", "Bachelor in applied mathematics at the University of Lyon, first class"),
            ("2012", "Baccalaureate in sciences, Lycee du Parc, Lyon, with distinction"),
        ]:
            c.drawString(60, y, year)
            c.drawString(140, y, job)
            y -= 14

    doc = parse_document(make_pdf(tmp_path / "labels.pdf", draw))
    assert "2021 Data analyst at Lumen" in doc.text
    assert not doc.has_warning("multi_column")


def test_words_without_space_glyphs_are_separated(samples: Path, tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        draw_words_without_spaces(c, PARAGRAPH, 60, 700)
        draw_words_without_spaces(c, "Jane Doe, jane@example.com", 60, 760, size=14)

    doc = parse_document(make_pdf(tmp_path / "glued.pdf", draw))
    assert PARAGRAPH in doc.text
    assert doc.has_warning("glued_words")
    sample = parse_document(samples / "cv_en_account_manager_nospace.pdf")
    assert "Grew a portfolio of 35 enterprise accounts from $4.1M to $6.8M ARR." in sample.text
    assert sample.text.count("WORK HISTORY") == 1  # the heading is over-printed 6 times


def test_odd_kerning_does_not_split_words(tmp_path: Path) -> None:
    """Letters spaced by kerning (well under a space) stay one word; tabs become one space."""

    def draw(c: Canvas) -> None:
        c.setFont("Helvetica", 10)
        x = 60.0
        for ch in "Kubernetes":
            c.drawString(x, 700, ch)
            x += c.stringWidth(ch, "Helvetica", 10) + 0.6  # 0.06 em of extra kerning
        c.drawString(60, 680, "Python")
        c.drawString(260, 680, "Django")  # far apart, as with a tab stop
        c.drawString(60, 660, "Filler line so that the page has enough text to be read.")

    doc = parse_document(make_pdf(tmp_path / "kern.pdf", draw))
    assert "Kubernetes" in doc.text.split()
    assert "Python Django" in doc.text  # one space, whatever the gap


def test_ligatures_bullets_and_dashes_are_normalised(tmp_path: Path) -> None:
    font = unicode_font()

    def draw(c: Canvas) -> None:
        draw_lines(
            c,
            ["Proﬁl ﬂexible en ﬁnance, eﬃcace", "▪ Budget 2019 — 2021 ‐ suivi", "● Reporting"],
            font=font,
        )

    doc = parse_document(make_pdf(tmp_path / "lig.pdf", draw))
    assert "Profil flexible en finance, efficace" in doc.text
    assert "• Budget 2019 — 2021 - suivi" in doc.text
    assert "• Reporting" in doc.text


def test_end_of_line_hyphenation_is_joined(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        draw_lines(
            c,
            [
                "Développement d’applica-",
                "tions web pour les équipes métier, savoir-",
                "être et rigueur, linkedin.com/in/julien-petit-",
                "marketing",
            ],
        )

    doc = parse_document(make_pdf(tmp_path / "hyph.pdf", draw))
    assert "d’applications" in doc.text
    assert "applica-" not in doc.text
    assert "savoir-être" in doc.text  # a compound keeps its hyphen
    assert "linkedin.com/in/julien-petit-marketing" in doc.text


def test_running_headers_and_page_numbers_are_removed(samples: Path) -> None:
    doc = parse_document(samples / "cv_fr_chef_de_projet_marketing.pdf")
    assert "Page 1/2" not in doc.text and "Page 2/2" not in doc.text
    assert doc.text.count("Julien Petit – Chef de projet marketing digital") == 1
    assert doc.has_warning("header_footer_text")


def test_overprinted_glyphs_are_dropped() -> None:
    """LaTeX bold: every glyph of a heading drawn several times with sub-point offsets."""
    glyphs = []
    for k in range(8):
        x = 50.0 + 0.15 * k
        for ch in "SKILLS":
            glyphs.append(Glyph(x, x + 7.0, 700.0 + 0.05 * k, 12.0, ch))
            x += 7.0
    x = 50.0
    for ch in "Python":  # a second line, drawn once
        glyphs.append(Glyph(x, x + 6.0, 680.0, 12.0, ch))
        x += 6.0
    lines, dropped = build_lines(glyphs)
    assert [line.text for line in lines] == ["SKILLS", "Python"]
    assert dropped == 7 * 6


def test_duplicated_text_layer_in_a_real_pdf(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        c.setFont("Helvetica-Bold", 12)
        for k in range(5):  # one glyph per string: no object-level duplicate for pdfium
            x = 60 + 0.25 * k
            for ch in "EXPERIENCE":
                c.drawString(x, 760, ch)
                x += c.stringWidth(ch, "Helvetica-Bold", 12)
        draw_lines(c, ["Accountant at Bocage Industries, 2015 - 2020"], y=740)

    doc = parse_document(make_pdf(tmp_path / "dup.pdf", draw))
    assert doc.text.startswith("EXPERIENCE\n")


def test_mojibake_inside_a_pdf_is_repaired(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        draw_lines(c, ["ExpÃ©rience : dÃ©veloppÃ© une application sautÃ©e", "Ã€ propos de moi"])

    doc = parse_document(make_pdf(tmp_path / "moji.pdf", draw))
    assert "Expérience : développé une application sautée" in doc.text
    assert doc.has_warning("encoding_repaired")


def test_gutter_detection_on_synthetic_columns() -> None:
    glyphs = []
    for row in range(12):
        y = 700.0 - 14 * row
        for x, word in ((40.0, f"left{row}"), (320.0, f"right{row}")):
            glyphs.append(Glyph(x, x + 200.0, y, 12.0, word))  # two wide text columns
    lines, _ = build_lines(glyphs)
    blocks, split = reading_order(lines)
    order = [w.text for block in blocks for line in block for w in line.words]
    assert split
    assert order == [f"left{i}" for i in range(12)] + [f"right{i}" for i in range(12)]


def test_a_glyph_far_off_the_page_does_not_stall_gutter_search() -> None:
    """A mutated PDF put one glyph 700 million points to the right: the gutter search counted
    coverage per point over that width (a list of 700 million ints) and never finished."""
    glyphs = [Glyph(x, x + 200.0, 700.0 - 14 * row, 12.0, f"{side}{row}")
              for row in range(12) for x, side in ((40.0, "left"), (320.0, "right"))]
    glyphs.append(Glyph(7.0e8, 7.0e8 + 6.0, 700.0, 12.0, "n"))
    lines, _ = build_lines(glyphs)
    start = time.monotonic()
    blocks, _ = reading_order(lines)
    assert time.monotonic() - start < 5  # a hang guard: it takes milliseconds
    words = sorted(w.text for block in blocks for line in block for w in line.words)
    assert words == sorted(g.text for g in glyphs)


def test_full_width_top_then_two_columns(tmp_path: Path) -> None:
    """A wide header and summary above two columns: each column is read on its own."""
    summary = [
        "Project manager with ten years of experience leading multichannel marketing campaigns",
        "for retail and food brands, from planning and budgeting to delivery and reporting, with",
        "teams of designers, copywriters and media buyers across three countries and agencies.",
        "Certified PRINCE2 practitioner and Scrum master, fluent in English, French and German.",
        "Known for calm delivery under pressure, clear reporting and long client relationships.",
        "Looking for a senior role in a retail group with an international marketing scope now.",
    ]
    left = [f"Left column skill number {i} with detail" for i in range(14)]
    right = [f"Right column experience bullet number {i} with figures" for i in range(14)]

    def draw(c: Canvas) -> None:
        draw_lines(c, ["Olivia Bennett", "Marketing Project Manager"], size=14, y=790)
        draw_lines(c, summary, y=740)
        draw_lines(c, left, x=50, y=640)
        draw_lines(c, right, x=300, y=637)

    doc = parse_document(make_pdf(tmp_path / "mixed.pdf", draw))
    text = doc.text
    assert text.index(summary[-1]) < text.index(left[0])
    assert text.index(left[-1]) < text.index(right[0])  # not interleaved
    assert doc.has_warning("multi_column")


def test_right_aligned_dates_stay_on_their_line(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        c.setFont("Helvetica", 10)
        y = 780
        for i in range(8):
            c.drawString(60, y, f"Job title number {i} – Company {i}, Lyon")
            c.drawRightString(540, y, f"20{10 + i} – 20{11 + i}")
            y -= 14
            c.drawString(72, y, f"• Achieved a result worth {i + 2}0 % more sales with the team")
            y -= 14

    doc = parse_document(make_pdf(tmp_path / "dates.pdf", draw))
    assert "Job title number 3 – Company 3, Lyon 2013 – 2014" in doc.text
    assert not doc.has_warning("multi_column")


def test_rotated_banner_does_not_break_lines(tmp_path: Path) -> None:
    def draw(c: Canvas) -> None:
        draw_lines(c, ["Jane Doe", "Accountant with eight years of audit experience."], x=80)
        c.saveState()
        c.translate(40, 500)
        c.rotate(90)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(0, 0, "CURRICULUM VITAE")
        c.restoreState()

    doc = parse_document(make_pdf(tmp_path / "rot.pdf", draw))
    assert doc.text.startswith("Jane Doe\nAccountant with eight years of audit experience.")
    assert doc.text.rstrip().endswith("CURRICULUM VITAE")


def test_page_numbers_alone_raise_no_header_warning(tmp_path: Path) -> None:
    page = iter(range(1, 3))

    def draw(c: Canvas) -> None:
        draw_lines(c, ["Accountant with eight years of audit and closing experience."])
        c.drawRightString(540, 25, f"Page {next(page)}/2")

    doc = parse_document(make_pdf(tmp_path / "numbers.pdf", draw, pages=2))
    assert "Page" not in doc.text
    assert not doc.has_warning("header_footer_text")
