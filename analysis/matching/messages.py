"""French and English wording of checks and recommendations (the CV's language is used)."""

from __future__ import annotations

from typing import Any

_EN: dict[str, str] = {
    "readable.fail.no_text_layer": "The CV has no text layer (scanned or image-only): an ATS reads "
    "nothing from it. Export it again as a text PDF or DOCX from your word processor.",
    "readable.fail.empty": "The CV contains no readable text: an ATS would see an empty "
    "application. Check the file and export it again as a text PDF or DOCX.",
    "readable.pass": "The CV has a readable text layer ({words} words).",
    "contact_email.pass": "E-mail address found: {value}.",
    "contact_email.fail": "No e-mail address found: add it in plain text at the top of the CV "
    "(not in the page header or an image).",
    "contact_phone.pass": "Phone number found: {value}.",
    "contact_phone.fail": "No phone number found: add it in plain text at the top of the CV.",
    "contact_linkedin.pass": "LinkedIn profile found.",
    "contact_linkedin.warn": "No LinkedIn profile URL (optional, but recruiters often look).",
    "standard_headings.pass": "Standard section headings found: {found}.",
    "standard_headings.warn": "Missing standard heading(s): {missing}. ATSs file content under "
    "headings such as Experience, Education, Skills.",
    "standard_headings.fail": "Standard headings not found: {missing}. Use plain headings "
    "(Experience, Education, Skills) so an ATS files your content correctly.",
    "length.pass": "{pages}, {words} words: right for {seniority}.",
    "length.warn": "{pages}, {words} words: {advice}",
    "length.fail": "{pages}, {words} words: {advice}",
    "length.too_long": "too long for {seniority}; aim for {max_pages}.",
    "length.too_short": "very little text; describe your experience in more detail.",
    "dates.pass": "{count} dates found, consistent.",
    "dates.warn.none": "No dates found: give start and end dates (month and year) for each job.",
    "dates.warn.future": "Date(s) in the future: {items}.",
    "dates.warn.years_only": "Dates give years only; month and year (e.g. 03/2021) reads better.",
    "dates.fail.inverted": "Date range(s) ending before they start: {items}.",
    "layout.pass.images": "No text inside images.",
    "layout.pass.header_footer": "No text in the page header or footer.",
    "layout.pass.text_box": "No text boxes.",
    "layout.pass.multi_column": "Single-column layout.",
    "layout.pass.tables": "No tables.",
    "layout.pass.text_layer": "Text layer intact.",
    "layout.warn": "{what}: {detail}",
    "layout.images": "text in images",
    "layout.header_footer": "text in the page header or footer",
    "layout.text_box": "text boxes",
    "layout.multi_column": "multi-column layout",
    "layout.tables": "tables",
    "layout.text_layer": "damaged text layer",
    "layout.advice.images": "ATSs do not read text inside images (skill bars, icons, logos); "
    "write that information as text.",
    "layout.advice.ocr": "the text was only readable by OCR; most ATSs do not run OCR. Send a "
    "PDF exported with text, or the DOCX.",
    "layout.advice.text_layer": "words run together, repeated or garbled characters; an ATS "
    "may misread them. Re-export the file from your word processor.",
    "layout.advice.header_footer": "many ATSs skip page headers and footers; move contact "
    "details into the body.",
    "layout.advice.text_box": "content in text boxes is often lost or misplaced by ATSs.",
    "layout.advice.multi_column": "columns can be read in the wrong order; a single column is "
    "safest.",
    "layout.advice.tables": "tables are often flattened in the wrong order; prefer plain lines.",
    "keyword_frequency.pass": "Required skills appear in your experience, not only in a list.",
    "keyword_frequency.warn": "Only in a skills list, never in your experience: {items}. Show "
    "where you used them.",
    "keyword_frequency.none": "No required skill of the offer found in the CV yet.",
    "keyword_frequency.nothing": "The offer names no required hard skill to look for.",
    "bullets.pass": "{count} bullets: concise, {verbs}% start with an action verb, {numbers}% "
    "quantified.",
    "bullets.warn": "{count} bullets: {problems}.",
    "bullets.none": "No bullet points in your experience: list achievements as short bullets "
    "starting with an action verb.",
    "bullets.long": "{long} too long (over {limit} words)",
    "bullets.verbs": "only {verbs}% start with an action verb (led, built, reduced...)",
    "bullets.numbers": "only {numbers}% give a figure (%, €, time saved, volume)",
    "file_type.pass": "{fmt} file: read well by ATSs.",
    "file_type.warn": "{fmt} file: send a PDF (text) or DOCX to keep the layout.",
    "file_type.pasted": "Pasted text: when applying, send a PDF (text) or DOCX.",
    "file_name.pass": "File name “{name}” is clear.",
    "file_name.warn": "File name “{name}” is generic; use e.g. “FirstName-LastName-CV.pdf”.",
    "rec.skill.required": "Add “{wording}” (the offer's own wording) {where}, only if you really "
    "have this skill. Required by the offer; {points}.",
    "rec.skill.partial": "The offer asks for “{wording}”; your CV shows a related skill. Name "
    "“{wording}” explicitly {where}, only if you really have it ({points}).",
    "rec.skill.preferred": "Mention “{wording}” (preferred by the offer) {where}, only if you "
    "really have it ({points}).",
    "rec.skill.soft": "Show “{wording}” with a concrete example in an experience bullet, only if "
    "it is true ({points}).",
    "rec.where.experience": "in the experience bullet where you used it, and in your skills "
    "section",
    "rec.where.skills": "to your skills section and to a sentence describing how you used it",
    "rec.title": "Align your CV headline with the offer's title “{title}” (e.g. as the line under "
    "your name), if it honestly describes you ({points}).",
    "rec.experience": "The offer asks for {wanted}; make all relevant experience visible, with "
    "dates ({points}).",
    "rec.education": "The offer asks for {wanted}; state your degree and its level clearly.",
    "rec.language": "The offer asks for {wanted}; add it to a Languages section with your level, "
    "if you have it.",
    "rec.check": "Fix: {message}",
}

