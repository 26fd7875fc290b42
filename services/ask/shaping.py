"""Shaping replies: statuses of occurrences, items, lists grouped by date or by next date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from bot.phrases import late_phrase
from bot.questions import Intent
from bot.questions.reply import Reply, ReplyGroup, ReplyItem, shorten
from bot.vndate import format_date, short_date
from services.ask.model import PAGE_SIZE, Answer, AnsweredTask, Ctx
from store import tasks_view as tv


def whose_suffix(ctx: Ctx) -> str:
    role = {"lead": " (chủ trì)", "support": " (phối hợp)"}.get(ctx.scope.role or "", "")
    return f" — {ctx.unit_name}{role}" if ctx.unit_name else role


def occurrence_status(task_id: int, due: tv.Due, ctx: Ctx) -> tuple[str, str]:
    """(status code, worded status) of one occurrence for the asker's unit."""
    if due.done:
        return "done", "✅ đã xong"
    if due.last_day < ctx.today:
        if ctx.latest.get(task_id, due.last_day) > due.last_day:
            return "superseded", "đã qua, xem hạn sau"
        # Working days, as everywhere else (DOMAIN §8), never calendar days.
        return "overdue", f"⚠️ {late_phrase(ctx.calendar.days_late(due.last_day, ctx.today))}"
    if due.last_day == ctx.today:
        return "open", "⏰ hạn cuối hôm nay"
    if (due.last_day - ctx.today).days > 35:  # over 10 working days even across Tết
        return "open", ""
    n = ctx.calendar.working_days_until(ctx.today, due.last_day)
    return "open", f"còn {n} ngày làm việc" if n <= 10 else ""


def due_note(due: tv.Due) -> str:
    if due.before:
        return f"hạn: trước {short_date(due.due_date)}"
    return f"hạn: {short_date(due.due_date)}" if due.due_date != due.last_day else ""


def more_hint(ctx: Ctx, rest: int, default: str) -> str:
    if rest:
        return (
            f'Còn {rest} việc nữa: gõ "{ctx.query.text.strip()} trang {ctx.page + 2}" để xem thêm.'
        )
    return default


def answered_tasks(views: Sequence[tv.TaskView], ctx: Ctx) -> tuple[AnsweredTask, ...]:
    by_id: dict[int, AnsweredTask] = {}
    for v in views:
        dues = tuple(d.last_day for d in v.dues)
        if v.ongoing and not v.dues:
            status = "ongoing"
        elif v.dues:
            status = occurrence_status(v.id, v.dues[0], ctx)[0]
        else:
            status = "open"
        old = by_id.get(v.id)
        if old is not None:
            by_id[v.id] = replace(old, due=old.due + dues)
            continue
        by_id[v.id] = AnsweredTask(v.id, v.ref, v.content, v.lead, v.support, v.role, dues, status)
    return tuple(by_id.values())


def dates_note(dues: Sequence[tv.Due]) -> str:
    """A recurring task's occurrences in one period, on one line: their real last days, then
    the plan's dates when they differ: "3 kỳ: 18/7 · 19/8 · 19/9 (hạn ghi: trước 20/7 · 20/8 ·
    20/9)"."""
    out = f"{len(dues)} kỳ: " + " · ".join(_day_month(d.last_day) for d in dues)
    if any(d.before or d.due_date != d.last_day for d in dues):
        every = all(d.before for d in dues)
        written = " · ".join(
            ("trước " if d.before and not every else "") + _day_month(d.due_date) for d in dues
        )
        out += f" (hạn ghi: {'trước ' if every else ''}{written})"
    return out


_LATER_SHOWN = 12  # a monthly task's year


def _day_month(d: date) -> str:
    return f"{d.day}/{d.month}"


def focus(dues: Sequence[tv.Due], today: date) -> tv.Due:
    """The occurrence a line's status speaks of: of several, the next one not done (else the
    last); of one, that one."""
    if len(dues) == 1:
        return dues[0]
    return next((d for d in dues if not d.done and d.last_day >= today), dues[-1])


def reply_item(v: tv.TaskView, ctx: Ctx, note: str = "") -> ReplyItem:
    status = occurrence_status(v.id, focus(v.dues, ctx.today), ctx)[1] if v.dues else ""
    lead = ", ".join(v.lead)
    return ReplyItem(v.ref, v.content, shorten(lead, 80), v.role, status, note)


async def with_latest(ctx: Ctx, views: Sequence[tv.TaskView]) -> Ctx:
    """The context with the latest past last day of each task shown with a past open occurrence
    (one small query, only when there is one)."""
    past = [
        v.id for v in views if v.dues
        for d in (focus(v.dues, ctx.today),) if not d.done and d.last_day < ctx.today
    ]  # fmt: skip
    if not past or ctx.query.intent is Intent.OVERDUE:  # overdue lists hold only latest ones
        return ctx
    return replace(ctx, latest=await tv.latest_past(ctx.session, past, ctx.today))


