"""Group chats linked to a unit: link, unlink (the bot left), and which unit a group speaks for."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import to_utc
from bot.errors import NotAllowed
from bot.phrases import TEAM
from services.audit import audit
from services.officers import Officer, get_officer
from store.models import GroupChatRow, UnitRow


def may_link(officer: Officer | None, unit_id: int) -> bool:
    """Whether this person may speak for ``unit_id`` in a group: an active officer of the unit,
    or a coordinator or administrator (being an administrator of the group is checked with
    Telegram by the caller)."""
    if officer is None or not officer.is_active:
        return False
    return officer.is_coordinator or officer.unit_id == unit_id


async def link_group(
    session: AsyncSession, chat_id: int, title: str | None, unit_id: int, by: int, now: datetime
) -> None:
    """Link a group chat to one unit (re-linking moves it); ``by`` must be entitled to the unit
    (``may_link``), else ``NotAllowed`` with what to do."""
    if not may_link(await get_officer(session, by), unit_id):
        unit = await session.get(UnitRow, unit_id)
        name = unit.name if unit is not None else "đơn vị này"
        raise NotAllowed(
            f"Chỉ cán bộ của {name} (hoặc {TEAM}) đồng thời là quản trị nhóm mới liên "
            "kết được nhóm với đơn vị này. Hãy nhờ cán bộ của đơn vị là quản trị nhóm gõ lệnh; "
            "nếu chưa đăng ký, gõ /start trong tin nhắn riêng với bot."
        )
    row = await session.scalar(select(GroupChatRow).where(GroupChatRow.chat_id == chat_id))
    if row is None:
        row = GroupChatRow(chat_id=chat_id, created_at=to_utc(now))
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
