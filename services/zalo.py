"""Zalo chats of officers: linking (invite or pairing code), the chat's memory, handled message
ids and the monthly message count. The adapter is ``handlers.zalo``.

An officer who joins on Zalo alone has no Telegram id; the officers table keys people by one, so
such an officer gets a synthetic negative id (Telegram user ids are positive) derived from the
Zalo user id. Nothing here commits: the caller's unit of work does.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import NotAllowed
from bot.phrases import TEAM
from services import invites
from services.audit import audit, utc
from services.officers import ADMIN, Officer, officer_from_row
from store.models import (
    OfficerRow,
    OutboxRow,
    TaskDueRow,
    ZaloChatRow,
    ZaloGroupRow,
    ZaloPairingRow,
    ZaloQuotaRow,
    ZaloSeenRow,
)

SYNTHETIC_BASE = 10**15
PAIRING_TTL = timedelta(minutes=30)
PAIRING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
QUOTA_NOTICE = "zalo.quota"
WARN_SHARE = 0.9  # the administrators are told at 90% of the monthly cap


def synthetic_telegram_id(zalo_user_id: str) -> int:
    """The officers-table key of someone known only on Zalo (negative: never a Telegram user)."""
    digest = int(hashlib.sha256(b"zalo|" + zalo_user_id.encode()).hexdigest()[:13], 16)
    return -(SYNTHETIC_BASE + digest)


def _hash(code: str) -> str:
    return hashlib.sha256(b"zalo-pair|" + code.upper().encode()).hexdigest()


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)  # SQLite keeps no offset


async def chat_of(session: AsyncSession, zalo_user_id: str) -> ZaloChatRow | None:
    return await session.scalar(
        select(ZaloChatRow).where(ZaloChatRow.zalo_user_id == zalo_user_id, ZaloChatRow.active)
    )


async def linked_officer(session: AsyncSession, zalo_user_id: str) -> Officer | None:
    """The officer whose Zalo chat this is, whatever their status; None for a stranger."""
    chat = await chat_of(session, zalo_user_id)
    if chat is None:
        return None
    row = await session.get(OfficerRow, chat.officer_id)
    return await officer_from_row(session, row) if row else None


async def chat_for_telegram_id(session: AsyncSession, telegram_id: int) -> str | None:
    """The Zalo chat of the officer with this (maybe synthetic) Telegram id, if linked."""
    return await session.scalar(
        select(ZaloChatRow.chat_id)
        .join(OfficerRow, OfficerRow.id == ZaloChatRow.officer_id)
        .where(OfficerRow.telegram_id == telegram_id, ZaloChatRow.active)
    )


async def link(
    session: AsyncSession, officer: Officer, zalo_user_id: str, chat_id: str, name: str, now: datetime
) -> None:  # fmt: skip
    """Make this Zalo chat the officer's (one Zalo chat per officer, one officer per chat)."""
    await session.execute(
        delete(ZaloChatRow).where(
            (ZaloChatRow.officer_id == officer.id) | (ZaloChatRow.zalo_user_id == zalo_user_id)
        )
    )
    session.add(ZaloChatRow(officer_id=officer.id, zalo_user_id=zalo_user_id, chat_id=chat_id,
                            display_name=name[:200], active=True, state={}, linked_at=utc(now)))  # fmt: skip
    await audit(session, now, officer.telegram_id, "zalo.link", officer_id=officer.id)
    await session.flush()


async def create_pairing(session: AsyncSession, officer: Officer, now: datetime) -> str:
    """A single-use code the officer sends to the Zalo bot to link their Zalo chat."""
    code = "".join(secrets.choice(PAIRING_ALPHABET) for _ in range(8))
    session.add(ZaloPairingRow(code_hash=_hash(code), officer_id=officer.id,
                               expires_at=utc(now + PAIRING_TTL)))  # fmt: skip
    await audit(session, now, officer.telegram_id, "zalo.pairing", officer_id=officer.id)
    await session.flush()
    return code


