"""The parsed-document dataclasses: what the parsing stage hands to every later stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SECTION_NAMES: tuple[str, ...] = (
    "contact",
    "summary",
    "experience",
    "education",
    "skills",
    "languages",
    "certifications",
    "projects",
    "interests",
    "other",
)


@dataclass(frozen=True)
class Section:
    """A titled part of a document; `start`/`end` are character offsets into the text."""

    name: str
    title: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as in INTERFACES.md."""
        return {"name": self.name, "title": self.title, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Contact:
    """Contact details found in a CV (each `None` when absent)."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    location: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """JSON form, as in INTERFACES.md."""
        return {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "linkedin": self.linkedin,
            "location": self.location,
        }


@dataclass(frozen=True)
class DocWarning:
    """Something an ATS commonly misses in this document (multi-column, tables, ...)."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """JSON form, as in INTERFACES.md."""
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class ParsedDocument:
    """A CV or offer read into normalised text, with sections, contact details and warnings."""

    source: str
    format: str  # pdf | docx | txt | text
    language: str  # fr | en
    pages: int
    text: str
    sections: tuple[Section, ...] = ()
    contact: Contact = field(default_factory=Contact)
    warnings: tuple[DocWarning, ...] = ()
    sha256: str = ""  # hash of the source bytes (or of the text for pasted text)

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as in INTERFACES.md."""
        return {
            "source": self.source,
            "format": self.format,
            "language": self.language,
            "pages": self.pages,
            "text": self.text,
            "sections": [s.to_dict() for s in self.sections],
            "contact": self.contact.to_dict(),
            "warnings": [w.to_dict() for w in self.warnings],
        }

    def section_at(self, offset: int) -> str | None:
        """Name of the section containing character `offset`, or None."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section.name
        return None

    def has_warning(self, code: str) -> bool:
        """Whether a warning with this code was raised while reading."""
        return any(w.code == code for w in self.warnings)
