"""Batch outputs (CSV, JSON, XLSX) as bytes, and the atomic temp-file-then-rename write."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from analysis.batch.types import COLUMNS, BatchRow
from analysis.errors import InvalidArgumentError

FORMATS: tuple[str, ...] = ("csv", "json", "xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: object) -> object:
    """Stop a spreadsheet from running a cell as a formula (file names are user data)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_bytes(rows: Sequence[BatchRow]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _defuse(v) for k, v in row.to_flat().items()})
    # UTF-8 with BOM: Excel then opens accents (é, è) correctly; csv readers use "utf-8-sig".
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_bytes(rows: Sequence[BatchRow]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "results"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row.to_flat().values(), start=1):
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell = sheet.cell(row=r, column=c, value=value if value != "" else None)
            if isinstance(value, str) and value:
                cell.data_type = "s"  # never a formula, even when the text starts with "="
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rows_to_bytes(rows: Sequence[BatchRow], fmt: str) -> bytes:
    """The rows as a CSV, JSON (array of objects) or XLSX file, in memory."""
    if fmt == "csv":
        return _csv_bytes(rows)
    if fmt == "json":
        text = json.dumps([row.to_dict() for row in rows], ensure_ascii=False, indent=2)
        return (text + "\n").encode("utf-8")
    if fmt == "xlsx":
        return _xlsx_bytes(rows)
    raise InvalidArgumentError(f"unknown output format {fmt!r} (use csv, json or xlsx)")


def output_format(path: Path) -> str:
    """The output format named by the file extension, or an `invalid_argument` error."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidArgumentError(
            f"output file must end in .csv, .json or .xlsx, not {path.name!r}"
        )
    return fmt


def write_atomic(path: Path, data: bytes, *, overwrite: bool) -> None:
    """Write `data` to a temp file in `path`'s folder, then rename it over `path`."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes 0600 files; give the usual permissions
        if not overwrite and os.path.lexists(path):
            raise InvalidArgumentError(f"{path} already exists (use --force to overwrite it)")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
