"""Queries of the tasks a unit owes: in a period, overdue, upcoming, ongoing, by topic, by ref.

Used by ``services.ask`` and by the Telegram list commands. Period queries go through the
materialised ``task_due`` table (indexed on last_day) joined to ``task_units`` (indexed on
unit_id), so they stay fast with 100,000 tasks. An occurrence belongs to a period when its real
last day (the last working day, before a "trước" date) falls in it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Date, Integer, and_, bindparam, exists, func, literal, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.text import fold
from bot.units import Directory, Unit
from store import units_repo
from store.models import (
    CompletionRow,
    PlanRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
)

# Aliases built once (building one copies every column of the table).
_LATER_DUE = TaskDueRow.__table__.alias("later_due")
_PAST_DUE = TaskDueRow.__table__.alias("past_due")
_TOPIC_TASK = TaskRow.__table__.alias("topic_task")
_REF_TASK = TaskRow.__table__.alias("ref_task")

UNDATED = date(1900, 1, 1)  # the completions row of an undated (ongoing) task


@dataclass(frozen=True)
class Due:
    """One occurrence: the nominal date as written, the real last day, and the unit's status."""

    due_date: date
    last_day: date
    before: bool = False
    done: bool = False


@dataclass(frozen=True)
class Hit:
    """A task of the scope before its details are loaded: role and the occurrences that matter."""

    task_id: int
    role: str | None
    dues: tuple[Due, ...] = ()
    ongoing: bool = False


@dataclass(frozen=True)
class TaskView:
    """A task as a list shows it."""

    id: int
    ref: str
    content: str
    role: str | None
    dues: tuple[Due, ...]
    ongoing: bool
    deadline: str | None
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    plan_title: str | None = None
    plan_id: int | None = None


@dataclass(frozen=True)
class Scope:
    """Whose tasks: unit ids that count (None: every unit), whose ✅ counts, and a role filter."""

    unit_ids: frozenset[int] | None
    done_unit: int | None = None
    role: str | None = None
    unit: Unit | None = None


@dataclass
class _DirectoryEntry:
    directory: Directory
    covering: dict[int, frozenset[int]] = field(default_factory=dict)


_CACHE: dict[str, tuple[str, _DirectoryEntry]] = {}


async def directory(session: AsyncSession) -> _DirectoryEntry:
    """The unit directory, loaded once per database and reloaded when the units change (the
    directory's revision token, one row read by key)."""
    version = await units_repo.directory_revision(session)
    bind = session.bind
    key = str(getattr(bind, "url", "")) or str(id(bind))
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    entry = _DirectoryEntry(await units_repo.load_directory(session))
    _CACHE[key] = (version, entry)
    return entry


def covering(entry: _DirectoryEntry, unit_id: int) -> frozenset[int]:
    """The unit, its predecessors and every group covering it (the ids whose tasks it owes)."""
    if unit_id in entry.covering:
        return entry.covering[unit_id]
    d = entry.directory
    unit = d.by_id.get(unit_id)
    ids: set[int] = {unit_id}
    if unit is not None:
        owners = [unit, *d.predecessors(unit)]
        ids |= {u.id for u in owners if u.id is not None}
        for owner in owners:
            for group in d.groups_covering(owner):
                if group.id is not None and group.reminds:
                    ids.add(group.id)
    entry.covering[unit_id] = frozenset(ids)
    return entry.covering[unit_id]


async def scope_for(
    session: AsyncSession,
    unit_id: int | None,
    role: str | None = None,
    entry: _DirectoryEntry | None = None,
) -> Scope:
    """The scope of a unit (through its groups and predecessors), or every unit for None.

    ``entry``: the directory as ``directory(session)`` returned it in this transaction (saves
    its round trip)."""
    if unit_id is None:
        return Scope(None, None, role)
    if entry is None:
        entry = await directory(session)
    return Scope(covering(entry, unit_id), unit_id, role, entry.directory.by_id.get(unit_id))


