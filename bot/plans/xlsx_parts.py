"""A workbook's part sheets: the "Phần II. <title>" heading of a sheet's title block, total rows.

A plan split into parts, one sheet each, names the part in the sheet's title block rather than in
a row of its table. The heading becomes the section of the sheet's tasks in the form the parser
reads: a Roman or letter part as a section row before the table's first labelled row, a numbered
part ("Phần 2. …") as an appendix line "2. …" just before the header. A row under a table that
counts its tasks ("Tổng số: 6 nhiệm vụ", often a formula) is not a task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.plans import columns as C
from bot.plans.blocks import Block, Line, Row
from bot.plans.cells import clean
from bot.text import fold

# "Phần II. <title>", "PHẦN 2: <title>", "Phần B - <title>": the word, a label, a mark, a title.
_PART = re.compile(r"^(?i:phần)\s+([IVX]{1,5}|[A-ZĐ]|\d{1,2})\s*[.:\-–]\s*(\S.*)$", re.DOTALL)
# A count under a table: "Tổng số: 6 nhiệm vụ", "Tổng cộng 18", "Cộng:"; not "Tổng số hồ sơ …".
_TOTAL = re.compile(r"^(?:tong so|tong cong|cong)\s*(?:[:(]|\d|nhiem vu|cong viec|viec\b|$)")


@dataclass(frozen=True)
class Part:
    """A part of the plan named by a sheet's title block."""

    label: str
    title: str


def part_of(lines: list[str]) -> Part | None:
    """The part heading among a sheet's title-block lines (the first one), or None."""
    for line in lines:
        m = _PART.match(clean(line))
        if m:
            return Part(m.group(1), clean(m.group(2)))
    return None


def is_total_row(cells: tuple[str, ...]) -> bool:
    """A row with no label whose first text counts the tasks (a total under the table)."""
    if not cells or clean(cells[0]):
        return False
    first = next((clean(c) for c in cells[1:] if clean(c)), "")
    return bool(first) and first[0].isupper() and bool(_TOTAL.match(fold(first)))


def part_blocks(
    part: Part | None, rows: list[Row], roles: tuple[str | None, ...], label: re.Pattern[str]
) -> list[Block]:
    """A sheet's table rows (header first) with its part heading placed where the parser reads
    sections: a numbered part as a line before the header, any other as a section row (label,
    title in the content column) before the first row whose first cell is a label."""
    if part is None or not rows:
        return list(rows)
    if part.label.isdigit():
        return [Line(f"{part.label}. {part.title}"), *rows]
    width = len(rows[0].cells)
    cells = [""] * width
    cells[0] = part.label
    content = roles.index(C.CONTENT) if C.CONTENT in roles else 1
    cells[min(content, width - 1)] = part.title
    section = Row(tuple(cells), rows[0].table, exact=True)
    at = next(
        (i for i, row in enumerate(rows[1:], start=1) if label.match(clean(row.cells[0]))),
        len(rows),
    )
    return [*rows[:at], section, *rows[at:]]
