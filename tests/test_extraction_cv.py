"""Skill extraction on CV-style text: skill lists, sales and soft skills, FR and EN.

Real spaCy pipelines, the real compiled taxonomy and the real English tagger.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.extraction import extract_skills, profile_cv
from analysis.extraction.matcher import list_item
from analysis.extraction.types import SkillMention
from analysis.parsing import parse_document

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"

EN_SKILLS = (
    "SKILLS\n"
    "• Sales: account planning, negotiation, upselling, pipeline management, forecasting\n"
    "• Tools: Salesforce, HubSpot, Gong, LinkedIn Sales Navigator, Excel\n"
    "• Soft skills: active listening, persuasion, resilience, relationship building\n"
)
FR_SKILLS = (
    "COMPÉTENCES\n"
    "• Commercial : négociation, prospection commerciale, prospection téléphonique, "
    "vente additionnelle, gestion de comptes clés, fidélisation client\n"
    "• Savoir-être : écoute active, force de persuasion, rigueur, esprit d'équipe\n"
)


def by_text(mentions: list[SkillMention]) -> dict[str, SkillMention]:
    return {m.text.lower(): m for m in mentions}


@pytest.mark.parametrize("use_model", [True, False])
def test_english_skill_list_items_are_all_found(use_model: bool) -> None:
    found = by_text(extract_skills(EN_SKILLS, "en", use_model=use_model))
    for item in (
        "account planning", "negotiation", "upselling", "pipeline management", "forecasting",
        "salesforce", "hubspot", "excel", "active listening", "persuasion", "resilience",
        "relationship building",
    ):
        assert item in found, (item, sorted(found))
    # taxonomy ids, not free model terms, for the listed business skills
    for item in ("negotiation", "upselling", "forecasting", "pipeline management"):
        assert found[item].source == "taxonomy" and found[item].kind == "hard"
    for item in ("active listening", "persuasion", "relationship building", "resilience"):
        assert found[item].kind == "soft", item
    # "planning" inside "account planning" is not the generic soft skill "plan"
    assert "planning" not in found


def test_french_sales_and_soft_skills() -> None:
    found = by_text(extract_skills(FR_SKILLS, "fr"))
    for item in (
        "négociation", "prospection commerciale", "prospection téléphonique",
        "vente additionnelle", "gestion de comptes clés", "fidélisation client",
    ):
        assert item in found and found[item].kind == "hard", (item, sorted(found))
    for item in ("écoute active", "force de persuasion", "rigueur", "esprit d'équipe"):
        assert item in found and found[item].kind == "soft", (item, sorted(found))


@pytest.mark.parametrize(
    ("en", "fr"),
    [
        ("negotiation", "négociation"),
        ("prospecting", "prospection"),
        ("cold calling", "prospection téléphonique"),
        ("upselling", "vente additionnelle"),
        ("key account management", "gestion des grands comptes"),
        ("sales forecasting", "prévisions des ventes"),
        ("active listening", "écoute active"),
        ("persuasion", "force de persuasion"),
        ("customer retention", "fidélisation client"),
        ("pipeline management", "gestion du pipeline commercial"),
    ],
)
def test_business_skills_share_ids_across_languages(en: str, fr: str) -> None:
    en_ids = {m.skill_id for m in extract_skills(f"Skills: {en}, Excel", "en")}
    fr_ids = {m.skill_id for m in extract_skills(f"Compétences : {fr}, Excel", "fr")}
    shared = (en_ids & fr_ids) - {m.skill_id for m in extract_skills("Excel", "en")}
    assert shared, (en, en_ids, fr, fr_ids)


@pytest.mark.parametrize("use_model", [True, False])
def test_action_verbs_are_not_hard_skills(use_model: bool) -> None:
    text = (
        "Coordinated onboarding with the customer team.\n"
        "Planning of the weekly meeting was done by the assistant.\n"
    )
    labels = {m.label for m in extract_skills(text, "en", use_model=use_model)}
    assert "logistics" not in labels and "plan " not in labels, labels
    fr = extract_skills("J'ai coordonné les équipes et organisé les réunions.", "fr")
    assert not [m for m in fr if m.text.lower() in ("coordonné", "organisé")], fr
    # the infinitive "organiser" is a task, not the quality "organisé(e)"
    assert not extract_skills("Organiser les réunions de la semaine.", "fr")
    assert [m.kind for m in extract_skills("Organisée et rigoureuse.", "fr")] == ["soft", "soft"]


def test_tagger_phrases_of_bare_verbs_are_dropped() -> None:
    text = (
        "WHAT YOU WILL DO\n• Manage and grow a portfolio of strategic enterprise accounts.\n"
        "• Lead renewal and upsell negotiations with C-level stakeholders."
    )
    found = extract_skills(text, "en")
    assert not [m for m in found if m.text.startswith("Manage")], found
    assert {"upsell", "negotiations"} <= {m.text for m in found}


def test_account_manager_title_is_not_accounting() -> None:
    for text, lang in (
        ("Key Account Manager – B2B SaaS", "en"),
        ("Senior Account Manager, Cloudline", "en"),
        ("Account Manager grands comptes", "fr"),
    ):
        labels = {m.label.lower() for m in extract_skills(text, lang)}
        assert not {"accounting", "comptabilité"} & labels, (text, labels)


def test_list_item_boundaries() -> None:
    text = "Tools: Salesforce, HubSpot and Excel\nExperience in negotiation with buyers."
    for word in ("Salesforce", "HubSpot", "Excel"):
        start = text.index(word)
        assert list_item(text, start, start + len(word)), word
    start = text.index("negotiation")
    assert not list_item(text, start, start + len("negotiation"))


def test_sample_sales_cv_has_its_sales_skills() -> None:
    doc = parse_document(SAMPLES / "cv_en_account_manager_nospace.pdf")
    profile = profile_cv(doc)
    labels = {m.label for m in profile.mentions}
    for label in (
        "negotiation", "upsell products", "telemarketing", "sales pipeline management",
        "forecast sales over periods of time", "prospect new customers", "listen actively",
        "present arguments persuasively", "build business relationships", "Salesforce software",
    ):
        assert label in labels, (label, sorted(labels))
    assert "accounting" not in labels and "logistics" not in labels
    skills_section = [m for m in profile.mentions if m.section == "skills"]
    assert len({m.skill_id for m in skills_section}) >= 12
    # languages are extracted with their levels, not as free-text skills
    assert not [m for m in profile.mentions if m.section == "languages" and m.source == "model"]


def test_vague_words_count_only_as_list_items() -> None:
    listed = extract_skills("Soft skills: communication, organisation, adaptability", "en")
    assert {m.text: m.kind for m in listed} == {
        "communication": "soft", "organisation": "soft", "adaptability": "soft",
    }
    fr = extract_skills("Savoir-être : rigueur, organisation, sens des priorités", "fr")
    assert "organisation" in {m.text for m in fr}
    prose = extract_skills("L'organisation du service repose sur trois équipes.", "fr")
    assert not [m for m in prose if m.text == "organisation"], prose
    heading = extract_skills("Planning\nThe team met every week.", "en", use_model=False)
    assert not heading, heading
    # a list that is not a soft-skills list: "organisation" is the company's structure here
    structure = extract_skills("Modèles cibles (processus, organisation, outil)", "fr")
    assert not [m for m in structure if m.text == "organisation"], structure
