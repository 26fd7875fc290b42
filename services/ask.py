"""Answer an officer's question from the store: read it, query the tasks, shape a short reply."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import bindparam, select

from bot.deadlines import Schedule, WorkCalendar, describe_next, parse_deadline
from bot.questions import Intent, Query, UnitHit, read_question
from bot.questions.examples import NEXT_HINT, greeting_reply, help_reply, unknown_reply
from bot.questions.reply import Reply, ReplyGroup, ReplyItem, shorten
from bot.units import match
from bot.vndate import format_date, short_date
from services import tasks_view as tv
from store.models import PlanRow, TaskRow

PAGE_SIZE = 8
UPCOMING_DAYS = 14
REPORT_WORDS = {"month": "tháng", "quarter": "quý", "half": "6 tháng", "year": "năm", "any": ""}


@dataclass(frozen=True)
class AnsweredTask:
    """One task in an answer, with its due dates on this page and the unit's status."""

    id: int
    ref: str
    content: str
    lead: tuple[str, ...]
    support: tuple[str, ...]
    role: str | None
    due: tuple[date, ...]
    # open | done | overdue | ongoing | superseded (a past occurrence, not done, whose task has
    # a later past occurrence: only the latest past one is overdue)
    status: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "ref": self.ref,
            "content": self.content,
            "lead": list(self.lead),
            "support": list(self.support),
            "role": self.role,
            "due": [d.isoformat() for d in self.due],
            "status": self.status,
        }


@dataclass(frozen=True)
class Answer:
    """The reading, the tasks shown (this page) and the reply the officer sees."""

    query: Query
    tasks: tuple[AnsweredTask, ...]
    reply: Reply
    unit_name: str | None = None
    total: int = 0

    def to_json(self) -> dict[str, Any]:
        p = self.query.period
        return {
            "question": self.query.text,
            "intent": self.query.intent.value,
            "period": {"start": p.start.isoformat(), "end": p.end.isoformat()} if p else None,
            "unit": self.unit_name,
            "tasks": [t.to_json() for t in self.tasks],
            "text": self.reply.to_text(),
        }


@dataclass(frozen=True)
class _Ctx:
    session: Any
    query: Query
    scope: tv.Scope
    today: date
    calendar: WorkCalendar
    page: int
    unit_name: str | None
    note: str | None
    # Task id -> its latest last day before today, for the past open occurrences on the page.
    latest: dict[int, date] = field(default_factory=dict)


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
    ctx = _Ctx(session, query, scope, today, calendar, page or query.page, name, note)
    handler = _HANDLERS[query.intent if query.intent is not Intent.COUNT else Intent.COUNT]
    return await handler(ctx)


def _whose(ctx: _Ctx) -> str:
    role = {"lead": " (chủ trì)", "support": " (phối hợp)"}.get(ctx.scope.role or "", "")
    return f" — {ctx.unit_name}{role}" if ctx.unit_name else role


def _status(task_id: int, due: tv.Due, ctx: _Ctx) -> tuple[str, str]:
    """(status code, worded status) of one occurrence for the asker's unit."""
    if due.done:
        return "done", "✅ đã xong"
    if due.last_day < ctx.today:
        if ctx.latest.get(task_id, due.last_day) > due.last_day:
            return "superseded", "đã qua, xem lần hạn sau"
        return "overdue", f"⚠️ quá hạn {(ctx.today - due.last_day).days} ngày"
    if due.last_day == ctx.today:
        return "open", "⏰ hạn cuối hôm nay"
    if (due.last_day - ctx.today).days > 35:  # over 10 working days even across Tết
        return "open", ""
    n = ctx.calendar.working_days_until(ctx.today, due.last_day)
    return "open", f"còn {n} ngày làm việc" if n <= 10 else ""


def _due_note(due: tv.Due) -> str:
    if due.before:
        return f"hạn: trước {short_date(due.due_date)}"
    return f"hạn: {short_date(due.due_date)}" if due.due_date != due.last_day else ""


def _more_hint(ctx: _Ctx, rest: int, default: str) -> str:
    if rest:
        return (
            f'Còn {rest} việc nữa: gõ "{ctx.query.text.strip()} trang {ctx.page + 2}" để xem thêm.'
        )
    return default


