"""The --resume cache: one SQLite file next to the output, keyed by content, not by file name."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

from analysis.errors import InvalidArgumentError

SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    payload TEXT NOT NULL,
    created REAL NOT NULL
)
"""


def cache_path_for(output: Path) -> Path:
    """Where the cache of `output` lives: `<output>.cache.sqlite` in the same folder."""
    return output.with_name(output.name + ".cache.sqlite")


def result_key(cv_sha256: str, offer_sha256: str, taxonomy_version: str, scoring: str) -> str:
    """Cache key of one (CV, offer) result: the CV bytes, the offer text and both versions."""
    raw = "\x1f".join((cv_sha256, offer_sha256, taxonomy_version, scoring))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class ResultCache:
    """(CV, offer) results stored as JSON in SQLite, committed every 25 results or 1 s."""

    def __init__(self, path: Path, *, commit_every: int = 25, commit_seconds: float = 1.0) -> None:
        self.path = path
        self._conn = sqlite3.connect(str(path), timeout=30)
        try:
            self._conn.execute(SCHEMA)
            self._conn.commit()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise InvalidArgumentError(
                f"{path} is not a CVScope batch cache ({exc}); delete it or choose another output"
            ) from exc
        self._pending = 0
        self._last_commit = time.monotonic()
        self._commit_every = commit_every
        self._commit_seconds = commit_seconds
        self._last_commit = time.monotonic()
        self.hits = 0
        self.writes = 0

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached payload for `key`, or None."""
        row = self._conn.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        self.hits += 1
        return json.loads(row[0])

    def put(self, key: str, payload: dict[str, Any]) -> None:
        """Store (or replace) the payload for `key`."""
        self._conn.execute(
            "INSERT OR REPLACE INTO results (key, payload, created) VALUES (?, ?, ?)",
            (key, json.dumps(payload, ensure_ascii=False), time.time()),
        )
        self.writes += 1
        self._pending += 1
        if (self._pending >= self._commit_every
                or time.monotonic() - self._last_commit >= self._commit_seconds):
            self.commit()

    def commit(self) -> None:
        """Make what was stored so far durable (an interrupted run keeps it)."""
        self._conn.commit()
        self._pending = 0
        self._last_commit = time.monotonic()

    def close(self) -> None:
        """Commit and close the file."""
        try:
            self.commit()
        finally:
            self._conn.close()

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM results").fetchone()[0])
