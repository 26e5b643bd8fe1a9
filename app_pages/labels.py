"""Translated labels of the stable codes used by the diagnosis and follow-up pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app_pages.i18n import current_lang

STAGES: dict[str, tuple[str, str]] = {
    "no_response": ("Pas de réponse", "No response"),
    "rejected_before_interview": ("Refus avant tout entretien", "Rejected before any interview"),
    "rejected_after_phone_screen": ("Refus après l'appel de présélection",
                                    "Rejected after the phone screen"),
    "rejected_after_interview": ("Refus après entretien", "Rejected after an interview"),
    "rejected_after_final_interview": ("Refus après l'entretien final",
                                       "Rejected after the final interview"),
}
VERDICTS: dict[str, tuple[str, str]] = {
    "cv_screening": ("Le tri des CV (ATS ou première lecture)",
                     "CV screening (ATS or first sort)"),
    "later_stage": ("Les étapes suivantes (entretiens, concurrence)",
                    "Later stages (interviews, competition)"),
    "uncertain": ("Incertain : les indices se contredisent ou manquent",
                  "Uncertain: the signals conflict or are missing"),
}
CAUSES: dict[str, tuple[str, str]] = {
    "missing_keywords": ("Mots-clés manquants", "Missing keywords"),
    "profile_mismatch": ("Profil éloigné du poste", "Profile mismatch"),
    "experience_gap": ("Écart d'expérience", "Experience gap"),
    "education_gap": ("Écart de formation", "Education gap"),
    "cv_format": ("CV difficile à lire pour un ATS", "CV hard for an ATS to read"),
    "soft_skills": ("Savoir-être", "Soft skills"),
    "technical_interview": ("Entretien technique", "Technical interview"),
    "culture_fit": ("Adéquation culturelle", "Culture fit"),
    "competition": ("Concurrence d'autres candidats", "Competition from other candidates"),
    "position_closed": ("Poste pourvu ou fermé", "Position filled or closed"),
}


def stage_label(code: str, lang: str | None = None) -> str:
    """Translated label of a rejection stage code (in `lang`, default the interface's)."""
    pair = STAGES.get(code)
    if pair is None:
        return code
    lang = lang or current_lang()
    return pair[0] if lang == "fr" else pair[1]


def stage_formatter() -> Callable[[str], str]:
    """A selectbox `format_func` bound to the current language (it may run outside a rerun)."""
    return table_formatter(STAGES)


def table_formatter(table: dict[str, tuple[str, str]]) -> Callable[[str], str]:
    """A `format_func` for codes of a (French, English) label table, in the current language.

    Translated now, not when called: AppTest calls format_func outside the script run.
    """
    fr = current_lang() == "fr"
    labels = {key: pair[0] if fr else pair[1] for key, pair in table.items()}
    return lambda key: labels.get(key, key)


def fmt_date(day: dt.date | None) -> str:
    """A date as the interface language writes it (23/11/2026 or 2026-11-23)."""
    if day is None:
        return "—"
    return day.strftime("%d/%m/%Y") if current_lang() == "fr" else day.isoformat()
