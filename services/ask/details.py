"""Answers about one task: its detail by ref, and the next due date of a named report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from bot.deadlines import Schedule, describe_next, parse_deadline, task_context
from bot.phrases import role_line
from bot.questions.examples import NEXT_HINT
from bot.questions.reply import Reply, ReplyGroup
from bot.text import fold
from bot.topics import vague_topic
from bot.vndate import format_date, short_date
from services.ask.model import PAGE_SIZE, REPORT_WORDS, WIDER_NOTE, Answer, AnsweredTask, Ctx
from services.ask.shaping import (
    answered_tasks,
    due_note,
    occurrence_status,
    reply_item,
    undated_list,
    whose_suffix,
    with_latest,
)
from store import tasks_view as tv
from store.tasks_view.details import TaskText


async def _schedules(session: Any, ids: Sequence[int]) -> dict[int, tuple[TaskText, Schedule]]:
    """Tasks' written fields and parsed schedules, in one query."""
    out = {}
    for task in await tv.texts(session, ids):
        if task.schedule:
            schedule = Schedule.from_json(task.schedule)
        else:
            context = task_context(task.content, task.notes, task.deadline_in_text)
            schedule = parse_deadline(task.deadline, task.plan_year, context)
        out[task.id] = (task, schedule)
    return out


async def answer_detail(ctx: Ctx) -> Answer:
    ref = ctx.query.ref or ""
    hits = await tv.by_ref(ctx.session, ctx.scope, ref)
    if not hits:
        # "việc số 11", "việc A.1": the task numbered so under its heading, or its sub-items.
        for loose in await tv.refs_like(ctx.session, ref):
            hits += [h for h in await tv.by_ref(ctx.session, ctx.scope, loose) if h not in hits]
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
        task, schedule = details[v.id]
        if lines:
            lines.append("")
        lines.append(f"Mục {v.ref} — {task.plan_title or task.plan_source}")
        lines.append(v.content)
        if task.result:
            lines.append(f"Sản phẩm: {task.result}")  # one term per thing, as 📄 Chi tiết
        lines.append(f"Ghi trong kế hoạch: {task.deadline or 'không ghi'}")
        lines.append(f"Hạn: {describe_next(schedule, ctx.today, ctx.calendar)}")
        if v.lead:
            lines.append(f"Chủ trì: {', '.join(v.lead)}")
        if v.support:
            lines.append(f"Phối hợp: {', '.join(v.support)}")
        if v.role:
            lines.append(role_line(v.role == "lead"))
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


# "hàng quý, năm", "quý và năm", "quý, 6 tháng, năm": a quarterly report that is the year's too.
_QUARTER_AND_YEAR = re.compile(
    r"(?<!\w)quy(?:,| va| hoac)(?: (?:6 thang|sau thang)(?:,| va))? nam(?!\w)"
)
_YEARLY = re.compile(r"(?<!\w)(?:1 nam|ca nam|hang nam|cuoi nam|bao cao nam|nam chan)(?!\w)")
_HALF = re.compile(r"(?<!\w)(?:0?6 thang|sau thang|nua nam)(?!\w)")


def _kinds_of(n: int, first: date, last: date, deadline: str) -> set[str]:
    """The rhythms of a report: from the mean gap between its occurrences, and the yearly or
    half-yearly report its deadline names beside ("Quý I, Quý II, Quý III và 1 năm"). A task
    due once is no yearly report unless its deadline says so."""
    kinds = {_kind_of(n, first, last)} if n >= 2 else set()
    text = fold(deadline)
    if _YEARLY.search(text) or (n == 1 and "hang nam" in text):
        kinds.add("year")
    if _HALF.search(text):
        kinds.add("half")
    return kinds


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


REPORT_HEAD = 40  # characters of a task's text where "báo cáo" names a report task
_NAMED = ("year", "half")  # rhythms read from the deadline cell too


async def _deadlines(session: Any, ids: Sequence[int]) -> dict[int, str]:
    """The deadline cells of a few tasks (read only when a yearly or half-yearly report is asked
    for: those rhythms are often written beside another one)."""
    return await tv.deadline_cells(session, ids)


# Words that name a report or its rhythm, not what a task does ("bc quý", "báo cáo 6 tháng").
_REPORT_WORDS = re.compile(
    r"(?<!\w)(?:bao cao|bc|dinh ky|hang|thang|quy|nam|nua|sau|dau|q[1-4]|t\d{1,2}|\d+|\|)(?!\w)"
)


