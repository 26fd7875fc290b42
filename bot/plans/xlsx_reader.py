"""Reader for plans kept in Excel (.xlsx, openpyxl): the sheet holding the task table.

The workbook is opened in normal mode (read-only worksheets do not list merged ranges) with the
cached values of formulas. A merged range's value belongs to the whole range: across a row it
reads like a .docx ``gridSpan``, down rows like a ``vMerge`` (``MERGED`` on the rows below).
Alt+Enter lines in a cell are kept apart like paragraphs, a date cell reads as its number
format shows it ("30/06/2026"), a whole number stored as 1.0 reads "1". The rows above the
table (issuer, number, date, title) become lines for the metadata reader.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time
from typing import Any

from bot.errors import BadDocument
from bot.plans import columns as C
from bot.plans.blocks import MERGED, Block, Line, Row
from bot.plans.cells import clean
from bot.plans.grid import cell_text
from bot.plans.intake import open_zip

MAX_ROWS = 5000
MAX_COLS = 40
_LABEL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-ZĐ])\.?$")
_DATE_TOKEN = re.compile(r"yyyy|yy|dddd|ddd|dd|d|mmmmm|mmmm|mmm|mm|m")
_DEFAULT_DATE = "%d/%m/%Y"


def _date_text(value: date, number_format: str | None) -> str:
    """A date as its cell shows it; Excel's locale short date (and anything odd) as dd/mm/yyyy."""
    fmt = re.sub(r"\[[^\]]*\]", "", number_format or "").split(";")[0]
    fmt = fmt.replace("\\", "").replace('"', "").lower()
    fmt = re.split(r"\s*h", fmt)[0].strip()  # the time part, if any, is left out
    if fmt in ("", "general", "mm-dd-yy", "m/d/yy", "d-mmm-yy", "d-mmm", "mmm-yy") or not (
        "d" in fmt and "m" in fmt and "y" in fmt
    ):
        return value.strftime(_DEFAULT_DATE)

    def token(m: re.Match[str]) -> str:
        t = m.group(0)
        if t.startswith("y"):
            return f"{value.year:04d}" if len(t) == 4 else f"{value.year % 100:02d}"
        if t.startswith("d"):
            return "" if len(t) > 2 else (f"{value.day:02d}" if len(t) == 2 else str(value.day))
        return f"{value.month:02d}" if len(t) != 1 else str(value.month)

    return _DATE_TOKEN.sub(token, fmt).strip(" ,")


def _value_lines(value: Any, number_format: str | None) -> list[str]:
    """A cell's value as the lines the sheet shows."""
    if value is None:
        return []
    if isinstance(value, datetime | date):
        return [_date_text(value, number_format)]
    if isinstance(value, time):
        return [value.strftime("%H:%M")]
    if isinstance(value, bool):
        return [str(value).upper()]
    if isinstance(value, float):
        return [str(int(value)) if value.is_integer() else f"{value:g}"]
    if isinstance(value, int):
        return [str(value)]
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")
    return [line for line in text.split("\n") if line.strip()]