def _answered(views: Sequence[tv.TaskView], ctx: _Ctx) -> tuple[AnsweredTask, ...]:
    by_id: dict[int, AnsweredTask] = {}
    for v in views:
        dues = tuple(d.last_day for d in v.dues)
        if v.ongoing and not v.dues:
            status = "ongoing"
        elif v.dues:
            status = _status(v.id, v.dues[0], ctx)[0]
        else:
            status = "open"
        old = by_id.get(v.id)
        if old is not None:
            by_id[v.id] = replace(old, due=old.due + dues)
            continue
        by_id[v.id] = AnsweredTask(v.id, v.ref, v.content, v.lead, v.support, v.role, dues, status)
    return tuple(by_id.values())


def _item(v: tv.TaskView, ctx: _Ctx, note: str = "") -> ReplyItem:
    status = _status(v.id, v.dues[0], ctx)[1] if v.dues else ""
    lead = ", ".join(v.lead)
    return ReplyItem(v.ref, v.content, shorten(lead, 80), v.role, status, note)


async def _with_latest(ctx: _Ctx, views: Sequence[tv.TaskView]) -> _Ctx:
    """The context with the latest past last day of each task shown with a past open occurrence
    (one small query, only when there is one)."""
    past = [v.id for v in views for d in v.dues[:1] if not d.done and d.last_day < ctx.today]
    if not past or ctx.query.intent is Intent.OVERDUE:  # overdue lists hold only latest ones
        return ctx
    return replace(ctx, latest=await tv.latest_past(ctx.session, past, ctx.today))


async def _dated_list(ctx: _Ctx, page: tv.Page, title: str, empty: str, hint: str) -> Answer:
    """Occurrences grouped by their real last day."""
    if not page.total:
        return Answer(ctx.query, (), Reply(title=empty + _whose(ctx), hint=hint), ctx.unit_name)
    if not page.hits:
        return Answer(ctx.query, (), Reply(title="Hết danh sách: trang này không còn mục nào."))
    rest = max(page.total - ctx.page * PAGE_SIZE - len(page.hits), 0)
    views = await tv.load(ctx.session, page.hits, ctx.scope)
    ctx = await _with_latest(ctx, views)
    groups: list[ReplyGroup] = []
    current: list[ReplyItem] = []
    day: date | None = None
    for v in views:
        due = v.dues[0]
        if day is not None and due.last_day != day:
            groups.append(ReplyGroup(format_date(day), tuple(current)))
            current = []
        day = due.last_day
        current.append(_item(v, ctx, _due_note(due)))
    if day is not None:
        groups.append(ReplyGroup(format_date(day), tuple(current)))
    if page.tasks == page.total:
        head = f"{title}{_whose(ctx)}: {page.total} việc"
    elif page.tasks > 0:
        head = f"{title}{_whose(ctx)}: {page.tasks} việc, {page.total} lần hạn"
    else:
        head = f"{title}{_whose(ctx)}: {page.total} lần hạn"
    lines = (ctx.note,) if ctx.note else ()
    reply = Reply(head, tuple(groups), lines, _more_hint(ctx, rest, hint), rest > 0)
    return Answer(ctx.query, _answered(views, ctx), reply, ctx.unit_name, page.total)


async def _undated_list(ctx: _Ctx, page: tv.Page, title: str, empty: str, hint: str) -> Answer:
    """Tasks grouped by their next due date; those without one under 'Thường xuyên / khác'."""
    if not page.total:
        return Answer(ctx.query, (), Reply(title=empty + _whose(ctx), hint=hint), ctx.unit_name)
    if not page.hits:
        return Answer(ctx.query, (), Reply(title="Hết danh sách: trang này không còn mục nào."))
    rest = max(page.total - ctx.page * PAGE_SIZE - len(page.hits), 0)
    # No latest-past lookup: a task's date here is its next one, else its last one, so a past
    # date shown is always the task's latest past occurrence.
    views = await tv.load(ctx.session, page.hits, ctx.scope)
    groups: list[ReplyGroup] = []
    for v in views:
        if v.dues and v.dues[0].last_day < ctx.today:
            heading = f"Hạn đã qua: {format_date(v.dues[0].last_day)}"
            note = _due_note(v.dues[0])
        elif v.dues:
            heading = f"Lần tới: {format_date(v.dues[0].last_day)}"
            note = _due_note(v.dues[0])
        else:
            heading = "Thường xuyên" if v.ongoing else "Không có ngày hạn cố định"
            note = f"thời gian: {shorten(v.deadline, 60)}" if v.deadline and not v.ongoing else ""
        item = _item(v, ctx, note)
        if groups and groups[-1].heading == heading:
            groups[-1] = ReplyGroup(heading, groups[-1].items + (item,))
        else:
            groups.append(ReplyGroup(heading, (item,)))
    head = f"{title}{_whose(ctx)}: {page.total} việc"
    lines = (ctx.note,) if ctx.note else ()
    reply = Reply(head, tuple(groups), lines, _more_hint(ctx, rest, hint), rest > 0)
    return Answer(ctx.query, _answered(views, ctx), reply, ctx.unit_name, page.total)


