"""From lines and table rows to tasks: headers, sections, cut rows, sub-assignments, fills."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.errors import BadDocument
from bot.model import TaskDraft
from bot.plans import columns as C
from bot.plans.blocks import MERGED, Block, Line, Row
from bot.plans.cells import clean, is_time, is_units, starts_lower
from bot.plans.fields import RawTask, get, interpret, join
from bot.plans.label_column import number_label_tables
from bot.plans.lettered import split_lettered
from bot.plans.report import Notes, Table
from bot.plans.section_column import lift_section_columns
from bot.plans.sections import (
    LETTER,
    NUMBER,
    Sections,
    is_decimal_section,
    is_label_section,
    numbered_rows_after,
)

MAX_HEADER_ROWS = 4  # a header and up to three lines under it (sub-headers, column numbers)


@dataclass
class _State:
    roles: tuple[str | None, ...] | None = None
    skipping: bool = False
    seen_table: bool = False
    first_row: tuple[str, ...] | None = None
    header_table: int = -1
    prev_cells: tuple[str, ...] = ()
    prev_table: int = -1
    skip_to: int = -1
    sections: Sections = field(default_factory=Sections)
    table: Table | None = None


def _plain(cells: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("" if c == MERGED else c for c in cells)


def _on_header(blocks: list[Block], idx: int, plain: tuple[str, ...], st: _State, notes: Notes) -> None:  # fmt: skip
    """A header row: read the header lines under it and name every column."""
    st.skipping = C.is_indicator_header(plain)
    here = blocks[idx]
    table = here.table if isinstance(here, Row) else -1
    rows, end = [plain], idx
    for k in range(idx + 1, min(idx + MAX_HEADER_ROWS, len(blocks))):
        nxt = blocks[k]
        if not isinstance(nxt, Row) or nxt.table != table:
            break
        below = _plain(nxt.cells)
        if C.is_numbering_row(below):
            notes.skip("dòng đánh số cột dưới tiêu đề", below)
        elif C.is_subheader(below):
            rows.append(below)
        else:
            break
        end = k
    st.skip_to = end
    texts, named = C.header_texts(rows), C.header_roles(rows)
    if st.table is not None and (st.table.headers, st.table.named) == (texts, named):
        # The same header again: repeated after a page break, or the next table of that form.
        st.roles, st.seen_table, st.header_table = st.table.roles, True, table
        return
    roles, by_content = C.roles_by_cells(named, _body(blocks, end + 1, table))
    if not C.is_usable(roles):
        return
    if st.skipping:
        notes.skip("bảng chỉ tiêu (không phải bảng nhiệm vụ)")
    st.table = Table(texts, roles, by_content, named)
    if not st.skipping:
        notes.tables.append(st.table)
    st.roles, st.seen_table, st.header_table = roles, True, table


def _body(blocks: list[Block], start: int, table: int) -> list[tuple[str, ...]]:
    """The task rows under a header (numbered rows of the same table), for reading columns."""
    out = []
    for block in blocks[start : start + 400]:
        if not isinstance(block, Row) or block.table != table:
            break
        plain = _plain(block.cells)
        if C.is_header(plain):
            break
        if plain and NUMBER.match(clean(plain[0])):
            out.append(plain)
    return out


def parse_blocks(blocks: list[Block], notes: Notes | None = None) -> list[TaskDraft]:
    """Read every task of the plan's task tables."""
    notes = notes if notes is not None else Notes()
    blocks = lift_section_columns(number_label_tables(blocks))
    st = _State()
    tasks: list[RawTask] = []
    last_numbered: RawTask | None = None
    for idx, block in enumerate(blocks):
        if isinstance(block, Line):
            st.sections.on_line(block.text, blocks, idx, st.seen_table, st.skipping)
            continue
        if idx <= st.skip_to:
            continue
        raw_cells = tuple(c.strip() if c != MERGED else MERGED for c in block.cells)
        cells = raw_cells
        if MERGED in cells and st.roles is not None:
            above = st.prev_cells if st.prev_table == block.table else None
            cells = _resolve_merged(cells, st.roles, above, notes)
        st.prev_cells, st.prev_table = cells, block.table
        if st.first_row is None and sum(1 for c in cells if c and c != MERGED) >= 2:
            st.first_row = cells
        plain = _plain(cells)
        if C.is_header(plain):
            _on_header(blocks, idx, plain, st, notes)
            continue
        if st.roles is None:
            continue
        if st.skipping:
            continue
        if C.is_numbering_row(plain) or _repeats_header(plain, st.table):
            notes.skip("dòng tiêu đề lặp lại hoặc đánh số cột", plain)
            continue
        if block.table != st.header_table and len(cells) != len(st.roles):
            # Another table (a signature or layout table), not the task table going on.
            if any(clean(c) for c in plain):
                notes.skip("bảng khác (số cột khác bảng nhiệm vụ)")
            continue
        roles = st.roles
        first = clean(cells[0]) if cells and cells[0] != MERGED else ""
        others = [clean(c) for c in cells[1:] if c != MERGED]
        if is_label_section(first, raw_cells, roles):
            notes.sections.append(first.split(".")[0].split(" ")[0])
            st.sections.open(first, others)
            continue
        m = NUMBER.match(first) or LETTER.match(first)
        if m:
            number = m.group(1)
            below = numbered_rows_after(blocks, idx, block.table)
            if NUMBER.match(first) and is_decimal_section(number, raw_cells, roles, below):
                notes.sections.append(number)
                st.sections.open_decimal(number, others)
                continue
            st.sections.close_decimal(number)
            labels, section = st.sections.labels()
            if LETTER.match(first):
                number = _letter_number(number, st.sections, last_numbered, labels)
            raw = RawTask(number, labels, section, roles, list(cells), exact=block.exact)
            if last_numbered is not None and last_numbered.roles == roles:
                _take_cut_unit_cells(last_numbered, raw)
            tasks.append(raw)
            last_numbered = raw
            _count_filled(st.table, cells)
            continue
        if not tasks:
            if any(clean(c) for c in plain):
                notes.skip("dòng không có số thứ tự trước việc đầu tiên", plain)
            continue
        prev = tasks[-1]
        if _is_sub_assignment(cells, roles) and last_numbered is not None:
            parent = last_numbered
            parent.subs += 1
            content = get(cells, roles, C.CONTENT)
            suffix = "x" if clean(content) else "bcdefgh"[min(parent.subs - 1, 6)]
            raw = RawTask(
                parent.number,
                parent.labels,
                parent.section,
                roles,
                list(cells),
                parent,
                suffix,
                exact=block.exact,
            )
            tasks.append(raw)
            _count_filled(st.table, cells)
            continue
        # A row cut by a page break: append each cell to the row above.
        for i, c in enumerate(cells):
            if c and c != MERGED and i < len(prev.cells):
                prev.cells[i] = join(prev.cells[i], c)
        _count_filled(st.table, cells, new_row=False)
    drafts = interpret(split_lettered(tasks))
    if not drafts:
        if st.seen_table:
            raise BadDocument("Bảng nhiệm vụ không có dòng công việc nào có số thứ tự.")
        if st.first_row is not None:
            seen = " | ".join(clean(c) for c in st.first_row if c and c != MERGED)
            raise BadDocument(
                "Không nhận ra các cột của bảng nhiệm vụ (tiêu đề đọc được: «"
                + seen[:200]
                + "»). Bảng cần có cột số thứ tự (STT) và cột nội dung công việc."
            )
        raise BadDocument("Không tìm thấy bảng nhiệm vụ trong tài liệu.")
    return drafts


