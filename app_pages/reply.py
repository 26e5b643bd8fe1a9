"""Reply page: editable follow-up messages after a rejection, and the relaunch schedule."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import streamlit as st

from analysis.errors import DocumentError
from analysis.followup import draft, schedule
from app_pages.diagnose import STAGES, stage_label
from app_pages.i18n import LANG_NAMES, LANGS, current_lang, t, tr

KINDS: dict[str, tuple[str, str]] = {
    "thank_and_feedback": ("Remercier et demander un retour", "Thank and ask for feedback"),
    "relaunch": ("Relance (une seule)", "Relaunch (once)"),
    "recontact": ("Reprendre contact plus tard", "Re-contact later"),
}
CHANNELS = {"email": ("e-mail", "email"), "phone": ("téléphone", "phone"), "sms": ("SMS", "SMS")}


def _defaults() -> dict[str, str]:
    """Pre-fill name, position and language from the current analysis, when there is one."""
    analysis = st.session_state.get("analysis")
    out = {"name": "", "position": "", "lang": current_lang()}
    if not analysis:
        return out
    report = analysis["report"]
    if report.cv is not None and report.cv.contact.name:
        out["name"] = report.cv.contact.name
    if report.offer_profile is not None and report.offer_profile.title:
        out["position"] = report.offer_profile.title
    out["lang"] = report.offer_language  # the recruiter reads the offer's language
    return out


def _message_text(subject: str, body: str) -> str:
    return f"{subject}\n\n{body}" if subject else body


def render_message(kind: str, message: Any, signature: str) -> None:
    """One editable message with its channel, send date, copy block and download."""
    channel = tr(*CHANNELS.get(message.channel, (message.channel, message.channel)))
    when = message.send_after.isoformat() if hasattr(message.send_after, "isoformat") else (
        message.send_after or tr("dès maintenant", "now"))
    st.caption(tr(f"Canal : {channel} · à envoyer à partir du {when}",
                  f"Channel: {channel} · send from {when}"))
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
    with col_b:
        position = st.text_input(tr("Poste", "Position"), value=defaults["position"],
                                 key="reply_position")
        recruiter = st.text_input(tr("Recruteur (facultatif)", "Recruiter (optional)"),
                                  key="reply_recruiter")
    with col_c:
        stage = st.selectbox(tr("Étape du refus", "Stage of the rejection"), list(STAGES),
                             index=list(STAGES).index("rejected_before_interview"),
                             format_func=stage_label, key="reply_stage")
        sent_on = st.date_input(tr("Dernier message envoyé le", "Last message sent on"),
                                value=dt.date.today(), key="reply_sent_on",
                                format="DD/MM/YYYY")
    msg_lang = st.radio(tr("Langue des messages", "Language of the messages"), LANGS,
                        index=LANGS.index(defaults["lang"]) if defaults["lang"] in LANGS else 0,
                        format_func=LANG_NAMES.__getitem__, horizontal=True, key="reply_lang")

fields = {"name": name.strip() or None, "company": company.strip() or None,
          "position": position.strip() or None, "recruiter": recruiter.strip() or None,
          "stage": stage, "sent_on": sent_on}
signature = hashlib.sha1(repr(sorted((k, str(v)) for k, v in fields.items())).encode()
                         + msg_lang.encode()).hexdigest()[:10]
try:
    messages = {kind: draft(kind, msg_lang, **fields) for kind in KINDS}
    plan = schedule(msg_lang, **fields)
except DocumentError as exc:
    st.error(exc.message, icon=":material/error:")
    st.stop()

tabs = st.tabs([tr(*label) for label in KINDS.values()])
for tab, kind in zip(tabs, KINDS, strict=True):
    with tab:
        render_message(kind, messages[kind], signature)

st.subheader(tr("Calendrier des relances", "Follow-up schedule"))
st.dataframe(
    [{tr("Date", "Date"): step.get("date"),
      tr("Message", "Message"): tr(*KINDS.get(step.get("kind", ""), (step.get("kind"),) * 2)),
      tr("Canal", "Channel"): tr(*CHANNELS.get(step.get("channel", ""),
                                               (step.get("channel"),) * 2)),
      tr("Note", "Note"): step.get("note", "")}
     for step in plan],
    hide_index=True, width="stretch")
