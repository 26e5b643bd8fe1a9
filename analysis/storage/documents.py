"""Read a CV or offer once, keep its bytes, text and extraction; rebuild it from the cache later."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.errors import NotFoundError
from analysis.extraction.types import Profile
from analysis.parsing.document import ParsedDocument
from analysis.storage.codec import dump_extraction, extraction_version, load_extraction

MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Extracted:
    """A document read and profiled: the original bytes (if a file), the parse and the profile."""

    content: bytes | None
    filename: str | None
    doc: ParsedDocument
    profile: Profile
    tokens: tuple[str, ...] | None = None  # keyword lemma tokens (matching's keyword component)

    def cache(self) -> dict[str, Any]:
        """The JSON cache to store beside the text."""
        return dump_extraction(self.doc, self.profile, self.tokens)


def read_source(source: str | Path | bytes | ParsedDocument,
                filename: str | None = None) -> tuple[bytes | None, str | None, ParsedDocument]:
    """Parse `source` (file path, bytes, pasted text or an already parsed document)."""
    from analysis.parsing import parse_document, parse_text

    if isinstance(source, ParsedDocument):
        return None, filename or source.source, source
    if isinstance(source, bytes):
        return source, filename, parse_document(source, filename)
    path = Path(source) if isinstance(source, Path) else None
    if path is None and isinstance(source, str) and "\n" not in source and len(source) < 4096:
        candidate = Path(source).expanduser()
        if candidate.suffix and (candidate.exists() or candidate.suffix.lower() in
                                 (".pdf", ".docx", ".txt", ".doc", ".odt", ".rtf")):
            path = candidate
    if path is not None:
        if not path.is_file():
            raise NotFoundError(f"{path}: no such file")
        content = path.read_bytes()
        return content, path.name, parse_document(content, path.name)
    return None, filename, parse_text(str(source))


def extract(source: str | Path | bytes | ParsedDocument, role: str,
            filename: str | None = None) -> Extracted:
    """Read `source` and profile it as a `role` ("cv" or "offer") with the extraction stage."""
    from analysis.extraction import profile_cv, profile_offer
    from analysis.matching import keyword_tokens

    content, name, doc = read_source(source, filename)
    profile = profile_cv(doc) if role == "cv" else profile_offer(doc)
    return Extracted(content, name, doc, profile, tuple(keyword_tokens(doc.text, doc.language)))


def from_cache(cache: dict[str, Any] | None, version: str | None, text: str,
               content: bytes | None, filename: str | None, role: str) -> tuple[Extracted, bool]:
    """The cached extraction, or a fresh one when missing or made by other code; (result, fresh)."""
    if cache and version == extraction_version():
        doc, profile, tokens = load_extraction(cache, text)
        return Extracted(content, filename, doc, profile, tokens), False
    if content:
        return extract(content, role, filename), True
    return extract(text, role, filename), True