async def _hits(ctx: _Ctx, intent: Intent, limit: int | None = PAGE_SIZE) -> tv.Page:
    """The page of hits an intent asks for (limit 0: only the totals)."""
    q, s, today, session = ctx.query, ctx.scope, ctx.today, ctx.session
    window: dict[str, Any] = {"offset": ctx.page * PAGE_SIZE, "limit": limit}
    if intent is Intent.DUE and q.period is not None:
        p = q.period
        return await tv.occurrence_page(session, s, p.start, p.end, topic=q.topic, **window)
    if intent is Intent.OVERDUE:
        end = today - timedelta(days=1)
        # Without a period, the last 365 days: older ones are the previous plan's business.
        start = q.period.start if q.period is not None else today - timedelta(days=365)
        if q.period is not None:
            end = min(q.period.end, end)
        # Only each task's latest past occurrence can be overdue: a plan imported in July does
        # not owe January's monthly report.
        return await tv.occurrence_page(
            session, s, start, end, open_only=True, latest_before=today, **window
        )
    if intent is Intent.UPCOMING:
        end = today + timedelta(days=UPCOMING_DAYS)
        return await tv.occurrence_page(session, s, today, end, open_only=True, **window)
    if intent is Intent.ONGOING:
        return await tv.task_page(session, s, today, ongoing_only=True, **window)
    if intent is Intent.TOPIC and q.period is not None:
        p = q.period
        return await tv.occurrence_page(session, s, p.start, p.end, topic=q.topic, **window)
    if intent is Intent.TOPIC:
        return await tv.task_page(session, s, today, topic=q.topic, **window)
    return await tv.task_page(session, s, today, **window)


async def _due(ctx: _Ctx) -> Answer:
    p = ctx.query.period
    assert p is not None
    hits = await _hits(ctx, Intent.DUE)
    return await _dated_list(
        ctx, hits, f"Việc đến hạn {p.label}", f"Không có việc nào đến hạn {p.label}", NEXT_HINT
    )


async def _overdue(ctx: _Ctx) -> Answer:
    hits = await _hits(ctx, Intent.OVERDUE)
    hint = 'Bấm ✅ Xong trong danh sách /quahan khi đã làm. Hỏi tiếp: "việc sắp đến hạn".'
    return await _dated_list(
        ctx, hits, "Việc quá hạn chưa xong", "Không có việc nào quá hạn 👍", hint
    )


async def _upcoming(ctx: _Ctx) -> Answer:
    hits = await _hits(ctx, Intent.UPCOMING)
    title = f"Việc đến hạn trong {UPCOMING_DAYS} ngày tới"
    hint = 'Hỏi tiếp: "tháng sau có việc gì" hoặc "việc quá hạn".'
    return await _dated_list(
        ctx, hits, title, f"Không có việc nào đến hạn trong {UPCOMING_DAYS} ngày tới", hint
    )


async def _ongoing(ctx: _Ctx) -> Answer:
    hits = await _hits(ctx, Intent.ONGOING)
    hint = 'Việc thường xuyên không có hạn cố định. Hỏi tiếp: "tháng này có việc gì".'
    return await _undated_list(
        ctx, hits, "Việc thường xuyên", "Không có việc thường xuyên nào", hint
    )


async def _unit_tasks(ctx: _Ctx) -> Answer:
    hits = await _hits(ctx, Intent.UNIT_TASKS)
    hint = 'Hỏi theo thời gian: "tháng 8 có việc gì", "quý 3 phải làm gì".'
    return await _undated_list(ctx, hits, "Các việc", "Không có việc nào", hint)


