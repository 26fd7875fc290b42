"""Tasks as a unit sees them: what it owes, its occurrences by date, one task's detail.

Reads only, through ``uow.tasks`` (store/tasks_repo.py); each function takes a unit of work (or
a bare session, through ``UnitOfWork.over``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from bot.assignment import WHOLE_TASK
from bot.errors import NotAllowed, NotFound
from bot.owing import Claim, owed_role, stronger
from services.unit_lookup import reach_of
from store.uow import Session, UnitOfWork


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


async def owes(db: UnitOfWork | Session, task_id: int, unit_id: int) -> str | None:
    """The unit's role in the task ("lead" or "support"), None when it owes nothing there."""
    uow = UnitOfWork.over(db)
    reach = await reach_of(uow, unit_id)
    rows = await uow.tasks.mentions_of_units(task_id, reach.ids)
    return owed_role(c for role, u in rows if (c := reach.claim(role, u)) is not None)


async def unit_tasks(
    db: UnitOfWork | Session,
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
    uow = UnitOfWork.over(db)
    reach = await reach_of(uow, unit_id)
    found = await uow.tasks.owed_occurrences(reach.ids, start, end, by_date=True)
    task_ids = {r[2] for r in found}
    # Only the done marks of the listed tasks (a unit's marks grow every month).
    done = await uow.tasks.done_of_unit(unit_id, task_ids)
    latest = await uow.tasks.latest_past(task_ids, today) if today is not None else {}
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
    return with_assignees(list(lines.values()), await uow.tasks.assigned(unit_id, task_ids))


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
    db: UnitOfWork | Session, task_id: int, unit_id: int, due: date | None
) -> TaskLine:
    """One occurrence of a task as the unit sees it (raises NotAllowed when it owes nothing)."""
    uow = UnitOfWork.over(db)
    role = await owes(uow, task_id, unit_id)
    if role is None:
        raise NotAllowed("Việc này không thuộc đơn vị của anh/chị.")
    task = await uow.tasks.get(task_id)
    if task is None or not task.active:
        raise NotFound("Việc này không còn trong kế hoạch.")
    last = None
    if due is not None:
        last = await uow.tasks.last_day(task_id, due)
        if last is None:
            raise NotFound("Hạn này không còn trong kế hoạch.")
    done = await uow.tasks.is_done(task_id, unit_id, due)
    return TaskLine(task.id, task.ref, task.content, due, last, role, done,
                    task.plan_title, task.deadline)  # fmt: skip


async def task_detail(db: UnitOfWork | Session, task_id: int) -> dict[str, object]:
    """The stored fields of a task for the 📄 Chi tiết view."""
    uow = UnitOfWork.over(db)
    task = await uow.tasks.get(task_id)
    if task is None:
        raise NotFound("Không tìm thấy việc này.")
    # One name per unit: the unit's current official name when resolved, else the plan's words.
    units = list(dict.fromkeys(await uow.tasks.units_named(task_id)))
    return {
        "ref": task.ref,
        "content": task.content,
        "result": task.result,
        "deadline": task.deadline,
        "notes": task.notes,
        "plan": task.plan_title,
        "lead": [m for r, m in units if r == "lead"],
        "support": [m for r, m in units if r == "support"],
    }


async def find_task(db: UnitOfWork | Session, code: str) -> int:
    """The task a coordinator names: its code (#12) or its ref in the plan (II.3) when unique.

    A bare number is read as a ref first (plans number their rows "01", "3"), else as a code.
    """
    code = code.strip()
    if code.startswith("#") and code[1:].isdigit():
        return int(code[1:])
    ids = await UnitOfWork.over(db).tasks.active_ids_with_ref(code)
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


async def text_limits(db: UnitOfWork | Session, task_ids: Iterable[int]) -> dict[int, str]:
    """The limits written in the tasks' text ("gửi Văn phòng UBND tỉnh trước 31/7") where they
    differ from the plan's date column; shown as their own line in lists and details."""
    rows = await UnitOfWork.over(db).tasks.deadline_cells(sorted(set(task_ids)))
    return {
        t: limit.strip()
        for t, cell, limit in rows
        if limit and limit.strip() and _folded(limit) not in _folded(cell or "")
    }


async def occurrence_days(
    db: UnitOfWork | Session, task_id: int, due: date
) -> tuple[date, bool] | None:
    """An occurrence's real last day and whether the plan writes it "trước ngày …"."""
    return await UnitOfWork.over(db).tasks.occurrence_days(task_id, due)
