"""Hostile input: truncated, mutated and random files give a result or a DocumentError, fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import DocumentError
from analysis.parsing import Limits, ParsedDocument, parse_document

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
SEEDS = {
    name: (SAMPLES / name).read_bytes()
    for name in (
        "cv_fr_data_analyst_2col.pdf",
        "cv_en_account_manager_nospace.pdf",
        "cv_en_account_manager_web_2col.pdf",  # Chromium: compressed streams, CID fonts
        "cv_fr_comptable_table.docx",
        "cv_fr_infirmiere_header_textbox.docx",
        "offer_fr_infirmiere.txt",
    )
}
TIME_BOUND_S = 10.0
LIMITS = Limits(timeout_s=5.0)
HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(data: bytes, name: str) -> None:
    start = time.monotonic()
    try:
        doc = parse_document(data, name, limits=LIMITS)
    except DocumentError as exc:
        assert exc.code in {
            "corrupt",
            "encrypted",
            "no_text_layer",
            "empty",
            "unsupported_format",
            "too_large",
        }
        assert str(exc)
    else:
        assert isinstance(doc, ParsedDocument) and doc.text.strip()
        assert all(0 <= s.start < s.end <= len(doc.text) for s in doc.sections)
        assert doc.language in {"fr", "en"}
    assert time.monotonic() - start < TIME_BOUND_S


@HYPOTHESIS
@given(name=st.sampled_from(sorted(SEEDS)), cut=st.floats(0.0, 1.0))
def test_truncated_files(name: str, cut: float) -> None:
    data = SEEDS[name]
    _check(data[: int(len(data) * cut)], name)


@HYPOTHESIS
@given(
    name=st.sampled_from(sorted(SEEDS)),
    edits=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), min_size=1, max_size=40),
)
def test_mutated_files(name: str, edits: list[tuple[float, int]]) -> None:
    _check(_mutated(name, edits), name)


def _mutated(name: str, edits: list[tuple[float, int]]) -> bytes:
    """A seed file with bytes overwritten: (relative position, new byte value) pairs."""
    data = bytearray(SEEDS[name])
    for where, value in edits:
        data[min(int(where * len(data)), len(data) - 1)] = value
    return bytes(data)


@HYPOTHESIS
@given(
    data=st.binary(min_size=0, max_size=4000),
    ext=st.sampled_from([".pdf", ".docx", ".txt", "", ".png"]),
    prefix=st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xff\xfe", b"\x89PNG\r\n\x1a\n"]),
)
def test_random_bytes(data: bytes, ext: str, prefix: bytes) -> None:
    _check(prefix + data, f"random{ext}")


@pytest.mark.parametrize("text", ["\x00" * 10, "a" * 5000, "é" * 3000 + "\ud800", "\u202e" * 50])
def test_hostile_text_files(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"), "hostile.txt")


# Falsifying examples the mutation search found in wider runs, kept so every run checks them.
@pytest.mark.parametrize(("name", "edits"), [
    # one byte of a font's ToUnicode map changed: pdfium then yields half of a UTF-16 surrogate
    # pair, text that cannot be encoded as UTF-8 (the language detector raised)
    ("cv_en_account_manager_web_2col.pdf", [(0.15, 17)]),
])
def test_found_mutations(name: str, edits: list[tuple[float, int]]) -> None:
    _check(_mutated(name, edits), name)