async def _topic(ctx: _Ctx) -> Answer:
    q = ctx.query
    hits = await _hits(ctx, Intent.TOPIC)
    title = f"Việc về «{q.topic}»" + (f" đến hạn {q.period.label}" if q.period else "")
    hint = 'Hỏi tiếp: "chi tiết việc <số mục>" để xem đầy đủ một việc.'
    if not hits.total and ctx.scope.unit_ids is not None:
        everyone = replace(ctx, scope=tv.Scope(None), unit_name=None)
        wider = await _hits(everyone, Intent.TOPIC)
        if wider.total:
            everyone = replace(
                everyone, note="Đơn vị bạn không có việc này; đây là các việc trong kế hoạch."
            )
            if q.period is not None:
                return await _dated_list(everyone, wider, title, "", hint)
            return await _undated_list(everyone, wider, title, "", hint)
    if q.period is not None:
        return await _dated_list(
            ctx, hits, title, f"Không có việc nào về «{q.topic}» {q.period.label}", hint
        )
    return await _undated_list(ctx, hits, title, f"Không có việc nào về «{q.topic}»", hint)


_TASKS_AND_PLANS = (
    select(TaskRow, PlanRow)
    .join(PlanRow, PlanRow.id == TaskRow.plan_id)
    .where(TaskRow.id.in_(bindparam("ids", expanding=True)))
)


async def _schedules(
    session: Any, ids: Sequence[int]
) -> dict[int, tuple[TaskRow, PlanRow, Schedule]]:
    """Task rows, their plans and parsed schedules, in one query."""
    rows = await session.execute(_TASKS_AND_PLANS, {"ids": list(ids)})
    out = {}
    for task, plan in rows.all():
        if task.schedule:
            schedule = Schedule.from_json(task.schedule)
        else:
            context = " ".join(x for x in (task.content, task.notes, task.deadline_in_text) if x)
            schedule = parse_deadline(task.deadline, plan.year, context)
        out[task.id] = (task, plan, schedule)
    return out


async def _detail(ctx: _Ctx) -> Answer:
    ref = ctx.query.ref or ""
    hits = await tv.by_ref(ctx.session, ctx.scope, ref)
    if not hits:
        reply = Reply(
            title=f"Không tìm thấy việc mục {ref.upper()}.",
            hint='Số mục ghi như trong kế hoạch, ví dụ "chi tiết việc II.3".',
        )
        return Answer(ctx.query, (), reply, ctx.unit_name)
    views = await tv.load(ctx.session, hits[:3], ctx.scope)
    details = await _schedules(ctx.session, [v.id for v in views])
    lines: list[str] = []
    answered = []
    for v in views:
        task, plan, schedule = details[v.id]
        if lines:
            lines.append("")
        lines.append(f"Mục {v.ref} — {plan.title or plan.source}")
        lines.append(v.content)
        if task.result:
            lines.append(f"Kết quả: {task.result}")
        lines.append(f"Thời gian: {task.deadline or 'không ghi'}")
        lines.append(f"Hạn: {describe_next(schedule, ctx.today, ctx.calendar)}")
        if v.lead:
            lines.append(f"Chủ trì: {', '.join(v.lead)}")
        if v.support:
            lines.append(f"Phối hợp: {', '.join(v.support)}")
        if v.role:
            lines.append(f"Đơn vị bạn: {'chủ trì' if v.role == 'lead' else 'phối hợp'}")
        if task.notes:
            lines.append(f"Ghi chú: {task.notes}")
        nxt = schedule.occurrences(ctx.today, ctx.today + timedelta(days=400))[:1]
        due = tuple(ctx.calendar.last_day(o) for o in nxt)
        status = "ongoing" if v.ongoing else "open"
        answered.append(
            AnsweredTask(v.id, v.ref, v.content, v.lead, v.support, v.role, due, status)
        )
    more = len(hits) > 3
    hint = f"Còn {len(hits) - 3} việc cùng số mục trong các kế hoạch khác." if more else NEXT_HINT
    reply = Reply(title=f"Chi tiết việc {views[0].ref}", lines=tuple(lines), hint=hint, more=more)
    return Answer(ctx.query, tuple(answered), reply, ctx.unit_name, len(hits))


