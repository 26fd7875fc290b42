"""Joining: single-use invite codes, newcomers' requests and the coordinators who decide them.

Each use case takes a unit of work and commits it; ``redeem`` (shared with the Zalo link) leaves
the commit to its caller.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from bot.clock import stored_utc, to_utc
from bot.errors import NotAllowed, NotFound
from bot.officers import OFFICER, Officer
from bot.phrases import TEAM
from services.officers import save_officer
from store.uow import UnitOfWork

INVITE_TTL = timedelta(days=7)
USED = "Mã mời này đã được dùng. Mỗi liên kết chỉ dùng được một lần."
# A rejected newcomer may ask again only after this long (each request messages every
# coordinator); an invite link from a coordinator works at any time.
REQUEST_COOLDOWN = timedelta(days=3)


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


async def create_invite(
    uow: UnitOfWork,
    unit_id: int,
    created_by: int | None,
    now: datetime,
    role: str = OFFICER,
    ttl: timedelta = INVITE_TTL,
) -> str:
    """A new single-use code for ``unit_id`` (only its hash is stored); commits."""
    code = secrets.token_urlsafe(12)
    await uow.invites.add(_hash(code), unit_id, role, created_by, now + ttl)
    await uow.audit.record(now, created_by, "invite.create", unit_id=unit_id, role=role)
    await uow.commit()
    return code


async def redeem_invite(
    uow: UnitOfWork, code: str, telegram_id: int, name: str, now: datetime
) -> Officer:
    """Register the user in the invite's unit and spend the code; commits."""
    officer = await redeem(uow, code, telegram_id, name, now)
    await uow.commit()
    return officer


async def redeem(uow: UnitOfWork, code: str, telegram_id: int, name: str, now: datetime) -> Officer:
    """``redeem_invite`` without the commit (the Zalo link adds its own changes first)."""
    invite = await uow.invites.by_hash(_hash(code))
    if invite is None:
        raise NotAllowed(f"Mã mời không hợp lệ. Hãy xin {TEAM} một liên kết mới.")
    if invite.used:
        raise NotAllowed(USED)
    if invite.expires_at <= to_utc(now):
        raise NotAllowed(f"Mã mời đã hết hạn. Hãy xin {TEAM} một liên kết mới.")
    existing = await uow.officers.get(telegram_id)
    if existing is not None and existing.status == "removed":
        raise NotAllowed(f"Tài khoản của anh/chị đã bị gỡ. Hãy liên hệ {TEAM}.")
    if not await uow.invites.spend(invite.id, telegram_id, now):
        raise NotAllowed(USED)
    role = existing.role if existing and existing.role != OFFICER else invite.role
    officer = await save_officer(uow, telegram_id, name, invite.unit_id, role, now)
    await uow.audit.record(now, telegram_id, "invite.redeem", unit_id=invite.unit_id)
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


async def approval_refusal(uow: UnitOfWork, telegram_id: int, now: datetime) -> str | None:
    """``request_refusal`` for the stored person with this Telegram id."""
    found = await uow.officers.decided_at(telegram_id)
    if found is None:
        return None
    return request_refusal(found[0], found[1], now)


async def request_approval(
    uow: UnitOfWork, telegram_id: int, name: str, unit_id: int, now: datetime
) -> tuple[Officer, list[Officer]]:
    """Record a newcomer waiting for a coordinator's decision and commit; returns them and the
    coordinators to ask (``approvers``). Refused with ``NotAllowed`` while a request is pending
    or in the cool-down after a rejection."""
    why = await approval_refusal(uow, telegram_id, now)
    if why is not None:
        raise NotAllowed(why)
    if await uow.units.name(unit_id) is None:
        raise NotFound("Không tìm thấy đơn vị.")
    officer = await save_officer(uow, telegram_id, name, unit_id, OFFICER, now, status="pending")
    deciders = await approvers(uow)
    await uow.commit()
    return officer, deciders


async def approvers(uow: UnitOfWork) -> list[Officer]:
    """Active coordinators and administrators (who approve newcomers)."""
    return await uow.officers.active_in_roles()


async def decide(
    uow: UnitOfWork, officer_id: int, approve: bool, by: Officer, now: datetime
) -> Officer:
    """A coordinator approves or rejects a pending officer; commits."""
    if not by.is_coordinator:
        raise NotAllowed(f"Chỉ {TEAM} mới duyệt được đăng ký.")
    found = await uow.officers.get_by_id(officer_id)
    if found is None:
        raise NotFound("Không tìm thấy yêu cầu đăng ký.")
    if found.status != "pending":
        raise NotAllowed("Yêu cầu này đã được xử lý.")
    officer = await uow.officers.decide(officer_id, "active" if approve else "rejected", now)
    await uow.audit.record(now, by.telegram_id, "officer.approve" if approve else "officer.reject",
                           officer_id=officer_id)  # fmt: skip
    await uow.commit()
    return officer
