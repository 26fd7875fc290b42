"""Task tables with no number column: each row's label written into a number column.

Some plans number nothing in a column of its own: the content cell opens with its label ("1.
Kiểm soát …" over "a) Đánh giá …"), a column holds "Nhiệm vụ 1", "Nhiệm vụ 2", or the rows are
a plain list of task names. The parser reads a number column, so such a table gets one in
front, headed "STT (theo nhãn)": the label cut off the content cell, the label column's
number, or (when no row has a label) the task's place in the list. A "- " row with units or
a time of its own is an unnumbered task (a sub-assignment) and loses its dash.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.plans import columns as C
from bot.plans.blocks import MERGED, Block, Row
from bot.plans.cells import clean

LABEL_HEADER = "STT (theo nhãn)"

# "1." / "1.2" / "a)" / "II." / "B." at the start of a cell, or "Nhiệm vụ 3:"; a letter or a
# Roman numeral needs its dot or bracket ("A Lưới" is a name, not a label).
_LABEL = re.compile(
    r"^(?:(?i:nhiệm vụ|nội dung|việc|hoạt động|công việc)\s+(?P<word>\d{1,3}|[a-zđ])\b[.):]?"
    r"|(?P<dotted>\d{1,3}(?:\.\d{1,3})+)[.)]?|(?P<number>\d{1,3})[.)]"
    r"|(?P<letter>[a-zđ]|[IVX]{1,5}|[A-ZĐ])[.)])(?:\s+|$)"
)
_DASH = re.compile(r"^[-–+•]\s+")
_LIST_HEAD = "<ul><li>"


def split_label(text: str) -> tuple[str, str] | None:
    """The label a cell opens with ("1", "a", "II", "3" of "Nhiệm vụ 3") and the rest of the
    cell, or None."""
    head = _LIST_HEAD if text.startswith(_LIST_HEAD) else ""
    body = text[len(head) :]
    m = _LABEL.match(body)
    if m is None:
        return None
    label = next(g for g in m.group("word", "dotted", "number", "letter") if g)
    return label, head + body[m.end() :]


def _is_dash_row(text: str) -> bool:
    return bool(_DASH.match(text[len(_LIST_HEAD) :] if text.startswith(_LIST_HEAD) else text))


def _undash(text: str) -> str:
    head = _LIST_HEAD if text.startswith(_LIST_HEAD) else ""
    return head + _DASH.sub("", text[len(head) :], count=1)


def _has_values(cells: tuple[str, ...], roles: tuple[str | None, ...]) -> bool:
    """A row naming units or a time of its own (a task, not a title or a cut row's rest)."""
    wanted = (*C.UNIT_ROLES, C.DEADLINE)
    return any(
        r in wanted and i < len(cells) and cells[i] != MERGED and clean(cells[i])
        for i, r in enumerate(roles)
    )


def _is_body(cells: tuple[str, ...]) -> bool:
    """Not a header line under the header (column numbers "(1) (2) …", "Chủ trì | Phối hợp")."""
    plain = tuple("" if c == MERGED else c for c in cells)
    return not C.is_numbering_row(plain) and not C.is_subheader(plain)


def _table_end(blocks: list[Block], start: int, table: int) -> int:
    """The index after the last row of the table's body (another header ends it)."""
    end = start
    while end < len(blocks):
        b = blocks[end]
        if not isinstance(b, Row) or b.table != table:
            break
        plain = tuple("" if c == MERGED else c for c in b.cells)
        if C.is_header(plain) or C.is_label_header(plain):
            break
        end += 1
    return end


def _is_bare_label(text: str) -> bool:
    found = split_label(text)
    return found is not None and not clean(found[1])


def _label_column(rows: list[tuple[str, ...]], upto: int) -> int | None:
    """A column at or left of the content column holding labels only ("Nhiệm vụ 1", "2.")."""
    for i in range(upto + 1):
        values = [clean(r[i]) for r in rows if i < len(r) and r[i] != MERGED and clean(r[i])]
        if len(values) >= 2 and all(_is_bare_label(v) for v in values):
            return i
    return None


def _renumbered(head: Row, body: list[Row]) -> list[Row]:
    """The header and body of one label table, a number column put in front."""
    header = tuple("" if c == MERGED else c for c in head.cells)
    roles = C.header_roles([header])
    ci = roles.index(C.CONTENT)
    rows = [b.cells for b in body]
    tasks = [r for r in rows if _is_body(r) and _has_values(r, roles)]
    moved = _label_column(tasks, ci)
    new_header = list(header)
    if moved == ci:
        # "Nhiệm vụ 1" under "Nhiệm vụ": the next column named for contents holds them; with
        # none, the column's cells are short contents, not labels.
        new_header[ci] = ""
        if C.CONTENT not in C.header_roles([tuple(new_header)]):
            moved, new_header[ci] = None, header[ci]
    out = [replace(head, cells=(LABEL_HEADER, *new_header))]
    labelled = moved is not None or any(split_label(clean(r[ci])) for r in tasks if ci < len(r))
    count = 0
    for row in body:
        cells = list(row.cells)
        plain = tuple("" if c == MERGED else c for c in cells)
        label = ""
        if not _is_body(plain):
            out.append(replace(row, cells=("", *cells)))
            continue
        if moved is not None and moved < len(cells) and cells[moved] != MERGED:
            found = split_label(clean(cells[moved]))
            label = found[0] if found else ""
            cells[moved] = ""
        elif ci < len(cells) and cells[ci] != MERGED:
            found = split_label(cells[ci])
            if found is not None:
                label, cells[ci] = found
            elif _is_dash_row(cells[ci]) and _has_values(plain, roles):
                cells[ci] = _undash(cells[ci])  # an unnumbered task under the one above
            elif not labelled and _has_values(plain, roles):
                count += 1
                label = str(count)
        out.append(replace(row, cells=(label, *cells)))
    return out


def number_label_tables(blocks: list[Block]) -> list[Block]:
    """The blocks with a number column written into every task table that has none."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        plain = tuple("" if c == MERGED else c for c in b.cells) if isinstance(b, Row) else ()
        if not isinstance(b, Row) or not C.is_label_header(plain):
            out.append(b)
            i += 1
            continue
        end = _table_end(blocks, i + 1, b.table)
        body = [x for x in blocks[i + 1 : end] if isinstance(x, Row)]
        out.extend(_renumbered(b, body))
        i = end
    return out
