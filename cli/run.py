"""`run`: the Telegram bot with a token (polling, or webhook when TTHC_WEBHOOK_URL is set), the
Zalo bot with ZALO_BOT_TOKEN (alone, or beside Telegram in the same process), the console chat
without any token (or with --console). `python bot.py` alone runs this."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import logging
from datetime import timedelta
from typing import Any
from urllib.parse import urlparse


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("run", help="run the bot (console chat when there is no token)")
    p.add_argument("--console", action="store_true", help="open the console chat even with a token")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Any) -> int:
    if settings.bot_token and not getattr(args, "console", False):
        return run_bot(settings)
    if settings.zalo_bot_token and not getattr(args, "console", False):
        return asyncio.run(run_zalo_only(settings))
    from handlers.console import run_console

    return asyncio.run(run_console(settings))


def webhook_secret(settings: Any) -> str:
    """The secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token: set, or derived from the token."""
    if settings.webhook_secret:
        return str(settings.webhook_secret)
    return hmac.new(settings.bot_token.encode(), b"tthc-webhook", hashlib.sha256).hexdigest()[:48]


def sender_lease_name(token: str) -> str:
    """The sender lease's name: the bot's id (the token's public part before the colon)."""
    return "telegram:" + token.split(":", 1)[0][:40]


async def _prepare(settings: Any) -> None:
    """Migrate and seed the directory before the bot's loop starts (Alembic wants its own loop)."""
    from services.units import seed_directory
    from store.db import make_engine, make_sessionmaker
    from store.locks import one_at_a_time
    from store.migrate import migrate
    from store.uow import UnitOfWork

    engine = make_engine(settings.database_url)

    async def work() -> None:
        await migrate(engine)
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            await seed_directory(uow, settings.province)

    try:
        # Replicas starting together prepare one at a time (the others then find nothing to do).
        async with one_at_a_time(engine):
            await work()
    finally:
        await engine.dispose()


def replicas_refusal(settings: Any) -> str | None:
    """Why this configuration cannot run several processes, or None when it can."""
    if getattr(settings, "replicas", 1) <= 1:
        return None
    if settings.database_url.startswith("sqlite"):
        return (
            f"TTHC_REPLICAS={settings.replicas}: nhiều tiến trình cần PostgreSQL; SQLite chỉ cho "
            "một tiến trình ghi. Đặt DATABASE_URL=postgresql://… hoặc TTHC_REPLICAS=1."
        )
    if not settings.webhook_url:
        return (
            f"TTHC_REPLICAS={settings.replicas}: nhiều tiến trình cần webhook (TTHC_WEBHOOK_URL); "
            "Telegram chỉ cho một tiến trình nhận tin kiểu long polling."
        )
    return None


async def _serve_webhook(app: Any, sessions: Any, settings: Any, path: str) -> None:
    import signal

    from telegram import Update

    from handlers.webhook import serve

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await serve(
        app,
        sessions,
        secret=webhook_secret(settings),
        url=settings.webhook_url,
        path=path,
        port=settings.webhook_port,
        allowed_updates=Update.ALL_TYPES,
        stop=stop,
        stale=timedelta(seconds=settings.webhook_stale),
    )


def run_bot(settings: Any) -> int:
    """Composition root of the real bot: settings → store → services → Application."""
    refusal = replicas_refusal(settings)
    if refusal is not None:
        print(refusal)
        return 2
    from telegram import Update
    from telegram.ext import ApplicationBuilder

    from bot.clock import system_clock
    from handlers.app import configure, log_off_the_loop, protect_logs
    from handlers.context import Services, derive_key
    from handlers.fallback import Outage, PollingRequest
    from store.db import make_engine, make_sessionmaker

    protect_logs(settings.bot_token)
    protect_logs(settings.zalo_bot_token)
    log_off_the_loop()
    log = logging.getLogger("tthc")
    asyncio.run(_prepare(settings))
    engine = make_engine(settings.database_url)
    services = Services(
        settings,
        make_sessionmaker(engine),
        system_clock(settings.timezone),
        derive_key(settings.bot_token),
    )

    scheduler: list[Any] = []
    channels: list[Any] = []

    async def start_reminders(app: Any) -> None:
        # The reminder planner and dispatcher run in the bot's loop and send through its Bot
        # (and through the Zalo bot to officers who linked a Zalo chat); of all processes on
        # this database only the sender lease's holder sends.
        from reminders.scheduler import start_reminders as start
        from reminders.telegram_port import TelegramPort

        port: Any = TelegramPort(app.bot)
        extra: dict[str, Any] = {}
        if settings.zalo_bot_token:
            from handlers.zalo import RoutingPort, ZaloDispatcher, start_zalo

            channels.append(await start_zalo(services))
            port = RoutingPort(port, channels[0].port)
            extra = {"dispatcher_class": ZaloDispatcher}
        scheduler.append(
            start(services.sessions, port, services.clock, tz=settings.timezone,
                  sender_lease=sender_lease_name(settings.bot_token),
                  dispatch_every=timedelta(seconds=5),
                  escalate_after=settings.escalate_after_days, **extra)
        )  # fmt: skip

    async def close(_app: Any) -> None:
        for s, dispatcher in scheduler:
            s.shutdown(wait=False)
            try:
                await dispatcher.release_lease()
            except Exception:  # the database may be gone: the lease then simply expires
                log.warning("sender lease not released", exc_info=True)
        for c in channels:
            await c.stop()
        await engine.dispose()

    outage = Outage()  # failed polls logged once per outage; the polls tell it of recovery
    builder = (
        ApplicationBuilder()
        .token(settings.bot_token)
        .base_url(settings.api_base_url)
        .base_file_url(settings.file_base_url)
        .get_updates_request(PollingRequest(outage, connection_pool_size=1))
        # A plan import must not hold up everyone else's questions; the store serialises writers.
        .concurrent_updates(4)
    )
    app = configure(builder, services, on_start=start_reminders, on_stop=close, outage=outage)
    if settings.webhook_url:
        path = urlparse(settings.webhook_url).path.strip("/") or "telegram"
        asyncio.run(_serve_webhook(app, services.sessions, settings, path))
    else:
        log.info("starting long polling")
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


async def run_zalo_only(settings: Any) -> int:
    """The bot on Zalo alone: Zalo updates and the reminders in one loop until SIGINT/SIGTERM."""
    import signal

    from bot.clock import system_clock
    from handlers.app import log_off_the_loop, protect_logs
    from handlers.context import Services, derive_key
    from handlers.zalo import RoutingPort, ZaloDispatcher, start_zalo
    from reminders.scheduler import start_reminders
    from store.db import make_engine, make_sessionmaker

    protect_logs(settings.zalo_bot_token)
    log_off_the_loop()
    log = logging.getLogger("tthc")
    await _prepare(settings)
    engine = make_engine(settings.database_url)
    services = Services(
        settings,
        make_sessionmaker(engine),
        system_clock(settings.timezone),
        derive_key(settings.zalo_bot_token),
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    log.info("starting the Zalo bot (no Telegram token)")
    channel = await start_zalo(services)
    scheduler, _dispatcher = start_reminders(services.sessions, RoutingPort(None, channel.port),
                                             services.clock, tz=settings.timezone,
                                             dispatcher_class=ZaloDispatcher,
                                             escalate_after=settings.escalate_after_days)  # fmt: skip
    try:
        await stop.wait()
    finally:
        scheduler.shutdown(wait=False)
        await channel.stop()
        await engine.dispose()
    return 0
