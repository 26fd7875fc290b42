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
from typing import Any

from bot.reminders.texts import DONE_PREFIX, parse_callback
from handlers.console import plain
from handlers.zalo.api import TEXT_LIMIT
from reminders.dispatcher import Dispatcher
from reminders.send_types import Buttons, Outcome, SendItem
from services import zalo, zalo_quota
from services.zalo_quota import GIVEN_UP, NOTICE_MARK, REFUSED, near_cap
from store.uow import Session, UnitOfWork

__all__ = ["GIVEN_UP", "NOTICE_MARK", "REFUSED", "ZaloDispatcher", "digest_text", "done_targets"]
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

    async def _prepare(self, session: Session, *args: Any, **kwargs: Any) -> list[SendItem]:
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

    async def _digest(self, session: Session, zchat: str, group: list[SendItem]) -> SendItem:
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
            await zalo_quota.given_up(uow, item.chat_id, item.ids, self.clock())
