"""Zalo chats of officers: linking (invite or pairing code), the chat's memory, handled message
ids and the monthly message count. The adapter is ``handlers.zalo``; the rows are in
``store.zalo_repo``.

An officer who joins on Zalo alone has no Telegram id; the officers table keys people by one, so
such an officer gets a synthetic negative id (Telegram user ids are positive) derived from the
Zalo user id. The use cases the adapter calls alone commit; ``add_numbers`` and
``count_messages`` (also parts of a dispatcher's transaction) leave it to their caller.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, timedelta
from typing import Any

from bot.clock import to_utc
from bot.errors import NotAllowed
from bot.officers import ADMIN, Officer
from bot.phrases import TEAM
from services import invites
from services.unit_lookup import find_units
from store.uow import UnitOfWork

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


async def linked_officer(uow: UnitOfWork, zalo_user_id: str) -> Officer | None:
    """The officer whose Zalo chat this is, whatever their status; None for a stranger."""
    officer_id = await uow.zalo.officer_of(zalo_user_id)
    return await uow.officers.get_by_id(officer_id) if officer_id is not None else None


async def chat_for_telegram_id(uow: UnitOfWork, telegram_id: int) -> str | None:
    """The Zalo chat of the officer with this (maybe synthetic) Telegram id, if linked."""
    return await uow.zalo.chat_for_telegram_id(telegram_id)


async def _link(
    uow: UnitOfWork, officer: Officer, zalo_user_id: str, chat_id: str, name: str, now: datetime
) -> None:  # fmt: skip
    """Make this Zalo chat the officer's (one Zalo chat per officer, one officer per chat)."""
    await uow.zalo.link(officer.id, zalo_user_id, chat_id, name, now)
    await uow.audit.record(now, officer.telegram_id, "zalo.link", officer_id=officer.id)


async def create_pairing(uow: UnitOfWork, officer: Officer, now: datetime) -> str:
    """A single-use code the officer sends to the Zalo bot to link their Zalo chat; commits."""
    code = "".join(secrets.choice(PAIRING_ALPHABET) for _ in range(8))
    await uow.zalo.add_pairing(_hash(code), officer.id, now + PAIRING_TTL)
    await uow.audit.record(now, officer.telegram_id, "zalo.pairing", officer_id=officer.id)
    await uow.commit()
    return code


async def link_by_code(
    uow: UnitOfWork, code: str, zalo_user_id: str, chat_id: str, name: str, now: datetime
) -> Officer:
    """Link this Zalo chat by a pairing code shown on Telegram or by an invite code (``/moi``)
    and commit; raises ``NotAllowed`` with the reason otherwise."""
    pairing = await uow.zalo.pairing(_hash(code))
    if pairing is not None:
        if pairing.used:
            raise NotAllowed("Mã ghép nối này đã được dùng. Gõ /zalo trên Telegram để lấy mã mới.")
        if pairing.expires_at <= to_utc(now):
            raise NotAllowed("Mã ghép nối đã hết hạn. Gõ /zalo trên Telegram để lấy mã mới.")
        found = await uow.officers.get_by_id(pairing.officer_id)
        if found is None or found.status == "removed":
            raise NotAllowed(f"Tài khoản này đã bị gỡ. Hãy liên hệ {TEAM}.")
        await uow.zalo.use_pairing(pairing.id, now)
        officer = found
    else:
        current = await linked_officer(uow, zalo_user_id)
        telegram_id = current.telegram_id if current else synthetic_telegram_id(zalo_user_id)
        officer = await invites.redeem(uow, code, telegram_id, name or "Cán bộ (Zalo)", now)
    await _link(uow, officer, zalo_user_id, chat_id, name, now)
    await uow.commit()
    return officer


async def first_time(
    uow: UnitOfWork, message_id: str, now: datetime, forget_before: datetime | None = None
) -> bool:
    """Record a Zalo message id (and with ``forget_before``, forget older ones) and commit;
    False when it was handled already."""
    fresh = await uow.zalo.first_time(message_id, now)
    if forget_before is not None:
        await uow.zalo.forget_seen(forget_before)
    await uow.commit()
    return fresh


async def count_messages(uow: UnitOfWork, bot_id: str, now: datetime, cap: int, n: int = 1) -> int:
    """Add ``n`` messages to this month's count; at 90% of ``cap`` (once a month) every active
    administrator is told through the outbox. Returns the month's count; the caller commits."""
    count, warn = await uow.zalo.count_messages(bot_id, now.strftime("%Y-%m"), n, cap * WARN_SHARE)
    if warn:
        await _warn_admins(uow, count, cap, now)
    return count


async def count_message(uow: UnitOfWork, bot_id: str, now: datetime, cap: int) -> int:
    """``count_messages`` for one message sent or received, committed."""
    count = await count_messages(uow, bot_id, now, cap)
    await uow.commit()
    return count


