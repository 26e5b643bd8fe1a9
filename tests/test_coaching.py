"""Coaching workspace on a real SQLite file: versions, score history, applications, report."""

from __future__ import annotations

import io
from datetime import date, timedelta

import docx
import pytest
from typer.testing import CliRunner

from analysis import coaching
from analysis.cli import app
from analysis.errors import InvalidArgumentError, NotFoundError
from analysis.storage import open_store
from tests.test_storage import db_bytes

TODAY = date.today()


def _weak_version(text: str) -> str:
    """An earlier, thinner CV: only the first lines (name, contact, title), no skills."""
    return "\n".join(text.splitlines()[:4]) + "\nAnalyste. Motivée, sérieuse.\n"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, samples):
    """A candidate with two CV versions (a thin one, then the real PDF) and one target offer."""
    path = tmp_path_factory.mktemp("coach") / "coach.db"
    store = open_store(str(path))
    cand = coaching.add_candidate(store, "Camille Moreau", target_role="Data analyst")
    full = samples / "cv_fr_data_analyst.pdf"
    from analysis.storage.documents import extract

    weak_text = _weak_version(extract(full, "cv").doc.text)
    v1 = coaching.add_cv_version(store, cand.id, weak_text, label="v1 courte")
    v2 = coaching.add_cv_version(store, cand.id, full, label="v2 refaite")
    offer = coaching.add_offer(store, cand.id, samples / "offer_fr_data_analyst.pdf",
                               company="Groupe Altea Retail")
    return path, store, cand, v1, v2, offer


def test_versions_and_offers_are_stored_with_files(workspace):
    _, store, cand, v1, v2, offer = workspace
    assert [v.label for v in coaching.cv_versions(store, cand.id)] == ["v1 courte", "v2 refaite"]
    assert v2.filename == "cv_fr_data_analyst.pdf" and v1.filename is None
    assert coaching.offers(store, cand.id)[0].company == "Groupe Altea Retail"
    listed = coaching.list_candidates(store)[0]
    assert (listed.cv_versions, listed.offers, listed.applications) == (2, 1, 0)


def test_score_history_shows_the_rewrite_helped(workspace):
    _, store, cand, v1, v2, offer = workspace
    points = coaching.score_history(store, cand.id)
    assert [(p.cv_version_id, p.offer_id) for p in points] == [(v1.id, offer.id),
                                                                 (v2.id, offer.id)]
    assert points[1].score > points[0].score
    assert points[1].missing_required < points[0].missing_required
    again = coaching.score_history(store, cand.id)  # cached analyses: same figures
    assert [p.score for p in again] == [p.score for p in points]
    latest = coaching.latest_report(store, cand.id)
    assert latest is not None and latest["score"] == pytest.approx(points[1].score, abs=0.1)


def test_skills_diff_side_by_side(workspace):
    _, store, _, v1, v2, _ = workspace
    diff = coaching.skills_diff(store, v1.id, v2.id)
    added, removed, kept = ({label.lower() for label, _ in part}
                            for part in (diff.added, diff.removed, diff.kept))
    assert len(added) > len(removed) and not (added & removed) and not (added & kept)
    assert any("sql" in label for label in added | kept)
    reverse = coaching.skills_diff(store, v2.id, v1.id)
    assert reverse.removed == diff.added


def test_applications_followups_and_diagnosis(workspace):
    _, store, cand, _, v2, offer = workspace
    applied = TODAY - timedelta(days=20)
    app_info = coaching.add_application(store, cand.id, company="Groupe Altea Retail",
                                        position="Data analyst", applied_on=applied,
                                        offer_id=offer.id, cv_version_id=v2.id)
    todo = coaching.followups(store, candidate_id=cand.id)
    assert {f.kind for f in todo} >= {"relaunch", "recontact"}
    relaunch = next(f for f in todo if f.kind == "relaunch")
    assert applied < relaunch.due_on <= TODAY and relaunch.body
    assert relaunch in coaching.followups(store, until=TODAY)

    updated = coaching.update_application(
        store, app_info.id, stage="rejected_after_interview", answered_on=TODAY - timedelta(1),
        interviews=2, message="Nous avons retenu un candidat plus expérimenté en SQL.")
    assert updated.diagnosis and updated.diagnosis["verdict"] in (
        "cv_screening", "later_stage", "uncertain")
    assert updated.messages[0][1].startswith("Nous avons retenu")
    kinds = [f.kind for f in coaching.followups(store, candidate_id=cand.id)]
    assert "thank_and_feedback" in kinds and "relaunch" not in kinds
    thanks = next(f for f in coaching.followups(store, candidate_id=cand.id)
                  if f.kind == "thank_and_feedback")
    coaching.mark_done(store, thanks.id)
    assert thanks.id not in {f.id for f in coaching.followups(store, candidate_id=cand.id)}
    done = coaching.followups(store, candidate_id=cand.id, include_done=True)
    assert next(f for f in done if f.id == thanks.id).done
    coaching.update_application(store, app_info.id, message="Relance reçue")  # replan
    assert thanks.id in {f.id for f in coaching.followups(store, include_done=True)}
    with pytest.raises(InvalidArgumentError):
        coaching.update_application(store, app_info.id, stage="ghosted")
    with pytest.raises(InvalidArgumentError):
        coaching.update_application(store, app_info.id, answered_on=applied - timedelta(5))


