"""The assignments table (``/giao``): write, remove, read for lists and for the planner, and
take the pending reminders of an assigned occurrence away from the unit's other officers.

Functions take a session and never commit; the caller's unit of work does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.assignment import WHOLE_TASK
from bot.clock import to_utc
from bot.reminders.planner import DIGEST_KINDS
from store.models import AssignmentRow, OfficerRow, OutboxRow, TaskDueRow, TaskRow


@dataclass(frozen=True)
class Assignment:
    """One assignment: ``due`` is None for the whole task."""

    task_id: int
    unit_id: int
    due: date | None
    officer_id: int
    officer_name: str
    assigned_by: int | None


def _key(due: date | None) -> date:
    return due or WHOLE_TASK


async def get(
    session: AsyncSession, task_id: int, unit_id: int, due: date | None, *, live: bool = False
) -> Assignment | None:
    """The assignment recorded exactly for (task, unit, occurrence or the whole task); ``live``:
    only while its assignee is an active officer of that unit (what readers are shown)."""
    stmt = (
        select(AssignmentRow, OfficerRow.name)
        .join(OfficerRow, OfficerRow.id == AssignmentRow.officer_id)
        .where(
            AssignmentRow.task_id == task_id,
            AssignmentRow.unit_id == unit_id,
            AssignmentRow.due_date == _key(due),
        )
    )
    if live:
        stmt = stmt.where(OfficerRow.status == "active", OfficerRow.unit_id == unit_id)
    row = (await session.execute(stmt)).first()
    if row is None:
        return None
    a, name = row
    return Assignment(a.task_id, a.unit_id, due, a.officer_id, name, a.assigned_by)


async def put(
    session: AsyncSession,
    task_id: int,
    unit_id: int,
    due: date | None,
    officer_id: int,
    by: int | None,
    now: datetime,
) -> int | None:
    """Record (or replace) the assignment; return the officer it replaced, if any."""
    row = await session.scalar(
        select(AssignmentRow).where(
            AssignmentRow.task_id == task_id,
            AssignmentRow.unit_id == unit_id,
            AssignmentRow.due_date == _key(due),
        )
    )
    previous = None
    if row is None:
        session.add(
            AssignmentRow(task_id=task_id, unit_id=unit_id, due_date=_key(due),
                          officer_id=officer_id, assigned_by=by, assigned_at=to_utc(now))
        )  # fmt: skip
    else:
        previous = row.officer_id
        row.officer_id, row.assigned_by, row.assigned_at = officer_id, by, to_utc(now)
    await session.flush()
    return previous


async def held_by(
    session: AsyncSession, task_id: int, unit_id: int, officer_id: int
) -> list[Assignment]:
    """The assignments of this task the officer holds for the unit (whole task or occurrences)."""
    rows = await session.execute(
        select(AssignmentRow, OfficerRow.name)
        .join(OfficerRow, OfficerRow.id == AssignmentRow.officer_id)
        .where(
            AssignmentRow.task_id == task_id,
            AssignmentRow.unit_id == unit_id,
            AssignmentRow.officer_id == officer_id,
        )
    )
    return [
        Assignment(
            a.task_id,
            a.unit_id,
            None if a.due_date == WHOLE_TASK else a.due_date,
            a.officer_id,
            name,
            a.assigned_by,
        )  # fmt: skip
        for a, name in rows.all()
    ]


async def remove(session: AsyncSession, task_id: int, unit_id: int, due: date | None) -> None:
    await session.execute(
        delete(AssignmentRow).where(
            AssignmentRow.task_id == task_id,
            AssignmentRow.unit_id == unit_id,
            AssignmentRow.due_date == _key(due),
        )
    )


async def of_unit(
    session: AsyncSession, unit_id: int, task_ids: Iterable[int]
) -> dict[tuple[int, date], tuple[int, str]]:
    """The unit's assignments of these tasks: (task, due or WHOLE_TASK) -> (officer id, name)."""
    ids = sorted(set(task_ids))
    if not ids:
        return {}
    rows = await session.execute(
        select(AssignmentRow.task_id, AssignmentRow.due_date, OfficerRow.id, OfficerRow.name)
        .join(OfficerRow, OfficerRow.id == AssignmentRow.officer_id)
        .where(
            AssignmentRow.unit_id == unit_id,
            AssignmentRow.task_id.in_(ids),
            # An assignee since removed or moved to another unit holds nothing any more.
            OfficerRow.status == "active",
            OfficerRow.unit_id == AssignmentRow.unit_id,
        )
    )
    return {(t, d): (o, n) for t, d, o, n in rows.all()}


