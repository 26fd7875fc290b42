"""The scope's tasks, each once, keyed by their next due date (else their last one)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from sqlalchemy import Integer, and_, bindparam, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.owing import Claim
from store.models import (
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
)
from store.tasks_view.model import Due, Hit, Page, Scope, slice_page
from store.tasks_view.sql import (
    bound_done_column,
    done_column,
    in_scope,
    is_sqlite,
    merge_claim,
    owned_or_ongoing,
    scope_params,
)
from store.tasks_view.topics import (
    matches_topic,
    topic_filter,
    topic_task_ids,
)


async def task_page(
    session: AsyncSession,
    scope: Scope,
    today: date,
    *,
    topic: str | None = None,
    ongoing_only: bool = False,
    offset: int = 0,
    limit: int | None = None,
    task_ids: list[int] | None = None,
) -> Page:
    """A page of the scope's tasks, each once, by next due date (else its last one; ongoing
    tasks last), sorted and counted in the database.

    Shape: the scope's active task ids (covering index on task_units, a MATERIALIZED CTE on
    PostgreSQL), each keyed by two index probes on (task_id, due_date); only the page's rows
    leave the database. With a topic, the candidates whose folded text has one of the topic's
    phrasings are read first (text tested per task of the scope), kept when the phrase is a
    whole word, then keyed the same way. Roles and task details come from ``load``."""
    if limit is None and task_ids is None:
        hits = await tasks_of(session, scope, today, topic=topic, ongoing_only=ongoing_only)
        return slice_page(hits, offset, limit)
    sqlite, scoped, role = is_sqlite(session), scope.unit_ids is not None, bool(scope.role)
    has_done = scope.done_unit is not None
    params = scope_params(scope) | {"today": today, "offset": offset, "limit": limit}
    if topic or task_ids is not None:
        ids = (
            task_ids
            if task_ids is not None
            else await topic_task_ids(session, scope, topic or "", ongoing_only)
        )
        if not ids:
            return Page([], 0, 0)
        if limit == 0:
            return Page([], len(ids), len(ids))
        params["ids"] = ids
        rows = (
            await session.execute(_keyed(sqlite, True, False, False, False, has_done), params)
        ).all()
        total = len(ids)
    else:
        if limit == 0:
            count = _owned_count(scoped, role, ongoing_only)
            total = int(await session.scalar(count, params) or 0)
            return Page([], total, total)
        stmt = _keyed(sqlite, False, scoped, role, ongoing_only, has_done)
        rows = (await session.execute(stmt, params)).all()
        total = int(rows[0][2]) if rows else (0 if offset == 0 else -1)
    # The page's occurrence rows and done marks came with it (one round trip).
    hits = [
        Hit(t, None, (Due(d, last, bool(before), done is not None),) if last else ())
        for t, d, _n, last, before, done in rows
    ]
    return Page(hits, total, total)


@lru_cache(maxsize=32)
def _owned_count(scoped: bool, role: bool, ongoing_only: bool):  # type: ignore[no-untyped-def]
    owned = owned_or_ongoing(scoped, role, ongoing_only)
    return select(func.count()).select_from(owned.subquery())


@lru_cache(maxsize=64)
def _keyed(  # type: ignore[no-untyped-def]
    sqlite: bool, by_ids: bool, scoped: bool, role: bool, ongoing_only: bool, has_done: bool
):
    """(task, nominal date of its next occurrence from ``today``, else of its last one, total,
    that occurrence's last day, "before" flag and the scope's done mark (NULL when undated)) of
    the scope's tasks (or of the tasks ``ids``), by that date (undated last), then task; the
    page ``offset``/``limit`` cut in the database. Built once per shape."""
    if by_ids:
        owned = select(TaskRow.id.label("task_id")).where(
            TaskRow.id.in_(bindparam("ids", expanding=True))
        )
    else:
        owned = owned_or_ongoing(scoped, role, ongoing_only)
    cte = owned.cte("owned")
    if not sqlite:
        cte = cte.prefix_with("MATERIALIZED")
    ahead = (
        select(func.min(TaskDueRow.due_date))
        .where(TaskDueRow.task_id == cte.c.task_id, TaskDueRow.due_date >= bindparam("today"))
        .scalar_subquery()
    )
    behind = (
        select(func.max(TaskDueRow.due_date))
        .where(TaskDueRow.task_id == cte.c.task_id)
        .scalar_subquery()
    )
    keyed = select(cte.c.task_id, func.coalesce(ahead, behind).label("day")).subquery()
    # NULLS LAST rather than a CASE on the day: PostgreSQL would run the probes once more.
    page = (
        select(keyed.c.task_id, keyed.c.day, func.count().over())
        .order_by(keyed.c.day.asc().nulls_last(), keyed.c.task_id)
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
        .subquery("page")
    )
    # The page's own occurrence rows, joined to the page only (a subquery with its own LIMIT),
    # instead of a second round trip.
    due = TaskDueRow.__table__
    done = bound_done_column(has_done, due.c.task_id, due.c.due_date)
    return (
        select(*page.c, due.c.last_day, due.c.before, done)
        .select_from(
            page.outerjoin(due, and_(due.c.task_id == page.c.task_id, due.c.due_date == page.c.day))
        )
        .order_by(page.c.day.asc().nulls_last(), page.c.task_id)
    )


async def tasks_of(
    session: AsyncSession,
    scope: Scope,
    today: date,
    *,
    topic: str | None = None,
    ongoing_only: bool = False,
) -> list[Hit]:
    """Each task of the scope once, with its next occurrence from today, or its last one when
    none is ahead; ongoing tasks last. Two queries whatever the number of tasks."""
    next_due = (
        select(func.min(TaskDueRow.last_day))
        .where(TaskDueRow.task_id == TaskUnitRow.task_id, TaskDueRow.last_day >= today)
        .correlate(TaskUnitRow)
        .scalar_subquery()
    )
    last_due = (
        select(func.max(TaskDueRow.last_day))
        .where(TaskDueRow.task_id == TaskUnitRow.task_id)
        .correlate(TaskUnitRow)
        .scalar_subquery()
    )
    stmt = (
        select(
            TaskUnitRow.task_id,
            TaskUnitRow.role,
            TaskUnitRow.unit_id,
            TaskRow.ongoing,
            next_due,
            last_due,
            TaskRow.search_text if topic else literal(""),
        )
        .join(TaskRow, TaskRow.id == TaskUnitRow.task_id)
        .where(TaskRow.active.is_(True))
    )
    if ongoing_only:
        stmt = stmt.where(TaskRow.ongoing.is_(True))
    stmt = topic_filter(in_scope(stmt, scope), topic, TaskUnitRow.task_id)
    found: dict[int, tuple[Claim | None, bool, date | None]] = {}
    for task_id, role, unit_id, is_ongoing, nxt, last, text in (await session.execute(stmt)).all():
        if topic and not matches_topic(text or "", topic):
            continue
        old = found.get(task_id)
        found[task_id] = (
            merge_claim(old[0] if old else None, role, unit_id, scope),
            bool(is_ongoing),
            nxt or last,
        )
    nominal = await _nominal(session, scope, [(t, v[2]) for t, v in found.items() if v[2]])
    hits = []
    for task_id, (claim, is_ongoing, day) in found.items():
        due = nominal.get((task_id, day)) if day is not None else None
        hits.append(Hit(task_id, claim.role if claim else None, (due,) if due else (), is_ongoing))
    hits.sort(key=lambda h: (h.dues[0].last_day if h.dues else date.max, h.task_id))
    return hits


async def _nominal(
    session: AsyncSession, scope: Scope, pairs: Sequence[tuple[int, date]]
) -> dict[tuple[int, date], Due]:
    """The occurrence rows behind (task, last day) pairs, with the unit's done mark."""
    if not pairs:
        return {}
    wanted = set(pairs)
    rows = await session.execute(
        select(
            TaskDueRow.task_id,
            TaskDueRow.due_date,
            TaskDueRow.last_day,
            TaskDueRow.before,
            done_column(scope, TaskDueRow.due_date),
        ).where(
            TaskDueRow.task_id.in_(sorted({t for t, _ in pairs})),
            TaskDueRow.last_day.in_(sorted({d for _, d in pairs})),
        )
    )
    out: dict[tuple[int, date], Due] = {}
    for task_id, due_date, last_day, before, done in rows.all():
        if (task_id, last_day) in wanted and (task_id, last_day) not in out:
            out[(task_id, last_day)] = Due(due_date, last_day, bool(before), done is not None)
    return out
