"""CV checks on real text: contact, headings, length, dates, layout, bullets, file, readability."""

from __future__ import annotations

from datetime import date

from analysis.extraction.types import Profile, SkillMention
from analysis.matching.checks import (
    document_checks,
    file_checks,
    headings_check,
    layout_checks,
    length_check,
    readable_check,
)
from analysis.matching.content_checks import bullets_check, dates_check, keyword_frequency_check
from analysis.matching.types import RequirementResult
from analysis.parsing.document import Contact, DocWarning, ParsedDocument, Section

TODAY = date(2026, 1, 15)


def _doc(text: str, lang: str = "en", source: str = "jane-doe-cv.pdf", **kw: object):
    return ParsedDocument(source=source, format=source.rsplit(".", 1)[-1], language=lang,
                          pages=kw.pop("pages", 1), text=text, **kw)  # type: ignore[arg-type]


def test_contact_checks_fail_without_email_and_phone_in_the_cv_language() -> None:
    checks = {c.code: c for c in document_checks(_doc("Jean Dupont\nExpérience", "fr"),
                                                  Profile("cv", "fr"), "fr")}
    assert checks["contact_email"].status == "fail"
    assert "e-mail" in checks["contact_email"].message and "Aucune" in checks[
        "contact_email"].message
    assert checks["contact_phone"].status == "fail"
    assert checks["contact_linkedin"].status == "warn"  # optional: never a fail
    full = _doc("x", contact=Contact(email="a@b.org", phone="+33 6 12 34 56 78",
                                     linkedin="linkedin.com/in/a"))
    ok = {c.code: c.status for c in document_checks(full, Profile("cv", "en"), "en")}
    assert ok["contact_email"] == ok["contact_phone"] == ok["contact_linkedin"] == "pass"


def test_standard_headings() -> None:
    text = "Experience\n...\nEducation\n...\nSkills\n..."
    all_three = _doc(text, sections=(Section("experience", "Experience", 0, 14),
                                     Section("education", "Education", 14, 28),
                                     Section("skills", "Skills", 28, len(text))))
    assert headings_check(all_three, "en").status == "pass"
    assert headings_check(_doc(text), "en").status == "fail"
    one_missing = _doc(text, sections=all_three.sections[:2])
    check = headings_check(one_missing, "en")
    assert check.status == "warn" and "Skills" in check.message


def test_length_depends_on_seniority() -> None:
    text = " ".join(["word"] * 700)
    two_pages = _doc(text, pages=2)
    assert length_check(two_pages, Profile("cv", "en", years_experience=1), "en").status == "warn"
    assert length_check(two_pages, Profile("cv", "en", years_experience=6), "en").status == "pass"
    assert length_check(_doc("too short"), Profile("cv", "en"), "en").status == "fail"
    assert length_check(_doc(text, pages=4), Profile("cv", "en", years_experience=6),
                        "en").status == "fail"


def test_dates_inverted_future_and_missing() -> None:
    inverted = _doc("Engineer, Acme, March 2023 - January 2021\nAnalyst 03/2018 – present")
    check = dates_check(inverted, "en", TODAY)
    assert check.status == "fail" and "2023" in check.message
    future = dates_check(_doc("Chef de projet, sept. 2024 - juin 2029", "fr"), "fr", TODAY)
    assert future.status == "warn" and "futur" in future.message
    assert dates_check(_doc("no dates at all here"), "en", TODAY).status == "warn"
    good = _doc("Analyste, janvier 2019 – mars 2022\nStagiaire, 06/2018 - 12/2018", "fr")
    assert dates_check(good, "fr", TODAY).status == "pass"


def test_layout_warnings_from_parsing_become_checks() -> None:
    doc = _doc("text", warnings=(DocWarning("multi_column", "two columns"),
                                 DocWarning("header_footer_text", "contact in header"),
                                 DocWarning("images", "image with text")))
    checks = {c.code: c.status for c in layout_checks(doc, "en")}
    assert checks["layout_multi_column"] == "warn"
    assert checks["layout_header_footer"] == "warn"
    assert checks["layout_images"] == "warn"
    assert checks["layout_tables"] == checks["layout_text_box"] == "pass"
    assert checks["layout_text_layer"] == "pass"
    ocr = _doc("text", warnings=(DocWarning("images", "x"), DocWarning("ocr", "read by OCR"),
                                 DocWarning("glued_words", "no spaces")))
    statuses = {c.code: c for c in layout_checks(ocr, "fr")}
    assert statuses["layout_images"].status == "fail" and "OCR" in statuses[
        "layout_images"].message
    assert statuses["layout_text_layer"].status == "warn"


def test_passing_layout_checks_read_as_whole_sentences_in_both_languages() -> None:
    for lang in ("fr", "en"):
        messages = [c.message for c in layout_checks(_doc("text", lang), lang)]
        assert len(messages) == len(set(messages)) == 6  # one sentence per trap
        assert not any("(s)" in m or "{" in m for m in messages)
    french = {c.code: c.message for c in layout_checks(_doc("texte", "fr"), "fr")}
    assert french["layout_tables"] == "Aucun tableau."
    assert french["layout_text_box"] == "Aucune zone de texte."  # feminine, not "détecté(s)"


def test_length_message_counts_pages_in_words() -> None:
    text = " ".join(["mot"] * 300)
    one = length_check(_doc(text, "fr"), Profile("cv", "fr", years_experience=1), "fr").message
    assert one.startswith("1 page, 300 mots") and "(s)" not in one
    four = length_check(_doc(text, "en", pages=4), Profile("cv", "en", years_experience=1), "en")
    assert four.status == "fail" and four.message.startswith("4 pages, 300 words")
    assert "aim for 1 page." in four.message


