"""Receiving Zalo updates: long polling (one update per poll, ``408`` when idle) or a webhook
whose ``X-Bot-Api-Secret-Token`` header is checked in constant time. Updates are handled one at
a time, in order; ``ZaloBot.handle`` handles each message id once.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from typing import Any

from handlers.zalo.api import ZaloApi, ZaloError, ZaloNetworkError
from handlers.zalo.router import ZaloBot

log = logging.getLogger("tthc.zalo")
SECRET_HEADER = "X-Bot-Api-Secret-Token"


class Poller:
    def __init__(self, bot: ZaloBot, api: ZaloApi, timeout: int = 30) -> None:
        self.bot, self.api, self.timeout = bot, api, timeout
        self._task: asyncio.Task[None] | None = None
        self._failing = False

    def start(self) -> None:
        self._task = asyncio.create_task(self.run(), name="zalo-poller")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def run(self) -> None:
        backoff = 1.0
        while True:
            try:
                update = await self.api.get_update(self.timeout)
            except (ZaloError, ZaloNetworkError) as exc:
                if not self._failing:  # logged once per outage
                    log.warning("zalo polling failed (%s); retrying", exc)
                self._failing = True
                await asyncio.sleep(backoff)
                backoff = min(60.0, backoff * 2)
                continue
            if self._failing:
                log.info("zalo polling works again")
            self._failing, backoff = False, 1.0
            if update is not None:
                await handle_safely(self.bot, update)


async def handle_safely(bot: ZaloBot, update: dict[str, Any]) -> None:
    try:
        await bot.handle(update)
    except Exception:  # one bad update must not stop the channel
        log.exception("zalo update failed")


def secret_ok(expected: str, given: str | None) -> bool:
    """The webhook's secret header, compared in constant time."""
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


class Webhook:
    """A small HTTP server (tornado, which python-telegram-bot's webhooks already bring)."""

    def __init__(self, bot: ZaloBot, secret: str, port: int, path: str) -> None:
        self.bot, self.secret, self.port, self.path = bot, secret, port, "/" + path.strip("/")
        self._queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._server: Any = None
        self._worker: asyncio.Task[None] | None = None

    def start(self, listen: str = "0.0.0.0") -> None:
        import tornado.web

        hook = self

        class Handler(tornado.web.RequestHandler):
            async def post(self) -> None:
                if not secret_ok(hook.secret, self.request.headers.get(SECRET_HEADER)):
                    self.set_status(403)
                    return
                try:
                    update = json.loads(self.request.body or b"{}")
                except ValueError:
                    self.set_status(400)
                    return
                if isinstance(update, dict):
                    hook._queue.put_nowait(update)
                self.write({"ok": True})

        app = tornado.web.Application([(self.path, Handler)])
        self._server = app.listen(self.port, address=listen)
        self._worker = asyncio.create_task(self._work(), name="zalo-webhook")

    async def _work(self) -> None:
        while True:
            await handle_safely(self.bot, await self._queue.get())

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
