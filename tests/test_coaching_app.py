"""The coaching page through Streamlit's AppTest, on a real SQLite file with real documents."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import coaching
from analysis.storage import open_store

PAGE = str(Path(__file__).resolve().parent.parent / "app_pages" / "coaching.py")


@pytest.fixture()
def coach_db(tmp_path, samples, monkeypatch):
    """One candidate with two CV versions, a target offer and an unanswered application."""
    path = tmp_path / "coach-page.db"
    store = open_store(str(path))
    cand = coaching.add_candidate(store, "Olivia Bennett", target_role="Project manager")
    coaching.add_cv_version(store, cand.id, "Olivia Bennett\nProject manager. Excel.\n",
                            label="draft")
    coaching.add_cv_version(store, cand.id, samples / "cv_en_project_manager.docx", label="final")
    offer = coaching.add_offer(store, cand.id, samples / "offer_en_project_manager.docx")
    coaching.add_application(store, cand.id, company="Northbridge Retail Group",
                             position="Marketing project manager", offer_id=offer.id,
                             applied_on=date.today() - timedelta(days=15), lang="en")
    monkeypatch.setenv("CVSCOPE_DB", str(path))
    return store, cand


def _page(lang: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=240)
    at.session_state["lang"] = lang
    return at.run()


def test_coaching_page_renders_history_and_marks_followups_done(coach_db):
    store, cand = coach_db
    at = _page("en")
    assert not at.exception
    assert any("Coaching" in m.value for m in at.markdown)
    assert [t.label for t in at.tabs][:2] == ["CVs and offers", "Progress"]
    assert at.selectbox(key="coach_diff_b").value == coaching.cv_versions(store, cand.id)[1].id
    assert len(at.get("vega_lite_chart")) == 1  # the score history chart
    assert at.metric[0].label.startswith("Match score") and "/100" in at.metric[0].value
    relaunch = next(f for f in coaching.followups(store) if f.kind == "relaunch")
    box = at.checkbox(key=f"coach_done_{relaunch.id}")
    assert box.label.startswith("🔔")  # due already
    box.check().run()
    assert not at.exception
    assert relaunch.id not in {f.id for f in coaching.followups(store)}


def test_coaching_page_in_french_records_an_answer(coach_db):
    store, cand = coach_db
    at = _page("fr")
    assert not at.exception
    assert any("Accompagnement" in m.value for m in at.markdown)
    app_id = coaching.applications(store, cand.id)[0].id
    at.selectbox(key=f"coach_stage_{app_id}").select("rejected_before_interview")
    message = "Profil pas assez expérimenté. ![pixel](http://tracker.example/p.png)"
    at.text_area(key=f"coach_message_{app_id}").input(message)
    at.button[[b.label for b in at.button].index("Enregistrer")].click().run()
    assert not at.exception
    updated = coaching.applications(store, cand.id)[0]
    assert updated.stage == "rejected_before_interview" and updated.diagnosis
    assert updated.messages[0][1] == message
    at.run()
    shown = [m.value for m in at.markdown if "Profil pas assez" in m.value]
    assert shown and all("![pixel](" not in value for value in shown)  # no remote image