def _in_scope(stmt, scope: Scope):  # type: ignore[no-untyped-def]
    if scope.unit_ids is not None:
        stmt = stmt.where(TaskUnitRow.unit_id.in_(sorted(scope.unit_ids)))
    if scope.role:
        stmt = stmt.where(TaskUnitRow.role == scope.role)
    return stmt


def _role(old: str | None, new: str | None, scope: Scope) -> str | None:
    if scope.unit_ids is None:
        return None
    return "lead" if "lead" in (old, new) else (new or old)


def _done_column(scope: Scope, due_col):  # type: ignore[no-untyped-def]
    """A column that is not NULL when the scope's own unit marked the occurrence done."""
    if scope.done_unit is None:
        return literal(None)
    return (
        select(CompletionRow.id)
        .where(
            CompletionRow.task_id == TaskDueRow.task_id,
            CompletionRow.due_date == due_col,
            CompletionRow.unit_id == scope.done_unit,
        )
        .limit(1)
        .scalar_subquery()
    )


# A real last day is never more than this before its nominal date (the longest run of days off,
# Tết, plus the day before a "trước" date): a redundant range on due_date lets SQLite use the
# (task_id, due_date) index instead of reading every occurrence of every task.
SLACK = timedelta(days=21)


def _in_range(start: date, end: date, slack: bool = True):  # type: ignore[no-untyped-def]
    cond = [TaskDueRow.last_day >= start, TaskDueRow.last_day <= end]
    if slack:
        # SQLite then walks the (task_id, due_date) index. PostgreSQL is not told: it multiplies
        # the two ranges' selectivities as if independent and picks a date-first plan.
        cond += [TaskDueRow.due_date >= start, TaskDueRow.due_date <= end + SLACK]
    return and_(*cond)


@dataclass(frozen=True)
class Page:
    """One page of hits, and how many occurrences and distinct tasks there are in all."""

    hits: list[Hit]
    total: int
    tasks: int


def _slice(hits: list[Hit], offset: int, limit: int | None) -> Page:
    part = hits[offset : offset + limit] if limit is not None else hits[offset:]
    return Page(part, len(hits), len({h.task_id for h in hits}))


def _is_active(task_col):  # type: ignore[no-untyped-def]
    """Active task, as a per-row test on rows that passed the cheaper filters (a join would read
    the large task row of every task the unit owes)."""
    return select(TaskRow.active).where(TaskRow.id == task_col).scalar_subquery().is_(True)


def _latest_past(today: date):  # type: ignore[no-untyped-def]
    """The occurrence is its task's latest one whose last day is before ``today``: only that one
    can be overdue (older ones are superseded by it, as the reminders planner stops reminding of
    an occurrence once the next one has reached its last day)."""
    later = _LATER_DUE
    return ~exists().where(
        later.c.task_id == TaskDueRow.task_id,
        later.c.due_date > TaskDueRow.due_date,
        later.c.last_day < today,
    )


def _is_sqlite(session: AsyncSession) -> bool:
    bind = session.bind
    return bind is not None and bind.dialect.name == "sqlite"


def _owed(scope: Scope):  # type: ignore[no-untyped-def]
    """The scope's task ids (from the covering (unit_id, task_id, role) index)."""
    return _in_scope(select(TaskUnitRow.task_id), scope)


def _inactive():  # type: ignore[no-untyped-def]
    """Ids of inactive tasks: few, read from a partial index (a per-row test of tasks.active
    would read the large task row of every occurrence)."""
    return select(TaskRow.id).where(not_(TaskRow.active))


def _not_done(scope: Scope, due_table):  # type: ignore[no-untyped-def]
    """The scope's own unit has not marked the occurrence done."""
    return ~exists().where(
        CompletionRow.task_id == due_table.c.task_id,
        CompletionRow.due_date == due_table.c.due_date,
        CompletionRow.unit_id == scope.done_unit,
    )


def _scope_params(scope: Scope) -> dict[str, Any]:
    """Values of the scope's bound parameters in the prebuilt statements below."""
    return {
        "units": sorted(scope.unit_ids) if scope.unit_ids is not None else [],
        "role": scope.role,
        "done_unit": scope.done_unit,
    }


