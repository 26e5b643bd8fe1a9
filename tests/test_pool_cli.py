"""`cvscope pool ...` end to end on a real SQLite file (typer's CliRunner, real CVs)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from typer.testing import CliRunner

from analysis.cli import app
from tests.test_storage import db_bytes

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, samples):
    """A pool database filled through the CLI."""
    path = tmp_path_factory.mktemp("cli") / "pool.db"
    for args in (
        ["sample_data/cv_fr_data_analyst.pdf", "--name", "Camille Moreau", "--reason",
         "technical", "--stage", "rejected_after_final_interview", "--note", "très bien"],
        ["sample_data/cv_en_backend_developer.pdf", "--name", "Daniel Okafor", "--reason",
         "culture_fit", "--stage", "rejected_before_interview", "--role-level", "junior",
         "--channel", "sms", "--date", (date.today() - timedelta(days=10)).isoformat()],
    ):
        result = runner.invoke(app, ["pool", "add", *args, "--db", str(path)])
        assert result.exit_code == 0, result.output
    return path


def test_list_and_match_json(db):
    listed = runner.invoke(app, ["pool", "list", "--json", "--db", str(db)])
    assert listed.exit_code == 0
    names = {row["name"] for row in json.loads(listed.stdout)}
    assert names == {"Camille Moreau", "Daniel Okafor"}
    matched = runner.invoke(app, ["pool", "match", "sample_data/offer_en_backend_developer.txt",
                                  "--json", "--db", str(db)])
    assert matched.exit_code == 0, matched.output
    rows = json.loads(matched.stdout)
    assert [r["name"] for r in rows][0] == "Daniel Okafor"  # the backend developer first
    assert rows[0]["score"] >= rows[1]["score"]
    for row in rows:
        assert row["channel"] in ("phone", "email", "sms") and row["talking_points"]
        assert isinstance(row["days_since"], int) and row["previous_stage"]
    channels = {r["name"]: r["channel"] for r in rows}
    assert channels == {"Camille Moreau": "phone", "Daniel Okafor": "sms"}
    top = runner.invoke(app, ["pool", "match", "sample_data/offer_en_backend_developer.txt",
                              "--top", "1", "--json", "--db", str(db)])
    assert len(json.loads(top.stdout)) == 1


def test_human_output_and_env_var(db, monkeypatch):
    monkeypatch.setenv("CVSCOPE_DB", str(db))
    result = runner.invoke(app, ["pool", "match", "sample_data/offer_fr_data_analyst.pdf"])
    assert result.exit_code == 0 and "Camille Moreau" in result.stdout
    assert "1. #" in result.stdout


def test_input_errors_exit_2_with_one_line(db):
    cases = [
        (["pool", "add", "nope.pdf", "--name", "A", "--reason", "other", "--stage",
          "no_response"], "not_found"),
        (["pool", "add", "sample_data/cv_fr_data_analyst.pdf", "--name", "A", "--reason",
          "luck", "--stage", "no_response"], "invalid_argument"),
        (["pool", "match", "missing_offer.txt"], "not_found"),
        (["pool", "forget", "9999"], "not_found"),
        (["pool", "add", "sample_data/cv_fr_data_analyst.pdf", "--name", "A", "--reason",
          "other", "--stage", "no_response", "--date", "31/12/2025"], "invalid_argument"),
    ]
    for args, code in cases:
        result = runner.invoke(app, [*args, "--db", str(db)])
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {code}: "), result.stderr


def test_export_anonymised_and_forget(db, tmp_path):
    out = tmp_path / "pool.csv"
    result = runner.invoke(app, ["pool", "export", "--anonymize", "-o", str(out),
                                 "--db", str(db)])
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Okafor" not in text and "Moreau" not in text and text.startswith("ref,")
    listed = json.loads(runner.invoke(app, ["pool", "list", "--json", "--db", str(db)]).stdout)
    daniel = next(r["id"] for r in listed if r["name"] == "Daniel Okafor")
    assert runner.invoke(app, ["pool", "forget", str(daniel), "--db", str(db)]).exit_code == 0
    assert b"Okafor" not in db_bytes(db)
    camille = next(r["id"] for r in listed if r["name"] == "Camille Moreau")
    flagged = runner.invoke(app, ["pool", "update", str(camille), "--do-not-contact",
                                  "--db", str(db)])
    assert flagged.exit_code == 0
    after = json.loads(runner.invoke(app, ["pool", "list", "--json", "--db", str(db)]).stdout)
    assert [r["do_not_contact"] for r in after] == [True]
    purge = runner.invoke(app, ["pool", "purge", "--months", "6", "--dry-run", "--json",
                                "--db", str(db)])
    assert purge.exit_code == 0 and json.loads(purge.stdout)["ids"] == []
