"""`cvscope batch` end to end on real files: mixed good/bad CVs, several offers, every format."""

from __future__ import annotations

import contextlib
import csv
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from analysis.batch import COLUMNS, cache_path_for
from analysis.cli import app

CONTRACT = ("offer", "cv", "rank", "score", "hard_skills", "soft_skills", "missing_required",
            "language", "error")
GOOD = ("cv_en_backend_developer.pdf", "cv_fr_data_analyst.pdf", "cv_en_project_manager.docx")
OFFERS = ("offer_en_backend_developer.txt", "offer_fr_data_analyst.pdf")
EXPECTED_ERRORS = {"broken.pdf": "corrupt", "empty.txt": "empty",
                   "scanned.pdf": "no_text_layer", "old.doc": "unsupported_format"}


@pytest.fixture()
def inputs(tmp_path: Path, samples: Path) -> tuple[Path, list[Path]]:
    """A CV folder (good files in a subfolder too, bad files, ignored files) and two offers."""
    cvs = tmp_path / "cvs"
    (cvs / "2024").mkdir(parents=True)
    shutil.copy(samples / GOOD[0], cvs / GOOD[0])
    shutil.copy(samples / GOOD[1], cvs / "2024" / GOOD[1])
    shutil.copy(samples / GOOD[2], cvs / GOOD[2])
    (cvs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<\x00\x13garbage" * 20)
    (cvs / "empty.txt").write_bytes(b"")
    shutil.copy(samples / "cv_fr_infirmiere_scanned.pdf", cvs / "scanned.pdf")
    # A Word 97 file (OLE compound header): a CV format CVScope does not read.
    (cvs / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    (cvs / ".hidden.pdf").write_bytes(b"not read")
    (cvs / "notes.csv").write_text("not a CV", encoding="utf-8")
    offers = []
    for name in OFFERS:
        shutil.copy(samples / name, tmp_path / name)
        offers.append(tmp_path / name)
    return cvs, offers


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["batch", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def _offer_args(offers: list[Path]) -> list[str | Path]:
    args: list[str | Path] = []
    for offer in offers:
        args += ["--offer", offer]
    return args


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_mixed_files_two_offers_parallel(inputs: tuple[Path, list[Path]],
                                             tmp_path: Path) -> None:
    cvs, offers = inputs
    out = tmp_path / "out" / "results.csv"
    out.parent.mkdir()
    code, stdout, stderr = _run(cvs, *_offer_args(offers), "-o", out, "--jobs", "2")
    assert code == 0, stderr
    assert stdout == ""
    rows = _read_csv(out)
    assert tuple(rows[0].keys()) == COLUMNS and set(CONTRACT) <= set(rows[0])
    assert len(rows) == len(OFFERS) * (len(GOOD) + len(EXPECTED_ERRORS))
    assert {r["cv"] for r in rows} == {GOOD[0], f"2024/{GOOD[1]}", GOOD[2], *EXPECTED_ERRORS}
    for offer in OFFERS:
        mine = [r for r in rows if r["offer"] == offer]
        scored = [r for r in mine if not r["error"]]
        assert len(scored) == len(GOOD)
        scores = [float(r["score"]) for r in scored]
        assert scores == sorted(scores, reverse=True) and all(0 <= s <= 100 for s in scores)
        # Competition ranking: 1 + number of CVs with a strictly higher score.
        assert [int(r["rank"]) for r in scored] == [1 + sum(o > s for o in scores)
                                                    for s in scores]
        assert all(r["language"] in ("fr", "en") for r in scored)
        errors = {r["cv"]: r["error"] for r in mine if r["error"]}
        assert errors == EXPECTED_ERRORS
        assert all(r["rank"] == "" and r["score"] == "" for r in mine if r["error"])
    by = {(r["offer"], r["cv"]): r for r in rows}
    # The backend CV fits the backend offer better than the French data-analyst CV does.
    assert (float(by[(OFFERS[0], GOOD[0])]["score"])
            > float(by[(OFFERS[0], f"2024/{GOOD[1]}")]["score"]))
    assert "scored 3 of 7 CVs against 2 offer(s)" in stderr
    assert "failed 4" in stderr and "no_text_layer 1" in stderr
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(
        [out.name, cache_path_for(out).name])


def test_json_and_xlsx_read_back_agree(inputs: tuple[Path, list[Path]], tmp_path: Path) -> None:
    cvs, offers = inputs
    out_json, out_xlsx = tmp_path / "r.json", tmp_path / "r.xlsx"
    assert _run(cvs, "--offer", offers[0], "-o", out_json, "--jobs", "1", "--quiet")[0] == 0
    assert _run(cvs, "--offer", offers[0], "-o", out_xlsx, "--jobs", "0", "--quiet")[0] == 0
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert isinstance(data, list) and len(data) == len(GOOD) + len(EXPECTED_ERRORS)
    assert all(set(CONTRACT) <= set(row) for row in data)
    assert all(isinstance(row["missing_required"], list) for row in data)
    sheet = load_workbook(out_xlsx).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == COLUMNS
    xlsx = [dict(zip(COLUMNS, row, strict=True)) for row in values[1:]]
    # Worker processes and in-process scoring give the same ranked table.
    assert [(r["cv"], r["rank"], r["score"], r["error"]) for r in data] == [
        (r["cv"], r["rank"], r["score"], r["error"]) for r in xlsx]


def test_resume_only_scores_new_cvs(inputs: tuple[Path, list[Path]], tmp_path: Path,
                                    samples: Path) -> None:
    cvs, offers = inputs
    out = tmp_path / "scores.csv"
    assert _run(cvs, *_offer_args(offers), "-o", out, "--jobs", "1")[0] == 0
    first = {(r["offer"], r["cv"]): r for r in _read_csv(out)}
    assert not any(r["cached"] == "True" for r in first.values())
    shutil.copy(samples / "cv_en_logistics_coordinator.pdf", cvs / "new.pdf")
    code, _, stderr = _run(cvs, *_offer_args(offers), "-o", out, "--jobs", "1", "--resume")
    assert code == 0
    second = {(r["offer"], r["cv"]): r for r in _read_csv(out)}
    assert set(second) == set(first) | {(o, "new.pdf") for o in OFFERS}
    for key, row in second.items():
        if key[1] == "new.pdf":
            assert row["cached"] == "False" and row["score"]
        elif row["error"] in ("", "corrupt", "empty", "no_text_layer", "unsupported_format"):
            # Document errors and scores are both reused: nothing old is read again.
            assert row["cached"] == "True", key
            assert row["score"] == first[key]["score"] and row["error"] == first[key]["error"]
    assert "from cache 7" in stderr


def test_existing_output_is_refused_without_force(inputs: tuple[Path, list[Path]],
                                                  tmp_path: Path) -> None:
    cvs, offers = inputs
    out = tmp_path / "keep.csv"
    out.write_text("precious", encoding="utf-8")
    code, _, stderr = _run(cvs, "--offer", offers[0], "-o", out)
    assert code == 2
    assert stderr.startswith("error: invalid_argument: ") and "--force" in stderr
    assert out.read_text(encoding="utf-8") == "precious"
    assert not cache_path_for(out).exists()
    assert _run(cvs, "--offer", offers[0], "-o", out, "--force", "--jobs", "0", "-q")[0] == 0
    assert _read_csv(out)[0]["offer"] == OFFERS[0]


@pytest.mark.parametrize("name", ["missing/out.csv", "out.pdf", "out"])
def test_bad_output_paths_write_nothing(inputs: tuple[Path, list[Path]], tmp_path: Path,
                                        name: str) -> None:
    cvs, offers = inputs
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, _, stderr = _run(cvs, "--offer", offers[0], "-o", tmp_path / name)
    assert code == 2 and stderr.startswith("error: invalid_argument: ")
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_exit_2_when_no_cv_is_scored(inputs: tuple[Path, list[Path]], tmp_path: Path) -> None:
    cvs, offers = inputs
    out = tmp_path / "bad.json"
    code, _, stderr = _run(cvs / "broken.pdf", cvs / "empty.txt", "--offer", offers[0],
                           "-o", out, "--jobs", "0", "--quiet")
    assert code == 2
    assert stderr.strip().splitlines()[-1].startswith("error: empty: no CV could be scored")
    assert [r["error"] for r in json.loads(out.read_text(encoding="utf-8"))] == [
        "corrupt", "empty"]


@pytest.mark.parametrize("missing", ["cv", "offer", "empty_folder"])
def test_missing_inputs_exit_2(inputs: tuple[Path, list[Path]], tmp_path: Path,
                               missing: str) -> None:
    cvs, offers = inputs
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.md").write_text("no CV here", encoding="utf-8")
    cv = {"cv": tmp_path / "nope", "empty_folder": tmp_path / "empty"}.get(missing, cvs)
    offer = tmp_path / "nope.txt" if missing == "offer" else offers[0]
    code, _, stderr = _run(cv, "--offer", offer, "-o", tmp_path / "x.csv")
    assert code == 2 and stderr.startswith("error: not_found: ")
    assert not (tmp_path / "x.csv").exists()


def test_hostile_file_names_are_not_spreadsheet_formulas(tmp_path: Path, samples: Path) -> None:
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    shutil.copy(samples / GOOD[0], cvs / "=HYPERLINK(1).pdf")
    offer = samples / OFFERS[0]
    assert _run(cvs, "--offer", offer, "-o", tmp_path / "o.csv", "-j", "0", "-q")[0] == 0
    assert _run(cvs, "--offer", offer, "-o", tmp_path / "o.xlsx", "-j", "0", "-q")[0] == 0
    assert _read_csv(tmp_path / "o.csv")[0]["cv"] == "'=HYPERLINK(1).pdf"
    cell = load_workbook(tmp_path / "o.xlsx").active["B2"]
    assert cell.value == "=HYPERLINK(1).pdf" and cell.data_type == "s"


N_COPIES = 120  # enough work (seconds) to be interrupted on a fast machine too


def test_ctrl_c_leaves_no_output_and_resume_keeps_the_work(tmp_path: Path,
                                                           samples: Path) -> None:
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    pdfs = sorted(p for p in samples.glob("cv_*.pdf") if "scanned" not in p.name)
    for i in range(N_COPIES):  # byte-distinct copies: each one is new work for the cache
        data = pdfs[i % len(pdfs)].read_bytes() + f"\n% copy {i}\n".encode()
        (cvs / f"cv{i:02d}.pdf").write_bytes(data)
    out = tmp_path / "run.csv"
    cmd = [sys.executable, "-m", "analysis", "batch", str(cvs), "--offer",
           str(samples / OFFERS[0]), "-o", str(out), "--jobs", "1"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    cache = cache_path_for(out)
    deadline = time.monotonic() + 240
    stored = 0
    while stored < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.3)
        if cache.exists():
            with contextlib.closing(sqlite3.connect(cache)) as db, contextlib.suppress(
                    sqlite3.OperationalError):
                stored = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    assert proc.poll() is None, "the batch ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert stderr.strip().splitlines()[-1] == "error: interrupted: interrupted by the user"
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["cvs", cache.name])
    with contextlib.closing(sqlite3.connect(cache)) as db:
        kept = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    assert 2 <= kept < N_COPIES
    code, _, stderr = _run(cvs, "--offer", samples / OFFERS[0], "-o", out, "--resume")
    assert code == 0, stderr
    rows = _read_csv(out)
    assert len(rows) == N_COPIES and sum(r["cached"] == "True" for r in rows) == kept
    assert f"from cache {kept}" in stderr
