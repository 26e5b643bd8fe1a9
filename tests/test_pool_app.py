"""The talent-pool page through Streamlit's AppTest, on a real SQLite file with real CVs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from analysis import pool
from analysis.storage import open_store
from analysis.storage.models import PoolCandidate
from tests.test_storage import db_bytes

PAGE = str(Path(__file__).resolve().parent.parent / "app_pages" / "talent_pool.py")


@pytest.fixture()
def pool_db(tmp_path, samples, monkeypatch):
    """Two pooled candidates; the page finds the database through $CVSCOPE_DB."""
    path = tmp_path / "page.db"
    store = open_store(str(path))
    for cv, name, reason in (("cv_fr_data_analyst.pdf", "Camille Moreau", "technical"),
                             ("cv_en_backend_developer.pdf", "Daniel Okafor", "culture_fit")):
        pool.add_candidate(store, samples / cv, name=name, reason=reason,
                           stage="rejected_after_interview")
    store.close()
    monkeypatch.setenv("CVSCOPE_DB", str(path))
    return path


def _page(lang: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=240)
    at.session_state["lang"] = lang
    return at.run()


def test_page_ranks_the_pool_for_a_pasted_offer(pool_db, samples):
    at = _page("en")
    assert not at.exception
    assert any("Talent pool" in m.value for m in at.markdown)
    at.text_area(key="pool_offer_text").input(
        (samples / "offer_en_backend_developer.txt").read_text(encoding="utf-8")).run()
    at.button(key="pool_match").click().run()
    assert not at.exception
    labels = [e.label for e in at.expander]
    assert len(labels) == 2 and labels[0].startswith("1. Daniel Okafor")
    assert "Phone" in labels[0]  # rejected after an interview: call


def test_page_in_french_and_delete_button_erases(pool_db):
    at = _page("fr")
    assert not at.exception
    assert any("Vivier de talents" in m.value for m in at.markdown)
    store = open_store(str(pool_db))
    with store.session() as session:
        target = session.scalar(select(PoolCandidate.id)
                                .where(PoolCandidate.name == "Daniel Okafor"))
    at.selectbox(key="pool_selected").select(target).run()
    assert at.button(key="pool_delete").disabled
    at.checkbox(key="pool_delete_confirm").check().run()
    at.button(key="pool_delete").click().run()
    assert not at.exception
    assert [e.name for e in pool.list_candidates(store)] == ["Camille Moreau"]
    assert b"Okafor" not in db_bytes(pool_db)
    store.close()
