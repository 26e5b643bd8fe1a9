"""The Streamlit app through `streamlit.testing.v1.AppTest`: every page, real files, real models."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_pages import services

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
SAMPLES = ROOT / "sample_data"
CV_NAME = "cv_en_backend_developer.pdf"
OFFER_NAME = "offer_en_backend_developer.txt"
PAGES = ["app_pages/analyse.py", "app_pages/diagnose.py", "app_pages/reply.py",
         "app_pages/batch.py"]


def new_app(locale: str = "en-US") -> AppTest:
    """A fresh app session whose browser announces `locale`."""
    at = AppTest.from_file(APP, default_timeout=240)
    at.context = {"locale": locale}
    return at


def analysed(locale: str = "en-US", offer_text: str | None = None) -> AppTest:
    """An app session on Analyse with the sample CV uploaded and the sample offer pasted."""
    at = new_app(locale)
    at.run()
    at.file_uploader(key="cv_file").upload(CV_NAME, (SAMPLES / CV_NAME).read_bytes(),
                                           "application/pdf")
    text = offer_text if offer_text is not None else (SAMPLES / OFFER_NAME).read_text("utf-8")
    at.text_area(key="offer_text").input(text)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markdown_text(at: AppTest) -> str:
    """All markdown and raw HTML (st.html) rendered in the run, joined."""
    return "\n".join([m.value for m in at.markdown] + [h.proto.body for h in at.get("html")])


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(page: str) -> None:
    at = new_app()
    at.run()
    if page != PAGES[0]:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert markdown_text(at).count("## ") >= 1
    assert at.radio(key="lang").value == "en"


def test_french_browser_gets_the_french_interface_and_can_switch() -> None:
    at = new_app("fr-FR")
    at.run()
    assert at.session_state["lang"] == "fr"
    assert "## Analyser un CV" in markdown_text(at)
    at.radio(key="lang").set_value("en")
    at.run()
    assert at.session_state["lang"] == "en"
    assert "## Analyse a CV" in markdown_text(at)


def test_analyse_shows_score_requirements_and_recommendations() -> None:
    at = analysed()
    metric = at.metric[0]
    assert metric.label.startswith("Match score")
    score = float(metric.value.split("/")[0])
    assert 0 <= score <= 100
    table = at.dataframe[0].value
    assert len(table) >= 3
    assert {"Status", "Requirement", "How", "Evidence in the CV"} <= set(table.columns)
    assert table["Status"].str.contains("Matched").any()
    text = markdown_text(at)
    assert "Recommendations" in [s.value for s in at.subheader]
    assert "1. " in text  # at least one numbered recommendation
    assert "<mark" in text  # highlighted skills
    labels = [b.label for b in at.get("download_button")]
    assert len(labels) == 3, labels


def test_a_new_cv_version_on_the_same_offer_shows_the_score_change() -> None:
    at = analysed()
    assert not at.metric[0].delta
    first = float(at.metric[0].value.split("/")[0])
    other = "cv_en_logistics_coordinator.pdf"
    at.file_uploader(key="cv_file").set_value((other, (SAMPLES / other).read_bytes(),
                                               "application/pdf"))
    at.run()
    second = float(at.metric[0].value.split("/")[0])
    assert second < first  # a logistician fits a backend offer worse
    assert float(at.metric[0].delta) == pytest.approx(second - first, abs=1.0)


def test_french_interface_labels_the_metric_score() -> None:
    at = analysed("fr-FR")
    assert at.metric[0].label.startswith("Score")
    assert at.dataframe[0].value.columns[0] == "Statut"
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Exigences satisfaites\u00a0:") for c in captions)
    # whole words, never a "satisfaite(s)" placeholder
    assert not any("(s)" in c for c in captions + [e.label for e in at.expander])


def test_widget_change_does_not_reparse_unchanged_files(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis import parsing

    calls: list[str] = []
    real = parsing.parse_document

    def counting(source: object, filename: str | None = None, **kwargs: object) -> object:
        calls.append(str(filename))
        return real(source, filename=filename, **kwargs)

    monkeypatch.setattr(parsing, "parse_document", counting)
    services.parse_upload.clear()
    services.match_docs.clear()
    at = analysed()
    assert calls == [CV_NAME]
    first = at.metric[0].value
    at.toggle(key="req_only_missing").set_value(True)
    at.run()
    at.radio(key="lang").set_value("fr")
    at.run()
    assert calls == [CV_NAME]
    assert at.metric[0].value == first
    assert not at.dataframe[0].value["Statut"].str.contains("Satisfaite").any()


def test_bad_file_gets_a_friendly_message_not_a_traceback() -> None:
    at = new_app()
    at.run()
    at.file_uploader(key="cv_file").upload("cv.pdf", b"%PDF-1.4 this is not really a pdf",
                                           "application/pdf")
    at.text_area(key="offer_text").input((SAMPLES / OFFER_NAME).read_text("utf-8"))
    at.run()
    assert not at.exception
    assert any("cv.pdf" in e.value for e in at.error)
    assert not at.metric


def test_hostile_offer_text_is_escaped() -> None:
    offer = ((SAMPLES / OFFER_NAME).read_text("utf-8")
             + "\n<img src=x onerror=alert(1)> <script>alert('x')</script>\n")
    at = analysed(offer_text=offer)
    text = markdown_text(at)
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<img src=x" not in text and "<script>alert" not in text


def test_markdown_in_a_file_name_or_offer_is_shown_as_text() -> None:
    # check messages quote the file name: a pasted image link must not load a remote picture
    name = "![t](https:evil.example_t.png)cv.pdf"
    at = new_app()
    at.run()
    at.file_uploader(key="cv_file").upload(name, (SAMPLES / CV_NAME).read_bytes(),
                                           "application/pdf")
    at.text_area(key="offer_text").input((SAMPLES / OFFER_NAME).read_text("utf-8"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    checks = [m.value for m in at.markdown if "File name" in m.value]
    assert checks, "the file-name check quotes the uploaded name"
    assert all("![t](" not in value for value in checks)
    assert any("\\!\\[t\\]\\(https\\:" in value for value in checks)


def _click(at: AppTest, label: str) -> None:
    [button] = [b for b in at.button if b.label == label]
    button.click()
    at.run()


def test_diagnose_uses_the_current_analysis() -> None:
    at = analysed()
    at.switch_page("app_pages/diagnose.py")
    at.run()
    assert at.checkbox(key="diag_use_analysis").value is True
    at.selectbox(key="diag_stage").set_value("rejected_before_interview")
    at.text_area(key="diag_feedback").input(
        "Thank you for applying. We have decided to move forward with candidates whose "
        "experience more closely matches the requirements.")
    _click(at, "Diagnose")
    assert not at.exception, [e.value for e in at.exception]
    result = at.session_state["diagnosis"]["result"]
    assert result["verdict"] in {"cv_screening", "later_stage", "uncertain"}
    assert abs(sum(result["probabilities"].values()) - 1) < 1e-6
    assert 'class="cvs-verdict' in markdown_text(at)
    assert len(at.metric) >= 2
    assert result["actions"] and result["actions"][0] in markdown_text(at)


def test_diagnose_without_analysis_after_final_interview() -> None:
    at = new_app()
    at.run()
    at.switch_page("app_pages/diagnose.py")
    at.run()
    assert at.checkbox(key="diag_use_analysis").disabled
    at.selectbox(key="diag_stage").set_value("rejected_after_final_interview")
    at.number_input(key="diag_interviews").set_value(3)
    _click(at, "Diagnose")
    assert not at.exception
    assert at.session_state["diagnosis"]["result"]["verdict"] != "cv_screening"


def _bodies(at: AppTest) -> dict[str, str]:
    """Drafted message bodies by kind."""
    return {str(a.key).split("_")[2]: a.value for a in at.text_area
            if str(a.key).startswith("reply_body_")}


def test_reply_drafts_editable_messages_and_a_schedule() -> None:
    at = new_app()
    at.run()
    at.switch_page("app_pages/reply.py")
    at.run()
    at.text_input(key="reply_name").input("Camille Moreau")
    at.text_input(key="reply_company").input("Groupe Altea Retail")
    at.text_input(key="reply_position").input("Data analyst")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    bodies = _bodies(at)
    assert set(bodies) == {"thank", "recontact"}  # after a rejection: thank, then re-contact
    assert all(body.strip() for body in bodies.values())
    assert "Groupe Altea Retail" in bodies["thank"]
    assert len(at.dataframe[0].value) == 2
    # Edits survive a re-run; changing an input drafts afresh.
    key = next(a.key for a in at.text_area if str(a.key).startswith("reply_body_thank"))
    at.text_area(key=key).input("My own words.")
    at.run()
    assert at.text_area(key=key).value == "My own words."
    at.radio(key="reply_lang").set_value("fr")
    at.run()
    assert "Groupe Altea Retail" in _bodies(at)["thank"]
    assert _bodies(at)["thank"] not in (bodies["thank"], "My own words.")


def test_reply_after_silence_relaunches_once_then_stops() -> None:
    at = new_app()
    at.run()
    at.switch_page("app_pages/reply.py")
    at.run()
    at.selectbox(key="reply_stage").set_value("no_response")
    at.run()
    assert set(_bodies(at)) == {"relaunch", "recontact"}
    assert not at.warning
    at.number_input(key="reply_unanswered").set_value(2)
    at.run()
    assert not at.exception
    assert set(_bodies(at)) == {"recontact"}  # no second relaunch
    assert len(at.warning) >= 2  # the stop rule, in the relaunch tab and under the schedule


def test_batch_ranks_cvs_and_reports_bad_files() -> None:
    import io
    import zipfile

    at = new_app()
    at.run()
    at.switch_page("app_pages/batch.py")
    at.run()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SAMPLES / "cv_en_logistics_coordinator.pdf", "cvs/cv_en_logistics_coordinator.pdf")
    uploader = at.file_uploader(key="batch_cvs")
    uploader.upload(CV_NAME, (SAMPLES / CV_NAME).read_bytes(), "application/pdf")
    uploader.upload("more.zip", archive.getvalue(), "application/zip")
    uploader.upload("broken.pdf", b"%PDF-1.7 broken", "application/pdf")
    at.file_uploader(key="batch_offers").upload(OFFER_NAME, (SAMPLES / OFFER_NAME).read_bytes(),
                                                "text/plain")
    at.run()
    at.button(key="batch_run").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    table = at.dataframe[0].value
    assert len(table) == 3
    ranked = table[table["Rank"].notna()].sort_values("Rank")
    assert list(ranked["CV"])[0] == CV_NAME  # the backend developer beats the logistician
    assert table["CV"].str.contains("cv_en_logistics_coordinator.pdf").any()  # from the zip
    assert table[table["CV"] == "broken.pdf"]["Error"].str.len().iloc[0] > 0
    assert len(at.get("download_button")) == 2


def test_scanned_cv_is_refused_then_read_with_ocr_on_request() -> None:
    import shutil

    at = new_app()
    at.run()
    scanned = "cv_fr_infirmiere_scanned.pdf"
    at.file_uploader(key="cv_file").upload(scanned, (SAMPLES / scanned).read_bytes(),
                                           "application/pdf")
    at.text_area(key="offer_text").input((SAMPLES / "offer_fr_infirmiere.txt")
                                         .read_text("latin-1"))
    at.run()
    assert any("scanned document" in e.value for e in at.error)
    assert not at.metric
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed: the OCR half of this test cannot run")
    at.toggle(key="ocr_cv").set_value(True)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    assert at.metric[0].label.startswith("Match score")
    assert any("OCR" in w.value for w in at.warning)


def test_example_button_analyses_the_bundled_samples() -> None:
    at = new_app("fr-FR")
    at.run()
    at.button(key="example_button").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.metric[0].label.startswith("Score")
    assert at.session_state["analysis"]["cv_name"] == "cv_fr_data_analyst.pdf"


def test_diagnose_in_french_after_an_interview_with_default_inputs() -> None:
    at = new_app("fr-FR")
    at.run()
    at.switch_page("app_pages/diagnose.py")
    at.run()
    at.selectbox(key="diag_stage").set_value("rejected_after_interview")
    at.text_area(key="diag_feedback").input(
        "Nous avons apprécié nos échanges, mais avons retenu un candidat dont le profil "
        "correspond davantage à nos attentes en matière de travail en équipe.")
    _click(at, "Diagnostiquer")
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    result = at.session_state["diagnosis"]["result"]
    assert result["verdict"] != "cv_screening"  # the candidate was met: not a CV-sort rejection
    assert "Origine la plus probable" in markdown_text(at)


def test_coming_back_to_analyse_shows_the_last_analysis() -> None:
    at = analysed()
    score = at.metric[0].value
    at.switch_page("app_pages/batch.py")
    at.run()
    at.switch_page("app_pages/analyse.py")
    at.run()
    assert not at.exception
    assert at.metric and at.metric[0].value == score
    assert any(CV_NAME in i.value for i in at.info)
    at.button(key="clear_analysis").click()
    at.run()
    assert not at.metric
