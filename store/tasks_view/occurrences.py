"""Occurrences of the scope in a period (by real last day), overdue ones, and latest past days."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy import Date, Integer, and_, bindparam, case, exists, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.owing import Claim
from store.models import (
    CompletionRow,
    PlanRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
)
from store.tasks_view.model import Due, Hit, Page, Scope, slice_page
from store.tasks_view.sql import (
    PAST_DUE,
    done_column,
    in_range,
    in_scope,
    inactive_tasks,
    is_latest_past,
    is_sqlite,
    merge_claim,
    owned_tasks,
    scope_params,
)
from store.tasks_view.topics import matches_topic, topic_filter, topic_task_ids


def _latest_occurrences(scoped: bool, role: bool):  # type: ignore[no-untyped-def]
    """Each task of the scope's latest occurrence whose last day is before ``before``, when
    that day is in [start, end]: per task, one backward probe of the (task_id, last_day) index
    for the day, then the occurrence rows of that day."""
    due = TaskDueRow.__table__
    later = PAST_DUE
    if scoped or role:
        owned = owned_tasks(scoped, role)
    else:
        owned = select(TaskRow.id.label("task_id")).where(TaskRow.active.is_(True))
    owned_cte = owned.subquery("owned")
    day = (
        select(func.max(later.c.last_day))
        .where(later.c.task_id == owned_cte.c.task_id, later.c.last_day < bindparam("before"))
        .scalar_subquery()
    )
    # A materialised CTE: as a plain subquery both planners inline it and run the probe three
    # times per task (the two range tests and the join), 40% of an overdue list's time.
    latest = select(owned_cte.c.task_id, day.label("day")).cte("latest").prefix_with("MATERIALIZED")
    return (
        select(due.c.task_id, due.c.due_date, due.c.last_day, due.c.before)
        .select_from(
            latest.join(
                due, and_(due.c.task_id == latest.c.task_id, due.c.last_day == latest.c.day)
            )
        )
        .where(latest.c.day >= bindparam("start"), latest.c.day <= bindparam("end"))
    )


@lru_cache(maxsize=128)
def _occurrence_statement(  # type: ignore[no-untyped-def]
    sqlite: bool,
    scoped: bool,
    role: bool,
    latest: bool,
    not_done: bool,
    marked: bool,
    count_only: bool,
    by_ids: bool = False,
    count_tasks: bool = False,
):
    """The statement of ``occurrence_page`` for one shape, built once (building and keying a
    statement of this size costs about a millisecond, as much as running it); its values are
    bound parameters: start, end, before, units, role, done_unit, offset, limit.

    Page rows: task, due date, last day, before, total occurrences, [distinct tasks when
    ``count_tasks``], [done mark when ``marked``]."""
    due = TaskDueRow.__table__
    if latest:
        occ = _latest_occurrences(scoped, role)
    else:
        where = [
            due.c.last_day >= bindparam("start", type_=Date),
            due.c.last_day <= bindparam("end", type_=Date),
            due.c.task_id.not_in(inactive_tasks()),
        ]
        if by_ids:  # the scope's tasks on a topic, found first (topics.topic_task_ids)
            where.append(due.c.task_id.in_(bindparam("ids", expanding=True)))
        elif scoped or role:
            owned = owned_tasks(scoped, role, distinct=False, active=False)
            where.append(due.c.task_id.in_(owned))
        occ = select(due.c.task_id, due.c.due_date, due.c.last_day, due.c.before).where(*where)
    if not_done:
        occ = occ.where(
            ~exists().where(
                CompletionRow.task_id == due.c.task_id,
                CompletionRow.due_date == due.c.due_date,
                CompletionRow.unit_id == bindparam("done_unit"),
            )
        )
    if count_tasks:
        # Each task's first occurrence numbered 1, so that the page's own statement also counts
        # the distinct tasks (a count question would otherwise run the list a second time).
        nth = func.row_number().over(partition_by=due.c.task_id, order_by=due.c.last_day)
        occ = occ.add_columns(nth.label("nth"))
    cte = occ.cte("occ")
    if not sqlite:
        cte = cte.prefix_with("MATERIALIZED")
    if count_only:
        return select(func.count(), func.count(func.distinct(cte.c.task_id))).select_from(cte)
    columns = [cte.c.task_id, cte.c.due_date, cte.c.last_day, cte.c.before, func.count().over()]
    if count_tasks:
        columns.append(func.count(case((cte.c.nth == 1, 1))).over())
    stmt = (
        select(*columns)
        .order_by(cte.c.last_day, cte.c.task_id)
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
    )
    if marked:
        # The unit's done marks of the page's rows in the same round trip (tested on the
        # page's rows only: the page is a subquery with its own LIMIT).
        page = stmt.subquery("page")
        done = exists().where(
            CompletionRow.task_id == page.c.task_id,
            CompletionRow.due_date == page.c.due_date,
            CompletionRow.unit_id == bindparam("done_unit"),
        )
        stmt = select(*page.c, done.label("done")).order_by(page.c.last_day, page.c.task_id)
    return stmt


async def occurrence_page(
    session: AsyncSession,
    scope: Scope,
    start: date,
    end: date,
    *,
    open_only: bool = False,
    topic: str | None = None,
    offset: int = 0,
    limit: int | None = None,
    latest_before: date | None = None,
    task_ids: list[int] | None = None,
    count_tasks: bool = False,
) -> Page:
    """A page of occurrences (by last day, then task) and the totals, sorted and counted in the
    database so that a unit owing thousands of occurrences costs one small result set.

    ``limit=0`` counts only (occurrences and distinct tasks); otherwise ``tasks`` is the number
    of distinct tasks when the whole list fits on the page or ``count_tasks`` is set (counted by
    the page's own statement), else -1 (not counted).
    With ``latest_before`` (today, for overdue lists), only each task's latest occurrence before
    that day is kept.

    Shape: the scope's occurrences in range are read per task of the scope from the covering
    (task_id, last_day, due_date, before) index (``task_id IN (the scope's tasks)``), minus the
    few inactive tasks and the unit's done marks; only the page's rows leave the database.
    Roles come from ``load(..., scope)``. On PostgreSQL the occurrences are a MATERIALIZED CTE:
    given the ORDER BY ... LIMIT directly, its planner walks the whole date index instead.
    """
    if task_ids is None and (limit is None or (topic and latest_before is not None)):
        hits = await occurrences(
            session,
            scope,
            start,
            end,
            open_only=open_only,
            topic=topic,
            latest_before=latest_before,
        )
        return slice_page(hits, offset, limit)
    ids: list[int] = task_ids or []
    if topic and task_ids is None:
        ids = await topic_task_ids(session, scope, topic)
    if (topic or task_ids is not None) and not ids:
        return Page([], 0, 0)
    has_done = scope.done_unit is not None
    stmt = _occurrence_statement(
        is_sqlite(session),
        scope.unit_ids is not None,
        bool(scope.role),
        latest_before is not None,
        open_only and has_done,
        not open_only and has_done,
        limit == 0,
        bool(topic) or task_ids is not None,
        count_tasks and limit != 0,
    )
    params = scope_params(scope) | {
        "start": start,
        "end": end,
        "before": latest_before,
        "offset": offset,
        "limit": limit,
        "ids": ids,
    }
    if limit == 0:
        total, tasks = (await session.execute(stmt, params)).one()
        return Page([], int(total), int(tasks))
    rows = (await session.execute(stmt, params)).all()
    if not rows:
        return Page([], 0 if offset == 0 else -1, 0 if offset == 0 else -1)
    marked = not open_only and has_done
    hits = [Hit(r[0], None, (Due(r[1], r[2], bool(r[3]), marked and bool(r[-1])),)) for r in rows]
    total = int(rows[0][4])
    if count_tasks:
        tasks = int(rows[0][5])
    else:
        tasks = len({h.task_id for h in hits}) if offset == 0 and total == len(hits) else -1
    return Page(hits, total, tasks)


async def occurrences(
    session: AsyncSession,
    scope: Scope,
    start: date,
    end: date,
    *,
    open_only: bool = False,
    topic: str | None = None,
    latest_before: date | None = None,
) -> list[Hit]:
    """One hit per (task, occurrence) whose last day is in [start, end], by last day then task.

    One query: task_due (range on last_day) joined to task_units (unit ids) and tasks, with the
    unit's completion looked up per row.
    """
    stmt = (
        select(
            TaskDueRow.task_id,
            TaskUnitRow.role,
            TaskUnitRow.unit_id,
            TaskDueRow.due_date,
            TaskDueRow.last_day,
            TaskDueRow.before,
            done_column(scope, TaskDueRow.due_date),
            TaskRow.search_text if topic else literal(""),
        )
        .join(TaskUnitRow, TaskUnitRow.task_id == TaskDueRow.task_id)
        .join(TaskRow, TaskRow.id == TaskDueRow.task_id)
        .where(in_range(start, end, is_sqlite(session)), TaskRow.active.is_(True))
    )
    if latest_before is not None:
        stmt = stmt.where(is_latest_past(latest_before))
    stmt = topic_filter(in_scope(stmt, scope), topic, TaskDueRow.task_id)
    found: dict[tuple[int, date], tuple[Claim | None, Due]] = {}
    for task_id, role, unit_id, due_date, last_day, before, done, text in (
        await session.execute(stmt)
    ).all():
        if topic and not matches_topic(text or "", topic):
            continue
        if open_only and done is not None:
            continue
        key = (task_id, due_date)
        old = found.get(key)
        due = Due(due_date, last_day, bool(before), done is not None)
        found[key] = (merge_claim(old[0] if old else None, role, unit_id, scope), due)
    hits = [Hit(t, c.role if c else None, (due,)) for (t, _d), (c, due) in found.items()]
    hits.sort(key=lambda h: (h.dues[0].last_day, h.task_id))
    return hits


async def latest_past(
    session: AsyncSession, task_ids: Iterable[int], today: date
) -> dict[int, date]:
    """Each task's latest last day before ``today`` (the only occurrence that can be overdue)."""
    ids = sorted(set(task_ids))
    if not ids:
        return {}
    rows = await session.execute(_LATEST_PAST, {"ids": ids, "today": today})
    return {t: d for t, d in rows.all()}


_LATEST_PAST = (
    select(TaskDueRow.task_id, func.max(TaskDueRow.last_day))
    .where(
        TaskDueRow.task_id.in_(bindparam("ids", expanding=True)),
        TaskDueRow.last_day < bindparam("today"),
    )
    .group_by(TaskDueRow.task_id)
)


async def missed_since_import(
    session: AsyncSession, scope: Scope, task_ids: Iterable[int], start: date, end: date
) -> dict[int, tuple[Due, ...]]:
    """Each task's open occurrences with a last day in [start, end] that fell after its plan
    came into the store: a plan imported in July owes no January report, but a monthly report
    missed in May and June since then is missed twice."""
    ids = sorted(set(task_ids))
    if not ids:
        return {}
    page = await occurrence_page(
        session, scope, start, end, open_only=True, task_ids=ids, limit=_MISSED_CAP
    )
    rows = await session.execute(_IMPORTED, {"ids": ids})
    since = {t: (at.date() if isinstance(at, datetime) else at) for t, at in rows.all()}
    out: dict[int, tuple[Due, ...]] = {}
    for hit in page.hits:
        first = since.get(hit.task_id)
        if first is None or hit.dues[0].last_day >= first:
            out[hit.task_id] = out.get(hit.task_id, ()) + hit.dues
    return out


_MISSED_CAP = 400  # a page of ten tasks misses at most a year of monthly reports each
_IMPORTED = (
    select(TaskRow.id, PlanRow.imported_at)
    .join(PlanRow, PlanRow.id == TaskRow.plan_id)
    .where(TaskRow.id.in_(bindparam("ids", expanding=True)))
)
