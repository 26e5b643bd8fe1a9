"""Text normalisation shared by every format: mojibake, ligatures, whitespace, bullets, dashes,
end-of-line hyphenation."""

from __future__ import annotations

import re
import unicodedata

import ftfy

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False, unescape_html=False)

_CHAR_MAP = str.maketrans(
    {
        # every Unicode space becomes a plain space
        **dict.fromkeys(map(ord, "\t\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"), " "),
        **dict.fromkeys(map(ord, "\u2007\u2008\u2009\u200a\u202f\u205f\u3000\x0b\x0c"), " "),
        **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None),
        # hyphens and dashes
        **dict.fromkeys(map(ord, "\u2010\u2011\u2043\ufe63\uff0d"), "-"),
        **dict.fromkeys(map(ord, "\u2012\u2013\u2212\ufe58"), "–"),
        **dict.fromkeys(map(ord, "\u2014\u2015"), "—"),
        # ligatures ftfy leaves alone in some fonts' private encodings
        0xFB00: "ff",
        0xFB01: "fi",
        0xFB02: "fl",
        0xFB03: "ffi",
        0xFB04: "ffl",
        0xFB05: "st",
        0xFB06: "st",
        0x2028: "\n",
        0x2029: "\n",
        0x0D: "\n",
    }
)
_BULLETS = "•●▪■◦‣∙○◆◇►▶➢➤✓✔☐□➔→·\uf0b7\uf0a7\uf0d8\uf0fc\uf076\uf0a8\uf06e\uf0e0\u2219\u25aa\u25cf"
# "(cid:127)": pdfminer's name for a glyph without Unicode (bullets, icons)
_BULLET_LINE = re.compile(rf"^\s*(?:[{_BULLETS}]|[-*–](?=\s)|\(cid:\d+\))\s*")
_CID = re.compile(r"\(cid:\d+\) ?")
_INNER_BULLET = re.compile(r"[●▪■◦‣∙○◆◇►▶➢➤✓✔☐□➔→\u2219\u25aa\u25cf]")  # PUA icons are dropped
_HYPHEN_END = re.compile(r"([A-Za-zÀ-ÖØ-öø-ÿœŒ]{2,})[-\u00ad]$")
_LOWER_START = re.compile(r"^[a-zà-öø-ÿœ]")
_SPACES = re.compile(r" {2,}")
# UTF-8 read as Latin-1/cp1252: a lead byte (Â-ô) followed by a continuation byte, or C1 controls
_SUSPECT = re.compile("[\x80-\x9f]|[\xc2-\xf4][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
# icon-font glyphs (Font Awesome and the like) live in the private use area: no text to read
_ICONS = re.compile(r"[\ue000-\uf8ff] ?")
# Headings typeset with letter spacing: "E X P É R I E N C E" -> "EXPÉRIENCE"
_SPACED_CAPS = re.compile(r"^(?:[A-ZÀ-Ý] ){3,}[A-ZÀ-Ý]$")


_COMPOUND_PREFIXES = frozenset(
    "savoir bien self post pre pré co multi non full mi semi anti auto sous demi chef "
    "after well high long short cross front back real open end peer hands problem team "
    "customer client data user cost time fast world top ex vice e mid sur inter".split()
)


def _keeps_hyphen(before: str, after: str) -> bool:
    """Whether a hyphen at a line end belongs to the word (compound, URL, e-mail) rather
    than to end-of-line hyphenation."""
    if any(c in before for c in "/@.-_0123456789") or any(c.isdigit() for c in after):
        return True
    return before.lower().lstrip("•(«\"'") in _COMPOUND_PREFIXES


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """The text with UTF-16 surrogate pairs joined and lone surrogates dropped.

    pdfium hands out characters beyond U+FFFF (emoji icons) as two UTF-16 units, and a damaged
    font or a pasted string can leave half of one: such text cannot be encoded as UTF-8 (the
    language detector, the database and every export would fail on it)."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")


def fix_encoding(text: str) -> tuple[str, bool]:
    """Repair mojibake and odd Unicode with ftfy; return the text and whether it changed."""
    text = valid_unicode(text)
    if not _SUSPECT.search(text):  # nothing ftfy could repair: skip its ~5 ms per CV
        return unicodedata.normalize("NFC", text), False
    fixed = ftfy.fix_text(text, _FTFY)
    return fixed, fixed != text and _letters(fixed) != _letters(text)


def _letters(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFC", text) if c.isalpha())


def normalise_lines(lines: list[str]) -> str:
    """Join reader lines into clean text: one space between words, bullets as '• ', hyphenated
    line breaks joined, at most one empty line in a row."""
    out: list[str] = []
    for raw in "\n".join(lines).translate(_CHAR_MAP).split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if _SPACED_CAPS.match(line):
            line = line.replace(" ", "")
        if line:
            marker = _BULLET_LINE.match(line)
            if marker and len(line) > marker.end():
                line = "• " + line[marker.end() :]
            elif marker:
                continue  # a bullet glyph alone on its line
            line = _CID.sub("", _INNER_BULLET.sub("•", line))
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        if out and out[-1] and _LOWER_START.match(line):
            match = _HYPHEN_END.search(out[-1])
            if match:
                first, _, rest = line.partition(" ")
                keep = _keeps_hyphen(out[-1].rsplit(" ", 1)[-1][:-1], first)
                out[-1] = out[-1][:-1] + ("-" if keep else "") + first
                line = rest
                if not line:
                    continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return _ICONS.sub("", "\n".join(out).replace("\u00ad", ""))
