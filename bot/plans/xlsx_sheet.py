"""A worksheet as Excel shows it: a grid of cell texts, merged ranges applied as a .docx gives them.

Hidden rows and columns (hidden, collapsed into an outline, or sized to zero) are left out, and
so are rows struck through (every text cell's font struck: a task deleted but kept in sight).
A merged range's value belongs to the whole range: across a row it reads like a .docx
``gridSpan``, down rows like a ``vMerge`` (``MERGED`` on the rows below); when the range's
first row or column is hidden, its value shows in the first one still visible, as in Excel.
Alt+Enter lines in a cell are kept apart like paragraphs, a date cell reads as its number
format shows it ("30/06/2026"), a whole number stored as 1.0 reads "1".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, datetime, time
from typing import Any

from bot.plans.blocks import MERGED
from bot.plans.grid import cell_text

MAX_ROWS = 5000
MAX_COLS = 40
_DATE_TOKEN = re.compile(r"yyyy|yy|dddd|ddd|dd|d|mmmmm|mmmm|mmm|mm|m")
_DEFAULT_DATE = "%d/%m/%Y"


def date_text(value: date, number_format: str | None) -> str:
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


def value_lines(value: Any, number_format: str | None) -> list[str]:
    """A cell's value as the lines the sheet shows."""
    if value is None:
        return []
    if isinstance(value, datetime | date):
        return [date_text(value, number_format)]
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


def _hidden_rows(ws: Any, n_rows: int) -> set[int]:
    """Rows (0-based) Excel does not show: hidden, or given no height."""
    out: set[int] = set()
    for index, dim in ws.row_dimensions.items():
        if 1 <= index <= n_rows and (dim.hidden or dim.ht == 0):
            out.add(index - 1)
    return out


def _hidden_columns(ws: Any, n_cols: int) -> set[int]:
    """Columns (0-based) Excel does not show: hidden, or given no width."""
    from openpyxl.utils import column_index_from_string

    out: set[int] = set()
    for key, dim in ws.column_dimensions.items():
        if not (dim.hidden or (dim.customWidth and not dim.width)):
            continue
        first = dim.min or column_index_from_string(key)
        last = dim.max or first
        out.update(range(first - 1, min(last, n_cols)))
    return out


def _is_struck(cells: list[Any], lines: list[list[str]]) -> bool:
    """Every cell with text has its font struck through (a task deleted in sight)."""
    texts = [c for c, ls in zip(cells, lines, strict=True) if ls]
    return bool(texts) and all(c.font is not None and c.font.strike for c in texts)


class Sheet:
    """A worksheet's shown rows and columns; ``hidden`` and ``struck`` count the rows left out."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.title = str(ws.title)
        n_rows = min(ws.max_row or 0, MAX_ROWS)
        n_cols = min(ws.max_column or 0, MAX_COLS)
        gone_rows, gone_cols = _hidden_rows(ws, n_rows), _hidden_columns(ws, n_cols)
        self.cols = [c for c in range(n_cols) if c not in gone_cols]
        self.rows: list[int] = []  # the sheet's row (0-based) of each row shown
        all_lines: list[list[list[str]]] = []
        self.hidden = self.struck = 0
        for r, row in enumerate(ws.iter_rows(min_row=1, max_row=n_rows, max_col=n_cols)):
            lines = [value_lines(c.value, c.number_format) for c in row]
            all_lines.append(lines)
            shown = [row[c] for c in self.cols]
            if r in gone_rows:
                self.hidden += any(lines)
            elif _is_struck(shown, [lines[c] for c in self.cols]):
                self.struck += 1
            else:
                self.rows.append(r)
        self.n_rows, self.n_cols = len(self.rows), len(self.cols)
        self.lines = [[all_lines[r][c] for c in self.cols] for r in self.rows]
        for rng in ws.merged_cells.ranges:
            self._merge(
                all_lines, rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1
            )
        self.text = [[cell_text(ls) for ls in row] for row in self.lines]
        self.right_edge = [
            max((c for c, t in enumerate(row) if t), default=-1) for row in self.text
        ]
        for rng in ws.merged_cells.ranges:
            self._place(rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1)

    def _shown(self, top: int, left: int, bottom: int, right: int) -> tuple[int, int, int, int]:
        """A range of the sheet as shown rows and columns (empty when all of it is hidden)."""
        return (
            bisect_left(self.rows, top),
            bisect_left(self.cols, left),
            bisect_right(self.rows, bottom) - 1,
            bisect_right(self.cols, right) - 1,
        )

    def _merge(self, all_lines: list[list[list[str]]], top: int, left: int, bottom: int, right: int) -> None:  # fmt: skip
        """The range's value in its first shown cell, the others of the range empty."""
        t, lft, b, rgt = self._shown(top, left, bottom, right)
        if t > b or lft > rgt or top >= len(all_lines) or left >= len(all_lines[top]):
            return
        for r in range(t, b + 1):
            for c in range(lft, rgt + 1):
                self.lines[r][c] = []
        self.lines[t][lft] = all_lines[top][left]

    def _place(self, top: int, left: int, bottom: int, right: int) -> None:
        """``MERGED`` below the range's first shown row; its text reaches the range's right edge."""
        t, lft, b, rgt = self._shown(top, left, bottom, right)
        if t > b or lft > rgt:
            return
        if self.text[t][lft]:
            self.right_edge[t] = max(self.right_edge[t], rgt)
        for r in range(t + 1, b + 1):
            for c in range(lft, rgt + 1):
                self.text[r][c] = MERGED

    def plain(self, r: int) -> tuple[str, ...]:
        """Row ``r``'s texts, a merged continuation as empty."""
        return tuple("" if t == MERGED else t for t in self.text[r])

    def blank(self, r: int) -> bool:
        return not any(self.plain(r))

    def bordered(self, r: int, left: int, right: int) -> bool:
        """Whether any cell of row ``r`` between the columns has a border drawn."""
        for c in range(left, right + 1):
            b = self.ws.cell(row=self.rows[r] + 1, column=self.cols[c] + 1).border
            if any(side is not None and side.style for side in (b.left, b.right, b.top, b.bottom)):
                return True
        return False
