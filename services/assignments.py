"""Assigning a unit's task (or one occurrence) to one of its officers, and handing it back.

Who may assign: a coordinator or administrator, or an active officer of the assignee's unit.
The assignee must be an active officer of a unit that owes the task. Assigning takes the
occurrence's pending reminders away from the unit's other officers (the planner leaves them out
from then on, ``bot.assignment``); handing back deletes the assignment and the next planning run
reminds everyone of the unit again (the digests, written with their list inside, are
written again too). Both are recorded in the audit table, and both commit; the reads take a
unit of work (or, for the callers not moved yet, a bare session).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.assignment import read_day
from bot.errors import NotAllowed, NotFound
from bot.officers import Officer
from services.officers import find_officers, get_officer_by_id
from services.unit_lookup import unit_name
from services.unit_tasks import owes
from store import assignments as store
from store.outbox_repo import lock_planning
from store.uow import Session, UnitOfWork

OTHER_UNIT = "Anh/chị chỉ giao được việc cho cán bộ của đơn vị mình."
NOT_YOURS = "Việc này không được giao riêng cho anh/chị nên không có gì để trả lại."


@dataclass(frozen=True)
class Assigned:
    """What ``assign`` did: the task, the occurrence (None: the whole task), who holds it now."""

    task_id: int
    ref: str
    content: str
    unit_id: int
    unit_name: str
    due: date | None
    assignee: Officer
    previous: int | None  # the officer it was assigned to before, if another
    dropped: int  # pending reminders taken from the unit's other officers


@dataclass(frozen=True)
class HandedBack:
    """What ``hand_back`` did; ``assigned_by`` is the Telegram id of who had assigned it."""

    task_id: int
    ref: str
    content: str
    due: date | None
    assigned_by: int | None


async def _task(uow: UnitOfWork, task_id: int) -> store.TaskSummary:
    task = await store.active_task(uow.session, task_id)
    if task is None:
        raise NotFound("Không tìm thấy việc này trong kế hoạch.")
    return task


async def occurrence(db: UnitOfWork | Session, task_id: int, text: str, today: date) -> date:
    """The occurrence an officer names by its date ("20/12"): its nominal date or real last day."""
    found = read_day(text)
    if found is None:
        raise NotFound(f"Không hiểu ngày “{text}”; gõ ngày/tháng, ví dụ 20/12.")
    due = await store.occurrence_on(
        UnitOfWork.over(db).session, task_id, found[0], found[1], found[2], today
    )
    if due is None:
        raise NotFound(f"Việc này không có hạn ngày {found[0]}/{found[1]}.")
    return due


async def pick_assignee(db: UnitOfWork | Session, name: str, by: Officer, task_id: int) -> Officer:  # fmt: skip
    """The one active officer named ``name`` whom ``by`` may give the task to."""
    uow = UnitOfWork.over(db)
    found = [o for o in await find_officers(uow, name) if o.unit_id is not None]
    if not by.is_coordinator:
        own = [o for o in found if o.unit_id == by.unit_id]
        if found and not own:
            raise NotAllowed(OTHER_UNIT)
        found = own
    elif len(found) > 1:
        owing = [o for o in found if o.unit_id and await owes(uow.session, task_id, o.unit_id)]
        found = owing or found
    if not found:
        raise NotFound(f"Không tìm thấy cán bộ “{name}”.")
    if len(found) > 1:
        names = ", ".join(o.name for o in found[:8])
        raise NotFound(f"Có nhiều cán bộ trùng tên: {names}. Gõ đầy đủ họ tên.")
    return found[0]


async def assign(
    uow: UnitOfWork,
    task_id: int,
    due: date | None,
    assignee: Officer,
    by: Officer,
    now: datetime,
) -> Assigned:
    """Give the unit's task (``due`` None) or one occurrence to ``assignee``; check rights and
    commit."""
    if not by.is_active:
        raise NotAllowed("Tài khoản của anh/chị chưa được duyệt.")
    if not assignee.is_active or assignee.unit_id is None:
        raise NotAllowed(f"{assignee.name} chưa là cán bộ đang hoạt động của đơn vị nào.")
    unit_id = assignee.unit_id
    if not by.is_coordinator and by.unit_id != unit_id:
        raise NotAllowed(OTHER_UNIT)
    session = uow.session
    task = await _task(uow, task_id)
    name = await unit_name(uow, unit_id)
    if await owes(session, task_id, unit_id) is None:
        raise NotAllowed(f"Việc mục {task.ref} không phải việc của {name}.")
    if due is not None and not await store.has_occurrence(session, task_id, due):
        raise NotFound("Hạn này không còn trong kế hoạch.")
    # The planner must not write the others' reminders while this changes (it takes this lock).
    await lock_planning(session)
    previous = await store.put(session, task_id, unit_id, due, assignee.id, by.telegram_id, now)
    dropped = await store.drop_pending_of_others(session, task_id, unit_id, due, assignee.id)
    await store.drop_pending_digests(session, unit_id, assignee.id)
    await uow.audit.record(now, by.telegram_id, "task.assign", task_id=task_id, unit_id=unit_id,
                           due_date=due.isoformat() if due else None, officer_id=assignee.id,
                           previous=previous)  # fmt: skip
    await uow.commit()
    return Assigned(task.id, task.ref, task.content, unit_id, name, due, assignee,
                    previous if previous != assignee.id else None, dropped)  # fmt: skip


async def holding(
    db: UnitOfWork | Session, task_id: int, unit_id: int, due: date | None, *, live: bool = False
) -> store.Assignment | None:
    """The assignment covering this occurrence for the unit: its own, else the whole task's
    (``live``: only one whose assignee is still an active officer of the unit)."""
    session = UnitOfWork.over(db).session
    if due is not None:
        found = await store.get(session, task_id, unit_id, due, live=live)
        if found is not None:
            return found
    return await store.get(session, task_id, unit_id, None, live=live)


async def hand_back(
    uow: UnitOfWork, task_id: int, due: date | None, by: Officer, now: datetime
) -> HandedBack:
    """The assignee gives the task (or the occurrence) back to the whole unit; commits."""
    if not by.is_active or by.unit_id is None:
        raise NotAllowed(NOT_YOURS)
    session = uow.session
    task = await _task(uow, task_id)
    held = await holding(uow, task_id, by.unit_id, due)
    if held is None and due is None:
        # "/tralai II.3" by the holder of one occurrence of it: that occurrence.
        mine = await store.held_by(session, task_id, by.unit_id, by.id)
        held = mine[0] if len(mine) == 1 else None
    if held is None or held.officer_id != by.id:
        raise NotAllowed(NOT_YOURS)
    await lock_planning(session)
    await store.remove(session, task_id, by.unit_id, held.due)
    await store.drop_pending_digests(session, by.unit_id, by.id)
    await uow.audit.record(now, by.telegram_id, "task.hand_back", task_id=task_id,
                           unit_id=by.unit_id, due_date=held.due.isoformat() if held.due else None,
                           officer_id=by.id)  # fmt: skip
    await uow.commit()
    return HandedBack(task.id, task.ref, task.content, held.due, held.assigned_by)


async def assignee_of(db: UnitOfWork | Session, officer_id: int) -> Officer | None:
    """The officer by id (for the adapters' messages)."""
    return await get_officer_by_id(UnitOfWork.over(db), officer_id)