def nothing_to_list(ctx: Ctx, page: tv.Page, empty: str, hint: str) -> Answer | None:
    """The answer when the list is empty, or when the page asked for is past its end."""
    if not page.total:
        # A unit named by a former name keeps its note ("Sở KH&ĐT nay là Sở Tài chính").
        lines = (ctx.note,) if ctx.note else ()
        reply = Reply(title=empty + whose_suffix(ctx), lines=lines, hint=hint)
        return Answer(ctx.query, (), reply, ctx.unit_name, task_count=0)
    if not page.hits:
        return Answer(ctx.query, (), Reply(title="Hết danh sách: trang này không còn mục nào."))
    return None


async def dated_list(ctx: Ctx, page: tv.Page, title: str, empty: str, hint: str) -> Answer:
    """Occurrences grouped by their real last day."""
    nothing = nothing_to_list(ctx, page, empty, hint)
    if nothing is not None:
        return nothing
    paged = page.tasks if page.grouped else page.total  # what the pages count
    rest = max(paged - ctx.page * PAGE_SIZE - len(page.hits), 0)
    views = await tv.load(ctx.session, page.hits, ctx.scope)
    ctx = await with_latest(ctx, views)
    groups: list[ReplyGroup] = []
    current: list[ReplyItem] = []
    day: date | None = None
    overdue = ctx.query.intent is Intent.OVERDUE  # a task's missed occurrences, latest last
    for v in views:
        due = v.dues[-1] if overdue else v.dues[0]
        if day is not None and due.last_day != day:
            groups.append(ReplyGroup(format_date(day), tuple(current)))
            current = []
        day = due.last_day
        note = dates_note(v.dues) if len(v.dues) > 1 else due_note(due)
        current.append(reply_item(v, ctx, note))
    if day is not None:
        groups.append(ReplyGroup(format_date(day), tuple(current)))
    if page.tasks == page.total:
        head = f"{title}{whose_suffix(ctx)}: {page.total} việc"
    elif page.tasks > 0:
        head = f"{title}{whose_suffix(ctx)}: {page.tasks} việc, {page.total} hạn"
    else:
        head = f"{title}{whose_suffix(ctx)}: {page.total} hạn"
    lines = (ctx.note,) if ctx.note else ()
    reply = Reply(head, tuple(groups), lines, more_hint(ctx, rest, hint), rest > 0)
    tasks = answered_tasks(views, ctx)
    return Answer(ctx.query, tasks, reply, ctx.unit_name, page.total, page.tasks)


async def undated_list(
    ctx: Ctx,
    page: tv.Page,
    title: str,
    empty: str,
    hint: str,
    later: dict[int, tuple[date, ...]] | None = None,
) -> Answer:
    """Tasks grouped by their next due date; those without one under 'Thường xuyên / khác'.
    ``later``: each task's last days after its next one, said on its line ("sau đó: 30/9")."""
    nothing = nothing_to_list(ctx, page, empty, hint)
    if nothing is not None:
        return nothing
    rest = max(page.total - ctx.page * PAGE_SIZE - len(page.hits), 0)
    # No latest-past lookup: a task's date here is its next one, else its last one, so a past
    # date shown is always the task's latest past occurrence.
    views = await tv.load(ctx.session, page.hits, ctx.scope)
    groups: list[ReplyGroup] = []
    for v in views:
        if v.dues and v.dues[0].last_day < ctx.today:
            heading = f"Hạn đã qua: {format_date(v.dues[0].last_day)}"
            note = due_note(v.dues[0])
        elif v.dues:
            heading = f"Lần tới: {format_date(v.dues[0].last_day)}"
            note = due_note(v.dues[0])
            after = [d for d in (later or {}).get(v.id, ()) if d > v.dues[0].last_day]
            if after:
                then = "sau đó: " + " · ".join(_day_month(d) for d in after[:_LATER_SHOWN])
                note = f"{note} · {then}" if note else then
        else:
            heading = "Thường xuyên" if v.ongoing else "Không có ngày hạn cố định"
            note = f"thời gian: {shorten(v.deadline, 60)}" if v.deadline and not v.ongoing else ""
        item = reply_item(v, ctx, note)
        if groups and groups[-1].heading == heading:
            groups[-1] = ReplyGroup(heading, groups[-1].items + (item,))
        else:
            groups.append(ReplyGroup(heading, (item,)))
    head = f"{title}{whose_suffix(ctx)}: {page.total} việc"
    lines = (ctx.note,) if ctx.note else ()
    reply = Reply(head, tuple(groups), lines, more_hint(ctx, rest, hint), rest > 0)
    tasks = answered_tasks(views, ctx)
    return Answer(ctx.query, tasks, reply, ctx.unit_name, page.total, page.tasks)
