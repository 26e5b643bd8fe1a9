"""Recruiter talent pool: rejected candidates kept with reasons, re-ranked for new offers."""

from __future__ import annotations

from analysis.pool.advice import Advice, advise, channel_for
from analysis.pool.entries import (
    CHANNELS,
    DEFAULT_RETENTION_MONTHS,
    REASONS,
    ROLE_LEVELS,
    STAGES,
    PoolEntry,
    add_candidate,
    export,
    forget,
    list_candidates,
    purge,
    retention_months,
    set_retention_months,
    update_candidate,
)
from analysis.pool.ranking import PoolMatch, match_pool

__all__ = [
    "CHANNELS",
    "DEFAULT_RETENTION_MONTHS",
    "REASONS",
    "ROLE_LEVELS",
    "STAGES",
    "Advice",
    "PoolEntry",
    "PoolMatch",
    "add_candidate",
    "advise",
    "channel_for",
    "export",
    "forget",
    "list_candidates",
    "match_pool",
    "purge",
    "retention_months",
    "set_retention_months",
    "update_candidate",
]
