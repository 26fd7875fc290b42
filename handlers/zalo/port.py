"""Reminders on Zalo: a ``SendPort`` beside the Telegram one, and the port that routes each
outbox row to its recipient's channel.

The outbox addresses an officer by their (maybe synthetic) Telegram id; an officer with a linked
Zalo chat gets their reminders on Zalo, everyone else (and every Telegram group) on Telegram.
Zalo has its own pacing (one message per ``interval`` overall, under the reminders sender's
per-chat pacing) and quota: ``429 Quota exceeded`` becomes ``RetryLater`` so the dispatcher
gives the row back to the outbox for a later try, never dropping it silently.
"""

from __future__ import annotations

import asyncio
import hashlib
import time

from handlers.console import plain
from handlers.zalo.api import QUOTA, TEXT_LIMIT, ZaloError, ZaloNetworkError
from handlers.zalo.quota import NOTICE_MARK, done_targets
from handlers.zalo.router import ZaloBot
from reminders.send_types import Buttons, Permanent, RetryLater, SendPort, Transient
from services import zalo

GONE = (403, 404)
CUT = "… Gõ «viec» hoặc «quahan» để xem đủ."


def fit(body: str, room: int) -> str:
    """``body`` within ``room`` characters, cut at a line break with a pointer to the rest."""
    if len(body) <= room:
        return body
    cut = body[: room - len(CUT) - 1].rsplit("\n", 1)[0]
    return f"{cut}\n{CUT}"


def message_number(message_id: str) -> int:
    """The outbox keeps an integer message id; Zalo's are strings."""
    return int(hashlib.sha256(message_id.encode()).hexdigest()[:12], 16)


class ZaloPort:
    """Sends a reminder (Telegram HTML, rows of buttons) as plain text with typed actions."""

    def __init__(self, bot: ZaloBot, interval: float = 0.35) -> None:
        self.bot = bot
        self.interval = interval
        self._lock = asyncio.Lock()
        self._last = 0.0

    async def chat_for(self, recipient: int) -> str | None:
        async with self.bot.services.uow(read_only=True) as uow:
            return await zalo.chat_for_telegram_id(uow, recipient)

    async def send_to(self, chat_id: str, text: str, buttons: Buttons | None) -> int:
        body = plain(text).strip()
        targets = done_targets(buttons)
        if targets:
            async with self.bot.services.uow() as uow:
                numbers = await zalo.number_reminder(uow, chat_id, targets)
            if len(numbers) == 1:
                n = numbers[0]
                actions = f"👉 Gõ «xong {n}» khi đã xong · «hoan {n} 1 ngay» để nhắc lại sau."
            else:
                listed = ", ".join(f"việc {i} → «xong {n}»" for i, n in enumerate(numbers, 1))
                actions = f"👉 Gõ khi đã xong: {listed}."
            body = f"{fit(body, TEXT_LIMIT - len(actions) - 2)}\n\n{actions}"
        body = fit(body, TEXT_LIMIT)
        async with self._lock:  # Zalo's own pacing, across chats
            wait = self._last + self.interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self._last = time.monotonic()
        try:
            sent = await self.bot.api.send_message(chat_id, body)
        except ZaloError as exc:
            if exc.code == QUOTA:
                raise RetryLater(self.bot.services.settings.zalo_quota_retry) from None
            if exc.code >= 500:
                raise Transient(str(exc)) from None
            raise Permanent(str(exc), chat_gone=exc.code in GONE) from None
        except ZaloNetworkError as exc:
            raise Transient(str(exc), ambiguous=True) from None
        return message_number(sent or chat_id)

    async def send(self, chat_id: int, text: str, buttons: Buttons | None) -> int:
        zchat = await self.chat_for(chat_id)
        if zchat is None:
            raise Permanent("no Zalo chat linked to this recipient")
        return await self.send_to(zchat, text, buttons)


class RoutingPort:
    """Each recipient on their channel: Zalo when they linked a Zalo chat, else Telegram."""

    def __init__(self, telegram: SendPort | None, zalo_port: ZaloPort | None) -> None:
        self.telegram, self.zalo = telegram, zalo_port

    async def send(self, chat_id: int, text: str, buttons: Buttons | None) -> int:
        if text.startswith(NOTICE_MARK) and chat_id > 0 and self.telegram is not None:
            return await self.telegram.send(chat_id, text, buttons)  # Zalo's quota spared
        if self.zalo is not None:
            zchat = await self.zalo.chat_for(chat_id)
            if zchat is not None:
                return await self.zalo.send_to(zchat, text, buttons)
        if self.telegram is None:
            raise Permanent("recipient has no Zalo chat and Telegram is not configured")
        return await self.telegram.send(chat_id, text, buttons)
