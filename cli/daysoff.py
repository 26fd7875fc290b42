"""`daysoff list [--year Y]`, `daysoff add YYYY-MM-DD [--note TEXT]`, `daysoff remove
YYYY-MM-DD`: the extra days off, and what adding or removing one recomputes."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import date, datetime
from typing import Any

from cli import read_day


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("daysoff", help="list, add or remove extra days off")
    sub = p.add_subparsers(dest="daysoff_command", required=True)
    ls = sub.add_parser("list", help="public holidays and extra days off of a year")
    ls.add_argument("--year", type=int, default=None, help="default: this year")
    ls.set_defaults(func=run)
    add = sub.add_parser("add", help="add an extra day off; recompute last days and reminders")
    add.add_argument("day", type=read_day, help="YYYY-MM-DD")
    add.add_argument("--note", default=None, help="why (shown in /ngaynghi)")
    rm = sub.add_parser("remove", help="remove an extra day off; recompute the same")
    rm.add_argument("day", type=read_day, help="YYYY-MM-DD")
    for cmd in (add, rm):  # --today (cli.main): treat that day as today
        cmd.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Any) -> int:
    return asyncio.run(_run(args, settings))


async def _run(args: argparse.Namespace, settings: Any) -> int:
    from bot.clock import system_clock
    from bot.errors import TthcError
    from bot.vndate import format_date
    from services.days_off import add_day_off, list_days_off, remove_day_off
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate
    from store.uow import UnitOfWork

    tz = settings.timezone
    now = system_clock(tz)()
    if getattr(args, "today", None):
        now = datetime.combine(args.today, now.timetz())
    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            if args.daysoff_command == "list":
                year = args.year or now.year
                days = await list_days_off(uow, date(year, 1, 1), date(year, 12, 31))
                for d in days:
                    kind = "bổ sung" if d.added else "ngày lễ"
                    print(f"{d.day.isoformat()}\t{kind}\t{format_date(d.day)}\t{d.name}")
                print(f"{sum(d.added for d in days)} ngày nghỉ bổ sung, "
                      f"{sum(not d.added for d in days)} ngày lễ trong năm {year}")  # fmt: skip
                return 0
            try:
                if args.daysoff_command == "add":
                    change = await add_day_off(uow, args.day, args.note, None, now, tz)
                else:
                    change = await remove_day_off(uow, args.day, None, now, tz)
            except TthcError as exc:
                print(exc.message, file=sys.stderr)
                return 1
    finally:
        await engine.dispose()
    verb = "Đã thêm ngày nghỉ" if change.added else "Đã bỏ ngày nghỉ"
    print(f"{verb} {format_date(change.day)}.")
    print(f"Hạn được dời: {change.moved}")
    print(
        f"Lời nhắc xếp lại: {change.replanned} (dời {change.reminders_moved}, "
        f"bỏ {change.reminders_dropped}, thêm {change.reminders_added})"
    )
    return 0
