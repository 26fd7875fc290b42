"""Hostile .docx plans built in the tests: huge or non-numeric spans, repeated rows, huge cells."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HEADER = ("STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian thực hiện")
ROW = ("Rà soát thủ tục hành chính.", "Sở Tư pháp", "Quý II")
THIRD = ("Số hóa hồ sơ.", "Sở Y tế", "Quý IV")


def plan(rows: list[tuple[str, ...]]) -> docx.document.Document:
    """A plan with one task table: the header, then ``rows`` (STT filled in)."""
    doc = docx.Document()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Kiểm soát thủ tục hành chính năm 2026")
    table = doc.add_table(rows=0, cols=len(HEADER))
    for n, row in enumerate([HEADER[1:], *rows]):
        cells = table.add_row().cells
        for cell, text in zip(cells, (HEADER[0] if n == 0 else str(n), *row), strict=True):
            cell.text = text
    return doc


def to_bytes(doc: docx.document.Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _set(parent: object, tag: str, value: str) -> None:
    el = OxmlElement(tag)
    el.set(qn("w:val"), value)
    parent.append(el)  # type: ignore[attr-defined]


def with_grid_span(value: str) -> bytes:
    """Three tasks; the second's content cell claims ``w:gridSpan`` = value."""
    doc = plan([ROW, ("Công khai thủ tục.", "Sở Nội vụ", "Quý III"), THIRD])
    tc = doc.tables[0].rows[2].cells[1]._tc
    _set(tc.get_or_add_tcPr(), "w:gridSpan", value)
    return to_bytes(doc)


def with_grid_before(value: str) -> bytes:
    """Three tasks; the second row claims ``w:gridBefore`` = value (and gridAfter too)."""
    doc = plan([ROW, ("Công khai thủ tục.", "Sở Nội vụ", "Quý III"), THIRD])
    tr = doc.tables[0].rows[2]._tr
    trpr = tr.get_or_add_trPr()
    _set(trpr, "w:gridBefore", value)
    _set(trpr, "w:gridAfter", value)
    return to_bytes(doc)


def repeated(times: int) -> bytes:
    """The same row ``times`` times (numbered 1..times), then one different row."""
    return to_bytes(plan([ROW] * times + [("Công khai thủ tục.", "Sở Nội vụ", "Quý III")]))


def huge_cell(chars: int) -> bytes:
    """One task whose content cell holds ``chars`` characters (words of Vietnamese)."""
    words = "Rà soát, đánh giá thủ tục hành chính thuộc phạm vi quản lý "
    text = (words * (chars // len(words) + 1))[:chars]
    return to_bytes(plan([(text, "Sở Tư pháp", "Quý II")]))


def with_numbering(ilvl: str, start: str, fmt: str = "decimal") -> bytes:
    """Three tasks numbered by Word (numbering.xml) at list level ``ilvl`` from ``start``."""
    doc = plan([ROW, ("Công khai thủ tục.", "Sở Nội vụ", "Quý III"), THIRD])
    for row in doc.tables[0].rows[1:]:
        p = row.cells[0].paragraphs[0]
        for r in list(p.runs):
            r._r.getparent().remove(r._r)  # the number is Word's, not the text's
        numpr = OxmlElement("w:numPr")
        _set(numpr, "w:ilvl", ilvl)
        _set(numpr, "w:numId", "7")
        p._p.get_or_add_pPr().append(numpr)
    numbering = (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>'
    )
    return replace_part(to_bytes(doc), "word/numbering.xml", numbering.encode())


def replace_part(data: bytes, name: str, body: bytes) -> bytes:
    """The package with part ``name`` replaced (or added)."""
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info, src.read(info.filename))
        dst.writestr(name, body)
    return out.getvalue()