async def link_by_code(
    session: AsyncSession, code: str, zalo_user_id: str, chat_id: str, name: str, now: datetime
) -> Officer:
    """Link this Zalo chat by a pairing code shown on Telegram or by an invite code (``/moi``);
    raises ``NotAllowed`` with the reason otherwise."""
    pairing = await session.scalar(select(ZaloPairingRow).where(ZaloPairingRow.code_hash == _hash(code)))  # fmt: skip
    if pairing is not None:
        if pairing.used_at is not None:
            raise NotAllowed("Mã ghép nối này đã được dùng. Gõ /zalo trên Telegram để lấy mã mới.")
        if _aware(pairing.expires_at) <= utc(now):
            raise NotAllowed("Mã ghép nối đã hết hạn. Gõ /zalo trên Telegram để lấy mã mới.")
        row = await session.get(OfficerRow, pairing.officer_id)
        if row is None or row.status == "removed":
            raise NotAllowed(f"Tài khoản này đã bị gỡ. Hãy liên hệ {TEAM}.")
        pairing.used_at = utc(now)
        officer = await officer_from_row(session, row)
    else:
        current = await linked_officer(session, zalo_user_id)
        telegram_id = current.telegram_id if current else synthetic_telegram_id(zalo_user_id)
        officer = await invites.redeem_invite(session, code, telegram_id, name or "Cán bộ (Zalo)", now)  # fmt: skip
    await link(session, officer, zalo_user_id, chat_id, name, now)
    return officer


async def first_time(session: AsyncSession, message_id: str, now: datetime) -> bool:
    """Record a Zalo message id; False when it was handled already."""
    if await session.get(ZaloSeenRow, message_id) is not None:
        return False
    session.add(ZaloSeenRow(message_id=message_id[:100], seen_at=utc(now)))
    await session.flush()
    return True


async def forget_seen(session: AsyncSession, before: datetime) -> None:
    await session.execute(delete(ZaloSeenRow).where(ZaloSeenRow.seen_at < utc(before)))


async def count_messages(
    session: AsyncSession, bot_id: str, now: datetime, cap: int, n: int = 1
) -> int:
    """Add ``n`` messages to this month's count; at 90% of ``cap`` (once a month) every active
    administrator is told through the outbox. Returns the month's count."""
    month = now.strftime("%Y-%m")
    row = await session.scalar(
        select(ZaloQuotaRow).where(ZaloQuotaRow.bot_id == bot_id, ZaloQuotaRow.month == month)
    )
    if row is None:
        row = ZaloQuotaRow(bot_id=bot_id, month=month, count=0, warned=False)
        session.add(row)
    row.count = (row.count or 0) + n
    if not row.warned and row.count >= cap * WARN_SHARE:
        row.warned = True
        await _warn_admins(session, row.count, cap, now)
    await session.flush()
    return row.count


async def _warn_admins(session: AsyncSession, count: int, cap: int, now: datetime) -> None:
    text = (
        f"⚠️ Bot Zalo đã dùng {count}/{cap} tin nhắn của tháng {now:%m/%Y}. Khi hết hạn mức, "
        "lời nhắc trên Zalo sẽ chờ đến khi Zalo cho gửi lại; có thể nâng gói Zalo Bot "
        "hoặc nhắc cán bộ dùng Telegram."
    )
    admins = (
        await session.scalars(
            select(OfficerRow).where(OfficerRow.role == ADMIN, OfficerRow.status == "active")
        )
    ).all()
    day: date = now.date()
    for a in admins:
        session.add(OutboxRow(chat_id=a.telegram_id, officer_id=a.id, task_id=None, due_date=day,
                              kind=QUOTA_NOTICE, send_at=utc(now), status="pending", text=text,
                              attempts=0))  # fmt: skip


async def occurrence(session: AsyncSession, task_id: int, remembered: str | None) -> date | None:
    """The nominal due date a remembered occurrence stands for (see ``render.Target``)."""
    if not remembered:
        return None
    if not remembered.startswith("L"):
        return date.fromisoformat(remembered)
    last = date.fromisoformat(remembered[1:])
    found = await session.scalar(
        select(TaskDueRow.due_date)
        .where(TaskDueRow.task_id == task_id, TaskDueRow.last_day == last)
        .order_by(TaskDueRow.due_date)
        .limit(1)
    )
    return found or last