def test_session_report_docx_and_escaped_html(workspace):
    _, store, cand, _, v2, offer = workspace
    # Its own application row, so the test does not depend on another test having run.
    coaching.add_application(store, cand.id, company="Groupe Altea Retail", position="Data analyst",
                             applied_on=TODAY - timedelta(days=3), offer_id=offer.id,
                             cv_version_id=v2.id)
    hostile = coaching.add_application(store, cand.id, company="<script>alert(1)</script> SA",
                                       position="Analyste & co")
    report = coaching.session_report(store, cand.id, "fr")
    document = docx.Document(io.BytesIO(coaching.report_to_docx(report)))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Camille Moreau" in body and "Bilan de séance" in body
    assert "Score\u00a0: " in body  # French typography: no-break space before a colon
    assert "Groupe Altea Retail" in cells and "v2 refaite" in cells
    html = coaching.report_to_html(report)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Analyste &amp; co" in html and "Prochaines étapes" in html
    english = coaching.report_to_html(coaching.session_report(store, cand.id, "en"))
    assert "Session report" in english and "Next steps" in english
    assert hostile.id in {a.id for a in coaching.applications(store, cand.id)}


def test_delete_candidate_leaves_no_trace(tmp_path, samples):
    path = tmp_path / "erase.db"
    store = open_store(str(path))
    keep = coaching.add_candidate(store, "Someone Else")
    gone = coaching.add_candidate(store, "Hortense Vanderbilt")
    coaching.add_cv_version(store, gone.id, "Hortense Vanderbilt\nComptable chez Vanderbilt "
                            "Conseil depuis 2019.\nCompétences : Sage, Excel, comptabilité.")
    coaching.add_offer(store, gone.id, "Comptable\nNous cherchons un comptable : Sage, Excel "
                       "et comptabilité générale exigés.", company="Vanderbilt Conseil")
    assert coaching.score_history(store, gone.id)  # analyses with CV evidence are stored
    coaching.add_application(store, gone.id, company="Vanderbilt Conseil", position="Comptable",
                             applied_on=TODAY - timedelta(days=3))
    assert b"Vanderbilt" in db_bytes(path)
    coaching.delete_candidate(store, gone.id)
    assert b"Vanderbilt" not in db_bytes(path)
    assert [c.id for c in coaching.list_candidates(store)] == [keep.id]
    assert coaching.followups(store) == []
    with pytest.raises(NotFoundError):
        coaching.delete_candidate(store, gone.id)


def test_coach_cli_round_trip(tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, ["coach", *args, "--db", db])
        assert result.exit_code == 0, result.output
        return result.stdout.strip()

    cid = run("add-candidate", "Daniel Okafor")
    run("add-cv", cid, "sample_data/cv_en_backend_developer.pdf")
    run("add-offer", cid, "sample_data/offer_en_backend_developer.txt")
    import json

    history = json.loads(run("history", cid, "--json"))
    assert len(history) == 1 and 0 < history[0]["score"] <= 100
    app_id = run("apply", cid, "--company", "Fintrail", "--position", "Backend developer",
                 "--date", (TODAY - timedelta(days=12)).isoformat(), "--lang", "en")
    assert "no_response" in run("answer", app_id, "--stage", "no_response", "--lang", "en")
    assert "relaunch" in run("todo")
    out = tmp_path / "report.html"
    run("report", cid, "-o", str(out), "--lang", "en")
    assert "Daniel Okafor" in out.read_text(encoding="utf-8")
    bad = runner.invoke(app, ["coach", "report", cid, "-o", str(tmp_path / "r.pdf"),
                              "--db", db])
    assert bad.exit_code == 2 and bad.stderr.startswith("error: invalid_argument")
    missing = runner.invoke(app, ["coach", "history", "999", "--db", db])
    assert missing.exit_code == 2 and missing.stderr.startswith("error: not_found")
