"""Plain dataclasses produced by the extraction stage (never spaCy objects)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SkillMention:
    """One mention of a taxonomy skill in a text, with character offsets into that text."""

    start: int
    end: int
    text: str
    skill_id: str  # ESCO concept URI, or a stable project id such as "cvscope:tool/python"
    label: str  # preferred label in the text's language
    kind: str  # "hard" | "soft"
    section: str | None = None  # CV/offer section name when the text is a parsed document
    importance: str | None = None  # offers only: "required" | "preferred"
    # "taxonomy" (ESCO/O*NET/curated label) or "model" (phrase found by the English skill tagger,
    # id "cvscope:term/<kind>/<lemmas>", label = the phrase as written)
    source: str = "taxonomy"

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "skill_id": self.skill_id,
            "label": self.label,
            "kind": self.kind,
            "section": self.section,
            "importance": self.importance,
            "source": self.source,
        }


@dataclass(frozen=True)
class LanguageSkill:
    """A spoken language with its level (CEFR A1..C2, or "native"), as stated in a document."""

    code: str  # ISO 639-1: "en", "fr", "de", ...
    level: str | None  # "A1".."C2" | "native" | None
    start: int = -1
    end: int = -1
    importance: str | None = None  # offers: "required" | "preferred"; CVs: None


@dataclass(frozen=True)
class Profile:
    """What the extraction stage learns from one CV or offer.

    For an offer, `years_experience`/`years_max` are the required range and `education_level`
    the level asked for; for a CV they are what the candidate has.
    `education_level` counts years of study after the French baccalauréat:
    0 = bac / high school, 2 = BTS/DUT, 3 = licence/bachelor, 5 = master/engineer, 8 = PhD.
    """

    role: str  # "cv" | "offer"
    language: str
    mentions: tuple[SkillMention, ...] = ()
    years_experience: float | None = None
    years_max: float | None = None
    education_level: int | None = None
    education_label: str | None = None
    education_importance: str | None = None  # offers: "required" | "preferred"; CVs: None
    languages: tuple[LanguageSkill, ...] = ()
    title: str | None = None

    def skill_ids(self) -> set[str]:
        """The distinct skill ids mentioned."""
        return {m.skill_id for m in self.mentions}
