"""DOCX reading: an ordered walk of w:body (paragraphs, nested tables, content controls, text
boxes via mc:Choice only), headers and footers, with a zip-bomb guard."""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from analysis.errors import (
    CorruptError,
    EncryptedError,
    NoTextLayerError,
    TooLargeError,
    UnsupportedFormatError,
)
from analysis.parsing.limits import Deadline, Limits
from analysis.parsing.messages import PAGE_NUMBER, make_warning
from analysis.parsing.raw import RawText

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_T, _P, _TBL, _TR, _TC = (f"{{{W}}}{t}" for t in ("t", "p", "tbl", "tr", "tc"))
_TAB, _BR, _CR = (f"{{{W}}}{t}" for t in ("tab", "br", "cr"))
_NBH, _SH, _TXBX = f"{{{W}}}noBreakHyphen", f"{{{W}}}softHyphen", f"{{{W}}}txbxContent"
_SKIP = {f"{{{W}}}{t}" for t in ("del", "delText", "instrText", "rPr", "pPr", "fldData")}
_SKIP |= {f"{{{MC}}}Fallback", f"{{{W}}}sectPr", f"{{{W}}}tblPr", f"{{{W}}}tcPr"}
_CHOICE, _ALTERNATE = f"{{{MC}}}Choice", f"{{{MC}}}AlternateContent"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
_VMERGE = f"{{{W}}}vMerge"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_WRAPPERS = {f"{{{W}}}{t}" for t in ("sdt", "sdtContent", "customXml", "ins")}


class _Walker:
    """Collects text lines in document order; text boxes and tables are noted."""

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.lines: list[str] = []
        self.box_lines: list[str] = []
        self.tables = 0
        self.images = 0
        self._steps = 0

    def block(self, element: etree._Element, into: list[str]) -> None:
        """Walk block-level content (body, cell, text box, header)."""
        for child in element:
            self._tick()
            tag = child.tag
            if tag == _P:
                self.paragraph(child, into)
            elif tag == _TBL:
                self.table(child, into)
            elif tag in _WRAPPERS or tag == _ALTERNATE or tag == _CHOICE:
                self.block(child, into)

    def table(self, tbl: etree._Element, into: list[str]) -> None:
        """Each cell once, row by row, recursing into nested tables."""
        self.tables += 1
        for row in _children(tbl, _TR):
            cells: list[list[str]] = []
            for cell in _children(row, _TC):
                self._tick()
                merge = cell.find(f"{{{W}}}tcPr/{_VMERGE}")
                if merge is not None and merge.get(f"{{{W}}}val") in (None, "continue"):
                    continue  # continuation of a vertically merged cell: no own content
                lines: list[str] = []
                self.block(cell, lines)
                cells.append([line for line in lines if line.strip()])
            if len(cells) > 1 and all(len(c) <= 1 for c in cells):
                into.append(" | ".join(c[0] for c in cells if c))  # a data row: one line
            else:
                for lines in cells:
                    into.extend(lines)

    def paragraph(self, p: etree._Element, into: list[str]) -> None:
        """Text of a paragraph; text boxes anchored in it become their own lines."""
        parts: list[str] = []
        boxes: list[etree._Element] = []
        self._inline(p, parts, boxes)
        text = "".join(parts)
        if text.strip() and _is_list_item(p):
            text = "• " + text
        for segment in text.split("\n"):
            into.append(segment)
        for box in boxes:
            lines: list[str] = []
            self.block(box, lines)
            self.box_lines.extend(line for line in lines if line.strip())
            into.extend(lines)

    def _inline(self, element: etree._Element, parts: list[str], boxes: list) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append(" ")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == _NBH:
                parts.append("-")
            elif tag == _SH:
                parts.append("\u00ad")
            elif tag == _TXBX:
                boxes.append(child)
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self._inline(choice, parts, boxes)
            else:
                if tag == _PIC:
                    self.images += 1
                self._inline(child, parts, boxes)

    def _tick(self) -> None:
        self._steps += 1
        if not self._steps & 1023:
            self.deadline.check()