# Words of a report question that say who sends it or what is done with it, not which task it
# is ("khi nào tỉnh phải nộp bc tháng", "vp tổng hợp báo cáo tháng").
_REPORT_SENDING = re.compile(r"(?<!\w)(?:tinh|tong hop|cua|minh|so|don vi|len|ve)(?!\w)")


def task_words(guess: str | None) -> str | None:
    """The words of a deadline question that say what the task does, when there are any beside
    a report's name, rhythm and sender ("hạn rà soát quy định là ngày nào", "bc nq 131 nộp khi
    nào")."""
    if not guess:
        return None
    left = _REPORT_WORDS.sub(" ", guess)
    if _REPORT_WORDS.search(guess) is not None:
        left = _REPORT_SENDING.sub(" ", left)
    if not left.split():
        return None
    return " ".join(w for w in guess.split() if w != "|")


async def _next_due_of_task(ctx: Ctx, words: str) -> Answer | None:
    """The next due dates of the tasks whose text best holds ``words`` (the unit's, else the
    plans'), nearest first; None when no task holds them."""
    scope = ctx.scope
    ids = await tv.ranked_topic_ids(ctx.session, scope, words)
    note = None
    if not ids and scope.unit_ids is not None:
        scope = tv.Scope(None)
        ids = await tv.ranked_topic_ids(ctx.session, scope, words)
        note = WIDER_NOTE
    if not ids:
        return None
    ctx = replace(ctx, scope=scope, note=note, unit_name=ctx.unit_name if note is None else None)
    offset = ctx.page * PAGE_SIZE
    page = await tv.task_page(
        ctx.session, scope, ctx.today, task_ids=ids, offset=offset, limit=PAGE_SIZE
    )
    hint = 'Hỏi tiếp: "chi tiết việc <số mục>" để xem đầy đủ một việc.'
    # "làm khi nào": every date left in the period asked (else the year), not the next alone.
    end = ctx.query.period.end if ctx.query.period is not None else date(ctx.today.year, 12, 31)
    shown = [h.task_id for h in page.hits]
    rest = await tv.occurrence_page(
        ctx.session, scope, ctx.today, max(end, ctx.today), task_ids=shown, limit=_LATER_CAP
    )
    later: dict[int, tuple[date, ...]] = {}
    for h in rest.hits:
        later[h.task_id] = later.get(h.task_id, ()) + (h.dues[0].last_day,)
    return await undated_list(ctx, page, f"Hạn việc «{words}»", "", hint, later)


_LATER_CAP = 200  # ten tasks of a page, a year of monthly dates each and more


async def _half_from_quarters(
    ctx: Ctx,
    rows: Sequence[tuple[int, str, int, date, date, date]],
    deadlines: dict[int, str],
    wanted: str,
) -> list[tuple[int, date, int]]:
    """A plan without a half-yearly report sends its six months' figures with the quarterly
    one due at the half's end ("Quý I, Quý II, Quý III và 1 năm": the second quarter's report),
    and its year's with the last quarter's when the report says so ("Báo cáo định kỳ hàng quý,
    năm"): those occurrences, the next from today (within the period asked, if one is)."""
    q = ctx.query
    ends = {6, 7, 12, 1}
    if wanted == "year":
        ends = {12, 1}
    elif q.period is not None and q.period.end.month <= 7 and q.period.start.month <= 6:
        ends = {6, 7}
    elif q.period is not None and q.period.start.month >= 7:
        ends = {12, 1}
    quarterly = [
        (int("bao cao" in text[:REPORT_HEAD]), task_id)
        for task_id, text, n, lo, hi, _first in rows
        if "quarter" in _kinds_of(n, lo, hi, deadlines.get(task_id, ""))
        and (wanted == "half" or _QUARTER_AND_YEAR.search(text) is not None)
    ]
    schedules = await _schedules(ctx.session, [t for _tier, t in quarterly])
    out = []
    for tier, task_id in quarterly:
        if task_id not in schedules:
            continue
        schedule = schedules[task_id][1]
        for o in schedule.occurrences(ctx.today, ctx.today + timedelta(days=400)):
            if o.due.month in ends:
                out.append((tier, ctx.calendar.last_day(o), task_id))
                break
    return out