MAX_REMEMBERED = 300  # numbers kept per chat; older lists are forgotten first


def _numbers(state: dict[str, Any]) -> dict[str, Any]:
    found = state.get("numbers")
    return found if isinstance(found, dict) else {}


async def _holder(session: AsyncSession, key: str) -> ZaloChatRow | ZaloGroupRow | None:
    """Where a chat's memory lives: ``u:<zalo user id>`` (a private chat) or ``g:<group id>``."""
    kind, ident = key.split(":", 1)
    if kind == "g":
        return await session.scalar(
            select(ZaloGroupRow).where(ZaloGroupRow.chat_id == ident, ZaloGroupRow.active)
        )
    return await chat_of(session, ident)


async def state_of(session: AsyncSession, key: str) -> dict[str, Any]:
    holder = await _holder(session, key)
    return dict(holder.state or {}) if holder else {}


async def remember(
    session: AsyncSession,
    key: str,
    numbers: dict[int, tuple[int, str | None]],
    more: dict[str, Any] | None,
    merge: bool,
) -> None:
    """Keep which number means which task occurrence in this chat (replacing the previous list
    unless ``merge``) and what «xem thêm» continues."""
    holder = await _holder(session, key)
    if holder is None:
        return
    state = dict(holder.state or {})
    kept: dict[str, Any] = dict(_numbers(state)) if merge else {}
    kept.update({str(n): [t[0], t[1]] for n, t in numbers.items()})
    if len(kept) > MAX_REMEMBERED:
        kept = dict(sorted(kept.items(), key=lambda kv: int(kv[0]))[-MAX_REMEMBERED:])
    state["numbers"] = kept
    if more is not None or not merge:
        state["more"] = more
    holder.state = state  # a new dict: the JSON column is saved
    await session.flush()


async def group_unit(session: AsyncSession, chat_id: str) -> int | None:
    return await session.scalar(
        select(ZaloGroupRow.unit_id).where(ZaloGroupRow.chat_id == chat_id, ZaloGroupRow.active)
    )


async def link_group(
    session: AsyncSession, chat_id: str, unit_id: int, by: Officer, now: datetime
) -> None:
    """Link a Zalo group to a unit; only an active officer of that unit or a coordinator."""
    if not by.is_active or (by.unit_id != unit_id and not by.is_coordinator):
        raise NotAllowed(f"Chỉ cán bộ của đơn vị (hoặc {TEAM}) mới liên kết nhóm với đơn vị đó.")  # fmt: skip
    row = await session.scalar(select(ZaloGroupRow).where(ZaloGroupRow.chat_id == chat_id))
    if row is None:
        row = ZaloGroupRow(chat_id=chat_id, state={}, created_at=utc(now))
        session.add(row)
    row.unit_id, row.linked_by, row.active, row.state = unit_id, by.id, True, {}
    await audit(session, now, by.telegram_id, "zalo.group.link", unit_id=unit_id)
    await session.flush()


async def add_numbers(
    session: AsyncSession, zalo_chat_id: str, targets: list[tuple[int, str | None]]
) -> list[int]:
    """Numbers for a reminder's tasks after those the chat already shows (so a reminder never
    renumbers a list the officer is reading); returns them in order."""
    chat = await session.scalar(select(ZaloChatRow).where(ZaloChatRow.chat_id == zalo_chat_id, ZaloChatRow.active))  # fmt: skip
    if chat is None:
        return []
    state = dict(chat.state or {})
    kept: dict[str, Any] = dict(_numbers(state))
    base = max((int(k) for k in kept), default=0)
    if base + len(targets) > 999:
        kept, base = {}, 0
    numbers = list(range(base + 1, base + 1 + len(targets)))
    kept.update({str(n): [t[0], t[1]] for n, t in zip(numbers, targets, strict=True)})
    state["numbers"] = kept
    chat.state = state
    await session.flush()
    return numbers
