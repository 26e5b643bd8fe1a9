"""Cached extractions: a ParsedDocument (minus its text) and its Profile as JSON, and back.

The text is stored once in its own column; the JSON keeps everything else the matcher needs,
so ranking a pool never re-parses a file nor runs spaCy.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar

from analysis.extraction.types import LanguageSkill, Profile, SkillMention
from analysis.parsing.document import Contact, DocWarning, ParsedDocument, Section

FORMAT = 1
T = TypeVar("T")

# Nested dataclasses, by the field that holds them (lists of them or a single one).
_NESTED: dict[tuple[type, str], type] = {
    (ParsedDocument, "sections"): Section,
    (ParsedDocument, "contact"): Contact,
    (ParsedDocument, "warnings"): DocWarning,
    (Profile, "mentions"): SkillMention,
    (Profile, "languages"): LanguageSkill,
}


def extraction_version() -> str:
    """Identifies the code that produced a cached extraction; a change triggers re-extraction."""
    from analysis.extraction.version import extraction_version as current

    return f"{FORMAT}|{current()}"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, frozenset | set):
        return sorted(_plain(v) for v in value)
    return value


def _build(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild dataclass `cls`, ignoring unknown keys and defaulting missing ones."""
    names, special = _plan(cls)
    kwargs = data if data.keys() <= names else {k: v for k, v in data.items() if k in names}
    if special:
        kwargs = dict(kwargs)
        for name, nested in special:
            value = kwargs.get(name)
            if isinstance(value, list):
                kwargs[name] = (tuple(_build(nested, v) for v in value) if nested is not None
                                else tuple(value))
            elif isinstance(value, dict) and nested is not None:
                kwargs[name] = _build(nested, value)
    return cls(**kwargs)


@cache
def _plan(cls: type) -> tuple[frozenset[str], tuple[tuple[str, type | None], ...]]:
    """Init field names of `cls`, and the fields holding nested dataclasses or tuples."""
    hints = _hints(cls)
    names = frozenset(f.name for f in dataclasses.fields(cls) if f.init)
    special = tuple((name, _NESTED.get((cls, name))) for name in sorted(names)
                    if (cls, name) in _NESTED or _is_tuple(hints.get(name)))
    return names, special


@cache
def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except Exception:  # noqa: BLE001 - forward references we cannot resolve: fall back to raw
        return {}


def _is_tuple(hint: Any) -> bool:
    if hint is None:
        return False
    origin = typing.get_origin(hint)
    if origin is tuple:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_is_tuple(arg) for arg in typing.get_args(hint))
    return False


def dump_extraction(doc: ParsedDocument, profile: Profile,
                    tokens: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The JSON-ready cache of one document's extraction (the text is left out).

    `tokens` are the lemma tokens of the keyword component, so matching needs no spaCy.
    """
    document = _plain(doc)
    document.pop("text", None)
    data = {"format": FORMAT, "document": document, "profile": _plain(profile)}
    if tokens is not None:
        data["tokens"] = list(tokens)
    return data


def load_extraction(data: dict[str, Any],
                    text: str) -> tuple[ParsedDocument, Profile, tuple[str, ...] | None]:
    """Rebuild `(ParsedDocument, Profile, tokens)` from `dump_extraction` output and the text."""
    document = dict(data["document"])
    document["text"] = text
    tokens = data.get("tokens")
    return (_build(ParsedDocument, document), _build(Profile, data["profile"]),
            tuple(tokens) if tokens is not None else None)
