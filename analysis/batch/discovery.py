"""Finding the CV files of a batch: folders walked recursively, uploads and zip archives."""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import NotFoundError

# Files taken from folders: what CVScope reads, plus common CV formats it does not read; those
# get a row with the reader's error code (unsupported_format, or no_text_layer for an image) so
# a recruiter sees them instead of losing them silently.
READABLE_SUFFIXES = frozenset({".pdf", ".docx", ".txt"})
REPORTED_SUFFIXES = frozenset({".doc", ".odt", ".rtf", ".pages", ".png", ".jpg", ".jpeg"})

MAX_FILE_BYTES = 10 * 1024 * 1024  # same default as the parser's file-size limit
MAX_ZIP_MEMBERS = 2000
MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class CvSource:
    """One CV to score: its display name, its path on disk (or "") and, for uploads, bytes."""

    name: str
    path: str = ""
    data: bytes | None = None
    error: str | None = None  # set when the source is refused before parsing
    error_message: str | None = None


def _wanted(name: str) -> bool:
    base = os.path.basename(name)
    if base.startswith((".", "~$")):  # hidden files, Office lock files
        return False
    return os.path.splitext(base)[1].lower() in READABLE_SUFFIXES | REPORTED_SUFFIXES


def discover(paths: Sequence[str | Path]) -> list[CvSource]:
    """CV files named by `paths` (files, or folders walked recursively), sorted, no duplicates."""
    found: list[CvSource] = []
    seen: set[str] = set()

    def add(path: Path, name: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.append(CvSource(name=name, path=str(path)))

    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            batch: list[tuple[str, Path]] = []
            # Symlinked folders are not followed: no loops, no walking out of the tree.
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in files:
                    full = Path(folder) / file
                    if _wanted(file) and full.is_file():
                        batch.append((full.relative_to(root).as_posix(), full))
            for name, full in sorted(batch):
                add(full, name)
        elif root.is_file():
            add(root, root.name)
        else:
            raise NotFoundError(f"no such file or folder: {raw}")
    return found


def read_source(source: CvSource, max_bytes: int = MAX_FILE_BYTES) -> tuple[bytes | None, str]:
    """The bytes of `source` (None when over `max_bytes`) and their sha256 hex digest."""
    if source.data is not None:
        return source.data, hashlib.sha256(source.data).hexdigest()
    size = os.path.getsize(source.path)
    if size > max_bytes:
        digest = hashlib.sha256()
        with open(source.path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return None, digest.hexdigest()
    data = Path(source.path).read_bytes()
    return data, hashlib.sha256(data).hexdigest()


def _safe_member_name(name: str) -> str | None:
    """A normalised relative name for a zip member, or None if it escapes the archive."""
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    norm = posixpath.normpath(name)
    if norm.startswith("../") or norm == ".." or norm.startswith("/"):
        return None
    return norm


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | None:
    # Read at most limit + 1 bytes: the size in the header may lie (zip bombs).
    with archive.open(info) as fh:
        data = fh.read(limit + 1)
    return None if len(data) > limit else data


def expand_zip(name: str, data: bytes, max_bytes: int = MAX_FILE_BYTES) -> Iterator[CvSource]:
    """The CV files inside a zip archive, read in memory only (nothing is written to disk)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield CvSource(name=name, error="corrupt", error_message=f"not a readable zip: {exc}")
        return
    total = 0
    kept = 0
    with archive:
        for info in infos:
            if info.is_dir() or info.filename.startswith("__MACOSX/"):
                continue
            member = f"{name}/{info.filename}"
            safe = _safe_member_name(info.filename)
            if safe is None:
                yield CvSource(name=member, error="invalid_argument",
                               error_message="unsafe path inside the zip archive")
                continue
            member = f"{name}/{safe}"
            nested = safe.lower().endswith(".zip")
            if not nested and not _wanted(safe):
                continue
            kept += 1
            if kept > MAX_ZIP_MEMBERS:
                yield CvSource(name=member, error="too_large",
                               error_message=f"more than {MAX_ZIP_MEMBERS} files in the archive")
                return
            if nested:
                yield CvSource(name=member, error="unsupported_format",
                               error_message="nested zip archives are not opened")
                continue
            if info.flag_bits & 0x1:
                yield CvSource(name=member, error="encrypted",
                               error_message="password-protected zip member")
                continue
            try:
                content = _read_member(archive, info, max_bytes)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                yield CvSource(name=member, error="corrupt", error_message=str(exc))
                continue
            if content is None:
                yield CvSource(name=member, error="too_large",
                               error_message=f"larger than {max_bytes // (1024 * 1024)} MB")
                continue
            total += len(content)
            if total > MAX_ZIP_TOTAL_BYTES:
                yield CvSource(name=member, error="too_large",
                               error_message="the archive expands to more than 512 MB")
                return
            yield CvSource(name=member, data=content)


def upload_sources(cvs: Sequence[tuple[str, bytes]]) -> Iterator[CvSource]:
    """Uploaded (name, bytes) pairs as CV sources, zip archives expanded in memory."""
    for name, data in cvs:
        if name.lower().endswith(".zip"):
            yield from expand_zip(name, data)
        else:
            yield CvSource(name=name, data=data)
