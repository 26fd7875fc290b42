"""Tasks as a unit sees them: what it owes, its occurrences by date, one task's detail.

Nothing here commits: the caller's unit of work does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.assignment import WHOLE_TASK
from bot.errors import NotAllowed, NotFound
from bot.owing import Claim, owed_role, stronger
from services.unit_lookup import reach_of
from store import assignments
from store.models import CompletionRow, PlanRow, TaskDueRow, TaskRow, TaskUnitRow, UnitRow


@dataclass(frozen=True)
class TaskLine:
    """One occurrence of a task a unit owes."""

    task_id: int
    ref: str
    content: str
    due_date: date | None
    last_day: date | None
    role: str  # lead | support
    done: bool
    plan_title: str | None = None
    deadline: str | None = None
    superseded: bool = False  # a later occurrence of the task has passed too
    assignee: str | None = None  # the officer of the unit it is assigned to (``/giao``)
    assignee_id: int | None = None


async def owes(session: AsyncSession, task_id: int, unit_id: int) -> str | None:
    """The unit's role in the task ("lead" or "support"), None when it owes nothing there."""
    reach = await reach_of(session, unit_id)
    rows = await session.execute(
        select(TaskUnitRow.role, TaskUnitRow.unit_id).where(
            TaskUnitRow.task_id == task_id, TaskUnitRow.unit_id.in_(sorted(reach.ids))
        )
    )
    return owed_role(c for role, u in rows.all() if (c := reach.claim(role, u)) is not None)


async def _latest_past(session: AsyncSession, task_ids: set[int], today: date) -> dict[int, date]:
    """Each task's latest real last day before ``today`` (over all its occurrences)."""
    if not task_ids:
        return {}
    rows = await session.execute(
        select(TaskDueRow.task_id, func.max(TaskDueRow.last_day))
        .where(TaskDueRow.task_id.in_(task_ids), TaskDueRow.last_day < today)
        .group_by(TaskDueRow.task_id)
    )
    return {task_id: last for task_id, last in rows.all()}


def owed_occurrences(unit_ids: Iterable[int], first: date, last: date):  # type: ignore[no-untyped-def]
    """(unit, role, task, ref, content, deadline, plan title, due date, real last day, "before")
    of every occurrence of an active task owed by ``unit_ids`` whose real last day is in
    [first, last]: the lists' rows and the reminders planner's obligations. Plain columns, not
    ORM rows (a department's "overdue and the next 30 days" is ~800 occurrences at 100,000
    tasks, and building an ORM object per row cost most of the time)."""
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


async def unit_tasks(
    session: AsyncSession,
    unit_id: int,
    start: date,
    end: date,
    open_only: bool = False,
    today: date | None = None,
) -> list[TaskLine]:
    """Occurrences of the unit's tasks whose real last day falls in [start, end], by date.

    With ``today``, a past occurrence that a later past occurrence of the same task replaces is
    superseded: only the latest can be overdue (a plan imported in November must not list
    January's monthly report as owed; the reminders planner follows the same rule). Lists of
    open work (``open_only``) leave superseded occurrences out; period lists mark them.
    """
    reach = await reach_of(session, unit_id)
    rows = await session.execute(
        owed_occurrences(reach.ids, start, end).order_by(
            TaskDueRow.last_day, TaskRow.plan_id, TaskRow.position
        )
    )
    found = rows.all()
    task_ids = {r[2] for r in found}
    # Only the done marks of the listed tasks (a unit's marks grow every month).
    done = set(
        (
            await session.execute(
                select(CompletionRow.task_id, CompletionRow.due_date).where(
                    CompletionRow.unit_id == unit_id,
                    CompletionRow.task_id.in_(sorted(task_ids)),
                )
            )
        ).all()
        if task_ids
        else ()
    )
    latest = await _latest_past(session, task_ids, today) if today is not None else {}
    lines: dict[tuple[int, date], TaskLine] = {}
    claims: dict[tuple[int, date], Claim] = {}
    for unit, role, task_id, ref, content, deadline, title, due_date, last_day, _b in found:
        superseded = last_day < latest.get(task_id, date.min)
        if superseded and open_only:
            continue
        key = (task_id, due_date)
        claim = reach.claim(role, unit)
        if claim is None or stronger(claims.get(key), claim) is not claim:
            continue
        claims[key] = claim
        is_done = key in done
        if open_only and is_done:
            continue
        lines[key] = TaskLine(task_id, ref, content, due_date, last_day,
                              role, is_done, title, deadline, superseded)  # fmt: skip
    return with_assignees(list(lines.values()), await assignments.of_unit(session, unit_id, task_ids))  # fmt: skip


