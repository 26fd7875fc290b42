"""Task tables whose sections sit in a first column merged down over their tasks.

"Nhóm nhiệm vụ | TT | Nội dung … " with "I. Kiểm soát …" merged over the rows of tasks 1–3 and
"II. …" over 4–6: the parser reads a section from a row of its own, so each section cell
becomes a section row put before its first task, and the columns left of the number column
are dropped. A section cell cut by a page break goes on in an unnumbered row below: its rest
is joined to the title. A title with no Roman or letter label of its own is given the next
Roman numeral, so its tasks' refs stay apart from the other sections'.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.plans import columns as C
from bot.plans.blocks import MERGED, Block, Row
from bot.plans.cells import clean
from bot.plans.numbering import roman

# A label the parser reads as a section's: "I. ", "IV) ", "A. ".
_SECTION_LABEL = re.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])[.)]\s+\S")
# A label it does not: "1. ", "Nhóm 2: ", "Phần 3. ".
_OTHER_LABEL = re.compile(r"^(?:(?i:nhóm|phần|mục)\s+)?(?:\d{1,2}|[IVX]{1,5})[.):]?\s+")


def _plain(cells: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("" if c == MERGED else c for c in cells)


def section_width(block: Block) -> int:
    """How many columns left of the number column a task table's header row has, all of them
    unnamed by the header's words (0 when the row is no such header)."""
    if not isinstance(block, Row):
        return 0
    plain = _plain(block.cells)
    if not C.is_header(plain):
        return 0
    roles = C.header_roles([plain])
    if C.STT not in roles:
        return 0
    k = roles.index(C.STT)
    return k if all(r is None for r in roles[:k]) else 0


def _table_end(blocks: list[Block], start: int, table: int) -> int:
    end = start
    while end < len(blocks):
        b = blocks[end]
        if not isinstance(b, Row) or b.table != table or C.is_header(_plain(b.cells)):
            break
        end += 1
    return end


def _title(text: str, count: int) -> str:
    """The section row's first cell: the title with a label the parser reads as a section's."""
    if _SECTION_LABEL.match(text):
        return text
    return f"{roman(count)}. {_OTHER_LABEL.sub('', text, count=1)}"


def _lifted(head: Row, body: list[Row], k: int) -> list[Row] | None:
    """The table with its section rows written out, or None when the left columns do not group
    the rows (a value on every numbered row is no section merged over several tasks). Rows
    under a header repeated after a page break may name no section: the last one goes on."""
    out: list[Row] = [replace(head, cells=head.cells[k:])]
    current: int | None = None  # where in ``out`` the open section row is
    texts: list[str] = []
    numbered = 0
    for row in body:
        left = " ".join(clean(c) for c in row.cells[:k] if c != MERGED and clean(c))
        rest = row.cells[k:]
        has_number = bool(rest) and rest[0] != MERGED and bool(clean(rest[0]))
        numbered += has_number
        if left and current is not None and not has_number:
            texts[-1] = f"{texts[-1]} {left}"  # the rest of a title cut by a page break
            cells = out[current].cells
            out[current] = replace(out[current], cells=(_title(texts[-1], len(texts)), *cells[1:]))
        elif left:
            texts.append(left)
            current = len(out)
            blank = ("",) * max(0, len(rest) - 1)
            out.append(Row((_title(left, len(texts)), *blank), row.table, exact=row.exact))
        out.append(replace(row, cells=rest))
    if texts and len(texts) >= numbered:
        return None
    return out


def lift_section_columns(blocks: list[Block]) -> list[Block]:
    """The blocks with each section merged down a first column written as a section row."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        k = section_width(b)
        if k == 0 or not isinstance(b, Row):
            out.append(b)
            i += 1
            continue
        end = _table_end(blocks, i + 1, b.table)
        body = [x for x in blocks[i + 1 : end] if isinstance(x, Row)]
        lifted = _lifted(b, body, k)
        out.extend(lifted if lifted is not None else blocks[i:end])
        i = end
    return out
