"""Answers that list tasks: due in a period, overdue, upcoming, ongoing, a unit's, on a topic, counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from bot.questions import Intent
from bot.questions.examples import NEXT_HINT
from services import tasks_view as tv
from services.ask.model import PAGE_SIZE, UPCOMING_DAYS, WIDER_NOTE, Answer, Ctx
from services.ask.shaping import dated_list, undated_list, whose_suffix


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


async def answer_due(ctx: Ctx) -> Answer:
    p = ctx.query.period
    assert p is not None
    hits = await page_of(ctx, Intent.DUE)
    return await dated_list(
        ctx, hits, f"Việc đến hạn {p.label}", f"Không có việc nào đến hạn {p.label}", NEXT_HINT
    )


async def answer_overdue(ctx: Ctx) -> Answer:
    hits = await page_of(ctx, Intent.OVERDUE)
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
