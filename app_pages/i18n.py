"""Interface language of the app: FR/EN strings, browser-language detection, the `t()` lookup.

The chosen language lives in `st.session_state["lang"]` ("fr" | "en"). Pages call `t(key)` for
strings of the shared table (`app_pages/strings.py`) or `tr(fr, en)` for page-local wording.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from app_pages.strings import STRINGS

LANGS: tuple[str, ...] = ("fr", "en")
LANG_NAMES: dict[str, str] = {"fr": "Français", "en": "English"}
DEFAULT_LANG = "en"


def lang_from_browser(locale: str | None, accept_language: str | None) -> str:
    """Interface language the browser asks for: "fr" when its first preference is French."""
    if locale:
        return "fr" if locale.strip().lower().startswith("fr") else "en"
    if accept_language:
        # "fr-FR,fr;q=0.9,en;q=0.8": take the preferred (highest q) language.
        best, best_q = "", -1.0
        for part in accept_language.split(","):
            tag, _, params = part.strip().partition(";")
            q = 1.0
            if params.strip().startswith("q="):
                try:
                    q = float(params.strip()[2:])
                except ValueError:
                    q = 0.0
            if tag and q > best_q:
                best, best_q = tag.lower(), q
        if best:
            return "fr" if best.startswith("fr") else "en"
    return DEFAULT_LANG


def _browser_lang() -> str:
    """Read the browser's language from `st.context` (locale, then Accept-Language)."""
    locale: str | None = None
    accept: str | None = None
    try:
        locale = st.context.locale
    except Exception:  # noqa: BLE001 - no browser context (bare script run)
        locale = None
    try:
        headers: Mapping[str, str] = st.context.headers
        accept = headers.get("Accept-Language") if headers else None
    except Exception:  # noqa: BLE001
        accept = None
    return lang_from_browser(locale, accept)


def init_lang() -> str:
    """Set `st.session_state["lang"]` from the browser on a session's first run; return it."""
    if st.session_state.get("lang") not in LANGS:
        st.session_state["lang"] = _browser_lang()
    return st.session_state["lang"]


def current_lang() -> str:
    """The interface language of this session ("fr" | "en")."""
    value = st.session_state.get("lang")
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, **fields: object) -> str:
    """The interface string `key` in the current language, formatted with `fields`."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[0] if current_lang() == "fr" else pair[1]
    return text.format(**fields) if fields else text


def tr(fr: str, en: str) -> str:
    """Pick the French or English wording for page-local text."""
    return fr if current_lang() == "fr" else en


def label_of(group: str, code: str | None) -> str:
    """Translated label of a stable code (`group.code` in the table), or the code itself."""
    if code is None:
        return "—"
    key = f"{group}.{code}"
    return t(key) if key in STRINGS else code.replace("_", " ")
