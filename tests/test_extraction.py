"""Skill extraction on real sentences, French and English, with the real spaCy pipelines."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.extraction import extract_skills, get_nlp, lemmatize
from analysis.extraction.skills import chunks
from analysis.extraction.types import SkillMention


@pytest.fixture(scope="session")
def nlp_fr() -> Any:
    """fr_core_news_sm, loaded once."""
    return get_nlp("fr")


@pytest.fixture(scope="session")
def nlp_en() -> Any:
    """The English pipeline, loaded once."""
    return get_nlp("en")


def ids(mentions: list[SkillMention]) -> set[str]:
    return {m.skill_id for m in mentions}


def one(text: str, lang: str) -> SkillMention:
    """The single taxonomy mention of a short text."""
    found = [m for m in extract_skills(text, lang) if m.source == "taxonomy"]
    assert len(found) == 1, (text, found)
    return found[0]


def test_pipelines_are_cached_and_light(nlp_fr: Any, nlp_en: Any) -> None:
    assert get_nlp("fr") is nlp_fr and get_nlp("en") is nlp_en
    assert "parser" not in nlp_fr.pipe_names and "ner" not in nlp_fr.pipe_names
    with pytest.raises(ValueError):
        get_nlp("de")


def test_offsets_point_into_the_original_text(nlp_fr: Any) -> None:
    text = "Compétences : Python, SQL et Power BI ; gestion de projet, rigueur."
    mentions = extract_skills(text, "fr")
    assert len(mentions) >= 5
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.kind in ("hard", "soft")
    assert mentions == sorted(mentions, key=lambda m: m.start)


def test_french_nominalised_forms_share_the_verb_skill(nlp_fr: Any) -> None:
    forms = [
        "Gestion d'équipe au quotidien.",
        "J'ai su gérer une équipe de dix personnes.",
        "Géré une équipe de cinq développeurs.",
        "Management d'équipe et recrutement.",
    ]
    found = {one(f, "fr").skill_id for f in forms if "recrutement" not in f}
    found |= {m.skill_id for m in extract_skills(forms[3], "fr") if "quipe" in m.text}
    assert len(found) == 1
    projects = {one(t, "fr").skill_id for t in ("Pilotage de projets.", "Gestion de projet.")}
    assert len(projects) == 1


def test_same_skill_same_id_across_languages(nlp_fr: Any, nlp_en: Any) -> None:
    pairs = [
        ("Gestion de projet", "Project management"),
        ("Esprit d'équipe", "Teamwork"),
        ("Rigueur", "Attention to detail"),
        ("Analyse de données", "Data analysis"),
        ("Capacité d'adaptation", "Adaptability"),
        ("Apprentissage automatique", "Machine learning"),
    ]
    for fr, en in pairs:
        assert one(fr, "fr").skill_id == one(en, "en").skill_id, (fr, en)
    m_fr, m_en = one("Gestion de projet", "fr"), one("Project management", "en")
    assert m_fr.label != m_en.label  # labels in each text's language


def test_soft_skills_in_both_languages(nlp_fr: Any, nlp_en: Any) -> None:
    fr = extract_skills("Rigueur, autonomie, esprit de synthèse et force de proposition.", "fr")
    assert len(fr) == 4 and all(m.kind == "soft" for m in fr)
    en = extract_skills("Strong problem-solving skills, teamwork and adaptability.", "en")
    soft = [m for m in en if m.kind == "soft"]
    assert {m.text.lower() for m in soft} >= {"teamwork", "adaptability"}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # savoir-être that real French offers write this way (counts in ../shared/data/fr_offers)
    ("Excellent relationnel et bon relationnel client.", "fr", "cvscope:soft/interpersonal-skills"),
    ("Capacité à vulgariser les sujets techniques.", "fr", "cvscope:soft/pedagogy"),
    ("Pragmatique, vous aimez le concret.", "fr", "cvscope:soft/pragmatism"),
    ("Réactivité face aux incidents.", "fr", "cvscope:soft/responsiveness"),
    ("Une approche orientée résultats.", "fr", "cvscope:soft/results-orientation"),
    ("Sens commercial et fibre commerciale.", "fr", None),  # ESCO: apply business acumen
    # English personality words the tagger used to return as open-vocabulary hard skills
    ("You are self-driven and proactive.", "en", None),  # ESCO: show initiative
    ("A pragmatic problem solver.", "en", "cvscope:soft/pragmatism"),
    ("Result-oriented, with commercial flair.", "en", "cvscope:soft/results-orientation"),
])
def test_savoir_etre_phrases_are_soft_skills(nlp_fr: Any, nlp_en: Any, text: str, lang: str,
                                             expected: str | None) -> None:
    found = extract_skills(text, lang)
    assert found and all(m.kind == "soft" for m in found), [(m.text, m.kind) for m in found]
    assert all(not m.skill_id.startswith("cvscope:term/") for m in found)
    if expected is not None:
        assert expected in ids(found)


@pytest.mark.parametrize(("text", "lang"), [
    ("Le modèle relationnel et la base de données relationnelle.", "fr"),
    ("Envoyez CV et lettre de motivation.", "fr"),
    ("Préparation des réactifs au laboratoire.", "fr"),
])
def test_savoir_etre_words_in_other_senses_are_not_soft_skills(nlp_fr: Any, text: str,
                                                               lang: str) -> None:
    assert not [m for m in extract_skills(text, lang) if m.kind == "soft"]


def test_tools_and_english_terms_in_french_text(nlp_fr: Any) -> None:
    text = "Maîtrise de Python, Excel et Tableau ; expérience en machine learning et CI/CD."
    found = {m.text for m in extract_skills(text, "fr")}
    assert {"Python", "Excel", "Tableau", "machine learning", "CI/CD"} <= found


def test_no_mention_on_ordinary_words(nlp_fr: Any, nlp_en: Any) -> None:
    text = "Let's go to the office; we had access to the park and it was fine."
    assert extract_skills(text, "en") == []
    assert extract_skills("I will excel in this role, said the chef to the puppet.", "en") == []
    text = "Je pose mon tableau au bureau, puis je vais au travail avec l'équipe."
    assert extract_skills(text, "fr") == []
    assert extract_skills("", "fr") == [] and extract_skills("   \n", "en") == []


def test_french_offer_boilerplate_is_not_a_skill(nlp_fr: Any) -> None:
    text = (
        "Poste basé à Paris, sous la responsabilité du directeur. Dans le cadre de notre "
        "politique diversité, nous animons des ateliers ; processus de recrutement en ligne. "
        "L'administration du site et l'organisation des locaux sont assurées par l'ensemble "
        "de l'équipe, en on-premise."
    )
    assert extract_skills(text, "fr") == []


def test_common_words_do_not_reach_unrelated_esco_skills(nlp_en: Any) -> None:
    # ESCO lists "processes", "patterns", "security" and "equipment" as alternative labels of
    # ground handling, dies, securities and airport manuals; in an offer they mean none of these
    text = ("You know design patterns, IT security and agile processes, and you write "
            "procedures for our equipment.")
    labels = {m.label for m in extract_skills(text, "en")}
    for wrong in ("dies", "perform ground-handling maintenance procedures", "securities",
                  "compile airport certification manuals"):
        assert wrong not in labels
    assert "Agile project management" in labels
    welding = extract_skills("Certified in welding and soldering.", "en")
    assert {"operate welding equipment", "soldering techniques"} <= {m.label for m in welding}


def test_spans_never_stop_inside_a_hyphenated_word(nlp_en: Any) -> None:
    text = ("Front-end Developer\nWork hands-on together with the Agile team on Python-based "
            "services and end-to-end tests.")
    mentions = extract_skills(text, "en")
    for m in mentions:
        before, after = text[m.start - 1:m.start], text[m.end:m.end + 1]
        assert before != "-" and after != "-", m.text
    labels = {m.label for m in mentions}
    assert "crafting" not in labels  # "work hands" in "Work hands-on"
    assert "Python (computer programming)" in labels  # "python-based" is no dictionary word
    assert "Front-end" in {m.text for m in mentions}
    # the tagger's phrase "Hands-" is widened, and trimming its edge "on" must not undo that
    bullet = extract_skills("• Hands-on experience in Core Java Spring Boot", "en")
    assert "Hands" not in {m.text for m in bullet}
    assert "Java (computer programming)" in {m.label for m in bullet}


def test_curated_alias_can_require_the_tagger(nlp_en: Any) -> None:
    boilerplate = "Once the recruitment process is completed each applicant will be notified."
    assert "recruit employees" not in {m.label for m in extract_skills(boilerplate, "en")}
    listed = extract_skills("Skills: recruitment, onboarding, payroll", "en")
    assert "recruit employees" in {m.label for m in listed}


def test_ambiguous_tool_names_need_context(nlp_en: Any) -> None:
    listed = extract_skills("Languages: Python, Go, Rust and R.", "en")
    assert {"Go", "Rust", "R"} <= {m.text for m in listed}
    alone = extract_skills("R is the eighteenth letter and Go is a verb.", "en")
    assert not {"R", "Go"} & {m.text for m in alone}


def test_longest_match_wins_without_overlap(nlp_en: Any) -> None:
    text = "Experience with Microsoft Excel and Microsoft Power BI."
    mentions = [m for m in extract_skills(text, "en") if m.source == "taxonomy"]
    texts = {m.text for m in mentions}
    assert any("Microsoft Excel" in t for t in texts)
    spans = sorted((m.start, m.end) for m in mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_english_tagger_adds_unlisted_skill_phrases(nlp_en: Any) -> None:
    text = "You will design scalable microservices and write clean maintainable code."
    mentions = extract_skills(text, "en")
    model = [m for m in mentions if m.source == "model"]
    assert model, mentions
    for m in model:
        assert m.skill_id.startswith("cvscope:term/") and m.label == " ".join(m.text.split())
    assert extract_skills("The weather was nice on Sunday afternoon.", "en") == []


def test_language_is_detected_when_not_given(nlp_fr: Any, nlp_en: Any) -> None:
    fr = extract_skills("Nous recherchons une personne rigoureuse maîtrisant la gestion de projet.")
    en = extract_skills("We are looking for someone with strong project management skills.")
    assert ids(fr) & ids(en)
    with pytest.raises(ValueError):
        extract_skills("texte", "de")


def test_long_texts_are_cut_with_correct_offsets(nlp_en: Any) -> None:
    filler = "Nothing to see here at all.\n" * 8000
    text = filler + "Skills: SQL and Python.\n"
    assert len(chunks(text)) >= 2
    mentions = extract_skills(text, "en")
    assert {m.text for m in mentions} >= {"SQL", "Python"}
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_lemmatize_normalises_for_tfidf(nlp_fr: Any, nlp_en: Any) -> None:
    en = lemmatize("Developed data pipelines and managed the analysts' teams.", "en")
    assert {"develop", "data", "pipeline", "manage", "team"} <= set(en)
    assert "datum" not in en and "develope" not in en and "the" not in en
    fr = lemmatize("Géré les équipes ; développé des outils d'analyse de données.", "fr")
    assert {"gerer", "equipe", "developper", "outil", "donnee"} <= set(fr)
    assert "les" not in fr and "de" not in fr and all(t == t.lower() for t in fr)
    assert lemmatize("Gestion d'équipe", "fr") == lemmatize("gérer l'équipe", "fr")


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01 Python \ufeff",
        "🙂" * 500,
        "a" * 50_000,
        "\u200fSQL \u200fעברית",
        "\n\n\n",
        "C++ C# .NET",
    ],
)
def test_odd_inputs_never_break_offsets(text: str, nlp_fr: Any, nlp_en: Any) -> None:
    for lang in ("fr", "en"):
        for m in extract_skills(text, lang):
            assert text[m.start : m.end] == m.text
        assert all(isinstance(t, str) and t for t in lemmatize(text, lang))


def test_programming_names_with_symbols(nlp_en: Any) -> None:
    found = {m.text for m in extract_skills("C++, C#, .NET, Node.js and Vue.js", "en")}
    assert {"C++", "C#", ".NET", "Node.js", "Vue.js"} <= found


def test_common_tools_same_id_in_both_languages(nlp_fr: Any, nlp_en: Any) -> None:
    tools = ["Snowflake", "Looker", "SAP", "Jira", "pandas", "Power BI", "SPSS", "GitLab", "RAG"]
    fr = extract_skills("Outils : " + ", ".join(tools) + ".", "fr")
    en = extract_skills("Tools: " + ", ".join(tools) + ".", "en")
    by_text_fr = {m.text: m.skill_id for m in fr}
    by_text_en = {m.text: m.skill_id for m in en if m.source == "taxonomy"}
    for tool in tools:
        assert tool in by_text_fr and by_text_fr[tool] == by_text_en.get(tool), tool
    assert extract_skills("He wiped the table with a rag while the sap dripped.", "en") == []


def test_extraction_version_changes_with_the_code_version(monkeypatch):
    """Bumping EXTRACTION_CODE_VERSION changes the key every extraction cache uses."""
    from analysis.batch.runner import versions
    from analysis.extraction import version
    from analysis.storage.codec import extraction_version as stored

    before, before_batch, before_stored = version.extraction_version(), versions(), stored()
    monkeypatch.setattr(version, "EXTRACTION_CODE_VERSION", version.EXTRACTION_CODE_VERSION + 1)
    version.extraction_version.cache_clear()
    try:
        assert version.extraction_version() != before
        assert versions()[0] != before_batch[0]
        assert stored() != before_stored
    finally:
        version.extraction_version.cache_clear()


@pytest.mark.parametrize(
    ("text", "span", "widened"),
    [("Front-end work", "Front", "Front-end"), ("do hands-on work", "hands", "hands-on"),
     ("end-to-end tests", "end tests", "end-to-end tests"), ("Python and Go", "Python", "Python"),
     ("a -flag", "flag", "flag"), ("x-", "x", "x"),
     ("• Hands-on experience", "Hands-", "Hands-on"), ("the -end part", "-end", "-end")],
)
def test_compound_bounds(text: str, span: str, widened: str) -> None:
    from analysis.extraction.compounds import compound_bounds

    start = text.rindex(span) if span == "end tests" else text.index(span)
    s, e = compound_bounds(text, start, start + len(span))
    assert text[s:e] == widened