def _is_list_item(p: etree._Element) -> bool:
    """Numbered/bulleted paragraph (direct numbering or a List style): shown with a bullet."""
    ppr = p.find(f"{{{W}}}pPr")
    if ppr is None:
        return False
    if ppr.find(f"{{{W}}}numPr") is not None:
        return True
    style = ppr.find(f"{{{W}}}pStyle")
    return style is not None and "List" in (style.get(f"{{{W}}}val") or "")


def _children(element: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children with `tag`, looking through content controls and custom XML."""
    found: list[etree._Element] = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _WRAPPERS:
            found.extend(_children(child, tag))
    return found


def check_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open the DOCX zip, refusing zip bombs and files that are not Word documents."""
    if data.startswith(_OLE_MAGIC):
        raise EncryptedError(
            "this Word file is password-protected (or an old .doc file): save it as a DOCX "
            "without a password, or as a PDF"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptError(f"the DOCX file is damaged ({exc})") from None
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > limits.max_docx_uncompressed or (
            info.file_size > 1_000_000 and ratio > limits.max_docx_ratio
        ):
            raise TooLargeError(
                "the DOCX expands to more than "
                f"{limits.max_docx_uncompressed // 1_000_000} MB (or is a zip bomb)"
            )
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        kind = (
            "a spreadsheet"
            if "xl/workbook.xml" in names
            else ("an OpenDocument file" if "content.xml" in names else "a zip archive")
        )
        raise UnsupportedFormatError(
            f"this is {kind}, not a Word document: save the CV as DOCX or PDF"
        )
    return archive


def read_docx(data: bytes, limits: Limits, deadline: Deadline) -> RawText:
    """Read a DOCX in document order: header(s), body, footer(s)."""
    archive = check_zip(data, limits)
    try:
        doc = Document(io.BytesIO(data))
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
        zipfile.BadZipFile,
    ) as e:
        raise CorruptError(f"the DOCX file is damaged ({e})") from None
    walker = _Walker(deadline)
    body: list[str] = []
    walker.block(doc.element.body, body)
    header: list[str] = []
    footer: list[str] = []
    seen: set[int] = set()
    for section in doc.sections:
        for attr, into in (
            ("first_page_header", header),
            ("header", header),
            ("even_page_header", header),
            ("first_page_footer", footer),
            ("footer", footer),
            ("even_page_footer", footer),
        ):
            part = getattr(section, attr)
            if part.is_linked_to_previous or id(part.part) in seen:
                continue
            seen.add(id(part.part))
            walker.block(part._element, into)
    header = [line for line in header if not PAGE_NUMBER.match(line.strip())]
    footer = [line for line in footer if not PAGE_NUMBER.match(line.strip())]
    if not any(line.strip() for line in header + body + footer) and walker.images:
        raise NoTextLayerError(
            "this Word file only holds pictures of text: most ATS will read nothing from it. "
            "Type the CV as text in the document (or export a PDF with text from the original)"
        )
    raw = RawText("docx", _page_count(archive, body), header + [""] + body + [""] + footer)
    body_text = _squash("\n".join(body))
    only_hf = [t for t in header + footer if t.strip() and _squash(t) not in body_text]
    if only_hf:
        raw.warnings.append(make_warning("header_footer_text", f"'{only_hf[0].strip()[:60]}'"))
    outside = _squash("\n".join(line for line in body if line not in walker.box_lines))
    only_box = [t for t in walker.box_lines if _squash(t) not in outside]
    if only_box:
        raw.warnings.append(make_warning("text_box", f"'{only_box[0].strip()[:60]}'"))
    if walker.tables:
        raw.warnings.append(make_warning("tables", f"{walker.tables} table(s)"))
    if walker.images:
        raw.warnings.append(make_warning("images", f"{walker.images}"))
    return raw


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _page_count(archive: zipfile.ZipFile, body: list[str]) -> int:
    """Pages as last saved by Word (docProps/app.xml), else an estimate (about 450 words)."""
    try:
        app = archive.read("docProps/app.xml").decode("utf-8", "replace")
        match = re.search(r"<(?:\w+:)?Pages>(\d+)<", app)
        if match and int(match.group(1)) > 0:
            return int(match.group(1))
    except KeyError:
        pass
    words = sum(len(line.split()) for line in body)
    return max(1, -(-words // 450))