def _owned_tasks(scoped: bool, role: bool, distinct: bool = True, active: bool = True):  # type: ignore[no-untyped-def]
    """The scope's task ids (only active ones with ``active``), from the covering (unit_id,
    task_id, role) index; bound parameters ``units`` (expanding) and ``role``."""
    unit = TaskUnitRow.__table__
    owned = select(unit.c.task_id)
    if active:
        owned = owned.where(unit.c.task_id.not_in(_inactive()))
    if distinct:
        owned = owned.distinct()
    if scoped:
        owned = owned.where(unit.c.unit_id.in_(bindparam("units", expanding=True)))
    if role:
        owned = owned.where(unit.c.role == bindparam("role"))
    return owned


def _latest_occurrences(scoped: bool, role: bool):  # type: ignore[no-untyped-def]
    """Each task of the scope's latest occurrence whose last day is before ``before``, when
    that day is in [start, end]: per task, one backward probe of the (task_id, last_day) index
    for the day, then the occurrence rows of that day."""
    due = TaskDueRow.__table__
    later = _PAST_DUE
    if scoped or role:
        owned = _owned_tasks(scoped, role)
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
):
    """The statement of ``occurrence_page`` for one shape, built once (building and keying a
    statement of this size costs about a millisecond, as much as running it); its values are
    bound parameters: start, end, before, units, role, done_unit, offset, limit."""
    due = TaskDueRow.__table__
    if latest:
        occ = _latest_occurrences(scoped, role)
    else:
        where = [
            due.c.last_day >= bindparam("start", type_=Date),
            due.c.last_day <= bindparam("end", type_=Date),
            due.c.task_id.not_in(_inactive()),
        ]
        if scoped or role:
            where.append(
                due.c.task_id.in_(_owned_tasks(scoped, role, distinct=False, active=False))
            )
        occ = select(due.c.task_id, due.c.due_date, due.c.last_day, due.c.before).where(*where)
    if not_done:
        occ = occ.where(
            ~exists().where(
                CompletionRow.task_id == due.c.task_id,
                CompletionRow.due_date == due.c.due_date,
                CompletionRow.unit_id == bindparam("done_unit"),
            )
        )
    cte = occ.cte("occ")
    if not sqlite:
        cte = cte.prefix_with("MATERIALIZED")
    if count_only:
        return select(func.count(), func.count(func.distinct(cte.c.task_id))).select_from(cte)
    stmt = (
        select(cte.c.task_id, cte.c.due_date, cte.c.last_day, cte.c.before, func.count().over())
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
) -> Page:
    """A page of occurrences (by last day, then task) and the totals, sorted and counted in the
    database so that a unit owing thousands of occurrences costs one small result set.

    ``limit=0`` counts only (occurrences and distinct tasks); otherwise ``tasks`` is the number
    of distinct tasks when the whole list fits on the page, else -1 (not counted).
    With ``latest_before`` (today, for overdue lists), only each task's latest occurrence before
    that day is kept.

    Shape: the scope's occurrences in range are read per task of the scope from the covering
    (task_id, last_day, due_date, before) index (``task_id IN (the scope's tasks)``), minus the
    few inactive tasks and the unit's done marks; only the page's rows leave the database.
    Roles come from ``load(..., scope)``. On PostgreSQL the occurrences are a MATERIALIZED CTE:
    given the ORDER BY ... LIMIT directly, its planner walks the whole date index instead.
    """
    if topic or limit is None:
        hits = await occurrences(
            session,
            scope,
            start,
            end,
            open_only=open_only,
            topic=topic,
            latest_before=latest_before,
        )
        return _slice(hits, offset, limit)
    has_done = scope.done_unit is not None
    stmt = _occurrence_statement(
        _is_sqlite(session),
        scope.unit_ids is not None,
        bool(scope.role),
        latest_before is not None,
        open_only and has_done,
        not open_only and has_done,
        limit == 0,
    )
    params = _scope_params(scope) | {
        "start": start,
        "end": end,
        "before": latest_before,
        "offset": offset,
        "limit": limit,
    }
    if limit == 0:
        total, tasks = (await session.execute(stmt, params)).one()
        return Page([], int(total), int(tasks))
    rows = (await session.execute(stmt, params)).all()
    if not rows:
        return Page([], 0 if offset == 0 else -1, 0 if offset == 0 else -1)
    hits = [
        Hit(r[0], None, (Due(r[1], r[2], bool(r[3]), len(r) > 5 and bool(r[5])),)) for r in rows
    ]
    total = int(rows[0][4])
    tasks = len({h.task_id for h in hits}) if offset == 0 and total == len(hits) else -1
    return Page(hits, total, tasks)


