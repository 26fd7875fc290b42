"""Answers that list tasks: due in a period, overdue, upcoming, ongoing, a unit's, on a topic, counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from bot.questions import Intent
from bot.questions.examples import NEXT_HINT
from services.ask.model import PAGE_SIZE, UPCOMING_DAYS, WIDER_NOTE, Answer, Ctx
from services.ask.shaping import dated_list, undated_list, whose_suffix
from store import tasks_view as tv


async def page_of(ctx: Ctx, intent: Intent, limit: int | None = PAGE_SIZE) -> tv.Page:
    """The page of hits an intent asks for (limit 0: only the totals)."""
    q, s, today, session = ctx.query, ctx.scope, ctx.today, ctx.session
    window: dict[str, Any] = {"offset": ctx.page * PAGE_SIZE, "limit": limit}
    if ctx.topic_ids is not None:
        window["task_ids"] = ctx.topic_ids
    # A count question's occurrence list counts its distinct tasks in the same statement (task
    # lists hold each task once: their total is the count).
    counted: dict[str, Any] = {"count_tasks": ctx.count_tasks and limit != 0}
    if intent is Intent.DUE and q.period is not None:
        p = q.period
        if p.start == p.end and limit and ctx.page == 0:
            return await _due_on(ctx, window)
        return await tv.occurrence_page(
            session, s, p.start, p.end, topic=q.topic, **window, **counted
        )
    if intent is Intent.OVERDUE:
        window.pop("task_ids", None)
        end = today - timedelta(days=1)
        # Without a period, the last 365 days: older ones are the previous plan's business.
        start = q.period.start if q.period is not None else today - timedelta(days=365)
        if q.period is not None:
            end = min(q.period.end, end)
        # Only each task's latest past occurrence can be overdue: a plan imported in July does
        # not owe January's monthly report.
        return await tv.occurrence_page(
            session, s, start, end, open_only=True, latest_before=today, **window, **counted
        )
    if intent is Intent.UPCOMING:
        window.pop("task_ids", None)
        end = today + timedelta(days=UPCOMING_DAYS)
        return await tv.occurrence_page(session, s, today, end, open_only=True, **window, **counted)
    if intent is Intent.ONGOING:
        return await tv.task_page(session, s, today, ongoing_only=True, **window)
    if intent is Intent.TOPIC and q.period is not None:
        p = q.period
        return await tv.occurrence_page(
            session, s, p.start, p.end, topic=q.topic, **window, **counted
        )
    if intent is Intent.TOPIC:
        return await tv.task_page(session, s, today, topic=q.topic, **window)
    return await tv.task_page(session, s, today, **window)


# A period longer than this lists a recurring task once, with its dates on one line (when it
# holds at most MAX_GROUPED occurrences: they are read at once to be gathered).
GROUPED_AFTER_DAYS = 31
MAX_GROUPED = 200  # a unit's quarter is a few dozen; past this, paging as they come costs less


async def grouped_page(ctx: Ctx) -> tv.Page | None:
    """The period's occurrences gathered per task (a quarter's three monthly reports are one
    line, "3 kỳ: 18/7 · 19/8 · 19/9"), in order of each task's first date, paged by task; None
    when the period holds more than ``MAX_GROUPED`` occurrences (then paged as they come)."""
    q = ctx.query
    assert q.period is not None
    every = await tv.occurrence_page(ctx.session, ctx.scope, q.period.start, q.period.end,
                                     topic=q.topic, limit=MAX_GROUPED, task_ids=ctx.topic_ids)  # fmt: skip
    if every.total > len(every.hits):
        return None
    merged: dict[int, tv.Hit] = {}
    for h in every.hits:
        old = merged.get(h.task_id)
        merged[h.task_id] = h if old is None else replace(old, dues=old.dues + h.dues)
    tasks = list(merged.values())
    start = ctx.page * PAGE_SIZE
    return tv.Page(tasks[start : start + PAGE_SIZE], len(every.hits), len(tasks), grouped=True)


async def _due_on(ctx: Ctx, window: dict[str, Any]) -> tv.Page:
    """What falls due on one day: its last day that day, or its date that day though it is to
    be sent the day before ("ngày 20 tháng này phải nộp gì": "trước ngày 20 hằng tháng")."""
    q = ctx.query
    assert q.period is not None
    day = q.period.start
    page = await tv.occurrence_page(
        ctx.session,
        ctx.scope,
        day - timedelta(days=_SHIFT),
        day + timedelta(days=_SHIFT),
        topic=q.topic,
        **(window | {"offset": 0, "limit": None}),
    )
    # Today or tomorrow ask what is still to send then: a "trước" date whose last day is already
    # past by then is not listed again under its written date.
    by_date = day > ctx.today + timedelta(days=1)
    hits = [
        h for h in page.hits
        if h.dues[0].last_day == day or (by_date and h.dues[0].due_date == day)
    ]  # fmt: skip
    return tv.Page(hits, len(hits), len({h.task_id for h in hits}))


_SHIFT = 7  # a last day stands at most this far from its date (the day before, holidays)


async def answer_due(ctx: Ctx) -> Answer:
    p = ctx.query.period
    assert p is not None
    long = (p.end - p.start).days > GROUPED_AFTER_DAYS and ctx.topic_ids is None
    hits = await grouped_page(ctx) if long else None
    if hits is None:
        hits = await page_of(ctx, Intent.DUE)
    return await dated_list(
        ctx, hits, f"Việc đến hạn {p.label}", f"Không có việc nào đến hạn {p.label}", NEXT_HINT
    )


async def answer_overdue(ctx: Ctx) -> Answer:
    hits = await page_of(ctx, Intent.OVERDUE)
    if hits.hits:
        # Each task once, at its latest missed occurrence, with the earlier ones missed since
        # its plan came into the bot on the same line ("2 kỳ: 31/3 · 30/6").
        latest = {h.task_id: h.dues[-1].last_day for h in hits.hits}
        missed = await tv.missed_since_import(
            ctx.session,
            ctx.scope,
            latest,
            min(latest.values()) - timedelta(days=366),
            max(latest.values()),
        )
        merged = [
            replace(
                h,
                dues=tuple(d for d in missed.get(h.task_id, ()) if d.last_day < latest[h.task_id])
                + h.dues,
            )
            for h in hits.hits
        ]
        hits = replace(hits, hits=merged)
    hint = 'Bấm ✅ Xong trong danh sách /quahan khi đã làm. Hỏi tiếp: "việc sắp đến hạn".'
    return await dated_list(
        ctx, hits, "Việc quá hạn chưa xong", "Không có việc nào quá hạn 👍", hint
    )


async def answer_upcoming(ctx: Ctx) -> Answer:
    hits = await page_of(ctx, Intent.UPCOMING)
    title = f"Việc đến hạn trong {UPCOMING_DAYS} ngày tới"
    hint = 'Hỏi tiếp: "tháng sau có việc gì" hoặc "việc quá hạn".'
    return await dated_list(
        ctx, hits, title, f"Không có việc nào đến hạn trong {UPCOMING_DAYS} ngày tới", hint
    )


async def answer_ongoing(ctx: Ctx) -> Answer:
    hits = await page_of(ctx, Intent.ONGOING)
    hint = 'Việc thường xuyên không có hạn cố định. Hỏi tiếp: "tháng này có việc gì".'
    return await undated_list(
        ctx, hits, "Việc thường xuyên", "Không có việc thường xuyên nào", hint
    )


async def answer_unit_tasks(ctx: Ctx) -> Answer:
    hits = await page_of(ctx, Intent.UNIT_TASKS)
    hint = 'Hỏi theo thời gian: "tháng 8 có việc gì", "quý 3 phải làm gì".'
    return await undated_list(ctx, hits, "Các việc", "Không có việc nào", hint)


async def answer_topic(ctx: Ctx) -> Answer:
    q = ctx.query
    if ctx.topic_ids is None:
        ids = await tv.ranked_topic_ids(ctx.session, ctx.scope, q.topic or "")
        ctx = replace(ctx, topic_ids=ids)
    hits = await page_of(ctx, Intent.TOPIC)
    title = f"Việc về «{q.topic}»" + (f" đến hạn {q.period.label}" if q.period else "")
    hint = 'Hỏi tiếp: "chi tiết việc <số mục>" để xem đầy đủ một việc.'
    if not hits.total and ctx.scope.unit_ids is not None:
        wider_ids = ctx.wider_ids
        if wider_ids is None:  # the plans' tasks holding the topic as a phrase (no ranking)
            wider_ids = await tv.ranked_topic_ids(
                ctx.session, tv.Scope(None), q.topic or "", by_words=False
            )
        everyone = replace(ctx, scope=tv.Scope(None), unit_name=None, topic_ids=wider_ids)
        wider = await page_of(everyone, Intent.TOPIC)
        if wider.total:
            everyone = replace(everyone, note=WIDER_NOTE)
            if q.period is not None:
                return await dated_list(everyone, wider, title, "", hint)
            return await undated_list(everyone, wider, title, "", hint)
    if q.period is not None:
        return await dated_list(
            ctx, hits, title, f"Không có việc nào về «{q.topic}» {q.period.label}", hint
        )
    return await undated_list(ctx, hits, title, f"Không có việc nào về «{q.topic}»", hint)


LISTS = {
    Intent.DUE: answer_due,
    Intent.OVERDUE: answer_overdue,
    Intent.UPCOMING: answer_upcoming,
    Intent.ONGOING: answer_ongoing,
    Intent.TOPIC: answer_topic,
}


async def answer_count(ctx: Ctx) -> Answer:
    """The number first, then the list it counts (officers asking how many want to see them)."""
    q = ctx.query
    counted = q.counted or Intent.UNIT_TASKS
    if counted is Intent.DUE and q.period is None:
        counted = Intent.UNIT_TASKS
    if counted is Intent.TOPIC and ctx.topic_ids is None:
        ids = await tv.ranked_topic_ids(ctx.session, ctx.scope, q.topic or "")
        ctx = replace(ctx, topic_ids=ids)
    as_list = replace(ctx, query=replace(q, intent=counted), count_tasks=True)
    listed = await LISTS.get(counted, answer_unit_tasks)(as_list)
    if listed.task_count >= 0 and listed.total >= 0:  # counted by the list's own statement
        tasks, total = listed.task_count, max(listed.total, listed.task_count)
    else:
        page = await page_of(ctx, counted, limit=0)
        tasks, total = page.tasks, page.total
    what = {
        Intent.DUE: f"đến hạn {q.period.label}" if q.period else "đến hạn",
        Intent.OVERDUE: "quá hạn chưa xong",
        Intent.UPCOMING: f"đến hạn trong {UPCOMING_DAYS} ngày tới",
        Intent.ONGOING: "thường xuyên",
        Intent.TOPIC: f"về «{q.topic}»",
    }.get(counted, "")
    title = f"Có {tasks} việc {what}{whose_suffix(ctx)}".replace("  ", " ")
    if counted in (Intent.DUE, Intent.OVERDUE, Intent.UPCOMING) and total != tasks:
        title += f" ({total} hạn)"
    return replace(listed, query=q, reply=replace(listed.reply, title=title), total=tasks)
