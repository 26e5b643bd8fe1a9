"""Reports render every part of a match, in the CV's language, with user text escaped."""

from __future__ import annotations

import io
from dataclasses import replace
from html.parser import HTMLParser

import docx

from analysis.matching.types import Check, MatchReport, Recommendation, RequirementResult
from analysis.parsing.document import ParsedDocument
from analysis.reporting import to_docx, to_html, to_markdown

HOSTILE = "<script>alert('x')</script> | <img src=x onerror=alert(1)>"


def _report(lang: str = "en", evidence: str = HOSTILE) -> MatchReport:
    cv = ParsedDocument(source="<b>cv</b>.pdf", format="pdf", language=lang, pages=1,
                        text=evidence)
    offer = ParsedDocument(source="offer.txt", format="txt", language="en", pages=1, text="x")
    return MatchReport(
        score=63.4, cv_language=lang, offer_language="en",
        components={"hard_skills": 0.5, "education": 1.0, "keywords": 0.25},
        requirements=(
            RequirementResult("tool:python", "Python", "hard", "required", "matched", "exact",
                              evidence),
            RequirementResult("skill:sql", "SQL", "hard", "required", "missing", None, None),
        ),
        checks=(Check("contact_email", "fail", f"No e-mail {HOSTILE}"),),
        recommendations=(Recommendation(1, "Add “SQL”", code="skill:skill:sql", gain=9.0),),
        cv=cv, offer=offer, weights={"hard_skills": 0.6, "education": 0.0, "keywords": 0.4},
        caps=("experience",),
        scoring_version="match-v1")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_hostile_text_and_is_self_contained() -> None:
    page = to_html(_report())
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "b" not in parser.tags  # the file name is shown as text, not markup
    assert HOSTILE in "".join(parser.text)  # shown to the user as text
    assert "63.4" in page and "Python" in page and "SQL" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page


def test_docx_opens_and_contains_score_tables_and_advice() -> None:
    data = to_docx(_report(evidence="bad \x00\x07 control chars kept out"))
    document = docx.Document(io.BytesIO(data))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "63.4" in body
    assert "Add “SQL”" in body
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert {"Python", "SQL", "E-mail"} <= cells  # checks by name, not by JSON code
    assert any("control chars kept out" in c for c in cells)


def test_markdown_has_all_parts_and_safe_tables() -> None:
    text = to_markdown(_report())
    for heading in ("## Components", "## Requirements", "## CV checks", "## Recommendations"):
        assert heading in text
    assert "63.4 / 100" in text
    assert "| Education | n/a (not asked) |" in text  # not asked by the offer: not a 100 %
    assert "| Required hard skills | 50 % |" in text
    table_rows = [line for line in text.splitlines() if line.startswith("| Python")]
    assert len(table_rows) == 1 and "\\|" in table_rows[0]  # the pipe cannot break the table


def test_french_cv_gets_french_labels() -> None:
    report = _report(lang="fr", evidence="Python en production")
    assert "## Recommandations" in to_markdown(report)
    assert "Exigences de l&#x27;offre" in to_html(report)
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(to_docx(report))).paragraphs)
    assert "Score" in body and "Recommandations" in body


def test_colons_follow_each_languages_typography() -> None:
    french, english = _report(lang="fr"), _report(lang="en")
    assert "\u00a0: 63.4 / 100**" in to_markdown(french)  # no-break space before ':'
    assert " score: 63.4 / 100**" in to_markdown(english)
    assert "\u00a0:" not in to_markdown(english) + to_html(english)
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(to_docx(french))).paragraphs)
    assert "\u00a0: 63.4 / 100" in body
    assert "\u00a0:" in to_html(french)


def test_reports_name_files_without_their_folders_and_checks_by_name() -> None:
    report = _report(lang="fr", evidence="Python en production")
    report = replace(report, cv=replace(report.cv, source="/home/jeanne/Documents/cv.pdf"))
    for text in (to_markdown(report), to_html(report)):
        assert "/home/jeanne" not in text and "cv.pdf" in text
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(to_docx(report))).paragraphs)
    assert "/home/jeanne" not in body and "cv.pdf" in body
    assert "| E-mail | échec |" in to_markdown(report)


def test_every_check_of_a_real_report_has_a_name_in_both_languages(samples) -> None:
    from analysis import match
    from analysis.reporting.labels import check_label

    real = match(samples / "cv_en_account_manager_web.pdf",
                 samples / "offer_en_account_manager.pdf")
    assert len(real.checks) >= 15
    for lang in ("fr", "en"):
        names = [check_label(lang, c.code) for c in real.checks]
        assert all(name != c.code for name, c in zip(names, real.checks, strict=True))
        assert len(set(names)) == len(names)
