"""What a format reader hands to the common finishing steps."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.parsing.document import DocWarning


@dataclass
class RawText:
    """Reading-order text of one document before normalisation, with reader warnings."""

    format: str
    pages: int
    lines: list[str]
    warnings: list[DocWarning] = field(default_factory=list)
