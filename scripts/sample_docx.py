"""DOCX renderers for the sample CVs and offers (python-docx, plus raw XML for text boxes)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.table import _Cell
from sample_cvs import CV, headings

_FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def _new_document(title: str) -> DocumentObject:
    doc = Document()
    props = doc.core_properties
    props.title, props.author = title, "CVScope sample data"
    props.created = props.modified = _FIXED_DATE
    props.last_modified_by = "CVScope"
    doc.styles["Normal"].font.size = Pt(10)
    return doc


def _save(doc: DocumentObject, path: Path) -> None:
    """Save with fixed zip timestamps so that rebuilding gives identical bytes."""
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))


def _borderless(table_xml: object) -> None:
    tbl_pr = table_xml.tblPr  # type: ignore[attr-defined]
    borders = parse_xml(
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(
            f'<w:{side} w:val="nil"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
    )
    tbl_pr.append(borders)


def _cv_main(container: DocumentObject | _Cell, cv: CV) -> None:
    h = headings(cv)
    container.add_paragraph(h["summary"].upper(), style="Heading 2")
    container.add_paragraph(cv.summary)
    container.add_paragraph(h["experience"].upper(), style="Heading 2")
    for job in cv.jobs:
        p = container.add_paragraph()
        p.add_run(f"{job.title} – {job.org}").bold = True
        container.add_paragraph(job.dates)
        for item in job.bullets:
            container.add_paragraph(item, style="List Bullet")
    container.add_paragraph(h["education"].upper(), style="Heading 2")
    for degree in cv.degrees:
        p = container.add_paragraph()
        p.add_run(degree.title).bold = True
        container.add_paragraph(f"{degree.school}, {degree.dates}")


def write_cv_docx_table(cv: CV, path: Path) -> None:
    """CV laid out as a borderless 2-column table (sidebar | main), languages in a nested table."""
    doc = _new_document(f"CV {cv.name}")
    doc.add_paragraph(cv.name, style="Title")
    doc.add_paragraph(cv.headline)
    table = doc.add_table(rows=1, cols=2)
    _borderless(table._tbl)
    side, main = table.rows[0].cells
    h = headings(cv)
    side.paragraphs[0].text = "CONTACT"
    for line in cv.contact:
        p = side.add_paragraph()
        if line.startswith("linkedin.com"):
            _add_hyperlink(p, f"https://www.{line}", line)
        else:
            p.add_run(line)
    side.add_paragraph(h["skills"].upper())
    for line in cv.skills:
        side.add_paragraph(line, style="List Bullet")
    side.add_paragraph(h["languages"].upper())
    nested = side.add_table(rows=0, cols=2)
    for line in cv.languages:
        lang, _, level = line.partition(":")
        row = nested.add_row().cells
        row[0].text, row[1].text = lang.strip(), level.strip()
    side.add_paragraph(h["interests"].upper())
    side.add_paragraph(cv.interests)
    main.paragraphs[0].text = ""
    _cv_main(main, cv)
    _save(doc, path)


def _add_hyperlink(paragraph: object, url: str, text: str) -> None:
    part = paragraph.part  # type: ignore[attr-defined]
    r_id = part.relate_to(
        url,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    link = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r><w:t>{text}</w:t></w:r></w:hyperlink>'
    )
    paragraph._p.append(link)  # type: ignore[attr-defined]


_TEXTBOX = """<w:r {ns} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:v="urn:schemas-microsoft-com:vml">
<mc:AlternateContent>
 <mc:Choice Requires="wps"><w:drawing>
  <wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2"
   behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
   <wp:simplePos x="0" y="0"/>
   <wp:positionH relativeFrom="column"><wp:posOffset>4200000</wp:posOffset></wp:positionH>
   <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
   <wp:extent cx="2000000" cy="1800000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>
   <wp:wrapSquare wrapText="bothSides"/><wp:docPr id="10" name="Zone de texte 1"/>
   <wp:cNvGraphicFramePr/>
   <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
    <wps:wsp><wps:cNvSpPr txBox="1"/>
     <wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="1800000"/></a:xfrm>
      <a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
     <wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>
     <wps:bodyPr/></wps:wsp>
   </a:graphicData></a:graphic>
  </wp:anchor></w:drawing></mc:Choice>
 <mc:Fallback><w:pict><v:rect style="width:160pt;height:140pt">
  <v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""


def _textbox_run(lines: list[str]) -> object:
    paras = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{line}</w:t></w:r></w:p>' for line in lines
    )
    return parse_xml(_TEXTBOX.format(ns=nsdecls("w"), paras=paras))


def write_cv_docx_header_textbox(cv: CV, path: Path) -> None:
    """CV whose name/contact live only in the page header and whose skills sit in a text box."""
    doc = _new_document(f"CV {cv.name}")
    header = doc.sections[0].header
    header.paragraphs[0].text = cv.name
    header.add_paragraph(cv.headline)
    header.add_paragraph(" · ".join(cv.contact))
    doc.sections[0].footer.paragraphs[0].text = f"{cv.name} – CV"
    h = headings(cv)
    anchor = doc.add_paragraph()
    anchor._p.append(_textbox_run([h["skills"].upper(), *cv.skills]))
    _cv_main(doc, cv)
    doc.add_paragraph(h["languages"].upper(), style="Heading 2")
    for line in cv.languages:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_paragraph(h["interests"].upper(), style="Heading 2")
    doc.add_paragraph(cv.interests)
    _save(doc, path)


def write_offer_docx(text: str, path: Path) -> None:
    """An offer as a DOCX with real heading and list styles."""
    lines = text.strip().splitlines()
    doc = _new_document(lines[0])
    doc.add_paragraph(lines[0], style="Title")
    for line in lines[1:]:
        if line.startswith("# "):
            doc.add_paragraph(line[2:], style="Heading 2")
        elif line.startswith("- "):
            doc.add_paragraph(line[2:], style="List Bullet")
        else:
            doc.add_paragraph(line)
    _save(doc, path)


__all__ = ["write_cv_docx_header_textbox", "write_cv_docx_table", "write_offer_docx", "qn"]
