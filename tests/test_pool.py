"""Talent pool on a real SQLite file: add real CVs, rank for a new offer, advise, erase, purge."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from analysis import pool
from analysis.errors import InvalidArgumentError, NotFoundError
from analysis.storage import open_store
from analysis.storage.documents import extract
from analysis.storage.models import PoolCandidate
from tests.test_storage import db_bytes

TODAY = date.today()


@pytest.fixture(scope="module")
def filled(tmp_path_factory, samples):
    """A pool of four real CVs (parsed and extracted once) in a real SQLite file."""
    path = tmp_path_factory.mktemp("pool") / "pool.db"
    store = open_store(str(path))
    ids = {
        "camille": pool.add_candidate(
            store, samples / "cv_fr_data_analyst.pdf", name="Camille Moreau",
            reason="technical", stage="rejected_after_interview", position="Backend developer",
            old_offer=samples / "offer_en_backend_developer.txt",
            rejected_on=TODAY - timedelta(days=120)).id,
        "daniel": pool.add_candidate(
            store, samples / "cv_en_backend_developer.pdf", name="Daniel Okafor",
            reason="culture_fit", stage="rejected_before_interview", role_level="mid",
            rejected_on=TODAY - timedelta(days=30)).id,
        "olivia": pool.add_candidate(
            store, samples / "cv_en_project_manager.docx", name="Olivia Bennett",
            reason="soft_skills", stage="rejected_after_phone_screen", channel="sms",
            do_not_contact=True).id,
        "julien": pool.add_candidate(
            store, samples / "cv_fr_chef_de_projet_marketing.pdf", name="Julien Petit",
            reason="experience", stage="rejected_before_interview", role_level="senior",
            channel="email", reacted_badly=True, rejected_on=TODAY - timedelta(days=400)).id,
    }
    return path, store, ids


@pytest.fixture(scope="module")
def data_offer(samples):
    """The French data-analyst offer, extracted once."""
    return extract(samples / "offer_fr_data_analyst.pdf", "offer")


def test_add_caches_file_text_and_extraction(filled):
    path, store, ids = filled
    with store.session() as session:
        row = session.get(PoolCandidate, ids["camille"])
        assert row.cv_content[:4] == b"%PDF" and row.cv_filename == "cv_fr_data_analyst.pdf"
        assert "Python" in row.cv_text or "SQL" in row.cv_text
        assert row.extraction["profile"]["mentions"] and row.extraction["tokens"]
        assert row.old_gaps, "the backend offer asks for skills a data analyst CV lacks"
    entries = {e.id: e for e in pool.list_candidates(store)}
    assert entries[ids["daniel"]].days_since == 30
    assert entries[ids["olivia"]].do_not_contact and entries[ids["julien"]].reacted_badly


def test_match_ranks_the_relevant_profile_first(filled, data_offer):
    _, store, ids = filled
    ranked = pool.match_pool(store, data_offer, lang="en")
    assert [m.score for m in ranked] == sorted((m.score for m in ranked), reverse=True)
    assert ranked[0].id == ids["camille"]
    assert len(pool.match_pool(store, data_offer, top=2)) == 2
    keys = {"id", "name", "score", "previous_reason", "previous_stage", "days_since",
            "channel", "talking_points"}
    assert keys <= set(ranked[0].to_dict())


def test_match_reads_only_the_cache(filled, data_offer, monkeypatch):
    """Ranking runs no parser, no extraction and no spaCy for the pooled candidates."""
    _, store, _ = filled

    def boom(*_args, **_kwargs):
        raise AssertionError("re-extraction at match time")

    monkeypatch.setattr("analysis.storage.documents.extract", boom)
    monkeypatch.setattr("analysis.extraction.lemmatize", boom, raising=False)
    monkeypatch.setattr("analysis.extraction.profile_cv", boom, raising=False)
    assert len(pool.match_pool(store, data_offer)) == 4


def test_channel_flags_and_talking_points(filled, data_offer):
    _, store, ids = filled
    by_id = {m.id: m for m in pool.match_pool(store, data_offer, lang="en")}
    assert by_id[ids["camille"]].channel == "phone"  # went as far as the interview
    assert by_id[ids["julien"]].channel == "phone"  # senior role
    assert by_id[ids["daniel"]].channel == "email"  # early stage, mid role: channel used
    assert by_id[ids["olivia"]].channel == "sms"
    olivia = by_id[ids["olivia"]]
    assert olivia.do_not_contact and olivia.talking_points[0].startswith("DO NOT CONTACT")
    assert "reacted_badly" in by_id[ids["julien"]].flags
    camille = by_id[ids["camille"]]
    assert any("which they have" in c for c in camille.what_changed)
    assert any("not required here" in c for c in camille.what_changed)
    assert any("culture fit" in p for p in by_id[ids["daniel"]].talking_points)
    french = {m.id: m for m in pool.match_pool(store, data_offer, lang="fr")}
    assert french[ids["olivia"]].talking_points[0].startswith("NE PAS CONTACTER")
    without = pool.match_pool(store, data_offer, include_do_not_contact=False)
    assert ids["olivia"] not in {m.id for m in without}


def test_rows_from_the_old_schema_are_extracted_once(filled, data_offer):
    _, store, _ = filled
    with store.session() as session:
        row = PoolCandidate(name="Ancien Profil", stage="no_response", reason="other",
                            contact_channel="email", rejected_on=TODAY,
                            cv_text="Analyste de données\nPython, SQL, Power BI, Tableau.\n"
                                    "Expérience : 4 ans d'analyse de données chez Exemple SA.")
        session.add(row)
        session.flush()
        old_id = row.id
    assert old_id in {m.id for m in pool.match_pool(store, data_offer)}
    with store.session() as session:
        cached = session.get(PoolCandidate, old_id)
        assert cached.extraction is not None and cached.extraction_version
    pool.forget(store, old_id)


def test_forget_erases_the_name_from_the_file(filled, samples):
    path, store, _ = filled
    entry = pool.add_candidate(store, samples / "cv_en_logistics_coordinator.pdf",
                               name="Priya Raman", reason="experience",
                               stage="rejected_before_interview", note="Priya Raman: call back")
    assert b"Priya Raman" in db_bytes(path) or b"Raman" in db_bytes(path)
    pool.forget(store, entry.id)
    data = db_bytes(path)
    assert b"Raman" not in data and "Raman".encode("utf-16-le") not in data
    assert b"Camille Moreau" in data
    with pytest.raises(NotFoundError):
        pool.forget(store, entry.id)


def test_retention_purges_old_entries(tmp_path, samples):
    path = tmp_path / "retention.db"
    store = open_store(str(path))
    cv = extract(samples / "cv_en_backend_developer.pdf", "cv").doc
    old = pool.add_candidate(store, cv, name="Vieux Dossier", reason="other",
                             stage="no_response", rejected_on=TODAY - timedelta(days=750))
    recent = pool.add_candidate(store, cv, name="Recent File", reason="other",
                                stage="no_response", rejected_on=TODAY - timedelta(days=690))
    assert pool.retention_months(store) == 24
    assert [e.id for e in pool.purge(store, dry_run=True)] == [old.id]
    assert len(pool.list_candidates(store)) == 2
    assert [e.id for e in pool.purge(store)] == [old.id]
    assert [e.id for e in pool.list_candidates(store)] == [recent.id]
    assert b"Vieux Dossier" not in db_bytes(path)
    pool.set_retention_months(store, 12)
    assert pool.retention_months(store) == 12
    assert [e.id for e in pool.purge(store)] == [recent.id]
    with pytest.raises(InvalidArgumentError):
        pool.set_retention_months(store, 0)


def test_anonymised_export_has_no_personal_data(filled):
    _, store, _ = filled
    plain = pool.export(store)
    assert {"Camille Moreau", "Daniel Okafor"} <= {r["name"] for r in plain}
    anonymous = pool.export(store, anonymize=True)
    text = json.dumps(anonymous, ensure_ascii=False)
    for secret in ("Camille", "Moreau", "Okafor", "Bennett", "@", "example", "rejected_on"):
        assert secret not in text
    assert len(anonymous) == len(plain) and all(r["skills"] for r in anonymous)


def test_invalid_values_are_refused(filled, samples):
    _, store, _ = filled
    cv = samples / "cv_en_backend_developer.pdf"
    with pytest.raises(InvalidArgumentError):
        pool.add_candidate(store, cv, name="X", reason="bad_luck", stage="no_response")
    with pytest.raises(InvalidArgumentError):
        pool.add_candidate(store, cv, name="X", reason="other", stage="hired")
    with pytest.raises(InvalidArgumentError):
        pool.add_candidate(store, cv, name=" ", reason="other", stage="no_response")
    with pytest.raises(NotFoundError):
        pool.add_candidate(store, Path("/nonexistent/cv.pdf"), name="X", reason="other",
                           stage="no_response")
    with store.session() as session:
        assert session.scalar(select(PoolCandidate).where(PoolCandidate.name == "X")) is None


def test_ranking_score_equals_the_full_match(filled, data_offer):
    """The pool's lean ranking (`score_profiles`) gives exactly `match_profiles`' score and rows."""
    from analysis.matching import load_keyword_model, match_profiles, score_profiles
    from analysis.storage.codec import load_extraction
    from analysis.taxonomy import load_taxonomy

    _, store, _ = filled
    with store.session() as session:
        rows = session.scalars(select(PoolCandidate)).all()
        assert len(rows) >= 4
        for row in rows:
            doc, profile, tokens = load_extraction(row.extraction, row.cv_text)
            full = match_profiles(doc, profile, data_offer.doc, data_offer.profile,
                                  cv_tokens=tokens, offer_tokens=data_offer.tokens)
            lean = score_profiles(doc, profile, data_offer.doc, data_offer.profile,
                                  cv_tokens=tokens, offer_tokens=data_offer.tokens,
                                  taxonomy=load_taxonomy(), keyword_model=load_keyword_model())
            assert lean.score == pytest.approx(full.score, abs=1e-9)
            assert lean.requirements == full.requirements
            assert dict(lean.components) == pytest.approx(dict(full.components))


def test_a_newer_cv_that_closes_an_old_gap_is_what_changed(filled, samples):
    _, store, _ = filled
    backend = extract(samples / "offer_en_backend_developer.txt", "offer")
    entry = pool.add_candidate(store, samples / "cv_fr_data_analyst.pdf", name="Gap Closer",
                               reason="technical", stage="rejected_before_interview",
                               old_offer=backend.doc)
    gaps = [g for g in entry.old_gaps if g in ("Docker", "Django")]
    assert gaps, entry.old_gaps
    before = next(m for m in pool.match_pool(store, backend, lang="en") if m.id == entry.id)
    assert not any("now mentions" in c for c in before.what_changed)
    with store.session() as session:
        text = session.get(PoolCandidate, entry.id).cv_text
    pool.update_candidate(store, entry.id,
                          cv=text + "\nNouveaux projets : Docker, Django, API REST.\n")
    after = next(m for m in pool.match_pool(store, backend, lang="en") if m.id == entry.id)
    assert any("now mentions" in c and gaps[0] in c for c in after.what_changed)
    assert after.score > before.score
    pool.forget(store, entry.id)

