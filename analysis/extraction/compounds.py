"""Hyphenated compounds: a skill span must not stop inside one ("hands-on", "front-end").

spaCy splits "hands-on" into three tokens, so the English tagger can tag "Hands" alone and the
dictionary can match "work hands" (an ESCO label of *crafting*) in "Work hands-on with ...".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def _word_end(text: str, i: int) -> int:
    while i < len(text) and text[i].isalnum():
        i += 1
    return i


def _word_start(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return i


def compound_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole hyphenated words at both edges ("Front" -> "Front-end"), also
    when it stops just after or starts at the hyphen ("Hands-" -> "Hands-on")."""
    if _joining_hyphen(text, end - 1):  # the span took the hyphen but not the word after it
        end -= 1
    while _joining_hyphen(text, end):
        end = _word_end(text, end + 1)
    if _joining_hyphen(text, start):
        start += 1
    while _joining_hyphen(text, start - 1):
        start = _word_start(text, start - 1)
    return start, end


def _joining_hyphen(text: str, i: int) -> bool:
    """Whether text[i] is a hyphen inside a word ("hands-on"), letters or digits on both sides."""
    return 0 < i < len(text) - 1 and text[i] == "-" and text[i - 1].isalnum() \
        and text[i + 1].isalnum()


def widen_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Tagged spans widened to whole hyphenated words, overlapping ones merged, sorted."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(compound_bounds(text, s, e) for s, e in spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def splits_dictionary_word(text: str, start: int, end: int,
                           words: Mapping[str, object]) -> bool:
    """Whether a span cuts a hyphenated word the dictionary knows as one ("hands-on").

    "Python" in "Python-based" is kept: "python-based" is not a dictionary word.
    """
    wide_start, wide_end = compound_bounds(text, start, end)
    right = text[_last_word_start(text, start, end):wide_end] if wide_end != end else ""
    left = text[wide_start:_first_word_end(text, start, end)] if wide_start != start else ""
    return any(word.lower() in words for word in (right, left) if word)


def _last_word_start(text: str, start: int, end: int) -> int:
    cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
    return cut + 1 if cut >= 0 else start


def _first_word_end(text: str, start: int, end: int) -> int:
    cuts = [i for i in (text.find(" ", start, end), text.find("\n", start, end)) if i >= 0]
    return min(cuts) if cuts else end
