"""Alembic environment: runs on the connection `open_store` hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from analysis.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Run the migrations on `config.attributes["connection"]` (set by `storage.engine`)."""
    connection = config.attributes.get("connection")
    if connection is None:  # pragma: no cover - only when alembic's CLI is used directly
        from analysis.storage.engine import make_engine

        with make_engine(config.get_main_option("sqlalchemy.url")).begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: Alembic rebuilds the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover
    raise SystemExit("offline (SQL script) migrations are not supported")
run_migrations_online()
