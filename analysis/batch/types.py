"""Dataclasses of the batch stage: one output row per (offer, CV) and the run summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Output columns, in order. The first nine are the INTERFACES.md contract.
COLUMNS: tuple[str, ...] = (
    "offer",
    "cv",
    "rank",
    "score",
    "hard_skills",
    "soft_skills",
    "missing_required",
    "language",
    "error",
    "error_message",
    "path",
    "sha256",
    "pages",
    "duration_ms",
    "cached",
)


@dataclass(frozen=True)
class BatchRow:
    """One (offer, CV) result: the score and its main components, or the error code."""

    offer: str
    cv: str
    rank: int | None = None  # 1 = best CV for this offer; None for rows with an error
    score: float | None = None  # 0-100
    hard_skills: float | None = None  # hard-skills component, 0-1
    soft_skills: float | None = None  # soft-skills component, 0-1
    missing_required: tuple[str, ...] = ()  # labels of required requirements not met
    language: str | None = None  # language of the CV
    error: str | None = None  # error code (INTERFACES.md) when the CV could not be scored
    error_message: str | None = None
    path: str = ""  # the CV file as found on disk ("" for uploads)
    sha256: str = ""  # hash of the CV bytes
    pages: int | None = None
    duration_ms: float | None = None  # time spent reading and scoring this CV
    cached: bool = False  # taken from the --resume cache, not recomputed

    def to_dict(self) -> dict[str, Any]:
        """JSON form (lists stay lists)."""
        return {
            "offer": self.offer,
            "cv": self.cv,
            "rank": self.rank,
            "score": self.score,
            "hard_skills": self.hard_skills,
            "soft_skills": self.soft_skills,
            "missing_required": list(self.missing_required),
            "language": self.language,
            "error": self.error,
            "error_message": self.error_message,
            "path": self.path,
            "sha256": self.sha256,
            "pages": self.pages,
            "duration_ms": self.duration_ms,
            "cached": self.cached,
        }

    def to_flat(self) -> dict[str, Any]:
        """Flat form for CSV/XLSX: lists joined with "; ", None as empty cell."""
        data = self.to_dict()
        data["missing_required"] = "; ".join(self.missing_required)
        return {k: ("" if v is None else v) for k, v in data.items()}


@dataclass(frozen=True)
class BatchSummary:
    """What a batch run did: CVs scored and failed (by error code), cache hits, wall time."""

    cvs: int
    offers: int
    scored: int
    failed: Mapping[str, int] = field(default_factory=dict)
    cached: int = 0
    seconds: float = 0.0
    output: str | None = None
    cache_path: str | None = None
    rows: int = 0

    @property
    def failed_total(self) -> int:
        """Number of CVs that could not be scored."""
        return sum(self.failed.values())

    def line(self) -> str:
        """The one summary line printed at the end of a run."""
        rate = self.cvs / self.seconds if self.seconds > 0 else 0.0
        failed = ", ".join(f"{code} {n}" for code, n in sorted(self.failed.items()))
        parts = [
            f"scored {self.scored} of {self.cvs} CVs against {self.offers} offer(s)",
            f"failed {self.failed_total}" + (f" ({failed})" if failed else ""),
            f"from cache {self.cached}",
            f"{self.seconds:.1f} s ({rate:.1f} CVs/s)",
        ]
        line = "; ".join(parts)
        if self.output:
            line += f" -> {self.output}"
        return line

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "cvs": self.cvs,
            "offers": self.offers,
            "scored": self.scored,
            "failed": dict(self.failed),
            "cached": self.cached,
            "seconds": round(self.seconds, 3),
            "output": self.output,
            "cache_path": self.cache_path,
            "rows": self.rows,
        }


def count_failures(codes: list[str]) -> dict[str, int]:
    """Failures by error code."""
    return dict(Counter(codes))
