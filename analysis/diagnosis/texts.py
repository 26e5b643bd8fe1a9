"""French and English wording of the diagnosis: evidence lines, actions, explanations."""

from __future__ import annotations

CAUSE_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "missing_keywords": "mots-clés manquants", "profile_mismatch": "profil en décalage",
        "experience_gap": "écart d'expérience", "education_gap": "écart de diplôme",
        "cv_format": "format de CV illisible pour un ATS", "soft_skills": "savoir-être",
        "technical_interview": "entretien ou test technique",
        "culture_fit": "adéquation culturelle",
        "competition": "concurrence", "position_closed": "poste fermé ou gelé",
    },
    "en": {
        "missing_keywords": "missing keywords", "profile_mismatch": "profile mismatch",
        "experience_gap": "experience gap", "education_gap": "education gap",
        "cv_format": "CV format an ATS cannot read", "soft_skills": "soft skills",
        "technical_interview": "technical interview or test", "culture_fit": "culture fit",
        "competition": "competition", "position_closed": "position closed or frozen",
    },
}

VERDICT_NAMES = {
    "fr": {"cv_screening": "au tri des CV", "later_stage": "à une étape ultérieure (entretiens)",
           "uncertain": "indéterminé"},
    "en": {"cv_screening": "at CV screening", "later_stage": "at a later stage (interviews)",
           "uncertain": "uncertain"},
}

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "stage.no_response": "Aucune réponse : le silence est un indice faible, il peut venir "
        "du tri des CV comme d'un poste gelé ou d'une candidature jamais lue.",
        "stage.no_response_after_interview": "Silence après {n} entretien(s) : le CV a fait son "
        "travail, le processus s'est arrêté plus loin.",
        "stage.rejected_before_interview": "Refus avant tout entretien : la candidature s'est "
        "arrêtée au tri des CV (ATS ou première lecture).",
        "stage.rejected_after_phone_screen": "Refus après la préqualification téléphonique : le CV "
        "est passé ; l'appel vérifie motivation, prétentions, disponibilité et adéquation réelle.",
        "stage.rejected_after_interview": "Refus après entretien : le CV a fait son travail, la "
        "décision s'est jouée en entretien.",
        "stage.rejected_after_final_interview": "Refus après l'entretien final : vous étiez parmi "
        "les finalistes ; la décision tient souvent à la concurrence ou à l'adéquation.",
        "days.fast": "Réponse en {days} jour(s) : un refus aussi rapide signe souvent un filtrage "
        "automatique ou un critère éliminatoire (expérience, diplôme, localisation, format).",
        "days.early": "Seulement {days} jour(s) sans réponse : trop tôt pour conclure.",
        "days.long": "{days} jours sans réponse : indice faible, souvent un tri défavorable ou un "
        "poste mis en pause.",
        "days.slow": "Réponse après {days} jours : le poste a sans doute été traité par vagues, "
        "d'autres candidatures ont pu passer avant.",
        "match.low": "Score de correspondance CV/offre faible ({score:.0f}/100) : un ATS ou un "
        "premier tri écarte souvent ce niveau.",
        "match.mid": "Score de correspondance moyen ({score:.0f}/100).",
        "match.unreadable": "Un ATS ne lit pas (ou presque pas) le texte de ce CV : toutes les "
        "exigences paraissent absentes, quel que soit votre profil.",
        "match.high": "Bon score de correspondance ({score:.0f}/100) : les mots-clés ne sont "
        "probablement pas en cause ; pensez format, critère éliminatoire ou poste fermé.",
        "match.missing": "Exigences obligatoires absentes du CV : {items}.",
        "match.checks": "Contrôles ATS en échec : {items}.",
        "match.title": "L'intitulé de poste du CV correspond mal à l'offre.",
        "match.experience": "Exigence d'expérience non couverte : {items}.",
        "match.education": "Exigence de diplôme non couverte : {items}.",
        "match.prepare": "Compétences de l'offre peu étayées par le CV, probablement sondées en "
        "entretien : {items}.",
        "feedback.cause": "Message du recruteur : « {sentence} » ({cause}).",
        "feedback.template": "Le message du recruteur est un refus type qui ne donne aucune "
        "raison.",
        "stage.prior": "Cause fréquente à cette étape.",
        "explain.verdict": "Verdict : la candidature s'est le plus probablement arrêtée {verdict} "
        "(probabilité {p:.0%}).",
        "explain.uncertain": "Les éléments ne permettent pas de trancher (tri des CV : {p:.0%}).",
        "explain.cause": "Cause principale : {cause}.",
        "action.recommendation": "CV : {message}",
        "action.run_match": "Comparez votre CV à l'offre (cvscope match) pour voir les mots-clés "
        "manquants avant de repostuler.",
        "action.ask_feedback": "Demandez un retour au recruteur (cvscope followup --kind "
        "thank_and_feedback) : points forts, points faibles, axes de progrès.",
        "action.keep_door_open": "Gardez le contact : proposez de rester en lien et recontactez "
        "dans quelques mois (cvscope followup --kind recontact).",
        "action.relaunch": "Relancez une fois, 7 à 10 jours après la candidature (cvscope followup "
        "--kind relaunch) ; sans réponse à la deuxième relance, arrêtez.",
        "action.wait": "Attendez encore quelques jours avant de relancer.",
        "cause.missing_keywords": "Reprenez les mots exacts de l'offre pour les compétences que "
        "vous avez vraiment, dans vos expériences et une rubrique Compétences.",
        "cause.profile_mismatch": "Ciblez des offres plus proches de votre parcours, ou rédigez un "
        "titre et un résumé qui relient explicitement votre parcours au poste.",
        "cause.experience_gap": "Mettez en avant la durée et le niveau de responsabilité de vos "
        "expériences (dates, équipes, budgets) ; visez aussi des postes d'un niveau adapté.",
        "cause.education_gap": "Si le diplôme est un critère éliminatoire, mettez en avant les "
        "équivalences, certifications ou VAE ; sinon, ciblez des postes où il ne l'est pas.",
        "cause.cv_format": "Passez à un CV à une colonne, en PDF texte (pas d'image), titres de "
        "rubriques standards, coordonnées et dates lisibles.",
        "cause.soft_skills": "Préparez des exemples concrets (méthode STAR) qui montrent "
        "communication, posture et motivation ; entraînez-vous à l'oral.",
        "cause.technical_interview": "Retravaillez les points techniques faibles identifiés et "
        "entraînez-vous sur des exercices du même type.",
        "cause.culture_fit": "Renseignez-vous davantage sur l'organisation et clarifiez vos "
        "attentes (télétravail, rythme, salaire) avant les entretiens.",
        "cause.competition": "Rien à corriger de décisif : restez en contact, d'autres postes "
        "s'ouvriront ; demandez ce qui a fait la différence.",
        "cause.position_closed": "Ce n'est pas votre candidature : surveillez la réouverture du "
        "poste et recontactez le recruteur dans quelques mois.",
    },
    "en": {
        "stage.no_response": "No response: silence is weak evidence; it can come from the CV sort "
        "as well as from a frozen position or an application nobody read.",
        "stage.no_response_after_interview": "Silence after {n} interview(s): the CV did its job; "
        "the process stopped further on.",
        "stage.rejected_before_interview": "Rejected before any interview: the application "
        "stopped at CV screening (ATS or first read).",
        "stage.rejected_after_phone_screen": "Rejected after the phone screen: the CV passed; the "
        "call checks motivation, salary, availability and real fit.",
        "stage.rejected_after_interview": "Rejected after an interview: the CV did its job; the "
        "decision was made in the interview.",
        "stage.rejected_after_final_interview": "Rejected after the final interview: you were a "
        "finalist; the decision usually comes down to competition or fit.",
        "days.fast": "Answer within {days} day(s): such a fast rejection usually means automated "
        "filtering or a knock-out criterion (experience, degree, location, format).",
        "days.early": "Only {days} day(s) without an answer: too early to conclude.",
        "days.long": "{days} days without an answer: weak evidence, often an unfavourable sort or "
        "a position on hold.",
        "days.slow": "Answer after {days} days: applications were probably processed in waves; "
        "others may have gone ahead first.",
        "match.low": "Low CV/offer match score ({score:.0f}/100): an ATS or a first sort often "
        "drops this level.",
        "match.mid": "Average match score ({score:.0f}/100).",
        "match.unreadable": "An ATS reads little or none of this CV's text: every requirement "
        "looks missing, whatever your profile.",
        "match.high": "Good match score ({score:.0f}/100): keywords are probably not the issue; "
        "think format, knock-out criteria or a closed position.",
        "match.missing": "Required items missing from the CV: {items}.",
        "match.checks": "Failed ATS checks: {items}.",
        "match.title": "The CV's job title matches the offer poorly.",
        "match.experience": "Experience requirement not covered: {items}.",
        "match.education": "Education requirement not covered: {items}.",
        "match.prepare": "Offer skills the CV barely supports, probably probed in interviews: "
        "{items}.",
        "feedback.cause": "Recruiter's message: \"{sentence}\" ({cause}).",
        "feedback.template": "The recruiter's message is a template rejection that gives no "
        "reason.",
        "stage.prior": "Common cause at this stage.",
        "explain.verdict": "Verdict: the application most likely stopped {verdict} "
        "(probability {p:.0%}).",
        "explain.uncertain": "The evidence does not settle it (CV screening: {p:.0%}).",
        "explain.cause": "Main cause: {cause}.",
        "action.recommendation": "CV: {message}",
        "action.run_match": "Compare your CV with the offer (cvscope match) to see the missing "
        "keywords before applying again.",
        "action.ask_feedback": "Ask the recruiter for feedback (cvscope followup --kind "
        "thank_and_feedback): strengths, weaknesses, what to work on.",
        "action.keep_door_open": "Keep the door open: offer to stay in touch and recontact in a "
        "few months (cvscope followup --kind recontact).",
        "action.relaunch": "Follow up once, 7 to 10 days after applying (cvscope followup --kind "
        "relaunch); if the second message goes unanswered, stop.",
        "action.wait": "Wait a few more days before following up.",
        "cause.missing_keywords": "Use the offer's exact words for the skills you really have, in "
        "your experience and in a Skills section.",
        "cause.profile_mismatch": "Target offers closer to your background, or write a title and "
        "summary that explicitly link your background to the role.",
        "cause.experience_gap": "Make the length and scope of your experience visible (dates, "
        "team size, budgets); also aim at roles of a matching level.",
        "cause.education_gap": "If the degree is a knock-out criterion, show equivalences or "
        "certifications; otherwise target roles where it is not required.",
        "cause.cv_format": "Switch to a one-column, text-based PDF (no image), standard section "
        "headings, readable contact details and dates.",
        "cause.soft_skills": "Prepare concrete examples (STAR method) showing communication, "
        "presence and motivation; rehearse out loud.",
        "cause.technical_interview": "Work on the weak technical points and practise exercises of "
        "the same kind.",
        "cause.culture_fit": "Research the organisation further and clarify your expectations "
        "(remote work, pace, salary) before interviews.",
        "cause.competition": "Nothing decisive to fix: stay in touch, other roles will open; ask "
        "what made the difference.",
        "cause.position_closed": "It was not your application: watch for the role to reopen and "
        "recontact the recruiter in a few months.",
    },
}


def t(lang: str, key: str, **fields: object) -> str:
    """The text `key` in `lang`, formatted with `fields`."""
    return TEXT[lang][key].format(**fields)
