"""Batch machinery: worker pool time limits and crashes, uploads and zips, writers, cache keys."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import signal
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from analysis.batch import BatchRow, rows_to_bytes, score_uploads
from analysis.batch import pool as pool_mod
from analysis.batch import worker as worker_mod
from analysis.batch.cache import ResultCache, result_key
from analysis.batch.discovery import discover, expand_zip
from analysis.batch.writers import write_atomic
from analysis.errors import InvalidArgumentError, NotFoundError

FORK = multiprocessing.get_context("fork")


def _fake_score(name: str, data: bytes, offers: Any, seconds: float | None) -> dict[str, Any]:
    """Stand-in for scoring that misbehaves on purpose, run inside real worker processes."""
    with worker_mod.time_limit(seconds):
        try:
            if data == b"slow":  # pure Python: the worker's own timer stops it
                time.sleep(30)
            elif data == b"stuck":  # like native code that ignores signals: the parent kills it
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                time.sleep(30)
            elif data == b"crash":
                os._exit(7)
        except worker_mod._TimeLimit:
            return {"error": "too_large", "pid": os.getpid()}
    return {"error": None, "pid": os.getpid(), "name": name}


@pytest.fixture()
def fake_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers forked from this process run `_fake_score` and skip loading pipelines."""
    monkeypatch.setattr(worker_mod, "warm_up", lambda *_: None)
    monkeypatch.setattr(worker_mod, "score_bytes", _fake_score)
    monkeypatch.setattr(pool_mod, "KILL_GRACE", 1.0)


def test_pool_survives_slow_stuck_and_crashing_documents(fake_worker: None) -> None:
    tasks = [(0, "a", b"ok"), (1, "slow", b"slow"), (2, "stuck", b"stuck"), (3, "b", b"ok"),
             (4, "crash", b"crash"), (5, "c", b"ok")]
    start = time.monotonic()
    results = {task[0]: res for task, res in
               pool_mod.run_pool(tasks, [], jobs=2, seconds=1.0, context=FORK)}
    elapsed = time.monotonic() - start
    assert sorted(results) == list(range(6))
    assert results[1]["error"] == "too_large" and "pid" in results[1]  # stopped by its own timer
    assert results[2]["error"] == "too_large" and "pid" not in results[2]  # killed by the parent
    assert "took longer than the 1 s limit" in results[2]["error_message"]
    assert results[4]["error"] == "corrupt" and "crashed" in results[4]["error_message"]
    assert all(results[i]["error"] is None for i in (0, 3, 5))
    assert elapsed < 15  # nothing waited for the 30 s sleeps


def test_pool_streams_with_one_document_in_flight_per_worker(fake_worker: None) -> None:
    pulled: list[int] = []

    def tasks():  # type: ignore[no-untyped-def]
        for i in range(6):
            pulled.append(i)
            yield i, f"cv{i}", b"ok"

    seen = 0
    for _task, _res in pool_mod.run_pool(tasks(), [], jobs=2, seconds=5, context=FORK):
        seen += 1
        assert len(pulled) <= seen + 2 * pool_mod.PREFETCH  # a bounded number in flight
    assert seen == 6


def test_pool_replaces_workers_after_max_tasks(fake_worker: None) -> None:
    tasks = [(i, f"cv{i}", b"ok") for i in range(6)]
    results = list(pool_mod.run_pool(tasks, [], jobs=1, seconds=5, context=FORK, max_tasks=2))
    assert [task[0] for task, _ in results] == list(range(6))
    pids = [res["pid"] for _, res in results]
    assert len(set(pids)) == 3 and pids[0] == pids[1] != pids[2]


def test_discover_walks_folders_skips_hidden_and_dedupes(tmp_path: Path) -> None:
    (tmp_path / "a" / ".git").mkdir(parents=True)
    (tmp_path / "a" / "x.pdf").write_bytes(b"%PDF")
    (tmp_path / "a" / ".git" / "y.pdf").write_bytes(b"%PDF")
    (tmp_path / "a" / "~$lock.docx").write_bytes(b"x")
    (tmp_path / "a" / "old.doc").write_bytes(b"x")
    (tmp_path / "a" / "data.csv").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    found = discover([tmp_path / "a", tmp_path / "a" / "x.pdf"])
    assert [s.name for s in found] == ["old.doc", "x.pdf"]
    with pytest.raises(NotFoundError):
        discover([tmp_path / "missing"])


def test_zip_uploads_are_read_in_memory_safely() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("team/alice.txt", "Alice")
        archive.writestr("../../etc/evil.txt", "x")
        archive.writestr("inner.zip", b"PK")
        archive.writestr("__MACOSX/._alice.txt", "x")
        archive.writestr("bomb.txt", b"0" * (11 * 2**20))  # compresses to a few KB
    sources = {s.name: s for s in expand_zip("cvs.zip", buffer.getvalue())}
    assert sources["cvs.zip/team/alice.txt"].data == b"Alice"
    assert sources["cvs.zip/../../etc/evil.txt"].error == "invalid_argument"
    assert sources["cvs.zip/inner.zip"].error == "unsupported_format"
    assert sources["cvs.zip/bomb.txt"].error == "too_large"
    assert not any("MACOSX" in name for name in sources)
    assert next(iter(expand_zip("x.zip", b"not a zip"))).error == "corrupt"


