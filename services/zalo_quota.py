"""Zalo's monthly quota as the channel's dispatcher and replies meet it: whether the cap is near,
and the notices telling the administrators and coordinators what the quota refused (through the
outbox). The adapter is ``handlers.zalo.quota``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from services.zalo import WARN_SHARE, chat_for_telegram_id
from store.uow import Session, UnitOfWork

NOTICE_MARK = "⚠️ Bot Zalo"  # every quota notice starts so; RoutingPort sends them on Telegram
GIVEN_UP = "zalo.given_up"
REFUSED = "zalo.refused"


async def near_cap(db: UnitOfWork | Session, bot_id: str, now: datetime, cap: int) -> bool:
    count = await UnitOfWork.over(db).zalo.month_count(bot_id, now.strftime("%Y-%m"))
    return count >= cap * WARN_SHARE


async def given_up(uow: UnitOfWork, chat_id: int, outbox_ids: Sequence[int], now: datetime) -> None:  # fmt: skip
    """A recipient's rows given up for Zalo's quota: tell the administrators and coordinators
    which officer's reminder of which task, and commit (nothing for a Telegram chat's 429)."""
    if await chat_for_telegram_id(uow, chat_id) is None:
        return  # a Telegram 429: not Zalo's quota
    rows = await uow.zalo.given_up(outbox_ids)
    if not rows:
        return
    lines = [f"• {name}: việc {ref}" for _task, name, ref in rows]
    text = (
        f"{NOTICE_MARK} hết hạn mức tin nhắn: đã thôi gửi {len(rows)} lời nhắc sau nhiều lần "
        "thử lại. Cần báo trực tiếp cho cán bộ:\n" + "\n".join(lines[:20])
    )
    for a in await uow.officers.active_in_roles():
        uow.zalo.queue_notice(a.telegram_id, a.id, now.date(), GIVEN_UP, now, text)
    await uow.commit()


async def refused(uow: UnitOfWork, now: datetime) -> None:
    """Count a reply Zalo refused for quota in the staff's pending notice (one per person and
    day while it waits), or start a new notice; commits."""
    day = now.date()
    for a in await uow.officers.active_in_roles():
        pending = await uow.zalo.pending_notice(a.telegram_id, REFUSED, day)
        n = _refused_count(pending[1]) + 1 if pending is not None else 1
        text = (
            f"{NOTICE_MARK} hết hạn mức tin nhắn: {n} tin trả lời cán bộ trên Zalo hôm nay "
            f"({day:%d/%m}) không gửi được. Có thể nâng gói Zalo Bot hoặc nhắc cán bộ dùng Telegram."
        )
        if pending is not None:
            await uow.zalo.set_notice_text(pending[0], text)
        else:
            uow.zalo.queue_notice(a.telegram_id, a.id, day, REFUSED, now, text)
    await uow.commit()


def _refused_count(text: str) -> int:
    try:
        return int(text.split(": ", 1)[1].split(" ", 1)[0])
    except (IndexError, ValueError):
        return 0
