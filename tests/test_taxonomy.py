"""The compiled taxonomy: ids, FR/EN labels, kinds, hierarchy, immutability, artifact files."""

from __future__ import annotations

import re
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from analysis.taxonomy import VERSION, Taxonomy, load_taxonomy, models_dir, read_taxonomy

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "scripts" / "data" / "taxonomy"


@pytest.fixture(scope="session")
def tax() -> Taxonomy:
    """The project's compiled taxonomy, loaded once."""
    return load_taxonomy()


def skill_for(tax: Taxonomy, lang: str, key: str) -> str:
    """The skill id a matching key points to."""
    return tax.keys[lang][key][0]


def test_load_is_cached_and_versioned(tax: Taxonomy) -> None:
    assert load_taxonomy() is tax
    # folder name + content digest: caches keyed on it are invalidated by any rebuild change
    assert VERSION == "taxonomy-v1"
    assert re.fullmatch(r"taxonomy-v1\+[0-9a-f]{8}", tax.version)
    card = (models_dir() / VERSION / "CARD.md").read_text(encoding="utf-8")
    assert tax.version in card
    assert len(tax) > 20_000


def test_same_esco_id_has_french_and_english_labels(tax: Taxonomy) -> None:
    sid = skill_for(tax, "en", "manage team")
    assert sid.startswith("http://data.europa.eu/esco/skill/")
    assert skill_for(tax, "fr", "gerer equipe") == sid
    assert tax.label(sid, "en") == "manage a team"
    assert tax.label(sid, "fr") == "gérer une équipe"
    assert "manage a team" in tax.labels(sid, "en")


def test_labels_have_no_stray_spaces(tax: Taxonomy) -> None:
    # ESCO writes "plan " and "manage documentation\xa0of ..."; users read these labels.
    labels = [label for entry in tax.skills.values()
              for label in entry.labels_en + entry.labels_fr]
    assert len(labels) > 20_000
    assert all(label == " ".join(label.split()) for label in labels)
    assert tax.label(skill_for(tax, "en", "plan")) == "plan"


def test_organisation_skills_share_one_id_across_languages() -> None:
    from analysis import extract_skills

    ids = {m.skill_id for text, lang in [
        ("Strong organisation skills.", "en"), ("Highly organised and calm.", "en"),
        ("Sens de l'organisation.", "fr"), ("Capacité d'organisation.", "fr"),
        ("Vous êtes organisée.", "fr"),
        # a bare "organisation" as a skills-list item is the same soft skill, not ESCO's "plan"
        ("Soft skills: leadership, organisation, adaptability", "en"),
        ("Savoir-être : rigueur, discrétion, organisation", "fr")]
        for m in extract_skills(text, lang) if m.kind == "soft" and "organi" in m.text.lower()}
    assert len(ids) == 1
    assert "cvscope:soft/organisation" in ids


def test_kinds_hard_and_soft(tax: Taxonomy) -> None:
    assert tax.kind(skill_for(tax, "en", "sql")) == "hard"
    assert tax.kind(skill_for(tax, "en", "teamwork")) == "soft"
    assert tax.kind(skill_for(tax, "fr", "rigueur")) == "soft"
    assert tax.kind("cvscope:unknown/thing") == "hard"
    assert tax.label("cvscope:unknown/thing") == "cvscope:unknown/thing"


def test_tools_come_from_onet_with_commodity_group(tax: Taxonomy) -> None:
    sid = skill_for(tax, "en", "tableau")
    assert sid == "cvscope:tool/tableau"
    groups = [g for g in tax.broader(sid) if g.startswith("cvscope:toolgroup/")]
    assert groups and tax.label(groups[0], "en")  # group labels are stored too


def test_broader_and_related_follow_the_esco_hierarchy(tax: Taxonomy) -> None:
    sid = skill_for(tax, "en", "manage team")
    parents = tax.broader(sid)
    assert parents
    related = tax.related(sid)
    assert sid not in related
    assert related  # siblings under a shared parent
    for other in list(related)[:20]:
        linked = tax.broader(other) & parents or other in parents or sid in tax.broader(other)
        assert linked
    assert tax.related("cvscope:unknown/thing") == frozenset()


