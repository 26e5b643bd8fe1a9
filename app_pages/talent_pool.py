"""Talent pool page: add rejected candidates, re-rank them for a new offer, erase for good."""

from __future__ import annotations

import json
import os
from datetime import date
from typing import Any

import streamlit as st

from analysis import pool
from analysis.errors import DocumentError
from analysis.storage import Store
from app_pages.i18n import tr as _tr
from app_pages.labels import STAGES
from app_pages.labels import table_formatter as _label
from app_pages.render import md_escape as _md
from app_pages.services import store as _open


def _store() -> Store:
    return _open(os.environ.get("CVSCOPE_DB") or None)


REASONS = {"technical": ("Compétences techniques", "Technical skills"),
           "soft_skills": ("Savoir-être", "Soft skills"),
           "culture_fit": ("Adéquation culturelle", "Culture fit"),
           "experience": ("Expérience", "Experience"), "other": ("Autre", "Other")}
LEVELS = {"junior": ("Junior", "Junior"), "mid": ("Confirmé", "Mid-level"),
          "senior": ("Senior", "Senior"), "executive": ("Cadre dirigeant", "Executive")}
CHANNELS = {"email": ("E-mail", "Email"), "phone": ("Téléphone", "Phone"), "sms": ("SMS", "SMS")}



def _error(exc: DocumentError) -> None:
    st.error(f"{exc.code}: {exc.message}")


store = _store()
purged = pool.purge(store)  # the retention setting applies on every visit
st.markdown(f"## {_tr('Vivier de talents', 'Talent pool')}")
st.caption(_tr(
    "Gardez les candidats refusés avec la raison du refus, reclassez-les pour une nouvelle offre "
    "et sachez comment les recontacter. Tout reste sur cet ordinateur.",
    "Keep rejected candidates with the reason, re-rank them for a new offer and know how to "
    "re-contact them. Everything stays on this computer."))
if purged:
    st.info(_tr(f"{len(purged)} candidat(s) effacé(s) : durée de conservation dépassée.",
                f"{len(purged)} candidate(s) erased: retention period exceeded."))

tab_match, tab_add, tab_pool = st.tabs([_tr("Nouvelle offre", "New offer"),
                                        _tr("Ajouter", "Add"), _tr("Vivier", "Pool")])

with tab_add, st.form("pool_add_form", clear_on_submit=True):
    cv_file = st.file_uploader(_tr("CV (PDF, DOCX ou TXT)", "CV (PDF, DOCX or TXT)"),
                               type=["pdf", "docx", "txt"], key="pool_cv_file")
    name = st.text_input(_tr("Nom", "Name"), key="pool_name")
    col1, col2 = st.columns(2)
    reason = col1.selectbox(_tr("Raison du refus", "Rejection reason"), list(REASONS),
                            format_func=_label(REASONS), key="pool_reason")
    stage = col2.selectbox(_tr("Étape atteinte", "Stage reached"), list(STAGES),
                           format_func=_label(STAGES), key="pool_stage")
    level = col1.selectbox(_tr("Niveau du poste", "Role level"), list(LEVELS),
                           format_func=_label(LEVELS), key="pool_level")
    channel = col2.selectbox(_tr("Canal utilisé", "Channel used"), list(CHANNELS),
                             format_func=_label(CHANNELS), key="pool_channel")
    position = col1.text_input(_tr("Poste visé", "Position"), key="pool_position")
    rejected_on = col2.date_input(_tr("Date du refus", "Rejection date"), value=date.today(),
                                  max_value=date.today(), key="pool_date")
    note = st.text_area(_tr("Notes", "Notes"), key="pool_note")
    dnc = st.checkbox(_tr("Ne souhaite pas être recontacté(e)", "Asked not to be contacted"),
                      key="pool_dnc")
    bad = st.checkbox(_tr("A mal réagi au refus", "Reacted badly to the rejection"),
                      key="pool_bad")
    if st.form_submit_button(_tr("Ajouter au vivier", "Add to the pool")):
        if cv_file is None or not name.strip():
            st.warning(_tr("Il faut un CV et un nom.", "A CV and a name are needed."))
        else:
            try:
                with st.spinner(_tr("Lecture du CV…", "Reading the CV…")):
                    entry = pool.add_candidate(
                        store, cv_file.getvalue(), filename=cv_file.name, name=name,
                        reason=reason, stage=stage, role_level=level, channel=channel,
                        position=position or None, note=note or None, rejected_on=rejected_on,
                        do_not_contact=dnc, reacted_badly=bad)
                st.success(_tr(f"{_md(entry.name)} ajouté(e) (n° {entry.id}).",
                               f"{_md(entry.name)} added (#{entry.id})."))
            except DocumentError as exc:
                _error(exc)

