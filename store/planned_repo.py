"""The reminders planner's own pending outbox rows (services/replanning.py): read them, take
them out to be planned again, count the outbox by status. Plain tuples out; nothing here
commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from bot.clock import stored_utc
from store.models import OutboxRow

CHUNK = 500  # ids per DELETE … IN (…)

# (id, chat, task, due date, kind, send at in UTC) of a pending row.
PendingRow = tuple[int, int, int | None, date, str, datetime]


def _of_kinds(prefixes: Iterable[str], exact: Iterable[str]) -> ColumnElement[bool]:
    return or_(*(OutboxRow.kind.startswith(p) for p in prefixes), OutboxRow.kind.in_(sorted(exact)))


class PlannedRepo:
    """``uow.planned``."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def pending(
        self,
        since: datetime,
        prefixes: Sequence[str],
        exact: Iterable[str],
        *,
        lock: bool = False,
    ) -> list[PendingRow]:
        """Pending rows due at or after ``since`` whose kind starts with one of ``prefixes`` or
        is one of ``exact`` (``lock``: for update)."""
        stmt = select(
            OutboxRow.id,
            OutboxRow.chat_id,
            OutboxRow.task_id,
            OutboxRow.due_date,
            OutboxRow.kind,
            OutboxRow.send_at,
        ).where(
            OutboxRow.status == "pending",
            OutboxRow.send_at >= stored_utc(since),
            _of_kinds(prefixes, exact),
        )
        rows = (await self._session.execute(stmt.with_for_update() if lock else stmt)).all()
        return [(i, c, t, d, k, stored_utc(at)) for i, c, t, d, k, at in rows]

    async def delete_pending(self, ids: Sequence[int]) -> None:
        """Delete these rows if still pending."""
        for i in range(0, len(ids), CHUNK):
            await self._session.execute(
                delete(OutboxRow)
                .where(OutboxRow.id.in_(ids[i : i + CHUNK]), OutboxRow.status == "pending")
                .execution_options(synchronize_session=False)
            )

    async def counts(self) -> dict[str, int]:
        """Rows by status."""
        rows = await self._session.execute(
            select(OutboxRow.status, func.count()).group_by(OutboxRow.status)
        )
        return {status: int(n) for status, n in rows.all()}
