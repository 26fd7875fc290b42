"""Reader for the tab-separated text export of a plan (.docx saved as text)."""

from __future__ import annotations

from bot.plans.blocks import Block, Line, Row
from bot.text import nfc


def read_text_blocks(text: str) -> list[Block]:
    """Split an export into lines and table rows (a line with a tab is a row).

    Consecutive rows belong to one table; a blank line between two rows does not end it
    (exports put blank lines where a page broke), a line of prose does.
    """
    blocks: list[Block] = []
    table = 0
    in_table = False
    for raw in nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\t" in raw:
            if not in_table:
                table += 1
                in_table = True
            blocks.append(Row(tuple(raw.split("\t")), table))
        elif raw.strip():
            in_table = False
            blocks.append(Line(raw.strip()))
    return blocks
