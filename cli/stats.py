"""`stats [--period "quý 3"] [--today D] [--json] [--xlsx FILE] [--png FILE]`: on-time statistics.

Per unit owing tasks as lead in the period (default: this month): đúng hạn / quá hạn / trong hạn
counts, worst first — what /thongke sends. --json prints one JSON object {"period", "today",
"totals", "units": [{"unit_id", "name", "total", "on_time", "done_late", "late_open", "late",
"not_due"}]}; --xlsx writes the Excel file, --png the chart.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from cli import today_of


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("stats", help="on-time statistics per unit (what /thongke sends)")
    p.add_argument("--period", default=None, help='"tháng 8", "quý 3", "năm" (default: this month)')
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--xlsx", default=None, help="also write the Excel file")
    p.add_argument("--png", default=None, help="also write the chart (PNG)")
    p.set_defaults(func=run)


async def _run(args: argparse.Namespace, settings: Any, today: date) -> int:
    from services.stats import statistics, stats_period
    from services.status_words import BadPeriod
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate
    from store.uow import UnitOfWork

    try:
        period = stats_period(args.period, today)
    except BadPeriod:
        from bot.phrases import stats_bad_period

        print(stats_bad_period(args.period or ""), file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        async with UnitOfWork(make_sessionmaker(engine), read_only=True) as uow:
            report = await statistics(uow, period, today, settings.timezone)
    finally:
        await engine.dispose()
    written = []
    if args.xlsx:
        from services.stats_export import to_xlsx

        Path(args.xlsx).write_bytes(to_xlsx(report))
        written.append(args.xlsx)
    if args.png:
        from services.stats_chart import to_png

        Path(args.png).write_bytes(to_png(report))
        written.append(args.png)
    if args.json:
        from services.stats_export import to_json

        print(json.dumps(to_json(report), ensure_ascii=False))
    else:
        from services.stats_export import to_text

        print(to_text(report, max_lines=10**6))
        for f in written:
            print(f"Đã ghi {f}")
    return 0


def run(args: argparse.Namespace, settings: Any) -> int:
    return asyncio.run(_run(args, settings, today_of(args.today, settings)))
