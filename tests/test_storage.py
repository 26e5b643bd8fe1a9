"""Storage: real SQLite files, Alembic migrations, pragmas, two writer processes, erasure."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text

from analysis.errors import InvalidArgumentError, NotFoundError
from analysis.storage import current_revision, head_revision, open_store, resolve_url
from analysis.storage.engine import make_engine, migrate
from analysis.storage.models import Base, Candidate, PoolCandidate, utcnow

ROOT = Path(__file__).resolve().parent.parent


def db_bytes(path: Path) -> bytes:
    """Every byte SQLite keeps for a database: the file, its WAL and shared-memory index."""
    data = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(str(path) + suffix)
        if part.exists():
            data += part.read_bytes()
    return data


def test_resolve_url_env_path_and_default(tmp_path, monkeypatch):
    monkeypatch.delenv("CVSCOPE_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    default = resolve_url()
    assert default.startswith("sqlite:///") and default.endswith("cvscope.db")
    assert str(tmp_path / "xdg") in default
    monkeypatch.setenv("CVSCOPE_DB", str(tmp_path / "env.db"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url("sqlite:///other.db") == "sqlite:///other.db"  # explicit beats env


def test_open_creates_schema_at_head_with_pragmas(tmp_path):
    store = open_store(str(tmp_path / "new.db"))
    assert current_revision(store.engine) == head_revision() == "0002"
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
    assert {"candidates", "pool_candidates", "followups", "settings"} <= set(
        inspect(store.engine).get_table_names())
    store.close()


def test_migrations_build_exactly_the_models(tmp_path):
    store = open_store(str(tmp_path / "m.db"))
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == []
    store.close()


def test_upgrade_from_previous_schema_keeps_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    migrate(engine, "0001")
    assert current_revision(engine) == "0001"
    assert "extraction" not in {c["name"] for c in inspect(engine).get_columns("pool_candidates")}
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO candidates (name, created_at) VALUES ('Léa Martin', "
                          "'2025-01-02 10:00:00')"))
        for name, note in (("Paul Durand", "Très bon profil"),
                           ("Nora Haddad", "Ne pas recontacter, demande expresse"),
                           ("Tom Baker", "Asked: do NOT contact again")):
            conn.execute(text(
                "INSERT INTO pool_candidates (name, stage, reason, note, contact_channel, "
                "rejected_on, cv_text, created_at) VALUES (:n, 'rejected_after_interview', "
                "'technical', :note, 'email', '2025-06-01', 'CV text', '2025-06-01 09:00:00')"),
                {"n": name, "note": note})
    engine.dispose()

    store = open_store(url)  # opening runs the pending migration
    assert current_revision(store.engine) == "0002"
    with store.session() as session:
        assert session.scalar(select(Candidate.name)) == "Léa Martin"
        rows = {r.name: r for r in session.scalars(select(PoolCandidate))}
        assert set(rows) == {"Paul Durand", "Nora Haddad", "Tom Baker"}
        assert rows["Paul Durand"].note == "Très bon profil"
        assert rows["Paul Durand"].rejected_on == date(2025, 6, 1)
        assert rows["Paul Durand"].extraction is None  # rebuilt lazily at the next match
        assert not rows["Paul Durand"].do_not_contact
        assert rows["Nora Haddad"].do_not_contact and rows["Tom Baker"].do_not_contact
        assert not rows["Nora Haddad"].reacted_badly
    store.close()


def test_bad_urls_are_input_errors(tmp_path):
    with pytest.raises(InvalidArgumentError):
        open_store("notadialect://x")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not an SQLite database, just text " * 100)
    with pytest.raises(InvalidArgumentError, match="cannot open the database"):
        open_store(str(junk))


_WRITER = textwrap.dedent("""
    import sys
    from analysis.coaching import add_candidate
    from analysis.storage import open_store
    store = open_store(sys.argv[1])
    for i in range(int(sys.argv[3])):
        add_candidate(store, f"{sys.argv[2]}-{i}")
""")


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"  # fresh file: both also race to migrate it
    n = 150
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, url, tag, str(n)], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for tag in ("A", "B")]
    for proc in procs:
        _, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
    store = open_store(url)
    with store.session() as session:
        names = set(session.scalars(select(Candidate.name)))
    assert names == {f"{tag}-{i}" for tag in ("A", "B") for i in range(n)}
    store.close()


def test_opening_waits_for_a_writer_on_a_rollback_journal_file(tmp_path):
    # Another program (or a CVScope process mid-switch) holds the write lock on a database
    # still in rollback-journal mode: SQLite refuses the switch to WAL without calling the
    # busy handler, so the open must wait for the lock itself rather than fail.
    path = tmp_path / "busy.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("CREATE TABLE other (x)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO other VALUES (1)")
    release = threading.Timer(0.5, holder.execute, args=("COMMIT",))
    release.start()
    try:
        store = open_store(str(path))
    finally:
        release.join()
        holder.close()
    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("SELECT count(*) FROM other").scalar() == 1
    store.close()


def _pool_row(name: str, filler: str = "") -> PoolCandidate:
    return PoolCandidate(name=name, email=f"{name.split()[0].lower()}@example.com",
                         stage="rejected_after_interview", reason="technical",
                         note=f"Notes sur {name} {filler}", contact_channel="email",
                         rejected_on=date(2026, 1, 5), cv_filename=f"CV {name}.pdf",
                         cv_content=f"%PDF-1.4 {name} bytes".encode() * 40,
                         cv_text=f"{name}\nData analyst, Python, SQL. {filler}",
                         extraction={"document": {"contact": {"name": name}}},
                         old_gaps=[{"id": "x", "label": "Power BI"}], created_at=utcnow())


def test_forget_leaves_no_trace_in_the_database_files(tmp_path):
    from analysis.pool import forget

    path = tmp_path / "pool.db"
    store = open_store(str(path))
    with store.session() as session:  # neighbours share pages with the forgotten row
        session.add_all(_pool_row(f"Voisin Numero{i}", "x" * 300) for i in range(40))
        session.add(_pool_row("Zéphyrine Quasimodo"))
        session.add_all(_pool_row(f"Autre Personne{i}") for i in range(40))
    with store.session() as session:
        target = session.scalar(select(PoolCandidate.id)
                                .where(PoolCandidate.name == "Zéphyrine Quasimodo"))
    before = db_bytes(path)
    assert "Zéphyrine Quasimodo".encode() in before and b"Quasimodo" in before

    forget(store, target)

    after = db_bytes(path)
    for needle in ("Quasimodo", "zéphyrine@example.com", "Zéphyrine"):
        assert needle.encode("utf-8") not in after
        assert needle.encode("utf-16-le") not in after
    assert b"Voisin Numero7" in after  # the others are still there
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(PoolCandidate)) == 80
    with pytest.raises(NotFoundError):
        forget(store, target)
    store.close()
