"""A task row's cells → a task's fields; values lost in merged cells taken from neighbours."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.model import TaskDraft
from bot.plans import columns as C
from bot.plans.blocks import MERGED
from bot.plans.cells import (
    clean,
    is_time,
    is_units,
    list_items,
    split_time_prefix,
    starts_lower,
)
from bot.plans.intext import deadlines_in_text
from bot.plans.units import Mentions, read_units_cell


def _glue(a: str, b: str) -> str:
    if a.endswith(("-", "/")) and not a.endswith(" -"):
        return a + b
    return a + " " + b


def join(a: str, b: str) -> str:
    """Two pieces of a cell cut by a page break or by hand, joined.

    When either piece is a list (several paragraphs), the result is one list, so no text is
    left outside its items; a piece going on mid-sentence ("… đã" / "bàn giao về xã.") makes
    one item with the line it continues.
    """
    a, b = a.rstrip(), b.strip()
    if not a:
        return b
    if not b:
        return a
    a_items, b_items = list_items(a), list_items(b)
    if a_items is None and b_items is None:
        return _glue(a, b)
    left = a_items if a_items is not None else [clean(a)]
    right = b_items if b_items is not None else [clean(b)]
    if left and right and starts_lower(right[0]) and not left[-1].endswith((".", ";", ":")):
        left = [*left[:-1], _glue(left[-1], right[0])]
        right = right[1:]
    items = [x for x in (*left, *right) if x]
    if len(items) == 1:
        return items[0]
    return "<ul>" + "".join(f"<li>{t}</li>" for t in items) + "</ul>"


def get(cells: list[str] | tuple[str, ...], roles: tuple[str | None, ...], role: str) -> str:
    """The cell of a role ("" when the table has no such column)."""
    if role in roles:
        i = roles.index(role)
        return cells[i] if i < len(cells) else ""
    return ""


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
    exact: bool = False  # read from a format that states its merges (see blocks.Row)


# A product written as its own paragraph of the content cell: "- Sản phẩm: Báo cáo …".
_PRODUCT = re.compile(
    r"^[-–•+*]?\s*(?:sản phẩm|kết quả|sản phẩm đầu ra|kết quả đầu ra)(?: đạt được| cần đạt)?\s*:\s*(.+)$",
    re.IGNORECASE | re.DOTALL,
)


_PRODUCT_HEAD = re.compile(
    r"^[-–•+*]?\s*(?:sản phẩm|kết quả)(?: đầu ra| đạt được| cần đạt)?\s*:$", re.IGNORECASE
)
_BULLET = re.compile(r"^[-–•+*]\s*")
# A PDF cell is text only: its paragraph breaks are guessed, and a product paragraph can come
# back joined to the sentence before it ("… môi trường. Sản phẩm: Báo cáo …").
_INLINE_PRODUCT = re.compile(
    r"(?<=[.;])\s+(?=(?:Sản phẩm|Kết quả)(?: đầu ra| đạt được| cần đạt)?\s*:)"
)


def split_product(cell: str) -> tuple[str, str]:
    """The content of a content cell and the product paragraphs it holds ("" when none)."""
    items = list_items(cell)
    if items is None:
        items = [clean(p) for p in re.split(r"\n|<br\s*/?>|</p>\s*<p>", cell) if clean(p)]
        if len(items) <= 1:
            items = [clean(p) for p in _INLINE_PRODUCT.split(cell) if clean(p)]
        if len(items) <= 1:
            return clean(cell), ""
    kept: list[str] = []
    products: list[str] = []
    listing = False  # after a bare "Sản phẩm:", the items below are the products
    for item in items:
        m = _PRODUCT.match(item)
        if kept and _PRODUCT_HEAD.match(item):
            listing = True
        elif m and kept:
            products.append(m.group(1).strip())
        elif listing:
            products.append(_BULLET.sub("", item))
        else:
            kept.append(item)
    if not products:
        return clean(cell), ""
    return " ".join(kept), "; ".join(products)


@dataclass
class _Fields:
    content: str = ""
    result: str = ""
    deadline: str = ""
    notes: str = ""
    mentions: Mentions = field(default_factory=Mentions)
    inferred: set[str] = field(default_factory=set)
    classified: bool = False  # cells read by what they hold (the header did not fit)
    product: str = ""  # a "Sản phẩm: …" paragraph of the content cell


def _read_fields(raw: RawTask) -> _Fields:
    roles, cells = raw.roles, raw.cells
    f = _Fields()
    f.content, f.product = split_product(get(cells, roles, C.CONTENT))
    has_unit_column = any(r in roles for r in C.UNIT_ROLES)
    extra = any(clean(c) for c in cells[len(roles) :])
    if not has_unit_column or extra:
        _classify(raw, f)
        f.result = f.result or f.product
        return f
    column = clean(get(cells, roles, C.RESULT))
    f.result = "; ".join(x for x in (column, f.product) if x)
    f.deadline = clean(get(cells, roles, C.DEADLINE))
    f.notes = clean(get(cells, roles, C.NOTES))
    if f.deadline and f.result and not is_time(f.deadline) and is_time(f.result):
        f.deadline, f.result = f.result, f.deadline
        f.inferred |= {"deadline", "result"}
    for role in C.UNIT_ROLES:
        v = get(cells, roles, role)
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
        elif not f.result and not f.product:
            f.result = text
            f.inferred.add("result")
        else:
            f.notes = join(f.notes, text)


def interpret(tasks: list[RawTask]) -> list[TaskDraft]:
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
        if not f.deadline and not raw.exact:
            # Only where the format may have lost a merge: in a .docx or a workbook a merged
            # time cell is stated as such, and an empty one is empty (no time given).
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
