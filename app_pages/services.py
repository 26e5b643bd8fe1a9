"""Cached calls into the `analysis` package: heavy loaders once, documents by content hash.

`@st.cache_resource` holds the spaCy pipelines and the taxonomy (shared, never mutated);
`@st.cache_data` holds parsed documents and match reports keyed on the sha256 of the bytes, so
a re-run after a widget change neither re-parses nor re-matches unchanged files.
Bad input is returned as an `Outcome` with the error's code and message rather than raised,
so the (uncachable) failure of a bad file is not recomputed on every re-run either.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from typing import Any

import streamlit as st

from analysis.errors import DocumentError
from analysis.storage import Store, open_store


@dataclass(frozen=True)
class Outcome:
    """A cached result: either `value`, or the error `code` and `message` of bad input."""

    value: Any = None
    code: str | None = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the call succeeded."""
        return self.code is None


def digest(data: bytes | str) -> str:
    """sha256 hex digest of bytes (or of UTF-8 text)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


@st.cache_resource(show_spinner=False)
def taxonomy() -> Any:
    """The skills taxonomy, loaded once per server process."""
    from analysis.taxonomy import load_taxonomy

    return load_taxonomy()


@st.cache_resource(show_spinner=False)
def nlp(lang: str) -> Any:
    """The spaCy pipeline for `lang`, loaded once per server process."""
    from analysis.extraction import get_nlp

    return get_nlp(lang)


def _load_models() -> None:
    """Exercise the loaders once (pipelines, skill matchers, taxonomy, keyword model)."""
    from analysis.extraction import extract_skills
    from analysis.matching import load_keyword_model

    try:
        extract_skills("Analyse de données avec Python et SQL, esprit d'équipe.", "fr")
        extract_skills("Data analysis with Python and SQL, teamwork.", "en")
        load_keyword_model()
    except Exception:  # noqa: BLE001 - the same error resurfaces, shown, on first real use
        logging.getLogger(__name__).exception("warm-up failed")


@st.cache_resource(show_spinner=False)
def start_warm_up() -> threading.Thread:
    """Start loading the models in the background, once per server process.

    Called when a session opens, so the ~20 s of model loading overlaps with the user
    choosing files instead of following their first upload.
    """
    thread = threading.Thread(target=_load_models, name="cvscope-warm-up", daemon=True)
    thread.start()
    return thread


def warm_up() -> None:
    """Wait for the background warm-up, then hold the taxonomy and pipelines as resources."""
    start_warm_up().join()
    taxonomy()
    for lang in ("fr", "en"):
        nlp(lang)


@st.cache_data(show_spinner=False, max_entries=128)
def parse_upload(sha256: str, filename: str, _data: bytes, ocr: bool = False) -> Outcome:
    """Parse an uploaded file; cached on its content hash and name (bytes are not re-hashed)."""
    from analysis import parsing

    try:
        return Outcome(parsing.parse_document(_data, filename=filename, ocr=ocr))
    except DocumentError as exc:
        return Outcome(code=exc.code, message=exc.message)


@st.cache_data(show_spinner=False, max_entries=128)
def parse_pasted(sha256: str, _text: str) -> Outcome:
    """Parse pasted text; cached on its hash."""
    from analysis import parsing

    try:
        return Outcome(parsing.parse_text(_text, source="offer.txt"))
    except DocumentError as exc:
        return Outcome(code=exc.code, message=exc.message)


@st.cache_data(show_spinner=False, max_entries=64)
def match_docs(cv_sha: str, offer_sha: str, _cv: Any, _offer: Any) -> Outcome:
    """Match a parsed CV with a parsed offer; cached on both keys (content hash and name)."""
    from analysis import matching

    warm_up()
    try:
        return Outcome(matching.match(_cv, _offer))
    except DocumentError as exc:
        return Outcome(code=exc.code, message=exc.message)


@st.cache_data(show_spinner=False, max_entries=64)
def report_exports(cv_sha: str, offer_sha: str, _report: Any) -> dict[str, bytes | str]:
    """The report as HTML, DOCX and JSON bytes (a failed export maps to its error text)."""
    import json

    from analysis import reporting

    out: dict[str, bytes | str] = {}
    out["json"] = json.dumps(_report.to_dict(), ensure_ascii=False, indent=2).encode("utf-8")
    for fmt, fn in (("html", "to_html"), ("docx", "to_docx")):
        try:
            data = getattr(reporting, fn)(_report)
            out[fmt] = data.encode("utf-8") if isinstance(data, str) else data
        except Exception as exc:  # noqa: BLE001 - shown as a friendly message next to the button
            out[fmt] = f"{type(exc).__name__}: {exc}"
    return out


@st.cache_resource(show_spinner=False)
def store(url: str | None) -> Store:
    """The database (`--db`/`CVSCOPE_DB` URL or the default SQLite file), opened once."""
    return open_store(url)
