"""Reader for .docx plans (python-docx): paragraphs and tables in document order.

Vertically merged cells are kept as merged (python-docx's ``row.cells`` repeats their text on
every row they span, which would read as a new task or a new value on each row).
"""

from __future__ import annotations

import zipfile
from typing import Any

from docx.oxml.ns import qn

from bot.errors import BadDocument
from bot.plans.blocks import MERGED, Block, Line, Row
from bot.plans.budget import MAX_COLUMNS, ReadBudget, xml_number
from bot.plans.intake import open_docx_zip
from bot.plans.numbering import Numbering
from bot.plans.xml import parse_xml
from bot.text import nfc

_P, _TBL, _TR, _TC, _T = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:t")
_BODY = qn("w:body")
_CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")}
_TAB, _BR, _PPR, _NUMPR, _PSTYLE = (
    qn("w:tab"),
    qn("w:br"),
    qn("w:pPr"),
    qn("w:numPr"),
    qn("w:pStyle"),
)
_TCPR, _VMERGE, _GRIDSPAN, _VAL = qn("w:tcPr"), qn("w:vMerge"), qn("w:gridSpan"), qn("w:val")
_TRPR, _GRIDBEFORE = qn("w:trPr"), qn("w:gridBefore")
_TBLGRID, _GRIDCOL = qn("w:tblGrid"), qn("w:gridCol")


_NBHYPHEN, _SOFTHYPHEN, _CR = qn("w:noBreakHyphen"), qn("w:softHyphen"), qn("w:cr")


_TYPE = qn("w:type")


def _paragraph_text(p: Any, breaks: str = " ") -> str:
    """A paragraph's text; a non-breaking hyphen ("TT‑VPCP") is a hyphen, a soft one nothing;
    a line break (Shift+Enter) is ``breaks``."""
    parts: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR, _NBHYPHEN, _SOFTHYPHEN):
        if el.tag == _T:
            parts.append(el.text or "")
        elif el.tag == _NBHYPHEN:
            parts.append("-")
        elif el.tag in (_BR, _CR) and el.get(_TYPE) in (None, "textWrapping"):
            parts.append(breaks)
        elif el.tag != _SOFTHYPHEN:
            parts.append(" ")
    return nfc("".join(parts)).strip()


_BULLETS = ("-", "–", "•", "+")


def _is_list_item(p: Any) -> bool:
    ppr = p.find(_PPR)
    if ppr is None:
        return False
    if ppr.find(_NUMPR) is not None:
        return True
    style = ppr.find(_PSTYLE)
    return style is not None and "list" in (style.get(_VAL) or "").lower()


def _cell_text(tc: Any, numbering: Numbering | None = None) -> str:
    """A cell's text; several paragraphs become list items so unit lists stay split.

    With ``numbering`` (the row's first cell), an automatic number is written out: "1", or
    "I. Title" when the numbered paragraph also has text.
    """
    paras: list[str] = []
    for p in tc.iter(_P):
        # A line break in a cell ("Sở Y tế<br/>Công an tỉnh") parts lines as Enter does.
        lines = [t.strip() for t in _paragraph_text(p, "\n").split("\n")]
        text = lines[0]
        label = numbering.label(p) if numbering is not None and not paras else None
        if label is not None:
            text = f"{label}. {text}" if text else label
        if label is None and _is_list_item(p) and text and not text.startswith(_BULLETS):
            text = "- " + text
        paras.extend(t for t in (text, *lines[1:]) if t)
    if len(paras) <= 1:
        return paras[0] if paras else ""
    return "<ul>" + "".join(f"<li>{t}</li>" for t in paras) + "</ul>"


def _row_cells(
    tr: Any, numbering: Numbering, budget: ReadBudget, width: int, where: str
) -> tuple[str, ...]:
    """A row's cells, spans written out as empty cells, never more than ``width`` of them."""
    cells: list[str] = []
    trpr = tr.find(_TRPR)
    before = trpr.find(_GRIDBEFORE) if trpr is not None else None
    if before is not None:
        n = xml_number(before.get(_VAL), 0, 0, width, f"{where}, w:gridBefore", budget)
        cells.extend([""] * n)
    for tc in tr.iterchildren(_TC):
        if len(cells) >= MAX_COLUMNS:
            budget.note(f"{where}: hơn {MAX_COLUMNS} ô, bỏ qua các ô sau.")
            break
        tcpr = tc.find(_TCPR)
        span, merged = 1, False
        if tcpr is not None:
            gs = tcpr.find(_GRIDSPAN)
            if gs is not None:
                span = xml_number(gs.get(_VAL), 1, 1, width, f"{where}, w:gridSpan", budget)
            vm = tcpr.find(_VMERGE)
            merged = vm is not None and (vm.get(_VAL) or "continue") == "continue"
        first = not cells
        text = MERGED if merged else _cell_text(tc, numbering if first else None)
        budget.spend(text_chars=len(text))
        cells.append(text)
        cells.extend([MERGED if merged else ""] * min(span - 1, max(0, width - len(cells))))
    budget.spend(rows=1, cells=len(cells))
    return tuple(cells)


def _grid_width(tbl: Any) -> int:
    """Columns of a table's grid (w:tblGrid), within 1..MAX_COLUMNS (MAX_COLUMNS when absent)."""
    grid = tbl.find(_TBLGRID)
    count = sum(1 for _ in grid.iterchildren(_GRIDCOL)) if grid is not None else 0
    return min(count, MAX_COLUMNS) if count else MAX_COLUMNS


def _read_part(data: bytes, name: str) -> bytes | None:
    """One more part of the (already checked) package, or None when it is absent or damaged."""
    try:
        with open_docx_zip(data) as zf:
            return zf.read(name) if name in zf.namelist() else None
    except (BadDocument, OSError, ValueError, zipfile.BadZipFile):
        return None


def _top_level(parent: Any) -> Any:
    """Paragraphs and tables in order, looking inside content controls and custom XML."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _CONTAINERS:
            yield from _top_level(child)


def read_docx_blocks(data: bytes, budget: ReadBudget | None = None) -> list[Block]:
    """Lines and table rows of a .docx, in order; nested tables are read as cell text.

    Spends from ``budget`` (a fresh one when None) and leaves its notes there.
    """
    budget = budget if budget is not None else ReadBudget()
    # Only the main part is read (python-docx's XML layer, without loading styles, headers,
    # images and the rest of the package, which costs more than the whole parse).
    with open_docx_zip(data) as zf:
        try:
            root = parse_xml(zf.read("word/document.xml"))
        except Exception as exc:  # a damaged part: zlib, CRC or XML errors
            raise BadDocument("Tệp .docx bị hỏng, không đọc được nội dung.") from exc
    numbering = Numbering(lambda name: _read_part(data, name))
    body = root.find(_BODY)
    if body is None:
        raise BadDocument("Tệp .docx không có nội dung (thiếu phần thân văn bản).")
    blocks: list[Block] = []
    table = 0
    for child in _top_level(body):
        if child.tag == _P:
            text = _paragraph_text(child)
            budget.spend(rows=1, text_chars=len(text))
            if text:
                blocks.append(Line(text))
        elif child.tag == _TBL:
            table += 1
            width = _grid_width(child)
            for n, tr in enumerate(child.iterchildren(_TR), start=1):
                if n % 256 == 0:
                    budget.check_time()
                where = f"Bảng {table}, dòng {n}"
                cells = _row_cells(tr, numbering, budget, width, where)
                blocks.append(Row(cells, table, exact=True))
    budget.check_time()
    return blocks