async def task_page(
    session: AsyncSession,
    scope: Scope,
    today: date,
    *,
    topic: str | None = None,
    ongoing_only: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> Page:
    """A page of the scope's tasks, each once, by next due date (else its last one; ongoing
    tasks last), sorted and counted in the database.

    Shape: the scope's active task ids (covering index on task_units, a MATERIALIZED CTE on
    PostgreSQL), each keyed by two index probes on (task_id, due_date); only the page's rows
    leave the database. With a topic, the candidates whose folded text has one of the topic's
    phrasings are read first (text tested per task of the scope), kept when the phrase is a
    whole word, then keyed the same way. Roles and task details come from ``load``."""
    if limit is None:
        hits = await tasks_of(session, scope, today, topic=topic, ongoing_only=ongoing_only)
        return _slice(hits, offset, limit)
    sqlite, scoped, role = _is_sqlite(session), scope.unit_ids is not None, bool(scope.role)
    has_done = scope.done_unit is not None
    params = _scope_params(scope) | {"today": today, "offset": offset, "limit": limit}
    if topic:
        variants = topic_variants(topic)
        params |= {f"v{i}": _like(v) for i, v in enumerate(variants)}
        candidates = _topic_candidates(scoped, role, ongoing_only, len(variants))
        ids = sorted(
            t
            for t, text in (await session.execute(candidates, params)).all()
            if matches_topic(text or "", topic)
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


def _owned_or_ongoing(scoped: bool, role: bool, ongoing_only: bool):  # type: ignore[no-untyped-def]
    if not ongoing_only:
        return _owned_tasks(scoped, role)
    # Active and ongoing, probed in the partial index ix_tasks_ongoing (migration 0004) rather
    # than read from each task's row; the test is written as the index's predicate.
    unit = TaskUnitRow.__table__
    ongoing = exists().where(
        TaskRow.id == unit.c.task_id,
        TaskRow.ongoing == True,  # noqa: E712
        TaskRow.active == True,  # noqa: E712
    )
    return _owned_tasks(scoped, role, active=False).where(ongoing)


@lru_cache(maxsize=32)
def _owned_count(scoped: bool, role: bool, ongoing_only: bool):  # type: ignore[no-untyped-def]
    owned = _owned_or_ongoing(scoped, role, ongoing_only)
    return select(func.count()).select_from(owned.subquery())


@lru_cache(maxsize=64)
def _topic_candidates(scoped: bool, role: bool, ongoing_only: bool, variants: int):  # type: ignore[no-untyped-def]
    """The scope's tasks whose folded text is LIKE one of ``variants`` phrasings (bound
    parameters v0, v1 ...), with that text (whole words are checked by ``matches_topic``)."""
    unit = TaskUnitRow.__table__
    text = _text_of(unit.c.task_id)
    owned = _owned_or_ongoing(scoped, role, ongoing_only).add_columns(text)
    likes = [text.like(bindparam(f"v{i}"), escape="\\") for i in range(variants)]
    return owned.where(or_(*likes)) if likes else owned


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
        owned = _owned_or_ongoing(scoped, role, ongoing_only)
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
    done = (
        select(CompletionRow.id)
        .where(
            CompletionRow.task_id == due.c.task_id,
            CompletionRow.due_date == due.c.due_date,
            CompletionRow.unit_id == bindparam("done_unit"),
        )
        .limit(1)
        .scalar_subquery()
        if has_done
        else literal(None)
    )
    return (
        select(*page.c, due.c.last_day, due.c.before, done)
        .select_from(
            page.outerjoin(due, and_(due.c.task_id == page.c.task_id, due.c.due_date == page.c.day))
        )
        .order_by(page.c.day.asc().nulls_last(), page.c.task_id)
    )


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
            TaskDueRow.due_date,
            TaskDueRow.last_day,
            TaskDueRow.before,
            _done_column(scope, TaskDueRow.due_date),
            TaskRow.search_text if topic else literal(""),
        )
        .join(TaskUnitRow, TaskUnitRow.task_id == TaskDueRow.task_id)
        .join(TaskRow, TaskRow.id == TaskDueRow.task_id)
        .where(_in_range(start, end, _is_sqlite(session)), TaskRow.active.is_(True))
    )
    if latest_before is not None:
        stmt = stmt.where(_latest_past(latest_before))
    stmt = _topic_filter(_in_scope(stmt, scope), topic, TaskDueRow.task_id)
    found: dict[tuple[int, date], tuple[str | None, Due]] = {}
    for task_id, role, due_date, last_day, before, done, text in (
        await session.execute(stmt)
    ).all():
        if topic and not matches_topic(text or "", topic):
            continue
        if open_only and done is not None:
            continue
        key = (task_id, due_date)
        old = found.get(key)
        due = Due(due_date, last_day, bool(before), done is not None)
        found[key] = (_role(old[0] if old else None, role, scope), due)
    hits = [Hit(t, role, (due,)) for (t, _d), (role, due) in found.items()]
    hits.sort(key=lambda h: (h.dues[0].last_day, h.task_id))
    return hits


