"""A task row whose time cell lists lettered sub-items ("a) Quý I/2026", "b) Quý III/2026"):
each sub-item has its own deadline (and, when the result cell is lettered the same way, its own
result), so the row becomes tasks "5a", "5b", … sharing the content and the units."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.plans import columns as C
from bot.plans.cells import clean, is_time, list_items
from bot.plans.fields import RawTask

_LETTERS = "abcdefgh"
# "a) …" / "a. …" / "a - …" at the start of an item, or inside a line after a space.
_MARK = re.compile(r"(?:^|(?<=\s))([a-h])[).]\s+")
MAX_ITEMS = 8


def lettered_items(cell: str) -> list[str] | None:
    """The items of a cell written "a) … b) …" (as list items or on one line), each with its
    marker, or None when the cell is not such a list (letters a, b, c … in order, at least two)."""
    items = list_items(cell)
    if items is not None:
        if len(items) < 2 or len(items) > MAX_ITEMS:
            return None
        for k, item in enumerate(items):
            m = _MARK.match(item)
            if not m or m.group(1) != _LETTERS[k]:
                return None
        return items
    text = clean(cell)
    starts: list[int] = []
    for m in _MARK.finditer(text):
        if m.group(1) == _LETTERS[len(starts)]:
            starts.append(m.start())
            if len(starts) == MAX_ITEMS:
                break
    if len(starts) < 2 or starts[0] != 0:
        return None
    bounds = [*starts, len(text)]
    return [text[bounds[k] : bounds[k + 1]].strip() for k in range(len(starts))]


def _unmark(item: str) -> str:
    return _MARK.sub("", item, count=1).strip()


def split_lettered(tasks: list[RawTask]) -> list[RawTask]:
    """Every task whose time cell is a lettered list of time phrases, split into sub-tasks."""
    out: list[RawTask] = []
    for raw in tasks:
        out.append(raw)
        roles = raw.roles
        if raw.parent is not None or raw.suffix or C.DEADLINE not in roles:
            continue
        di = roles.index(C.DEADLINE)
        if di >= len(raw.cells):
            continue
        times = lettered_items(raw.cells[di])
        if times is None or not all(is_time(_unmark(t)) for t in times):
            continue
        ri = roles.index(C.RESULT) if C.RESULT in roles else -1
        results = lettered_items(raw.cells[ri]) if 0 <= ri < len(raw.cells) else None
        if results is not None and len(results) != len(times):
            results = None
        shared = list(raw.cells)
        ci = roles.index(C.CONTENT) if C.CONTENT in roles else -1
        for k, time in enumerate(times):
            cells = list(shared)
            cells[di] = _unmark(time)
            if results is not None:
                cells[ri] = results[k]
            if k == 0:
                raw.cells, raw.suffix = cells, _LETTERS[0]
                continue
            if ci >= 0:
                cells[ci] = ""  # the sub-task's content is its parent's
            out.append(replace(raw, cells=cells, parent=raw, suffix=_LETTERS[k], subs=0))
        raw.subs = len(times) - 1
    return out
