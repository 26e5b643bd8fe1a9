"""Wording of the follow-up messages: French (vouvoiement, gender-neutral) and English.

`build_fields` turns the (possibly absent) inputs into phrases, so that a missing company,
position or name changes the wording instead of leaving a gap."""

from __future__ import annotations

import datetime as dt
from typing import Any

MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def month_year(day: dt.date, lang: str) -> str:
    """`mars 2026` / `March 2026`."""
    months = MONTHS_FR if lang == "fr" else MONTHS_EN
    return f"{months[day.month - 1]} {day.year}"


# Phrase templates per language; a key ending in "0" is the wording used when its input is
# absent, so that no placeholder is ever left in a message.
PHRASES: dict[str, dict[str, str]] = {
    "fr": {
        "job": " au poste de {position}", "at": " chez {company}",
        "met_n": " lors de nos {n} entretiens", "met_1": " lors de notre entretien",
        "met_phone": " lors de notre échange téléphonique",
        "greeting": "Bonjour {recruiter},", "greeting0": "Bonjour,",
        "closing": "Bien cordialement,",
        "ref": "poste de {position}", "ref_company": "candidature chez {company}",
        "ref0": "ma candidature", "application": "ma candidature{job}{at}",
        "thanks": "Je vous remercie d'avoir pris le temps de m'informer de votre décision "
        "concernant ma candidature{job}{at}, ainsi que pour le temps que vous m'avez "
        "consacré{met}.",
        "thanks0": "Je vous remercie d'avoir pris le temps d'étudier ma candidature{job}{at} et "
        "de m'informer de votre décision.",
        "the_position": "le poste de {position}", "the_position0": "ce poste",
        "the_company0": "votre entreprise",
        "at_company": " chez {company}", "at_company0": " dans votre entreprise",
        "about": "au sujet du poste de {position}{at}", "about0": "au sujet d'une candidature{at}",
        "when": "en {when}", "when0": "il y a quelques mois",
        "since": "que nous avons évoquée{met}",
        "since0": "que je vous ai adressée il y a quelques jours",
        "earlier.rejected_after_final_interview": ", et j'avais eu le plaisir d'aller jusqu'à "
        "l'entretien final",
        "earlier.rejected_after_interview": ", et j'avais eu le plaisir de vous rencontrer en "
        "entretien",
        "earlier.rejected_after_phone_screen": ", lors d'un premier échange téléphonique",
    },
    "en": {
        "job": " for the {position} position", "at": " at {company}",
        "met_n": " during our {n} interviews", "met_1": " during our interview",
        "met_phone": " during our phone call",
        "greeting": "Dear {recruiter},", "greeting0": "Hello,",
        "closing": "Kind regards,",
        "ref": "{position} position", "ref_company": "application to {company}",
        "ref0": "my application", "application": "my application{job}{at}",
        "thanks": "Thank you for letting me know your decision about my application{job}{at}, "
        "and for the time you gave me{met}.",
        "thanks0": "Thank you for taking the time to review my application{job}{at} and for "
        "letting me know your decision.",
        "the_position": "the {position} role", "the_position0": "this role",
        "the_company0": "your company",
        "at_company": " at {company}", "at_company0": " in your company",
        "about": "about the {position} position{at}", "about0": "about an application{at}",
        "when": "in {when}", "when0": "a few months ago",
        "since": "which we discussed{met}", "since0": "which I sent you a few days ago",
        "earlier.rejected_after_final_interview": ", and I had the pleasure of reaching the "
        "final interview",
        "earlier.rejected_after_interview": ", and I had the pleasure of meeting you for an "
        "interview",
        "earlier.rejected_after_phone_screen": ", during a first phone call",
    },
}


def build_fields(lang: str, *, name: str | None, company: str | None, position: str | None,
                 recruiter: str | None, interviews: int, stage: str | None,
                 when: str | None) -> dict[str, str]:
    """The phrases of a message in `lang`, each worded for the inputs actually given."""
    w = PHRASES[lang]

    def pick(key: str, present: object, **values: object) -> str:
        return w[key].format(**values) if present else w[key + "0"].format(**values)

    job = w["job"].format(position=position) if position else ""
    at = w["at"].format(company=company) if company else ""
    met = (w["met_n"].format(n=interviews) if interviews >= 2 else w["met_1"] if interviews == 1
           else w["met_phone"] if stage == "rejected_after_phone_screen" else "")
    ref = (w["ref"].format(position=position) if position
           else w["ref_company"].format(company=company) if company else w["ref0"])
    return {
        "greeting": pick("greeting", recruiter, recruiter=recruiter),
        "closing": w["closing"] + (f"\n{name}" if name else ""),
        "ref": ref,
        "application": w["application"].format(job=job, at=at),
        "thanks": pick("thanks", met, job=job, at=at, met=met),
        "the_position": pick("the_position", position, position=position),
        "the_company": company or w["the_company0"],
        "at_company": pick("at_company", company, company=company),
        "about": pick("about", position, position=position, at=at),
        "when": pick("when", when, when=when),
        "earlier": w.get(f"earlier.{stage}", ""),
        "since": pick("since", met, met=met),
    }


