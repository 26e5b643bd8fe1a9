"""Extraction stage: skills (hard/soft, FR/EN) and profile facts from CVs and offers.

Only this package touches spaCy objects; everything it returns is a plain dataclass.
"""

from __future__ import annotations

from analysis.extraction.pipeline import get_nlp
from analysis.extraction.skills import extract_skills, lemmatize
from analysis.extraction.types import LanguageSkill, Profile, SkillMention

__all__ = [
    "LanguageSkill",
    "Profile",
    "SkillMention",
    "extract_skills",
    "get_nlp",
    "lemmatize",
    "profile_cv",
    "profile_many",
    "profile_offer",
]


def __getattr__(name: str):  # noqa: ANN202 - lazy import of the profile functions
    if name in ("profile_cv", "profile_offer", "profile_many"):
        from analysis.extraction import profile

        return getattr(profile, name)
    raise AttributeError(f"module 'analysis.extraction' has no attribute {name!r}")