async def due_in(session: AsyncSession, scope: Scope, start: date, end: date) -> list[Hit]:
    """Occurrences due in a period, done or not."""
    return await occurrences(session, scope, start, end)


async def overdue(
    session: AsyncSession, scope: Scope, today: date, start: date | None = None
) -> list[Hit]:
    """Open occurrences whose last day has passed, each task's latest such occurrence only,
    within the last 365 days by default (older ones are the previous plan's business, not
    today's reminders)."""
    first = start or today - timedelta(days=365)
    end = today - timedelta(days=1)
    return await occurrences(session, scope, first, end, open_only=True, latest_before=today)


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


async def upcoming(session: AsyncSession, scope: Scope, today: date, days: int = 14) -> list[Hit]:
    """Open occurrences whose last day is today or within the next ``days`` days."""
    return await occurrences(session, scope, today, today + timedelta(days=days), open_only=True)


# Abbreviations officers and plans use for the same words, both ways.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("tthc", "thu tuc hanh chinh"),
    ("pakn", "phan anh kien nghi"),
    ("dvctt", "dich vu cong truc tuyen"),
    ("dvc", "dich vu cong"),
    ("cchc", "cai cach hanh chinh"),
    ("kstthc", "kiem soat thu tuc hanh chinh"),
    ("csdl", "co so du lieu"),
    ("ttpvhcc", "trung tam phuc vu hanh chinh cong"),
    ("cds", "chuyen doi so"),
)


def topic_variants(topic: str) -> list[str]:
    """The topic as a folded phrase, and the same with abbreviations expanded or contracted."""
    base = f" {fold(topic)} "
    variants = [base]
    for short, long in SYNONYMS:
        for v in list(variants):
            if f" {short} " in v:
                variants.append(v.replace(f" {short} ", f" {long} "))
            if f" {long} " in v:
                variants.append(v.replace(f" {long} ", f" {short} "))
    return [v.strip() for v in dict.fromkeys(variants) if v.strip()]


def _like(phrase: str) -> str:
    return "%" + phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _text_of(task_col):  # type: ignore[no-untyped-def]
    """A task's folded text read per row (a scalar subquery on its own alias): PostgreSQL then
    tests it only on the unit's rows instead of scanning every task's text first."""
    alias = _TOPIC_TASK
    return select(alias.c.search_text).where(alias.c.id == task_col).scalar_subquery()


