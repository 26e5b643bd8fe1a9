"""Report wording in French and English, chosen from the CV's language."""

from __future__ import annotations

from pathlib import PureWindowsPath

from analysis.matching.types import MatchReport

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "CVScope match report", "score": "Match score", "components": "Components",
        "component": "Component", "value": "Value", "weight": "Weight",
        "requirements": "Requirements", "requirement": "Requirement", "kind": "Kind",
        "importance": "Importance", "status": "Status", "how": "How", "evidence": "CV evidence",
        "checks": "CV checks", "check": "Check", "message": "Message",
        "recommendations": "Recommendations", "none": "None.", "cv": "CV", "offer": "Offer",
        "languages": "Languages", "caps": "Score capped because of", "gain": "Gain",
        "scoring": "Scoring version", "na": "n/a (not asked)",
        "hard_skills": "Required hard skills", "preferred_skills": "Preferred hard skills",
        "skills_profile": "Skills profile (shared skills)",
        "soft_skills": "Soft skills", "title_c": "Job title", "experience": "Experience",
        "education": "Education", "languages_c": "Languages", "keywords": "Keyword similarity",
        "required": "required", "preferred": "preferred", "matched": "matched",
        "partial": "partial", "missing": "missing", "pass": "pass", "warn": "warning",
        "fail": "fail", "hard": "hard skill", "soft": "soft skill", "title_k": "title",
        "experience_k": "experience", "education_k": "education", "language": "language",
        "exact": "exact", "synonym": "synonym", "translation": "translation",
        "related": "related", "privacy": "Generated on your machine by CVScope; nothing was sent.",
    },
    "fr": {
        "title": "Rapport de correspondance CVScope", "score": "Score",
        "components": "Composantes", "component": "Composante", "value": "Valeur",
        "weight": "Poids", "requirements": "Exigences de l'offre", "requirement": "Exigence",
        "kind": "Type", "importance": "Importance", "status": "Statut", "how": "Comment",
        "evidence": "Preuve dans le CV", "checks": "Vérifications du CV",
        "check": "Vérification", "message": "Message", "recommendations": "Recommandations",
        "none": "Aucune.", "cv": "CV", "offer": "Offre", "languages": "Langues",
        "caps": "Score plafonné en raison de", "gain": "Gain", "scoring": "Version du calcul",
        "na": "s.o. (non demandé)",
        "hard_skills": "Compétences techniques requises",
        "preferred_skills": "Compétences techniques souhaitées",
        "skills_profile": "Profil de compétences (compétences en commun)",
        "soft_skills": "Savoir-être", "title_c": "Intitulé du poste", "experience": "Expérience",
        "education": "Formation", "languages_c": "Langues", "keywords": "Similarité des mots-clés",
        "required": "requis", "preferred": "souhaité", "matched": "trouvé",
        "partial": "partiel", "missing": "manquant", "pass": "ok", "warn": "à surveiller",
        "fail": "échec", "hard": "compétence technique", "soft": "savoir-être",
        "title_k": "intitulé", "experience_k": "expérience", "education_k": "formation",
        "language": "langue", "exact": "exact", "synonym": "synonyme",
        "translation": "traduction", "related": "voisine",
        "privacy": "Généré sur votre machine par CVScope ; rien n'a été envoyé.",
    },
}
# What each check looks at, for the reports handed to a candidate (the JSON keeps the codes).
CHECK_NAMES: dict[str, dict[str, str]] = {
    "en": {"readable": "Readable text", "contact_email": "E-mail", "contact_phone": "Phone",
           "contact_linkedin": "LinkedIn", "standard_headings": "Section headings",
           "length": "Length", "dates": "Dates", "layout_images": "Text in images",
           "layout_header_footer": "Header and footer", "layout_text_box": "Text boxes",
           "layout_multi_column": "Columns", "layout_tables": "Tables",
           "layout_text_layer": "Text layer", "keyword_frequency": "Skills in experience",
           "bullets": "Bullet points", "file_type": "File type", "file_name": "File name"},
    "fr": {"readable": "Texte lisible", "contact_email": "E-mail", "contact_phone": "Téléphone",
           "contact_linkedin": "LinkedIn", "standard_headings": "Rubriques",
           "length": "Longueur", "dates": "Dates", "layout_images": "Texte dans les images",
           "layout_header_footer": "En-tête et pied de page", "layout_text_box": "Zones de texte",
           "layout_multi_column": "Colonnes", "layout_tables": "Tableaux",
           "layout_text_layer": "Couche texte", "keyword_frequency": "Compétences dans les "
           "expériences", "bullets": "Puces", "file_type": "Type de fichier",
           "file_name": "Nom du fichier"},
}
_COMPONENT_KEYS = {"title": "title_c", "languages": "languages_c"}
_KIND_KEYS = {"title": "title_k", "experience": "experience_k", "education": "education_k"}


def report_lang(report: MatchReport) -> str:
    """The report's language: the CV's, else the offer's, else English."""
    for lang in (report.cv_language, report.offer_language):
        if lang in LABELS:
            return lang
    return "en"


def colon(lang: str) -> str:
    """A colon after a label: French typography puts a no-break space before it."""
    return "\u00a0:" if lang == "fr" else ":"


def label(lang: str, key: str | None) -> str:
    """A label in `lang`; unknown keys are returned as they are."""
    if key is None:
        return "—"
    return LABELS.get(lang, LABELS["en"]).get(key, key)


def check_label(lang: str, code: str) -> str:
    """Display name of a CV check; unknown codes are shown as they are."""
    return CHECK_NAMES.get(lang, CHECK_NAMES["en"]).get(code, code)


def file_label(source: str | None) -> str:
    """A document's file name without its folders: reports are handed to other people."""
    if not source:
        return "—"
    return PureWindowsPath(source).name or source  # splits on "/" and "\\" alike


def component_label(lang: str, name: str) -> str:
    """Display name of a score component."""
    return label(lang, _COMPONENT_KEYS.get(name, name))


def kind_label(lang: str, kind: str) -> str:
    """Display name of a requirement kind."""
    return label(lang, _KIND_KEYS.get(kind, kind))


def component_value(report: MatchReport, name: str, lang: str) -> str:
    """A component as a percentage, or "n/a" when the offer asks nothing of that kind."""
    if report.weights and report.weights.get(name, 0.0) == 0.0:
        return label(lang, "na")
    return percent(report.components[name])


def percent(value: float) -> str:
    """0..1 as a whole percentage."""
    return f"{round(100 * value)} %"
