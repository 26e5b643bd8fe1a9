"""Reply page: editable follow-up messages after a rejection, and the relaunch schedule."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import streamlit as st

from analysis.errors import DocumentError
from analysis.followup import channel_for, draft, schedule
from app_pages.i18n import LANG_NAMES, LANGS, current_lang, t, tr
from app_pages.labels import STAGES, fmt_date, stage_formatter

KINDS: dict[str, tuple[str, str]] = {
    "thank_and_feedback": ("Remercier et demander un retour", "Thank and ask for feedback"),
    "relaunch": ("Relance (une seule)", "Relaunch (once)"),
    "recontact": ("Reprendre contact plus tard", "Re-contact later"),
}
KINDS_AFTER_REJECTION = ("thank_and_feedback", "recontact")
KINDS_AFTER_SILENCE = ("relaunch", "recontact")
CHANNELS = {"email": ("e-mail", "email"), "phone": ("téléphone", "phone"), "sms": ("SMS", "SMS")}


def _defaults() -> dict[str, str]:
    """Pre-fill name, position and language from the current analysis, when there is one."""
    analysis = st.session_state.get("analysis")
    diagnosis = st.session_state.get("diagnosis")
    out = {"name": "", "position": "", "lang": current_lang(),
           "stage": diagnosis["stage"] if diagnosis else "rejected_before_interview"}
    if not analysis:
        return out
    report = analysis["report"]
    if report.cv is not None and report.cv.contact.name:
        out["name"] = report.cv.contact.name
    if report.offer_profile is not None and report.offer_profile.title:
        out["position"] = report.offer_profile.title
    if report.offer_language in LANGS:
        out["lang"] = report.offer_language  # the recruiter reads the offer's language
    return out


def _message_text(subject: str, body: str) -> str:
    return f"{subject}\n\n{body}" if subject else body


def render_message(kind: str, message: Any, signature: str) -> None:
    """One editable message with its channel, send date, copy block and download."""
    channel = tr(*CHANNELS.get(message.channel, (message.channel, message.channel)))
    when = fmt_date(message.send_after) if message.send_after else tr("dès maintenant", "now")
    st.caption(tr(f"Canal : {channel} · à envoyer à partir du {when}",
                  f"Channel: {channel} · send from {when}"))
    if getattr(message, "note", ""):
        st.info(message.note, icon=":material/lightbulb:")
    # Keys carry a signature of the inputs: new inputs give a fresh draft, edits stay otherwise.
    subject = st.text_input(tr("Objet", "Subject"), value=message.subject or "",
                            key=f"reply_subject_{kind}_{signature}")
    body = st.text_area(tr("Message", "Message"), value=message.body, height=260,
                        key=f"reply_body_{kind}_{signature}")
    text = _message_text(subject, body)
    col_copy, col_dl = st.columns([3, 1])
    with col_copy, st.expander(tr("Version à copier", "Copy-ready version")):
        st.code(text, language=None, wrap_lines=True)
    with col_dl:
        st.download_button(tr("Télécharger (.txt)", "Download (.txt)"), text.encode("utf-8"),
                           file_name=f"cvscope-{kind}.txt", mime="text/plain",
                           key=f"dl_reply_{kind}", width="stretch")


st.markdown(f"## {t('nav.reply')}")
st.caption(tr(
    "Remerciez, demandez un retour, relancez une seule fois, puis reprenez contact plus tard "
    "avec du contexte. Les messages sont modifiables avant envoi.",
    "Thank the recruiter, ask for feedback, relaunch once, then re-contact later with context. "
    "Every message can be edited before you send it."))

defaults = _defaults()
with st.container(border=True):
    col_a, col_b, col_c = st.columns(3, gap="medium")
    with col_a:
        name = st.text_input(tr("Votre nom", "Your name"), value=defaults["name"],
                             key="reply_name")
        company = st.text_input(tr("Entreprise", "Company"), key="reply_company")
        position = st.text_input(tr("Poste", "Position"), value=defaults["position"],
                                 key="reply_position")
    with col_b:
        stage = st.selectbox(tr("Où en est la candidature", "Where the application stands"),
                             list(STAGES), index=list(STAGES).index(defaults["stage"]),
                             format_func=stage_formatter(), key="reply_stage")
        recruiter = st.text_input(tr("Recruteur (facultatif)", "Recruiter (optional)"),
                                  key="reply_recruiter")
        interviews = st.number_input(tr("Entretiens passés", "Interviews held"), min_value=0,
                                     max_value=20, value=0, step=1, key="reply_interviews")
    with col_c:
        sent_on = st.date_input(
            tr("Date du refus, ou de votre dernier message", "Date of the rejection, or of "
               "your last message"), value=dt.date.today(), key="reply_sent_on",
            format="DD/MM/YYYY")
        unanswered = st.number_input(
            tr("Vos messages restés sans réponse", "Your messages left unanswered"),
            min_value=0, max_value=10, value=1, step=1, key="reply_unanswered",
            help=tr("Candidature comprise. Après deux messages sans réponse, on ne relance plus.",
                    "Application included. After two unanswered messages, stop relaunching."))
        msg_lang = st.radio(tr("Langue des messages", "Language of the messages"), LANGS,
                            index=LANGS.index(defaults["lang"]), horizontal=True,
                            format_func=LANG_NAMES.__getitem__, key="reply_lang")

fields: dict[str, Any] = {
    "name": name.strip() or None, "company": company.strip() or None,
    "position": position.strip() or None, "recruiter": recruiter.strip() or None,
    "stage": stage, "interviews": int(interviews), "sent_on": sent_on,
    "unanswered": int(unanswered)}
signature = hashlib.sha1((repr(sorted((k, str(v)) for k, v in fields.items())) + msg_lang)
                         .encode()).hexdigest()[:10]
kinds = KINDS_AFTER_SILENCE if stage == "no_response" else KINDS_AFTER_REJECTION
tabs = st.tabs([tr(*KINDS[kind]) for kind in kinds])
for tab, kind in zip(tabs, kinds, strict=True):
    with tab:
        try:
            message = draft(kind, msg_lang, **fields)
        except DocumentError as exc:  # e.g. the stop rule after two unanswered messages
            st.warning(exc.message, icon=":material/block:")
            continue
        render_message(kind, message, signature)

st.subheader(tr("Calendrier des relances", "Follow-up schedule"))
plan = schedule(sent_on, int(unanswered), stage=stage)
channel = channel_for(int(interviews), stage)
st.dataframe(
    [{tr("À partir du", "From"): fmt_date(step.due_on),
      tr("Message", "Message"): tr(*KINDS[step.kind]),
      tr("Canal", "Channel"): tr(*CHANNELS[channel])} for step in plan],
    hide_index=True, width="stretch")
if plan.stop:
    st.warning(tr("Deux messages sont restés sans réponse : ne relancez plus. Reprenez contact "
                  "dans quelques mois, avec du nouveau à apporter.",
                  "Two messages went unanswered: do not relaunch again. Re-contact in a few "
                  "months, with something new to bring."), icon=":material/block:")
