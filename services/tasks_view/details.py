"""Task details for answers: text, plan and unit mentions; lookup by ref; schedule sources."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.deadlines import task_context
from bot.owing import Claim
from bot.text import fold
from services.tasks_view.model import Due, Hit, Scope, TaskView
from services.tasks_view.sql import (
    REF_TASK,
    bound_done_column,
    merge_claim,
    owes_in_role,
    scope_params,
)
from store.models import (
    PlanRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
    UnitRow,
)


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
            sources[task_id] = ScheduleSource(sched, deadline, task_context(*text), year)
    return dues, sources


@lru_cache(maxsize=2)
def _sources_statement(has_done: bool):  # type: ignore[no-untyped-def]
    done = bound_done_column(has_done, TaskDueRow.task_id, TaskDueRow.due_date)
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
    inner = REF_TASK
    ref_of = select(func.lower(inner.c.ref)).where(inner.c.id == TaskUnitRow.task_id)
    stmt = (
        select(
            TaskUnitRow.task_id,
            TaskUnitRow.role,
            TaskUnitRow.unit_id,
            TaskRow.ongoing,
            TaskRow.plan_id,
        )
        .join(TaskRow, TaskRow.id == TaskUnitRow.task_id)
        .where(
            ref_of.scalar_subquery().in_(bindparam("wanted", expanding=True)),
            TaskRow.active.is_(True),
            TaskUnitRow.unit_id.in_(bindparam("units", expanding=True)),
        )
    )
    return stmt.where(owes_in_role(TaskUnitRow.task_id)) if role else stmt


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
    params = scope_params(scope) | {"wanted": wanted}
    if scope.unit_ids is not None:
        stmt = _ref_in_scope(bool(scope.role))
        found: dict[int, tuple[Claim | None, bool, int]] = {}
        for task_id, role, unit_id, ongoing, plan_id in (await session.execute(stmt, params)).all():
            old = found.get(task_id)
            found[task_id] = (
                merge_claim(old[0] if old else None, role, unit_id, scope),
                bool(ongoing),
                plan_id,
            )
        if found:
            order = sorted(found.items(), key=lambda kv: (-kv[1][2], kv[0]))
            return [Hit(t, c.role if c else None, (), ongoing) for t, (c, ongoing, _p) in order]
    rows = await session.execute(_REF_ANYWHERE, params)
    return [Hit(task_id, None, (), bool(ongoing)) for task_id, ongoing in rows.all()]


async def refs_like(session: AsyncSession, ref: str) -> list[str]:
    """The refs a loosely written one stands for: "11" the task numbered 11 under any heading
    ("A.VI.11"), "a.1" its sub-items ("A.1a", "A.1b"); the newest plan's first."""
    ref = fold(ref)
    if ref.isdigit():
        rows = await session.execute(_REFS_LIKE, {"pattern": f"%{ref.lstrip('0')}"})
        number = re.compile(rf"(?:.*\.)?0*{ref.lstrip('0')}")  # "5" is "A.III.05" too
        return list(dict.fromkeys(r for (r,) in rows.all() if number.fullmatch(fold(r))))
    rows = await session.execute(_REFS_LIKE, {"pattern": f"{ref}%"})
    sub = re.compile(rf"{re.escape(ref)}[a-z]")
    return list(dict.fromkeys(r for (r,) in rows.all() if sub.fullmatch(fold(r))))


_REFS_LIKE = (
    select(TaskRow.ref)
    .where(TaskRow.active.is_(True), func.lower(TaskRow.ref).like(bindparam("pattern")))
    .order_by(TaskRow.plan_id.desc(), TaskRow.position)
    .limit(20)
)


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
        UnitRow.name,
    )
    .join(PlanRow, PlanRow.id == TaskRow.plan_id)
    .outerjoin(TaskUnitRow, TaskUnitRow.task_id == TaskRow.id)
    .outerjoin(UnitRow, UnitRow.id == TaskUnitRow.unit_id)
    .where(TaskRow.id.in_(bindparam("ids", expanding=True)))
    .order_by(TaskUnitRow.id)
)


def _role_of(claim: Claim | None, fallback: str | None) -> str | None:
    return claim.role if claim is not None else fallback


async def load(
    session: AsyncSession, hits: Sequence[Hit], scope: Scope | None = None
) -> list[TaskView]:
    """Details (text, plan, lead and cooperating mentions) of the hits, in the hits' order;
    with a scope, the scope unit's role in each task by bot.owing's rule."""
    ids = sorted({h.task_id for h in hits})
    if not ids:
        return []
    rows = await session.execute(_LOAD, {"ids": ids})
    tasks: dict[int, Any] = {}
    r: Any
    mentions: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"lead": [], "support": []})
    claims: dict[int, Claim | None] = {}
    owned = scope.unit_ids if scope is not None else None
    for r in rows.all():
        tasks[r[0]] = r
        if scope is not None and owned is not None:
            claims[r[0]] = merge_claim(claims.get(r[0]), r[7], r[9], scope)
        if r[7] is not None:
            # One name per unit: its current official name when the mention was resolved (a
            # plan may write "Sở Tư pháp", "STP" and "Sở TP" for one unit), else the plan's words.
            bucket = mentions[r[0]].setdefault(r[7], [])
            name = r[10] or r[8]
            if name not in bucket:
                bucket.append(name)
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
                role=_role_of(claims.get(h.task_id), h.role) if owned is not None else h.role,
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
