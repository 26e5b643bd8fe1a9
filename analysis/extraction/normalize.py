"""Matching keys: lowercase, accent-folded lemmas with a reviewed override table.

Only this module and its siblings in `analysis.extraction` touch spaCy objects. The same
functions build the keys of the compiled taxonomy (scripts/build_taxonomy.py) and the keys of
the texts at run time, so both sides always agree.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

# Function words dropped from matching keys (small on purpose: spaCy's stop lists hold words
# such as "personne", "ouvert", "retour" that carry meaning in CVs).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "a an the of in on at to for with and or by from as into via its their your our "
        "his her this that these those be is are was were been being it we you they i "
        "he she us them my me".split()
    ),
    "fr": frozenset(
        "le la les l un une des du de d au aux a et ou en dans sur pour par avec sans son sa ses "
        "leur leurs ce cet cette ces se s y que qu qui dont etre".split()
    ),
}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def fold(text: str) -> str:
    """Lowercase, strip accents and unify apostrophes ("Gérée’" -> "geree'")."""
    text = text.translate(_APOSTROPHES).lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def english_lookup() -> Mapping[str, str]:
    """spacy-lookups-data's English lemma table (lowercase forms -> lemmas)."""
    path = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    return {k.lower(): v.lower() for k, v in table.items() if k.islower() or k.lower() not in table}


@lru_cache(maxsize=1)
def english_word_classes() -> Mapping[str, frozenset[str]]:
    """spacy-lookups-data's English lemma index (WordNet base forms): word -> its classes
    among "noun", "verb", "adj", "adv"."""
    path = resources.files("spacy_lookups_data") / "data" / "en_lemma_index.json.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        index: dict[str, list[str]] = json.load(fh)
    classes: dict[str, set[str]] = {}
    for name, words in index.items():
        for word in words:
            classes.setdefault(word.lower(), set()).add(name)
    return {word: frozenset(names) for word, names in classes.items()}


class Normalizer:
    """Turns spaCy tokens into (form key, lemma key) pairs for one language."""

    def __init__(self, lang: str, overrides: Mapping[str, str]) -> None:
        self.lang = lang
        self.overrides = dict(overrides)
        self.function_words = FUNCTION_WORDS[lang]
        self._lookup = english_lookup() if lang == "en" else None

    def lemma_key(self, text: str, lemma: str) -> str:
        """Canonical lemma key of one token given its text and spaCy lemma."""
        form = fold(text)
        if form in self.overrides:
            return self.overrides[form]
        if len(text) > 1 and text.isupper():  # acronyms are not inflected ("AI" is not "have")
            return form
        if self._lookup is not None:
            base = self._lookup.get(form, form)
        else:
            base = fold(lemma) or form
        return self.overrides.get(base, base)

    def plain_lemma(self, text: str, lemma: str) -> str:
        """The lemma without the override table (single-word labels match on this or the form).

        French only: there the table maps nouns to verbs ("animation" -> "animer"). English
        lookup lemmas need the table's fixes ("marketing" is not "market"), so English keeps it.
        """
        if self._lookup is not None:
            return self.lemma_key(text, lemma)
        form = fold(text)
        if len(text) > 1 and text.isupper():
            return form
        return fold(lemma) or form

    def token_keys(self, doc: Iterable) -> list[tuple[str, str, int, int, bool]]:
        """(form, lemma, start_char, end_char, is_function_word) for each non-space token."""
        out = []
        for tok in doc:
            if tok.is_space:
                continue
            text = tok.text
            form = fold(text)
            lemma = self.lemma_key(text, tok.lemma_)
            # An all-caps acronym ("IT", "AS") is never a function word.
            function = form in self.function_words and not (text.isupper() and len(text) > 1)
            out.append((form, lemma, tok.idx, tok.idx + len(text), function))
        return out

    def label_keys(self, doc: Iterable) -> tuple[str, str]:
        """The (form key, lemma key) of a taxonomy label: content tokens joined by spaces."""
        keys = self.token_keys(doc)
        content = [k for k in keys if not k[4]] or keys
        return " ".join(k[0] for k in content), " ".join(k[1] for k in content)

    def single_plain_key(self, doc: Iterable) -> str | None:
        """The plain lemma of a one-word label (None for longer labels)."""
        toks = [t for t in doc if not t.is_space]
        content = [t for t in toks if fold(t.text) not in self.function_words] or toks
        if len(content) != 1:
            return None
        return self.plain_lemma(content[0].text, content[0].lemma_)


def read_overrides(lines: Iterable[str]) -> dict[str, dict[str, str]]:
    """Parse the override table (lang<TAB>word<TAB>canonical; '#' comments; lang '*' = both)."""
    table: dict[str, dict[str, str]] = {"en": {}, "fr": {}}
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        lang, word, canonical = line.split("\t")
        for code in ("en", "fr") if lang == "*" else (lang,):
            table[code][fold(word)] = fold(canonical)
    return table