def _topic_filter(stmt, topic: str | None, task_col=None):  # type: ignore[no-untyped-def]
    """Narrow in the database with LIKE on the folded text (one of the topic's phrasings)."""
    if not topic:
        return stmt
    text = TaskRow.search_text if task_col is None else _text_of(task_col)
    options = [text.like(_like(v), escape="\\") for v in topic_variants(topic)]
    return stmt.where(or_(*options)) if options else stmt


@lru_cache(maxsize=256)
def _topic_pattern(topic: str) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(v) for v in topic_variants(topic)) or "(?!)"
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def matches_topic(search_text: str, topic: str) -> bool:
    """Whole words only: "so hoa" is found in "so hoa ho so", not in "ke hoach" or "so 131 ... hoa"."""
    return _topic_pattern(topic).search(search_text) is not None


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
    stmt = _topic_filter(_in_scope(stmt, scope), topic, TaskUnitRow.task_id)
    found: dict[int, tuple[str | None, bool, date | None]] = {}
    for task_id, role, is_ongoing, nxt, last, text in (await session.execute(stmt)).all():
        if topic and not matches_topic(text or "", topic):
            continue
        old = found.get(task_id)
        found[task_id] = (
            _role(old[0] if old else None, role, scope),
            bool(is_ongoing),
            nxt or last,
        )
    nominal = await _nominal(session, scope, [(t, v[2]) for t, v in found.items() if v[2]])
    hits = []
    for task_id, (role, is_ongoing, day) in found.items():
        due = nominal.get((task_id, day)) if day is not None else None
        hits.append(Hit(task_id, role, (due,) if due else (), is_ongoing))
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
            _done_column(scope, TaskDueRow.due_date),
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


async def report_tasks(
    session: AsyncSession, scope: Scope, start: date, end: date, topic: str
) -> list[tuple[int, str | None, int, date, date, date]]:
    """Tasks on a topic with occurrences in [start, end]: (task, role (None: ``load`` reads
    it), and over ALL the task's occurrences how many, the first and the last nominal date,
    then the first last day in [start, end]). How often a report falls due is read from all
    its occurrences: a window that holds only the last quarter of a plan's year says nothing
    about its rhythm.

    Shape: the scope's active tasks whose folded text has the topic (text tested per task of
    the scope), then per candidate a few index probes; no grouping of occurrences."""
    variants = topic_variants(topic)
    stmt = _report_statement(
        _is_sqlite(session), scope.unit_ids is not None, bool(scope.role), len(variants)
    )
    params = _scope_params(scope) | {"start": start, "end": end}
    params |= {f"v{i}": _like(v) for i, v in enumerate(variants)}
    rows = await session.execute(stmt, params)
    return [
        (t, None, int(n), lo, hi, f)
        for t, text, n, lo, hi, f in rows.all()
        if f is not None and matches_topic(text or "", topic)
    ]


@lru_cache(maxsize=32)
def _report_statement(sqlite: bool, scoped: bool, role: bool, variants: int):  # type: ignore[no-untyped-def]
    """``report_tasks``' one round trip, built once per shape: the candidates (LIKE) with
    their text and per-task counts."""
    cand = _topic_candidates(scoped, role, False, variants).cte("candidates")
    if not sqlite:
        cand = cand.prefix_with("MATERIALIZED")
    due = TaskDueRow.__table__

    def per_task(*cols, where=()):  # type: ignore[no-untyped-def]
        return select(*cols).where(due.c.task_id == cand.c.task_id, *where).scalar_subquery()

    in_window = (due.c.last_day >= bindparam("start"), due.c.last_day <= bindparam("end"))
    return select(
        cand.c.task_id,
        cand.c[1],
        per_task(func.count()),
        per_task(func.min(due.c.due_date)),
        per_task(func.max(due.c.due_date)),
        per_task(func.min(due.c.last_day), where=in_window),
    )


async def dues_at(
    session: AsyncSession, scope: Scope, pairs: Sequence[tuple[int, date]]
) -> dict[tuple[int, date], Due]:
    """The occurrences behind (task, last day) pairs, with the unit's done mark."""
    return await _nominal(session, scope, pairs)


