"""Scoring rules on hand-built profiles: relations between scores, not copied numbers."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.extraction.types import LanguageSkill, Profile, SkillMention
from analysis.matching import match_profiles
from analysis.matching.keywords import KeywordModel, saturated_tf
from analysis.matching.scoring import PREFERRED_SKILL_WEIGHT, combine
from analysis.matching.types import RequirementResult
from analysis.parsing.document import Contact, ParsedDocument, Section


class FakeTaxonomy:
    """ESCO-like links: deep learning is narrower than machine learning; Power BI ~ Tableau."""

    links = {"skill:dl": frozenset({"skill:ml"})}
    near = {"tool:pbi": frozenset({"tool:tableau"}), "tool:tableau": frozenset({"tool:pbi"})}

    def broader(self, skill_id: str) -> frozenset[str]:
        return self.links.get(skill_id, frozenset())

    def related(self, skill_id: str) -> frozenset[str]:
        return self.near.get(skill_id, frozenset())

    def label(self, skill_id: str, lang: str) -> str:
        return skill_id


@pytest.fixture(scope="module")
def model() -> KeywordModel:
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [["python", "sql", "data"], ["vente", "client"], ["data", "analyse", "sql"]]
    vec = TfidfVectorizer(analyzer=lambda tokens: tokens).fit(docs)
    idf = tuple(float(x) for x in vec.idf_)
    return KeywordModel("test", dict(vec.vocabulary_), {"fr": idf, "en": idf},
                        reference_cosine={"fr": 0.5, "en": 0.5})


CV_TEXT = (
    "Camille Test\nData analyst\ncamille@example.com\n"
    "EXPÉRIENCE\n- Conçu des tableaux de bord Python pour 12 magasins (2020 - 2023)\n"
    "- Automatisé les extractions SQL, -30 % de délai\n"
    "COMPÉTENCES\nPython, SQL, Excel\n"
)


def _doc(text: str = CV_TEXT, lang: str = "fr") -> ParsedDocument:
    exp = text.find("EXPÉRIENCE")
    skills = text.find("COMPÉTENCES")
    sections = (Section("experience", "EXPÉRIENCE", exp, skills),
                Section("skills", "COMPÉTENCES", skills, len(text))) if exp >= 0 else ()
    return ParsedDocument(source="camille-test-cv.pdf", format="pdf", language=lang, pages=1,
                          text=text, sections=sections,
                          contact=Contact(name="Camille Test", email="camille@example.com"))


def _mention(doc_text: str, surface: str, skill_id: str, kind: str = "hard",
             importance: str | None = None) -> SkillMention:
    start = doc_text.find(surface)
    assert start >= 0, surface
    return SkillMention(start, start + len(surface), surface, skill_id, surface, kind,
                        importance=importance)


NO_SQL_TEXT = CV_TEXT.replace("- Automatisé les extractions SQL, -30 % de délai\n", "").replace(
    "Python, SQL, Excel", "Python, Excel")
OFFER_TEXT = ("Data analyst\nRequis : Python, SQL, machine learning. Un plus : Tableau.\n"
              "Esprit d'équipe.")


def _offer(required: tuple[str, ...] = ("Python", "SQL", "machine learning"),
           years: float | None = None, level: int | None = None) -> tuple[ParsedDocument,
                                                                          Profile]:
    ids = {"Python": "tool:python", "SQL": "skill:sql", "machine learning": "skill:ml",
           "Tableau": "tool:tableau"}
    mentions = [_mention(OFFER_TEXT, s, ids[s], importance="required") for s in required]
    mentions.append(_mention(OFFER_TEXT, "Tableau", "tool:tableau", importance="preferred"))
    mentions.append(_mention(OFFER_TEXT, "Esprit d'équipe", "soft:team", kind="soft",
                             importance="required"))
    doc = ParsedDocument(source="offer.txt", format="txt", language="fr", pages=1,
                         text=OFFER_TEXT)
    return doc, Profile(role="offer", language="fr", mentions=tuple(mentions),
                        title="Data analyst", years_experience=years, education_level=level,
                        languages=(LanguageSkill("fr", None),))


def _cv(surfaces: dict[str, str], text: str = CV_TEXT, **kw: object) -> Profile:
    mentions = tuple(_mention(text, s, i) for s, i in surfaces.items())
    return Profile(role="cv", language="fr", mentions=mentions, title="Data analyst", **kw)


def _run(cv: Profile, offer: tuple[ParsedDocument, Profile], model: KeywordModel,
         doc: ParsedDocument | None = None):
    return match_profiles(doc or _doc(), cv, offer[0], offer[1], cv_tokens=["python", "sql"],
                          offer_tokens=["python", "sql", "data"], taxonomy=FakeTaxonomy(),
                          keyword_model=model)


def test_more_required_skills_score_higher(model: KeywordModel) -> None:
    offer = _offer()
    weak = _run(_cv({"Python": "tool:python"}, text=NO_SQL_TEXT), offer, model,
                doc=_doc(NO_SQL_TEXT))
    strong = _run(_cv({"Python": "tool:python", "SQL": "skill:sql"}), offer, model)
    assert strong.score > weak.score
    assert strong.components["hard_skills"] > weak.components["hard_skills"]
    assert 0 <= weak.score <= 100
    assert all(0.0 <= v <= 1.0 for v in strong.components.values())


def test_matched_row_carries_the_cv_sentence_as_evidence(model: KeywordModel) -> None:
    report = _run(_cv({"SQL": "skill:sql"}), _offer(), model)
    row = next(r for r in report.requirements if r.id == "skill:sql")
    assert row.status == "matched" and row.how == "exact"
    assert row.evidence is not None and "Automatisé les extractions SQL" in row.evidence
    missing = next(r for r in report.requirements if r.id == "skill:ml")
    assert missing.status == "missing" and missing.evidence is None


def test_related_skill_is_partial_with_reduced_credit(model: KeywordModel) -> None:
    text = CV_TEXT.replace("Excel", "Excel, deep learning, Power BI")
    report = _run(_cv({"deep learning": "skill:dl", "Power BI": "tool:pbi"}, text=text),
                  _offer(), model, doc=_doc(text))
    narrower = next(r for r in report.requirements if r.id == "skill:ml")
    assert (narrower.status, narrower.how) == ("partial", "related")
    assert "deep learning" in (narrower.evidence or "")
    sibling = next(r for r in report.requirements if r.id == "tool:tableau")
    assert (sibling.status, sibling.how) == ("partial", "related")
    assert 0 < sibling.credit < narrower.credit < 1  # a parent/child link beats a sibling
    plain = _run(_cv({}, text=text), _offer(), model, doc=_doc(text))
    assert report.components["hard_skills"] > plain.components["hard_skills"]


def test_missing_required_costs_more_than_missing_preferred() -> None:
    def row(i: str, importance: str, credit: float) -> RequirementResult:
        return RequirementResult(i, i, "hard", importance, "matched" if credit else "missing",
                                 None, None, credit=credit)

    # many required skills and one preferred: the per-skill cost must still be larger
    full = [row(f"r{i}", "required", 1.0) for i in range(12)] + [row("p", "preferred", 1.0)]
    no_req = [*full[:11], row("r11", "required", 0.0), full[12]]
    no_pref = [*full[:12], row("p", "preferred", 0.0)]
    base = combine(full, 1.0, cross_language=False).score
    assert base - combine(no_req, 1.0, cross_language=False).score > (
        base - combine(no_pref, 1.0, cross_language=False).score)
    assert PREFERRED_SKILL_WEIGHT < 1


def _hard(skill_id: str, importance: str, credit: float) -> RequirementResult:
    return RequirementResult(skill_id, skill_id, "hard", importance,
                             "matched" if credit else "missing", None, None, credit=credit)


def test_expected_gains_are_what_meeting_the_requirement_adds() -> None:
    from analysis.matching.scoring import gain_if_met

    rows = [_hard("esco:a", "required", 1.0), _hard("esco:b", "required", 0.0),
            _hard("cvscope:term/code-review", "required", 0.3),
            _hard("cvscope:term/ci-pipelines", "preferred", 0.0),
            _hard("esco:c", "preferred", 0.0)]
    before = combine(rows, 0.5, cross_language=False)
    gains = {}
    for i, row in enumerate(rows[1:], start=1):
        met = [*rows[:i], _hard(row.id, row.importance, 1.0), *rows[i + 1:]]
        gain = gain_if_met(row, before.weights, rows)
        gains[row.id] = gain
        assert combine(met, 0.5, cross_language=False).score - before.score == pytest.approx(
            gain, abs=0.11)  # scores are rounded to 0.1
    # a missing required skill is worth more than a half-met one or a missing preferred one
    assert gains["esco:b"] > gains["cvscope:term/code-review"] > 0
    assert gains["esco:b"] > gains["esco:c"] > 0


def test_far_below_years_or_level_caps_the_score(model: KeywordModel) -> None:
    skills = {"Python": "tool:python", "SQL": "skill:sql"}
    fine = _run(_cv(skills, years_experience=6.0, education_level=5),
                _offer(years=5, level=5), model)
    junior = _run(_cv(skills, years_experience=1.0, education_level=5),
                  _offer(years=5, level=5), model)
    low_level = _run(_cv(skills, years_experience=6.0, education_level=0),
                     _offer(years=5, level=5), model)
    assert "experience" in junior.caps and junior.score < fine.score
    assert "education" in low_level.caps and low_level.score < fine.score
    assert not fine.caps
    kinds = {r.kind for r in fine.requirements}
    assert {"title", "experience", "education", "language"} <= kinds


def _row(kind: str, row_id: str, importance: str, credit: float) -> RequirementResult:
    return RequirementResult(row_id, row_id, kind, importance,
                             "matched" if credit else "missing", None, None, credit=credit)


def test_preferred_language_and_level_cost_less_and_gains_stay_exact() -> None:
    from analysis.matching.scoring import gain_if_met

    def rows(de: float, es: float, edu_importance: str, edu: float) -> list[RequirementResult]:
        return [_hard("esco:a", "required", 1.0),
                _row("language", "language:de", "required", de),
                _row("language", "language:es", "preferred", es),
                _row("education", "education", edu_importance, edu)]

    full = combine(rows(1.0, 1.0, "required", 1.0), 0.5, cross_language=False).score
    no_de = combine(rows(0.0, 1.0, "required", 1.0), 0.5, cross_language=False).score
    no_es = combine(rows(1.0, 0.0, "required", 1.0), 0.5, cross_language=False).score
    assert full - no_de > full - no_es > 0
    # the same level gap costs less when the offer only prefers that level
    low_required = combine(rows(1.0, 1.0, "required", 0.4), 0.5, cross_language=False)
    low_preferred = combine(rows(1.0, 1.0, "preferred", 0.4), 0.5, cross_language=False)
    assert low_preferred.score > low_required.score
    assert low_preferred.weights["education"] < low_required.weights["education"]
    # each expected gain is what meeting the row adds, preferred rows included
    before_rows = rows(0.0, 0.0, "preferred", 0.4)
    before = combine(before_rows, 0.5, cross_language=False)
    for i, row in enumerate(before_rows[1:], start=1):
        met = [*before_rows[:i], _row(row.kind, row.id, row.importance, 1.0),
               *before_rows[i + 1:]]
        assert combine(met, 0.5, cross_language=False).score - before.score == pytest.approx(
            gain_if_met(row, before.weights, before_rows), abs=0.11)


def test_a_level_the_offer_only_prefers_never_caps() -> None:
    rows = [_hard("esco:a", "required", 1.0), _row("education", "education", "preferred", 0.4)]
    capped = combine(rows, 1.0, cross_language=False, cv_level=5, offer_level=8)
    assert "education" not in capped.caps and capped.score > 60
    required = [rows[0], _row("education", "education", "required", 0.4)]
    assert "education" in combine(required, 1.0, cross_language=False, cv_level=5,
                                  offer_level=8).caps


def test_recommendations_put_missing_required_skills_first(model: KeywordModel) -> None:
    report = _run(_cv({"Python": "tool:python"}, text=NO_SQL_TEXT), _offer(), model,
                  doc=_doc(NO_SQL_TEXT))
    recs = report.recommendations
    codes = [r.code for r in recs]
    assert set(codes[:2]) == {"skill:skill:sql", "skill:skill:ml"}
    assert recs[0].gain >= recs[1].gain > 0
    assert [r.priority for r in recs] == list(range(1, len(recs) + 1))
    assert "uniquement si" in recs[0].message  # French CV -> French advice, honesty clause
    failed = {f"check:{c.code}" for c in report.checks if c.status == "fail"}
    warned = {f"check:{c.code}" for c in report.checks if c.status == "warn"}
    assert failed and warned
    preferred = codes.index("skill:tool:tableau")
    assert all(codes.index(code) < preferred for code in failed)  # failed checks before
    assert all(codes.index(code) > preferred for code in warned)  # warnings come last


def test_adding_a_missing_skill_removes_its_recommendation(model: KeywordModel) -> None:
    before = _run(_cv({"Python": "tool:python"}, text=NO_SQL_TEXT), _offer(), model,
                  doc=_doc(NO_SQL_TEXT))
    after = _run(_cv({"Python": "tool:python", "SQL": "skill:sql"}), _offer(), model)
    assert "skill:skill:sql" in {r.code for r in before.recommendations}
    assert "skill:skill:sql" not in {r.code for r in after.recommendations}
    assert after.score > before.score
    assert np.isclose(sum(after.weights.values()), 1.0)


def test_keyword_cosine_is_the_documented_weighting_on_the_shipped_model() -> None:
    from analysis.matching.keywords import load_keyword_model

    model = load_keyword_model()
    a = ["python", "donnee", "sql", "python", "gestion", "jamais-vu"]
    b = ["python", "sql", "projet", "gestion"]

    def dense(tokens: list[str], lang: str) -> np.ndarray:
        out = np.zeros(len(model.vocabulary))
        for token in set(tokens):
            if token in model.vocabulary:
                column = model.vocabulary[token]
                out[column] = (saturated_tf(tokens.count(token), model.k1)
                               * model.idf[lang][column])
        return out / np.linalg.norm(out)

    for lang in ("fr", "en"):
        expected = float(dense(a, lang) @ dense(b, lang))
        assert model.cosine(a, b, lang) == pytest.approx(expected, abs=1e-12)
    # each language weighs words by its own background: a French word is rarer in English
    fr_idf, en_idf = model.idf["fr"], model.idf["en"]
    assert en_idf[model.vocabulary["donnee"]] > fr_idf[model.vocabulary["donnee"]]
    assert 0 < model.cosine(a, b) < 1
    assert model.cosine(a, []) == 0.0
    assert model.similarity(a, a) > model.similarity(a, b) > model.similarity(a, ["cuisine"])
    assert 0.99 < model.similarity(a, a) <= 1.0
    # saturating tf: a repeated word counts more, but never more than k1 + 1 times once
    assert saturated_tf(1, model.k1) == pytest.approx(1.0)
    assert saturated_tf(2, model.k1) < saturated_tf(50, model.k1) < model.k1 + 1


def test_score_profiles_is_match_profiles_without_checks_or_advice(model: KeywordModel) -> None:
    from analysis.matching import score_profiles

    cv, (offer_doc, offer) = _cv({"Python": "tool:python"}), _offer()
    full = _run(cv, (offer_doc, offer), model)
    fast = score_profiles(_doc(), cv, offer_doc, offer, cv_tokens=["python", "sql"],
                          offer_tokens=["python", "sql", "data"], taxonomy=FakeTaxonomy(),
                          keyword_model=model)
    assert fast.score == full.score and fast.requirements == full.requirements
    assert not fast.checks and not fast.recommendations and full.checks


def test_offer_wording_written_in_the_cv_counts_even_if_not_tagged(model: KeywordModel) -> None:
    # extraction tagged nothing in this CV, yet the offer's words are there, as an ATS sees
    report = _run(_cv({}), _offer(), model)
    row = next(r for r in report.requirements if r.id == "skill:sql")
    assert (row.status, row.how) == ("matched", "exact")
    assert "SQL" in (row.evidence or "")
    untagged_absent = next(r for r in report.requirements if r.id == "skill:ml")
    assert untagged_absent.status == "missing"


@pytest.mark.parametrize(
    ("surface", "usable"),
    [("FastAPI", True), ("infrastructure as code", True), ("stakeholder management", True),
     ("Review code and", False), ("run the", False), ("Coordinate internal teams", False),
     ("Work closely with customer success teams", False), ("Degree", False),
     # a head word the dictionary knows only as a verb, adjective or adverb is not a skill
     ("strive", False), ("not afraid", False), ("persistent", False), ("organizational verbal",
                                                                        False),
     # ... but nouns, gerunds, capitalised names and unknown words are
     ("analytics", True), ("debugging", True), ("React", True), ("kubernetes", True),
     ("customer needs", True),
     # a degree is the education row's business, not a skill row
     ("BS/BA degree", False), ("Master’s Degree", False), ("university diploma", False),
     ("degree apprenticeship scheme", True), ("Bachelor's degree in business", False),
     ("Degree in Finance", False),
     # a hyphenated dictionary adjective, even capitalised at the start of a bullet
     ("Hands-on", False), ("hands-on", False), ("Well-known", False), ("Hands", False),
     ("Front-end", True), ("Python-based", True), ("end-to-end testing", True)],
)
def test_clipped_or_generic_tagger_terms_do_not_become_requirements(surface: str,
                                                                    usable: bool) -> None:
    from analysis.matching.skills import is_usable_term

    term = SkillMention(0, len(surface), surface, f"cvscope:term/hard/{surface}", surface,
                        "hard", importance="required")
    assert is_usable_term(term) is usable
    # a taxonomy skill is always kept, whatever its surface
    assert is_usable_term(SkillMention(0, 7, "SQL and", "skill:sql", "SQL", "hard"))


def test_title_similarity_crosses_languages_and_ignores_contract_details() -> None:
    from analysis.matching.text import title_similarity

    assert title_similarity("Senior Python Backend Developer (Remote, UK)",
                            "Senior Python Backend Developer") == 1.0
    assert title_similarity("Développeur Python (H/F)", "Python developer") == 1.0
    assert title_similarity("Data Engineer", "Ingénieur données") == 1.0
    assert title_similarity("Data Engineer", "Data Analyst") < title_similarity(
        "Data Engineer", "Senior data engineer")
    assert title_similarity("Infirmier urgences", "Comptable unique") == 0.0
    # both genders and inclusive writing name the same job
    assert title_similarity("Infirmier / Infirmière diplômé(e) d'État",
                            "Infirmière diplômée d’État") == 1.0
    assert title_similarity("Vendeur / Vendeuse", "Vendeuse conseil") == 1.0
    assert title_similarity("Directeur commercial", "Directrice commerciale") == 1.0
    assert title_similarity("Consultante data", "Consultant data") == 1.0


def test_evidence_sentence_spans_soft_wrapped_pdf_lines_but_not_bullets() -> None:
    from analysis.matching.text import sentence_at

    text = ("EXPÉRIENCE\n• Conçu 14 tableaux de bord Power BI suivis par 120\nmanagers.\n"
            "• Automatisé le reporting\nOutils : Power BI, Tableau,\nExcel avancé\nFORMATION")
    at = text.index("Power BI")
    assert sentence_at(text, at, at + 8) == (
        "Conçu 14 tableaux de bord Power BI suivis par 120 managers.")
    at = text.index("reporting")
    assert sentence_at(text, at, at + 9) == "Automatisé le reporting"
    at = text.index("Tableau,")
    assert sentence_at(text, at, at + 7) == "Outils : Power BI, Tableau, Excel avancé"


def test_base_weights_are_a_documented_combination_summing_to_one() -> None:
    from analysis.matching.scoring import BASE_WEIGHTS, COMPONENTS, effective_weights

    assert sum(BASE_WEIGHTS.values()) == pytest.approx(1.0)
    assert all(w > 0 for w in BASE_WEIGHTS.values())
    rows = [RequirementResult("r", "r", "hard", "required", "missing", None, None),
            RequirementResult("title", "t", "title", "required", "missing", None, None)]
    components = {k: (None if k in ("preferred_skills", "experience") else 0.0)
                  for k in COMPONENTS}
    weights = effective_weights(rows, components, cross_language=False)
    assert sum(weights.values()) == pytest.approx(1.0)
    assert weights["preferred_skills"] == weights["experience"] == 0.0


def test_recommended_skill_gains_include_the_skills_profile(model: KeywordModel) -> None:
    from analysis.matching.scoring import BASE_WEIGHTS

    assert BASE_WEIGHTS["skills_profile"] > 0
    surfaces = {"skill:sql": "SQL", "skill:ml": "machine learning", "tool:tableau": "Tableau"}
    before = _run(_cv({"Python": "tool:python"}, text=NO_SQL_TEXT), _offer(), model,
                  doc=_doc(NO_SQL_TEXT))
    assert 0 < before.components["skills_profile"] < 1
    checked = 0
    for rec in before.recommendations:
        skill_id = rec.code.removeprefix("skill:")
        if skill_id not in surfaces:
            continue
        text = NO_SQL_TEXT.replace("Python, Excel", f"Python, Excel, {surfaces[skill_id]}")
        after = _run(_cv({"Python": "tool:python", surfaces[skill_id]: skill_id}, text=text),
                     _offer(), model, doc=_doc(text))
        assert after.components["skills_profile"] > before.components["skills_profile"]
        # the announced gain is what naming the skill adds: its row and the skills profile
        assert after.score - before.score == pytest.approx(rec.gain, abs=0.11)
        checked += 1
    assert checked == 3


def test_skill_met_by_the_offer_wording_counts_in_the_skills_profile(model: KeywordModel) -> None:
    text = CV_TEXT.replace("Excel", "Excel, machine learning")
    known = {"Python": "tool:python", "SQL": "skill:sql"}
    untagged = _run(_cv(known, text=text), _offer(), model, doc=_doc(text))
    tagged = _run(_cv({**known, "machine learning": "skill:ml"}, text=text), _offer(), model,
                  doc=_doc(text))
    without = _run(_cv(known), _offer(), model)
    row = next(r for r in untagged.requirements if r.id == "skill:ml")
    assert row.status == "matched"  # found by the offer's own words, not by extraction
    # the profile agrees with the requirement table: met is met, however it was found
    assert untagged.components["skills_profile"] == pytest.approx(
        tagged.components["skills_profile"])
    assert untagged.components["skills_profile"] > without.components["skills_profile"]


@pytest.mark.parametrize(
    ("gain", "lang", "expected"),
    [(3.2, "en", "about +3 points"), (1.2, "en", "about +1 point"), (0.3, "en", "under 1 point"),
     (2.6, "fr", "environ +3 points"), (0.8, "fr", "environ +1 point"),
     (0.2, "fr", "moins d'un point")],
)
def test_expected_gains_read_as_words(gain: float, lang: str, expected: str) -> None:
    from analysis.matching.messages import msg

    text = msg(lang, "rec.skill.preferred", wording="Scrum", where="", gain=gain)
    assert expected in text and "+0" not in text


def test_the_offer_wording_quoted_back_is_the_skill_name_not_its_compound(
        model: KeywordModel) -> None:
    text = "Backend developer\nRequired: PostgreSQL-backed services, strong PostgreSQL skills.\n"
    mentions = tuple(
        SkillMention(text.find(s), text.find(s) + len(s), s, "tool:postgresql", "PostgreSQL",
                     "hard", importance="required")
        for s in ("PostgreSQL-backed", "PostgreSQL skills"))
    offer = (ParsedDocument(source="offer.txt", format="txt", language="en", pages=1, text=text),
             Profile(role="offer", language="en", mentions=mentions))
    report = _run(_cv({"Python": "tool:python"}), offer, model)
    row = next(r for r in report.requirements if r.id == "tool:postgresql")
    assert row.offer_text == "PostgreSQL"
    assert any("“PostgreSQL”" in r.message or "« PostgreSQL »" in r.message
               for r in report.recommendations)
