"""Days off repository: the administrator's extra days off, and the real last days they move."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import DayOffRow, TaskDueRow


class DaysOffRepo:
    """``uow.days_off``; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def find(self, day: date) -> tuple[date, str | None] | None:
        """(the day, its note) when it is an extra day off."""
        row = await self._session.get(DayOffRow, day)
        return None if row is None else (row.day, row.note)

    async def add(self, day: date, note: str | None) -> bool:
        """Add the day; False when it is there already (also when another administrator added
        it and committed meanwhile: a savepoint keeps the session usable)."""
        if await self._session.get(DayOffRow, day) is not None:
            return False
        try:
            async with self._session.begin_nested():
                self._session.add(DayOffRow(day=day, note=note))
                await self._session.flush()
        except IntegrityError:
            return False
        return True

    async def remove(self, day: date) -> None:
        row = await self._session.get(DayOffRow, day)
        if row is not None:
            await self._session.delete(row)
            await self._session.flush()

    async def between(self, start: date, end: date) -> dict[date, str | None]:
        """The extra days off in [start, end] with their notes."""
        rows = await self._session.scalars(select(DayOffRow).where(DayOffRow.day.between(start, end)))  # fmt: skip
        return {r.day: r.note for r in rows.all()}

    async def relast(self, start: date, end: date, last_day: Callable[[date, bool], date]) -> int:
        """Re-read the real last day (``last_day(due, before)``) of every occurrence due in
        [start, end]; returns how many changed."""
        rows = (
            await self._session.scalars(
                select(TaskDueRow).where(TaskDueRow.due_date.between(start, end))
            )
        ).all()
        moved = 0
        for row in rows:
            last = last_day(row.due_date, bool(row.before))
            if row.last_day != last:
                row.last_day = last
                moved += 1
        await self._session.flush()
        return moved
