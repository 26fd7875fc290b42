"""From lines and table rows to tasks: headers, sections, cut rows, sub-assignments, fills."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.errors import BadDocument
from bot.model import TaskDraft
from bot.plans import columns as C
from bot.plans.blocks import MERGED, Block, Line, Row
from bot.plans.cells import clean, is_time, is_units, split_time_prefix, starts_lower
from bot.plans.intext import deadlines_in_text
from bot.plans.units import Mentions, read_units_cell

_ROMAN = re.compile(r"^(X{0,3}(?:IX|IV|V?I{0,3}))$")
_SECTION = re.compile(r"^(X{0,3}(?:IX|IV|V?I{0,3})|[A-ZĐ])(?:\.|\s|$)\s*(.*)$", re.DOTALL)
_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?$")
_LINE_ROMAN = re.compile(r"^(#+\s*)?(X{0,3}(?:IX|IV|V?I{0,3}))\.\s+(.+)$")
_LINE_APPENDIX = re.compile(r"^(\d{1,2})\.\s+(.+)$")


def roman_value(label: str) -> int:
    """Value of a Roman numeral (0 for anything else)."""
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(label):
        v = values.get(ch, 0)
        if i + 1 < len(label) and values.get(label[i + 1], 0) > v:
            total -= v
        else:
            total += v
    return total


def _join(a: str, b: str) -> str:
    a, b = a.rstrip(), b.strip()
    if not a:
        return b
    if not b:
        return a
    if a.endswith(("-", "/")) and not a.endswith(" -"):
        return a + b
    return a + " " + b


@dataclass
class RawTask:
    """A task row as read, before its cells are interpreted (continuations append to it)."""

    number: str
    labels: tuple[str, ...]
    section: str | None
    roles: tuple[str | None, ...]
    cells: list[str]
    parent: RawTask | None = None
    suffix: str = ""
    subs: int = 0


@dataclass
class _State:
    roles: tuple[str | None, ...] | None = None
    header: tuple[str, ...] | None = None
    skipping: bool = False
    appendix: tuple[str, str] | None = None
    letter: tuple[str, str] | None = None
    roman: tuple[str, str] | None = None
    seen_table: bool = False
    first_row: tuple[str, ...] | None = None
    header_table: int = -1
    prev_cells: tuple[str, ...] = ()
    prev_table: int = -1


def _labels(st: _State) -> tuple[tuple[str, ...], str | None]:
    levels = [lv for lv in (st.appendix, st.letter, st.roman) if lv is not None]
    labels = tuple(lv[0] for lv in levels)
    return labels, (levels[-1][1] if levels else None)


def _get(cells: list[str] | tuple[str, ...], roles: tuple[str | None, ...], role: str) -> str:
    if role in roles:
        i = roles.index(role)
        return cells[i] if i < len(cells) else ""
    return ""


def parse_blocks(blocks: list[Block]) -> list[TaskDraft]:
    """Read every task of the plan's task tables."""
    st = _State()
    tasks: list[RawTask] = []
    last_numbered: RawTask | None = None
    for idx, block in enumerate(blocks):
        if isinstance(block, Line):
            _on_line(block.text, st, blocks, idx)
            continue
        cells = tuple(c.strip() if c != MERGED else MERGED for c in block.cells)
        if MERGED in cells and st.roles is not None:
            cells = _resolve_merged(
                cells, st.roles, st.prev_cells if st.prev_table == block.table else None
            )
        st.prev_cells, st.prev_table = cells, block.table
        if st.first_row is None and sum(1 for c in cells if c and c != MERGED) >= 2:
            st.first_row = cells
        plain = tuple("" if c == MERGED else c for c in cells)
        if C.is_header(plain):
            st.skipping = C.is_indicator_header(plain)
            nxt = blocks[idx + 1] if idx + 1 < len(blocks) else None
            below = (
                tuple("" if c == MERGED else c for c in nxt.cells) if isinstance(nxt, Row) else None
            )
            sub = below if below is not None and C.is_subheader(below) else None
            roles = C.header_roles(plain, sub)
            if C.is_usable(roles):
                st.roles, st.header, st.seen_table, st.header_table = (
                    roles,
                    cells,
                    True,
                    block.table,
                )
            continue
        if st.roles is None or st.skipping or C.is_subheader(plain):
            continue
        if block.table != st.header_table and len(cells) != len(st.roles):
            # Another table (a signature or layout table), not the task table going on.
            continue
        roles = st.roles
        first = clean(cells[0]) if cells and cells[0] != MERGED else ""
        others = [clean(c) for c in cells[1:] if c != MERGED]
        if _is_section_row(first, cells, roles):
            _on_section(first, others, st)
            continue
        m = _NUMBER.match(first)
        if m:
            labels, section = _labels(st)
            raw = RawTask(m.group(1), labels, section, roles, list(cells))
            if last_numbered is not None and last_numbered.roles == roles:
                _take_cut_unit_cells(last_numbered, raw)
            tasks.append(raw)
            last_numbered = raw
            continue
        if not tasks:
            continue
        prev = tasks[-1]
        if _is_sub_assignment(cells, roles) and last_numbered is not None:
            parent = last_numbered
            parent.subs += 1
            content = _get(cells, roles, C.CONTENT)
            suffix = "x" if clean(content) else "bcdefgh"[min(parent.subs - 1, 6)]
            raw = RawTask(
                parent.number, parent.labels, parent.section, roles, list(cells), parent, suffix
            )
            tasks.append(raw)
            continue
        # A row cut by a page break: append each cell to the row above.
        for i, c in enumerate(cells):
            if c and c != MERGED and i < len(prev.cells):
                prev.cells[i] = _join(prev.cells[i], c)
    drafts = _interpret(tasks)
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


