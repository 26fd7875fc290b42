"""Answer an officer's question from the store: read it, query the tasks, shape a short reply."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from bot.deadlines import WorkCalendar
from bot.questions import Intent, Query, UnitHit, read_question
from bot.questions.examples import done_reply, greeting_reply, help_reply, unknown_reply
from bot.questions.guess import says_done
from bot.questions.normalize import normalize
from bot.questions.reply import Reply
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
from services.ask.named_units import Named, resolve, unit_in_words
from store import tasks_view as tv


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
    if query.intent is Intent.UNKNOWN and not query.guess:
        if says_done(normalize(question)):
            return Answer(query, (), done_reply())
        return Answer(query, (), unknown_reply(question))
    session = uow.session
    target, note, entry = unit_id, None, None
    if query.unit_text or query.guess:
        entry = await tv.directory(session)
    if query.unit_text and entry is not None:
        named = resolve(entry.directory, query.unit_text, unit_id)
        if named is None and await tv.ranked_topic_ids(session, tv.Scope(None), _words(query)):
            # No unit by that name, but tasks on those words ("tt pvhcc một cấp").
            query, named = _unit_words_as_topic(query), Named(unit_id)
        if named is None:
            reply = Reply(
                title=f"Không tìm thấy đơn vị «{query.unit_text}».",
                hint='Gõ tên đơn vị đầy đủ hơn, ví dụ: "sở tư pháp", "ubnd xã ...", "vp ubnd tỉnh".',
            )
            return Answer(query, (), reply)
        target, note = named.unit_id, named.note
    elif query.guess and entry is not None:
        found = unit_in_words(entry.directory, query.guess, unit_id)
        if found is not None:
            (target, note), left = (found[0].unit_id, found[0].note), found[1]
            query = replace(query, guess=left or None)
            if not left and query.intent is Intent.UNKNOWN:
                query = replace(query, intent=Intent.UNIT_TASKS)
    if query.guess:
        query = replace(query, guess=" ".join(w for w in query.guess.split() if w != "|") or None)
    if target is not None and entry is not None and target in entry.directory.by_id:
        query = replace(query, unit=UnitHit(target, entry.directory.by_id[target].label))
    scope = await tv.scope_for(session, target, query.role.value if query.role else None, entry)
    name = scope.unit.label if scope.unit else None
    ctx = Ctx(session, query, scope, today, calendar, page or query.page, name, note)
    counted = query.counted in (None, Intent.UNIT_TASKS, Intent.DUE)
    if query.guess and query.intent in _GUESSED and counted:
        ctx = await _with_guessed_topic(ctx)
        if ctx.query.intent is Intent.UNKNOWN:
            return Answer(query, (), unknown_reply(question))
    answer = await HANDLERS[ctx.query.intent](ctx)
    if not answer.total and query.unit_text and query.intent is Intent.UNIT_TASKS:
        # A named unit that owes nothing, whose name is a topic ("bộ phận một cửa làm gì").
        asker = await tv.scope_for(session, unit_id, None, entry)
        mine = Ctx(
            session, _unit_words_as_topic(query), asker, today, calendar, ctx.page, None, None
        )
        mine = replace(mine, unit_name=asker.unit.label if asker.unit else None)
        topical = await _with_guessed_topic(mine)
        if topical.query.intent is Intent.TOPIC and topical.topic_ids:
            return await HANDLERS[Intent.TOPIC](topical)
    return answer


def _words(query: Query) -> str:
    return " ".join(w for w in f"{query.unit_text or ''} {query.guess or ''}".split() if w != "|")


def _unit_words_as_topic(query: Query) -> Query:
    """The question with its unit words read as topic words."""
    intent = Intent.UNIT_TASKS if query.intent is Intent.UNKNOWN else query.intent
    return replace(query, unit_text=None, unit=None, guess=_words(query), intent=intent)


# Intents whose question may name a topic without "về": read as a topic when its words match.
_GUESSED = (Intent.UNKNOWN, Intent.UNIT_TASKS, Intent.DUE, Intent.COUNT)


async def _with_guessed_topic(ctx: Ctx) -> Ctx:
    """The context read as a topic question when the guessed words match tasks (of the unit,
    else of the plan); a list of a unit's tasks whose words match nothing stays a topic question
    (answered "no task on it"), other questions stay as read."""
    q = ctx.query
    guess = q.guess or ""
    ids = await tv.ranked_topic_ids(ctx.session, ctx.scope, guess)
    wider = None
    if not ids and ctx.scope.unit_ids is not None:
        wider = await tv.ranked_topic_ids(ctx.session, tv.Scope(None), guess)
        if wider:
            ids = []  # answer_topic shows the plan's tasks with a note
        elif q.intent is not Intent.UNIT_TASKS:
            return ctx
    elif not ids and q.intent is not Intent.UNIT_TASKS:
        return ctx
    if q.intent is Intent.COUNT:
        query = replace(q, topic=guess, counted=Intent.TOPIC)
    else:
        query = replace(q, intent=Intent.TOPIC, topic=guess)
    return replace(ctx, query=query, topic_ids=ids, wider_ids=wider)


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
