"""HTML CVs printed to PDF by headless Chromium (a real PDF producer: Skia, no space glyphs)."""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from sample_cvs import CV, headings

CSS = (
    "body{font-family:'DejaVu Sans',sans-serif;font-size:10pt;margin:0}h1{margin:0}"
    "h2{font-size:11pt;text-transform:uppercase;border-bottom:1px solid #333}"
    "h3{font-size:10pt;margin:6px 0 0}p,li{margin:2px 0}"
    ".grid{display:grid;grid-template-columns:30% 1fr;gap:24px}.side{background:#eef3f8}"
)


def _side(cv: CV) -> str:
    h, e = headings(cv), html.escape
    parts = ["<h2>Contact</h2>", *(f"<p>{e(x)}</p>" for x in cv.contact)]
    parts += [f"<h2>{e(h['skills'])}</h2><ul>", *(f"<li>{e(x)}</li>" for x in cv.skills), "</ul>"]
    parts += [f"<h2>{e(h['languages'])}</h2>", *(f"<p>{e(x)}</p>" for x in cv.languages)]
    parts += [f"<h2>{e(h['interests'])}</h2><p>{e(cv.interests)}</p>"]
    return "\n".join(parts)


def _main(cv: CV) -> str:
    h, e = headings(cv), html.escape
    parts = [f"<h2>{e(h['summary'])}</h2><p>{e(cv.summary)}</p>", f"<h2>{e(h['experience'])}</h2>"]
    for job in cv.jobs:
        parts += [f"<h3>{e(job.title)} – {e(job.org)}</h3><p>{e(job.dates)}</p><ul>"]
        parts += [*(f"<li>{e(b)}</li>" for b in job.bullets), "</ul>"]
    parts += [f"<h2>{e(h['education'])}</h2>"]
    parts += [f"<h3>{e(d.title)} – {e(d.school)}</h3><p>{e(d.dates)}</p>" for d in cv.degrees]
    return "\n".join(parts)


def cv_html(cv: CV, *, two_columns: bool) -> str:
    """The CV as an HTML page: a CSS-grid sidebar, or the same content in one column."""
    body = (
        f"<div class=grid><div class=side>{_side(cv)}</div><div>{_main(cv)}</div></div>"
        if two_columns
        else _side(cv) + _main(cv)
    )
    return (
        f"<!doctype html><html lang={cv.lang}><head><meta charset=utf-8><style>{CSS}</style>"
        f"</head><body><h1>{html.escape(cv.name)}</h1><p>{html.escape(cv.headline)}</p>"
        f"{body}</body></html>"
    )


DATED_CSS = (
    "body{font-family:'DejaVu Sans',sans-serif;font-size:10pt;margin:0 10px}h1{margin:0}"
    ".row{display:flex;justify-content:space-between}h2{font-size:11pt;text-transform:uppercase;"
    "color:#245}.grid{display:grid;grid-template-columns:64% 1fr;gap:28px}p,li{margin:2px 0}"
    "ul{padding-left:16px}"
)


def cv_html_dated(cv: CV, *, two_columns: bool) -> str:
    """Web-builder style: contact details spread on one flex row, dates right-aligned on each
    entry's title line, and (two columns) a right sidebar; the one-column twin keeps the order."""
    h, e = headings(cv), html.escape
    head = f"<h1>{e(cv.name)}</h1><p>{e(cv.headline)}</p><div class=row>"
    head += "".join(f"<span>{e(x)}</span>" for x in cv.contact) + "</div>"
    main = f"<h2>{e(h['summary'])}</h2><p>{e(cv.summary)}</p><h2>{e(h['experience'])}</h2>"
    for job in cv.jobs:
        main += f"<div class=row><b>{e(job.title)} – {e(job.org)}</b><span>{e(job.dates)}</span>"
        main += "</div><ul>" + "".join(f"<li>{e(b)}</li>" for b in job.bullets) + "</ul>"
    main += f"<h2>{e(h['education'])}</h2>"
    main += "".join(
        f"<div class=row><b>{e(d.title)}</b><span>{e(d.dates)}</span></div><p>{e(d.school)}</p>"
        for d in cv.degrees
    )
    side = f"<h2>{e(h['skills'])}</h2><ul>" + "".join(f"<li>{e(x)}</li>" for x in cv.skills)
    side += f"</ul><h2>{e(h['languages'])}</h2>" + "".join(f"<p>{e(x)}</p>" for x in cv.languages)
    side += f"<h2>{e(h['interests'])}</h2><p>{e(cv.interests)}</p>"
    body = (
        f"<div class=grid><div>{main}</div><div>{side}</div></div>" if two_columns else main + side
    )
    return (
        f"<!doctype html><html lang={cv.lang}><head><meta charset=utf-8><style>{DATED_CSS}"
        f"</style></head><body>{head}{body}</body></html>"
    )


def chromium() -> str | None:
    """Path of a Chromium binary, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdf(page: str, out: Path) -> None:
    """Print an HTML string to PDF with headless Chromium (no header/footer)."""
    binary = chromium()
    if binary is None:
        raise RuntimeError("chromium is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cv.html"
        src.write_text(page, encoding="utf-8")
        subprocess.run(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={out}",
                src.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