async def answer_next_due(ctx: Ctx) -> Answer:
    q = ctx.query
    words = task_words(q.guess)
    if words and vague_topic(words) and q.report in (None, "any"):
        # "lương tháng này bao giờ có": one plain word names no task, and no report was named.
        title = f"Không thấy việc nào về «{words}»{whose_suffix(ctx)}"
        return Answer(q, (), Reply(title=title, hint=NEXT_HINT), ctx.unit_name)
    if words:
        found = await _next_due_of_task(ctx, words)
        if found is not None:
            return found
    wanted = q.report or "any"
    name = f"báo cáo {REPORT_WORDS.get(wanted, '')}".strip()
    # How often a report falls due tells a monthly report from a quarterly one, whatever its
    # wording.
    # The next dates from today on, never past ones, even when a period is named ("năm nay").
    start = max(q.period.start, ctx.today) if q.period is not None else ctx.today
    rows = await tv.report_tasks(
        ctx.session, ctx.scope, start, start + timedelta(days=364), "bao cao"
    )
    deadlines = await _deadlines(ctx.session, [r[0] for r in rows]) if wanted in _NAMED else {}
    # A report task says so first ("Báo cáo ...", "Tổng hợp, báo cáo ..."), else further on (its
    # expected result); one that says so first wins.
    fitting = [
        (int("bao cao" in text[:REPORT_HEAD]), first, task_id)
        for task_id, text, n, lo, hi, first in rows
        if (wanted == "any" or wanted in _kinds_of(n, lo, hi, deadlines.get(task_id, "")))
        and (q.period is None or q.period.contains(first))
    ]
    if not fitting and wanted == "month" and q.period is not None:
        # "bc tháng 9": without a monthly report, the reports due in that month.
        fitting = [
            (int("bao cao" in text[:REPORT_HEAD]), first, task_id)
            for task_id, text, n, lo, hi, first in rows
            if q.period.contains(first)
        ]
        if fitting:
            name = f"báo cáo {q.period.label}"
    if not fitting and wanted in ("half", "year"):
        fitting = await _half_from_quarters(ctx, rows, deadlines, wanted)
    plainest = max((tier for tier, *_ in fitting), default=0)
    picked = sorted((f, t, None) for tier, f, t in fitting if tier == plainest)[:3]
    dues, sources = await tv.dues_with_sources(
        ctx.session, ctx.scope, [(t, d) for d, t, _r in picked]
    )
    hits = [tv.Hit(t, role, (dues[(t, d)],)) for d, t, role in picked if (t, d) in dues]
    if not hits:
        title = f"Không thấy hạn {name} nào" + (
            f" trong {q.period.label}" if q.period else " sắp tới"
        )
        return Answer(q, (), Reply(title=title + whose_suffix(ctx), hint=NEXT_HINT), ctx.unit_name)
    views = await tv.load(ctx.session, hits, ctx.scope)
    first = views[0].dues[0]
    source = sources[views[0].id]
    if source.schedule:
        schedule = Schedule.from_json(source.schedule)
    else:
        schedule = parse_deadline(source.deadline, source.year, source.context)
    ctx = await with_latest(ctx, views)
    status = (
        occurrence_status(views[0].id, first, ctx)[1]
        or f"còn {ctx.calendar.working_days_until(ctx.today, first.last_day)} ngày làm việc"
    )
    lines = [f"Lần gần nhất: {format_date(first.last_day)} — {status}"]
    end = q.period.end if q.period is not None else date(ctx.today.year, 12, 31)
    left = [o.due for o in schedule.occurrences(ctx.today, end)]
    if len(left) > 1:
        lines.append(f"Còn {len(left)} kỳ: " + ", ".join(short_date(d) for d in left))
    lines.append(f"[{views[0].ref}] {describe_next(schedule, ctx.today, ctx.calendar)}")
    groups = tuple(
        ReplyGroup(format_date(v.dues[0].last_day), (reply_item(v, ctx, due_note(v.dues[0])),))
        for v in views
    )
    reply = Reply(
        f"Hạn {name}{whose_suffix(ctx)}", groups, tuple(lines), 'Hỏi tiếp: "việc sắp đến hạn".'
    )
    return Answer(q, answered_tasks(views, ctx), reply, ctx.unit_name, len(hits))
