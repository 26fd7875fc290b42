"""Answer an officer's question from the store: read it, query the tasks, shape a short reply."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from bot.deadlines import WorkCalendar
from bot.questions import Intent, UnitHit, read_question
from bot.questions.examples import greeting_reply, help_reply, unknown_reply
from bot.questions.reply import Reply
from bot.units import match
from services import tasks_view as tv
from services.ask.details import answer_detail, answer_next_due
from services.ask.lists import (
    answer_count,
    answer_due,
    answer_ongoing,
    answer_overdue,
    answer_topic,
    answer_unit_tasks,
    answer_upcoming,
)
from services.ask.model import Answer, Ctx


async def ask(
    uow: Any,
    question: str,
    *,
    unit_id: int | None,
    today: date,
    calendar: WorkCalendar,
    page: int = 0,
) -> Answer:
    """Answer ``question`` for the asker's unit (``unit_id``; None reads every unit's tasks)."""
    query = read_question(question, today)
    if query.intent is Intent.HELP:
        return Answer(query, (), help_reply())
    if query.intent is Intent.GREETING:
        return Answer(query, (), greeting_reply())
    if query.intent is Intent.UNKNOWN:
        return Answer(query, (), unknown_reply(question))
    session = uow.session
    target, note, entry = unit_id, None, None
    if query.unit_text:
        entry = await tv.directory(session)
        found = match(entry.directory, query.unit_text, limit=1)
        if not found or found[0].unit.id is None:
            reply = Reply(
                title=f"Không tìm thấy đơn vị «{query.unit_text}».",
                hint='Gõ tên đơn vị đầy đủ hơn, ví dụ: "sở tư pháp", "ubnd xã ...", "vp ubnd tỉnh".',
            )
            return Answer(query, (), reply)
        unit = found[0].unit
        target, note = unit.id, found[0].note
        query = replace(query, unit=UnitHit(found[0].unit.id, unit.label))
    scope = await tv.scope_for(session, target, query.role.value if query.role else None, entry)
    name = scope.unit.label if scope.unit else None
    ctx = Ctx(session, query, scope, today, calendar, page or query.page, name, note)
    handler = HANDLERS[query.intent if query.intent is not Intent.COUNT else Intent.COUNT]
    return await handler(ctx)


HANDLERS = {
    Intent.DUE: answer_due,
    Intent.OVERDUE: answer_overdue,
    Intent.UPCOMING: answer_upcoming,
    Intent.ONGOING: answer_ongoing,
    Intent.UNIT_TASKS: answer_unit_tasks,
    Intent.TOPIC: answer_topic,
    Intent.DETAIL: answer_detail,
    Intent.NEXT_DUE: answer_next_due,
    Intent.COUNT: answer_count,
}
