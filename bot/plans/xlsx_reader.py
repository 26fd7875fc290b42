"""Reader for plans kept in Excel (.xlsx, openpyxl): every visible sheet holding a task table.

The workbook is opened in normal mode (read-only worksheets do not list merged ranges) with the
cached values of formulas, and each sheet read as Excel shows it (``xlsx_sheet``). The table runs
from its header over spacer rows and border-less section rows to where plain text (a note, a
signature block) or nothing follows. The rows above the first table (issuer, number, date,
title) become lines for the metadata reader.

A plan may put each part on its own sheet, in order, each with its own title block ("Phần II.
<title>") and header: each such sheet's table is read, its part heading becoming the section of
its tasks (``xlsx_parts``). Hidden sheets are not read, nor total rows under a table.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from bot.errors import BadDocument
from bot.plans import columns as C
from bot.plans.blocks import MERGED, Block, Line, Row
from bot.plans.budget import ReadBudget
from bot.plans.cells import clean
from bot.plans.intake import open_zip
from bot.plans.xlsx_parts import is_total_row, part_blocks, part_of
from bot.plans.xlsx_sheet import Sheet

# A row's label: a task number (1, 1.2, 3)), a Roman section (II), a part letter (A), a) b).
_LABEL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[IVXLC]{1,6}\.?|[A-ZĐa-zđ][.)]?)$")
_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
MAX_GAP = 6  # rows looked at past a blank or border-less row for the table going on


@dataclass(frozen=True)
class _Table:
    """Where a task table's header is, which roles it names, whether its cells have borders."""

    header: int
    left: int
    right: int
    roles: tuple[str | None, ...]
    borders: bool


def _header_at(sheet: Sheet) -> _Table | None:
    """The first usable task-table header of the sheet."""
    for r in range(sheet.n_rows):
        row = sheet.plain(r)
        filled = [c for c, t in enumerate(row) if t]
        if len(filled) < 2:
            continue
        left = filled[0]
        cells = row[left:]
        roles = C.header_roles([cells])
        if C.is_header(cells) and C.is_usable(roles):
            right = max(sheet.right_edge[r], filled[-1])
            return _Table(r, left, right, roles, sheet.bordered(r, left, right))
    return None


def _row_kind(sheet: Sheet, r: int, t: _Table) -> str | None:
    """What a row is to the table: "header" (its header again), "task" (a label and at least two
    values), "heading" (a label and a title: a section or part row), or None (other text)."""
    cells = sheet.plain(r)[t.left : t.right + 1]
    if C.is_header(cells) and C.header_roles([cells]) == t.roles:
        return "header"
    if not cells or not _LABEL.match(clean(cells[0])):
        return None
    # A value merged down from the row above counts: the row is inside the table's merges.
    values = sum(
        1 for x in sheet.text[r][t.left + 1 : t.right + 1] if x and clean(x) or x == MERGED
    )
    return "task" if values >= 2 else "heading" if values == 1 else None


def _goes_on(sheet: Sheet, r: int, t: _Table) -> int | None:
    """Past a blank or border-less row ``r``: the next row of the table, or None if it has ended.

    Plans leave spacer rows and border-less section, part or repeated header rows inside the
    table; they count when the table goes on after them (a bordered row, or a task row). Plain
    text (a note, a signature block) or nothing ends it.
    """
    for k in range(r, min(r + MAX_GAP, sheet.n_rows)):
        if sheet.blank(k):
            continue
        kind = _row_kind(sheet, k, t)
        if kind is None:
            return None
        if not t.borders or kind == "task" or sheet.bordered(k, t.left, t.right):
            return k
    return None


def _table_end(sheet: Sheet, t: _Table) -> int:
    """The last row of the table: rows follow one another, with borders if the header has them,
    and gaps are crossed where the table goes on after them."""
    end, r = t.header, t.header + 1
    while r < sheet.n_rows:
        if not sheet.blank(r) and (not t.borders or sheet.bordered(r, t.left, t.right)):
            end, r = r, r + 1
            continue
        nxt = _goes_on(sheet, r, t)
        if nxt is None:
            break
        end, r = nxt, nxt + 1
    return end


