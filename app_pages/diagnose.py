"""Diagnose page: where did a rejection most likely come from (CV screening or later stages)?"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

import streamlit as st

from app_pages.i18n import current_lang, t, tr
from app_pages.labels import CAUSES, STAGES, VERDICTS, stage_formatter


def _pick(table: dict[str, tuple[str, str]], code: str) -> str:
    pair = table.get(code)
    return tr(*pair) if pair else code.replace("_", " ")


def render_diagnosis(result: dict[str, Any]) -> None:
    """Verdict, probabilities, causes with evidence, actions and explanation."""
    verdict = str(result.get("verdict", "uncertain"))
    heading = tr("Origine la plus probable", "Most likely origin")
    st.markdown(
        f'<div class="cvs-verdict {html.escape(verdict)}">'
        f'<div class="cvs-muted">{html.escape(heading)}'
        f'</div><div class="big">{html.escape(_pick(VERDICTS, verdict))}</div></div>',
        unsafe_allow_html=True,
    )
    probs = result.get("probabilities", {})
    cols = st.columns(max(len(probs), 1))
    for col, (code, value) in zip(cols, probs.items(), strict=False):
        with col:
            st.metric(_pick(VERDICTS, code).split(" (")[0].split(" :")[0], f"{value * 100:.0f} %")
            st.progress(max(0.0, min(1.0, float(value))))
    if result.get("explanation"):
        st.markdown(f"> {result['explanation']}")
    signals = list(result.get("evidence") or [])
    reading = result.get("feedback") or {}
    if reading.get("sentence"):
        signals.append(tr("Dans le message du recruteur : « {s} »",
                          "In the recruiter's message: “{s}”").format(s=reading["sentence"]))
    if signals:
        with st.expander(tr("Sur quoi repose ce verdict", "What this verdict rests on")):
            for item in signals:
                st.markdown(f"- {item}")
    left, right = st.columns([1.2, 1], gap="large")
    with left:
        st.subheader(tr("Causes probables", "Likely causes"))
        causes = result.get("causes", [])
        if not causes:
            st.caption(tr("Aucune cause nette.", "No clear cause."))
        for cause in causes:
            weight = float(cause.get("weight", 0.0))
            with st.expander(f"{_pick(CAUSES, cause.get('code', ''))} — {weight * 100:.0f} %",
                             expanded=True):
                for item in cause.get("evidence", []) or [tr("(pas d'indice)", "(no evidence)")]:
                    st.markdown(f"- {item}")
    with right:
        st.subheader(tr("Que faire maintenant", "What to do next"))
        for i, action in enumerate(result.get("actions", []), start=1):
            st.markdown(f"{i}. {action}")
    st.download_button(tr("Télécharger le diagnostic (JSON)", "Download the diagnosis (JSON)"),
                       json.dumps(result, ensure_ascii=False, indent=2).encode("utf-8"),
                       file_name="cvscope-diagnosis.json", mime="application/json",
                       key="dl_diagnosis")


st.markdown(f"## {t('nav.diagnose')}")
st.caption(tr(
    "Indiquez à quelle étape le refus est arrivé, après combien de temps et ce que le recruteur "
    "a écrit : CVScope estime s'il vient du tri des CV ou des étapes suivantes.",
    "Say at which stage the rejection came, after how long and what the recruiter wrote: "
    "CVScope estimates whether it came from CV screening or from later stages."))

analysis = st.session_state.get("analysis")
today = dt.date.today()
with st.form("diagnose_form", border=True):
    col_a, col_b = st.columns(2, gap="large")
    with col_a:
        stage = st.selectbox(tr("Étape du refus", "Stage of the rejection"), list(STAGES),
                             format_func=stage_formatter(), key="diag_stage")
        applied = st.date_input(tr("Candidature envoyée le", "Applied on"),
                                value=today - dt.timedelta(days=14), max_value=today,
                                key="diag_applied", format="DD/MM/YYYY")
        answered = st.date_input(
            tr("Réponse reçue le (ou aujourd'hui si aucune)", "Answer received on (or today)"),
            value=today, max_value=today, key="diag_answered", format="DD/MM/YYYY")
        interviews = st.number_input(tr("Entretiens passés", "Interviews held"), min_value=0,
                                     max_value=20, value=0, step=1, key="diag_interviews")
    with col_b:
        feedback = st.text_area(tr("Message du recruteur (facultatif)",
                                   "Recruiter's message (optional)"), key="diag_feedback",
                                height=185)
        use_analysis = st.checkbox(
            tr("Utiliser l'analyse en cours", "Use the current analysis")
            + (f" ({analysis['cv_name']} / {analysis['offer_name']})" if analysis else ""),
            value=analysis is not None, disabled=analysis is None, key="diag_use_analysis")
        if analysis is None:
            st.caption(tr("Aucune analyse dans cette session : le diagnostic se fonde sur "
                          "l'étape, le délai et le message.",
                          "No analysis in this session: the diagnosis rests on the stage, delay "
                          "and message."))
    submitted = st.form_submit_button(tr("Diagnostiquer", "Diagnose"), type="primary")

if submitted:
    if answered < applied:
        st.error(tr("La date de réponse précède la date de candidature.",
                    "The answer date is before the application date."), icon=":material/error:")
    else:
        from analysis.diagnosis import diagnose
        from analysis.errors import DocumentError

        report = analysis["report"] if (analysis and use_analysis) else None
        try:
            # 0 is the widget's default: read it as "not said", the stage then implies it.
            result = diagnose(stage, days=(answered - applied).days,
                              interviews=int(interviews) or None,
                              feedback=feedback.strip() or None, report=report,
                              lang=current_lang())
            st.session_state["diagnosis"] = {"result": result.to_dict(), "stage": stage,
                                             "lang": current_lang()}
        except DocumentError as exc:
            st.error(exc.message, icon=":material/error:")

saved = st.session_state.get("diagnosis")
if saved:
    if saved.get("lang") != current_lang():
        st.caption(tr("Diagnostic rédigé dans l'autre langue : relancez-le pour le traduire.",
                      "Diagnosis written in the other language: run it again to translate it."))
    render_diagnosis(saved["result"])
