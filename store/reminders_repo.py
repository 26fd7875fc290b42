"""The reads of the reminders planner's loader (services/reminders.py): plain tuples out;
nothing here commits."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import stored_utc
from store.models import CompletionRow, GroupChatRow, OfficerRow, SnoozeRow, UnitRow


class RemindersRepo:
    """``uow.reminders``; reads only."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def officers(self) -> list[tuple[int, int, str, dict[str, object], int]]:
        """(chat id, unit id, name, settings, officer id) of every active officer with a unit
        whose chat takes messages."""
        rows = await self._session.scalars(
            select(OfficerRow).where(
                OfficerRow.status == "active",
                OfficerRow.chat_active.is_(True),
                OfficerRow.unit_id.is_not(None),
            )
        )
        out = []
        for o in rows.all():
            assert o.unit_id is not None
            out.append((o.telegram_id, o.unit_id, o.name, o.settings, o.id))
        return out

    async def groups(self) -> list[tuple[int, int, str | None]]:
        """(chat id, unit id, title) of every active linked group chat."""
        rows = await self._session.scalars(
            select(GroupChatRow).where(GroupChatRow.active.is_(True))
        )
        return [(g.chat_id, g.unit_id, g.title) for g in rows.all()]

    async def group_ids(self, unit_ids: Iterable[int]) -> set[int]:
        """Which of ``unit_ids`` are groups ("Các sở, ban, ngành")."""
        rows = await self._session.scalars(
            select(UnitRow.id).where(UnitRow.id.in_(sorted(unit_ids)), UnitRow.is_group.is_(True))
        )
        return set(rows.all())

    async def done(self, unit_ids: Iterable[int]) -> set[tuple[int, int, date]]:
        """(task, unit, due date) of every completion of these units."""
        rows = await self._session.execute(
            select(CompletionRow.task_id, CompletionRow.unit_id, CompletionRow.due_date).where(
                CompletionRow.unit_id.in_(sorted(unit_ids))
            )
        )
        return {(t, u, d) for t, u, d in rows.all()}

    async def snoozes(
        self, until_from: datetime
    ) -> dict[tuple[int, int, date], tuple[datetime, datetime]]:
        """(created, until) in UTC, by (task, officer, due date), of the snoozes lasting until
        ``until_from`` or later."""
        rows = await self._session.scalars(
            select(SnoozeRow).where(SnoozeRow.until >= stored_utc(until_from))
        )
        return {
            (s.task_id, s.officer_id, s.due_date): (stored_utc(s.created_at), stored_utc(s.until))
            for s in rows.all()
        }
