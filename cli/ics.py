"""`ics --unit U [--today YYYY-MM-DD] [--months 12] [--out FILE]`: a unit's deadlines as .ics.

The same file /lich sends (same UIDs: the deployment domain comes from the same settings).
Without --out the calendar goes to standard output; the summary line goes to standard error.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("ics", help="write a unit's open deadlines as an iCalendar file")
    p.add_argument("--unit", required=True, help="the unit: a name (matched) or an id")
    p.add_argument("--months", type=int, default=12, help="how many months ahead (default 12)")
    p.add_argument("--out", default=None, help="write to this file (default: standard output)")
    p.set_defaults(func=run)


async def _unit(uow: Any, text: str) -> tuple[int, str] | None:
    """The unit --unit names (an id, else the best match of the name), with its name."""
    from services import unit_lookup

    if text.strip().isdigit():
        name = await uow.units.name(int(text))
        return (int(text), name) if name is not None else None
    found = await unit_lookup.find_units(uow, text)
    return (found[0].id, found[0].name) if found else None


async def _run(args: argparse.Namespace, settings: Any, today: date, now: datetime | None) -> int:
    from services.ics_export import deployment_domain, unit_calendar
    from services.reminders import work_calendar
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate
    from store.uow import UnitOfWork

    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        async with UnitOfWork(make_sessionmaker(engine), read_only=True) as uow:
            unit = await _unit(uow, args.unit)
            if unit is None:
                print(f"Không tìm thấy đơn vị: {args.unit}", file=sys.stderr)
                return 2
            data = await unit_calendar(
                uow.session,
                unit[0],
                today,
                await work_calendar(uow.session),
                args.months,
                tz=settings.timezone,
                domain=deployment_domain(settings.webhook_url, settings.province),
                now=now,
            )
    finally:
        await engine.dispose()
    if args.out:
        Path(args.out).write_bytes(data)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    count = data.count(b"BEGIN:VEVENT")
    where = f" vào {args.out}" if args.out else ""
    print(f"Đã ghi {count} hạn của {unit[1]}{where}.", file=sys.stderr)
    return 0


def run(args: argparse.Namespace, settings: Any) -> int:
    if args.months < 1 or args.months > 36:
        print("--months phải từ 1 đến 36", file=sys.stderr)
        return 2
    now = None
    if args.today:
        today = args.today
    else:
        from bot.clock import system_clock

        now = system_clock(settings.timezone)()
        today = now.date()
    return asyncio.run(_run(args, settings, today, now))
