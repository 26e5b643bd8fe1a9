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
