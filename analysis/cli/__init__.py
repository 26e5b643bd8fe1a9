"""`cvscope` command line: argument parsing only; all work is done by `analysis` functions."""

from __future__ import annotations

# Each module registers its commands on `app` when imported.
from analysis.cli import (  # noqa: F401
    batch,
    coach,
    diagnose,
    match,
    parse,
    pool,
    skills,
)
from analysis.cli.base import app


def main() -> None:
    """Entry point of the `cvscope` console script."""
    app()
