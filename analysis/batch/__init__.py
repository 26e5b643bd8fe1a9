"""Batch scoring: many CVs against one or more offers, in parallel, cached, ranked, written."""

from __future__ import annotations

from analysis.batch.api import check_output, default_jobs, run_batch, score_uploads
from analysis.batch.cache import cache_path_for
from analysis.batch.types import COLUMNS, BatchRow, BatchSummary
from analysis.batch.writers import FORMATS, rows_to_bytes

__all__ = [
    "COLUMNS",
    "FORMATS",
    "BatchRow",
    "BatchSummary",
    "cache_path_for",
    "check_output",
    "default_jobs",
    "rows_to_bytes",
    "run_batch",
    "score_uploads",
]
