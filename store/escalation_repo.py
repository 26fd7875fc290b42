"""The reads of the coordinators' escalation list (services/escalation.py): plain tuples out."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.officers import ADMIN, COORDINATOR
from store.models import CompletionRow, OfficerRow, TaskDueRow, TaskRow, TaskUnitRow

STAFF_ROLES = (COORDINATOR, ADMIN)


async def occurrences_between(
    session: AsyncSession, first_last_day: date, last_last_day: date
) -> list[tuple[int, date, date, str | None, str | None]]:
    """(task id, due date, real last day, ref, content) of active tasks' occurrences whose real
    last day is in [first_last_day, last_last_day]."""
    rows = await session.execute(
        select(
            TaskDueRow.task_id,
            TaskDueRow.due_date,
            TaskDueRow.last_day,
            TaskRow.ref,
            TaskRow.content,
        )  # fmt: skip
        .join(TaskRow, TaskRow.id == TaskDueRow.task_id)
        .where(
            TaskRow.active.is_(True),
            TaskDueRow.last_day >= first_last_day,
            TaskDueRow.last_day <= last_last_day,
        )
    )
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows.all()]


async def mentions_of(
    session: AsyncSession, task_ids: list[int]
) -> dict[int, list[tuple[str, str, int | None]]]:
    """Each task's (role, mention, unit id), in the plan's order."""
    out: dict[int, list[tuple[str, str, int | None]]] = {}
    for task_id, role, mention, unit_id in (
        await session.execute(
            select(TaskUnitRow.task_id, TaskUnitRow.role, TaskUnitRow.mention, TaskUnitRow.unit_id)
            .where(TaskUnitRow.task_id.in_(task_ids))
            .order_by(TaskUnitRow.id)
        )
    ).all():
        out.setdefault(task_id, []).append((role, mention, unit_id))
    return out


async def done_units(
    session: AsyncSession, task_ids: list[int], first_due: date, last_due: date
) -> dict[tuple[int, date], set[int]]:
    """The units that marked each (task, due date) done, for due dates in [first, last].

    Read on the session's connection as plain rows: a year of a province's completions is
    ~250,000 of them."""
    conn = await session.connection()
    done: dict[tuple[int, date], set[int]] = {}
    for task_id, due, unit_id in await conn.execute(
        select(CompletionRow.task_id, CompletionRow.due_date, CompletionRow.unit_id).where(
            CompletionRow.task_id.in_(task_ids),
            CompletionRow.due_date >= first_due,
            CompletionRow.due_date <= last_due,
        )
    ):
        done.setdefault((task_id, due), set()).add(unit_id)
    return done


async def active_staff(session: AsyncSession) -> list[tuple[int, int, dict[str, Any] | None]]:
    """(chat id, officer id, settings) of every active coordinator and administrator."""
    rows = await session.scalars(
        select(OfficerRow).where(
            OfficerRow.role.in_(STAFF_ROLES),
            OfficerRow.status == "active",
            OfficerRow.chat_active.is_(True),
        )
    )
    return [(o.telegram_id, o.id, o.settings) for o in rows.all()]
