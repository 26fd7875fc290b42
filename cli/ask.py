"""`ask QUESTION [--unit U] [--today YYYY-MM-DD] [--json]`: ask the bot a question from the console.

With QUESTION `-`, one question per line on standard input and one JSON object per line out:
{"question", "intent", "period": {"start", "end"} or null, "unit", "tasks": [{"id", "ref",
"content", "lead", "support", "role", "due", "status"}], "text"}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import date
from typing import Any

from cli import today_of


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("ask", help="ask a question as an officer of a unit would")
    p.add_argument("question", help="the question, or - for one question per line on stdin")
    p.add_argument("--unit", default=None, help="the asker's unit: a name (matched) or an id")
    p.add_argument("--page", type=int, default=1, help="page of a long answer (1 = first)")
    p.add_argument("--json", action="store_true", help="print one JSON object per question")
    p.set_defaults(func=run)


async def _resolve_unit(session: Any, text: str | None) -> tuple[int | None, str | None]:
    """The unit id for --unit (an id or a name); an error message when it matches nothing."""
    if not text:
        return None, None
    from bot.units import match
    from store import tasks_view

    entry = await tasks_view.directory(session)
    if text.isdigit() and int(text) in entry.directory.by_id:
        return int(text), None
    found = match(entry.directory, text, limit=1)
    if not found or found[0].unit.id is None:
        return None, f"Không tìm thấy đơn vị: {text}"
    return found[0].unit.id, None


async def _run(args: argparse.Namespace, settings: Any, questions: list[str], today: date) -> int:
    from services.ask import ask
    from services.reminders import work_calendar
    from store.db import make_engine, make_sessionmaker
    from store.migrate import migrate
    from store.uow import UnitOfWork

    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        sessions = make_sessionmaker(engine)
        async with UnitOfWork(sessions) as uow:
            unit_id, error = await _resolve_unit(uow.session, args.unit)
            if error:
                print(error, file=sys.stderr)
                return 2
            calendar = await work_calendar(uow.session)
        for question in questions:
            async with UnitOfWork(sessions, read_only=True) as uow:
                answer = await ask(
                    uow,
                    question,
                    unit_id=unit_id,
                    today=today,
                    calendar=calendar,
                    page=max(args.page - 1, 0),
                )
            if args.json or args.question == "-":
                print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
            else:
                print(answer.reply.to_text())
    finally:
        await engine.dispose()
    return 0


def run(args: argparse.Namespace, settings: Any) -> int:
    today = today_of(args.today, settings)
    if args.question == "-":
        questions = [line.strip() for line in sys.stdin if line.strip()]
    else:
        questions = [args.question]
    return asyncio.run(_run(args, settings, questions, today))
