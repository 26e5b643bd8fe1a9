"""The app's pure helpers: browser-language detection, string table, escaped HTML rendering."""

from __future__ import annotations

import re

import pytest

from app_pages import render
from app_pages.i18n import lang_from_browser
from app_pages.strings import STRINGS


@pytest.mark.parametrize(
    ("locale", "accept", "expected"),
    [
        ("fr-FR", None, "fr"),
        ("fr", "en-US", "fr"),
        ("en-GB", "fr-FR", "en"),  # the locale, when the browser sends it, wins
        (None, "fr-CA,fr;q=0.9,en;q=0.8", "fr"),
        (None, "en-US,en;q=0.9,fr;q=0.8", "en"),
        (None, "de-DE;q=0.5,fr;q=0.9", "fr"),
        (None, None, "en"),
        (None, "", "en"),
        (None, "fr;q=abc,en;q=0.3", "en"),
    ],
)
def test_lang_from_browser(locale: str | None, accept: str | None, expected: str) -> None:
    assert lang_from_browser(locale, accept) == expected


def test_every_string_has_both_languages_and_same_placeholders() -> None:
    for key, (fr, en) in STRINGS.items():
        assert fr.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)}", fr)) == set(re.findall(r"{(\w+)}", en)), key


def test_score_metric_labels_follow_the_contract() -> None:
    fr, en = STRINGS["score.label"]
    assert en.startswith("Match score")
    assert fr.startswith("Score")


def test_highlight_escapes_user_text_and_marks_spans() -> None:
    text = "Python <script>alert(1)</script> & SQL"
    spans = [render.Span(0, 6, "matched", 'Python "x"'), render.Span(35, 38, "missing", "SQL")]
    out = render.highlight_html(text, spans)
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; " in out
    assert '<mark class="matched" title="Python &quot;x&quot;">Python</mark>' in out
    assert '<mark class="missing" title="SQL">SQL</mark>' in out


def test_highlight_skips_overlaps_and_out_of_range_spans() -> None:
    text = "gestion de projet agile"
    spans = [
        render.Span(0, 17, "matched", "project management"),
        render.Span(11, 17, "other", "projet"),  # inside the first: dropped
        render.Span(18, 23, "partial", "agile"),
        render.Span(40, 50, "other", "beyond the text"),
    ]
    out = render.highlight_html(text, spans)
    assert out.count("<mark") == 2
    assert ">gestion de projet</mark> <mark" in out


def test_gauge_clamps_and_colours_by_band() -> None:
    low, high = render.gauge_svg(-5, "Score"), render.gauge_svg(130, "<b>")
    assert ">0</text>" in low and render.BAND_COLORS["weak"] in low
    assert ">100</text>" in high and render.BAND_COLORS["strong"] in high
    assert "<b>" not in high and "&lt;b&gt;" in high
    assert render.score_band(70) == "strong"
    assert render.score_band(45) == "fair"
    assert render.score_band(44.9) == "weak"
