"""reportlab renderers for the sample CVs and offers (one/two columns, running headers, words
without space glyphs, over-printed headings, an image-only scan)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sample_cvs import CV, headings

PAGE_W, PAGE_H = A4
FONT, BOLD = "Helvetica", "Helvetica-Bold"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


class Flow:
    """A column of text on a reportlab canvas, wrapping lines and breaking pages."""

    def __init__(
        self,
        canvas: Canvas,
        x: float,
        width: float,
        top: float,
        *,
        bottom: float = 50,
        no_space_glyphs: bool = False,
        size: float = 9.5,
        overprint: int = 1,
        on_new_page: Callable[[Canvas], float] | None = None,
    ) -> None:
        self.c, self.x, self.width, self.y, self.bottom = canvas, x, width, top, bottom
        self.no_space_glyphs, self.overprint, self.size = no_space_glyphs, overprint, size
        self.on_new_page = on_new_page

    def _line(self, text: str, font: str, size: float, x: float, repeat: int = 1) -> None:
        if self.y < self.bottom:
            if self.on_new_page is None:
                raise RuntimeError("content overflows the column")
            self.c.showPage()
            self.y = self.on_new_page(self.c)
        for k in range(repeat):
            # LaTeX-style CVs draw bold headings several times with sub-point offsets.
            dx = 0.02 * k
            self.c.setFont(font, size)
            if self.no_space_glyphs:
                cursor = x + dx
                for word in text.split(" "):
                    self.c.drawString(cursor, self.y, word)
                    cursor += stringWidth(word + " ", font, size)
            else:
                self.c.drawString(x + dx, self.y, text)
        self.y -= size * 1.35

    def text(
        self, text: str, *, font: str = FONT, size: float | None = None, indent: float = 0
    ) -> None:
        """Write a wrapped paragraph."""
        size = size or self.size
        words, line = text.split(), ""
        for word in words:
            trial = f"{line} {word}".strip()
            if stringWidth(trial, font, size) > self.width - indent and line:
                self._line(line, font, size, self.x + indent)
                line = word
            else:
                line = trial
        if line:
            self._line(line, font, size, self.x + indent)

    def bullet(self, text: str, size: float | None = None) -> None:
        """Write a bullet point with a hanging indent."""
        size = size or self.size
        self.c.setFont(FONT, size)
        self.c.drawString(self.x + 2, self.y, "•")
        self.text(text, size=size, indent=11)

    def heading(self, text: str) -> None:
        """Write a section heading with a rule under it."""
        self.y -= 6
        self._line(text.upper(), BOLD, 11, self.x, repeat=self.overprint)
        self.c.setLineWidth(0.5)
        self.c.line(self.x, self.y + 10, self.x + self.width, self.y + 10)
        self.y -= 2

    def gap(self, points: float = 4) -> None:
        """Leave vertical space."""
        self.y -= points


def _new_canvas(path: Path, title: str) -> Canvas:
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("CVScope sample data")
    return c


def _jobs(flow: Flow, cv: CV) -> None:
    flow.heading(headings(cv)["experience"])
    for job in cv.jobs:
        flow.text(f"{job.title} – {job.org}", font=BOLD, size=10)
        flow.text(job.dates, size=9)
        for item in job.bullets:
            flow.bullet(item)
        flow.gap()


def _education(flow: Flow, cv: CV) -> None:
    flow.heading(headings(cv)["education"])
    for degree in cv.degrees:
        flow.text(f"{degree.title} – {degree.school}", font=BOLD, size=10)
        flow.text(degree.dates, size=9)


def _side(flow: Flow, cv: CV, with_contact: bool) -> None:
    h = headings(cv)
    if with_contact:
        flow.heading("Contact")
        for line in cv.contact:
            flow.text(line)
    flow.heading(h["skills"])
    for line in cv.skills:
        flow.bullet(line)
    flow.heading(h["languages"])
    for line in cv.languages:
        flow.text(line)
    flow.heading(h["interests"])
    flow.text(cv.interests)


def _main(flow: Flow, cv: CV) -> None:
    flow.heading(headings(cv)["summary"])
    flow.text(cv.summary)
    _jobs(flow, cv)
    _education(flow, cv)


def _header(c: Canvas, cv: CV, x: float, contact: bool = True) -> float:
    c.setFont(BOLD, 20)
    c.drawString(x, PAGE_H - 60, cv.name)
    c.setFont(FONT, 12)
    c.drawString(x, PAGE_H - 78, cv.headline)
    if contact:
        c.setFont(FONT, 9)
        c.drawString(x, PAGE_H - 94, "  |  ".join(cv.contact))
    return PAGE_H - 112


def cv_pdf_one_column(cv: CV, path: Path, *, sidebar_first: bool, **style: object) -> None:
    """One-column CV; with `sidebar_first` the order is that of its two-column twin."""
    c = _new_canvas(path, f"CV {cv.name}")
    top = _header(c, cv, 50, contact=not sidebar_first)
    flow = Flow(c, 50, PAGE_W - 100, top, on_new_page=lambda _c: PAGE_H - 60, **style)  # type: ignore[arg-type]
    if sidebar_first:
        _side(flow, cv, with_contact=True)
        _main(flow, cv)
    else:
        _main(flow, cv)
        _side(flow, cv, with_contact=False)
    c.showPage()
    c.save()


def cv_pdf_two_column(cv: CV, path: Path, *, sidebar: str = "left") -> None:
    """Two-column CV with a shaded sidebar (skills, languages, interests) and a main column.

    Left sidebar: contact details are in the sidebar. Right sidebar: contact details are one
    full-width line under the name, the sidebar uses a smaller font, so its lines never share
    baselines with the main column.
    """
    c = _new_canvas(path, f"CV {cv.name}")
    c.setFillColorRGB(0.92, 0.94, 0.97)
    if sidebar == "left":
        c.rect(0, 0, 190, PAGE_H, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        top = _header(c, cv, 30, contact=False)
        side = Flow(c, 30, 145, top)
        main = Flow(c, 210, PAGE_W - 250, top, on_new_page=lambda _c: PAGE_H - 60)
        _side(side, cv, with_contact=True)
    else:
        c.rect(PAGE_W - 185, 0, 185, PAGE_H - 120, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        top = _header(c, cv, 40, contact=True)
        main = Flow(c, 40, PAGE_W - 250, top - 8, on_new_page=lambda _c: PAGE_H - 60)
        side = Flow(c, PAGE_W - 170, 140, top - 8, size=8.5)
        _side(side, cv, with_contact=False)
    _main(main, cv)
    c.showPage()
    c.save()


def cv_pdf_running_headers(cv: CV, path: Path) -> None:
    """A two-page CV with a running header and 'Page n/2' footer on each page."""
    c = _new_canvas(path, f"CV {cv.name}")
    page = [1]

    def decorate(canvas: Canvas) -> float:
        canvas.setFont(FONT, 8)
        canvas.drawString(50, PAGE_H - 30, f"{cv.name} – {cv.headline}")
        canvas.drawRightString(PAGE_W - 50, 25, f"Page {page[0]}/2")
        page[0] += 1
        return PAGE_H - 60

    decorate(c)
    top = _header(c, cv, 50)
    flow = Flow(c, 50, PAGE_W - 100, top, bottom=60, on_new_page=decorate)
    _main(flow, cv)
    c.showPage()
    decorate(c)
    flow.y = PAGE_H - 60
    _side(flow, cv, with_contact=False)
    c.showPage()
    c.save()


def offer_pdf(text: str, path: Path) -> None:
    """An offer as a simple one-column PDF."""
    lines = text.strip().splitlines()
    c = _new_canvas(path, lines[0])
    c.setFont(BOLD, 16)
    c.drawString(50, PAGE_H - 60, lines[0])
    flow = Flow(c, 50, PAGE_W - 100, PAGE_H - 85, on_new_page=lambda _c: PAGE_H - 60)
    for line in lines[1:]:
        if line.startswith("# "):
            flow.heading(line[2:])
        elif line.startswith("- "):
            flow.bullet(line[2:])
        else:
            flow.text(line)
    c.showPage()
    c.save()


def scanned_pdf(cv: CV, path: Path) -> None:
    """An image-only PDF: the CV rendered to a bitmap with Pillow, no text layer."""
    scale = 2  # 144 dpi
    img = Image.new("L", (int(PAGE_W * scale), int(PAGE_H * scale)), 255)
    draw = ImageDraw.Draw(img)
    big = ImageFont.truetype(DEJAVU, 18 * scale)
    small = ImageFont.truetype(DEJAVU, 10 * scale)
    y = 50 * scale
    lines = [cv.name, cv.headline, " | ".join(cv.contact), "", cv.summary[:90]]
    for job in cv.jobs:
        lines += ["", f"{job.title} – {job.org}", job.dates, *(f"• {b[:85]}" for b in job.bullets)]
    for i, line in enumerate(lines):
        draw.text((50 * scale, y), line, fill=0, font=big if i == 0 else small)
        y += (30 if i == 0 else 16) * scale
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    c = _new_canvas(path, "Scan")
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, PAGE_W, PAGE_H)
    c.showPage()
    c.save()
