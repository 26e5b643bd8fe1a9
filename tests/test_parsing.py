"""parse_document per format (PDF, DOCX, TXT, bytes), sections, contact and language."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from analysis.parsing import (
    Limits,
    ParsedDocument,
    detect_language,
    parse_document,
    parse_text,
)

SAMPLE_CVS = [
    "cv_fr_data_analyst.pdf",
    "cv_fr_data_analyst_2col.pdf",
    "cv_en_backend_developer.pdf",
    "cv_en_backend_developer_2col.pdf",
    "cv_en_account_manager_nospace.pdf",
    "cv_fr_chef_de_projet_marketing.pdf",
    "cv_en_logistics_coordinator.pdf",
    "cv_fr_chef_de_projet_marketing_web_2col.pdf",
    "cv_en_account_manager_web_2col.pdf",
    "cv_fr_comptable_table.docx",
    "cv_fr_infirmiere_header_textbox.docx",
    "cv_en_project_manager.docx",
]


@pytest.fixture(scope="module")
def parsed(samples: Path) -> dict[str, ParsedDocument]:
    """Every readable sample, parsed once."""
    names = SAMPLE_CVS + [p.name for p in samples.glob("offer_*")]
    return {name: parse_document(samples / name) for name in names}


@pytest.mark.parametrize("name", SAMPLE_CVS)
def test_every_sample_cv_has_contact_and_core_sections(
    parsed: dict[str, ParsedDocument], name: str
) -> None:
    doc = parsed[name]
    expected_lang = "fr" if name.startswith("cv_fr") else "en"
    assert doc.language == expected_lang
    assert doc.contact.email and doc.contact.email in doc.text or doc.format == "docx"
    assert doc.contact.phone and doc.contact.phone.startswith("+")
    assert doc.contact.linkedin and "linkedin.com/in/" in doc.contact.linkedin
    assert doc.contact.name and len(doc.contact.name.split()) == 2
    assert doc.contact.location
    names = [s.name for s in doc.sections]
    for needed in ("experience", "education", "skills", "languages"):
        assert needed in names, (name, names)
    for s in doc.sections:  # offsets are into the text, ordered, non-overlapping
        assert 0 <= s.start < s.end <= len(doc.text)
        if s.title:
            assert s.title in doc.text[s.start : s.end]
    assert [s.start for s in doc.sections] == sorted(s.start for s in doc.sections)


def test_section_offsets_hold_the_right_text(parsed: dict[str, ParsedDocument]) -> None:
    doc = parsed["cv_fr_data_analyst.pdf"]
    exp = next(s for s in doc.sections if s.name == "experience")
    edu = next(s for s in doc.sections if s.name == "education")
    assert "Groupe Lumen Distribution" in doc.text[exp.start : exp.end]
    assert "Université Lyon 2" in doc.text[edu.start : edu.end]
    assert "Université Lyon 2" not in doc.text[exp.start : exp.end]
    assert doc.section_at(doc.text.index("Groupe Lumen")) == "experience"


def test_contact_details_of_a_french_cv(parsed: dict[str, ParsedDocument]) -> None:
    contact = parsed["cv_fr_data_analyst_2col.pdf"].contact
    assert contact.name == "Camille Moreau"
    assert contact.email == "camille.moreau@exemple.fr"
    assert contact.phone == "+33 6 12 34 56 78"
    assert contact.location == "Lyon (69)"


def test_pdf_basics_and_sha256(samples: Path, parsed: dict[str, ParsedDocument]) -> None:
    path = samples / "cv_fr_chef_de_projet_marketing.pdf"
    doc = parsed[path.name]
    assert doc.format == "pdf" and doc.pages == 2
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.source == str(path)
    assert "Augmenté le trafic organique de 65 %" in doc.text


def test_bytes_input_with_and_without_filename(samples: Path) -> None:
    data = (samples / "cv_en_project_manager.docx").read_bytes()
    doc = parse_document(data, "upload.docx")
    assert doc.format == "docx" and doc.source == "upload.docx"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    pdf = (samples / "cv_en_backend_developer.pdf").read_bytes()
    assert parse_document(pdf).format == "pdf"  # magic bytes are enough
    assert parse_document(pdf, "renamed.txt").format == "pdf"  # magic wins over the name


def test_docx_table_layout_reads_every_cell_once(parsed: dict[str, ParsedDocument]) -> None:
    doc = parsed["cv_fr_comptable_table.docx"]
    assert doc.has_warning("tables")
    assert "Français | natif" in doc.text  # nested table row kept on one line
    assert doc.text.count("Atlantique Menuiseries") == 1
    assert "linkedin.com/in/sophie-lambert-compta" in doc.text  # hyperlink text
    assert "• Assuré la tenue comptable" in doc.text  # list paragraphs keep a bullet


def test_docx_header_and_text_box(parsed: dict[str, ParsedDocument]) -> None:
    doc = parsed["cv_fr_infirmiere_header_textbox.docx"]
    assert doc.contact.name == "Inès Benali"
    assert doc.contact.email == "ines.benali@exemple.fr"
    assert doc.has_warning("header_footer_text") and doc.has_warning("text_box")
    # Word stores each text box twice (DrawingML + VML fallback): read it once
    assert doc.text.count("Soins techniques : perfusions") == 1
    assert doc.section_at(doc.text.index("Soins techniques")) == "skills"
    assert doc.text.index("Inès Benali") < doc.text.index("EXPÉRIENCES")  # header first


def test_plain_docx_without_layout_warnings(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("Jane Doe")
    document.add_paragraph("jane.doe@example.com")
    document.add_heading("Experience", level=2)
    document.add_paragraph("Nurse at Saint Mary's Hospital, 2019 - 2023, caring for patients.")
    path = tmp_path / "plain.docx"
    document.save(str(path))
    doc = parse_document(path)
    assert doc.warnings == ()
    assert doc.contact.name == "Jane Doe"
    assert [s.name for s in doc.sections] == ["contact", "experience"]


def test_txt_latin1_utf8_utf16(samples: Path, tmp_path: Path) -> None:
    latin = parse_document(samples / "offer_fr_infirmiere.txt")
    assert latin.format == "txt" and "Infirmière diplômé(e) d'État" in latin.text
    text = "Compétences : gestion de projet, rigueur.\nExpérience : 5 ans à Besançon."
    for name, data in {
        "utf8.txt": text.encode("utf-8"),
        "utf8bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),
        "utf16le_nobom.txt": text.encode("utf-16-le"),
        "cp1252.txt": text.encode("cp1252"),
    }.items():
        (tmp_path / name).write_bytes(data)
        doc = parse_document(tmp_path / name)
        assert doc.text == text, name
        assert doc.language == "fr"


def test_parse_text_for_pasted_offers(samples: Path) -> None:
    raw = (samples / "offer_en_backend_developer.txt").read_text("utf-8")
    doc = parse_text(raw)
    assert doc.format == "text" and doc.source == "<text>" and doc.language == "en"
    titles = [s.title for s in doc.sections]
    assert "Requirements (must have)" in titles and "Nice to have" in titles
    assert doc.sha256 == hashlib.sha256(raw.encode()).hexdigest()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Développeur Python confirmé", "fr"),
        ("Senior Python developer", "en"),
        ("Gestion de projet", "fr"),
        ("Project management", "en"),
        ("Infirmière aux urgences", "fr"),
        ("Comptable unique", "fr"),
        ("Key account manager, B2B sales", "en"),
        ("Maîtrise de SQL et Power BI indispensable", "fr"),
        ("Strong SQL and Power BI skills required", "en"),
    ],
)
def test_language_on_short_texts(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_limits_are_configurable(samples: Path) -> None:
    limits = Limits(max_pages=5)
    assert parse_document(samples / "cv_fr_chef_de_projet_marketing.pdf", limits=limits).pages == 2


def test_concurrent_reads_from_threads_match_sequential(samples: Path) -> None:
    """Streamlit serves sessions from threads; pdfium is not thread-safe (reads are locked)."""
    from concurrent.futures import ThreadPoolExecutor

    files = [samples / name for name in SAMPLE_CVS] * 3
    expected = {path: parse_document(path).text for path in files}
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(lambda p: parse_document(p).text, files))
    assert texts == [expected[path] for path in files]


def test_docx_page_number_footer_is_not_content(tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    for line in ("Jane Doe", "jane@example.com", "Accountant, eight years of audit."):
        document.add_paragraph(line)
    footer = document.sections[0].footer.paragraphs[0]
    for run in (
        '<w:fldChar w:fldCharType="begin"/>',
        "<w:instrText> PAGE </w:instrText>",
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>1</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    ):
        footer._p.append(parse_xml(f"<w:r {nsdecls('w')}>{run}</w:r>"))
    document.save(str(tmp_path / "pn.docx"))
    doc = parse_document(tmp_path / "pn.docx")
    assert doc.text == "Jane Doe\njane@example.com\nAccountant, eight years of audit."
    assert not doc.has_warning("header_footer_text")


def test_long_texts_use_the_light_detector_with_the_same_answers(
        parsed: dict[str, ParsedDocument]) -> None:
    from lingua import Language

    from analysis.parsing import language

    long_texts = [doc.text[:2000] for doc in parsed.values()]
    assert len(long_texts) >= 15 and {d.language for d in parsed.values()} == {"fr", "en"}
    full = language._detector(low_accuracy=False)
    for text in long_texts:
        values = {c.language: c.value for c in full.compute_language_confidence_values(text)}
        expected = "fr" if values[Language.FRENCH] > values[Language.ENGLISH] else "en"
        assert detect_language(text) == expected
    # Long texts went through the low-accuracy detector; short ones still use the full one.
    assert language._detector.cache_info().currsize == 2
    language._detector.cache_clear()
    detect_language(long_texts[0])
    assert language._detector.cache_info().currsize == 1
    assert detect_language("Gestion de projet") == "fr"
    assert language._detector.cache_info().currsize == 2
