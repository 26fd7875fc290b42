"""`run`: the Telegram bot with a token (polling, or webhook when TTHC_WEBHOOK_URL is set), the
Zalo bot with ZALO_BOT_TOKEN (alone, or beside Telegram in the same process), the console chat
without any token (or with --console). `python bot.py` alone runs this."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import logging
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


async def _prepare(settings: Any) -> None:
    """Migrate and seed the directory before the bot's loop starts (Alembic wants its own loop)."""
    from services.units import ensure_directory
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate

    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        async with make_sessionmaker(engine)() as session:
            await ensure_directory(session, settings.province)
            await session.commit()
    finally:
        await engine.dispose()


def run_bot(settings: Any) -> int:
    """Composition root of the real bot: settings → store → services → Application."""
    from telegram import Update
    from telegram.ext import ApplicationBuilder

    from bot.clock import system_clock
    from handlers.app import configure, protect_logs
    from handlers.context import Services, derive_key
    from handlers.fallback import Outage, PollingRequest
    from store.db import make_engine, make_sessionmaker

    protect_logs(settings.bot_token)
    protect_logs(settings.zalo_bot_token)
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
        # (and through the Zalo bot to officers who linked a Zalo chat).
        from reminders.scheduler import start_reminders as start
        from reminders.telegram_port import TelegramPort

        port: Any = TelegramPort(app.bot)
        if settings.zalo_bot_token:
            from handlers.zalo import RoutingPort, start_zalo

            channels.append(await start_zalo(services))
            port = RoutingPort(port, channels[0].port)
        scheduler.append(start(services.sessions, port, services.clock, tz=settings.timezone))

    async def close(_app: Any) -> None:
        for s in scheduler:
            s.shutdown(wait=False)
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
        log.info("starting webhook on port %s, path /%s", settings.webhook_port, path)
        # PTB checks X-Telegram-Bot-Api-Secret-Token on every request and answers 403 otherwise.
        app.run_webhook(
            listen="0.0.0.0",
            port=settings.webhook_port,
            url_path=path,
            webhook_url=settings.webhook_url,
            secret_token=webhook_secret(settings),
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        log.info("starting long polling")
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


async def run_zalo_only(settings: Any) -> int:
    """The bot on Zalo alone: Zalo updates and the reminders in one loop until SIGINT/SIGTERM."""
    import signal

    from bot.clock import system_clock
    from handlers.app import protect_logs
    from handlers.context import Services, derive_key
    from handlers.zalo import RoutingPort, start_zalo
    from reminders.scheduler import start_reminders
    from store.db import make_engine, make_sessionmaker

    protect_logs(settings.zalo_bot_token)
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
    scheduler = start_reminders(services.sessions, RoutingPort(None, channel.port),
                                services.clock, tz=settings.timezone)  # fmt: skip
    try:
        await stop.wait()
    finally:
        scheduler.shutdown(wait=False)
        await channel.stop()
        await engine.dispose()
    return 0