TEXTS: dict[str, dict[str, Any]] = {
    "fr": {
        "thank_and_feedback": {
            "subject": "Remerciements et demande de retour – {ref}",
            "body": [
                "{thanks}",
                "J'avoue une certaine déception, car {the_position} correspondait pleinement à "
                "ce que je recherche ; mon intérêt pour {the_company} reste entier.",
                "Afin de progresser, pourriez-vous m'indiquer, même brièvement, les points forts "
                "que vous avez relevés dans mon profil, ce qui a pesé dans votre décision et les "
                "points que je devrais travailler en priorité ?",
                "Si une autre opportunité correspondant à mon profil se présentait{at_company}, "
                "ce serait avec plaisir que j'en discuterais avec vous. Je vous remercie par "
                "avance pour votre retour.",
            ],
        },
        "relaunch": {
            "subject": "Relance – {ref}",
            "body": [
                "Je me permets de revenir vers vous au sujet de {application}, {since}.",
                "{the_position} m'intéresse toujours vivement, et je reste à votre disposition "
                "pour un échange afin de vous présenter plus en détail mon parcours et ma "
                "motivation.",
                "Pourriez-vous m'indiquer où en est le processus de recrutement et si ma "
                "candidature est toujours à l'étude ? Je vous remercie par avance de votre "
                "retour.",
            ],
        },
        "recontact": {
            "subject": "Reprise de contact – {ref}",
            "body": [
                "Nous avions échangé {when} {about}{earlier}.",
                "Je reviens vers vous car mon intérêt pour {the_company} reste intact et mon "
                "profil a continué d'évoluer depuis. Si un poste similaire est ouvert ou doit "
                "l'être prochainement, ce serait avec plaisir que je vous présenterais à "
                "nouveau ma candidature.",
                "Vous trouverez mon CV à jour en pièce jointe ; je reste disponible pour un "
                "court échange, à votre convenance.",
            ],
        },
        "note_thank_and_feedback": "Attendez que l'émotion retombe (au moins une journée) "
        "avant d'écrire ; restez bref, positif et sans reproche.",
        "note_relaunch": "Une seule relance : si ce deuxième message reste sans réponse, "
        "arrêtez là et recontactez dans quelques mois.",
        "note_recontact": "Court et direct, comme une candidature spontanée : le rappel du "
        "contexte permet au recruteur de vous resituer.",
        "note_phone": "Après plusieurs entretiens, appelez plutôt le recruteur : ce texte vous "
        "sert de trame, ou d'e-mail si vous ne le joignez pas.",
        "note_email": "À envoyer par e-mail.",
        "stop_error": "{n} messages sont restés sans réponse : arrêtez les relances et "
        "recontactez dans quelques mois (--kind recontact)",
    },
    "en": {
        "thank_and_feedback": {
            "subject": "Thank you and a request for feedback – {ref}",
            "body": [
                "{thanks}",
                "I must admit I am disappointed, as {the_position} matched what I am looking "
                "for; my interest in {the_company} remains as strong as ever.",
                "To help me improve, could you tell me, even briefly, which strengths you saw "
                "in my profile, what weighed in your decision and what I should work on first?",
                "Should another opportunity matching my profile arise{at_company}, I would be "
                "glad to discuss it with you. Thank you in advance for your feedback.",
            ],
        },
        "relaunch": {
            "subject": "Following up – {ref}",
            "body": [
                "I am writing to follow up on {application}, {since}.",
                "I am still very interested in {the_position} and would welcome the chance to "
                "tell you more about my background and motivation.",
                "Could you let me know where the recruitment process stands and whether my "
                "application is still being considered? Thank you in advance for your reply.",
            ],
        },
        "recontact": {
            "subject": "Getting back in touch – {ref}",
            "body": [
                "We were in touch {when} {about}{earlier}.",
                "I am getting back to you because my interest in {the_company} is intact and my "
                "profile has kept growing since. If a similar position is open or will be soon, "
                "I would be glad to put my application forward again.",
                "Please find my updated CV attached; I am available for a short call at your "
                "convenience.",
            ],
        },
        "note_thank_and_feedback": "Wait until emotions settle (at least a day) before "
        "writing; keep it short, positive and free of reproach.",
        "note_relaunch": "One relaunch only: if this second message goes unanswered, stop "
        "there and recontact in a few months.",
        "note_recontact": "Short and direct, like a spontaneous application: the reminder of "
        "the earlier process lets the recruiter place you.",
        "note_phone": "After several interviews, call the recruiter instead: use this text as "
        "your script, or as an email if you cannot reach them.",
        "note_email": "Send by email.",
        "stop_error": "{n} messages went unanswered: stop relaunching and recontact in a few "
        "months (--kind recontact)",
    },
}