async def of_units(session: AsyncSession, unit_ids: Iterable[int]) -> dict[tuple[int, int, date], int]:  # fmt: skip
    """Every assignment of these units, as the planner reads them (``bot.assignment``)."""
    ids = sorted(set(unit_ids))
    if not ids:
        return {}
    rows = await session.execute(
        select(
            AssignmentRow.task_id,
            AssignmentRow.unit_id,
            AssignmentRow.due_date,
            AssignmentRow.officer_id,
        ).where(AssignmentRow.unit_id.in_(ids))
    )
    return {(t, u, d): o for t, u, d, o in rows.all()}


async def occurrence_on(session: AsyncSession, task_id: int, day: int, month: int,
                        year: int | None, today: date) -> date | None:  # fmt: skip
    """The task's occurrence whose nominal date or real last day is ``day/month[/year]``: the
    nearest to ``today`` when several years match."""
    rows = await session.execute(
        select(TaskDueRow.due_date, TaskDueRow.last_day).where(TaskDueRow.task_id == task_id)
    )
    found = [
        due
        for due, last in rows.all()
        if any(d.day == day and d.month == month and year in (None, d.year) for d in (due, last))
    ]
    return min(found, key=lambda d: abs((d - today).days)) if found else None


# Pending rows the unit's other officers lose: the planner's reminders and ⏰ snoozes (a
# coordinator's 📣 nudge stays: it is addressed to the unit by a person).
_TAKEN_KINDS = ("before", "dayof", "overdue:", "snooze:")


async def drop_pending_of_others(
    session: AsyncSession, task_id: int, unit_id: int, due: date | None, keep_officer: int
) -> int:
    """Delete the pending reminders of the occurrence (every occurrence for the whole task) to
    the unit's officers other than ``keep_officer``; return how many.

    Deleted, not marked dropped, so that after a hand-back the planner writes them again (its
    unique key is chat, task, occurrence, kind)."""
    others = select(OfficerRow.id).where(
        OfficerRow.unit_id == unit_id, OfficerRow.id != keep_officer
    )
    where = [
        OutboxRow.task_id == task_id,
        OutboxRow.status == "pending",
        OutboxRow.officer_id.in_(others),
        or_(*(OutboxRow.kind.startswith(k) for k in _TAKEN_KINDS)),
    ]
    if due is not None:
        where.append(OutboxRow.due_date == due)
    result = await session.execute(
        delete(OutboxRow).where(*where).execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def drop_pending_digests(session: AsyncSession, unit_id: int, except_officer: int) -> int:
    """Delete the pending digests (written with their list inside) of the unit's officers but
    one, so that the next planning run writes them again with the task in or out."""
    officers = select(OfficerRow.id).where(
        OfficerRow.unit_id == unit_id, OfficerRow.id != except_officer
    )
    result = await session.execute(
        delete(OutboxRow)
        .where(
            OutboxRow.task_id.is_(None),
            OutboxRow.status == "pending",
            OutboxRow.officer_id.in_(officers),
            OutboxRow.kind.in_(DIGEST_KINDS),
        )
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(frozen=True)
class TaskSummary:
    """What an assignment message names of a task."""

    id: int
    ref: str
    content: str


async def active_task(session: AsyncSession, task_id: int) -> TaskSummary | None:
    """The task when it is still in a plan (active), else None."""
    task = await session.get(TaskRow, task_id)
    if task is None or not task.active:
        return None
    return TaskSummary(task.id, task.ref, task.content)


async def has_occurrence(session: AsyncSession, task_id: int, due: date) -> bool:
    found = await session.scalar(
        select(TaskDueRow.id).where(TaskDueRow.task_id == task_id, TaskDueRow.due_date == due)
    )
    return found is not None
