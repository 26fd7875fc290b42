"""The dispatcher's recipients (reminders/recipients.py): officers and group chats by id, the
done marks of claimed tasks, and stopping a chat that blocked the bot. Plain tuples out;
nothing here commits."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.officers import ADMIN, COORDINATOR
from store.models import CompletionRow, GroupChatRow, OfficerRow, OutboxRow, UnitRow

# Officer id or group chat id -> (unit id, can still be written to, name).
Recipients = dict[int, tuple[int | None, bool, str]]


class RecipientsRepo:
    """``uow.recipients``."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def officers(self, ids: set[int]) -> Recipients:
        """Officers by id; writable when their chat is active and they are active officers."""
        if not ids:
            return {}
        rows = await self._session.execute(
            select(
                OfficerRow.id,
                OfficerRow.unit_id,
                OfficerRow.chat_active,
                OfficerRow.status,
                OfficerRow.name,
            ).where(OfficerRow.id.in_(ids))  # fmt: skip
        )
        return {i: (u, bool(a) and s == "active", n) for i, u, a, s, n in rows.all()}

    async def groups(self, chats: set[int]) -> Recipients:
        """Linked group chats by chat id; writable while active."""
        if not chats:
            return {}
        rows = await self._session.execute(
            select(
                GroupChatRow.chat_id, GroupChatRow.unit_id, GroupChatRow.active, GroupChatRow.title
            ).where(GroupChatRow.chat_id.in_(chats))  # fmt: skip
        )
        return {c: (u, bool(a), t or str(c)) for c, u, a, t in rows.all()}

    async def done(self, task_ids: Iterable[int]) -> set[tuple[int, int | None, date]]:
        """Every (task, unit, due date) done mark of these tasks."""
        tasks = set(task_ids)
        if not tasks:
            return set()
        rows = await self._session.execute(
            select(CompletionRow.task_id, CompletionRow.unit_id, CompletionRow.due_date).where(
                CompletionRow.task_id.in_(tasks)
            )
        )
        return {(t, u, d) for t, u, d in rows.all()}

    async def stop_chat(self, chat_id: int) -> tuple[str | None, int | None, bool]:
        """Mark the officer whose chat it is unreachable and the linked group inactive: (name,
        unit id, whether it was a group)."""
        name: str | None = None
        unit_id: int | None = None
        session = self._session
        officer = await session.scalar(select(OfficerRow).where(OfficerRow.telegram_id == chat_id))
        if officer is not None:
            officer.chat_active = False
            name, unit_id = officer.name, officer.unit_id
        group = await session.scalar(select(GroupChatRow).where(GroupChatRow.chat_id == chat_id))
        if group is not None:
            group.active = False
            name, unit_id = group.title or name, group.unit_id
        return name, unit_id, group is not None

    async def unit_name(self, unit_id: int | None) -> str | None:
        if not unit_id:
            return None
        return await self._session.scalar(select(UnitRow.name).where(UnitRow.id == unit_id))

    async def coordinators_except(self, chat_id: int) -> list[tuple[int, int]]:
        """(chat id, officer id) of the active coordinators and administrators that can be
        written to, but the one of ``chat_id``."""
        rows = await self._session.execute(
            select(OfficerRow.telegram_id, OfficerRow.id).where(
                OfficerRow.role.in_((COORDINATOR, ADMIN)),
                OfficerRow.status == "active",
                OfficerRow.chat_active.is_(True),
                OfficerRow.telegram_id != chat_id,
            )
        )
        return [(t, i) for t, i in rows.all()]

    async def queue_once(
        self, chat_id: int, officer_id: int, kind: str, now: datetime, text: str
    ) -> bool:
        """Queue a message without a task to send now, unless one of ``kind`` was queued to the
        chat before; whether it queued."""
        exists = await self._session.scalar(
            select(OutboxRow.id).where(OutboxRow.chat_id == chat_id, OutboxRow.kind == kind)
        )
        if exists is not None:
            return False
        self._session.add(
            OutboxRow(
                chat_id=chat_id,
                officer_id=officer_id,
                task_id=None,
                due_date=now.date(),
                kind=kind,
                send_at=now,
                status="pending",
                text=text,
                attempts=0,
            )
        )
        return True

    async def flush(self) -> None:
        await self._session.flush()
