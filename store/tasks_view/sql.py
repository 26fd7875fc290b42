"""SQL pieces the task queries share: aliases, scope filters, the owned-tasks select, date ranges."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, exists, literal, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.owing import Claim, stronger
from store.models import (
    CompletionRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
)
from store.tasks_view.model import Scope

# Aliases built once (building one copies every column of the table).
LATER_DUE = TaskDueRow.__table__.alias("later_due")


PAST_DUE = TaskDueRow.__table__.alias("past_due")


TOPIC_TASK = TaskRow.__table__.alias("topic_task")


REF_TASK = TaskRow.__table__.alias("ref_task")


# A real last day is never more than this before its nominal date (the longest run of days off,
# Tết, plus the day before a "trước" date): a redundant range on due_date lets SQLite use the
# (task_id, due_date) index instead of reading every occurrence of every task.
SLACK = timedelta(days=21)


def in_range(start: date, end: date, slack: bool = True):  # type: ignore[no-untyped-def]
    cond = [TaskDueRow.last_day >= start, TaskDueRow.last_day <= end]
    if slack:
        # SQLite then walks the (task_id, due_date) index. PostgreSQL is not told: it multiplies
        # the two ranges' selectivities as if independent and picks a date-first plan.
        cond += [TaskDueRow.due_date >= start, TaskDueRow.due_date <= end + SLACK]
    return and_(*cond)


def in_scope(stmt, scope: Scope):  # type: ignore[no-untyped-def]
    """Rows of the scope's mentions; with a role, of the tasks the unit owes in that role by the
    one rule (bot.owing), not of every row carrying the role word."""
    if scope.unit_ids is not None:
        stmt = stmt.where(TaskUnitRow.unit_id.in_(sorted(scope.unit_ids)))
        if scope.role:
            stmt = stmt.where(owes_in_role(TaskUnitRow.task_id))
    elif scope.role:
        stmt = stmt.where(TaskUnitRow.role == scope.role)
    return stmt


def _lead_tasks():  # type: ignore[no-untyped-def]
    """Tasks the scope's unit leads by bot.owing's rule: a mention naming the unit (or its
    predecessor) decides; only without one does a group's lead count. Bound parameters
    ``direct`` and ``groups`` (expanding)."""
    unit = TaskUnitRow.__table__.alias("role_unit")
    named = select(unit.c.task_id).where(unit.c.unit_id.in_(bindparam("direct", expanding=True)))
    by_group = select(unit.c.task_id).where(
        unit.c.unit_id.in_(bindparam("groups", expanding=True)),
        unit.c.role == "lead",
        unit.c.task_id.not_in(named),
    )
    return named.where(unit.c.role == "lead").union(by_group)


def owes_in_role(task_col):  # type: ignore[no-untyped-def]
    """The scope's unit owes the task in the bound ``role`` ("lead" or "support")."""
    leads = _lead_tasks()
    return or_(
        and_(bindparam("role") == "lead", task_col.in_(leads)),
        and_(bindparam("role") == "support", task_col.not_in(leads)),
    )


def merge_claim(
    old: Claim | None, role: str | None, unit_id: int | None, scope: Scope
) -> Claim | None:
    """Fold one mention row into the scope unit's claim on a task (bot.owing's rule)."""
    new = scope.claim(role, unit_id) if role else None
    return old if new is None else stronger(old, new)


def done_mark(task_col, due_col, unit):  # type: ignore[no-untyped-def]
    """The id of the completion row by which ``unit`` marked the occurrence done, else NULL."""
    return (
        select(CompletionRow.id)
        .where(
            CompletionRow.task_id == task_col,
            CompletionRow.due_date == due_col,
            CompletionRow.unit_id == unit,
        )
        .limit(1)
        .scalar_subquery()
    )


def done_column(scope: Scope, due_col):  # type: ignore[no-untyped-def]
    """A column that is not NULL when the scope's own unit marked the occurrence done."""
    if scope.done_unit is None:
        return literal(None)
    return done_mark(TaskDueRow.task_id, due_col, scope.done_unit)


def bound_done_column(has_done: bool, task_col, due_col):  # type: ignore[no-untyped-def]
    """``done_column`` of a prebuilt statement: the unit is the bound parameter ``done_unit``."""
    return done_mark(task_col, due_col, bindparam("done_unit")) if has_done else literal(None)


def is_sqlite(session: AsyncSession) -> bool:
    bind = session.bind
    return bind is not None and bind.dialect.name == "sqlite"


def inactive_tasks():  # type: ignore[no-untyped-def]
    """Ids of inactive tasks: few, read from a partial index (a per-row test of tasks.active
    would read the large task row of every occurrence)."""
    return select(TaskRow.id).where(not_(TaskRow.active))


def scope_params(scope: Scope) -> dict[str, Any]:
    """Values of the scope's bound parameters in the prebuilt statements below."""
    units = sorted(scope.unit_ids) if scope.unit_ids is not None else []
    return {
        "units": units,
        "direct": [u for u in units if u not in scope.groups],
        "groups": sorted(scope.groups),
        "role": scope.role,
        "done_unit": scope.done_unit,
    }


def owned_tasks(scoped: bool, role: bool, distinct: bool = True, active: bool = True):  # type: ignore[no-untyped-def]
    """The scope's task ids (only active ones with ``active``), from the covering (unit_id,
    task_id, role) index; bound parameters ``units`` (expanding) and ``role``."""
    unit = TaskUnitRow.__table__
    owned = select(unit.c.task_id)
    if active:
        owned = owned.where(unit.c.task_id.not_in(inactive_tasks()))
    if distinct:
        owned = owned.distinct()
    if scoped:
        owned = owned.where(unit.c.unit_id.in_(bindparam("units", expanding=True)))
    if role and scoped:
        owned = owned.where(owes_in_role(unit.c.task_id))
    elif role:
        owned = owned.where(unit.c.role == bindparam("role"))
    return owned


def owned_or_ongoing(scoped: bool, role: bool, ongoing_only: bool):  # type: ignore[no-untyped-def]
    if not ongoing_only:
        return owned_tasks(scoped, role)
    # Active and ongoing, probed in the partial index ix_tasks_ongoing (migration 0004) rather
    # than read from each task's row; the test is written as the index's predicate.
    unit = TaskUnitRow.__table__
    ongoing = exists().where(
        TaskRow.id == unit.c.task_id,
        TaskRow.ongoing == True,  # noqa: E712
        TaskRow.active == True,  # noqa: E712
    )
    return owned_tasks(scoped, role, active=False).where(ongoing)


def is_latest_past(today: date):  # type: ignore[no-untyped-def]
    """The occurrence is its task's latest one whose last day is before ``today``: only that one
    can be overdue (older ones are superseded by it, as the reminders planner stops reminding of
    an occurrence once the next one has reached its last day)."""
    later = LATER_DUE
    return ~exists().where(
        later.c.task_id == TaskDueRow.task_id,
        later.c.due_date > TaskDueRow.due_date,
        later.c.last_day < today,
    )
