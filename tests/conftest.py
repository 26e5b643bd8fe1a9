"""Shared, session-scoped fixtures: sample files and heavy resources are loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"


@pytest.fixture(scope="session")
def samples() -> Path:
    """The project's sample_data folder (CVs and offers of fictional people)."""
    return SAMPLES