@dataclass(frozen=True)
class ScheduleSource:
    """What a task's schedule is read from: the stored schedule, else its deadline text."""

    schedule: Any
    deadline: str | None
    context: str
    year: int | None


async def dues_with_sources(
    session: AsyncSession, scope: Scope, pairs: Sequence[tuple[int, date]]
) -> tuple[dict[tuple[int, date], Due], dict[int, ScheduleSource]]:
    """``dues_at`` and, in the same round trip, each task's schedule source."""
    if not pairs:
        return {}, {}
    wanted = set(pairs)
    params = {
        "ids": sorted({t for t, _ in pairs}),
        "days": sorted({d for _, d in pairs}),
        "done_unit": scope.done_unit,
    }
    rows = await session.execute(_sources_statement(scope.done_unit is not None), params)
    dues: dict[tuple[int, date], Due] = {}
    sources: dict[int, ScheduleSource] = {}
    for task_id, due_date, last_day, before, done, sched, deadline, *text, year in rows.all():
        if (task_id, last_day) in wanted and (task_id, last_day) not in dues:
            dues[(task_id, last_day)] = Due(due_date, last_day, bool(before), done is not None)
        if task_id not in sources:
            context = " ".join(x for x in text if x)
            sources[task_id] = ScheduleSource(sched, deadline, context, year)
    return dues, sources


@lru_cache(maxsize=2)
def _sources_statement(has_done: bool):  # type: ignore[no-untyped-def]
    done = (
        select(CompletionRow.id)
        .where(
            CompletionRow.task_id == TaskDueRow.task_id,
            CompletionRow.due_date == TaskDueRow.due_date,
            CompletionRow.unit_id == bindparam("done_unit"),
        )
        .limit(1)
        .scalar_subquery()
        if has_done
        else literal(None)
    )
    return (
        select(
            TaskDueRow.task_id,
            TaskDueRow.due_date,
            TaskDueRow.last_day,
            TaskDueRow.before,
            done,
            TaskRow.schedule,
            TaskRow.deadline,
            TaskRow.content,
            TaskRow.notes,
            TaskRow.deadline_in_text,
            PlanRow.year,
        )
        .join(TaskRow, TaskRow.id == TaskDueRow.task_id)
        .join(PlanRow, PlanRow.id == TaskRow.plan_id)
        .where(
            TaskDueRow.task_id.in_(bindparam("ids", expanding=True)),
            TaskDueRow.last_day.in_(bindparam("days", expanding=True)),
        )
    )


@lru_cache(maxsize=2)
def _ref_in_scope(role: bool):  # type: ignore[no-untyped-def]
    """The scope's tasks whose ref (lower-cased) is one of ``wanted``: the ref is tested per
    task of the scope (a scalar subquery PostgreSQL cannot turn into a scan of every task);
    the few matches are then joined."""
    inner = _REF_TASK
    ref_of = select(func.lower(inner.c.ref)).where(inner.c.id == TaskUnitRow.task_id)
    stmt = (
        select(TaskUnitRow.task_id, TaskUnitRow.role, TaskRow.ongoing, TaskRow.plan_id)
        .join(TaskRow, TaskRow.id == TaskUnitRow.task_id)
        .where(
            ref_of.scalar_subquery().in_(bindparam("wanted", expanding=True)),
            TaskRow.active.is_(True),
            TaskUnitRow.unit_id.in_(bindparam("units", expanding=True)),
        )
    )
    return stmt.where(TaskUnitRow.role == bindparam("role")) if role else stmt


_REF_ANYWHERE = (
    select(TaskRow.id, TaskRow.ongoing)
    .where(
        TaskRow.active.is_(True),
        or_(
            func.lower(TaskRow.ref).in_(bindparam("wanted", expanding=True)),
            TaskRow.ref.in_(bindparam("wanted", expanding=True)),
        ),
    )
    .order_by(TaskRow.plan_id.desc(), TaskRow.position)
    .limit(20)
)


