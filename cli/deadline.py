"""`deadline TEXT [--year Y] [--context TASK_TEXT] [--json] [--today D] [--db URL]`: read a
deadline phrase.

With TEXT `-`, reads one phrase per line from standard input and prints one JSON object per line.
The text answer's real last day and working-day count use the administrator's added days off
when the database can be read; without one (no SQLite file yet, nothing creates it) or when it
cannot be read (a warning on standard error), the public holidays alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from bot.deadlines import Schedule, WorkCalendar, describe_next, parse_deadline
from cli import today_of


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("deadline", help="read a Vietnamese deadline phrase into due dates")
    p.add_argument("text", help="the phrase as written, or - to read one phrase per line")
    p.add_argument("--year", type=int, default=None, help="the plan's year (default: this year)")
    p.add_argument("--context", default=None, help="the task's text and notes")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    # --today (cli.main): for the 'hạn tới' line; --db: the stored days off.
    p.set_defaults(func=run)


def as_json(s: Schedule, year: int) -> dict[str, Any]:
    """The CLI's JSON object: due dates within the plan year as ISO strings."""
    occs = s.occurrences(date(year, 1, 1), date(year, 12, 31))
    return {
        "text": s.text,
        "kind": s.kind,
        "occurrences": [o.due.isoformat() for o in occs],
        "before": s.before,
        "ambiguous": s.ambiguous,
        "unknown": s.unknown,
        "explain": s.explain,
    }


def _has_store(url: str) -> bool:
    """False for an SQLite store whose file does not exist yet: opening it would create it."""
    from store.urls import parse_url

    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite":
        return True
    db = parsed.database or ""
    return bool(db) and db != ":memory:" and Path(db).is_file()


async def _stored_calendar(url: str) -> WorkCalendar:
    """Public holidays plus the days off stored in the database at ``url`` (read-only)."""
    from services.reminders import work_calendar
    from store.db import make_engine, make_sessionmaker
    from store.uow import UnitOfWork

    engine = make_engine(url)
    try:
        async with UnitOfWork(make_sessionmaker(engine), read_only=True) as uow:
            return await work_calendar(uow.session)
    finally:
        await engine.dispose()


def calendar_of(url: str) -> WorkCalendar:
    """The working-day calendar: with the stored days off when the database can be read."""
    if not _has_store(url):
        return WorkCalendar()
    from store.urls import StoreError

    try:
        return asyncio.run(_stored_calendar(url))
    except (StoreError, OSError) as exc:
        print(
            f"Không đọc được ngày nghỉ bổ sung ({type(exc).__name__}): chỉ tính ngày lễ.",
            file=sys.stderr,
        )
        return WorkCalendar()


def run(args: argparse.Namespace, settings: Any) -> int:
    today = today_of(args.today, settings)
    year = args.year or today.year
    if args.text == "-":
        for line in sys.stdin:
            phrase = line.rstrip("\n")
            s = parse_deadline(phrase, year, args.context)
            print(json.dumps(as_json(s, year), ensure_ascii=False))
        return 0
    s = parse_deadline(args.text, year, args.context)
    if args.json:
        print(json.dumps(as_json(s, year), ensure_ascii=False))
        return 0
    occs = s.occurrences(date(year, 1, 1), date(year, 12, 31))
    print(f"kiểu: {s.kind}" + (" (chưa đọc được)" if s.unknown else ""))
    print(f"nghĩa: {s.explain}")
    if occs:
        print(
            "hạn trong năm "
            + str(year)
            + ": "
            + ", ".join(("trước " if o.before else "") + f"{o.due.day}/{o.due.month}" for o in occs)
        )
    print(describe_next(s, today, calendar_of(settings.database_url)))
    return 0
