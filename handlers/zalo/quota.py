"""Zalo's monthly quota, never silent: digests near the cap, the administrators told of what it
refused.

- Near the cap (``WARN_SHARE`` of ``ZALO_MONTHLY_QUOTA``) ``ZaloDispatcher`` gathers each Zalo
  recipient's due messages of a claim into ONE digest ("Có N nhắc việc: …", numbered, typed
  actions, within 2,000 characters); the digest carries all the rows' ids, so they are marked
  sent once with its one message id (nothing lost, nothing doubled).
- A Zalo row given up after its tries for quota (``429``) and the replies Zalo refused for quota
  become a notice to the administrators and coordinators, through the outbox: on Telegram when
  they have it (``RoutingPort`` sends these notices there), else on their Zalo chat.

The dispatcher itself is unchanged: ``ZaloDispatcher`` only reshapes what it prepares and looks
at what it recorded.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.console import plain
from handlers.zalo.api import TEXT_LIMIT
from reminders.dispatcher import Dispatcher
from reminders.sender import Buttons, Outcome, SendItem
from reminders.texts import DONE_PREFIX, parse_callback
from services import zalo
from services.audit import utc
from services.officers import ADMIN, COORDINATOR
from store.models import OfficerRow, OutboxRow, TaskRow, ZaloQuotaRow
from store.uow import UnitOfWork

NOTICE_MARK = "⚠️ Bot Zalo"  # every quota notice starts so; RoutingPort sends them on Telegram
GIVEN_UP = "zalo.given_up"
REFUSED = "zalo.refused"
ENTRY_ROOM = 400  # characters of one reminder inside a digest


def done_targets(buttons: Buttons | None) -> list[tuple[int, str | None]]:
    """The task occurrences a reminder's ✅ buttons stand for, in order."""
    out: list[tuple[int, str | None]] = []
    for row in buttons or ():
        for _label, data in row:
            parsed = parse_callback(data)
            if parsed is not None and parsed[0] == DONE_PREFIX:
                out.append((parsed[1], parsed[2].isoformat()))
    return out


async def near_cap(session: AsyncSession, bot_id: str, now: datetime, cap: int) -> bool:
    month = now.strftime("%Y-%m")
    count = await session.scalar(
        select(ZaloQuotaRow.count).where(ZaloQuotaRow.bot_id == bot_id, ZaloQuotaRow.month == month)
    )
    return (count or 0) >= cap * zalo.WARN_SHARE


def digest_text(entries: Sequence[tuple[str, list[int]]]) -> str:
    """One plain-text message listing ``entries`` (a reminder's text, its ✅ numbers), numbered,
    each with its typed action, within Zalo's limit; the rest counted with a pointer."""
    head = f"Có {len(entries)} nhắc việc:"
    parts: list[str] = []
    for i, (text, numbers) in enumerate(entries, 1):
        body = plain(text).strip()
        if len(body) > ENTRY_ROOM:
            body = body[: ENTRY_ROOM - 1].rsplit("\n", 1)[0] + "…"
        if len(numbers) == 1:
            n = numbers[0]
            body += f"\n👉 «xong {n}» · «hoan {n} 1 ngay»"
        elif numbers:
            body += "\n👉 " + ", ".join(f"«xong {n}»" for n in numbers)
        parts.append(f"{i}. {body}")
    out = head
    for shown, part in enumerate(parts):
        more = f"\n\n… còn {len(parts) - shown} nhắc việc: gõ «viec» để xem thêm."
        rest = len(parts) - shown - 1
        room = TEXT_LIMIT - (len(more) + 5 if rest else 0)
        if len(out) + 2 + len(part) > room:
            return out + more
        out += "\n\n" + part
    return out


