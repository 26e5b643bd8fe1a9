"""Analyse page: upload a CV and an offer (file or pasted text), show the explained match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from app_pages import services
from app_pages.i18n import label_of, t
from app_pages.render import card
from app_pages.report_view import render_report

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"
EXAMPLE = ("cv_fr_data_analyst.pdf", "offer_fr_data_analyst.pdf")


ERROR_ICON = ":material/error:"


def _show_error(outcome: services.Outcome, name: str | None) -> None:
    """A friendly message for input that cannot be read, with the reader's explanation."""
    reason = label_of("error.code", outcome.code)
    text = t("error.file", name=name, message=reason) if name else t("error.text", message=reason)
    st.error(text, icon=ERROR_ICON)
    if outcome.message:
        st.caption(outcome.message)


def _read_file(name: str, data: bytes, role: str) -> tuple[Any, str] | None:
    """Parse file bytes (cached by hash); show an error next to the uploader on failure.

    A scanned document (no text layer) can be read with OCR on request: slower, and a sign
    that most ATS would read nothing from it, which the checks then say.
    """
    sha = services.digest(data)
    outcome = services.parse_upload(sha, name, data)
    if outcome.code == "no_text_layer" and st.toggle(t("analyse.ocr"), key=f"ocr_{role}"):
        with st.spinner(t("analyse.ocr_busy")):
            outcome = services.parse_upload(sha, name, data, ocr=True)
        if outcome.ok:
            st.warning(t("analyse.ocr_done"), icon=":material/document_scanner:")
            return outcome.value, sha
    if not outcome.ok:
        _show_error(outcome, name)
        return None
    return outcome.value, sha


def _read_text(text: str) -> tuple[Any, str] | None:
    """Parse pasted offer text (cached by hash)."""
    sha = services.digest(text)
    outcome = services.parse_pasted(sha, text)
    if not outcome.ok:
        _show_error(outcome, None)
        return None
    return outcome.value, sha


def _example_inputs() -> tuple[tuple[str, bytes], tuple[str, bytes]] | None:
    """The bundled example CV and offer, when sample_data/ holds them."""
    cv_path, offer_path = (SAMPLES / name for name in EXAMPLE)
    if not (cv_path.is_file() and offer_path.is_file()):
        return None
    return (cv_path.name, cv_path.read_bytes()), (offer_path.name, offer_path.read_bytes())


def _score_delta(offer_sha: str, cv_sha: str, score: float) -> float | None:
    """Score change since the previous, different CV scored against the same offer here."""
    history: list[tuple[str, str, float]] = st.session_state.setdefault("score_history", [])
    if not history or history[-1][:2] != (cv_sha, offer_sha):
        history.append((cv_sha, offer_sha, score))
    for prev_cv, prev_offer, prev_score in reversed(history[:-1]):
        if prev_offer == offer_sha and prev_cv != cv_sha:
            return score - prev_score
    return None


st.markdown(f"## {t('analyse.title')}")
st.markdown(f'<div class="cvs-hero"><p>{t("analyse.intro")}</p></div>', unsafe_allow_html=True)

col_cv, col_offer = st.columns(2, gap="large")
with col_cv:
    cv_upload = st.file_uploader(t("analyse.cv_label"), type=["pdf", "docx", "txt"],
                                 key="cv_file", help=t("analyse.cv_help"))
    cv_read = _read_file(cv_upload.name, cv_upload.getvalue(), "cv") if cv_upload else None
    st.caption(t("analyse.cv_tips"))
with col_offer:
    offer_upload = st.file_uploader(t("analyse.offer_label"), type=["pdf", "docx", "txt"],
                                    key="offer_file")
    offer_text = st.text_area(t("analyse.offer_text_label"), key="offer_text", height=150,
                              placeholder=t("analyse.offer_text_ph"))
    offer_read = None
    offer_name = ""
    if offer_upload:
        offer_name = offer_upload.name
        offer_read = _read_file(offer_upload.name, offer_upload.getvalue(), "offer")
        if offer_text.strip():
            st.caption(t("analyse.offer_both"))
    elif offer_text.strip():
        offer_name = t("analyse.pasted_offer")
        offer_read = _read_text(offer_text)

if not cv_upload and not offer_upload and not offer_text.strip():
    example = _example_inputs()
    if example is not None and st.button(t("analyse.example"), key="example_button",
                                          icon=":material/auto_awesome:"):
        st.session_state["use_example"] = True
    if st.session_state.get("use_example") and example is not None:
        (cv_name, cv_bytes), (ex_offer_name, offer_bytes) = example
        st.caption(t("analyse.example_loaded", cv=cv_name, offer=ex_offer_name))
        cv_read = _read_file(cv_name, cv_bytes, "cv")
        offer_read = _read_file(ex_offer_name, offer_bytes, "offer")
        offer_name = ex_offer_name
else:
    st.session_state["use_example"] = False

st.divider()
if cv_read and offer_read:
    (cv_doc, cv_sha), (offer_doc, offer_sha) = cv_read, offer_read
    # The report quotes the file names (the file-name check, the reports' header): the same
    # bytes uploaded under another name are another report.
    key = (f"{cv_sha}:{cv_doc.source}", f"{offer_sha}:{offer_doc.source}")
    with st.spinner(t("busy")):
        outcome = services.match_docs(key[0], key[1], cv_doc, offer_doc)
    if outcome.ok:
        delta = _score_delta(offer_sha, cv_sha, outcome.value.score)
        st.session_state["analysis"] = {
            "report": outcome.value, "key": key, "delta": delta,
            "cv_name": cv_upload.name if cv_upload else cv_doc.source, "offer_name": offer_name,
        }
        render_report(outcome.value, key, delta)
    else:
        _show_error(outcome, None)
elif st.session_state.get("analysis") and not (cv_upload or offer_upload or offer_text.strip()):
    previous = st.session_state["analysis"]
    info_col, clear_col = st.columns([5, 1])
    info_col.info(t("analyse.previous", cv=previous["cv_name"], offer=previous["offer_name"]),
                  icon=":material/history:")
    if clear_col.button(t("analyse.clear"), key="clear_analysis"):
        del st.session_state["analysis"]
        st.rerun()
    render_report(previous["report"], previous["key"], previous.get("delta"))
else:
    st.info(t("analyse.waiting"), icon=":material/upload_file:")
    for col, step in zip(st.columns(3, gap="medium"), ("1", "2", "3"), strict=True):
        col.markdown(card(t(f"how.{step}.title"), t(f"how.{step}.body")), unsafe_allow_html=True)