async def by_ref(session: AsyncSession, scope: Scope, ref: str) -> list[Hit]:
    """Tasks whose ref is ``ref`` (any case; "d." also finds "Đ."): the scope's own first, else
    any plan's (newest plan first)."""
    ref = fold(ref)
    variants = {ref, ref.upper()}
    if ref.startswith("d"):
        variants |= {"Đ" + ref[1:].upper(), "đ" + ref[1:]}
    wanted = sorted(variants)
    params = _scope_params(scope) | {"wanted": wanted}
    if scope.unit_ids is not None:
        stmt = _ref_in_scope(bool(scope.role))
        found: dict[int, tuple[str | None, bool, int]] = {}
        for task_id, role, ongoing, plan_id in (await session.execute(stmt, params)).all():
            old = found.get(task_id)
            found[task_id] = (_role(old[0] if old else None, role, scope), bool(ongoing), plan_id)
        if found:
            order = sorted(found.items(), key=lambda kv: (-kv[1][2], kv[0]))
            return [Hit(t, role, (), ongoing) for t, (role, ongoing, _p) in order]
    rows = await session.execute(_REF_ANYWHERE, params)
    return [Hit(task_id, None, (), bool(ongoing)) for task_id, ongoing in rows.all()]


_LOAD = (
    select(
        TaskRow.id,
        TaskRow.ref,
        TaskRow.content,
        TaskRow.deadline,
        TaskRow.ongoing,
        PlanRow.title,
        PlanRow.id,
        TaskUnitRow.role,
        TaskUnitRow.mention,
        TaskUnitRow.unit_id,
    )
    .join(PlanRow, PlanRow.id == TaskRow.plan_id)
    .outerjoin(TaskUnitRow, TaskUnitRow.task_id == TaskRow.id)
    .where(TaskRow.id.in_(bindparam("ids", expanding=True)))
    .order_by(TaskUnitRow.id)
)


async def load(
    session: AsyncSession, hits: Sequence[Hit], scope: Scope | None = None
) -> list[TaskView]:
    """Details (text, plan, lead and cooperating mentions) of the hits, in the hits' order;
    with a scope, the scope's role in each task (lead when any of its units leads)."""
    ids = sorted({h.task_id for h in hits})
    if not ids:
        return []
    rows = await session.execute(_LOAD, {"ids": ids})
    tasks: dict[int, Any] = {}
    r: Any
    mentions: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"lead": [], "support": []})
    roles: dict[int, str | None] = {}
    owned = scope.unit_ids if scope is not None else None
    for r in rows.all():
        tasks[r[0]] = r
        if (
            owned is not None
            and r[9] in owned
            and (not scope or not scope.role or r[7] == scope.role)
        ):
            roles[r[0]] = _role(roles.get(r[0]), r[7], scope)  # type: ignore[arg-type]
        if r[7] is not None:
            bucket = mentions[r[0]].setdefault(r[7], [])
            if r[8] not in bucket:
                bucket.append(r[8])
    views = []
    for h in hits:
        r = tasks.get(h.task_id)
        if r is None:
            continue
        m = mentions[h.task_id]
        views.append(
            TaskView(
                id=r[0],
                ref=r[1],
                content=r[2],
                role=roles.get(h.task_id, h.role) if owned is not None else h.role,
                dues=h.dues,
                ongoing=bool(r[4]),
                deadline=r[3],
                lead=tuple(m.get("lead", ())),
                support=tuple(m.get("support", ())),
                plan_title=r[5],
                plan_id=r[6],
            )
        )
    return views


def units_named(entry: _DirectoryEntry, ids: Iterable[int]) -> list[str]:
    """Display names of unit ids (for titles)."""
    return [entry.directory.by_id[i].label for i in ids if i in entry.directory.by_id]


__all__ = [
    "Page",
    "occurrence_page",
    "task_page",
    "UNDATED",
    "Due",
    "Hit",
    "Scope",
    "TaskView",
    "dues_at",
    "dues_with_sources",
    "ScheduleSource",
    "report_tasks",
    "by_ref",
    "covering",
    "directory",
    "due_in",
    "latest_past",
    "load",
    "occurrences",
    "overdue",
    "scope_for",
    "tasks_of",
    "upcoming",
]
