"""`status [--period "tháng 8"] [--today D] [--all] [--xlsx FILE] [--json]`: who has reported.

The coordinator's board from the console: each occurrence due in the period (report tasks
unless --all) with the units done and not done; --xlsx writes the Excel export, --json prints
one JSON object: {"period", "today", "reports_only", "occurrences": [{"task_id", "ref",
"label", "content", "plan", "due_date", "last_day", "done", "owing", "units": [{"unit_id",
"name", "status", "done_at", "reachable", "via"}], "unreached": [{"group", "count"}],
"unassigned"}]}.
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
    p = subparsers.add_parser("status", help="which units have reported the period's tasks")
    p.add_argument("--period", default=None, help='"tháng 8", "quý 3" (default: this month)')
    p.add_argument("--all", action="store_true", help="every task, not only the reports")
    p.add_argument("--xlsx", default=None, help="also write the Excel export to this file")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    # Also accepted after the sub-command; SUPPRESS keeps a --db given before it.
    p.set_defaults(func=run)


def to_json(board: Any) -> dict[str, Any]:
    from services.status_export import status_of

    return {
        "period": {"label": board.period.label, **board.period.to_json()},
        "today": board.today.isoformat(),
        "reports_only": board.reports_only,
        "occurrences": [
            {
                "task_id": o.task_id,
                "ref": o.ref,
                "label": o.label,
                "content": o.content,
                "plan": o.plan_title,
                "due_date": o.due_date.isoformat(),
                "last_day": o.last_day.isoformat(),
                "done": len(o.done),
                "owing": len(o.units),
                "units": [
                    {
                        "unit_id": u.unit_id,
                        "name": u.name,
                        "status": status_of(u),
                        "done_at": u.done_at.isoformat() if u.done_at else None,
                        "reachable": u.reachable,
                        "via": u.via,
                        "evidence": _evidence_json(u.evidence),  # issue 16: 📎 after ✅
                    }
                    for u in o.units
                ],
                "unreached": [{"group": g.group, "count": g.count} for g in o.unreached],
                "unassigned": list(o.unassigned),
            }
            for o in board.occurrences
        ],
    }


def _evidence_json(ev: Any) -> dict[str, Any] | None:
    """The report attached to the completion: its number, the file's name, size and type."""
    if ev is None:
        return None
    file = ev.file
    return {
        "number": ev.number,
        "file_name": file.name if file else None,
        "file_size": file.size if file else None,
        "mime_type": file.mime_type if file else None,
    }


def to_text(board: Any) -> str:
    from bot.vndate import format_date
    from services.status_export import status_of

    what = "báo cáo" if board.reports_only else "việc"
    out = [f"Tình hình {what} — {board.period.label} (ngày {board.today:%d/%m/%Y})"]
    if not board.occurrences:
        out.append(f"Không có {what} nào đến hạn trong kỳ này.")
    for o in board.occurrences:
        out.append("")
        out.append(f"{o.label} — hạn {format_date(o.last_day)} (mục {o.ref})")
        out.append(f"  Đã xong: {len(o.done)}/{len(o.units)} đơn vị")
        for u in o.units:
            mark = "✔" if u.done else "✘"
            reach = "" if u.reachable else " (chưa có cán bộ dùng bot)"
            ev = u.evidence
            shown = [f"số {ev.number}"] if ev and ev.number else []
            shown += [f"tệp {ev.file.name or 'không tên'}"] if ev and ev.file else []
            attached = f" · 📎 {', '.join(shown)}" if shown else ""
            out.append(f"  {mark} {u.name} — {status_of(u)}{reach}{attached}")
        for g in o.unreached:
            out.append(f"  + {g.count} đơn vị thuộc {g.group} chưa có cán bộ dùng bot")
        if o.unassigned:
            out.append(f"  Chưa xác định đơn vị: {'; '.join(o.unassigned)}")
    return "\n".join(out)


async def _run(args: argparse.Namespace, settings: Any, today: date) -> int:
    from services.status import board
    from services.status_export import to_xlsx
    from services.status_words import BadPeriod, parse_period
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate
    from store.uow import UnitOfWork

    try:
        period, every = parse_period(args.period, today)
    except BadPeriod as exc:
        print(exc.message, file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            b = await board(uow, period, today, reports_only=not (args.all or every))
    finally:
        await engine.dispose()
    if args.xlsx:
        Path(args.xlsx).write_bytes(to_xlsx(b, settings.timezone))
    if args.json:
        print(json.dumps(to_json(b), ensure_ascii=False))
    else:
        print(to_text(b))
        if args.xlsx:
            print(f"\nĐã ghi {args.xlsx}")
    return 0


def run(args: argparse.Namespace, settings: Any) -> int:
    return asyncio.run(_run(args, settings, today_of(args.today, settings)))
