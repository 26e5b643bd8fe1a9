"""A fast-compiling equivalent of the French tokenizer's `token_match` regular expression.

spaCy's French tokenizer keeps one `token_match` pattern of 1.45 MB: 266 anchored alternatives
(hyphenated and elided words such as "anti-inflammatoire" or "entr'abat"), each repeating the
whole Unicode lower-case letter class. CPython takes about 2.3 s to compile it, once when
`spacy.lang.fr` is imported and once more (same string, served by `re`'s cache) when the
tokenizer of `fr_core_news_sm` is read from disk. That was a third of every run's start-up.

Alternatives that end with the same letter-class tail are merged into one (`h1 t | h2 t` is
`(?:h1|h2) t`): the merged pattern accepts exactly the same strings and compiles in ~0.13 s.
It is placed in `re`'s compile cache under the original pattern's key before the pipeline is
loaded, so both compile sites receive it and spaCy's objects are otherwise untouched. This uses
CPython 3.11's cache layout (`re._cache`, the project's fixed Python); on any other layout, or if
the pattern does not have the expected shape, nothing is primed and spaCy compiles as usual.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

_FLAGS_PREFIX = "(?iu)"
_SPECIAL = re.compile(r"\\.|[\[()|]", re.S)  # an escape, or a character that opens structure
_CLASS_REST = re.compile(r"\^?\]?(?:\\.|[^\]\\])*\]", re.S)  # after "[": up to its "]"
_HEAVY_CLASS = 50  # characters: a class this long is a shared letter class, not a literal


def split_alternatives(pattern: str) -> list[str] | None:
    """Top-level `|` alternatives of a regex body, or None when it cannot be split safely."""
    parts: list[str] = []
    depth, start, i = 0, 0, 0
    while (m := _SPECIAL.search(pattern, i)) is not None:
        token, i = m.group(), m.end()
        if token == "[":
            body = _CLASS_REST.match(pattern, i)
            if body is None:
                return None
            i = body.end()
        elif token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
            if depth < 0:
                return None
        elif token == "|" and depth == 0:
            parts.append(pattern[start : m.start()])
            start = i
    if depth:
        return None
    parts.append(pattern[start:])
    return parts


def _head_and_tail(alternative: str) -> tuple[str, str]:
    """Split before the first long top-level character class: (literal head, shared tail)."""
    depth, i = 0, 0
    while (m := _SPECIAL.search(alternative, i)) is not None:
        token, i = m.group(), m.end()
        if token == "[":
            body = _CLASS_REST.match(alternative, i)
            if body is None:
                break
            if depth == 0 and body.end() - m.start() > _HEAVY_CLASS:
                return alternative[: m.start()], alternative[m.start() :]
            i = body.end()
        elif token in "()":
            depth += 1 if token == "(" else -1
    return alternative, ""


def compact_pattern(pattern: str) -> str | None:
    """The same language as `pattern` with alternatives merged on their tails, or None."""
    if not pattern.startswith(_FLAGS_PREFIX):
        return None
    parts = split_alternatives(pattern[len(_FLAGS_PREFIX):])
    if not parts or any(not (p.startswith("(?:") and p.endswith(")")) for p in parts):
        return None
    inner = [p[3:-1] for p in parts]
    # A capturing group or a back-reference would be renumbered by merging: keep it as it is.
    if any(re.search(r"\((?!\?)|\\\d", p) for p in inner):
        return None
    groups: dict[str, list[str]] = defaultdict(list)
    for alternative in inner:
        head, tail = _head_and_tail(alternative)
        if tail and split_alternatives(head) is not None and split_alternatives(tail) is not None:
            groups[tail].append(head)
        else:  # not a clean head + tail split: keep the alternative on its own
            groups[f"\0{len(groups)}"].append(alternative)
    merged = []
    for tail, heads in groups.items():
        if len(heads) == 1 and tail.startswith("\0"):
            merged.append(heads[0])
        else:
            merged.append("(?:" + "|".join(f"(?:{h})" for h in heads) + f")(?:{tail})")
    return _FLAGS_PREFIX + "|".join(f"(?:{m})" for m in merged)


def _cache_usable() -> bool:
    cache = getattr(re, "_cache", None)
    return sys.version_info[:2] == (3, 11) and isinstance(cache, dict)


def prime_token_match(tokenizer_file: Path) -> bool:
    """Put the compact equivalent of a serialised tokenizer's `token_match` in `re`'s cache."""
    if not _cache_usable() or not tokenizer_file.is_file():
        return False
    import srsly

    try:
        data = srsly.msgpack_loads(tokenizer_file.read_bytes())
    except (OSError, ValueError):
        return False
    original = data.get("token_match") if isinstance(data, dict) else None
    compact = compact_pattern(original) if isinstance(original, str) else None
    if compact is None:
        return False
    try:
        compiled = re.compile(compact)
    except re.error:
        return False
    # Empty the (FIFO, 512-entry) cache first so the entry outlives the ~350 compilations
    # that loading the pipeline performs before the tokenizer reads its own copy.
    re.purge()
    re._cache[(str, original, 0)] = compiled  # type: ignore[attr-defined]
    return True


def package_tokenizer_file(package: str) -> Path | None:
    """The serialised tokenizer of an installed spaCy pipeline package, if it has one."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for child in sorted(Path(folder).iterdir()):
            if (child / "tokenizer").is_file():
                return child / "tokenizer"
    return None