async def _warn_admins(uow: UnitOfWork, count: int, cap: int, now: datetime) -> None:
    text = (
        f"⚠️ Bot Zalo đã dùng {count}/{cap} tin nhắn của tháng {now:%m/%Y}. Khi hết hạn mức, "
        "lời nhắc trên Zalo sẽ chờ đến khi Zalo cho gửi lại; có thể nâng gói Zalo Bot "
        "hoặc nhắc cán bộ dùng Telegram."
    )
    day: date = now.date()
    for a in await uow.officers.active_in_roles(ADMIN):
        uow.zalo.queue_notice(a.telegram_id, a.id, day, QUOTA_NOTICE, now, text)


async def occurrence(uow: UnitOfWork, task_id: int, remembered: str | None) -> date | None:
    """The nominal due date a remembered occurrence stands for (see ``render.Target``)."""
    if not remembered:
        return None
    if not remembered.startswith("L"):
        return date.fromisoformat(remembered)
    last = date.fromisoformat(remembered[1:])
    found = await uow.zalo.first_due_with_last_day(task_id, last)
    return found or last


MAX_REMEMBERED = 300  # numbers kept per chat; older lists are forgotten first


def _numbers(state: dict[str, Any]) -> dict[str, Any]:
    found = state.get("numbers")
    return found if isinstance(found, dict) else {}


async def state_of(uow: UnitOfWork, key: str) -> dict[str, Any]:
    """A chat's memory: ``u:<zalo user id>`` (a private chat) or ``g:<group id>``."""
    return await uow.zalo.state(key) or {}


async def remember(
    uow: UnitOfWork,
    key: str,
    numbers: dict[int, tuple[int, str | None]],
    more: dict[str, Any] | None,
    merge: bool,
) -> None:
    """Keep which number means which task occurrence in this chat (replacing the previous list
    unless ``merge``) and what «xem thêm» continues; commits."""
    state = await uow.zalo.state(key)
    if state is None:
        return
    kept: dict[str, Any] = dict(_numbers(state)) if merge else {}
    kept.update({str(n): [t[0], t[1]] for n, t in numbers.items()})
    if len(kept) > MAX_REMEMBERED:
        kept = dict(sorted(kept.items(), key=lambda kv: int(kv[0]))[-MAX_REMEMBERED:])
    state["numbers"] = kept
    if more is not None or not merge:
        state["more"] = more
    await uow.zalo.set_state(key, state)
    await uow.commit()


async def group_unit(uow: UnitOfWork, chat_id: str) -> int | None:
    return await uow.zalo.group_unit(chat_id)


async def link_group(
    uow: UnitOfWork, chat_id: str, name: str, by: Officer, now: datetime
) -> str | None:
    """Link a Zalo group to the unit best matching ``name`` and commit; returns the unit's name
    (None: no such unit). Only an active officer of that unit or a coordinator may."""
    found = await find_units(uow, name)
    if not found:
        return None
    unit_id = found[0].id
    if not by.is_active or (by.unit_id != unit_id and not by.is_coordinator):
        raise NotAllowed(f"Chỉ cán bộ của đơn vị (hoặc {TEAM}) mới liên kết nhóm với đơn vị đó.")  # fmt: skip
    await uow.zalo.link_group(chat_id, unit_id, by.id, now)
    await uow.audit.record(now, by.telegram_id, "zalo.group.link", unit_id=unit_id)
    unit = await uow.units.name(unit_id)
    await uow.commit()
    return unit or found[0].name


async def add_numbers(
    uow: UnitOfWork, zalo_chat_id: str, targets: list[tuple[int, str | None]]
) -> list[int]:
    """Numbers for a reminder's tasks after those the chat already shows (so a reminder never
    renumbers a list the officer is reading); returns them in order. The caller commits."""
    key = f"c:{zalo_chat_id}"
    state = await uow.zalo.state(key)
    if state is None:
        return []
    kept: dict[str, Any] = dict(_numbers(state))
    base = max((int(k) for k in kept), default=0)
    if base + len(targets) > 999:
        kept, base = {}, 0
    numbers = list(range(base + 1, base + 1 + len(targets)))
    kept.update({str(n): [t[0], t[1]] for n, t in zip(numbers, targets, strict=True)})
    state["numbers"] = kept
    await uow.zalo.set_state(key, state)
    return numbers


async def number_reminder(
    uow: UnitOfWork, zalo_chat_id: str, targets: list[tuple[int, str | None]]
) -> list[int]:
    """``add_numbers`` for one reminder sent on its own, committed."""
    numbers = await add_numbers(uow, zalo_chat_id, targets)
    await uow.commit()
    return numbers
