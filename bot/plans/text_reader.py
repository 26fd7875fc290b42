"""Reader for the tab-separated text export of a plan (.docx saved as text)."""

from __future__ import annotations

from bot.plans.blocks import Block, Line, Row
from bot.plans.budget import MAX_COLUMNS, ReadBudget
from bot.text import nfc


def read_text_blocks(text: str, budget: ReadBudget | None = None) -> list[Block]:
    """Split an export into lines and table rows (a line with a tab is a row).

    Consecutive rows belong to one table; a blank line between two rows does not end it
    (exports put blank lines where a page broke), a line of prose does.
    """
    budget = budget if budget is not None else ReadBudget()
    blocks: list[Block] = []
    table = 0
    in_table = False
    for n, raw in enumerate(nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        budget.spend(rows=1, text_chars=len(raw))
        if "\t" in raw:
            if not in_table:
                table += 1
                in_table = True
            cells = raw.split("\t", MAX_COLUMNS)
            if len(cells) > MAX_COLUMNS:
                budget.note(f"Dòng {n}: hơn {MAX_COLUMNS} cột, bỏ qua các cột sau.")
                cells = cells[:MAX_COLUMNS]
            budget.spend(cells=len(cells))
            blocks.append(Row(tuple(cells), table))
        elif raw.strip():
            in_table = False
            blocks.append(Line(raw.strip()))
    return blocks