def test_bullets_action_verbs_and_figures_in_both_languages() -> None:
    good_en = ("Experience\n- Led a team of 5 engineers to ship the billing API\n"
               "- Reduced cloud costs by 30% in six months\n- Built a test suite of 400 cases\n")
    doc = _doc(good_en, sections=(Section("experience", "Experience", 0, len(good_en)),))
    assert bullets_check(doc, "en").status == "pass"
    weak_fr = ("Expérience\n• Responsable de la relation avec les clients et des dossiers en "
               "cours\n• Travail sur différents sujets pour l'équipe commerciale\n")
    doc = _doc(weak_fr, "fr", sections=(Section("experience", "Expérience", 0, len(weak_fr)),))
    check = bullets_check(doc, "fr")
    assert check.status == "warn" and "verbe d'action" in check.message
    good_fr = ("Expérience\n• Piloté la migration de 3 applications\n• Conçu un tableau de bord "
               "suivi par 40 magasins\n• Mise en place d'un reporting hebdomadaire (-20 % de "
               "délai)\n")
    doc = _doc(good_fr, "fr", sections=(Section("experience", "Expérience", 0, len(good_fr)),))
    assert bullets_check(doc, "fr").status == "pass"
    assert bullets_check(_doc("Plain paragraph only."), "en").status == "warn"


def test_keyword_frequency_flags_skills_only_listed() -> None:
    text = "Experience\nBuilt reports for sales.\nSkills\nPython, SQL"
    doc = _doc(text, sections=(Section("experience", "Experience", 0, 36),
                               Section("skills", "Skills", 36, len(text))))
    py = text.find("Python")
    cv = Profile("cv", "en", mentions=(SkillMention(py, py + 6, "Python", "tool:python",
                                                    "Python", "hard"),))
    row = RequirementResult("tool:python", "Python", "hard", "required", "matched", "exact",
                            "Python, SQL", offer_text="Python")
    check = keyword_frequency_check(doc, cv, [row], "en")
    assert check.status == "warn" and "Python" in check.message
    used = text.find("reports")
    cv2 = Profile("cv", "en", mentions=(*cv.mentions, SkillMention(
        used, used + 7, "reports", "tool:python", "Python", "hard")))
    assert keyword_frequency_check(doc, cv2, [row], "en").status == "pass"
    sql = RequirementResult("skill:sql", "SQL", "hard", "required", "matched", "exact",
                            "Python, SQL", offer_text="SQL")  # matched on wording only
    assert "SQL" in keyword_frequency_check(doc, cv2, [row, sql], "en").message
    nothing = keyword_frequency_check(doc, cv, [], "en")
    assert nothing.status == "pass" and "no required" in nothing.message


def test_keyword_frequency_names_a_translated_skill_as_the_cv_does() -> None:
    text = "Expérience\nChef de projet.\nCompétences\nGestion de projet, Excel"
    doc = _doc(text, "fr", sections=(Section("experience", "Expérience", 0, 26),
                                     Section("skills", "Compétences", 26, len(text))))
    at = text.find("Gestion")
    cv = Profile("cv", "fr", mentions=(SkillMention(at, at + 17, "Gestion de projet",
                                                    "skill:pm", "gestion de projet", "hard"),))
    row = RequirementResult("skill:pm", "project management", "hard", "required", "matched",
                            "translation", "Gestion de projet, Excel",
                            offer_text="project management")
    check = keyword_frequency_check(doc, cv, [row], "fr")
    assert check.status == "warn" and "Gestion de projet" in check.message
    assert "project management" not in check.message


def test_file_type_and_name() -> None:
    named = {c.code: c.status for c in file_checks(
        _doc("x", source="/tmp/Jane-Doe-CV.pdf", contact=Contact(name="Jane Doe")), "en")}
    assert named == {"file_type": "pass", "file_name": "pass"}
    generic = {c.code: c.status for c in file_checks(_doc("x", source="CV_final (1).docx"),
                                                      "en")}
    assert generic["file_name"] == "warn"
    txt = {c.code: c.status for c in file_checks(_doc("x", source="cv.txt"), "en")}
    assert txt["file_type"] == "warn"


def test_unreadable_cv_fails_with_a_clear_message() -> None:
    scanned = readable_check(None, "fr", "no_text_layer")
    assert scanned.status == "fail" and "scanné" in scanned.message
    empty = readable_check(_doc("   "), "en", None)
    assert empty.status == "fail" and "no readable text" in empty.message


def test_checks_on_real_sample_files(samples) -> None:  # noqa: ANN001 - the Path fixture
    from analysis.extraction import profile_cv
    from analysis.parsing import parse_document

    def statuses(name: str) -> dict[str, str]:
        doc = parse_document(samples / name)
        return {c.code: c.status for c in document_checks(doc, profile_cv(doc), doc.language)}

    clean = statuses("cv_fr_data_analyst.pdf")
    two_col = statuses("cv_fr_data_analyst_2col.pdf")
    assert clean["layout_multi_column"] == "pass" and two_col["layout_multi_column"] == "warn"
    boxed = statuses("cv_fr_infirmiere_header_textbox.docx")
    assert boxed["layout_header_footer"] == "warn" and boxed["layout_text_box"] == "warn"
    assert clean["contact_email"] == clean["contact_phone"] == "pass"
    assert clean["standard_headings"] == "pass" and clean["bullets"] == "pass"