with tab_match:
    offer_file = st.file_uploader(_tr("Offre (PDF, DOCX ou TXT)", "Offer (PDF, DOCX or TXT)"),
                                  type=["pdf", "docx", "txt"], key="pool_offer_file")
    offer_text = st.text_area(_tr("… ou collez l'offre", "… or paste the offer"),
                              key="pool_offer_text", height=140)
    top = st.number_input(_tr("Nombre de candidats", "Number of candidates"), 1, 1000, 20,
                          key="pool_top")
    if st.button(_tr("Classer le vivier", "Rank the pool"), key="pool_match", type="primary"):
        source: Any = offer_file.getvalue() if offer_file else offer_text.strip()
        if not source:
            st.warning(_tr("Déposez ou collez une offre.", "Upload or paste an offer."))
        else:
            try:
                with st.spinner(_tr("Classement…", "Ranking…")):
                    ranked = pool.match_pool(store, source, top=int(top),
                                             filename=offer_file.name if offer_file else None,
                                             lang=st.session_state.get("lang", "fr"))
                st.session_state["pool_results"] = [m.to_dict() for m in ranked]
            except DocumentError as exc:
                _error(exc)
    results = st.session_state.get("pool_results")
    if results is not None and not results:
        st.info(_tr("Le vivier est vide.", "The pool is empty."))
    for rank, m in enumerate(results or [], 1):
        flag = " 🚫" if m["do_not_contact"] else (" ⚠️" if "reacted_badly" in m["flags"] else "")
        title = (f"{rank}. {_md(m['name'])} — {m['score']:.0f}/100 — "
                 f"{_label(CHANNELS)(m['channel'])}{flag}")
        with st.expander(title, expanded=rank <= 3):
            st.caption(f"{_label(REASONS)(m['previous_reason'])} · "
                       f"{_label(STAGES)(m['previous_stage'])} · "
                       + _tr(f"il y a {m['days_since']} jours", f"{m['days_since']} days ago"))
            if m["do_not_contact"]:
                st.error(_tr("Ne pas contacter.", "Do not contact."))
            for point in m["talking_points"]:
                st.markdown(f"- {_md(point)}")

with tab_pool:
    entries = pool.list_candidates(store)
    st.dataframe([{"#": e.id, _tr("Nom", "Name"): e.name, _tr("Poste", "Position"): e.position,
                   _tr("Raison", "Reason"): _label(REASONS)(e.reason),
                   _tr("Étape", "Stage"): _label(STAGES)(e.stage),
                   _tr("Jours", "Days"): e.days_since,
                   _tr("À ne pas contacter", "Do not contact"): e.do_not_contact}
                  for e in entries], hide_index=True, width="stretch")
    if entries:
        chosen = st.selectbox(_tr("Candidat", "Candidate"), [e.id for e in entries],
                              format_func=lambda i: next(f"#{e.id} {e.name}" for e in entries
                                                         if e.id == i), key="pool_selected")
        sure = st.checkbox(_tr("Je confirme l'effacement définitif", "I confirm erasing for good"),
                           key="pool_delete_confirm")
        if st.button(_tr("Effacer définitivement", "Erase for good"), key="pool_delete",
                     disabled=not sure):
            pool.forget(store, int(chosen))
            st.session_state.pop("pool_results", None)
            st.success(_tr("Candidat effacé.", "Candidate erased."))
            st.rerun()
    st.divider()
    months = st.number_input(_tr("Conservation (mois)", "Retention (months)"), 1, 120,
                             pool.retention_months(store), key="pool_retention")
    if st.button(_tr("Enregistrer et purger", "Save and purge"), key="pool_purge"):
        pool.set_retention_months(store, int(months))
        gone = pool.purge(store)
        st.success(_tr(f"{len(gone)} candidat(s) effacé(s).", f"{len(gone)} candidate(s) erased."))
    anonymize = st.checkbox(_tr("Export anonymisé", "Anonymised export"), value=True,
                            key="pool_anonymize")
    st.download_button(_tr("Exporter (JSON)", "Export (JSON)"),
                       json.dumps(pool.export(store, anonymize=anonymize), ensure_ascii=False,
                                  indent=2), file_name="talent-pool.json",
                       mime="application/json", key="pool_export")
