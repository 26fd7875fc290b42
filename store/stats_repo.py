"""The on-time statistics' reads: three set-based queries over a period, whatever the number of
units (no query per unit or per task). Nothing here commits.

Whether a completion was on time is decided in SQL: done before midnight (in the deployment's
time zone) ending the occurrence's real last day. SQLite stores instants as naive UTC text, so
the bound is the last day plus one day minus the zone's UTC offset (fixed for Vietnam, which
has no daylight saving), compared as text (SQLite's stored form, "2025-08-19 16:30:00.000000",
against "2025-08-19 17:00:00"); PostgreSQL converts with the zone's name.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime, String, and_, case, cast, func, literal, literal_column, select
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
    until = timedelta(days=1) - offset  # the local midnight ending the day, in UTC after 00:00
    if timedelta(0) <= until < timedelta(days=1):
        # East of UTC (Vietnam: 17:00 UTC of the last day): compare the stored text with the
        # day's text and a time, no date function per row (a year of 3,000 units' completions
        # took 2 s with ``datetime()``).
        hh, mm = divmod(int(until.total_seconds() // 60), 60)
        bound: ColumnElement[str] = TaskDueRow.last_day.op("||", return_type=String)(
            literal(f" {hh:02d}:{mm:02d}:00", String)
        )
    else:
        minutes = int(until.total_seconds() // 60)
        bound = func.datetime(TaskDueRow.last_day, f"{minutes:+d} minutes")
    return CompletionRow.done_at < bound


async def done_counts(
    session: AsyncSession, start: date, end: date, today: date, tz: ZoneInfo
) -> dict[tuple[int, int], DoneCount]:
    """Per (unit, task): completions of the period's occurrences, on time or late, whose last
    day has passed or not (``DoneCount``'s fields in order)."""
    on_time = case((_on_time(session, tz, start), 1), else_=0)
    past = case((TaskDueRow.last_day < today, 1), else_=0)
    # Four counts from the on-time test evaluated twice per row (it is most of the query's
    # time): n, on time, past, on time and past. Run on the session's connection: plain rows,
    # no ORM result machinery for ~60,000 of them.
    conn = await session.connection()
    rows = await conn.execute(
        select(
            CompletionRow.unit_id,
            CompletionRow.task_id,
            func.count(),
            func.sum(on_time),
            func.sum(past),
            func.sum(on_time * past),
        )
        .join(
            TaskDueRow,
            and_(
                # "+ 0": SQLite would otherwise walk the period's occurrences and, for each,
                # every completion of its task (the index on completions.task_id), ~2.4 million
                # rows for a year of 3,000 units; this way it reads each completion once and
                # finds its occurrence by the (task, due date) key.
                TaskDueRow.task_id == CompletionRow.task_id + literal_column("0"),
                TaskDueRow.due_date == CompletionRow.due_date,
            ),
        )
        .join(TaskRow, TaskRow.id == TaskDueRow.task_id)
        .where(_in_period(start, end))
        .group_by(CompletionRow.task_id, CompletionRow.unit_id)
    )
    out: dict[tuple[int, int], DoneCount] = {}
    for u, t, n, ok, p, ok_p in rows.all():
        n, ok, p, ok_p = int(n), int(ok or 0), int(p or 0), int(ok_p or 0)
        out[(u, t)] = DoneCount(ok_p, p - ok_p, ok - ok_p, n - ok - p + ok_p)
    return out


class StatsRepo:
    """``uow.stats``: the three reads above on the unit of work's session; reads only."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def task_counts(self, start: date, end: date, today: date) -> dict[int, TaskCount]:
        return await task_counts(self._session, start, end, today)

    async def mentions(
        self, start: date, end: date
    ) -> dict[int, list[tuple[str, str, int | None]]]:
        return await mentions(self._session, start, end)

    async def done_counts(
        self, start: date, end: date, today: date, tz: ZoneInfo
    ) -> dict[tuple[int, int], DoneCount]:
        return await done_counts(self._session, start, end, today, tz)
