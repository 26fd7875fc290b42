"""`officers add|list|remove`: set up who may use the bot, from the command line."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("officers", help="add, list or remove officers")
    sub = p.add_subparsers(dest="officers_command", required=True)
    add = sub.add_parser("add", help="register (or update) an officer")
    add.add_argument("--name", required=True)
    add.add_argument("--unit", default=None, help="unit name (matched) or id; none for admins")
    add.add_argument("--telegram-id", type=int, required=True)
    add.add_argument("--role", default="officer", choices=["officer", "coordinator", "administrator"])  # fmt: skip
    add.set_defaults(func=run)
    ls = sub.add_parser("list", help="list officers")
    ls.set_defaults(func=run)
    rm = sub.add_parser("remove", help="remove an officer (records are kept)")
    rm.add_argument("--telegram-id", type=int, required=True)
    rm.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Any) -> int:
    return asyncio.run(_run(args, settings))


async def _run(args: argparse.Namespace, settings: Any) -> int:
    from bot.clock import system_clock
    from bot.errors import TthcError
    from services import officers, unit_lookup
    from services.units import ensure_directory
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate
    from store.uow import UnitOfWork

    engine = make_engine(settings.database_url)
    now = system_clock(settings.timezone)()
    try:
        await migrate(engine)
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            if args.officers_command == "list":
                for o in await officers.list_officers(uow):
                    print(f"{o.telegram_id}\t{o.role}\t{o.status}\t{o.name}\t{o.unit_name or '-'}")
                return 0
            if args.officers_command == "remove":
                if not await officers.remove_officer(uow, args.telegram_id, now):
                    print(f"Không có cán bộ với Telegram id {args.telegram_id}.", file=sys.stderr)
                    return 1
                print(f"Đã gỡ cán bộ {args.telegram_id}.")
                return 0
            unit_id = None
            if args.unit:
                await ensure_directory(uow.session, settings.province)
                if args.unit.isdigit():
                    unit_id = int(args.unit)
                else:
                    found = await unit_lookup.find_units(uow, args.unit)
                    if not found:
                        print(f"Không tìm thấy đơn vị: {args.unit}", file=sys.stderr)
                        return 1
                    unit_id = found[0].id
            try:
                o = await officers.add_officer(
                    uow, args.telegram_id, args.name, unit_id, args.role, now
                )
            except TthcError as exc:
                print(exc.message, file=sys.stderr)
                return 1
            print(f"Đã thêm {o.name} ({o.role}) — {o.unit_name or 'không gắn đơn vị'}.")
            return 0
    finally:
        await engine.dispose()