def _tasks_below(sheet: Sheet, t: _Table, end: int) -> int:
    return sum(
        1 for r in range(t.header + 1, end + 1) if _NUMBER.match(clean(sheet.plain(r)[t.left]))
    )


def _lines(sheet: Sheet, rows: range) -> list[Block]:
    out: list[Block] = []
    for r in rows:
        for c, lines in enumerate(sheet.lines[r]):
            if sheet.text[r][c] != MERGED:
                out.extend(Line(line.strip()) for line in lines if line.strip())
    return out


def _note_left_out(sheet: Sheet, budget: ReadBudget | None) -> None:
    """Tell the officer that rows Excel hides or strikes through were not read."""
    if budget is None or not (sheet.hidden or sheet.struck):
        return
    parts = [f"{sheet.hidden} dòng ẩn"] if sheet.hidden else []
    parts += [f"{sheet.struck} dòng bị gạch ngang (coi như đã xóa)"] if sheet.struck else []
    budget.note(f"Trang tính «{sheet.title}»: không đọc " + " và ".join(parts) + ".")


def _tables(sheets: list[Sheet]) -> list[tuple[Sheet, _Table, int]]:
    """Each sheet's task table (sheet, header, last row), in workbook order: the sheets whose
    table has numbered tasks, or else the first sheet with a task-table header at all."""
    found = []
    for sheet in sheets:
        t = _header_at(sheet)
        if t is not None:
            end = _table_end(sheet, t)
            found.append((_tasks_below(sheet, t, end), sheet, t, end))
    with_tasks = [(s, t, end) for count, s, t, end in found if count > 0]
    return with_tasks or [(s, t, end) for _count, s, t, end in found[:1]]


def _table_rows(sheet: Sheet, t: _Table, end: int, table: int) -> list[Row]:
    """The table's rows from its header, total rows under it left out."""
    out = []
    for r in range(t.header, end + 1):
        cells = tuple(sheet.text[r][t.left : t.right + 1])
        if (sheet.blank(r) and MERGED not in cells) or is_total_row(sheet.plain(r)[t.left :]):
            continue
        out.append(Row(cells, table, exact=True))
    return out


def read_xlsx_blocks(data: bytes, budget: ReadBudget | None = None) -> list[Block]:
    """Lines before the first task table, the rows of every sheet's task table in order (each
    part sheet's heading as its section), and the lines after the last table."""
    import openpyxl  # imported here: only spreadsheets pay for it

    open_zip(data, kind=".xlsx").close()  # damaged or a zip bomb: refused before openpyxl
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise BadDocument("Tệp .xlsx bị hỏng, không đọc được nội dung bảng tính.") from exc
    try:
        sheets = [Sheet(ws) for ws in wb.worksheets if ws.sheet_state == "visible"]
    finally:
        wb.close()
    tables = _tables(sheets)
    if not tables:
        # No task-table header anywhere: every row of the fullest sheet, for the parser to judge.
        fullest = max(sheets, key=lambda s: s.n_rows, default=None)
        if fullest is None:
            raise BadDocument("Bảng tính không có trang tính nào có nội dung.")
        _note_left_out(fullest, budget)
        return [
            Row(tuple(fullest.text[r]), 1, exact=True)
            for r in range(fullest.n_rows)
            if not fullest.blank(r)
        ]
    blocks: list[Block] = []
    for n, (sheet, t, end) in enumerate(tables, start=1):
        _note_left_out(sheet, budget)
        above = _lines(sheet, range(t.header))
        if n == 1:
            blocks.extend(above)
        part = part_of([b.text for b in above if isinstance(b, Line)])
        blocks.extend(part_blocks(part, _table_rows(sheet, t, end, n), t.roles, _LABEL))
    last, t, end = tables[-1]
    blocks.extend(_lines(last, range(end + 1, last.n_rows)))
    return blocks
