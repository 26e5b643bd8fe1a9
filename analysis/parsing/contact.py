"""Contact details: e-mail, phone (French and international formats), LinkedIn, city, name."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

from analysis.parsing.document import Contact
from analysis.parsing.sections import heading_name

EMAIL = re.compile(r"[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
LINKEDIN = re.compile(
    r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[\w%-]+/?", re.IGNORECASE
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|fr|io|dev|net|org)\b\S*", re.I)
_SEPARATORS = re.compile(r"\s*(?:\||·|•|/|–|—|;|\t| - )\s*")
_NAME_TOKEN = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ'’-]+$|^[A-ZÀ-Ý][A-ZÀ-Ý'’-]+$|^[A-Z]\.$")
_CITY = re.compile(
    r"^(?:\d{5}\s+)?[A-ZÀ-Ý][\w'’-]*(?:[ -][A-Za-zÀ-ÿ][\w'’-]*){0,3}"
    r"(?:\s*\(\d{2,3}\))?(?:\s+\d{1,2}(?:e|er|ème))?(?:,\s*[A-Z][\w .'-]{1,25})?$"
)
_DIGIT = re.compile(r"\d")
_POSTCODE_CITY = re.compile(r"\b\d{5}\s+[A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ý][\w'’-]*){0,3}")
_PLACE_DIGITS = re.compile(r"\(\d{2,3}\)|^\d{5}\s|\b\d{1,2}(?:e|er|ème)\b")
_PARTICLES = {
    "de",
    "du",
    "des",
    "d'",
    "la",
    "le",
    "van",
    "von",
    "der",
    "da",
    "di",
    "dos",
    "el",
    "ben",
}
_NOT_NAME = {"curriculum", "vitae", "cv", "resume", "résumé", "page", "contact"}
_NOT_CITY = {
    "cv",
    "contact",
    "linkedin",
    "email",
    "e-mail",
    "mail",
    "phone",
    "téléphone",
    "tel",
    "mobile",
    "adresse",
    "address",
    "permis",
    "french",
    "english",
    "français",
    "anglais",
}
HEAD_LINES = 15


def find_phone(text: str) -> str | None:
    """The first phone number, in international format (French numbers assumed without +)."""
    if len(_DIGIT.findall(text)) < 8:
        return None
    for match in phonenumbers.PhoneNumberMatcher(
        text, "FR", leniency=phonenumbers.Leniency.POSSIBLE
    ):
        number = match.number
        digits = re.sub(r"\D", "", match.raw_string)
        if len(digits) < 9 or re.fullmatch(r"(19|20)\d{2}(19|20)\d{2}", digits):
            continue  # year ranges such as "2019 2021"
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return None


def find_contact(text: str) -> Contact:
    """Contact details found in the text, looking first at its head (header, contact block)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    head = "\n".join(lines[:HEAD_LINES])
    email_match = EMAIL.search(head) or EMAIL.search(text)
    email = email_match.group(0) if email_match else None
    linkedin_match = LINKEDIN.search(head) or LINKEDIN.search(text)
    linkedin = linkedin_match.group(0).rstrip("/") if linkedin_match else None
    phone = find_phone(head) or find_phone(_contact_block(lines))
    name = _find_name(lines[:8], email) if (email or phone or linkedin) else None
    block = _contact_block(lines).split("\n")
    location = _find_city(lines[:HEAD_LINES], name) or _find_city(block, name)
    return Contact(name=name, email=email, phone=phone, linkedin=linkedin, location=location)


def _contact_block(lines: list[str]) -> str:
    """Lines under a 'Contact' heading anywhere in the text (sidebars often put it low)."""
    for i, line in enumerate(lines):
        if heading_name(line) == "contact":
            return "\n".join(lines[i + 1 : i + 8])
    return ""


def _looks_like_name(line: str) -> bool:
    tokens = line.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5 or any(t.lower() in _NOT_NAME for t in tokens):
        return False
    names = [t for t in tokens if t not in _PARTICLES]
    if not 2 <= len(names) <= 4 or tokens[0] in _PARTICLES:
        return False
    return all(_NAME_TOKEN.match(t) for t in names) and heading_name(line) is None


def _find_name(head: list[str], email: str | None) -> str | None:
    candidates = [line for line in head if _looks_like_name(line)]
    if email:
        local = re.sub(r"[^a-z]", " ", email.split("@")[0].lower()).split()
        for line in candidates:
            words = {w.lower() for w in re.split(r"[\s'’-]+", line)}
            if any(part in words or _strip(part) in {_strip(w) for w in words} for part in local):
                return line
    return candidates[0] if candidates else None


def _strip(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if c.isascii())


def _cut_out_contacts(line: str) -> str:
    """The line with e-mails, URLs and phone numbers replaced by separators, so that a city
    written between them ("mail  +33 6...  Lyon", columns of a PDF header) stands alone."""
    line = _URL.sub(" | ", EMAIL.sub(" | ", LINKEDIN.sub(" | ", line)))
    if len(_DIGIT.findall(line)) >= 8:
        matcher = phonenumbers.PhoneNumberMatcher(
            line, "FR", leniency=phonenumbers.Leniency.POSSIBLE
        )
        for match in reversed(list(matcher)):
            line = line[: match.start] + " | " + line[match.end :]
    return line


def _find_city(lines: list[str], name: str | None) -> str | None:
    """A short place-like segment on a line carrying e-mail/phone, or just after such lines."""
    anchors = [
        i
        for i, line in enumerate(lines)
        if EMAIL.search(line) or LINKEDIN.search(line) or find_phone(line)
    ]
    if not anchors:
        return None
    after = [i for i in range(anchors[0], min(len(lines), anchors[-1] + 3)) if i not in anchors]
    for i in anchors + after:
        line = _cut_out_contacts(lines[i])
        for segment in _SEPARATORS.split(line):
            segment = segment.strip(" ,.")
            if not segment or EMAIL.search(segment) or _URL.search(segment):
                continue
            postal = _POSTCODE_CITY.search(segment)
            if postal:  # a street address: keep "75011 Paris"
                return postal.group(0).strip()
            if any(ch.isdigit() for ch in segment) and not _PLACE_DIGITS.search(segment):
                continue
            first = segment.split()[0].lower().strip(":")
            if first in _NOT_CITY or heading_name(segment) or segment == name:
                continue
            if _CITY.match(segment) and len(segment.split()) <= 5:
                return segment
    return None
