"""End to end in a real browser: `streamlit run app.py` driven through Debian's Chromium."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from browser_support import (
    ROOT,
    chromium_page,
    chromium_path,
    streamlit_server,
    upload_and_paste,
    wait_for_score,
    wait_idle,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None,
                       reason="no Chromium binary found (apt-get install -y chromium)"),
    pytest.mark.timeout(600),  # a fresh server loads the models; the CI machine may be busy
]

SAMPLES = ROOT / "sample_data"
CV = SAMPLES / "cv_fr_data_analyst.pdf"
OFFER = SAMPLES / "offer_en_backend_developer.txt"


def _shot(page: object, folder: Path, name: str) -> Path:
    wait_idle(page)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    assert path.stat().st_size > 10_000  # a real rendered page, not a blank one
    return path


def test_upload_score_switch_language_download_and_visit_every_page(tmp_path: Path) -> None:
    with streamlit_server(tmp_path / "streamlit.log") as (url, _), \
            chromium_page(locale="fr-FR") as page:
        page.goto(url, wait_until="domcontentloaded")
        # A French browser gets the French interface.
        page.get_by_text("Analyser un CV face à une offre").wait_for(timeout=60_000)
        _shot(page, tmp_path, "01-analyse-empty-fr")

        upload_and_paste(page, CV, OFFER.read_text("utf-8"))
        value = wait_for_score(page, "Score de correspondance")
        score = float(value.split("/")[0])
        assert 0 <= score <= 100
        page.get_by_text("Recommandations", exact=True).first.wait_for()
        _shot(page, tmp_path, "02-analyse-result-fr")

        # Switch the interface to English: same analysis, English labels.
        page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
        assert wait_for_score(page, "Match score") == value
        page.get_by_role("tab", name="Requirements").click()
        page.locator('[data-testid="stDataFrame"]').first.wait_for()
        _shot(page, tmp_path, "03-analyse-requirements-en")
        page.get_by_role("tab", name="Highlighted texts").click()
        page.locator(".cvs-text mark").first.wait_for()
        _shot(page, tmp_path, "04-analyse-texts-en")

        # Download the HTML report.
        with page.expect_download() as info:
            page.get_by_role("button", name="HTML report").click()
        report = tmp_path / "report.html"
        info.value.save_as(str(report))
        content = report.read_text("utf-8")
        assert "<html" in content.lower()
        assert "Camille Moreau" in content or "Python" in content

        # Every page renders in the browser.
        sidebar = page.locator('[data-testid="stSidebarNav"]')
        sidebar.get_by_text("Diagnose a rejection").click()
        page.get_by_role("button", name="Diagnose").click()
        page.locator(".cvs-verdict").wait_for(timeout=60_000)
        _shot(page, tmp_path, "05-diagnose-en")

        sidebar.get_by_text("Reply and follow up").click()
        page.locator(".st-key-reply_name input").fill("Camille Moreau")
        page.locator(".st-key-reply_company input").fill("Fintrail")
        page.locator(".st-key-reply_company input").press("Enter")
        page.get_by_text("Follow-up schedule").wait_for(timeout=60_000)
        page.locator("textarea").filter(has_text="Fintrail").first.wait_for(timeout=60_000)
        _shot(page, tmp_path, "06-reply-en")

        sidebar.get_by_text("Batch").click()
        page.locator(".st-key-batch_cvs input[type=file]").set_input_files(
            [str(CV), str(SAMPLES / "cv_en_backend_developer.pdf")])
        page.locator(".st-key-batch_offers input[type=file]").set_input_files(str(OFFER))
        wait_idle(page)
        page.get_by_role("button", name="Score and rank").click()
        page.locator(".st-key-dl_batch_csv button").wait_for(timeout=180_000)
        _shot(page, tmp_path, "07-batch-en")
        with page.expect_download() as info:
            page.locator(".st-key-dl_batch_csv button").click()
        with open(info.value.path(), encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == 2  # one row per CV
        best = next(r for r in rows if r["rank"] == "1")
        assert best["cv"] == "cv_en_backend_developer.pdf"  # the backend CV fits the offer best

        exceptions = page.locator('[data-testid="stException"]')
        assert exceptions.count() == 0
    assert len(list(tmp_path.glob("*.png"))) == 7
