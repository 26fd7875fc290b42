"""What a document reader yields: lines of text and table rows, in document order."""

from __future__ import annotations

from dataclasses import dataclass

# A cell that continues a vertically merged cell of the row above (.docx only).
MERGED = "\x00merged"


@dataclass(frozen=True)
class Line:
    """A paragraph outside any table."""

    text: str


@dataclass(frozen=True)
class Row:
    """One table row; ``table`` numbers the table it belongs to (0, 1, ...).

    ``exact``: the format states its merges (.docx ``vMerge``, a workbook's merged ranges), so
    an empty cell is really empty; a text or PDF export may have lost them.
    """

    cells: tuple[str, ...]
    table: int = 0
    exact: bool = False


Block = Line | Row
