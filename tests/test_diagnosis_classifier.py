"""The feedback classifier: recruiter phrasings in French and English, template rejections,
the held-out split, and the artifact's refusal of another scikit-learn version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sklearn

from analysis.diagnosis import (
    FEEDBACK_LABELS,
    ModelVersionError,
    load_model,
    read_feedback,
    training,
)
from analysis.diagnosis.classifier import META_FILE, MODEL_DIR, MODEL_FILE

# Phrasings written for this test, absent from the training corpus.
PHRASES = [
    ("en", "missing_keywords", "Your CV does not show any experience with Terraform, a key "
                               "requirement."),
    ("fr", "missing_keywords", "Votre CV ne fait pas apparaître la maîtrise de Salesforce "
                               "demandée dans l'annonce."),
    ("en", "experience_gap", "We need a more senior person with at least 7 years in the role."),
    ("fr", "experience_gap", "Nous recherchons un profil plus expérimenté, avec au moins sept "
                             "ans d'expérience."),
    ("en", "education_gap", "A master degree in finance is mandatory for this role."),
    ("fr", "education_gap", "Un diplôme bac+5 en finance est obligatoire pour ce poste."),
    ("en", "cv_format", "We could not open your resume file, please resend it as a PDF."),
    ("fr", "cv_format", "Votre CV n'a pas pu être ouvert, merci de le renvoyer en PDF."),
    ("en", "soft_skills", "The panel felt you lacked confidence and your communication was "
                          "not clear."),
    ("en", "technical_interview", "Your results on the coding test were below what we expect."),
    ("fr", "technical_interview", "Vos résultats au test technique sont en dessous de nos "
                                  "attentes."),
    ("en", "culture_fit", "We did not feel a strong fit with our team culture and values."),
    ("fr", "culture_fit", "Nous n'avons pas ressenti une adéquation suffisante avec la culture "
                          "de l'équipe."),
    ("en", "competition", "We have chosen another candidate whose profile was closer to our "
                          "needs."),
    ("fr", "competition", "Nous avons choisi un autre candidat dont le profil était plus proche "
                          "de nos besoins."),
    ("en", "position_closed", "The position has been frozen following a budget review."),
    ("fr", "position_closed", "Le poste a été gelé à la suite d'une revue budgétaire."),
    ("en", "profile_mismatch", "Your background does not correspond to what we are looking "
                               "for."),
    ("fr", "profile_mismatch", "Votre parcours ne correspond pas à ce que nous recherchons."),
]
TEMPLATES = [
    ("en", "Thank you for your application. Unfortunately we will not proceed further. We wish "
           "you success."),
    ("fr", "Nous vous remercions pour votre candidature. Malheureusement, nous ne pouvons pas y "
           "donner une suite favorable. Bonne continuation."),
    ("fr", "Bonjour,\n\nSuite à l'étude de votre dossier, nous sommes au regret de ne pas "
           "retenir votre candidature.\n\nL'équipe RH"),
]


@pytest.mark.parametrize(("lang", "label", "text"), PHRASES)
def test_recruiter_phrasings(lang: str, label: str, text: str) -> None:
    reading = read_feedback(text)
    assert reading.label == label
    assert reading.lang == lang
    assert reading.informative
    assert abs(sum(reading.probabilities.values()) - 1.0) < 1e-6


@pytest.mark.parametrize(("lang", "text"), TEMPLATES)
def test_template_rejections_say_nothing(lang: str, text: str) -> None:
    reading = read_feedback(text)
    assert reading.label == "template"
    assert not reading.informative and reading.sentence is None
    assert reading.lang == lang


def test_a_reason_inside_a_template_email_is_found() -> None:
    email = ("Bonjour Julie,\n\nNous vous remercions de l'intérêt que vous portez à notre "
             "entreprise. Après étude attentive, nous avons le regret de ne pas donner suite. "
             "En effet, le poste exige une expérience d'au moins dix ans en contrôle de "
             "gestion.\n\nNous vous souhaitons pleine réussite. Cordialement, Le service RH")
    reading = read_feedback(email)
    assert reading.label == "experience_gap"
    assert reading.sentence is not None and "dix ans" in reading.sentence


def test_corpus_is_labelled_and_split_honestly() -> None:
    corpus = training.load_corpus()
    assert len(corpus) >= 400
    for lang in ("fr", "en"):
        labels = {e.label for e in corpus if e.lang == lang}
        assert labels == set(FEEDBACK_LABELS)
    train, test = training.split(corpus)
    assert not {e.group for e in train} & {e.group for e in test}
    assert not {e.text for e in train} & {e.text for e in test}
    assert {(e.lang, e.label) for e in test} == {(e.lang, e.label) for e in corpus}


def test_shipped_model_beats_chance_by_far_on_held_out() -> None:
    pipe, meta = load_model()
    _, test = training.split(training.load_corpus())
    scores = training.evaluate(lambda texts: [read_feedback(t, pipe).label for t in texts], test)
    for lang in ("fr", "en"):
        assert scores[lang]["macro_f1"] > 0.6  # chance is 1/11
    assert meta["corpus"]["test"] == len(test)  # the artifact was fitted without these


def _copy_artifact(tmp_path: Path) -> Path:
    folder = tmp_path / "diagnosis-v1"
    shutil.copytree(MODEL_DIR, folder)
    return folder


def test_artifact_records_its_scikit_learn_version() -> None:
    meta = json.loads((MODEL_DIR / META_FILE).read_text(encoding="utf-8"))
    assert meta["sklearn_version"] == sklearn.__version__
    assert set(meta["labels"]) == set(FEEDBACK_LABELS)


def test_another_scikit_learn_version_is_refused(tmp_path: Path) -> None:
    folder = _copy_artifact(tmp_path)
    pipe, _ = load_model(folder)  # the intact copy loads
    assert read_feedback("The position has been filled.", pipe).label == "position_closed"
    meta_path = folder / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["sklearn_version"] = "1.5.0"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelVersionError, match=r"scikit-learn 1\.5\.0"):
        load_model(folder)


def test_a_modified_or_missing_artifact_is_refused(tmp_path: Path) -> None:
    folder = _copy_artifact(tmp_path)
    with (folder / MODEL_FILE).open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ModelVersionError, match="modified"):
        load_model(folder)
    with pytest.raises(ModelVersionError, match="not found"):
        load_model(tmp_path / "nowhere")


def test_huge_or_hostile_messages_are_read_safely() -> None:
    huge = "The position has been filled. " + "and then " * 40000
    reading = read_feedback(huge)
    assert reading.label == "position_closed"
    assert reading.sentence == "The position has been filled."
    one_line = "We have offered the position to another candidate " + "and " * 5000
    quoted = read_feedback(one_line).sentence
    assert quoted is None or len(quoted) <= 300
    hostile = "<script>alert(1)</script> [bold]x[/bold] \x00\x01 " * 10
    assert read_feedback(hostile).label in FEEDBACK_LABELS


def test_training_script_rebuilds_a_loadable_artifact(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "diagnosis-v1"
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, str(root / "scripts" / "train_diagnosis.py"),
                           "--out", str(out)], capture_output=True, text=True, timeout=300,
                          check=False, cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "held-out emails    fr" in proc.stdout
    pipe, meta = load_model(out)
    assert meta["sklearn_version"] == sklearn.__version__
    assert meta["heldout"]["phrasings"]["all"]["macro_f1"] > 0.6
    assert read_feedback("Le poste a été pourvu en interne.", pipe).label == "position_closed"
