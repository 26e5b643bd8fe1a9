"""`cvscope match` end to end: JSON, Markdown, HTML/DOCX files, stdin, exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from analysis.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def cv(samples: Path) -> str:
    return str(samples / "cv_en_backend_developer.pdf")


@pytest.fixture(scope="module")
def offer(samples: Path) -> str:
    return str(samples / "offer_en_backend_developer.txt")


def test_json_is_one_document_on_stdout(cv: str, offer: str) -> None:
    result = runner.invoke(app, ["match", cv, offer, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert 0 <= data["score"] <= 100
    assert data["cv_language"] == data["offer_language"] == "en"
    assert data["requirements"] and data["checks"]


def test_markdown_and_report_files(cv: str, offer: str, tmp_path: Path) -> None:
    html_out, docx_out = tmp_path / "report.html", tmp_path / "report.docx"
    result = runner.invoke(app, ["match", cv, offer, "--markdown", "--html", str(html_out),
                                 "--docx", str(docx_out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# CVScope match report")
    assert "## Requirements" in result.stdout and "/ 100" in result.stdout
    assert html_out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    document = docx.Document(io.BytesIO(docx_out.read_bytes()))
    assert any("/ 100" in p.text for p in document.paragraphs)


def test_offer_from_stdin(cv: str, offer: str) -> None:
    text = Path(offer).read_text(encoding="utf-8")
    from_stdin = runner.invoke(app, ["match", cv, "-", "--json"], input=text.encode("utf-8"))
    from_file = runner.invoke(app, ["match", cv, offer, "--json"])
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert json.loads(from_stdin.stdout)["score"] == json.loads(from_file.stdout)["score"]


def test_human_output(cv: str, offer: str) -> None:
    result = runner.invoke(app, ["match", cv, offer])
    assert result.exit_code == 0
    assert "Match score" in result.stdout and "Recommendations" in result.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["missing-cv.pdf", "OFFER"], "not_found"),
        (["-", "-"], "invalid_argument"),
        (["CV", "OFFER", "--json", "--markdown"], "invalid_argument"),
        (["SCANNED", "OFFER", "--json"], "no_text_layer"),
    ],
)
def test_input_errors_exit_2_with_one_line(args: list[str], code: str, cv: str, offer: str,
                                           samples: Path) -> None:
    paths = {"CV": cv, "OFFER": offer,
             "SCANNED": str(samples / "cv_fr_infirmiere_scanned.pdf")}
    result = runner.invoke(app, ["match", *[paths.get(a, a) for a in args]])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {code}: ")


def test_human_output_prints_markup_like_cv_text_verbatim(offer: str) -> None:
    cv_text = ("Jane Doe [/red] [bold]Backend developer[/]\njane@example.com\nExperience\n"
               "- Built Python [link=x]APIs[/link] with PostgreSQL and Docker for 3 teams\n")
    result = runner.invoke(app, ["match", "-", offer], input=cv_text.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert "Match score" in result.stdout
