"""HTML helpers for the app: score gauge, highlighted texts, badges (user text escaped)."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import streamlit as st

CSS = """
<style>
/* Translucent colours: readable on Streamlit's light and dark themes alike. */
[data-testid="stMainBlockContainer"] {padding-top: 2.2rem;}
.cvs-hero {padding: .2rem 0 .6rem 0;}
.cvs-hero p {opacity: .75; margin: 0;}
.cvs-band {display:inline-block; padding:.15rem .6rem; border-radius:999px; font-weight:600;
  font-size:.85rem; margin-top:.3rem; border: 1px solid transparent}
.cvs-band.strong {background:rgba(47,158,91,.16); border-color:rgba(47,158,91,.5)}
.cvs-band.fair {background:rgba(224,161,0,.18); border-color:rgba(224,161,0,.55)}
.cvs-band.weak {background:rgba(214,69,69,.16); border-color:rgba(214,69,69,.5)}
.cvs-text {max-height: 32rem; overflow-y: auto; white-space: pre-wrap; line-height: 1.55;
  font-size: .9rem; padding: .8rem 1rem; border: 1px solid rgba(128,128,128,.25);
  border-radius: .5rem; background: rgba(128,128,128,.04);}
.cvs-text mark {padding: 0 .15rem; border-radius: .2rem; color: inherit;}
.cvs-text mark.matched {background: rgba(47,158,91,.28);}
.cvs-text mark.partial {background: rgba(224,161,0,.32);}
.cvs-text mark.missing {background: rgba(214,69,69,.28);}
.cvs-text mark.other {background: rgba(128,128,128,.18);}
.cvs-text mark.soft {text-decoration: underline dotted; text-underline-offset: 3px;}
.cvs-card {border:1px solid rgba(128,128,128,.25); border-radius:.6rem; padding:.8rem 1rem;
  margin-bottom:.6rem}
.cvs-card h4 {margin:0 0 .3rem 0; font-size:1rem}
.cvs-muted {opacity:.7; font-size:.85rem}
.cvs-verdict {border-radius:.6rem; padding:1rem 1.2rem; margin:.4rem 0 1rem 0;}
.cvs-verdict.cv_screening {background:rgba(214,69,69,.14); border-left:6px solid #d64545}
.cvs-verdict.later_stage {background:rgba(59,111,214,.14); border-left:6px solid #3b6fd6}
.cvs-verdict.uncertain {background:rgba(128,128,128,.12); border-left:6px solid #8a8f98}
.cvs-verdict .big {font-size:1.3rem; font-weight:700}
</style>
"""


def inject_css() -> None:
    """Add the app's stylesheet to the page (call once per run, from app.py)."""
    st.markdown(CSS, unsafe_allow_html=True)


def score_band(score: float) -> str:
    """Qualitative band of a 0-100 score: "strong" (>= 70), "fair" (>= 45) or "weak"."""
    if score >= 70:
        return "strong"
    if score >= 45:
        return "fair"
    return "weak"


BAND_COLORS = {"strong": "#2f9e5b", "fair": "#e0a100", "weak": "#d64545"}


def gauge_svg(score: float, caption: str) -> str:
    """A semicircular SVG gauge for a 0-100 score, with an escaped caption."""
    value = max(0.0, min(100.0, float(score)))
    color = BAND_COLORS[score_band(value)]
    radius, cx, cy = 80.0, 100.0, 95.0
    angle = math.pi * (1 - value / 100.0)
    x = cx + radius * math.cos(angle)
    y = cy - radius * math.sin(angle)
    track = f"M {cx - radius} {cy} A {radius} {radius} 0 0 1 {cx + radius} {cy}"
    arc = f"M {cx - radius} {cy} A {radius} {radius} 0 0 1 {x:.2f} {y:.2f}"
    return (
        '<svg viewBox="0 0 200 120" width="230" role="img" '
        f'aria-label="{html.escape(caption)} {value:.0f}/100">'
        f'<path d="{track}" fill="none" stroke="rgba(128,128,128,.22)" stroke-width="16" '
        'stroke-linecap="round"/>'
        f'<path d="{arc}" fill="none" stroke="{color}" stroke-width="16" '
        'stroke-linecap="round"/>'
        f'<text x="100" y="88" text-anchor="middle" font-size="34" font-weight="700" '
        f'fill="currentColor">{value:.0f}</text>'
        '<text x="100" y="108" text-anchor="middle" font-size="11" fill="currentColor" '
        'opacity=".65">'
        f"{html.escape(caption)}</text></svg>"
    )


def band_badge(band: str, label: str) -> str:
    """An HTML pill for a score band."""
    return f'<span class="cvs-band {html.escape(band)}">{html.escape(label)}</span>'


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of text: offsets, CSS classes and a tooltip."""

    start: int
    end: int
    css: str
    title: str


def highlight_html(text: str, spans: Iterable[Span]) -> str:
    """The text as escaped HTML with non-overlapping spans wrapped in `<mark>` elements."""
    out: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        start, end = max(span.start, 0), min(span.end, len(text))
        if start < cursor or end <= start:
            continue  # overlapping or empty: keep the first, longest mention
        out.append(html.escape(text[cursor:start]))
        out.append(
            f'<mark class="{html.escape(span.css)}" title="{html.escape(span.title)}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        cursor = end
    out.append(html.escape(text[cursor:]))
    return '<div class="cvs-text">' + "".join(out) + "</div>"


def card(title: str, body: str, muted: str = "") -> str:
    """A small bordered card with an escaped title, body and optional muted line."""
    extra = f'<div class="cvs-muted">{html.escape(muted)}</div>' if muted else ""
    return (
        f'<div class="cvs-card"><h4>{html.escape(title)}</h4>'
        f"<div>{html.escape(body)}</div>{extra}</div>"
    )


def md_escape(text: object) -> str:
    """User text shown through Markdown, with every Markdown character escaped.

    Keeps a pasted `![x](http://...)` from becoming a remote image (a network call).
    """
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", str(text))
