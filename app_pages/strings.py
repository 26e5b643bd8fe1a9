"""The app's interface strings: key -> (French, English)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # shell
    "app.tagline": (
        "Analyse de CV façon ATS, diagnostic de refus et relances — tout reste sur votre machine.",
        "ATS-style CV analysis, rejection diagnosis and follow-ups — everything stays on your "
        "machine.",
    ),
    "app.language": ("Langue de l'interface", "Interface language"),
    "app.privacy": (
        "🔒 Aucune donnée ne quitte cet ordinateur : pas de télémétrie, pas d'appel réseau.",
        "🔒 Nothing leaves this computer: no telemetry, no network call.",
    ),
    "nav.analyse": ("Analyser", "Analyse"),
    "nav.diagnose": ("Diagnostiquer un refus", "Diagnose a rejection"),
    "nav.reply": ("Répondre et relancer", "Reply and follow up"),
    "nav.batch": ("Lot de CV", "Batch"),
    "nav.coaching": ("Accompagnement", "Coaching"),
    "nav.talent_pool": ("Vivier de talents", "Talent pool"),
    "nav.section.candidate": ("Candidat", "Candidate"),
    "nav.section.pro": ("Coachs et recruteurs", "Coaches and recruiters"),
    "busy": ("Analyse en cours…", "Analysing…"),
    "loading_models": ("Chargement des modèles linguistiques…", "Loading language models…"),
    "error.unexpected": (
        "Une erreur inattendue est survenue ({kind}). Vos fichiers n'ont pas été modifiés ; "
        "réessayez ou essayez un autre fichier.",
        "Something unexpected went wrong ({kind}). Your files were not changed; try again or "
        "try another file.",
    ),
    "error.file": ("Impossible de lire « {name} » : {message}", "Cannot read “{name}”: {message}"),
    "error.text": ("Impossible d'utiliser ce texte : {message}", "Cannot use this text: {message}"),
    "error.code.not_found": ("fichier introuvable", "file not found"),
    "error.code.unsupported_format": ("format non pris en charge", "unsupported format"),
    "error.code.encrypted": ("document protégé par mot de passe", "password-protected document"),
    "error.code.no_text_layer": ("document scanné, sans texte lisible",
                                 "scanned document with no readable text"),
    "error.code.corrupt": ("fichier endommagé", "damaged file"),
    "error.code.too_large": ("fichier trop volumineux", "file too large"),
    "error.code.empty": ("document vide", "empty document"),
    "error.code.invalid_argument": ("donnée invalide", "invalid input"),
    # analyse page: inputs
    "analyse.title": ("Analyser un CV face à une offre", "Analyse a CV against a job offer"),
    "analyse.intro": (
        "Déposez un CV et une offre : CVScope les lit comme un ATS, repère compétences "
        "techniques et savoir-être, calcule le score et explique chaque point.",
        "Drop a CV and a job offer: CVScope reads them as an applicant tracking system would, "
        "finds hard and soft skills, scores the match and explains every point.",
    ),
    "analyse.cv_label": ("Votre CV (PDF, DOCX ou TXT)", "Your CV (PDF, DOCX or TXT)"),
    "analyse.cv_help": ("Le fichier est lu localement.", "The file is read locally."),
    "analyse.cv_tips": (
        "Conseil : un PDF exporté depuis votre traitement de texte (avec du texte, pas un scan) "
        "ou le DOCX, sur une colonne, se lit le mieux. Comparez plusieurs versions de votre CV "
        "sur la même offre : l'écart de score s'affiche.",
        "Tip: a PDF exported from your word processor (with text, not a scan) or the DOCX, in "
        "one column, reads best. Compare several versions of your CV on the same offer: the "
        "score change is shown.",
    ),
    "analyse.offer_label": ("L'offre d'emploi (fichier)", "The job offer (file)"),
    "analyse.offer_text_label": ("… ou collez le texte de l'offre",
                                 "… or paste the offer's text"),
    "analyse.offer_text_ph": ("Intitulé du poste, missions, profil recherché…",
                              "Job title, responsibilities, required profile…"),
    "analyse.ocr": ("Lire quand même par reconnaissance de caractères (OCR, plus lent)",
                    "Read it anyway with character recognition (OCR, slower)"),
    "analyse.ocr_busy": ("Reconnaissance des caractères…", "Recognising characters…"),
    "analyse.ocr_done": (
        "Document scanné lu par OCR : un ATS, lui, n'y lirait probablement rien. Envoyez une "
        "version PDF avec du texte ou le DOCX.",
        "Scanned document read with OCR: an ATS would most likely read nothing from it. Send a "
        "PDF with a text layer, or the DOCX.",
    ),
    "analyse.pasted_offer": ("offre collée", "pasted offer"),
    "analyse.offer_both": (
        "Un fichier d'offre et un texte collé sont fournis : le fichier est utilisé.",
        "Both an offer file and pasted text were given: the file is used.",
    ),
    "analyse.waiting": (
        "Ajoutez un CV et une offre pour lancer l'analyse.",
        "Add a CV and an offer to start the analysis.",
    ),
    "how.1.title": ("1. Lu comme par un ATS", "1. Read as an ATS reads it"),
    "how.1.body": (
        "Texte, rubriques, coordonnées, colonnes et tableaux : ce qu'un logiciel de tri voit "
        "vraiment de votre CV.",
        "Text, sections, contact details, columns and tables: what screening software really "
        "sees of your CV.",
    ),
    "how.2.title": ("2. Score expliqué", "2. An explained score"),
    "how.2.body": (
        "Chaque exigence de l'offre : satisfaite ou non, comment (synonyme, traduction…) et "
        "par quelle phrase du CV.",
        "Every requirement of the offer: met or not, how (synonym, translation…) and by which "
        "sentence of the CV.",
    ),
    "how.3.title": ("3. Quoi changer", "3. What to change"),
    "how.3.body": (
        "Des recommandations classées par gain de score, un rapport à télécharger, puis le "
        "diagnostic d'un refus et les relances.",
        "Recommendations ranked by score gain, a report to download, then a rejection diagnosis "
        "and the follow-ups.",
    ),
    "analyse.example": ("Essayer avec un exemple", "Try with an example"),
    "analyse.example_loaded": ("Exemple : {cv} face à {offer}", "Example: {cv} against {offer}"),
    "analyse.previous": (
        "Dernière analyse de la session : {cv} face à {offer}.",
        "Last analysis of this session: {cv} against {offer}.",
    ),
    "analyse.clear": ("Effacer", "Clear"),
    "analyse.languages": ("Langue du CV : {cv} · Langue de l'offre : {offer}",
                          "CV language: {cv} · Offer language: {offer}"),
    # analyse page: results
    "score.label": ("Score de correspondance", "Match score"),
    "score.delta_help": ("Écart avec la version précédente du CV sur cette offre",
                         "Change since the previous CV version on this offer"),
    "score.band.strong": ("Très bonne correspondance", "Strong match"),
    "score.band.fair": ("Correspondance partielle", "Partial match"),
    "score.band.weak": ("Correspondance faible", "Weak match"),
    "score.summary": (
        "Exigences satisfaites\u00a0: {matched} sur {total} · obligatoires manquantes\u00a0: "
        "{missing}",
        "{matched} of {total} requirements met · {missing} required missing",
    ),
    "tab.overview": ("Vue d'ensemble", "Overview"),
    "tab.requirements": ("Exigences", "Requirements"),
    "tab.texts": ("Textes surlignés", "Highlighted texts"),
    "tab.downloads": ("Télécharger", "Download"),
    "components.title": ("Détail du score", "Score breakdown"),
    "components.weight": ("poids {w} %", "weight {w} %"),
    "components.skipped": ("Sans objet pour cette offre : {names}.",
                           "Not applicable to this offer: {names}."),
    "score.capped": (
        "Score plafonné, comme le ferait un premier tri : {what} très en deçà de l'offre.",
        "Score capped, as a first sort would: {what} far below what the offer asks.",
    ),
    "component.preferred_skills": ("Compétences souhaitées", "Preferred skills"),
    "component.hard_skills": ("Compétences techniques", "Hard skills"),
    "component.skills_profile": ("Profil de compétences", "Skills profile"),
    "component.soft_skills": ("Savoir-être", "Soft skills"),
    "component.title": ("Intitulé du poste", "Job title"),
    "component.experience": ("Expérience", "Experience"),
    "component.education": ("Formation", "Education"),
    "component.languages": ("Langues", "Languages"),
    "component.keywords": ("Mots-clés", "Keywords"),
    "recs.title": ("Recommandations", "Recommendations"),
    "recs.none": ("Rien d'urgent à changer.", "Nothing urgent to change."),
    "recs.more": ("Autres recommandations\u00a0: {n}", "More recommendations: {n}"),
    "checks.title": ("Contrôles ATS", "ATS checks"),
    "checks.none": ("Aucun contrôle.", "No check."),
    "warnings.title": ("Lecture du document", "Reading the document"),
    "req.only_missing": ("Seulement les exigences manquantes", "Only missing requirements"),
    "req.col.status": ("Statut", "Status"),
    "req.col.label": ("Exigence", "Requirement"),
    "req.col.kind": ("Type", "Type"),
    "req.col.importance": ("Importance", "Importance"),
    "req.col.how": ("Comment", "How"),
    "req.col.evidence": ("Preuve dans le CV", "Evidence in the CV"),
    "req.col.offer_text": ("Dans l'offre", "In the offer"),
    "req.empty": ("Aucune exigence détectée dans l'offre.", "No requirement found in the offer."),
    "status.matched": ("Satisfaite", "Matched"),
    "status.partial": ("Partielle", "Partial"),
    "status.missing": ("Manquante", "Missing"),
    "check.pass": ("OK", "Pass"),
    "check.warn": ("À revoir", "Warning"),
    "check.fail": ("Échec", "Fail"),
    "kind.hard": ("Technique", "Hard skill"),
    "kind.soft": ("Savoir-être", "Soft skill"),
    "kind.title": ("Intitulé", "Title"),
    "kind.experience": ("Expérience", "Experience"),
    "kind.education": ("Formation", "Education"),
    "kind.language": ("Langue", "Language"),
    "importance.required": ("Obligatoire", "Required"),
    "importance.preferred": ("Souhaitée", "Preferred"),
    "how.exact": ("Identique", "Exact"),
    "how.synonym": ("Synonyme", "Synonym"),
    "how.translation": ("Traduction", "Translation"),
    "how.related": ("Compétence voisine", "Related skill"),
    "lang.fr": ("français", "French"),
    "lang.en": ("anglais", "English"),
    "texts.cv": ("CV", "CV"),
    "texts.offer": ("Offre", "Offer"),
    "texts.legend": (
        "Légende : vert = exigence satisfaite, orange = partielle, rouge = manquante, "
        "gris = compétence non demandée ; soulignement pointillé = savoir-être.",
        "Legend: green = requirement met, amber = partial, red = missing, grey = skill not "
        "asked for; dotted underline = soft skill.",
    ),
    "texts.none": ("Texte indisponible.", "Text unavailable."),
    "dl.html": ("Rapport HTML", "HTML report"),
    "dl.docx": ("Rapport Word (DOCX)", "Word report (DOCX)"),
    "dl.json": ("Données JSON", "JSON data"),
    "dl.unavailable": ("Export indisponible : {message}", "Export unavailable: {message}"),
    "dl.intro": (
        "Le rapport reprend le score, les exigences, les contrôles et les recommandations.",
        "The report holds the score, requirements, checks and recommendations.",
    ),
}
