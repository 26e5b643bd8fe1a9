"""Storage on a real PostgreSQL server: a throwaway cluster started for the test session.

Uses `$CVSCOPE_TEST_PG_URL` when set; otherwise runs Debian's initdb/pg_ctl (as the `postgres`
user when the tests run as root) in a temporary folder on a free localhost port. Skipped, with
the reason, when no PostgreSQL server binaries are installed.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import inspect, select

from analysis.storage import current_revision, head_revision, open_store
from analysis.storage.models import Candidate, PoolCandidate, Setting, utcnow

pytestmark = pytest.mark.postgres


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(cmd: list[str], as_postgres: bool) -> subprocess.CompletedProcess[str]:
    if as_postgres:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """URL of a PostgreSQL database that exists for this module only."""
    if os.environ.get("CVSCOPE_TEST_PG_URL"):
        yield os.environ["CVSCOPE_TEST_PG_URL"]
        return
    pytest.importorskip("psycopg2", reason="psycopg2 is not installed (pip install '.[dev]')")
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not bins:
        pytest.skip("no PostgreSQL server binaries (apt-get install postgresql)")
    bindir = os.path.dirname(bins[-1])
    as_postgres = os.geteuid() == 0  # the server refuses to run as root
    if as_postgres and (shutil.which("runuser") is None or _run(["true"], True).returncode):
        pytest.skip("running as root without a usable `postgres` user for the server")
    folder = tempfile.mkdtemp(prefix="cvscope-pg-")
    if as_postgres:
        shutil.chown(folder, "postgres", "postgres")
    data = os.path.join(folder, "data")
    port = _free_port()
    init = _run([f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres",
                 "-E", "UTF8", "--no-sync"], as_postgres)
    if init.returncode:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"initdb failed: {init.stderr.strip()[:300]}")
    start = _run([f"{bindir}/pg_ctl", "-D", data, "-w", "-t", "60", "-l",
                  os.path.join(folder, "log"), "-o",
                  f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
                  "start"], as_postgres)
    if start.returncode:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"PostgreSQL did not start: {start.stderr.strip()[:300]}")
    try:
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/postgres"
    finally:
        _run([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"], as_postgres)
        shutil.rmtree(folder, ignore_errors=True)


_OPENER = "import sys; from analysis.storage import open_store; open_store(sys.argv[1]).close()"


def test_postgres_two_processes_create_the_schema_at_once(pg_url):
    """Both first opens of an empty database migrate it; one waits for the other."""
    import sys

    from sqlalchemy import create_engine, text

    url = pg_url.rsplit("/", 1)[0] + "/race"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS race"))
        conn.execute(text("CREATE DATABASE race"))
    admin.dispose()
    procs = [subprocess.Popen([sys.executable, "-c", _OPENER, url], stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    store = open_store(url)
    assert current_revision(store.engine) == head_revision()
    store.close()


def test_postgres_migrates_and_round_trips(pg_url):
    from analysis.pool import forget, retention_months, set_retention_months

    store = open_store(pg_url)
    assert current_revision(store.engine) == head_revision()
    assert {"candidates", "pool_candidates", "followups"} <= set(
        inspect(store.engine).get_table_names())
    with store.session() as session:
        session.add(Candidate(name="Amélie Poulain", created_at=utcnow()))
        row = PoolCandidate(name="Jean Valjean", stage="rejected_after_final_interview",
                            reason="culture_fit", contact_channel="email",
                            rejected_on=date(2026, 2, 1), cv_text="CV", cv_content=b"\x00\x01",
                            extraction={"profile": {"mentions": []}},
                            old_gaps=[{"id": "a", "label": "SQL"}], created_at=utcnow())
        session.add(row)
    set_retention_months(store, 12)
    assert retention_months(store) == 12
    store.close()

    store = open_store(pg_url)  # reopening an up-to-date database changes nothing
    with store.session() as session:
        assert session.scalar(select(Candidate.name)) == "Amélie Poulain"
        pooled = session.scalars(select(PoolCandidate)).one()
        assert pooled.old_gaps == [{"id": "a", "label": "SQL"}]
        assert pooled.cv_content == b"\x00\x01" and pooled.do_not_contact is False
        assert session.get(Setting, "pool_retention_months").value == "12"
    forget(store, pooled.id)
    with store.session() as session:
        assert session.scalars(select(PoolCandidate)).first() is None
    store.close()
