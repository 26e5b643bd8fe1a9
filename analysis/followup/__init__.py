"""Follow-up messages after a rejection or a silence (thank and ask for feedback, one
relaunch, recontact later), in French (vouvoiement) and English, with their schedule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from analysis.errors import InvalidArgumentError
from analysis.followup.texts import TEXTS, build_fields, month_year

KINDS: tuple[str, ...] = ("thank_and_feedback", "relaunch", "recontact")
THANK_AFTER_DAYS = 1  # let emotions settle, but answer while the recruiter still remembers you
RELAUNCH_AFTER_DAYS = 8  # one relaunch about a week or two after the last message
RECONTACT_AFTER_DAYS = 60  # weeks or months later, like a spontaneous application
MAX_UNANSWERED = 2  # after a second unanswered message, stop
# Stages of a process still open (no answer yet), as the coaching workspace records them.
OPEN_STAGES: tuple[str, ...] = ("applied", "phone_screen", "interview", "final_interview")
# Open stages read as the rejection stage they correspond to, for the wording.
_AS_REJECTION = {"phone_screen": "rejected_after_phone_screen",
                 "interview": "rejected_after_interview",
                 "final_interview": "rejected_after_final_interview"}


@dataclass(frozen=True)
class FollowupStep:
    """One planned follow-up: its kind and the date from which to send it."""

    kind: str
    due_on: dt.date


@dataclass(frozen=True)
class FollowupSchedule:
    """When to relaunch and recontact after a message sent on `sent_on`, and when to stop.

    Iterating over it gives the planned steps (`FollowupStep`), in date order."""

    sent_on: dt.date
    unanswered: int  # the candidate's messages still unanswered (application included)
    relaunch_on: dt.date | None  # None once the stop rule applies (or after an answer)
    recontact_on: dt.date
    stop: bool
    steps: tuple[FollowupStep, ...] = ()

    def __iter__(self) -> Iterator[FollowupStep]:
        return iter(self.steps)

    def next_step(self, today: dt.date) -> FollowupStep | None:
        """The step due on `today` (the latest one whose date has come), or None."""
        due = [s for s in self.steps if s.due_on <= today]
        return due[-1] if due else None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"sent_on": self.sent_on.isoformat(), "unanswered": self.unanswered,
                "relaunch_on": self.relaunch_on.isoformat() if self.relaunch_on else None,
                "recontact_on": self.recontact_on.isoformat(), "stop": self.stop,
                "steps": [{"kind": s.kind, "due_on": s.due_on.isoformat()} for s in self.steps]}


@dataclass(frozen=True)
class FollowupMessage:
    """A ready-to-send message with the advised channel and the date to send it."""

    subject: str
    body: str
    channel: str  # email | phone | sms
    send_after: dt.date | None
    kind: str = ""
    lang: str = "fr"
    note: str = ""  # advice: channel, timing, the stop rule

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as in INTERFACES.md (plus `kind`, `lang`, `note`)."""
        return {"subject": self.subject, "body": self.body, "channel": self.channel,
                "send_after": self.send_after.isoformat() if self.send_after else None,
                "kind": self.kind, "lang": self.lang, "note": self.note}

    def as_text(self) -> str:
        """Subject line and body, as pasted into a mail client."""
        return f"{self.subject}\n\n{self.body}\n"


