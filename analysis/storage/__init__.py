"""Persistent storage (SQLAlchemy 2 + Alembic): SQLite by default, any SQLAlchemy URL."""

from __future__ import annotations

from analysis.storage.engine import (
    ENV_VAR,
    Store,
    compact,
    current_revision,
    default_path,
    head_revision,
    migrate,
    open_store,
    resolve_url,
)

__all__ = [
    "ENV_VAR",
    "Store",
    "compact",
    "current_revision",
    "default_path",
    "head_revision",
    "migrate",
    "open_store",
    "resolve_url",
]