def test_taxonomy_is_immutable(tax: Taxonomy) -> None:
    with pytest.raises(TypeError):
        tax.skills["x"] = None  # type: ignore[index]
    with pytest.raises(TypeError):
        tax.keys["en"]["new key"] = ("x", "")  # type: ignore[index]
    with pytest.raises(AttributeError):
        tax.version = "other"  # type: ignore[misc]


def test_ordinary_words_are_not_keys(tax: Taxonomy) -> None:
    for word in ("work", "team", "data", "project", "experience", "go"):
        entry = tax.keys["en"].get(word)
        assert entry is None or "x" in entry[1], word
    for word in ("travail", "equipe", "donnees", "projet", "poste"):
        assert word not in tax.keys["fr"], word
    # one-letter and ambiguous tool names need context or capitals
    assert "x" in tax.keys["en"]["r"][1]
    assert "c" in tax.keys["fr"]["tableau"][1]


def test_generic_alternative_labels_are_not_keys(tax: Taxonomy) -> None:
    wrong = {"processes": "perform ground-handling maintenance procedures", "patterns": "dies",
             "security": "securities", "data": "statistics", "equipment": "repair ICT devices",
             "scale": "design principles", "languages": "terminology"}
    for word, label in wrong.items():
        entry = tax.keys["en"].get(word)
        assert entry is None or tax.label(entry[0], "en") != label, word
    # specific synonyms, curated aliases and multi-word labels stay
    assert tax.label(skill_for(tax, "en", "agile"), "en") == "Agile project management"
    assert tax.label(skill_for(tax, "en", "compliance"), "en") == "comply with regulations"
    assert tax.label(skill_for(tax, "en", "it equipment"), "en") == "repair ICT devices"


def test_generic_alternative_rule() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_taxonomy import generic_alternative

    df = Counter({"processes": 514, "engineering": 108, "welding": 49, "agile": 3})
    assert generic_alternative("processes", "perform ground-handling maintenance procedures", df)
    assert generic_alternative("engineering", "packaging engineering", df)  # common even so
    assert not generic_alternative("welding", "operate welding equipment", df)
    assert not generic_alternative("agile", "Agile project management", df)  # a rare word
    assert not generic_alternative("Processes", "process", df)  # the preferred label itself
    assert not generic_alternative("it equipment", "repair ICT devices", df)  # two words


def test_models_env_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "models" / VERSION
    shutil.copytree(models_dir() / VERSION, copy)
    monkeypatch.setenv("CVSCOPE_MODELS", str(tmp_path / "models"))
    assert models_dir() == tmp_path / "models"
    other = load_taxonomy()
    assert other.version == read_taxonomy(copy).version and len(other) == len(read_taxonomy(copy))
    monkeypatch.setenv("CVSCOPE_MODELS", str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError):
        load_taxonomy()


def test_artifact_files_are_small_and_attributed() -> None:
    folder = ROOT / "models" / VERSION
    for path in folder.iterdir():
        assert path.stat().st_size < 20 * 1024 * 1024, path
    card = (folder / "CARD.md").read_text(encoding="utf-8")
    assert "ESCO, European Commission" in card
    assert "O*NET 29.2 Database, USDOL/ETA" in card
    assert "CC BY 4.0" in card


def test_curated_files_are_well_formed() -> None:
    widths = {
        "aliases.tsv": (3, 4),
        "soft_skills.tsv": (3, 3),
        "new_skills.tsv": (4, 5),
        "lemma_overrides.tsv": (3, 3),
        "stop_labels.tsv": (2, 2),
        "tool_flags.tsv": (2, 2),
    }
    for name, (low, high) in widths.items():
        for line in (CURATED / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                assert low <= len(line.split("\t")) <= high, (name, line)


def test_tools_of_a_competence_group_have_that_esco_skill_as_broader(tax: Taxonomy) -> None:
    bi = skill_for(tax, "en", "business intelligence")
    assert bi.startswith("http://data.europa.eu/esco/skill/")
    power_bi = skill_for(tax, "en", "power bi")
    assert bi in tax.broader(power_bi)
    # a tool of another group does not get it
    assert bi not in tax.broader(skill_for(tax, "en", "docker"))