_FR: dict[str, str] = {
    "readable.fail.no_text_layer": "Le CV n'a pas de couche texte (scanné ou image) : un ATS n'y "
    "lit rien. Réexportez-le en PDF texte ou en DOCX depuis votre traitement de texte.",
    "readable.fail.empty": "Le CV ne contient aucun texte lisible : un ATS verrait une "
    "candidature vide. Vérifiez le fichier et réexportez-le en PDF texte ou DOCX.",
    "readable.pass": "Le CV a une couche texte lisible ({words} mots).",
    "contact_email.pass": "Adresse e-mail trouvée : {value}.",
    "contact_email.fail": "Aucune adresse e-mail trouvée : ajoutez-la en texte simple en haut du "
    "CV (pas dans l'en-tête de page ni dans une image).",
    "contact_phone.pass": "Numéro de téléphone trouvé : {value}.",
    "contact_phone.fail": "Aucun numéro de téléphone trouvé : ajoutez-le en texte simple en haut "
    "du CV.",
    "contact_linkedin.pass": "Profil LinkedIn trouvé.",
    "contact_linkedin.warn": "Pas d'URL de profil LinkedIn (facultatif, mais souvent consulté).",
    "standard_headings.pass": "Rubriques standard trouvées : {found}.",
    "standard_headings.warn": "Rubrique(s) standard absente(s) : {missing}. Les ATS classent le "
    "contenu sous des titres comme Expérience, Formation, Compétences.",
    "standard_headings.fail": "Rubriques standard introuvables : {missing}. Utilisez des titres "
    "simples (Expérience, Formation, Compétences) pour que l'ATS classe votre contenu.",
    "length.pass": "{pages}, {words} mots : adapté pour {seniority}.",
    "length.warn": "{pages}, {words} mots : {advice}",
    "length.fail": "{pages}, {words} mots : {advice}",
    "length.too_long": "trop long pour {seniority} ; visez {max_pages}.",
    "length.too_short": "très peu de texte ; détaillez davantage vos expériences.",
    "dates.pass": "{count} dates trouvées, cohérentes.",
    "dates.warn.none": "Aucune date trouvée : indiquez début et fin (mois et année) de chaque "
    "poste.",
    "dates.warn.future": "Date(s) dans le futur : {items}.",
    "dates.warn.years_only": "Dates en années seules ; mois et année (ex. 03/2021) sont plus "
    "lisibles.",
    "dates.fail.inverted": "Période(s) qui se terminent avant de commencer : {items}.",
    "layout.pass.images": "Aucun texte dans une image.",
    "layout.pass.header_footer": "Aucun texte dans l'en-tête ou le pied de page.",
    "layout.pass.text_box": "Aucune zone de texte.",
    "layout.pass.multi_column": "Mise en page sur une seule colonne.",
    "layout.pass.tables": "Aucun tableau.",
    "layout.pass.text_layer": "Couche texte intacte.",
    "layout.warn": "{what} : {detail}",
    "layout.images": "texte dans des images",
    "layout.header_footer": "texte dans l'en-tête ou le pied de page",
    "layout.text_box": "zones de texte",
    "layout.multi_column": "mise en page en colonnes",
    "layout.tables": "tableaux",
    "layout.text_layer": "couche texte abîmée",
    "layout.advice.images": "les ATS ne lisent pas le texte des images (jauges, icônes, logos) ; "
    "écrivez ces informations en texte.",
    "layout.advice.ocr": "le texte n'était lisible que par OCR ; la plupart des ATS n'en font "
    "pas. Envoyez un PDF exporté avec du texte, ou le DOCX.",
    "layout.advice.text_layer": "mots collés, répétés ou caractères abîmés ; un ATS peut mal "
    "les lire. Réexportez le fichier depuis votre traitement de texte.",
    "layout.advice.header_footer": "beaucoup d'ATS ignorent l'en-tête et le pied de page ; "
    "placez vos coordonnées dans le corps du CV.",
    "layout.advice.text_box": "le contenu des zones de texte est souvent perdu ou mal placé.",
    "layout.advice.multi_column": "les colonnes peuvent être lues dans le désordre ; une seule "
    "colonne est plus sûre.",
    "layout.advice.tables": "les tableaux sont souvent aplatis dans le désordre ; préférez des "
    "lignes simples.",
    "keyword_frequency.pass": "Les compétences requises apparaissent dans vos expériences, pas "
    "seulement dans une liste.",
    "keyword_frequency.warn": "Seulement dans une liste de compétences, jamais dans vos "
    "expériences : {items}. Montrez où vous les avez utilisées.",
    "keyword_frequency.none": "Aucune compétence requise par l'offre n'a encore été trouvée dans "
    "le CV.",
    "keyword_frequency.nothing": "L'offre ne nomme aucune compétence technique requise à "
    "rechercher.",
    "bullets.pass": "{count} puces : concises, {verbs} % commencent par un verbe d'action, "
    "{numbers} % chiffrées.",
    "bullets.warn": "{count} puces : {problems}.",
    "bullets.none": "Pas de puces dans vos expériences : listez vos réalisations en puces courtes "
    "commençant par un verbe d'action.",
    "bullets.long": "{long} trop longue(s) (plus de {limit} mots)",
    "bullets.verbs": "seulement {verbs} % commencent par un verbe d'action (piloté, conçu, "
    "réduit...)",
    "bullets.numbers": "seulement {numbers} % donnent un chiffre (%, €, délai, volume)",
    "file_type.pass": "Fichier {fmt} : bien lu par les ATS.",
    "file_type.warn": "Fichier {fmt} : envoyez plutôt un PDF (texte) ou un DOCX.",
    "file_type.pasted": "Texte collé : pour postuler, envoyez un PDF (texte) ou un DOCX.",
    "file_name.pass": "Nom de fichier « {name} » clair.",
    "file_name.warn": "Nom de fichier « {name} » générique ; préférez « Prenom-Nom-CV.pdf ».",
    "rec.skill.required": "Ajoutez « {wording} » (le terme exact de l'offre) {where}, "
    "uniquement si vous avez réellement cette compétence. Exigé par l'offre ; "
    "{points}.",
    "rec.skill.partial": "L'offre demande « {wording} » ; votre CV montre une compétence voisine. "
    "Nommez « {wording} » explicitement {where}, uniquement si vous la maîtrisez ("
    "{points}).",
    "rec.skill.preferred": "Mentionnez « {wording} » (souhaité par l'offre) {where}, uniquement si "
    "vous l'avez réellement ({points}).",
    "rec.skill.soft": "Illustrez « {wording} » par un exemple concret dans une puce d'expérience, "
    "si c'est vrai ({points}).",
    "rec.where.experience": "dans la puce d'expérience où vous l'avez utilisée, et dans votre "
    "rubrique Compétences",
    "rec.where.skills": "dans votre rubrique Compétences et dans une phrase qui décrit comment "
    "vous l'avez utilisée",
    "rec.title": "Alignez le titre de votre CV sur l'intitulé de l'offre « {title} » (par exemple "
    "sous votre nom), s'il vous décrit honnêtement ({points}).",
    "rec.experience": "L'offre demande {wanted} ; rendez visible toute l'expérience pertinente, "
    "avec ses dates ({points}).",
    "rec.education": "L'offre demande {wanted} ; indiquez clairement votre diplôme et son niveau.",
    "rec.language": "L'offre demande {wanted} ; ajoutez-la dans une rubrique Langues avec votre "
    "niveau, si vous l'avez.",
    "rec.check": "À corriger : {message}",
}

