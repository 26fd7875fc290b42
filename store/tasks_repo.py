"""Tasks as a unit sees them (services/unit_tasks.py, the reminders planner's obligations):
who owes which occurrence, one task's fields, its occurrences. Plain tuples and small
dataclasses out; nothing here commits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from store import assignments
from store.models import CompletionRow, PlanRow, TaskDueRow, TaskRow, TaskUnitRow, UnitRow

# Completions of undated tasks are recorded against this day (see store.models.CompletionRow).
_UNDATED = date(1900, 1, 1)

# (unit, role, task, ref, content, deadline, plan title, due date, real last day, "before")
Owed = tuple[int, str, int, str, str, str | None, str | None, date, date, bool]


@dataclass(frozen=True)
class TaskFields:
    """A task's stored fields and its plan's title."""

    id: int
    ref: str
    content: str
    active: bool
    deadline: str | None
    result: str | None
    notes: str | None
    plan_title: str | None


def _owed(unit_ids: Iterable[int], first: date, last: date) -> Select:  # type: ignore[type-arg]
    """The one "who owes what" select (issue 14). Plain columns, not ORM rows (a department's
    "overdue and the next 30 days" is ~800 occurrences at 100,000 tasks, and building an ORM
    object per row cost most of the time)."""
    return (
        select(
            TaskUnitRow.unit_id,
            TaskUnitRow.role,
            TaskRow.id,
            TaskRow.ref,
            TaskRow.content,
            TaskRow.deadline,
            PlanRow.title,
            TaskDueRow.due_date,
            TaskDueRow.last_day,
            TaskDueRow.before,
        )
        .join(TaskRow, TaskRow.id == TaskUnitRow.task_id)
        .join(PlanRow, PlanRow.id == TaskRow.plan_id)
        .join(TaskDueRow, TaskDueRow.task_id == TaskRow.id)
        .where(
            TaskUnitRow.unit_id.in_(sorted(unit_ids)),
            TaskRow.active.is_(True),
            TaskDueRow.last_day.between(first, last),
        )
    )


class TasksRepo:
    """``uow.tasks``; reads only."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def owed_occurrences(
        self, unit_ids: Iterable[int], first: date, last: date, *, by_date: bool = False
    ) -> list[Owed]:
        """Every occurrence of an active task mentioning one of ``unit_ids`` whose real last
        day is in [first, last] (the lists' rows and the reminders planner's obligations); with
        ``by_date``, by last day and the plan's order."""
        stmt = _owed(unit_ids, first, last)
        if by_date:
            stmt = stmt.order_by(TaskDueRow.last_day, TaskRow.plan_id, TaskRow.position)
        return [tuple(r) for r in (await self._session.execute(stmt)).all()]  # type: ignore[misc]

    async def mentions_of_units(self, task_id: int, unit_ids: Iterable[int]) -> list[tuple[str, int]]:  # fmt: skip
        """(role, unit) of the task's mentions of ``unit_ids``."""
        rows = await self._session.execute(
            select(TaskUnitRow.role, TaskUnitRow.unit_id).where(
                TaskUnitRow.task_id == task_id, TaskUnitRow.unit_id.in_(sorted(unit_ids))
            )
        )
        return [(role, u) for role, u in rows.all() if u is not None]

    async def latest_past(self, task_ids: set[int], today: date) -> dict[int, date]:
        """Each task's latest real last day before ``today`` (over all its occurrences)."""
        if not task_ids:
            return {}
        rows = await self._session.execute(
            select(TaskDueRow.task_id, func.max(TaskDueRow.last_day))
            .where(TaskDueRow.task_id.in_(task_ids), TaskDueRow.last_day < today)
            .group_by(TaskDueRow.task_id)
        )
        return {task_id: last for task_id, last in rows.all()}

    async def done_of_unit(self, unit_id: int, task_ids: Iterable[int]) -> set[tuple[int, date]]:
        """(task, due date) of the unit's done marks of these tasks."""
        ids = sorted(set(task_ids))
        if not ids:
            return set()
        rows = await self._session.execute(
            select(CompletionRow.task_id, CompletionRow.due_date).where(
                CompletionRow.unit_id == unit_id, CompletionRow.task_id.in_(ids)
            )
        )
        return {(t, d) for t, d in rows.all()}

    async def assigned(self, unit_id: int, task_ids: Iterable[int]) -> dict[tuple[int, date], tuple[int, str]]:  # fmt: skip
        """The unit's assignments of these tasks: (task, due or WHOLE_TASK) -> (officer, name)."""
        return await assignments.of_unit(self._session, unit_id, task_ids)

    async def get(self, task_id: int) -> TaskFields | None:
        task = await self._session.get(TaskRow, task_id)
        if task is None:
            return None
        plan = await self._session.get(PlanRow, task.plan_id)
        return TaskFields(task.id, task.ref, task.content, bool(task.active), task.deadline,
                          task.result, task.notes, plan.title if plan else None)  # fmt: skip

    async def last_day(self, task_id: int, due: date) -> date | None:
        """The occurrence's real last day, None when the plan has no such occurrence."""
        return await self._session.scalar(
            select(TaskDueRow.last_day).where(
                TaskDueRow.task_id == task_id, TaskDueRow.due_date == due
            )
        )

    async def is_done(self, task_id: int, unit_id: int, due: date | None) -> bool:
        """Whether the unit marked the occurrence done (an undated task: either mark)."""
        found = await self._session.scalar(
            select(CompletionRow.id).where(
                CompletionRow.task_id == task_id,
                CompletionRow.unit_id == unit_id,
                or_(CompletionRow.due_date == due, CompletionRow.due_date == _UNDATED)
                if due is None
                else CompletionRow.due_date == due,
            )
        )
        return found is not None

    async def units_named(self, task_id: int) -> list[tuple[str, str]]:
        """(role, name) of the task's mentions, in the plan's order: the unit's current official
        name when resolved, else the plan's words."""
        rows = await self._session.execute(
            select(TaskUnitRow.role, func.coalesce(UnitRow.name, TaskUnitRow.mention))
            .outerjoin(UnitRow, UnitRow.id == TaskUnitRow.unit_id)
            .where(TaskUnitRow.task_id == task_id)
            .order_by(TaskUnitRow.id)
        )
        return [(r, m) for r, m in rows.all()]

    async def active_ids_with_ref(self, ref: str) -> list[int]:
        """Active tasks whose ref is ``ref`` (case-insensitive)."""
        rows = await self._session.scalars(
            select(TaskRow.id).where(
                TaskRow.active.is_(True), func.upper(TaskRow.ref) == ref.upper()
            )
        )
        return list(rows.all())

    async def deadline_cells(self, task_ids: list[int]) -> list[tuple[int, str | None, str | None]]:  # fmt: skip
        """(task, the plan's date column, the limit written in the task's text)."""
        if not task_ids:
            return []
        rows = await self._session.execute(
            select(TaskRow.id, TaskRow.deadline, TaskRow.deadline_in_text).where(
                TaskRow.id.in_(task_ids)
            )
        )
        return [(t, c, limit) for t, c, limit in rows.all()]

    async def occurrence_days(self, task_id: int, due: date) -> tuple[date, bool] | None:
        """An occurrence's real last day and whether the plan writes it "trước ngày …"."""
        found = (
            await self._session.execute(
                select(TaskDueRow.last_day, TaskDueRow.before).where(
                    TaskDueRow.task_id == task_id, TaskDueRow.due_date == due
                )
            )
        ).first()
        return (found[0], bool(found[1])) if found else None
