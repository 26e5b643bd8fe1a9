"""Batch page: many CVs (files or a zip) against one or more offers, ranked, downloadable."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages.i18n import t, tr

CV_TYPES = ["pdf", "docx", "txt", "zip"]


def _uploads(files: list[Any] | None) -> list[tuple[str, bytes | str]]:
    """(name, bytes) of each uploaded file."""
    return [(f.name, f.getvalue()) for f in files or []]


def _table(rows: list[Any]) -> list[dict[str, Any]]:
    """Display rows: ranked first, then errors; component values as percentages."""
    out = []
    for row in rows:
        out.append({
            tr("Offre", "Offer"): row.offer,
            tr("Rang", "Rank"): row.rank,
            "CV": row.cv,
            "Score": None if row.score is None else round(row.score, 1),
            tr("Compétences techniques", "Hard skills"):
                None if row.hard_skills is None else round(row.hard_skills * 100),
            tr("Savoir-être", "Soft skills"):
                None if row.soft_skills is None else round(row.soft_skills * 100),
            tr("Obligatoires manquantes", "Missing required"): ", ".join(row.missing_required),
            tr("Langue", "Language"): row.language or "",
            tr("Erreur", "Error"): (f"{row.error}: {row.error_message}"
                                    if row.error and row.error_message else row.error or ""),
        })
    return out


st.markdown(f"## {t('nav.batch')}")
st.caption(tr(
    "Déposez plusieurs CV (ou une archive .zip) et une ou plusieurs offres : chaque CV est noté "
    "face à chaque offre et classé. Un fichier illisible est signalé sans arrêter le lot.",
    "Drop many CVs (or a .zip archive) and one or more offers: every CV is scored against every "
    "offer and ranked. An unreadable file is reported and the batch goes on."))

col_cvs, col_offers = st.columns(2, gap="large")
with col_cvs:
    cv_files = st.file_uploader(tr("CV (PDF, DOCX, TXT ou ZIP)", "CVs (PDF, DOCX, TXT or ZIP)"),
                                type=CV_TYPES, accept_multiple_files=True, key="batch_cvs")
with col_offers:
    offer_files = st.file_uploader(tr("Offres (PDF, DOCX ou TXT)", "Offers (PDF, DOCX or TXT)"),
                                   type=["pdf", "docx", "txt"], accept_multiple_files=True,
                                   key="batch_offers")
    offer_text = st.text_area(tr("… ou collez une offre", "… or paste an offer"),
                              key="batch_offer_text", height=120)

cvs = _uploads(cv_files)
offers = _uploads(offer_files)
if offer_text.strip():
    offers.append((tr("offre collée", "pasted offer"), offer_text))

ready = bool(cvs and offers)
if st.button(tr("Noter et classer", "Score and rank"), type="primary", disabled=not ready,
             key="batch_run"):
    from analysis.batch import score_uploads
    from analysis.errors import DocumentError

    bar = st.progress(0.0, text=tr("Préparation…", "Preparing…"))

    def _progress(done: int, total: int) -> None:
        bar.progress(min(done / max(total, 1), 1.0),
                     text=tr(f"{done} / {total} CV notés", f"{done} / {total} CVs scored"))

    try:
        rows = score_uploads(cvs, offers, progress=_progress)
        st.session_state["batch_rows"] = rows
        bar.progress(1.0, text=tr("Terminé", "Done"))
    except DocumentError as exc:
        bar.empty()
        st.error(exc.message, icon=":material/error:")
elif not ready:
    st.info(tr("Ajoutez au moins un CV et une offre.", "Add at least one CV and one offer."),
            icon=":material/upload_file:")

rows = st.session_state.get("batch_rows")
if rows:
    from analysis.batch import rows_to_bytes

    scored = [r for r in rows if r.error is None]
    failed = [r for r in rows if r.error is not None]
    c1, c2, c3 = st.columns(3)
    c1.metric(tr("CV notés", "CVs scored"), len({r.cv for r in scored}))
    c2.metric(tr("Offres", "Offers"), len({r.offer for r in rows}))
    c3.metric(tr("Fichiers illisibles", "Unreadable files"), len({r.cv for r in failed}))
    percent = st.column_config.NumberColumn(format="%d %%")
    st.dataframe(
        _table(rows), hide_index=True, width="stretch",
        column_config={
            "Score": st.column_config.ProgressColumn("Score", min_value=0, max_value=100,
                                                     format="%.0f"),
            tr("Compétences techniques", "Hard skills"): percent,
            tr("Savoir-être", "Soft skills"): percent,
        })
    col_csv, col_xlsx, _ = st.columns([1, 1, 3])
    col_csv.download_button("CSV", rows_to_bytes(rows, "csv"), file_name="cvscope-batch.csv",
                            mime="text/csv", key="dl_batch_csv", width="stretch",
                            icon=":material/download:")
    col_xlsx.download_button(
        "XLSX", rows_to_bytes(rows, "xlsx"), file_name="cvscope-batch.xlsx",
        icon=":material/download:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="dl_batch_xlsx", width="stretch")
