"""Group chats linked to a unit: link, unlink (the bot left), and which unit a group speaks for."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.audit import audit, utc
from store.models import GroupChatRow


async def link_group(
    session: AsyncSession, chat_id: int, title: str | None, unit_id: int, by: int, now: datetime
) -> None:
    """Link a group chat to one unit (re-linking moves it)."""
    row = await session.scalar(select(GroupChatRow).where(GroupChatRow.chat_id == chat_id))
    if row is None:
        row = GroupChatRow(chat_id=chat_id, created_at=utc(now))
        session.add(row)
    row.title, row.unit_id, row.linked_by, row.active = title, unit_id, by, True
    await audit(session, now, by, "group.link", chat_id=chat_id, unit_id=unit_id)
    await session.flush()


async def unlink_group(session: AsyncSession, chat_id: int, now: datetime) -> bool:
    """The bot left a group: nothing more is sent there (the link is kept, inactive)."""
    row = await session.scalar(select(GroupChatRow).where(GroupChatRow.chat_id == chat_id))
    if row is None or not row.active:
        return False
    row.active = False
    await audit(session, now, None, "group.unlink", chat_id=chat_id)
    await session.flush()
    return True


async def group_unit(session: AsyncSession, chat_id: int) -> int | None:
    """The unit a group chat is linked to, if any."""
    return await session.scalar(
        select(GroupChatRow.unit_id).where(
            GroupChatRow.chat_id == chat_id, GroupChatRow.active.is_(True)
        )
    )
