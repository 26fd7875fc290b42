"""Group chats repository: Telegram groups linked to a unit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import to_utc
from store.models import GroupChatRow


class GroupsRepo:
    """``uow.groups``: links between Telegram group chats and units; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _row(self, chat_id: int) -> GroupChatRow | None:
        return await self._session.scalar(select(GroupChatRow).where(GroupChatRow.chat_id == chat_id))  # fmt: skip

    async def link(self, chat_id: int, title: str | None, unit_id: int, by: int, now: datetime) -> None:  # fmt: skip
        """Link (or move) the group to ``unit_id``, active."""
        row = await self._row(chat_id)
        if row is None:
            row = GroupChatRow(chat_id=chat_id, created_at=to_utc(now))
            self._session.add(row)
        row.title, row.unit_id, row.linked_by, row.active = title, unit_id, by, True
        await self._session.flush()

    async def deactivate(self, chat_id: int) -> bool:
        """Keep the link but send nothing more there; False when it was not active."""
        row = await self._row(chat_id)
        if row is None or not row.active:
            return False
        row.active = False
        await self._session.flush()
        return True

    async def unit_of(self, chat_id: int) -> int | None:
        """The unit an active group link speaks for, if any."""
        return await self._session.scalar(
            select(GroupChatRow.unit_id).where(
                GroupChatRow.chat_id == chat_id, GroupChatRow.active.is_(True)
            )
        )
