"""Coaching page: a candidate's CV versions, score history, applications, follow-ups, report."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

import streamlit as st

from analysis import coaching
from analysis.errors import DocumentError
from app_pages.i18n import tr as _tr
from app_pages.labels import STAGES as REJECTION_STAGES
from app_pages.labels import table_formatter as _label
from app_pages.render import md_escape as _md
from app_pages.services import store as _open

STAGES = {"applied": ("Envoyée", "Applied"), "phone_screen": ("Présélection", "Phone screen"),
          "interview": ("Entretien", "Interview"),
          "final_interview": ("Entretien final", "Final interview"),
          **REJECTION_STAGES,
          "offer": ("Proposition reçue", "Offer received"), "hired": ("Embauche", "Hired"),
          "withdrawn": ("Retirée", "Withdrawn")}
KINDS = {"relaunch": ("Relance", "Relaunch"),
         "thank_and_feedback": ("Remerciement et demande de retour", "Thank-you and feedback"),
         "recontact": ("Reprise de contact", "Re-contact")}



def _run(action: Any, done: str) -> None:
    try:
        action()
        st.success(done)
    except DocumentError as exc:
        st.error(f"{exc.code}: {exc.message}")


store = _open(os.environ.get("CVSCOPE_DB") or None)
lang = st.session_state.get("lang", "fr")
st.markdown(f"## {_tr('Accompagnement', 'Coaching')}")
st.caption(_tr("Versions du CV, scores face aux offres visées, candidatures, relances et bilan "
               "de séance. Tout reste sur cet ordinateur.",
               "CV versions, scores against target offers, applications, follow-ups and the "
               "session report. Everything stays on this computer."))

candidates = coaching.list_candidates(store)
with st.expander(_tr("Nouveau candidat", "New candidate"), expanded=not candidates), \
        st.form("coach_new_form", clear_on_submit=True):
    new_name = st.text_input(_tr("Nom", "Name"), key="coach_new_name")
    new_role = st.text_input(_tr("Poste visé", "Target role"), key="coach_new_role")
    if st.form_submit_button(_tr("Créer", "Create")) and new_name.strip():
        _run(lambda: coaching.add_candidate(store, new_name, target_role=new_role or None),
             _tr("Candidat créé.", "Candidate created."))
        candidates = coaching.list_candidates(store)
if not candidates:
    st.stop()

names = {c.id: c.name for c in candidates}
cid = st.selectbox(_tr("Candidat", "Candidate"), list(names), format_func=names.__getitem__,
                   key="coach_candidate")
tab_docs, tab_progress, tab_apps, tab_todo, tab_report = st.tabs([
    _tr("CV et offres", "CVs and offers"), _tr("Progression", "Progress"),
    _tr("Candidatures", "Applications"), _tr("Relances", "Follow-ups"),
    _tr("Bilan", "Report")])

with tab_docs:
    col_cv, col_offer = st.columns(2, gap="large")
    with col_cv, st.form("coach_cv_form", clear_on_submit=True):
        cv_file = st.file_uploader(_tr("Nouvelle version du CV", "New CV version"),
                                   type=["pdf", "docx", "txt"], key="coach_cv_file")
        label = st.text_input(_tr("Nom de la version", "Version name"), key="coach_cv_label")
        if st.form_submit_button(_tr("Enregistrer la version", "Save the version")) and cv_file:
            _run(lambda: coaching.add_cv_version(store, cid, cv_file.getvalue(),
                                                 filename=cv_file.name, label=label or None),
                 _tr("Version enregistrée.", "Version saved."))
    with col_offer, st.form("coach_offer_form", clear_on_submit=True):
        offer_file = st.file_uploader(_tr("Offre visée", "Target offer"),
                                      type=["pdf", "docx", "txt"], key="coach_offer_file")
        company = st.text_input(_tr("Entreprise", "Company"), key="coach_offer_company")
        if st.form_submit_button(_tr("Ajouter l'offre", "Add the offer")) and offer_file:
            _run(lambda: coaching.add_offer(store, cid, offer_file.getvalue(),
                                            filename=offer_file.name, company=company or None),
                 _tr("Offre ajoutée.", "Offer added."))
    versions, targets = coaching.cv_versions(store, cid), coaching.offers(store, cid)
    st.dataframe([{_tr("Version", "Version"): v.label, _tr("Fichier", "File"): v.filename,
                   _tr("Date", "Date"): v.created_at.date()} for v in versions],
                 hide_index=True, width="stretch")
    st.dataframe([{_tr("Offre", "Offer"): o.label, _tr("Entreprise", "Company"): o.company}
                  for o in targets], hide_index=True, width="stretch")

with tab_progress:
    points = coaching.score_history(store, cid) if versions and targets else []
    if not points:
        st.info(_tr("Ajoutez au moins une version du CV et une offre visée.",
                    "Add at least one CV version and one target offer."))
    else:
        chart: dict[str, dict[str, float]] = {}
        for p in points:
            chart.setdefault(p.offer_title, {})[f"{p.cv_version_id:03d} {p.version_label}"] = \
                round(p.score, 1)
        st.line_chart(chart, y_label="Score", x_label=_tr("Version du CV", "CV version"))
        st.dataframe([p.to_dict() for p in points], hide_index=True, width="stretch")
        latest = coaching.latest_report(store, cid)
        if latest:
            missing = [r["label"] for r in latest.get("requirements", [])
                       if r.get("importance") == "required" and r.get("status") == "missing"]
            st.metric(_tr("Score (dernière version)", "Match score (latest version)"),
                      f"{latest['score']:.0f}/100")
            if missing:
                st.markdown(_tr("**Exigences manquantes** : ", "**Missing requirements**: ")
                            + _md(", ".join(missing)))
            for reco in latest.get("recommendations", [])[:5]:
                st.markdown(f"{reco['priority']}\\. {_md(reco['message'])}")
    if len(versions) >= 2:
        ids = [v.id for v in versions]
        labels = {v.id: v.label for v in versions}
        col_a, col_b = st.columns(2)
        before = col_a.selectbox(_tr("Avant", "Before"), ids, index=len(ids) - 2,
                                 format_func=labels.__getitem__, key="coach_diff_a")
        after = col_b.selectbox(_tr("Après", "After"), ids, index=len(ids) - 1,
                                format_func=labels.__getitem__, key="coach_diff_b")
        diff = coaching.skills_diff(store, before, after)
        col_a.markdown("**" + _tr("Retirées", "Removed") + "**\n\n" + "\n".join(
            f"- {_md(label)}" for label, _ in diff.removed))
        col_b.markdown("**" + _tr("Ajoutées", "Added") + "**\n\n" + "\n".join(
            f"- {_md(label)}" for label, _ in diff.added))
        st.caption(_tr("Conservées : ", "Kept: ")
                   + _md(", ".join(label for label, _ in diff.kept)))

with tab_apps:
    with st.form("coach_app_form", clear_on_submit=True):
        col1, col2, col3 = st.columns(3)
        company = col1.text_input(_tr("Entreprise", "Company"), key="coach_app_company")
        position = col2.text_input(_tr("Poste", "Position"), key="coach_app_position")
        applied = col3.date_input(_tr("Envoyée le", "Applied on"), value=date.today(),
                                  max_value=date.today(), key="coach_app_date")
        if st.form_submit_button(_tr("Ajouter la candidature", "Add the application")):
            _run(lambda: coaching.add_application(
                store, cid, company=company, position=position, applied_on=applied,
                offer_id=targets[-1].id if targets else None,
                cv_version_id=versions[-1].id if versions else None, lang=lang),
                _tr("Candidature ajoutée.", "Application added."))
    apps = coaching.applications(store, cid)
    for a in apps:
        verdict = (a.diagnosis or {}).get("verdict")
        with st.expander(f"{_md(a.company)} — {_md(a.position)} — {_label(STAGES)(a.stage)}"
                         + (f" — {verdict}" if verdict else "")):
            for day, message in a.messages:
                st.markdown(f"**{day.isoformat()}** — {_md(message)}")
            if a.diagnosis:
                st.text(a.diagnosis.get("explanation", ""))
            with st.form(f"coach_answer_{a.id}"):
                stage = st.selectbox(_tr("Étape", "Stage"), list(STAGES),
                                     index=list(STAGES).index(a.stage),
                                     format_func=_label(STAGES), key=f"coach_stage_{a.id}")
                answered = st.date_input(_tr("Réponse le", "Answered on"), value=date.today(),
                                         key=f"coach_answered_{a.id}")
                message = st.text_area(_tr("Message du recruteur", "Recruiter's message"),
                                       key=f"coach_message_{a.id}")
                if st.form_submit_button(_tr("Enregistrer", "Save")):
                    _run(lambda a=a, stage=stage, answered=answered, message=message:
                         coaching.update_application(store, a.id, stage=stage,
                                                     answered_on=answered, message=message,
                                                     lang=lang),
                         _tr("Enregistré.", "Saved."))

with tab_todo:
    items = coaching.followups(store, candidate_id=cid, include_done=True)
    if not items:
        st.info(_tr("Aucune relance prévue.", "No follow-up planned."))
    for f in items:
        late = not f.done and f.due_on <= date.today()
        text = f"{f.due_on.isoformat()} · {_label(KINDS)(f.kind)} · {_md(f.company)}"
        checked = st.checkbox(("🔔 " if late else "") + text, value=f.done,
                              key=f"coach_done_{f.id}")
        if checked != f.done:
            coaching.mark_done(store, f.id, checked)
        if f.body:
            with st.expander(f.subject or _tr("Message", "Message")):
                st.text(f.body)

with tab_report:
    report = coaching.session_report(store, cid, lang)
    col1, col2 = st.columns(2)
    col1.download_button("DOCX", coaching.report_to_docx(report), key="coach_report_docx",
                         file_name=f"bilan-{cid}.docx",
                         mime="application/vnd.openxmlformats-officedocument."
                              "wordprocessingml.document")
    col2.download_button("HTML", coaching.report_to_html(report), key="coach_report_html",
                         file_name=f"bilan-{cid}.html", mime="text/html")
    st.divider()
    sure = st.checkbox(_tr("Je confirme l'effacement définitif de ce candidat",
                           "I confirm erasing this candidate for good"), key="coach_delete_ok")
    if st.button(_tr("Effacer le candidat", "Erase the candidate"), key="coach_delete",
                 disabled=not sure):
        coaching.delete_candidate(store, cid)
        st.rerun()
