"""Follow-up messages: complete texts in both languages, no leftover placeholder, channel
advice, the schedule and its stop rule."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from analysis.errors import InvalidArgumentError
from analysis.followup import KINDS, channel_for, draft, schedule

DAY = dt.date(2026, 11, 2)
FIELDS = {"name": "Camille Durand", "company": "Acme Logistique", "position": "Data Analyst",
          "recruiter": "Madame Martin"}
LEFTOVER = re.compile(r"[{}\[\]<>]|\bNone\b|\bnull\b|XXX|\s[,.;:?]|\(\)|  |\n{3,}|[ \t]$", re.M)


def _assert_clean(text: str) -> None:
    assert text.strip(), "empty text"
    bad = [m.group(0) for m in LEFTOVER.finditer(text.replace(" ;", ";").replace(" :", ":")
                                                   .replace(" ?", "?"))]
    assert not bad, f"leftover in {text!r}: {bad}"


@pytest.mark.parametrize(("kind", "lang"), list(itertools.product(KINDS, ("fr", "en"))))
def test_every_combination_of_present_and_absent_fields(kind: str, lang: str) -> None:
    for mask in itertools.product((False, True), repeat=len(FIELDS)):
        given = {k: v for (k, v), keep in zip(FIELDS.items(), mask, strict=True) if keep}
        for stage in (None, "rejected_after_phone_screen", "rejected_after_interview",
                      "rejected_after_final_interview", "interview"):
            message = draft(kind, lang, stage=stage, sent_on=DAY, **given)
            _assert_clean(message.subject)
            _assert_clean(message.body)
            for value in given.values():
                assert value in message.body or value in message.subject
            if "name" in given:
                assert message.body.rstrip().endswith(given["name"])


def test_blank_fields_are_treated_as_absent() -> None:
    message = draft("thank_and_feedback", "fr", name="  ", company="", position=" ",
                    sent_on=DAY)
    _assert_clean(message.body)
    assert "votre entreprise" in message.body and "ce poste" in message.body


def test_thank_and_feedback_content() -> None:
    fr = draft("thank_and_feedback", "fr", interviews=1, sent_on=DAY, **FIELDS)
    assert "Je vous remercie" in fr.body and "lors de notre entretien" in fr.body
    assert "points forts" in fr.body and "travailler" in fr.body  # strengths, what to work on
    assert "déception" in fr.body and "intérêt" in fr.body
    assert " tu " not in f" {fr.body} " and "ton " not in fr.body  # vouvoiement
    assert "vous" in fr.body
    en = draft("thank_and_feedback", "en", interviews=3, sent_on=DAY, **FIELDS)
    assert "during our 3 interviews" in en.body
    assert "strengths" in en.body and "work on" in en.body and "disappointed" in en.body
    assert fr.send_after == en.send_after == DAY + dt.timedelta(days=1)
    assert "émotion" in fr.note and "emotions settle" in en.note


def test_channel_advice() -> None:
    assert channel_for(interviews=3) == "phone"
    assert channel_for(stage="rejected_after_final_interview") == "phone"
    assert channel_for(interviews=1) == "email"
    assert channel_for() == "email"
    assert draft("thank_and_feedback", "en", interviews=2, sent_on=DAY).channel == "phone"
    assert draft("thank_and_feedback", "en", interviews=1, sent_on=DAY).channel == "email"
    assert "appelez" in draft("recontact", "fr", interviews=4, sent_on=DAY).note


def test_relaunch_schedule_and_stop_rule() -> None:
    plan = schedule(DAY)
    assert plan.relaunch_on is not None
    assert 7 <= (plan.relaunch_on - DAY).days <= 10
    assert not plan.stop
    assert [s.kind for s in plan] == ["relaunch", "recontact"]
    message = draft("relaunch", "en", sent_on=DAY, **FIELDS)
    assert message.send_after == plan.relaunch_on
    assert "stop" in message.note
    stopped = schedule(DAY, unanswered=2)
    assert stopped.stop and stopped.relaunch_on is None
    assert [s.kind for s in stopped] == ["recontact"]
    with pytest.raises(InvalidArgumentError, match="arrêtez les relances"):
        draft("relaunch", "fr", sent_on=DAY, unanswered=2)


def test_recontact_weeks_or_months_later_with_context() -> None:
    message = draft("recontact", "fr", sent_on=DAY, process_on=dt.date(2026, 3, 10),
                    stage="rejected_after_final_interview", **FIELDS)
    assert 28 <= (message.send_after - DAY).days <= 180
    assert "mars 2026" in message.body and "entretien final" in message.body
    en = draft("recontact", "en", sent_on=DAY, stage="rejected_after_interview", **FIELDS)
    assert "a few months ago" in en.body and "interview" in en.body
    assert len(en.body.split()) < 130  # short and direct


def test_schedule_after_a_rejection_and_next_step() -> None:
    plan = schedule(stage="rejected_after_interview", applied_on=DAY,
                    answered_on=DAY + dt.timedelta(days=20))
    kinds = [(s.kind, s.due_on) for s in plan]
    assert kinds[0] == ("thank_and_feedback", DAY + dt.timedelta(days=21))
    assert kinds[-1][0] == "recontact"
    assert plan.next_step(DAY) is None
    assert plan.next_step(DAY + dt.timedelta(days=22)).kind == "thank_and_feedback"
    assert plan.next_step(DAY + dt.timedelta(days=400)).kind == "recontact"
    assert list(schedule(stage="hired", applied_on=DAY)) == []


@pytest.mark.parametrize("kwargs", [
    {"kind": "thanks", "lang": "fr"}, {"kind": "relaunch", "lang": "de"},
    {"kind": "relaunch", "lang": "en", "stage": "ghosted"},
    {"kind": "relaunch", "lang": "en", "interviews": -1},
    {"kind": "relaunch", "lang": "en", "unanswered": -1},
])
def test_invalid_arguments(kwargs: dict) -> None:
    with pytest.raises(InvalidArgumentError):
        draft(**kwargs)


def test_json_form() -> None:
    data = draft("relaunch", "fr", sent_on=DAY).to_dict()
    assert set(data) >= {"subject", "body", "channel", "send_after"}
    assert data["channel"] in ("email", "phone", "sms")
    assert dt.date.fromisoformat(data["send_after"]) > DAY


def test_open_stages_of_the_coaching_workspace() -> None:
    after_interview = draft("relaunch", "fr", stage="interview", sent_on=DAY)
    assert "lors de notre entretien" in after_interview.body
    assert draft("relaunch", "en", sent_on=DAY).body.count("sent you") == 1
    assert draft("thank_and_feedback", "en", stage="final_interview", sent_on=DAY).channel == \
        "phone"
    waiting = schedule(stage="interview", applied_on=DAY)
    assert [s.kind for s in waiting] == ["relaunch", "recontact"]
