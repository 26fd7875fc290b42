"""Assignment (issue 16): a unit's task, or one occurrence of it, handed to one of its officers.

The rule, in one place, read by the reminders planner and the lists: an occurrence assigned on
its own wins over the whole task's assignment; an assigned occurrence's reminders go to its
assignee and to the unit's group chats, not to the unit's other officers. Pure: plain values in,
plain values out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

# The due date an assignment of the whole task is recorded against (as completions do for
# undated tasks): a NULL would not be covered by the unique key on PostgreSQL.
WHOLE_TASK = date(1900, 1, 1)

# (task id, unit id, due date or WHOLE_TASK) -> the assignee's officer id
Assignments = Mapping[tuple[int, int, date], int]


def holder(assigned: Assignments, task_id: int, unit_id: int, due: date | None) -> int | None:
    """The officer holding this occurrence for the unit: its own assignment, else the task's."""
    if due is not None:
        found = assigned.get((task_id, unit_id, due))
        if found is not None:
            return found
    return assigned.get((task_id, unit_id, WHOLE_TASK))


def is_left_to_another(
    assigned: Assignments, task_id: int, unit_id: int, due: date | None, officer_id: int
) -> bool:
    """True when another officer of the unit holds this occurrence (so this one is not reminded)."""
    found = holder(assigned, task_id, unit_id, due)
    return found is not None and found != officer_id


def assigned_note(name: str, *, first: bool = False) -> str:
    """The words on a task in lists (mid-line) and details (``first``: opening a line)."""
    return f"{'Đ' if first else 'đ'}ã giao cho {name}"


_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")


def read_day(text: str) -> tuple[int, int, int | None] | None:
    """ "20/12", "20/12/2026" or "20-12-26" as (day, month, year or None); None otherwise."""
    m = _DAY.match(text.strip())
    if m is None:
        return None
    day, month = int(m.group(1)), int(m.group(2))
    year = int(m.group(3)) if m.group(3) else None
    if year is not None and year < 100:
        year += 2000
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return day, month, year