class _Sheet:
    """A worksheet as a grid of cell texts, merged ranges applied the way the .docx reader does."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.n_rows = min(ws.max_row or 0, MAX_ROWS)
        self.n_cols = min(ws.max_column or 0, MAX_COLS)
        self.lines: list[list[list[str]]] = []
        for row in ws.iter_rows(min_row=1, max_row=self.n_rows, max_col=self.n_cols):
            self.lines.append([_value_lines(c.value, c.number_format) for c in row])
        self.text = [[cell_text(ls) for ls in row] for row in self.lines]
        self.right_edge = [0] * self.n_rows  # the last column a row's cells reach
        for r, row in enumerate(self.text):
            filled = [c for c, t in enumerate(row) if t]
            self.right_edge[r] = filled[-1] if filled else -1
        for rng in ws.merged_cells.ranges:
            top, left = rng.min_row - 1, rng.min_col - 1
            bottom, right = min(rng.max_row, self.n_rows) - 1, min(rng.max_col, self.n_cols) - 1
            if top >= self.n_rows or left >= self.n_cols:
                continue
            if self.text[top][left]:
                self.right_edge[top] = max(self.right_edge[top], right)
            for r in range(top + 1, bottom + 1):
                for c in range(left, right + 1):
                    self.text[r][c] = MERGED

    def plain(self, r: int) -> tuple[str, ...]:
        return tuple("" if t == MERGED else t for t in self.text[r])

    def blank(self, r: int) -> bool:
        return not any(self.plain(r))

    def bordered(self, r: int, left: int, right: int) -> bool:
        for c in range(left, right + 1):
            b = self.ws.cell(row=r + 1, column=c + 1).border
            if any(side is not None and side.style for side in (b.left, b.right, b.top, b.bottom)):
                return True
        return False


def _header_at(sheet: _Sheet) -> tuple[int, int, int] | None:
    """(row, first column, last column) of the first usable task-table header of the sheet."""
    for r in range(sheet.n_rows):
        row = sheet.plain(r)
        filled = [c for c, t in enumerate(row) if t]
        if len(filled) < 2:
            continue
        left = filled[0]
        cells = row[left:]
        if C.is_header(cells) and C.is_usable(C.header_roles([cells])):
            return r, left, max(sheet.right_edge[r], filled[-1])
    return None


def _table_end(sheet: _Sheet, header: int, left: int, right: int) -> int:
    """The last row of the table: it ends at blank rows not followed by a task or section row,
    or, when its header has borders, at the first row without any."""
    borders = sheet.bordered(header, left, right)
    end, r = header, header + 1
    while r < sheet.n_rows:
        if sheet.blank(r):
            nxt = next((k for k in range(r + 1, sheet.n_rows) if not sheet.blank(k)), None)
            if nxt is None or not _LABEL.match(clean(sheet.plain(nxt)[left])):
                break
            r = nxt
            continue
        if borders and not sheet.bordered(r, left, right):
            break
        end = r
        r += 1
    return end


def _tasks_below(sheet: _Sheet, header: int, left: int, end: int) -> int:
    return sum(
        1
        for r in range(header + 1, end + 1)
        if re.match(r"^\d{1,3}(?:\.\d{1,3})*\.?$", clean(sheet.plain(r)[left]))
    )


def _lines(sheet: _Sheet, rows: range) -> list[Block]:
    out: list[Block] = []
    for r in rows:
        for c, lines in enumerate(sheet.lines[r]):
            if sheet.text[r][c] != MERGED:
                out.extend(Line(line.strip()) for line in lines if line.strip())
    return out


def read_xlsx_blocks(data: bytes) -> list[Block]:
    """Lines before the task table, its rows, and the lines after it, of the best sheet."""
    import openpyxl  # imported here: only spreadsheets pay for it

    open_zip(data, kind=".xlsx").close()  # damaged or a zip bomb: refused before openpyxl
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise BadDocument("Tệp .xlsx bị hỏng, không đọc được nội dung bảng tính.") from exc
    try:
        sheets = [_Sheet(ws) for ws in wb.worksheets if ws.sheet_state == "visible"]
    finally:
        wb.close()
    best: tuple[int, _Sheet, int, int, int, int] | None = None
    for sheet in sheets:
        found = _header_at(sheet)
        if found is None:
            continue
        header, left, right = found
        end = _table_end(sheet, header, left, right)
        count = _tasks_below(sheet, header, left, end)
        if best is None or count > best[0]:
            best = (count, sheet, header, left, right, end)
    if best is None:
        # No task-table header anywhere: every row of the fullest sheet, for the parser to judge.
        fullest = max(sheets, key=lambda s: s.n_rows, default=None)
        if fullest is None:
            raise BadDocument("Bảng tính không có trang tính nào có nội dung.")
        return [
            Row(tuple(fullest.text[r]), 1, exact=True)
            for r in range(fullest.n_rows)
            if not fullest.blank(r)
        ]
    _count, sheet, header, left, right, end = best
    blocks = _lines(sheet, range(header))
    for r in range(header, end + 1):
        if not sheet.blank(r) or MERGED in sheet.text[r][left : right + 1]:
            blocks.append(Row(tuple(sheet.text[r][left : right + 1]), 1, exact=True))
    blocks.extend(_lines(sheet, range(end + 1, sheet.n_rows)))
    return blocks
