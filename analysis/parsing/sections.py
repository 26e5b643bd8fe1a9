"""Section headings (French and English, case/accent/spacing variants) -> `Section` spans."""

from __future__ import annotations

import re
import unicodedata

from analysis.parsing.document import Section

_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "profil",
        "profil professionnel",
        "resume",
        "resume professionnel",
        "a propos",
        "a propos de moi",
        "presentation",
        "objectif",
        "objectif professionnel",
        "synthese",
        "summary",
        "professional summary",
        "profile",
        "personal profile",
        "about me",
        "about",
        "objective",
        "career objective",
        "career summary",
        "executive summary",
        "introduction",
    ),
    "experience": (
        "experience",
        "experiences",
        "experience professionnelle",
        "experiences professionnelles",
        "parcours professionnel",
        "parcours",
        "emplois",
        "historique professionnel",
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "experience and internships",
        "stages",
        "stages et experiences",
        "experiences et stages",
        "internships",
    ),
    "education": (
        "formation",
        "formations",
        "formation et diplomes",
        "diplomes",
        "diplomes et formations",
        "etudes",
        "cursus",
        "parcours academique",
        "scolarite",
        "education",
        "education and training",
        "academic background",
        "qualifications",
        "academic history",
        "training",
        "formations complementaires",
        "formation continue",
        "diplome",
    ),
    "skills": (
        "competences",
        "competences cles",
        "competences techniques",
        "competences informatiques",
        "savoir faire",
        "savoir etre",
        "qualites",
        "outils",
        "informatique",
        "aptitudes",
        "skills",
        "key skills",
        "technical skills",
        "core skills",
        "core competencies",
        "competencies",
        "expertise",
        "areas of expertise",
        "tools",
        "tech stack",
        "soft skills",
        "hard skills",
        "atouts",
        "mes atouts",
        "points forts",
        "connaissances",
        "connaissances informatiques",
        "logiciels",
        "outils informatiques",
        "competences cles et outils",
        "competences professionnelles",
        "competences transversales",
        "it skills",
        "computer skills",
        "skills and tools",
    ),
    "languages": (
        "langues",
        "langues etrangeres",
        "competences linguistiques",
        "langues parlees",
        "languages",
        "language skills",
    ),
    "certifications": (
        "certifications",
        "certificats",
        "certification",
        "habilitations",
        "licences",
        "certificates",
        "licenses",
        "licenses and certifications",
        "accreditations",
    ),
    "projects": (
        "projets",
        "projets personnels",
        "realisations",
        "projects",
        "personal projects",
        "key projects",
        "portfolio",
        "achievements",
        "awards",
        "distinctions",
        "prix et distinctions",
        "publications",
    ),
    "interests": (
        "centres d interet",
        "centre d interet",
        "centres d interets",
        "loisirs",
        "passions",
        "interets",
        "hobbies",
        "interests",
        "hobbies and interests",
        "volunteering",
        "benevolat",
        "vie associative",
        "engagements",
    ),
    "contact": (
        "contact",
        "coordonnees",
        "informations personnelles",
        "personal details",
        "personal information",
        "contact details",
        "contact information",
    ),
    "other": (
        # offers: kept as sections so later stages can read requirement blocks by title
        "missions",
        "vos missions",
        "les missions",
        "le poste",
        "description du poste",
        "profil recherche",
        "votre profil",
        "profil",
        "le profil",
        "qualifications requises",
        "conditions",
        "avantages",
        "remuneration",
        "qui sommes nous",
        "l entreprise",
        "responsibilities",
        "key responsibilities",
        "the role",
        "about the role",
        "role",
        "requirements",
        "requirements must have",
        "must have",
        "nice to have",
        "essential",
        "desirable",
        "preferred qualifications",
        "what you will do",
        "what we are looking for",
        "what we offer",
        "benefits",
        "about us",
        "who you are",
        "your profile",
        "references",
        "referees",
        "divers",
        "additional information",
        "informations",
    ),
}

_LOOKUP: dict[str, str] = {}
for _name, _variants in _HEADINGS.items():
    for _variant in _variants:
        _LOOKUP.setdefault(_variant, _name)

_NON_WORD = re.compile(r"[^a-z0-9]+")
_DECORATION = re.compile(
    r"^(?:[^\w(]|\d{1,2}[.)/-]?\s|[IVX]{1,4}[.)]\s)+|[\s:_.\-–—=*•|]+$", re.UNICODE
)
_MAX_HEADING = 60


def heading_key(line: str) -> str:
    """Lower-case, accent-free, punctuation-free form of a heading line."""
    decomposed = unicodedata.normalize("NFKD", line.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("œ", "oe").replace("&", " and ")
    return _NON_WORD.sub(" ", plain).strip()


def heading_name(line: str) -> str | None:
    """Section name if `line` is a heading on its own (a trailing colon is allowed)."""
    if line.rstrip().endswith((".", ",")):
        return None
    text = _DECORATION.sub("", line.strip())  # "1. ", "■ ", "— Skills —", "EXPÉRIENCE ____"
    if not text or len(text) > _MAX_HEADING or text.count(" ") > 6:
        return None
    key = heading_key(text)
    name = _LOOKUP.get(key)
    if name is None and " et " in f" {key} ":
        name = _LOOKUP.get(key.split(" et ")[0])  # "Compétences et outils"
    if name is None and " and " in f" {key} ":
        name = _LOOKUP.get(key.split(" and ")[0])
    return name


def find_sections(text: str) -> tuple[Section, ...]:
    """Split `text` at heading lines; text before the first heading is the `contact` part."""
    found: list[tuple[int, str, str]] = []
    offset = 0
    for line in text.split("\n"):
        name = heading_name(line)
        if name is not None:
            found.append((offset, name, line.strip().rstrip(":").strip()))
        offset += len(line) + 1
    sections: list[Section] = []
    if found and text[: found[0][0]].strip():
        sections.append(Section("contact", "", 0, found[0][0]))
    elif not found and text.strip():
        return (Section("other", "", 0, len(text)),)
    for i, (start, name, title) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        if sections and sections[-1].name == name == "contact":
            # the head of the page and a "Contact" block right under it are one section
            sections[-1] = Section(name, title, sections[-1].start, end)
            continue
        sections.append(Section(name, title, start, end))
    return tuple(sections)
