"""`run`: the Telegram bot with a token (polling, or webhook when TTHC_WEBHOOK_URL is set),
the console chat without one (or with --console). `python bot.py` alone runs this."""

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

    async def start_reminders(app: Any) -> None:
        # The reminder planner and dispatcher run in the bot's loop and send through its Bot;
        # of all processes on this database only the sender lease's holder sends.
        from reminders.scheduler import start_reminders as start
        from reminders.telegram_port import TelegramPort

        scheduler.append(
            start(services.sessions, TelegramPort(app.bot), services.clock, tz=settings.timezone,
                  sender_lease=sender_lease_name(settings.bot_token),
                  dispatch_every=timedelta(seconds=5))
        )  # fmt: skip

    async def close(_app: Any) -> None:
        for s, dispatcher in scheduler:
            s.shutdown(wait=False)
            try:
                await dispatcher.release_lease()
            except Exception:  # the database may be gone: the lease then simply expires
                log.warning("sender lease not released", exc_info=True)
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
