"""Every error code of the reader, through the API and the CLI (one line, exit 2)."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from analysis.cli import app
from analysis.errors import (
    CorruptError,
    DocumentError,
    EmptyError,
    EncryptedError,
    NoTextLayerError,
    NotFoundError,
    TooLargeError,
    UnsupportedFormatError,
)
from analysis.parsing import Limits, parse_document, parse_text
from analysis.parsing.limits import Deadline
from analysis.parsing.normalise import normalise_lines
from analysis.parsing.pdf_reader import _fallback
from tests.parsing_helpers import draw_lines, flate_bomb_pdf, make_pdf, word_similarity

ROOT = Path(__file__).resolve().parents[1]


def _encrypted_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), encrypt=StandardEncryption("secret", canPrint=0))
    canvas.drawString(60, 700, "Jane Doe, accountant, jane@example.com")
    canvas.save()
    return path


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        parse_document(tmp_path / "missing.pdf")


def test_encrypted_pdf(tmp_path: Path) -> None:
    with pytest.raises(EncryptedError, match="password"):
        parse_document(_encrypted_pdf(tmp_path / "locked.pdf"))


def test_owner_password_only_pdf_is_readable(tmp_path: Path) -> None:
    """Restrictions without an open password do not stop an ATS: the text is read."""
    canvas = Canvas(str(tmp_path / "r.pdf"), encrypt=StandardEncryption("", ownerPassword="o"))
    draw_lines(canvas, ["Jane Doe", "Accountant with eight years of experience in audit."])
    canvas.save()
    assert "eight years" in parse_document(tmp_path / "r.pdf").text


def test_scanned_pdf_has_no_text_layer(samples: Path) -> None:
    with pytest.raises(NoTextLayerError) as info:
        parse_document(samples / "cv_fr_infirmiere_scanned.pdf")
    message = str(info.value)
    assert "most ATS will read nothing" in message
    assert "Save as PDF" in message and "DOCX" in message


def test_image_file_has_no_text_layer(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(buf, format="PNG")
    with pytest.raises(NoTextLayerError):
        parse_document(buf.getvalue(), "cv.png")


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("cv.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50, CorruptError),
        ("cv.pdf", b"this is not a pdf at all" * 10, CorruptError),
        ("cv.docx", b"PK\x03\x04" + b"\x00" * 200, CorruptError),
        ("cv.docx", b"not a zip file" * 10, CorruptError),
        ("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, UnsupportedFormatError),
        ("cv.rtf", b"{\\rtf1\\ansi Jane Doe}", UnsupportedFormatError),
        ("cv.odt", b"anything", UnsupportedFormatError),
        ("cv.bin", bytes(range(256)) * 8, UnsupportedFormatError),
        ("cv.txt", b"", EmptyError),
        ("cv.txt", b"   \n\t \n", EmptyError),
        ("cv.txt", b"12 34 -- ..", EmptyError),
    ],
)
def test_bad_bytes(name: str, data: bytes, error: type[DocumentError]) -> None:
    with pytest.raises(error):
        parse_document(data, name)


def test_password_protected_docx_is_encrypted() -> None:
    """Word saves encrypted DOCX files as OLE compound files."""
    with pytest.raises(EncryptedError):
        parse_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "cv.docx")


def test_other_zip_formats_are_unsupported(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError, match="spreadsheet"):
        parse_document(_zip(tmp_path / "cv.docx", {"xl/workbook.xml": b"<x/>"}))


def test_zip_bomb_docx_is_refused(tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.docx", {"word/document.xml": b"\x00" * 80_000_000})
    assert bomb.stat().st_size < 200_000
    with pytest.raises(TooLargeError, match="zip bomb|expands"):
        parse_document(bomb)


def test_docx_with_only_a_picture_has_no_text_layer(tmp_path: Path) -> None:
    from docx import Document

    picture = tmp_path / "scan.png"
    Image.new("RGB", (300, 400), "white").save(picture)
    document = Document()
    document.add_picture(str(picture))
    document.save(str(tmp_path / "scan.docx"))
    with pytest.raises(NoTextLayerError, match="pictures"):
        parse_document(tmp_path / "scan.docx")


def test_pdf_compression_bomb_is_refused_before_pdfium(tmp_path: Path) -> None:
    """pdfium parses a content stream in one uninterruptible call: inflate it first, bounded."""
    bomb = flate_bomb_pdf(tmp_path / "bomb.pdf", inflated_mb=60)
    assert bomb.stat().st_size < 1_000_000
    start = time.monotonic()
    with pytest.raises(TooLargeError, match="compression bomb"):
        parse_document(bomb)
    assert time.monotonic() - start < 5
    small = flate_bomb_pdf(tmp_path / "small.pdf", inflated_mb=1)
    with pytest.raises(TooLargeError):
        parse_document(small, limits=Limits(max_pdf_content=100_000))


def test_blank_pdf_is_empty(tmp_path: Path) -> None:
    with pytest.raises(EmptyError):
        parse_document(make_pdf(tmp_path / "blank.pdf", lambda c: None))


def test_size_page_and_time_limits(samples: Path, tmp_path: Path) -> None:
    cv = samples / "cv_fr_chef_de_projet_marketing.pdf"
    with pytest.raises(TooLargeError, match="MB"):
        parse_document(cv, limits=Limits(max_bytes=1000))
    with pytest.raises(TooLargeError, match="pages"):
        parse_document(cv, limits=Limits(max_pages=1))
    many = make_pdf(tmp_path / "many.pdf", lambda c: draw_lines(c, ["Line of text"] * 40), 25)
    with pytest.raises(TooLargeError, match="longer than"):
        parse_document(many, limits=Limits(timeout_s=0.001))
    assert parse_document(many).pages == 25  # the default limits read it
    with pytest.raises(TooLargeError, match="characters"):
        parse_document(cv, limits=Limits(max_chars_per_page=200))
    with pytest.raises(TooLargeError, match="characters"):
        parse_document(samples / "offer_fr_infirmiere.txt", limits=Limits(max_text_chars=100))


def test_default_size_limit_is_ten_megabytes() -> None:
    with pytest.raises(TooLargeError):
        parse_document(b"a" * (10 * 1024 * 1024 + 1), "big.txt")


def test_parse_text_errors() -> None:
    with pytest.raises(EmptyError):
        parse_text("   ")


def test_cli_parse_json_and_human(samples: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["parse", str(samples / "offer_fr_data_analyst.pdf"), "--json"])
    assert result.exit_code == 0
    import json

    data = json.loads(result.stdout)
    assert data["format"] == "pdf" and data["language"] == "fr"
    assert set(data) >= {"source", "pages", "text", "sections", "contact", "warnings"}
    human = runner.invoke(app, ["parse", str(samples / "cv_fr_comptable_table.docx")])
    assert human.exit_code == 0
    assert "Sophie Lambert" in human.stdout and "tables" in human.stdout


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda d: d / "missing.pdf", "not_found"),
        (lambda d: _encrypted_pdf(d / "locked.pdf"), "encrypted"),
        (lambda d: ROOT / "sample_data" / "cv_fr_infirmiere_scanned.pdf", "no_text_layer"),
        (lambda d: _write(d / "cv.pdf", b"%PDF-1.4 broken" * 20), "corrupt"),
        (lambda d: _write(d / "cv.odt", b"x"), "unsupported_format"),
        (lambda d: _write(d / "cv.txt", b"  "), "empty"),
        (lambda d: _zip(d / "b.docx", {"word/document.xml": b"\x00" * 80_000_000}), "too_large"),
    ],
)
def test_cli_errors_one_line_exit_2(tmp_path: Path, make, code: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = CliRunner().invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {code}: ")
    assert result.stdout == ""


def test_cli_reads_stdin(samples: Path) -> None:
    data = (samples / "cv_fr_comptable_table.docx").read_bytes()
    result = CliRunner().invoke(app, ["parse", "-", "--json"], input=data)
    assert result.exit_code == 0
    assert '"format": "docx"' in result.stdout and "Sophie Lambert" in result.stdout


def test_cli_as_a_real_process(tmp_path: Path) -> None:
    locked = _encrypted_pdf(tmp_path / "locked.pdf")
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "parse", str(locked), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: encrypted: ") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_junk_before_the_pdf_header_is_tolerated(samples: Path) -> None:
    data = (samples / "cv_fr_data_analyst.pdf").read_bytes()
    doc = parse_document(b"\x00" * 3000 + data, "download.pdf")
    assert doc.format == "pdf" and doc.contact.name == "Camille Moreau"


def test_pdfplumber_fallback_reads_like_pdfium(samples: Path) -> None:
    """When pdfium refuses a file, pdfminer's parser feeds the same layout code."""

    path = samples / "cv_fr_data_analyst_2col.pdf"
    raw = _fallback(path.read_bytes(), Limits(), Deadline(30), CorruptError("pdfium"))
    assert raw.warnings and raw.warnings[0].code == "multi_column"
    assert word_similarity(normalise_lines(raw.lines), parse_document(path).text) >= 0.99
    with pytest.raises(CorruptError, match="pdfium"):
        _fallback(b"%PDF-1.4 not really", Limits(), Deadline(30), CorruptError("pdfium"))
