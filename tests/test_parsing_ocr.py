"""OCR of image-only files with Tesseract (skipped only where Tesseract is not installed)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from analysis.parsing import parse_document
from analysis.parsing.ocr import tesseract_available
from tests.parsing_helpers import DEJAVU

pytestmark = pytest.mark.skipif(not tesseract_available(), reason="Tesseract is not installed")


@pytest.fixture(scope="module")
def scanned(samples: Path):  # type: ignore[no-untyped-def]
    """The scanned sample CV, read with OCR once."""
    return parse_document(samples / "cv_fr_infirmiere_scanned.pdf", ocr=True)


def test_ocr_reads_a_scanned_pdf(scanned) -> None:  # type: ignore[no-untyped-def]
    assert scanned.format == "pdf" and scanned.language == "fr"
    assert scanned.has_warning("ocr") and not scanned.has_warning("glued_words")
    assert scanned.contact.email == "ines.benali@exemple.fr"
    assert scanned.contact.name == "Inès Benali"
    assert "Formé 10 nouveaux infirmiers aux protocoles de triage." in scanned.text
    assert "• Formé 10 nouveaux" in scanned.text  # bullet glyphs are not read as '+' or '¢'


def test_ocr_reads_an_image_file_in_column_order() -> None:
    image = Image.new("L", (1700, 1000), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(DEJAVU), 30)
    left = ["SKILLS", "Python, SQL and pandas", "Power BI reporting", "Team work and listening"]
    left += ["Clear written reports", "LANGUAGES", "English C1 (TOEIC 915)", "French native"]
    right = ["EXPERIENCE", "Data analyst at Lumen", "Built twelve dashboards"]
    right += ["Trained thirty users", "Automated monthly reports", "EDUCATION"]
    right += ["Master in statistics", "Lyon University"]
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        draw.text((80, 80 + 60 * i), a, fill=0, font=font)
        draw.text((800, 80 + 60 * i), b, fill=0, font=font)
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(200, 200))
    doc = parse_document(buf.getvalue(), "cv.png", ocr=True)
    assert doc.format == "image", doc.text
    assert doc.text.index("French native") < doc.text.index("EXPERIENCE"), doc.text
    assert doc.has_warning("multi_column")
