"""The on-time statistics' reads: three set-based queries over a period, whatever the number of
units (no query per unit or per task). Nothing here commits.

Whether a completion was on time is decided in SQL: done before midnight (in the deployment's
time zone) ending the occurrence's real last day. SQLite stores instants as naive UTC text, so
the bound is the last day plus one day minus the zone's UTC offset (fixed for Vietnam, which
has no daylight saving); PostgreSQL converts with the zone's name.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime, and_, case, cast, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from bot.stats import DoneCount, TaskCount
from store.models import CompletionRow, TaskDueRow, TaskRow, TaskUnitRow


def _in_period(start: date, end: date) -> ColumnElement[bool]:
    return and_(TaskDueRow.last_day >= start, TaskDueRow.last_day <= end, TaskRow.active.is_(True))


async def task_counts(
    session: AsyncSession, start: date, end: date, today: date
) -> dict[int, TaskCount]:
    """Per active task: its occurrences whose real last day is in [start, end], split into
    those before ``today`` and the rest."""
    past = func.sum(case((TaskDueRow.last_day < today, 1), else_=0))
    rows = await session.execute(
        select(TaskDueRow.task_id, past, func.count())
        .join(TaskRow, TaskRow.id == TaskDueRow.task_id)
        .where(_in_period(start, end))
        .group_by(TaskDueRow.task_id)
    )
    return {t: TaskCount(int(p or 0), int(n) - int(p or 0)) for t, p, n in rows.all()}


async def mentions(
    session: AsyncSession, start: date, end: date
) -> dict[int, list[tuple[str, str, int | None]]]:
    """(role, mention, unit id) of every task with an occurrence in the period, in order."""
    due = (
        select(TaskDueRow.task_id)
        .join(TaskRow, TaskRow.id == TaskDueRow.task_id)
        .where(_in_period(start, end))
        .distinct()
        .subquery()
    )
    rows = await session.execute(
        select(TaskUnitRow.task_id, TaskUnitRow.role, TaskUnitRow.mention, TaskUnitRow.unit_id)
        .join(due, due.c.task_id == TaskUnitRow.task_id)
        .order_by(TaskUnitRow.id)
    )
    out: dict[int, list[tuple[str, str, int | None]]] = {}
    for task_id, role, mention, unit_id in rows.all():
        out.setdefault(task_id, []).append((role, mention, unit_id))
    return out


def _on_time(session: AsyncSession, tz: ZoneInfo, start: date) -> ColumnElement[bool]:
    """``done_at`` is before the end of the occurrence's real last day in ``tz``."""
    if session.get_bind().dialect.name == "postgresql":
        midnight = cast(TaskDueRow.last_day + literal(1), DateTime)
        return CompletionRow.done_at < func.timezone(str(tz.key), midnight)
    offset = datetime.combine(start, time(12), tz).utcoffset() or timedelta(0)
    minutes = int((timedelta(days=1) - offset).total_seconds() // 60)
    bound = func.datetime(TaskDueRow.last_day, f"{minutes:+d} minutes")
    return CompletionRow.done_at < bound


async def done_counts(
    session: AsyncSession, start: date, end: date, today: date, tz: ZoneInfo
) -> dict[tuple[int, int], DoneCount]:
    """Per (unit, task): completions of the period's occurrences, on time or late, whose last
    day has passed or not (``DoneCount``'s fields in order)."""
    on_time = _on_time(session, tz, start)
    past = TaskDueRow.last_day < today
    rows = await session.execute(
        select(
            CompletionRow.unit_id,
            CompletionRow.task_id,
            func.sum(case((and_(on_time, past), 1), else_=0)),
            func.sum(case((and_(~on_time, past), 1), else_=0)),
            func.sum(case((and_(on_time, ~past), 1), else_=0)),
            func.sum(case((and_(~on_time, ~past), 1), else_=0)),
        )
        .join(
            TaskDueRow,
            and_(
                TaskDueRow.task_id == CompletionRow.task_id,
                TaskDueRow.due_date == CompletionRow.due_date,
            ),
        )
        .join(TaskRow, TaskRow.id == CompletionRow.task_id)
        .where(_in_period(start, end))
        .group_by(CompletionRow.unit_id, CompletionRow.task_id)
    )
    return {(u, t): DoneCount(*(int(n or 0) for n in counts)) for u, t, *counts in rows.all()}
