"""CVScope: CV keyword analysis, ATS-style matching and rejection diagnosis (FR/EN), offline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from analysis.errors import DocumentError

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from analysis.diagnosis import diagnose
    from analysis.extraction import extract_skills
    from analysis.matching import match
    from analysis.parsing import parse_document

__all__ = ["DocumentError", "diagnose", "extract_skills", "match", "parse_document", "__version__"]

_LAZY = {
    "parse_document": "analysis.parsing",
    "extract_skills": "analysis.extraction",
    "match": "analysis.matching",
    "diagnose": "analysis.diagnosis",
}


def __getattr__(name: str) -> Any:
    """Import the public API lazily so `import analysis` stays cheap (no spaCy at import)."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
