"""`parse_document` / `parse_text`: format sniffing, limits, and the steps common to formats."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from analysis.errors import (
    CorruptError,
    DocumentError,
    EmptyError,
    NoTextLayerError,
    NotFoundError,
    TooLargeError,
    UnsupportedFormatError,
)
from analysis.parsing.contact import find_contact
from analysis.parsing.document import DocWarning, ParsedDocument
from analysis.parsing.language import detect_language
from analysis.parsing.limits import Deadline, Limits
from analysis.parsing.messages import make_warning
from analysis.parsing.normalise import fix_encoding, normalise_lines
from analysis.parsing.raw import RawText
from analysis.parsing.sections import find_sections

_THREE_LETTERS = re.compile(r"[^\W\d_](?:.*?[^\W\d_]){2}", re.DOTALL)
LONG_PAGES = 3
LONG_WORDS = 1400
_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)
_TEXT_EXT = {".txt", ".text", ".md", ".csv", ""}
_DOC_EXT = {".doc", ".odt", ".rtf", ".pages", ".xls", ".xlsx", ".ppt", ".pptx", ".html", ".htm"}


def _load(source: str | Path | bytes, filename: str | None, limits: Limits) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > limits.max_bytes:
            raise TooLargeError(_size_message(len(data), limits))
        return data, filename or "<bytes>"
    path = Path(source)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UnsupportedFormatError(f"{path} is a folder, not a document")
        if size > limits.max_bytes:
            raise TooLargeError(_size_message(size, limits))
        return path.read_bytes(), filename or path.name
    except FileNotFoundError:
        raise NotFoundError(f"file not found: {path}") from None
    except PermissionError:
        raise NotFoundError(f"file cannot be read (permission denied): {path}") from None
    except OSError as exc:
        raise NotFoundError(f"file cannot be read: {path} ({exc.strerror})") from None


def _size_message(size: int, limits: Limits) -> str:
    return f"the file is {size / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB"


def sniff_format(data: bytes, name: str) -> str:
    """'pdf', 'docx', 'txt' or 'image' from magic bytes first, then the file extension."""
    ext = os.path.splitext(name.lower())[1]
    header = data.find(b"%PDF-", 0, 1 << 16)
    if 0 <= header <= 1024 or (header > 0 and b"startxref" in data[-4096:]):
        return "pdf"  # junk before the header is tolerated (see pdf_reader)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        if ext in {".doc", ".xls", ".ppt"} and data.startswith(b"\xd0\xcf\x11\xe0"):
            raise UnsupportedFormatError(
                f"old {ext} files are not supported: save the file as DOCX or PDF"
            )
        return "docx"
    for magic, _kind in _IMAGE_MAGIC:
        if data.startswith(magic):
            return "image"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image"
    if ext == ".pdf":
        raise CorruptError("the file is named .pdf but is not a PDF (it may be damaged)")
    if ext == ".docx":
        raise CorruptError("the file is named .docx but is not a Word document (it may be damaged)")
    if ext in _DOC_EXT or data.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFormatError(
            f"{ext or 'this'} files are not supported: CVScope reads PDF, DOCX and TXT"
        )
    if ext in _TEXT_EXT or ext not in _DOC_EXT:
        return "txt"
    raise UnsupportedFormatError("unsupported file type")  # pragma: no cover


def parse_document(
    source: str | Path | bytes,
    filename: str | None = None,
    *,
    ocr: bool = False,
    limits: Limits | None = None,
) -> ParsedDocument:
    """Read a PDF, DOCX or TXT CV/offer (path or bytes) into a `ParsedDocument`."""
    limits = limits or Limits()
    data, name = _load(source, filename, limits)
    if not data.strip():
        raise EmptyError(f"{name} is empty")
    deadline = Deadline(limits.timeout_s)
    try:
        raw = _read(data, name, limits, deadline, ocr)
    except DocumentError:
        raise
    except MemoryError:
        raise TooLargeError("the document needs more memory than is available") from None
    except RecursionError:
        raise CorruptError("the document is too deeply nested to be read") from None
    except Exception as exc:  # a library choking on hostile input must not leak out
        raise CorruptError(f"the file cannot be read ({type(exc).__name__}: {exc})") from None
    source_name = str(source) if isinstance(source, str | Path) else name
    return _finish(raw, source_name, hashlib.sha256(data).hexdigest(), limits)


def _read(data: bytes, name: str, limits: Limits, deadline: Deadline, ocr: bool) -> RawText:
    kind = sniff_format(data, name)
    if kind == "pdf":
        from analysis.parsing.pdf_reader import read_pdf

        return read_pdf(data, limits, deadline, ocr=ocr)
    if kind == "docx":
        from analysis.parsing.docx_reader import read_docx

        return read_docx(data, limits, deadline)
    if kind == "image":
        if not ocr:
            from analysis.parsing.pdf_reader import NO_TEXT_MESSAGE

            raise NoTextLayerError(
                NO_TEXT_MESSAGE.replace("(it is a scan or an image)", "(it is an image)").format(
                    ocr_hint="; or use --ocr to read it with Tesseract"
                )
            )
        from analysis.parsing.ocr_image import read_image

        return read_image(data, deadline, limits)
    from analysis.parsing.text_reader import read_text

    return read_text(data)


def _finish(raw: RawText, source: str, sha256: str, limits: Limits) -> ParsedDocument:
    text, warnings = _clean("\n".join(raw.lines), limits, "document")
    warnings = list(raw.warnings) + warnings
    words = len(text.split())
    if raw.pages > LONG_PAGES or words > LONG_WORDS:
        warnings.append(make_warning("long_document", f"{raw.pages} pages, {words} words"))
    return _document(source, raw.format, raw.pages, text, tuple(warnings), sha256)


def _clean(text: str, limits: Limits, what: str) -> tuple[str, list[DocWarning]]:
    """Size check, mojibake repair and normalisation shared by files and pasted text."""
    if len(text) > limits.max_text_chars:
        raise TooLargeError(f"the {what} holds more than {limits.max_text_chars} characters")
    fixed, repaired = fix_encoding(text)
    clean = normalise_lines(fixed.split("\n"))
    if not _THREE_LETTERS.search(clean):
        raise EmptyError(f"the {what} contains no readable text")
    return clean, [make_warning("encoding_repaired")] if repaired else []


def _document(
    source: str, fmt: str, pages: int, text: str, warnings: tuple[DocWarning, ...], sha256: str
) -> ParsedDocument:
    return ParsedDocument(
        source=source,
        format=fmt,
        language=detect_language(text),
        pages=pages,
        text=text,
        sections=find_sections(text),
        contact=find_contact(text),
        warnings=warnings,
        sha256=sha256,
    )


def parse_text(text: str, source: str = "<text>") -> ParsedDocument:
    """Read pasted text (an offer or a CV) into a `ParsedDocument` of format 'text'."""
    if not isinstance(text, str):
        raise CorruptError("text input must be a string")
    clean, warnings = _clean(text, Limits(), "text")
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _document(source, "text", 1, clean, tuple(warnings), sha)
