"""Lines and table rows of a Word 97 (.doc) file, from its binary (see doc_binary.py).

A table's paragraphs end with a cell mark (\\x07); a row ends with a paragraph of its own
whose properties give the row's cell edges and vertical merges. The edges of every row of a
table make its grid, so a cell spanning columns is written out as the .docx reader does (its
text, then "" across) and a cell continuing a vertical merge as ``MERGED``. A nested table's
text is read as its outer cell's. Field codes are dropped and their results kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.plans.blocks import MERGED, Block, Line, Row
from bot.plans.budget import MAX_COLUMNS
from bot.plans.doc_binary import Para, read_paragraphs
from bot.plans.grid import cell_text
from bot.text import nfc

MAX_ROWS = 20_000
_EDGE_TOLERANCE = 30  # twips: the same column edge as written by different rows
# Characters of the text stream that are not text: field marks are handled apart.
_SPECIAL = {
    "\x0b": " ",  # line break
    "\x0c": " ",  # page or section break
    "\t": " ",
    "\xa0": " ",
    "\x1e": "-",  # non-breaking hyphen
    "\x1f": "",  # optional hyphen
    "\x01": "",  # picture
    "\x02": "",  # footnote reference
    "\x05": "",  # comment reference
    "\x08": "",  # drawn object
}
_FIELD_BEGIN, _FIELD_SEP, _FIELD_END = "\x13", "\x14", "\x15"


@dataclass
class _Row:
    cells: list[list[str]]
    edges: list[int]
    merges: list[int]
    ruled: bool


class _Fields:
    """Field codes across paragraphs: the instructions dropped, the shown result kept."""

    def __init__(self) -> None:
        self.stack: list[bool] = []  # per open field: True once its result is being shown

    def visible(self, text: str) -> str:
        out: list[str] = []
        for ch in text:
            if ch == _FIELD_BEGIN:
                self.stack.append(False)
            elif ch == _FIELD_SEP and self.stack:
                self.stack[-1] = True
            elif ch == _FIELD_END and self.stack:
                self.stack.pop()
            elif not self.stack or all(self.stack):
                out.append(_SPECIAL.get(ch, ch))
        return nfc("".join(out)).strip()


def _grid(rows: list[_Row]) -> list[int]:
    """The table's column edges: every row's, those closer than a tolerance taken as one."""
    edges: list[int] = []
    for x in sorted({e for r in rows for e in r.edges}):
        if not edges or x - edges[-1] > _EDGE_TOLERANCE:
            edges.append(x)
    return edges


def _nearest(edges: list[int], x: int) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - x))


def _other_table(above: _Row, row: Para) -> bool:
    """Two tables written one under the other are one table in a .doc: a row starts another
    when it draws no border under a ruled row (or the reverse), or when none of its inner edges
    meets one of the row above (a signature table's two cells under a task table)."""
    if above.ruled != row.ruled:
        return True
    inner_above, inner = above.edges[1:-1], row.edges[1:-1]
    if not inner_above or not inner:
        return False
    return not any(abs(a - b) <= _EDGE_TOLERANCE for a in inner_above for b in inner)


def _table_rows(rows: list[_Row]) -> list[tuple[str, ...]]:
    """Rows shaped as the .docx reader's: spans written out, merged cells marked."""
    grid = _grid(rows)
    width = min(MAX_COLUMNS, max(len(grid) - 1, max((len(r.cells) for r in rows), default=0)))
    out: list[tuple[str, ...]] = []
    for r in rows:
        cells = [""] * width
        regular = len(r.edges) == len(r.cells) + 1 and 2 <= len(grid) <= MAX_COLUMNS + 1
        for k, paras in enumerate(r.cells):
            left = _nearest(grid, r.edges[k]) if regular else k
            right = max(left, _nearest(grid, r.edges[k + 1]) - 1) if regular else k
            merged = k < len(r.merges) and r.merges[k] == 1
            if left >= width:
                continue
            cells[left] = MERGED if merged else cell_text(paras)
            for c in range(left + 1, min(right, width - 1) + 1):
                cells[c] = MERGED if merged else ""
        out.append(tuple(cells))
    return out


def blocks_of(paras: list[Para]) -> list[Block]:
    """Lines and table rows, in order, from a .doc's paragraphs."""
    blocks: list[Block] = []
    fields = _Fields()
    rows: list[_Row] = []
    cells: list[list[str]] = []
    current: list[str] = []
    table = 0
    count = 0

    def flush() -> None:
        nonlocal table, rows
        if rows:
            table += 1
            blocks.extend(Row(cells, table, exact=True) for cells in _table_rows(rows))
        rows = []

    for p in paras:
        text = fields.visible(p.text)
        if p.depth == 0:
            flush()
            if text:
                blocks.append(Line(text))
            continue
        if p.depth > 1:  # a nested table: its text is the outer cell's
            if not p.row_end:
                current.append(text)
            continue
        if p.row_end:
            count += 1
            if count > MAX_ROWS:
                break
            if rows and _other_table(rows[-1], p):
                flush()
            rows.append(_Row(cells, p.edges, p.merges, p.ruled))
            cells = []
            continue
        current.append(text)
        if p.mark == "\x07":
            cells.append(current)
            current = []
    flush()
    return blocks


def binary_doc_blocks(data: bytes) -> list[Block]:
    """Lines and table rows of a Word 97 file read from its binary; raises DocError."""
    return blocks_of(read_paragraphs(data))
