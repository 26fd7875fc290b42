"""Group chats linked to a unit: link, unlink (the bot left), and which unit a group speaks for."""

from __future__ import annotations

from datetime import datetime

from bot.errors import NotAllowed, NotFound
from bot.officers import Officer
from bot.phrases import TEAM
from store.uow import Session, UnitOfWork


def may_link(officer: Officer | None, unit_id: int) -> bool:
    """Whether this person may speak for ``unit_id`` in a group: an active officer of the unit,
    or a coordinator or administrator (being an administrator of the group is checked with
    Telegram by the caller)."""
    if officer is None or not officer.is_active:
        return False
    return officer.is_coordinator or officer.unit_id == unit_id


async def link_group(
    uow: UnitOfWork, chat_id: int, title: str | None, unit_id: int, by: int, now: datetime
) -> str:
    """Link a group chat to one unit (re-linking moves it) and commit; returns the unit's name.
    ``by`` must be entitled to the unit (``may_link``), else ``NotAllowed`` with what to do."""
    name = await uow.units.name(unit_id)
    if not may_link(await uow.officers.get(by), unit_id):
        raise NotAllowed(
            f"Chỉ cán bộ của {name or 'đơn vị này'} (hoặc {TEAM}) đồng thời là quản trị "
            "nhóm mới liên kết được nhóm với đơn vị này. Hãy nhờ cán bộ của đơn vị là quản trị "
            "nhóm gõ lệnh; nếu chưa đăng ký, gõ /start trong tin nhắn riêng với bot."
        )
    if name is None:
        raise NotFound("Không tìm thấy đơn vị.")
    await uow.groups.link(chat_id, title, unit_id, by, now)
    await uow.audit.record(now, by, "group.link", chat_id=chat_id, unit_id=unit_id)
    await uow.commit()
    return name


async def unlink_group(uow: UnitOfWork, chat_id: int, now: datetime) -> bool:
    """The bot left a group: nothing more is sent there (the link is kept, inactive); commits."""
    if not await uow.groups.deactivate(chat_id):
        return False
    await uow.audit.record(now, None, "group.unlink", chat_id=chat_id)
    await uow.commit()
    return True


async def group_unit(db: UnitOfWork | Session, chat_id: int) -> int | None:
    """The unit a group chat is linked to, if any (a bare session still accepted for the
    callers not moved to a unit of work yet)."""
    return await UnitOfWork.over(db).groups.unit_of(chat_id)
