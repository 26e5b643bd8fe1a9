"""Engine and session factory: SQLite by default, any SQLAlchemy URL; migrations run on open."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from analysis.errors import InvalidArgumentError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
ENV_VAR = "CVSCOPE_DB"
BUSY_TIMEOUT_MS = 30_000
_MIGRATION_LOCK = 0x43565343  # PostgreSQL advisory lock id: one migrating process at a time


def default_path() -> Path:
    """The default SQLite file: `cvscope.db` in the user's data directory (platformdirs)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("cvscope", appauthor=False)) / "cvscope.db"


def resolve_url(url: str | None = None) -> str:
    """The database URL to use: `url`, else `$CVSCOPE_DB`, else the default SQLite file.

    A value without `://` is taken as the path of an SQLite file.
    """
    chosen = url or os.environ.get(ENV_VAR) or ""
    if not chosen.strip():
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    chosen = chosen.strip()
    if "://" not in chosen:
        path = Path(chosen).expanduser().resolve()
        return f"sqlite:///{path}"
    return chosen


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy (not the sqlite3 module) issue BEGIN, so transactions and DDL are real.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (f"busy_timeout = {BUSY_TIMEOUT_MS}", "foreign_keys = ON",
                   "secure_delete = ON", "synchronous = NORMAL"):
        cursor.execute(f"PRAGMA {pragma}")
    _switch_to_wal(cursor)
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    # SQLite does not call the busy handler for a journal-mode change: while another
    # connection holds a write lock on a rollback-journal file (two processes opening a fresh
    # database at once), "PRAGMA journal_mode = WAL" fails at once with "database is locked".
    # Wait for it here, as busy_timeout would, instead of failing the open.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        cursor.execute("PRAGMA journal_mode")
        if cursor.fetchone()[0] in ("wal", "memory"):
            return
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


def _sqlite_begin(conn: Any) -> None:
    # BEGIN IMMEDIATE takes the write lock up front: two processes writing at once queue
    # behind busy_timeout instead of failing with "database is locked" on lock upgrade.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """An engine for `url`; on SQLite: WAL, busy timeout, foreign keys, secure delete."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise InvalidArgumentError(f"not a database URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except ArgumentError as exc:  # unknown dialect
        raise InvalidArgumentError(f"unsupported database URL: {exc}") from exc
    except ModuleNotFoundError as exc:
        raise InvalidArgumentError(
            f"no driver for {parsed.drivername} ({exc.name} is not installed)") from exc


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest schema revision shipped with this version of CVScope."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision a database is at (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to `revision` inside one transaction (data is kept)."""
    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # SQLite is already serialised by BEGIN IMMEDIATE
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


@dataclass
class Store:
    """An open database: the engine plus a session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        """Whether the database is an SQLite file (secure delete and VACUUM apply)."""
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success and rolled back on error."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def open_store(url: str | None = None, *, upgrade: bool = True) -> Store:
    """Open (creating and migrating if needed) the database at `url` / `$CVSCOPE_DB` / default."""
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    if upgrade:
        try:
            if current_revision(engine) != head_revision():
                migrate(engine)
        except (OperationalError, DatabaseError) as exc:
            engine.dispose()
            raise InvalidArgumentError(
                f"cannot open the database {_safe(resolved)}: {exc.orig}") from exc
    return Store(resolved, engine, sessionmaker(engine, expire_on_commit=False))


def _safe(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def compact(store: Store, tables: tuple[str, ...] = ()) -> None:
    """Physically remove deleted rows: VACUUM (+ WAL truncation on SQLite)."""
    if store.is_sqlite:
        raw = store.engine.raw_connection()
        try:
            db = raw.driver_connection
            db.execute("VACUUM")
            for _ in range(50):  # a reader may briefly pin the WAL; retry until it is empty
                busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if not busy:
                    break
                time.sleep(0.1)
        finally:
            raw.close()
        return
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect() as conn:
            auto = conn.execution_options(isolation_level="AUTOCOMMIT")
            for table in tables:
                auto.exec_driver_sql(f'VACUUM "{table}"')
