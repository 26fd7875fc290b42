"""The webhook in front of the Application, for one process or several replicas behind one URL.

python-telegram-bot's built-in webhook server answers 200 before an update is processed (a
crash loses it) and compares the secret with ``!=``. Here (PTB's custom-webhook pattern, on
the tornado server PTB already depends on) every POST:

1. checks ``X-Telegram-Bot-Api-Secret-Token`` in constant time (``hmac.compare_digest``);
2. records the update in the store (``services.webhook_updates.record``, insert-or-ignore on
   ``update_id``) and commits — Telegram gets no answer before that;
3. handles it, if this replica took it: a copy sent again by Telegram, or to another replica,
   finds it recorded and is answered 200 without being handled twice;
4. marks it done, then answers 200. Telegram sends a chat's next update only after this
   answer, so a chat's updates are handled in order.

A replica that dies between 2 and 4 leaves its update "working"; after ``stale`` seconds any
replica takes it over (the sweeper, or Telegram's own retry reaching another replica).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import hmac
import json
import logging
import os
import re
import socket
from datetime import timedelta
from typing import Any

import tornado.httpserver
import tornado.web
from telegram import Update

from handlers.app import NO_SURROGATES
from services import webhook_updates
from store.uow import Sessions, UnitOfWork

log = logging.getLogger("tthc.webhook")
# A JSON escape of a UTF-16 surrogate, the only way a lone surrogate gets into an update (the
# body itself must be valid UTF-8); a surrogate pair (an escaped emoji) also matches.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1 << 20  # an update is a few kilobytes; files come by file_id
STALE = timedelta(seconds=30)  # a working update older than this was left by a dead replica
SWEEP_EVERY = 5.0
KEEP_DONE = timedelta(days=2)  # Telegram gives up re-sending an update within a day
# Updates handled at once by one replica; the others wait their turn in order. Unbounded, a
# burst would hold every pooled connection and time out in the pool instead of queueing. An
# update spends most of its time waiting (the database, Telegram), so throughput is this many
# divided by an update's time in hand: 8 capped one process below 100 updates a second as soon
# as the machine was busy (the queue then grew without end). It stays within the pool
# (``store.db.PG_POOL``): an update holds one connection at a time.
CONCURRENCY = 24


def replica_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


class Receiver:
    """Records, de-duplicates and handles webhook updates for one Application."""

    def __init__(
        self,
        app: Any,
        sessions: Sessions,
        secret: str,
        *,
        owner: str | None = None,
        stale: timedelta = STALE,
        concurrency: int = CONCURRENCY,
    ) -> None:
        self.app = app
        self._slots = asyncio.Semaphore(concurrency)
        self.sessions = sessions
        self._secret = secret.encode()
        self.owner = owner or replica_name()
        self.stale = stale
        self.in_flight = 0
        self.handled = 0
        self.duplicates = 0

    def authentic(self, header: str | None) -> bool:
        return header is not None and hmac.compare_digest(header.encode(), self._secret)

    async def receive(self, body: bytes, header: str | None) -> int:
        """Handle one POST; returns the HTTP status to answer."""
        if not self.authentic(header):
            return 403
        try:
            data = json.loads(body)
            update_id = int(data["update_id"])
        except (ValueError, TypeError, KeyError):
            return 400
        if not isinstance(data, dict) or not 0 <= update_id < 2**63:
            return 400
        self.in_flight += 1
        try:
            async with self._slots:
                try:
                    async with UnitOfWork(self.sessions, single=True) as uow:
                        mine = await webhook_updates.record(
                            uow, update_id, _as_text(body, data), self.owner, self.stale
                        )
                except Exception:
                    log.exception("update %s not recorded", update_id)
                    return 503  # Telegram tries again later
                if not mine:
                    self.duplicates += 1
                    return 200
                await self._handle(update_id, data, body)
                return 200
        finally:
            self.in_flight -= 1

    async def _handle(
        self, update_id: int, data: dict[str, Any], body: bytes | None = None
    ) -> None:
        """Process the update (``body``: its JSON as received, when there is one)."""
        update = Update.de_json(data, self.app.bot)
        if body is not None and not _SURROGATE_ESCAPE.search(body):
            # Nothing for handlers.app._valid_unicode to replace: spare it encoding the update.
            self.app.bot_data.setdefault(NO_SURROGATES, set()).add(update_id)
        await self.app.process_update(update)
        self.handled += 1
        async with UnitOfWork(self.sessions, single=True) as uow:
            await webhook_updates.finish(uow, update_id, self.owner)

    async def sweep(self) -> int:
        """Handle the updates a dead replica left working; returns how many."""
        async with UnitOfWork(self.sessions) as uow:
            left = await webhook_updates.take_abandoned(uow, self.owner, self.stale)
        for data in left:
            log.warning("update %s left by a stopped replica: handled here", data["update_id"])
            async with self._slots:
                await self._handle(int(data["update_id"]), data)
        return len(left)

    async def sweeper(self, every: float = SWEEP_EVERY) -> None:
        """Sweep forever; forget handled updates once a day is over."""
        rounds = 0
        while True:
            await asyncio.sleep(every)
            try:
                await self.sweep()
                rounds += 1
                if rounds % max(1, int(3600 / every)) == 1:
                    async with UnitOfWork(self.sessions) as uow:
                        await webhook_updates.prune(uow, KEEP_DONE)
            except Exception:
                log.exception("webhook sweep failed")

    async def drain(self, timeout: float = 30.0) -> None:
        """Wait for the updates being handled (a clean stop finishes them)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.in_flight and loop.time() < deadline:
            await asyncio.sleep(0.05)


