"""`cvscope diagnose` and `cvscope followup` end to end: JSON, human output, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analysis.cli import app
from analysis.diagnosis.classifier import META_FILE, MODEL_DIR

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def _error_line(result, code: str) -> None:  # noqa: ANN001 - click Result
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {code}: "), result.stderr
    assert "Traceback" not in result.output


def test_diagnose_json_with_feedback_file(tmp_path: Path) -> None:
    feedback = tmp_path / "mail.txt"
    feedback.write_text("Hello,\n\nThank you for your time. The technical test showed gaps in "
                        "SQL and data modelling.\n\nBest regards,\nEmma", encoding="utf-8")
    result = runner.invoke(app, ["diagnose", "--stage", "rejected_after_interview",
                                 "--interviews", "2", "--feedback", str(feedback), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdict"] == "later_stage"
    assert data["causes"][0]["code"] == "technical_interview"
    assert data["lang"] == "en"
    assert set(data["probabilities"]) == {"cv_screening", "later_stage"}


def test_diagnose_latin1_feedback_and_human_output(tmp_path: Path) -> None:
    feedback = tmp_path / "retour.txt"
    feedback.write_bytes("Le poste a été pourvu en interne.".encode("latin-1"))
    result = runner.invoke(app, ["diagnose", "--stage", "rejected_before_interview", "--days",
                                 "20", "--feedback", str(feedback)])
    assert result.exit_code == 0, result.output
    assert "Verdict" in result.stdout and "poste fermé ou gelé" in result.stdout
    assert "Que faire" in result.stdout


def test_diagnose_with_cv_and_offer() -> None:
    result = runner.invoke(app, [
        "diagnose", "--stage", "rejected_before_interview", "--days", "1",
        "--cv", str(ROOT / "sample_data/cv_en_logistics_coordinator.pdf"),
        "--offer", str(ROOT / "sample_data/offer_en_backend_developer.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdict"] == "cv_screening"
    assert any("match score" in e.lower() for e in data["evidence"])
    assert any(a.startswith("CV:") for a in data["actions"])


@pytest.mark.parametrize(("args", "code"), [
    (["--stage", "rejected"], "invalid_argument"),
    ([], "invalid_argument"), (["--stage", "no_response", "--days", "abc"], "invalid_argument"),
    (["--stage", "rejected_after_interview", "--interviews", "two"], "invalid_argument"),
    (["--stage", "no_response", "--days", "-4"], "invalid_argument"),
    (["--stage", "no_response", "--lang", "de"], "invalid_argument"),
    (["--stage", "no_response", "--cv", "cv.pdf"], "invalid_argument"),
    (["--stage", "no_response", "--feedback", "missing.txt"], "not_found"),
    (["--stage", "no_response", "--cv", "missing.pdf", "--offer", "missing.txt"], "not_found"),
])
def test_diagnose_input_errors(args: list[str], code: str) -> None:
    _error_line(runner.invoke(app, ["diagnose", *args]), code)


def test_diagnose_inline_feedback_text() -> None:
    result = runner.invoke(app, ["diagnose", "--stage", "rejected_after_final_interview",
                                 "--interviews", "3", "--feedback-text",
                                 "Nous avons retenu un autre finaliste.", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["causes"][0]["code"] == "competition" and data["lang"] == "fr"
    both = runner.invoke(app, ["diagnose", "--stage", "no_response", "--feedback", "x.txt",
                               "--feedback-text", "x"])
    _error_line(both, "invalid_argument")


def test_diagnose_with_a_scanned_cv_blames_the_format() -> None:
    result = runner.invoke(app, [
        "diagnose", "--stage", "rejected_before_interview", "--days", "1", "--json",
        "--cv", str(ROOT / "sample_data/cv_fr_infirmiere_scanned.pdf"),
        "--offer", str(ROOT / "sample_data/offer_fr_infirmiere.txt")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdict"] == "cv_screening"
    assert data["causes"][0]["code"] == "cv_format"
    assert data["causes"][0]["weight"] > 0.4
    assert any("ATS" in e for e in data["evidence"])


def test_diagnose_with_a_corrupt_cv(tmp_path: Path) -> None:
    broken = tmp_path / "cv.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    result = runner.invoke(app, [
        "diagnose", "--stage", "rejected_before_interview", "--cv", str(broken),
        "--offer", str(ROOT / "sample_data/offer_fr_infirmiere.txt")])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ")


def test_diagnose_empty_feedback_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    _error_line(runner.invoke(app, ["diagnose", "--stage", "no_response", "--feedback",
                                    str(empty)]), "empty")


def test_followup_json_and_text() -> None:
    result = runner.invoke(app, ["followup", "--kind", "thank_and_feedback", "--lang", "fr",
                                 "--name", "Camille Durand", "--company", "Acme",
                                 "--interviews", "3", "--sent-on", "2026-11-02", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["channel"] == "phone" and data["send_after"] == "2026-11-03"
    assert "Acme" in data["body"] and data["body"].endswith("Camille Durand")
    text = runner.invoke(app, ["followup", "--kind", "recontact", "--lang", "en",
                               "--position", "[bold]Analyst[/bold]"])
    assert text.exit_code == 0, text.output
    assert "Subject: Getting back in touch" in text.stdout
    assert "[bold]Analyst[/bold]" in text.stdout  # user text printed as is, not as markup


@pytest.mark.parametrize("args", [
    ["--kind", "thanks"], ["--kind", "relaunch", "--lang", "it"], [],
    ["--kind", "relaunch", "--unanswered", "x"], ["--kind", "recontact", "--interviews", "-1"],
    ["--kind", "relaunch", "--unanswered", "2"], ["--kind", "relaunch", "--sent-on", "02/11"],
    ["--kind", "recontact", "--stage", "hired"],
])
def test_followup_input_errors(args: list[str]) -> None:
    _error_line(runner.invoke(app, ["followup", *args]), "invalid_argument")


def test_a_model_from_another_scikit_learn_is_refused_by_the_cli(tmp_path: Path) -> None:
    folder = tmp_path / "diagnosis-v1"
    shutil.copytree(MODEL_DIR, folder)
    meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    meta["sklearn_version"] = "0.24.2"
    (folder / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    env = {**os.environ, "CVSCOPE_DIAGNOSIS_MODEL": str(folder)}
    proc = subprocess.run([sys.executable, "-m", "analysis", "diagnose", "--stage",
                           "no_response", "--feedback", "-"], input="Le poste est gelé.",
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: model_version: ")
    assert "0.24.2" in proc.stderr and "Traceback" not in proc.stderr
