"""`import PATH... [--dry-run] [--json]` and `tasks [--json]`: plans in and out of the store.

`import --json` prints {"plans": [{"source", "issuer", "year", "number", "title", "tasks": [{"ref",
"section", "content", "result", "lead", "support", "deadline", "deadline_in_text", "notes",
"inferred"}], "warnings": [...], "report": {"columns", "warnings", "skipped", "inferred"},
"duplicates_dropped": N, "changes": {"added", "removed", "deadlines", "units"}}], "errors":
[{"source", "message"}]}: the gold files' field names, then how the plan was read (identical rows
dropped included) and what it changes in the store.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

PLAN_KEYS = ("source", "issuer", "year", "number", "title")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "import",
        help="import plan files (.docx, .doc, .pdf, .xlsx or a text export) into the store",
    )
    p.add_argument("paths", nargs="+", type=Path, help="plan files")
    p.add_argument("--dry-run", action="store_true", help="read and check, store nothing")
    p.add_argument("--json", action="store_true", help="print the plans read, as JSON")
    p.set_defaults(func=run_import)
    t = subparsers.add_parser("tasks", help="list the tasks stored")
    t.add_argument("--json", action="store_true", help="print the tasks as JSON")
    t.set_defaults(func=run_tasks)


async def _calendar(session: Any) -> Any:
    try:
        from services.reminders import work_calendar
    except ImportError:
        from bot.deadlines import WorkCalendar

        return WorkCalendar()
    return await work_calendar(session)


async def _import(args: argparse.Namespace, settings: Any) -> int:
    from services.imports import import_files, read_warnings
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate

    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        sessions = make_sessionmaker(engine)
        async with sessions() as session:
            calendar = await _calendar(session)
        now = datetime.now(settings.timezone)
        outcomes = await import_files(sessions, args.paths, now, calendar, dry_run=args.dry_run)
    finally:
        await engine.dispose()
    if args.json:
        plans = []
        for o in outcomes:
            if o.draft is None:
                continue
            body = o.draft.to_json()
            plans.append(
                {
                    **{k: body[k] for k in PLAN_KEYS},
                    "tasks": body["tasks"],
                    "warnings": read_warnings(o.draft, o.result),
                    "report": o.draft.report.to_json(),
                    "duplicates_dropped": o.draft.duplicates,
                    "changes": o.result.changes.to_json() if o.result else None,
                }
            )
        errors = [{"source": o.path.name, "message": o.error} for o in outcomes if o.error]
        print(json.dumps({"plans": plans, "errors": errors}, ensure_ascii=False, indent=1))
    else:
        for o in outcomes:
            print(_summary(o, args.dry_run), file=sys.stderr if o.error else sys.stdout)
            if o.draft is not None and (args.dry_run or read_warnings(o.draft, o.result)):
                print(_report(o, full=args.dry_run))
    return 1 if any(o.error for o in outcomes) else 0


def _report(outcome: Any, full: bool) -> str:
    """The reading report: warnings first; with ``full`` (a dry run) the columns, skipped rows,
    inferred values and what a revision changes."""
    from services.imports import read_warnings

    report = outcome.draft.report
    lines = [f"  {w}" for w in read_warnings(outcome.draft, outcome.result)]
    if full:
        for title, items in (
            ("Cột đọc được", report.columns),
            ("Dòng bỏ qua, đề mục", report.skipped),
            ("Giá trị suy ra", report.inferred),
        ):
            if items:
                lines.append(f"  {title}:")
                lines.extend(f"    - {x}" for x in items)
        changes = outcome.result.changes.lines() if outcome.result else []
        if changes:
            lines.append("  Thay đổi so với bản đã nhập:")
            lines.extend(f"    {x}" for x in changes)
    return "\n".join(lines)


def _summary(outcome: Any, dry_run: bool) -> str:
    """One Vietnamese line per file."""
    name = outcome.path.name
    if outcome.error:
        return f"✗ {name}: {outcome.error}"
    d, r = outcome.draft, outcome.result
    head = f"✓ {name}: {d.issuer or 'không rõ cơ quan'} · năm {d.year or '?'} · {len(d.tasks)} việc"
    if d.duplicates:
        head += f" (bỏ {d.duplicates} dòng trùng lặp)"
    if r.same_as_stored:
        return head + " — đã có, không thay đổi."
    verb = "thử (không lưu)" if dry_run else "đã nhập"
    line = (
        f"{head} — {verb}: {r.created} mới, {r.updated} cập nhật, {r.unchanged} không đổi, "
        f"{r.deactivated} bỏ"
    )
    if r.unknown_deadlines:
        line += f"; hạn chưa rõ: {len(r.unknown_deadlines)}"
    if r.unresolved:
        line += f"; đơn vị chưa nhận ra: {len(r.unresolved)} ({'; '.join(r.unresolved[:5])})"
    return line + "."


async def _tasks(args: argparse.Namespace, settings: Any) -> int:
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate
    from store.plans_repo import stored_tasks

    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        async with make_sessionmaker(engine)() as session:
            tasks = await stored_tasks(session)
    finally:
        await engine.dispose()
    if args.json:
        rows = [
            {
                "id": t.id,
                "plan_id": t.plan_id,
                "issuer": t.issuer,
                "year": t.plan_year,
                "ref": t.ref,
                "section": t.section,
                "content": t.content,
                "lead": list(t.lead),
                "support": list(t.support),
                "deadline": t.deadline,
                "deadline_in_text": t.deadline_in_text,
                "schedule": t.schedule.kind,
                "explain": t.schedule.explain,
            }
            for t in tasks
        ]
        print(json.dumps({"tasks": rows}, ensure_ascii=False, indent=1))
        return 0
    if not tasks:
        print("Chưa có kế hoạch nào. Nhập bằng: python bot.py import TỆP.docx")
        return 0
    for t in tasks:
        content = t.content if len(t.content) <= 70 else t.content[:69] + "…"
        lead = "; ".join(t.lead) or "—"
        print(f"{t.ref:<10} {content} · chủ trì: {lead} · hạn: {t.deadline or '—'}")
    print(f"({len(tasks)} việc)")
    return 0


def run_import(args: argparse.Namespace, settings: Any) -> int:
    return asyncio.run(_import(args, settings))


def run_tasks(args: argparse.Namespace, settings: Any) -> int:
    return asyncio.run(_tasks(args, settings))