def _rows() -> list[BatchRow]:
    return [BatchRow(offer="o", cv="é.pdf", rank=1, score=80.5, hard_skills=0.9,
                     soft_skills=0.5, missing_required=("SQL", "Docker"), language="fr"),
            BatchRow(offer="o", cv="+bad.pdf", error="corrupt", error_message="bad\x01")]


def test_rows_to_bytes_every_format_reads_back() -> None:
    rows = _rows()
    parsed = list(csv.DictReader(io.StringIO(rows_to_bytes(rows, "csv").decode("utf-8-sig"))))
    assert parsed[0]["cv"] == "é.pdf" and parsed[0]["missing_required"] == "SQL; Docker"
    assert parsed[1]["cv"] == "'+bad.pdf" and parsed[1]["rank"] == ""
    data = json.loads(rows_to_bytes(rows, "json"))
    assert data[0]["missing_required"] == ["SQL", "Docker"] and data[1]["score"] is None
    sheet = load_workbook(io.BytesIO(rows_to_bytes(rows, "xlsx"))).active
    assert sheet["D2"].value == 80.5 and sheet["B3"].value == "+bad.pdf"
    assert sheet["J3"].value == "bad"  # control characters removed, not a broken file
    with pytest.raises(InvalidArgumentError):
        rows_to_bytes(rows, "pdf")


def test_write_atomic_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    with pytest.raises(InvalidArgumentError):
        write_atomic(target, b"new", overwrite=False)
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["out.csv"]
    write_atomic(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new" and os.listdir(tmp_path) == ["out.csv"]


def test_cache_key_changes_with_every_input(tmp_path: Path) -> None:
    base = result_key("cv", "offer", "tax-1", "s1")
    assert len({base, result_key("cv2", "offer", "tax-1", "s1"),
                result_key("cv", "offer2", "tax-1", "s1"), result_key("cv", "offer", "tax-2", "s1"),
                result_key("cv", "offer", "tax-1", "s2")}) == 5
    cache = ResultCache(tmp_path / "c.sqlite")
    cache.put(base, {"score": 1.0})
    cache.close()
    again = ResultCache(tmp_path / "c.sqlite")
    assert again.get(base) == {"score": 1.0} and again.get("other") is None
    assert again.hits == 1 and len(again) == 1
    again.close()


def test_a_file_that_is_not_a_cache_is_refused_clearly(tmp_path: Path) -> None:
    bogus = tmp_path / "out.csv.cache.sqlite"
    bogus.write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(InvalidArgumentError, match="not a CVScope batch cache"):
        ResultCache(bogus)
    assert bogus.read_bytes() == b"this is not SQLite" * 100


@pytest.mark.parametrize("jobs", [0, 1])
def test_score_uploads_zip_text_offer_and_progress(samples: Path, jobs: int) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(samples / "cv_en_backend_developer.pdf", "batch/backend.pdf")
        archive.writestr("../escape.pdf", b"%PDF")
    offer_text = (samples / "offer_en_backend_developer.txt").read_text(encoding="utf-8")
    calls: list[tuple[int, int]] = []
    rows = score_uploads(
        [("cvs.zip", buffer.getvalue()),
         ("pm.docx", (samples / "cv_en_project_manager.docx").read_bytes()),
         ("broken.pdf", b"%PDF-1.4 broken")],
        [("backend offer", offer_text),
         ("data offer.pdf", (samples / "offer_fr_data_analyst.pdf").read_bytes())],
        progress=lambda done, total: calls.append((done, total)), jobs=jobs)
    assert calls == [(i, 4) for i in range(1, 5)]
    assert len(rows) == 8 and {r.offer for r in rows} == {"backend offer", "data offer.pdf"}
    backend = {r.cv: r for r in rows if r.offer == "backend offer"}
    assert backend["cvs.zip/batch/backend.pdf"].rank == 1
    assert backend["cvs.zip/batch/backend.pdf"].score > backend["pm.docx"].score
    assert backend["cvs.zip/../escape.pdf"].error == "invalid_argument"
    assert backend["broken.pdf"].error == "corrupt" and backend["broken.pdf"].rank is None
    assert len(backend["pm.docx"].sha256) == 64


def test_file_gone_after_discovery_is_a_row_not_a_crash(tmp_path: Path) -> None:
    from analysis.batch.discovery import CvSource
    from analysis.batch.runner import score_sources

    gone = CvSource(name="gone.pdf", path=str(tmp_path / "gone.pdf"))
    records = score_sources([gone], [], jobs=0, seconds=5)
    assert records[0].result["error"] == "not_found"
    assert "cannot read the file" in records[0].result["error_message"]