def _kind_of(n: int, first: date, last: date) -> str:
    """Monthly, quarterly, half-yearly or yearly, from the mean gap between occurrences."""
    if n < 2:
        return "year"
    gap = (last - first).days / (n - 1)
    if gap <= 45:
        return "month"
    if gap <= 120:
        return "quarter"
    if gap <= 240:
        return "half"
    return "year"


async def _next_due(ctx: _Ctx) -> Answer:
    q = ctx.query
    wanted = q.report or "any"
    name = f"báo cáo {REPORT_WORDS.get(wanted, '')}".strip()
    # How often a report falls due tells a monthly report from a quarterly one, whatever its
    # wording.
    start = q.period.start if q.period is not None else ctx.today
    rows = await tv.report_tasks(
        ctx.session, ctx.scope, start, start + timedelta(days=364), "bao cao"
    )
    picked = sorted(
        (first, task_id, role)
        for task_id, role, n, lo, hi, first in rows
        if (wanted == "any" or _kind_of(n, lo, hi) == wanted)
        and (q.period is None or q.period.contains(first))
    )[:3]
    dues, sources = await tv.dues_with_sources(
        ctx.session, ctx.scope, [(t, d) for d, t, _r in picked]
    )
    hits = [tv.Hit(t, role, (dues[(t, d)],)) for d, t, role in picked if (t, d) in dues]
    if not hits:
        title = f"Không thấy hạn {name} nào" + (
            f" trong {q.period.label}" if q.period else " sắp tới"
        )
        return Answer(q, (), Reply(title=title + _whose(ctx), hint=NEXT_HINT), ctx.unit_name)
    views = await tv.load(ctx.session, hits, ctx.scope)
    first = views[0].dues[0]
    source = sources[views[0].id]
    if source.schedule:
        schedule = Schedule.from_json(source.schedule)
    else:
        schedule = parse_deadline(source.deadline, source.year, source.context)
    ctx = await _with_latest(ctx, views)
    status = _status(views[0].id, first, ctx)[1] or "đến hạn"
    lines = [f"Lần gần nhất: {format_date(first.last_day)} — {status}"]
    lines.append(f"[{views[0].ref}] {describe_next(schedule, ctx.today, ctx.calendar)}")
    groups = tuple(
        ReplyGroup(format_date(v.dues[0].last_day), (_item(v, ctx, _due_note(v.dues[0])),))
        for v in views
    )
    reply = Reply(f"Hạn {name}{_whose(ctx)}", groups, tuple(lines), 'Hỏi tiếp: "việc sắp đến hạn".')
    return Answer(q, _answered(views, ctx), reply, ctx.unit_name, len(hits))


async def _count(ctx: _Ctx) -> Answer:
    q = ctx.query
    counted = q.counted or Intent.UNIT_TASKS
    page = await _hits(ctx, counted, limit=0)
    tasks = page.tasks
    what = {
        Intent.DUE: f"đến hạn {q.period.label}" if q.period else "đến hạn",
        Intent.OVERDUE: "quá hạn chưa xong",
        Intent.UPCOMING: f"đến hạn trong {UPCOMING_DAYS} ngày tới",
        Intent.ONGOING: "thường xuyên",
        Intent.TOPIC: f"về «{q.topic}»",
    }.get(counted, "")
    title = f"Có {tasks} việc {what}{_whose(ctx)}".replace("  ", " ")
    if counted in (Intent.DUE, Intent.OVERDUE, Intent.UPCOMING) and page.total != tasks:
        title += f" ({page.total} lần hạn)"
    phrase = {Intent.OVERDUE: "việc quá hạn", Intent.UPCOMING: "việc sắp đến hạn"}.get(
        counted, "tháng này có việc gì"
    )
    reply = Reply(title, hint=f'Hỏi "{phrase}" để xem danh sách.')
    return Answer(q, (), reply, ctx.unit_name, tasks)


_HANDLERS = {
    Intent.DUE: _due,
    Intent.OVERDUE: _overdue,
    Intent.UPCOMING: _upcoming,
    Intent.ONGOING: _ongoing,
    Intent.UNIT_TASKS: _unit_tasks,
    Intent.TOPIC: _topic,
    Intent.DETAIL: _detail,
    Intent.NEXT_DUE: _next_due,
    Intent.COUNT: _count,
}
