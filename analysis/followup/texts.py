"""Wording of the follow-up messages: French (vouvoiement, gender-neutral) and English.

Each language has a `fields` builder that turns the (possibly absent) inputs into phrases, so
that a missing company, position or name changes the wording instead of leaving a gap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def month_year(day: dt.date, lang: str) -> str:
    """`mars 2026` / `March 2026`."""
    months = MONTHS_FR if lang == "fr" else MONTHS_EN
    return f"{months[day.month - 1]} {day.year}"


def _fields_fr(*, name: str | None, company: str | None, position: str | None,
               recruiter: str | None, interviews: int, stage: str | None,
               when: str | None) -> dict[str, str]:
    job = f" au poste de {position}" if position else ""
    at = f" chez {company}" if company else ""
    if interviews >= 2:
        met = f" lors de nos {interviews} entretiens"
    elif interviews == 1:
        met = " lors de notre entretien"
    elif stage == "rejected_after_phone_screen":
        met = " lors de notre échange téléphonique"
    else:
        met = ""
    earlier = {
        "rejected_after_final_interview": ", et j'avais eu le plaisir d'aller jusqu'à l'entretien "
        "final",
        "rejected_after_interview": ", et j'avais eu le plaisir de vous rencontrer en entretien",
        "rejected_after_phone_screen": ", lors d'un premier échange téléphonique",
    }.get(stage or "", "")
    return {
        "greeting": f"Bonjour {recruiter}," if recruiter else "Bonjour,",
        "closing": "Bien cordialement," + (f"\n{name}" if name else ""),
        "ref": (f"poste de {position}" if position
                else f"candidature chez {company}" if company else "ma candidature"),
        "application": f"ma candidature{job}{at}",
        "thanks": ("Je vous remercie d'avoir pris le temps de m'informer de votre décision "
                   f"concernant ma candidature{job}{at}, ainsi que pour le temps que vous "
                   f"m'avez consacré{met}." if met else
                   "Je vous remercie d'avoir pris le temps d'étudier ma candidature"
                   f"{job}{at} et de m'informer de votre décision."),
        "the_position": f"le poste de {position}" if position else "ce poste",
        "the_company": company or "votre entreprise",
        "at_company": f" chez {company}" if company else " dans votre entreprise",
        "about": (f"au sujet du poste de {position}{at}" if position
                  else f"au sujet d'une candidature{at}"),
        "when": f"en {when}" if when else "il y a quelques mois",
        "earlier": earlier,
        "since": (f"que nous avons évoquée{met}" if met
                  else "que je vous ai adressée il y a quelques jours"),
    }


def _fields_en(*, name: str | None, company: str | None, position: str | None,
               recruiter: str | None, interviews: int, stage: str | None,
               when: str | None) -> dict[str, str]:
    job = f" for the {position} position" if position else ""
    at = f" at {company}" if company else ""
    if interviews >= 2:
        met = f" during our {interviews} interviews"
    elif interviews == 1:
        met = " during our interview"
    elif stage == "rejected_after_phone_screen":
        met = " during our phone call"
    else:
        met = ""
    earlier = {
        "rejected_after_final_interview": ", and I had the pleasure of reaching the final "
        "interview",
        "rejected_after_interview": ", and I had the pleasure of meeting you for an interview",
        "rejected_after_phone_screen": ", during a first phone call",
    }.get(stage or "", "")
    return {
        "greeting": f"Dear {recruiter}," if recruiter else "Hello,",
        "closing": "Kind regards," + (f"\n{name}" if name else ""),
        "ref": (f"{position} position" if position
                else f"application to {company}" if company else "my application"),
        "application": f"my application{job}{at}",
        "thanks": (f"Thank you for letting me know your decision about my application{job}{at}, "
                   f"and for the time you gave me{met}." if met else
                   f"Thank you for taking the time to review my application{job}{at} and for "
                   "letting me know your decision."),
        "the_position": f"the {position} role" if position else "this role",
        "the_company": company or "your company",
        "at_company": f" at {company}" if company else " in your company",
        "about": (f"about the {position} position{at}" if position
                  else f"about an application{at}"),
        "when": f"in {when}" if when else "a few months ago",
        "earlier": earlier,
        "since": f"which we discussed{met}" if met else "which I sent you a few days ago",
    }


TEXTS: dict[str, dict[str, Any]] = {
    "fr": {
        "fields": _fields_fr,
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
        "fields": _fields_en,
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

FieldsBuilder = Callable[..., dict[str, str]]