def with_assignees(
    lines: list[TaskLine], held: dict[tuple[int, date], tuple[int, str]]
) -> list[TaskLine]:
    """Each line with the officer its occurrence (else its task) is assigned to, if any."""
    if not held:
        return lines
    out = []
    for line in lines:
        found = held.get((line.task_id, line.due_date or WHOLE_TASK)) or held.get(
            (line.task_id, WHOLE_TASK)
        )
        out.append(
            line if found is None else replace(line, assignee=found[1], assignee_id=found[0])
        )
    return out


async def task_line(
    session: AsyncSession, task_id: int, unit_id: int, due: date | None
) -> TaskLine:
    """One occurrence of a task as the unit sees it (raises NotAllowed when it owes nothing)."""
    role = await owes(session, task_id, unit_id)
    if role is None:
        raise NotAllowed("Việc này không thuộc đơn vị của anh/chị.")
    task = await session.get(TaskRow, task_id)
    if task is None or not task.active:
        raise NotFound("Việc này không còn trong kế hoạch.")
    plan = await session.get(PlanRow, task.plan_id)
    last = None
    if due is not None:
        last = await session.scalar(
            select(TaskDueRow.last_day).where(
                TaskDueRow.task_id == task_id, TaskDueRow.due_date == due
            )
        )
        if last is None:
            raise NotFound("Hạn này không còn trong kế hoạch.")
    done = await session.scalar(
        select(CompletionRow.id).where(
            CompletionRow.task_id == task_id,
            CompletionRow.unit_id == unit_id,
            or_(CompletionRow.due_date == due, CompletionRow.due_date == date(1900, 1, 1))
            if due is None
            else CompletionRow.due_date == due,
        )
    )
    return TaskLine(task.id, task.ref, task.content, due, last, role, done is not None,
                    plan.title if plan else None, task.deadline)  # fmt: skip


async def task_detail(session: AsyncSession, task_id: int) -> dict[str, object]:
    """The stored fields of a task for the 📄 Chi tiết view."""
    task = await session.get(TaskRow, task_id)
    if task is None:
        raise NotFound("Không tìm thấy việc này.")
    plan = await session.get(PlanRow, task.plan_id)
    # One name per unit: the unit's current official name when resolved, else the plan's words.
    rows = await session.execute(
        select(TaskUnitRow.role, func.coalesce(UnitRow.name, TaskUnitRow.mention))
        .outerjoin(UnitRow, UnitRow.id == TaskUnitRow.unit_id)
        .where(TaskUnitRow.task_id == task_id)
        .order_by(TaskUnitRow.id)
    )
    units = list(dict.fromkeys((r, m) for r, m in rows.all()))
    return {
        "ref": task.ref,
        "content": task.content,
        "result": task.result,
        "deadline": task.deadline,
        "notes": task.notes,
        "plan": plan.title if plan else None,
        "lead": [m for r, m in units if r == "lead"],
        "support": [m for r, m in units if r == "support"],
    }


async def find_task(session: AsyncSession, code: str) -> int:
    """The task a coordinator names: its code (#12) or its ref in the plan (II.3) when unique.

    A bare number is read as a ref first (plans number their rows "01", "3"), else as a code.
    """
    code = code.strip()
    if code.startswith("#") and code[1:].isdigit():
        return int(code[1:])
    ids = (
        await session.scalars(
            select(TaskRow.id).where(
                TaskRow.active.is_(True), func.upper(TaskRow.ref) == code.upper()
            )
        )
    ).all()
    if not ids and code.isdigit():
        return int(code)
    if not ids:
        raise NotFound(f"Không tìm thấy việc mục {code}.")
    if len(ids) > 1:
        raise NotFound(
            f"Có {len(ids)} việc cùng mục {code} (ở các kế hoạch khác nhau); "
            "hãy dùng mã việc (#số) trong 📄 Chi tiết."
        )
    return ids[0]


def _folded(text: str) -> str:
    return " ".join(text.lower().split())


async def text_limits(session: AsyncSession, task_ids: Iterable[int]) -> dict[int, str]:
    """The limits written in the tasks' text ("gửi Văn phòng UBND tỉnh trước 31/7") where they
    differ from the plan's date column; shown as their own line in lists and details."""
    ids = sorted(set(task_ids))
    if not ids:
        return {}
    rows = await session.execute(
        select(TaskRow.id, TaskRow.deadline, TaskRow.deadline_in_text).where(TaskRow.id.in_(ids))
    )
    return {
        t: limit.strip()
        for t, cell, limit in rows.all()
        if limit and limit.strip() and _folded(limit) not in _folded(cell or "")
    }


async def occurrence_days(
    session: AsyncSession, task_id: int, due: date
) -> tuple[date, bool] | None:
    """An occurrence's real last day and whether the plan writes it "trước ngày …"."""
    found = (
        await session.execute(
            select(TaskDueRow.last_day, TaskDueRow.before).where(
                TaskDueRow.task_id == task_id, TaskDueRow.due_date == due
            )
        )
    ).first()
    return (found[0], bool(found[1])) if found else None