def _resolve_merged(
    cells: tuple[str, ...], roles: tuple[str | None, ...], above: tuple[str, ...] | None
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
    return tuple(out)


def _on_line(text: str, st: _State, blocks: list[Block], idx: int) -> None:
    nxt = blocks[idx + 1] if idx + 1 < len(blocks) else None
    plain = clean(text)
    m = _LINE_APPENDIX.match(plain)
    if m and isinstance(nxt, Row) and not st.skipping:
        st.appendix = (m.group(1), m.group(2).strip())
        st.letter = st.roman = None
        return
    if not st.seen_table:
        return
    m2 = _LINE_ROMAN.match(text.replace("**", "").strip())
    if m2 and m2.group(2):
        expected = roman_value(st.roman[0]) + 1 if st.roman else 1
        if m2.group(1) or roman_value(m2.group(2)) == expected:
            st.roman = (m2.group(2), clean(m2.group(3)))


def _is_section_row(first: str, cells: tuple[str, ...], roles: tuple[str | None, ...]) -> bool:
    m = _SECTION.match(first)
    if not m or not m.group(1):
        return False
    for role in (C.LEAD, C.SUPPORT, C.UNITS, C.DEADLINE):
        v = _get(cells, roles, role)
        if v and v != MERGED:
            return False
    return True


def _on_section(first: str, others: list[str], st: _State) -> None:
    m = _SECTION.match(first)
    assert m is not None
    label, title = m.group(1), m.group(2).strip()
    if not title:
        title = next((o for o in others if o), "")
    title = title.strip().rstrip(":").strip()
    if _ROMAN.match(label):
        st.roman = (label, title)
    else:
        st.letter = (label, title)
        st.roman = None


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
            prev.cells[i] = _join(prev.cells[i], row.cells[i])
            row.cells[i] = ""


def _is_sub_assignment(cells: tuple[str, ...], roles: tuple[str | None, ...]) -> bool:
    deadline = clean(_get(cells, roles, C.DEADLINE))
    content = clean(_get(cells, roles, C.CONTENT))
    units = [clean(_get(cells, roles, r)) for r in C.UNIT_ROLES]
    if not deadline or starts_lower(deadline) or not any(units):
        return False
    return not content or not starts_lower(content)


@dataclass
class _Fields:
    content: str = ""
    result: str = ""
    deadline: str = ""
    notes: str = ""
    mentions: Mentions = field(default_factory=Mentions)
    inferred: set[str] = field(default_factory=set)
    classified: bool = False  # cells read by what they hold (the header did not fit)


def _read_fields(raw: RawTask) -> _Fields:
    roles, cells = raw.roles, raw.cells
    f = _Fields()
    f.content = clean(_get(cells, roles, C.CONTENT))
    has_unit_column = any(r in roles for r in C.UNIT_ROLES)
    extra = any(clean(c) for c in cells[len(roles) :])
    if not has_unit_column or extra:
        _classify(raw, f)
        return f
    f.result = clean(_get(cells, roles, C.RESULT))
    f.deadline = clean(_get(cells, roles, C.DEADLINE))
    f.notes = clean(_get(cells, roles, C.NOTES))
    if f.deadline and f.result and not is_time(f.deadline) and is_time(f.result):
        f.deadline, f.result = f.result, f.deadline
        f.inferred |= {"deadline", "result"}
    for role in C.UNIT_ROLES:
        v = _get(cells, roles, role)
        if v and v != MERGED:
            read_units_cell(v, None if role == C.UNITS else role, f.mentions)
    return f


def _classify(raw: RawTask, f: _Fields) -> None:
    """Misaligned columns: tell each cell after the content by what it holds."""
    f.classified = True
    start = raw.roles.index(C.CONTENT) + 1 if C.CONTENT in raw.roles else 1
    for c in raw.cells[start:]:
        if not c or c == MERGED:
            continue
        text = clean(c)
        if not text:
            continue
        if is_units(c):
            read_units_cell(c, None, f.mentions)
            f.inferred.add("lead")
            if f.mentions.support:
                f.inferred.add("support")
        elif is_time(c) and not f.deadline:
            split = split_time_prefix(c)
            if split:
                f.deadline, rest = split
                f.result = f.result or rest
                f.inferred.add("result")
            else:
                f.deadline = text
            f.inferred.add("deadline")
        elif not f.result:
            f.result = text
            f.inferred.add("result")
        else:
            f.notes = _join(f.notes, text)


def _interpret(tasks: list[RawTask]) -> list[TaskDraft]:
    fields = [_read_fields(t) for t in tasks]
    # Lost merged cells: a task with no unit or no time takes them from its neighbour
    # in the same section (the row above, or below for the first row of a merge).
    for i, (raw, f) in enumerate(zip(tasks, fields, strict=True)):
        if raw.parent is not None:
            pf = fields[tasks.index(raw.parent)]
            if not f.content:
                f.content = pf.content
                f.inferred.add("content")
            if not f.result and pf.result and f.content != pf.content:
                f.result = pf.result
                f.inferred.add("result")
            continue
        if not f.mentions.lead and not f.mentions.support:
            src = _neighbour(
                tasks, fields, i, lambda g: bool(g.mentions.lead or g.mentions.support)
            )
            if src is not None:
                f.mentions.lead = list(src.mentions.lead)
                f.mentions.support = list(src.mentions.support)
                f.inferred.add("lead")
                if f.mentions.support:
                    f.inferred.add("support")
        if not f.deadline:
            src = _neighbour(tasks, fields, i, lambda g: bool(g.deadline))
            if src is not None:
                f.deadline = src.deadline
                f.inferred.add("deadline")
        if not f.result and f.classified:
            src = _neighbour(tasks, fields, i, lambda g: bool(g.result), below=False)
            if src is not None:
                f.result = src.result
                f.inferred.add("result")
    # a) / b) results: the task and its sub-row become "1a" and "1b".
    for raw, f in zip(tasks, fields, strict=True):
        if raw.parent is not None and raw.suffix == "b" and re.match(r"^b\)", f.result):
            pf = fields[tasks.index(raw.parent)]
            if re.match(r"^a\)", pf.result):
                raw.parent.suffix = "a"
    drafts: list[TaskDraft] = []
    for raw, f in zip(tasks, fields, strict=True):
        ref = ".".join((*raw.labels, raw.number)) + raw.suffix
        inferred = f.inferred | f.mentions.inferred
        order = ("content", "lead", "support", "deadline", "result")
        drafts.append(
            TaskDraft(
                ref=ref,
                section=raw.section or None,
                content=f.content,
                result=f.result or None,
                lead=tuple(f.mentions.lead),
                support=tuple(f.mentions.support),
                deadline=f.deadline or None,
                deadline_in_text=deadlines_in_text(f.content, f.notes),
                notes=f.notes or None,
                inferred=tuple(x for x in order if x in inferred),
            )
        )
    return drafts


def _neighbour(
    tasks: list[RawTask],
    fields: list[_Fields],
    i: int,
    has: Callable[[_Fields], bool],
    below: bool = True,
) -> _Fields | None:
    """The nearest task of the same section above (else below) that has the value."""
    section = (tasks[i].labels, tasks[i].section)
    for j in range(i - 1, -1, -1):
        if (tasks[j].labels, tasks[j].section) != section:
            break
        if has(fields[j]):
            return fields[j]
    if below:
        for j in range(i + 1, len(tasks)):
            if (tasks[j].labels, tasks[j].section) != section:
                break
            if has(fields[j]):
                return fields[j]
    return None
