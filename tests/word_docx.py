"""Plans written the way Word writes them, for the reader's tests (python-docx + raw XML).

What Word puts in a file and a text export hides: a borderless header table with the issuer and
"Số: …", header rows marked to repeat (``tblHeader``), a spanning header (``gridSpan``) over
sub-headers, headers and lead cells merged down (``vMerge``), a row numbering the columns,
automatic numbers (``numPr`` through numbering.xml, not in the text), text split across runs,
product paragraphs inside the content cell, a landscape section.

The gold of each plan (tests/data/plans/word/*.json) was written by hand before the reader was
run on it; the forms below decide only how each task is laid out, never what it says.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

_ABSTRACT_ID, _NUM_ID = "90", "90"


def _numbering(doc: Any) -> None:
    """A multi-level list: level 0 "I." (sections), level 1 "1." (tasks), level 2 "1.1."."""
    part = doc.part.numbering_part.element
    part.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_ABSTRACT_ID}">'
            '<w:multiLevelType w:val="multilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2."/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2.%3."/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    part.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{_NUM_ID}">'
            f'<w:abstractNumId w:val="{_ABSTRACT_ID}"/></w:num>'
        )
    )


def numbered(paragraph: Any, level: int) -> None:
    """Make a paragraph an item of the automatic list (its number is not in the text)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{_NUM_ID}"/></w:numPr>'
        )
    )


def repeat_header(row: Any) -> None:
    """Mark a table row as a header row Word repeats on each page."""
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def runs(paragraph: Any, text: str) -> None:
    """Write text as several runs, the way editing leaves it (split at word boundaries)."""
    words = text.split(" ")
    third = max(1, len(words) // 3)
    pieces = [" ".join(words[:third]) + " ", " ".join(words[third : 2 * third]) + " "]
    pieces.append(" ".join(words[2 * third :]))
    for k, piece in enumerate(p for p in pieces if p.strip()):
        run = paragraph.add_run(piece)
        run.bold = k == 1  # a change of formatting is what splits runs
    if not paragraph.text.strip():
        paragraph.add_run(text)


def lines(cell: Any, items: list[str], bullet: bool = False) -> None:
    """One paragraph per item in a cell (the first reuses the cell's empty paragraph)."""
    for k, item in enumerate(items):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        runs(p, item)
        if bullet:
            p.style = "List Bullet"


def header_table(doc: Any, issuer: list[str], number: str, place_date: str) -> None:
    """The borderless two-column table above the title: issuer and number | motto and date."""
    table = doc.add_table(rows=2, cols=2)  # "Normal Table": no borders
    lines(table.cell(0, 0), issuer)
    lines(table.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    lines(table.cell(1, 0), [f"Số: {number}"])
    lines(table.cell(1, 1), [place_date])


def _landscape(doc: Any) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def _save(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _vmerge(table: Any, col: int, top: int, bottom: int) -> None:
    if bottom > top:
        table.cell(top, col).merge(table.cell(bottom, col))


def spanning_header_plan(plan: dict[str, Any], product_paragraph: set[str]) -> bytes:
    """1 / 1.1 numbering typed in the text; "Cơ quan thực hiện" over "Chủ trì | Phối hợp";
    a row "(1) … (6)"; section rows holding a number and a title only; leads merged down."""
    doc = Document()
    header_table(
        doc,
        ["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC THỌ"],
        plan["number"],
        "Đức Thọ, ngày 12 tháng 01 năm 2026",
    )
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph(
        "Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026"
    )
    doc.add_paragraph("Thực hiện Kế hoạch số 98/KH-UBND ngày 05/01/2026 của UBND tỉnh Hà Tĩnh.")
    table = doc.add_table(rows=3, cols=6)
    table.style = "Table Grid"
    top = ["STT", "Nội dung", "Cơ quan thực hiện", "", "Thời gian hoàn thành", "Sản phẩm"]
    for i, text in enumerate(top):
        if text:
            table.cell(0, i).text = text
    table.cell(1, 2).text, table.cell(1, 3).text = "Chủ trì", "Phối hợp"
    for i in range(6):
        table.cell(2, i).text = f"({i + 1})"
    for i in (0, 1, 4, 5):
        _vmerge(table, i, 0, 1)
    table.cell(0, 2).merge(table.cell(0, 3))
    for row in table.rows[:3]:
        repeat_header(row)
    section, lead_from = None, None
    for task in plan["tasks"]:
        number = task["ref"]
        head = number.split(".")[0]
        if task["section"] != section:
            section = task["section"]
            cells = table.add_row().cells
            cells[0].text, cells[1].text = head, section
            lead_from = None
        r = len(table.rows)
        cells = table.add_row().cells
        cells[0].text = number
        content = [task["content"]]
        if task["result"] and number in product_paragraph:
            content.append(f"- Sản phẩm: {task['result']}")
        elif task["result"]:
            lines(cells[5], [task["result"]])
        lines(cells[1], content)
        if lead_from is not None and lead_from[1] == task["lead"]:
            _vmerge(table, 2, lead_from[0], r)
        else:
            lines(cells[2], task["lead"], bullet=len(task["lead"]) > 1)
            lead_from = (r, task["lead"])
        lines(cells[3], task["support"], bullet=len(task["support"]) > 1)
        cells[4].text = task["deadline"] or ""
    doc.add_paragraph("Nơi nhận:")
    _landscape(doc)
    return _save(doc)


_ROMAN = re.compile(r"^([IVX]+)\.(\d+)$")


def automatic_numbers_plan(plan: dict[str, Any]) -> bytes:
    """Roman sections and task numbers drawn by Word (numPr), section rows spanning the table,
    one unit column telling lead from support by words, products as "Kết quả: …" paragraphs."""
    doc = Document()
    _numbering(doc)
    header_table(
        doc,
        ["UBND TỈNH NGHỆ AN", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"],
        plan["number"],
        "Nghệ An, ngày 20 tháng 01 năm 2026",
    )
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Kiểm soát thủ tục hành chính năm 2026 của Sở Nông nghiệp và Môi trường")
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for i, text in enumerate(
        ("TT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "Thời hạn", "Ghi chú")
    ):
        table.cell(0, i).text = text
    repeat_header(table.rows[0])
    section = None
    for task in plan["tasks"]:
        m = _ROMAN.match(task["ref"])
        assert m is not None
        if task["section"] != section:
            section = task["section"]
            cells = table.add_row().cells
            merged = cells[0].merge(cells[4])
            p = merged.paragraphs[0]
            numbered(p, 0)
            runs(p, section)
        cells = table.add_row().cells
        numbered(cells[0].paragraphs[0], 1)
        content = [task["content"]]
        if task["result"]:
            content.append(f"Kết quả: {task['result']}")
        lines(cells[1], content)
        units = list(task["lead"])
        if task["support"]:
            units = [f"{u} chủ trì" for u in task["lead"]]
            units += [f"{u} phối hợp" for u in task["support"]]
        lines(cells[2], units)
        cells[3].text = task["deadline"] or ""
        if task["notes"]:
            cells[4].text = task["notes"]
    _landscape(doc)
    return _save(doc)


def gridspan_of(data: bytes) -> int:
    """How many gridSpan / vMerge / tblHeader / numPr elements the document holds (for tests
    that check the file really is built the way Word builds it)."""
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    return sum(xml.count(tag) for tag in ("<w:gridSpan", "<w:vMerge", "<w:tblHeader", "<w:numPr"))


__all__ = ["spanning_header_plan", "automatic_numbers_plan", "gridspan_of", "numbered", "qn"]