_MESSAGES = {"en": _EN, "fr": _FR}


def points_text(gain: float, lang: str) -> str:
    """An expected score gain in words: "about +3 points", "about +1 point", "under 1 point"."""
    if round(gain) < 1:
        return "moins d'un point" if lang == "fr" else "under 1 point"
    plural = "s" if round(gain) > 1 else ""
    about = "environ" if lang == "fr" else "about"
    return f"{about} +{gain:.0f} point{plural}"


def msg(lang: str, key: str, **fields: Any) -> str:
    """The message `key` in `lang` (English if unknown), formatted with `fields`.

    A `gain` field also gives `{points}`, the gain in words (see `points_text`).
    """
    table = _MESSAGES.get(lang, _EN)
    if "gain" in fields:
        fields["points"] = points_text(fields["gain"], lang)
    return table[key].format(**fields)


def pages_text(count: int) -> str:
    """'1 page' / '2 pages' (the same words in French and English)."""
    return f"{count} page" if count == 1 else f"{count} pages"


def seniority_name(years: float | None, lang: str) -> str:
    """'a junior profile' / 'un profil junior' etc. from years of experience."""
    if years is None or years < 3:
        return "un profil junior" if lang == "fr" else "a junior profile"
    if years < 10:
        return "un profil confirmé" if lang == "fr" else "a mid-level profile"
    return "un profil senior" if lang == "fr" else "a senior profile"
