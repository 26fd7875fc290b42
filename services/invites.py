"""Joining: single-use invite codes, newcomers' requests and the coordinators who decide them.

Nothing here commits: the caller's unit of work does.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import stored_utc, to_utc
from bot.errors import NotAllowed, NotFound
from bot.phrases import TEAM
from services.audit import audit
from services.officers import (
    ADMIN,
    COORDINATOR,
    OFFICER,
    Officer,
    add_officer,
    get_officer,
    officer_from_row,
)
from store.models import InviteRow, OfficerRow, UnitRow

INVITE_TTL = timedelta(days=7)
USED = "Mã mời này đã được dùng. Mỗi liên kết chỉ dùng được một lần."
# A rejected newcomer may ask again only after this long (each request messages every
# coordinator); an invite link from a coordinator works at any time.
REQUEST_COOLDOWN = timedelta(days=3)


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


async def create_invite(
    session: AsyncSession,
    unit_id: int,
    created_by: int | None,
    now: datetime,
    role: str = OFFICER,
    ttl: timedelta = INVITE_TTL,
) -> str:
    """A new single-use code for ``unit_id``; only its hash is stored."""
    code = secrets.token_urlsafe(12)
    session.add(
        InviteRow(
            code_hash=_hash(code),
            unit_id=unit_id,
            role=role,
            created_by=created_by,
            expires_at=to_utc(now + ttl),
        )
    )
    await audit(session, now, created_by, "invite.create", unit_id=unit_id, role=role)
    await session.flush()
    return code


async def redeem_invite(
    session: AsyncSession, code: str, telegram_id: int, name: str, now: datetime
) -> Officer:
    """Register the user in the invite's unit and spend the code."""
    row = await session.scalar(select(InviteRow).where(InviteRow.code_hash == _hash(code)))
    if row is None:
        raise NotAllowed(f"Mã mời không hợp lệ. Hãy xin {TEAM} một liên kết mới.")
    if row.used_at is not None:
        raise NotAllowed(USED)
    expires = stored_utc(row.expires_at)
    if expires <= to_utc(now):
        raise NotAllowed(f"Mã mời đã hết hạn. Hãy xin {TEAM} một liên kết mới.")
    existing = await get_officer(session, telegram_id)
    if existing is not None and existing.status == "removed":
        raise NotAllowed(f"Tài khoản của anh/chị đã bị gỡ. Hãy liên hệ {TEAM}.")
    # Spend the code only if nobody spent it since it was read: concurrent redemptions queue on
    # the row (PostgreSQL re-checks the condition once the first one commits; SQLite has one
    # writer at a time), so exactly one of them registers.
    spent = await session.execute(
        update(InviteRow)
        .where(InviteRow.id == row.id, InviteRow.used_at.is_(None))
        .values(used_at=to_utc(now), used_by=telegram_id)
        .execution_options(synchronize_session=False)
    )
    if getattr(spent, "rowcount", 0) != 1:
        raise NotAllowed(USED)
    role = existing.role if existing and existing.role != OFFICER else row.role
    officer = await add_officer(session, telegram_id, name, row.unit_id, role, now)
    await audit(session, now, telegram_id, "invite.redeem", unit_id=row.unit_id)
    return officer


def request_refusal(existing: Officer | None, decided_at: datetime | None, now: datetime) -> str | None:  # fmt: skip
    """Why this person may not ask for approval now, or None: one pending request at a time,
    none for an active or removed account, and a cool-down after a rejection."""
    if existing is None:
        return None
    if existing.status in ("active", "removed"):
        return f"Tài khoản này không thể đăng ký lại. Hãy liên hệ {TEAM}."
    if existing.status == "pending":
        return f"Yêu cầu đăng ký đang chờ {TEAM} duyệt; không cần gửi lại."
    if existing.status == "rejected" and decided_at is not None:
        decided = stored_utc(decided_at)
        again = decided + REQUEST_COOLDOWN
        if to_utc(now) < again:
            local = again.astimezone(now.tzinfo)
            return (
                f"Đăng ký vừa bị từ chối; có thể gửi lại sau {local:%H:%M %d/%m/%Y}, "
                f"hoặc xin {TEAM} một liên kết mời."
            )
    return None


async def approval_refusal(session: AsyncSession, telegram_id: int, now: datetime) -> str | None:
    """``request_refusal`` for the stored person with this Telegram id."""
    row = await session.scalar(select(OfficerRow).where(OfficerRow.telegram_id == telegram_id))
    if row is None:
        return None
    return request_refusal(await officer_from_row(session, row), row.decided_at, now)


async def request_approval(
    session: AsyncSession, telegram_id: int, name: str, unit_id: int, now: datetime
) -> Officer:
    """Record a newcomer waiting for a coordinator's decision (refused with ``NotAllowed`` while
    a request is pending or in the cool-down after a rejection)."""
    why = await approval_refusal(session, telegram_id, now)
    if why is not None:
        raise NotAllowed(why)
    if await session.get(UnitRow, unit_id) is None:
        raise NotFound("Không tìm thấy đơn vị.")
    return await add_officer(session, telegram_id, name, unit_id, OFFICER, now, status="pending")


async def approvers(session: AsyncSession) -> list[Officer]:
    """Active coordinators and administrators (who approve newcomers)."""
    rows = (
        await session.scalars(
            select(OfficerRow).where(
                OfficerRow.role.in_((COORDINATOR, ADMIN)), OfficerRow.status == "active"
            )
        )
    ).all()
    return [await officer_from_row(session, r) for r in rows]


async def decide(
    session: AsyncSession, officer_id: int, approve: bool, by: Officer, now: datetime
) -> Officer:
    """A coordinator approves or rejects a pending officer."""
    if not by.is_coordinator:
        raise NotAllowed(f"Chỉ {TEAM} mới duyệt được đăng ký.")
    row = await session.get(OfficerRow, officer_id)
    if row is None:
        raise NotFound("Không tìm thấy yêu cầu đăng ký.")
    if row.status != "pending":
        raise NotAllowed("Yêu cầu này đã được xử lý.")
    row.status = "active" if approve else "rejected"
    row.decided_at = to_utc(now)
    await audit(session, now, by.telegram_id, "officer.approve" if approve else "officer.reject",
                officer_id=officer_id)  # fmt: skip
    await session.flush()
    return await officer_from_row(session, row)
