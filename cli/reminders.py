"""`reminders plan [--today D] [--days N] [--json]`: what would be sent when, to whom;
`reminders run-once [--lease S]`: plan, send what is due now, print the figures, exit."""

from __future__ import annotations

import argparse
import asyncio
import html
import json
from datetime import timedelta
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("reminders", help="plan and send reminders")
    sub = p.add_subparsers(dest="reminders_command", required=True)
    plan = sub.add_parser("plan", help="list what would be sent when, to whom, for which task")
    plan.add_argument("--days", type=int, default=7, help="how many days ahead (default 7)")
    plan.add_argument("--json", action="store_true", help="one JSON object per reminder")
    plan.set_defaults(func=run_plan)
    once = sub.add_parser("run-once", help="send what is due now and exit")
    once.add_argument("--lease", type=float, default=300.0, help="claim lease in seconds")
    once.add_argument("--batch", type=int, default=200, help="rows claimed at a time")
    once.add_argument("--no-plan", action="store_true", help="only send what is already planned")
    once.set_defaults(func=run_once)


def run_plan(args: argparse.Namespace, settings: Any) -> int:
    return asyncio.run(_plan(args, settings))


async def _plan(args: argparse.Namespace, settings: Any) -> int:
    from bot.clock import system_clock
    from bot.text import squash, strip_html
    from bot.vndate import format_date
    from services.reminders import day_start, preview
    from store.db import make_engine, make_sessionmaker
    from store.uow import UnitOfWork

    tz = settings.timezone
    today = args.today or system_clock(tz)().date()
    engine = make_engine(settings.database_url)
    try:
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            start = day_start(today, tz)
            rows = await preview(uow, start, start + timedelta(days=max(1, args.days)), tz)
    finally:
        await engine.dispose()
    for r in rows:
        local = r.send_at.astimezone(tz)
        if args.json:
            print(json.dumps({
                "send_at": local.isoformat(), "chat_id": r.chat_id, "officer_id": r.officer_id,
                "task_id": r.task_id, "due_date": r.due_date.isoformat(), "kind": r.kind,
                "text": r.text,
            }, ensure_ascii=False))  # fmt: skip
        else:
            lines = html.unescape(strip_html(r.text)).splitlines()
            head = squash(lines[1] if r.task_id and len(lines) > 1 else lines[0])
            print(
                f"{format_date(local.date())} {local:%H:%M} → chat {r.chat_id} · {r.kind} · {head[:90]}"
            )
    if not args.json:
        print(f"{len(rows)} tin nhắn trong {args.days} ngày từ {format_date(today)}")
    return 0


def run_once(args: argparse.Namespace, settings: Any) -> int:
    return asyncio.run(_once(args, settings))


async def _once(args: argparse.Namespace, settings: Any) -> int:
    from bot.clock import system_clock
    from reminders.dispatcher import Dispatcher
    from reminders.telegram_port import TelegramPort, make_bot
    from services.reminders import plan_reminders
    from store.db import make_engine, make_sessionmaker
    from store.uow import UnitOfWork

    if not settings.bot_token:
        print("Thiếu TELEGRAM_BOT_TOKEN: không gửi được.")
        return 2
    clock = system_clock(settings.timezone)
    engine = make_engine(settings.database_url)
    bot = make_bot(settings.bot_token, settings.api_base_url)
    try:
        sessions = make_sessionmaker(engine)
        if not args.no_plan:
            async with UnitOfWork(sessions) as uow:
                planned = await plan_reminders(
                    uow, clock(), tz=settings.timezone, escalate_after=settings.escalate_after_days
                )
            print(json.dumps({"planned": planned.planned, "inserted": planned.inserted}))
        async with bot:
            dispatcher = Dispatcher(
                sessions,
                TelegramPort(bot),
                clock=clock,
                lease=timedelta(seconds=args.lease),
                batch=max(1, args.batch),
                tz=settings.timezone,
            )
            report = await dispatcher.run_once()
        print(json.dumps(report.summary(), ensure_ascii=False))
    finally:
        await engine.dispose()
    return 0
