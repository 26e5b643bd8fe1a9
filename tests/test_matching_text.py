"""Text helpers of matching: accent/case-folded search that reports offsets in the original."""

from __future__ import annotations

import pytest

from analysis.matching.text import find_wording, fold, folded_with_offsets


@pytest.mark.parametrize("text", [
    "Maîtrise de SQL, gestion de la qualité et Œuvre sociale",
    "ﬁnance İstanbul Straße café\u0301 ½ 😀 x",  # ligature, dotted capital, combining accent
    "plain ASCII only",
    "",
    "é",
])
def test_folded_text_maps_back_to_the_original(text: str) -> None:
    folded, offsets = folded_with_offsets(text)
    assert len(offsets) == len(folded)
    assert list(offsets) == sorted(offsets)
    lowered = text.lower()
    for char, offset in zip(folded, offsets, strict=True):
        assert fold(lowered[offset]) in (char, "") or char in fold(lowered[offset])
    assert " ".join(folded.split()) == fold(text)


def test_find_wording_is_accent_and_case_insensitive_and_returns_original_offsets() -> None:
    cv = "Expérience : GESTION DE LA QUALITÉ ; Maîtrise de Power BI."
    start, end = find_wording(cv, ["gestion de la qualite"])
    assert cv[start:end] == "GESTION DE LA QUALITÉ"
    start, end = find_wording(cv, ["power bi"])
    assert cv[start:end] == "Power BI"
    assert find_wording(cv, ["qualité totale"]) is None
    assert find_wording("Maîtrise de SQLite", ["SQL"]) is None  # whole words only


def test_evidence_is_the_sentence_that_starts_with_the_mention() -> None:
    from analysis.matching.text import sentence_at

    text = ("À PROPOS\nComptable confirmée, 8 ans en cabinet. Autonome sur la tenue complète.\n"
            "EXPÉRIENCE\n")
    start = text.index("Autonome")
    assert sentence_at(text, start, start + 8) == "Autonome sur la tenue complète."
    first = text.index("Comptable")
    assert sentence_at(text, first, first + 9) == "Comptable confirmée, 8 ans en cabinet."
    # a line that goes on in lower case is the same sentence, also when the mention starts it
    wrapped = "Built APIs for the payments\nteam with FastAPI."
    assert sentence_at(wrapped, wrapped.index("team"), wrapped.index("team") + 4) == (
        "Built APIs for the payments team with FastAPI.")


def test_an_abbreviated_month_does_not_end_the_evidence_sentence() -> None:
    from analysis.matching.text import sentence_at

    text = ("Chargée d’études statistiques – Mutuelle Horizon, sept. 2016 – août 2019.\n"
            "Analyst at Acme since Jan. 2020. Built 14 dashboards.")
    at = text.index("statistiques")
    assert sentence_at(text, at, at + 12).endswith("sept. 2016 – août 2019.")
    at = text.index("Analyst")
    assert sentence_at(text, at, at + 7) == "Analyst at Acme since Jan. 2020."
    at = text.index("Built")
    assert sentence_at(text, at, at + 5) == "Built 14 dashboards."


def test_a_contact_line_does_not_continue_the_headline() -> None:
    from analysis.matching.text import sentence_at

    text = ("Rebecca Hughes\nKey Account Manager – B2B SaaS\nrebecca.hughes@example.com +1 415\n"
            "linkedin.com/in/rebecca San Francisco\nPROFILE")
    at = text.index("SaaS")
    assert sentence_at(text, at, at + 4) == "Key Account Manager – B2B SaaS"