def _letter_number(
    letter: str, sections: Sections, last: RawTask | None, labels: tuple[str, ...]
) -> str:
    """ "a)" under "2" (a section row or a task of the same section) is "2.a"."""
    base = sections.decimal[0] if sections.decimal else ""
    if not base and last is not None and last.labels == labels:
        base = last.number
    if base and LETTER.match(base.rsplit(".", 1)[-1]):
        base = base.rsplit(".", 1)[0] if "." in base else ""
    return f"{base}.{letter}" if base else letter


def _repeats_header(cells: tuple[str, ...], table: Table | None) -> bool:
    """A header line again (a text export repeats them after a page break); a row of unit
    words that merely looks like a header (a cut row "Các cơ quan, đơn vị") is not one."""
    if table is None or not C.is_subheader(cells):
        return False
    words = {C.fold_header(part) for h in table.headers for part in h.split(" / ")}
    return all(C.fold_header(c) in words for c in cells if clean(c))


def _count_filled(table: Table | None, cells: tuple[str, ...], new_row: bool = True) -> None:
    """Which columns gave a value: a column that never does is worth a warning."""
    if table is None:
        return
    table.rows += new_row
    for i, c in enumerate(cells):
        if c and c != MERGED and clean(c):
            table.filled[i] += 1
            role = table.roles[i] if i < len(table.roles) else None
            if role == C.DEADLINE:
                table.unit_like[i] += is_units(c)
            elif role in C.UNIT_ROLES:
                table.time_like[i] += is_time(c)


def _resolve_merged(
    cells: tuple[str, ...],
    roles: tuple[str | None, ...],
    above: tuple[str, ...] | None,
    notes: Notes,
) -> tuple[str, ...]:
    """A vertically merged cell holds the value above; its number and content are not repeated."""
    out: list[str] = []
    for i, c in enumerate(cells):
        if c != MERGED:
            out.append(c)
            continue
        role = roles[i] if i < len(roles) else None
        if role in (C.STT, C.STT2, C.CONTENT) or above is None or i >= len(above):
            out.append("")
        else:
            out.append(above[i])
            if role is not None and clean(above[i]):
                notes.merged_fills[role] += 1
    return tuple(out)


def _take_cut_unit_cells(prev: RawTask, row: RawTask) -> None:
    """A numbered row whose unit cell starts mid-sentence holds the tail of the row above."""
    for role in C.UNIT_ROLES:
        if role not in row.roles:
            continue
        i = row.roles.index(role)
        if i >= len(row.cells) or i >= len(prev.cells):
            continue
        c, p = clean(row.cells[i]), clean(prev.cells[i])
        if c and p and starts_lower(c) and not p.endswith("."):
            prev.cells[i] = join(prev.cells[i], row.cells[i])
            row.cells[i] = ""


def _is_sub_assignment(cells: tuple[str, ...], roles: tuple[str | None, ...]) -> bool:
    deadline = clean(get(cells, roles, C.DEADLINE))
    content = clean(get(cells, roles, C.CONTENT))
    units = [clean(get(cells, roles, r)) for r in C.UNIT_ROLES]
    if not deadline or starts_lower(deadline) or not any(units):
        return False
    return not content or not starts_lower(content)
