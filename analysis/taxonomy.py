"""The compiled skills taxonomy (models/taxonomy-v1/): ids, labels FR/EN, kinds, hierarchy.

Built by scripts/build_taxonomy.py from ESCO ("ESCO, European Commission", CC BY 4.0), O*NET
technology names ("O*NET 29.2 Database, USDOL/ETA", CC BY 4.0) and curated data files.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

VERSION = "taxonomy-v1"
# A broader concept with more children than this is too generic to call its children "related".
MAX_SIBLINGS = 60
_LOCK = threading.Lock()


def models_dir() -> Path:
    """The models folder: $CVSCOPE_MODELS if set, else `models/` next to the package."""
    env = os.environ.get("CVSCOPE_MODELS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "models"


@dataclass(frozen=True)
class SkillEntry:
    """One skill of the taxonomy."""

    id: str
    kind: str  # "hard" | "soft"
    type: str  # "knowledge" | "skill/competence" | "tool" | "curated"
    labels_en: tuple[str, ...]
    labels_fr: tuple[str, ...]
    broader: frozenset[str]


@dataclass(frozen=True, eq=False)
class Taxonomy:
    """Immutable skills taxonomy with matching keys per language."""

    version: str
    skills: Mapping[str, SkillEntry]
    groups: Mapping[str, Mapping[str, str]]
    keys: Mapping[str, Mapping[str, tuple[str, str]]]  # lang -> key -> (skill id, flags)
    overrides: Mapping[str, Mapping[str, str]]
    _children: Mapping[str, frozenset[str]] = field(repr=False, default_factory=dict)

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.skills

    def __len__(self) -> int:
        return len(self.skills)

    def get(self, skill_id: str) -> SkillEntry | None:
        """The entry for `skill_id`, or None."""
        return self.skills.get(skill_id)

    def labels(self, skill_id: str, lang: str = "en") -> tuple[str, ...]:
        """All labels of a skill (or skill group) in `lang`, preferred first."""
        entry = self.skills.get(skill_id)
        if entry is not None:
            return entry.labels_fr if lang == "fr" else entry.labels_en
        group = self.groups.get(skill_id)
        if group is not None:
            return (group.get(lang) or group.get("en") or skill_id,)
        return ()

    def label(self, skill_id: str, lang: str = "en") -> str:
        """Preferred label in `lang` (falls back to English, then to the id)."""
        labels = self.labels(skill_id, lang) or self.labels(skill_id, "en")
        return labels[0] if labels else skill_id

    def kind(self, skill_id: str) -> str:
        """ "hard" or "soft" ("hard" for unknown ids)."""
        entry = self.skills.get(skill_id)
        return entry.kind if entry is not None else "hard"

    def broader(self, skill_id: str) -> frozenset[str]:
        """Direct broader skills or skill groups (ESCO hierarchy, O*NET commodity class)."""
        entry = self.skills.get(skill_id)
        return entry.broader if entry is not None else frozenset()

    def related(self, skill_id: str) -> frozenset[str]:
        """Near neighbours: its broader concepts, its children, and siblings sharing a parent."""
        return _related(self, skill_id)


@lru_cache(maxsize=65536)
def _related(tax: Taxonomy, skill_id: str) -> frozenset[str]:
    out: set[str] = set()
    for parent in tax.broader(skill_id):
        if parent in tax.skills:
            out.add(parent)
        siblings = tax._children.get(parent, frozenset())
        if len(siblings) <= MAX_SIBLINGS:
            out.update(siblings)
    children = tax._children.get(skill_id, frozenset())
    if len(children) <= MAX_SIBLINGS:
        out.update(children)
    out.discard(skill_id)
    return frozenset(out)


class _LazyKeys(Mapping[str, Mapping[str, tuple[str, str]]]):
    """Matching keys per language, read from keys.json.gz on first use (not every caller
    of the taxonomy matches text: labels and hierarchy load in half the time without them)."""

    def __init__(self, path: Path, order: list[str]) -> None:
        self._path = path
        self._order = order
        self._tables: Mapping[str, Mapping[str, tuple[str, str]]] | None = None
        self._lock = threading.Lock()

    def _load(self) -> Mapping[str, Mapping[str, tuple[str, str]]]:
        with self._lock:
            if self._tables is None:
                with gzip.open(self._path, "rt", encoding="utf-8") as fh:
                    raw = json.load(fh)
                skill_at = self._order.__getitem__
                self._tables = MappingProxyType(
                    {
                        lang: MappingProxyType(
                            dict(zip(t["keys"], zip(map(skill_at, t["ids"]), t["flags"],
                                                    strict=True), strict=True))
                        )
                        for lang, t in raw.items()
                    }
                )
            return self._tables

    def __getitem__(self, lang: str) -> Mapping[str, tuple[str, str]]:
        return self._load()[lang]

    def __iter__(self):  # noqa: ANN204
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


def read_taxonomy(path: Path) -> Taxonomy:
    """Load a compiled taxonomy folder (taxonomy.json.gz; keys.json.gz read on first use)."""
    with gzip.open(path / "taxonomy.json.gz", "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    skills: dict[str, SkillEntry] = {}
    order: list[str] = []
    children: dict[str, set[str]] = {}
    for sid, kind, stype, en, fr, broader in data["skills"]:
        skills[sid] = SkillEntry(sid, kind, stype, tuple(en), tuple(fr), frozenset(broader))
        order.append(sid)
        for parent in broader:
            children.setdefault(parent, set()).add(sid)
    if not (path / "keys.json.gz").exists():
        raise FileNotFoundError(path / "keys.json.gz")
    return Taxonomy(
        version=data["version"],
        skills=MappingProxyType(skills),
        groups=MappingProxyType(data["groups"]),
        keys=_LazyKeys(path / "keys.json.gz", order),
        overrides=MappingProxyType({k: MappingProxyType(v) for k, v in data["overrides"].items()}),
        _children=MappingProxyType({k: frozenset(v) for k, v in children.items()}),
    )


@lru_cache(maxsize=2)
def _load(path: str) -> Taxonomy:
    return read_taxonomy(Path(path))


def load_taxonomy() -> Taxonomy:
    """The compiled taxonomy (models/taxonomy-v1/), loaded once per process."""
    with _LOCK:
        return _load(str(models_dir() / VERSION))