def _as_text(body: bytes, data: dict[str, Any]) -> str | dict[str, Any]:
    """The update's JSON as received, to store without encoding it again (Telegram sends
    UTF-8; anything else json.loads accepted is stored from the parsed update)."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return data


class _Hook(tornado.web.RequestHandler):
    def initialize(self, receiver: Receiver) -> None:
        self.receiver = receiver

    async def post(self) -> None:
        status = await self.receiver.receive(
            self.request.body, self.request.headers.get(SECRET_HEADER)
        )
        self.set_status(status)
        self.finish()


class _Health(tornado.web.RequestHandler):
    def get(self) -> None:
        self.write("ok")


def start_server(receiver: Receiver, path: str, port: int, address: str = "0.0.0.0") -> Any:
    """Listen for Telegram's POSTs on ``/<path>`` (and ``GET /healthz`` for the proxy)."""
    web = tornado.web.Application(
        [(rf"/{path.strip('/')}", _Hook, {"receiver": receiver}), (r"/healthz", _Health)]
    )
    server = tornado.httpserver.HTTPServer(web, max_body_size=MAX_BODY, xheaders=True)
    server.listen(port, address)
    return server


def freeze_startup_objects() -> None:
    """Move everything built at start (modules, handlers, the unit directory, the holidays)
    out of the garbage collector's reach: its full collections walked them all, 150-200 ms
    with the loop stopped, a few times a minute under load, and none of them is garbage."""
    gc.collect()
    gc.freeze()


async def serve(
    app: Any,
    sessions: Sessions,
    *,
    secret: str,
    url: str,
    path: str,
    port: int,
    allowed_updates: list[str],
    stop: asyncio.Event,
    stale: timedelta = STALE,
) -> None:
    """Run ``app`` behind the webhook until ``stop`` is set (PTB's custom-webhook pattern)."""
    async with app:  # initialize() … shutdown()
        if app.post_init is not None:
            await app.post_init(app)
        await app.bot.set_webhook(url=url, secret_token=secret, allowed_updates=allowed_updates)
        await app.start()
        freeze_startup_objects()
        receiver = Receiver(app, sessions, secret, stale=stale)
        server = start_server(receiver, path, port)
        every = min(SWEEP_EVERY, stale.total_seconds() / 2)
        sweeping = asyncio.create_task(receiver.sweeper(every))
        log.info("webhook listening on port %s, path /%s", port, path)
        try:
            await stop.wait()
        finally:
            server.stop()  # no new connections; the proxy sends them to another replica
            await receiver.drain()
            sweeping.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeping
            await server.close_all_connections()
            await app.stop()
    if app.post_shutdown is not None:
        await app.post_shutdown(app)