def schedule(sent_on: dt.date | None = None, unanswered: int = 1, *, stage: str | None = None,
             applied_on: dt.date | None = None,
             answered_on: dt.date | None = None) -> FollowupSchedule:
    """Plan the follow-ups: after a rejection, thank and ask for feedback the next day; after
    a silence, one relaunch about a week later, none after a second unanswered message;
    in both cases recontact a couple of months later.

    `sent_on`: the last message sent (defaults to `answered_on` after a rejection, else
    `applied_on`, else today); `unanswered`: the candidate's messages left unanswered."""
    if unanswered < 0:
        raise InvalidArgumentError(f"unanswered must be >= 0, got {unanswered}")
    rejected = bool(stage and stage.startswith("rejected"))
    pending = stage is None or stage == "no_response" or stage in OPEN_STAGES
    sent_on = (sent_on or (answered_on if rejected else None) or applied_on
               or dt.date.today())
    stop = unanswered >= MAX_UNANSWERED
    recontact = sent_on + dt.timedelta(RECONTACT_AFTER_DAYS)
    relaunch = None
    steps: list[FollowupStep] = []
    if rejected:
        steps.append(FollowupStep("thank_and_feedback",
                                  sent_on + dt.timedelta(THANK_AFTER_DAYS)))
    elif pending and not stop and unanswered > 0:
        relaunch = sent_on + dt.timedelta(RELAUNCH_AFTER_DAYS)
        steps.append(FollowupStep("relaunch", relaunch))
    if rejected or pending:
        steps.append(FollowupStep("recontact", recontact))
    return FollowupSchedule(sent_on, unanswered, relaunch, recontact, stop, tuple(steps))


def channel_for(interviews: int | None = None, stage: str | None = None) -> str:
    """Phone once the candidate went through several interviews (they know you), else email."""
    stage = _AS_REJECTION.get(stage or "", stage)
    if (interviews or 0) >= 2 or stage == "rejected_after_final_interview":
        return "phone"
    return "email"


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def draft(kind: str, lang: str, *, name: str | None = None, company: str | None = None,
          position: str | None = None, recruiter: str | None = None, stage: str | None = None,
          interviews: int | None = None, sent_on: dt.date | None = None,
          unanswered: int = 1, process_on: dt.date | None = None) -> FollowupMessage:
    """Draft a follow-up of `kind` in `lang`; absent fields get graceful wording.

    `sent_on`: date of the rejection (thank_and_feedback) or of the last unanswered message
    (relaunch, recontact); today when absent. `process_on`: when the earlier process took place
    (recontact). `unanswered`: the candidate's messages still unanswered (relaunch)."""
    if kind not in KINDS:
        raise InvalidArgumentError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if lang not in TEXTS:
        raise InvalidArgumentError(f"unknown language {lang!r}; expected fr or en")
    if interviews is not None and interviews < 0:
        raise InvalidArgumentError(f"interviews must be >= 0, got {interviews}")
    from analysis.diagnosis.types import STAGES

    if stage is not None and stage not in STAGES + OPEN_STAGES:
        raise InvalidArgumentError(f"unknown stage {stage!r}; expected one of "
                                   f"{', '.join(STAGES + OPEN_STAGES)}")
    stage = _AS_REJECTION.get(stage or "", stage)
    sent_on = sent_on or dt.date.today()
    texts = TEXTS[lang]
    plan = schedule(sent_on, unanswered, stage=None if kind == "relaunch" else stage)
    if kind == "relaunch" and plan.stop:
        raise InvalidArgumentError(texts["stop_error"].format(n=unanswered))
    if stage in ("rejected_after_interview", "rejected_after_final_interview") and not interviews:
        interviews = 1
    fields = build_fields(lang, name=_clean(name), company=_clean(company),
                          position=_clean(position), recruiter=_clean(recruiter),
                          interviews=interviews or 0, stage=stage,
                          when=month_year(process_on, lang) if process_on else None)
    subject = texts[kind]["subject"].format(**fields)
    paragraphs = [p.format(**fields) for p in texts[kind]["body"]]
    body = "\n\n".join(p[0].upper() + p[1:] for p in paragraphs if p)
    body = f"{fields['greeting']}\n\n{body}\n\n{fields['closing']}"
    channel = channel_for(interviews, stage)
    send_after = {"thank_and_feedback": sent_on + dt.timedelta(THANK_AFTER_DAYS),
                  "relaunch": plan.relaunch_on, "recontact": plan.recontact_on}[kind]
    notes = [texts["note_" + kind], texts["note_" + channel]]
    return FollowupMessage(subject, body, channel, send_after, kind, lang, " ".join(notes))