class ZaloDispatcher(Dispatcher):
    """The dispatcher over a ``RoutingPort`` with a Zalo side (``port.zalo``)."""

    async def _prepare(self, session: AsyncSession, *args: Any, **kwargs: Any) -> list[SendItem]:
        items: list[SendItem] = await super()._prepare(session, *args, **kwargs)
        zport = getattr(self.port, "zalo", None)
        if zport is None or len(items) < 2:
            return items
        settings = zport.bot.services.settings
        if not await near_cap(session, zport.bot.bot_id, self.clock(), settings.zalo_monthly_quota):
            return items
        chats: dict[int, str | None] = {}
        for item in items:
            if item.chat_id not in chats:
                chats[item.chat_id] = await zalo.chat_for_telegram_id(
                    UnitOfWork.over(session), item.chat_id
                )
        by_chat: dict[int, list[SendItem]] = {}
        for item in items:
            if chats[item.chat_id] is not None and not item.text.startswith(NOTICE_MARK):
                by_chat.setdefault(item.chat_id, []).append(item)
        out: list[SendItem] = []
        for item in items:
            group = by_chat.get(item.chat_id, [])
            if len(group) < 2:
                out.append(item)
            elif item is group[0]:
                out.append(await self._digest(session, str(chats[item.chat_id]), group))
        return out

    async def _digest(self, session: AsyncSession, zchat: str, group: list[SendItem]) -> SendItem:
        entries = []
        for item in group:
            targets = done_targets(item.buttons)
            numbers = (
                await zalo.add_numbers(UnitOfWork.over(session), zchat, targets) if targets else []
            )
            entries.append((item.text, numbers))
        ids = tuple(i for item in group for i in item.ids)
        # The port reads HTML: escape the plain digest so it arrives as written.
        return SendItem(group[0].chat_id, html.escape(digest_text(entries), quote=False), None, ids)

    async def _record(self, item: SendItem, result: Outcome, *args: Any, **kwargs: Any) -> None:
        await super()._record(item, result, *args, **kwargs)
        zport = getattr(self.port, "zalo", None)
        if result.status != "later" or zport is None:
            return
        async with UnitOfWork(self.sessions) as uow:
            s = uow.session
            if await zalo.chat_for_telegram_id(uow, item.chat_id) is None:
                return  # a Telegram 429: not Zalo's quota
            rows = (
                await s.execute(
                    select(OutboxRow.task_id, OutboxRow.officer_id).where(
                        OutboxRow.id.in_(item.ids),
                        OutboxRow.status == "failed",
                        OutboxRow.kind.not_like("zalo.%"),  # a notice never begets notices
                    )
                )
            ).all()
            if not rows:
                return
            await given_up(s, rows, self.clock())
            await uow.commit()


async def _staff(session: AsyncSession) -> Sequence[OfficerRow]:
    return (
        await session.scalars(
            select(OfficerRow).where(
                OfficerRow.role.in_((ADMIN, COORDINATOR)), OfficerRow.status == "active"
            )
        )
    ).all()


async def given_up(session: AsyncSession, rows: Sequence[Any], now: datetime) -> None:
    """Tell the administrators and coordinators which officer's reminder of which task Zalo's
    quota made the bot give up."""
    officers = {r.officer_id for r in rows if r.officer_id}
    tasks = {r.task_id for r in rows if r.task_id}
    names = dict(
        (
            await session.execute(
                select(OfficerRow.id, OfficerRow.name).where(OfficerRow.id.in_(officers))
            )
        ).all()  # fmt: skip
    )
    refs = dict(
        (
            await session.execute(select(TaskRow.id, TaskRow.ref).where(TaskRow.id.in_(tasks)))
        ).all()  # fmt: skip
    )
    lines = [
        f"• {names.get(r.officer_id, 'nhóm')}: việc {refs.get(r.task_id) or f'#{r.task_id}'}"
        for r in rows
    ]
    text = (
        f"{NOTICE_MARK} hết hạn mức tin nhắn: đã thôi gửi {len(rows)} lời nhắc sau nhiều lần "
        "thử lại. Cần báo trực tiếp cho cán bộ:\n" + "\n".join(lines[:20])
    )
    await _notify(session, GIVEN_UP, text, now)


async def refused(session: AsyncSession, now: datetime) -> None:
    """Count a reply Zalo refused for quota in the staff's pending notice (one per person and
    day while it waits), or start a new notice."""
    day = now.date()
    for a in await _staff(session):
        row = await session.scalar(
            select(OutboxRow).where(
                OutboxRow.chat_id == a.telegram_id,
                OutboxRow.kind == REFUSED,
                OutboxRow.due_date == day,
                OutboxRow.status == "pending",
            )  # fmt: skip
        )
        n = _refused_count(row.text or "") + 1 if row is not None else 1
        text = (
            f"{NOTICE_MARK} hết hạn mức tin nhắn: {n} tin trả lời cán bộ trên Zalo hôm nay "
            f"({day:%d/%m}) không gửi được. Có thể nâng gói Zalo Bot hoặc nhắc cán bộ dùng Telegram."
        )
        if row is not None:
            row.text = text
        else:
            session.add(_notice(a, REFUSED, text, now))
    await session.flush()


def _refused_count(text: str) -> int:
    try:
        return int(text.split(": ", 1)[1].split(" ", 1)[0])
    except (IndexError, ValueError):
        return 0


def _notice(a: OfficerRow, kind: str, text: str, now: datetime) -> OutboxRow:
    return OutboxRow(chat_id=a.telegram_id, officer_id=a.id, task_id=None, due_date=now.date(),
                     kind=kind, send_at=utc(now), status="pending", text=text, attempts=0)  # fmt: skip


async def _notify(session: AsyncSession, kind: str, text: str, now: datetime) -> None:
    for a in await _staff(session):
        session.add(_notice(a, kind, text, now))
    await session.flush()
