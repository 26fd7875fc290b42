"""Assignment (issue 16): the planner's rule (pure), and the use cases on a real SQLite file and
the local PostgreSQL — the outbox moves, the lists carry the assignee, rights are checked, the
audit table records each change."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from reminders_support import World, add_group, add_officer, add_task, add_unit
from sqlalchemy import select

from bot.assignment import WHOLE_TASK, holder, read_day
from bot.deadlines import WorkCalendar
from bot.errors import NotAllowed
from bot.reminders.planner import Obligation, Recipient, plan
from bot.reminders.planner import World as PlanWorld
from bot.reminders.policy import DEFAULT, GROUP
from bot.reminders.texts import TaskLine
from services import assignments
from services.officers import get_officer_by_id
from services.reminders import plan_outbox, preview
from services.unit_tasks import unit_tasks
from store.models import AuditRow, OutboxRow
from store.uow import UnitOfWork

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = WorkCalendar()
NOW = datetime(2025, 8, 18, 2, 0, tzinfo=UTC)  # Monday 09:00 in Hà Nội
D1, D2 = date(2025, 8, 20), date(2025, 9, 19)


# ------------------------------------------------------------------ the rule, pure
def _line(task_id: int, due: date) -> TaskLine:
    return TaskLine(task_id, "I.1", "Báo cáo tháng", due, due, False, "lead")


def _local(d: date, days: int) -> datetime:
    return datetime.combine(d + timedelta(days=days), datetime.min.time(), TZ)


def test_an_assigned_occurrence_is_planned_for_the_assignee_and_the_group_only() -> None:
    lan = Recipient(41, 7, "Lan", DEFAULT, officer_id=1)
    mai = Recipient(42, 7, "Mai", DEFAULT, officer_id=2)
    other_unit = Recipient(43, 8, "Hùng", DEFAULT, officer_id=3)
    group = Recipient(-5, 7, "Nhóm", GROUP)
    obs = [Obligation(_line(1, D1)), Obligation(_line(1, D2))]
    recipients = [(lan, obs), (mai, obs), (other_unit, obs), (group, obs)]

    def chats(assigned: dict[tuple[int, int, date], int], due: date) -> set[int]:
        world = PlanWorld(recipients, assigned=assigned)
        rows = plan(world, CAL, TZ, _local(due, -14), _local(due, 1))
        return {r.chat_id for r in rows if r.task_id == 1 and r.due_date == due}

    assert chats({}, D1) == {41, 42, 43, -5}
    whole = {(1, 7, WHOLE_TASK): 2}
    assert chats(whole, D1) == {42, 43, -5}  # unit 8's officer is not touched
    only_d1 = {(1, 7, D1): 2}
    assert chats(only_d1, D1) == {42, 43, -5}
    assert chats(only_d1, D2) == {41, 42, 43, -5}  # the other occurrence: everyone
    # An occurrence assigned on its own wins over the whole task's assignment.
    both = {(1, 7, WHOLE_TASK): 2, (1, 7, D2): 1}
    assert chats(both, D2) == {41, 43, -5}
    assert holder(both, 1, 7, D1) == 2 and holder(both, 1, 7, D2) == 1 and holder(both, 1, 8, D1) is None  # fmt: skip


def test_a_digest_leaves_out_what_is_assigned_to_another() -> None:
    lan = Recipient(41, 7, "Lan", DEFAULT, officer_id=1)
    mai = Recipient(42, 7, "Mai", DEFAULT, officer_id=2)
    obs = [Obligation(_line(1, D1))]
    world = PlanWorld([(lan, obs), (mai, obs)], assigned={(1, 7, WHOLE_TASK): 2})
    digests = [r for r in plan(world, CAL, TZ, _local(D1, -2), _local(D1, -1)) if r.kind == "digest"]  # fmt: skip
    assert [r.chat_id for r in digests] == [42]


def test_dates_are_read_as_day_and_month() -> None:
    assert read_day("20/12") == (20, 12, None)
    assert read_day("5-9-26") == (5, 9, 2026)
    assert read_day("20/12/2026") == (20, 12, 2026)
    assert read_day("32/1") is None and read_day("Mai") is None


# ------------------------------------------------------------------ the use cases, in a store
async def _world(sessions) -> World:  # type: ignore[no-untyped-def]
    world = World()
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        await add_unit(s, world, "stp", "Sở Tư pháp")
        await add_unit(s, world, "snv", "Sở Nội vụ")
        await add_officer(s, world, "Lan", "stp", 1001)
        await add_officer(s, world, "Mai", "stp", 1002)
        await add_officer(s, world, "Hùng", "snv", 1003)
        await add_officer(s, world, "Điều phối", "snv", 1009, role="coordinator")
        await add_group(s, world, -500, "stp")
        await add_task(s, world, "I.1", "Báo cáo tháng", [(D1, D1), (D2, D2)], ["stp"])
        await uow.commit()
    return world


async def _officer(sessions, world: World, name: str):  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        return await get_officer_by_id(uow, world.officers[name])


async def _pending(sessions, task_id: int) -> set[tuple[int, date]]:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        rows = await uow.session.execute(
            select(OutboxRow.chat_id, OutboxRow.due_date).where(
                OutboxRow.task_id == task_id, OutboxRow.status == "pending"
            )
        )
        return set(rows.all())


async def test_assigning_moves_the_outbox_and_handing_back_restores_it(sessions) -> None:  # type: ignore[no-untyped-def]
    world = await _world(sessions)
    task = world.tasks["I.1"]
    async with UnitOfWork(sessions) as uow:
        await plan_outbox(uow.session, NOW, ahead=timedelta(days=45))
        uow.session.add(OutboxRow(chat_id=1001, officer_id=world.officers["Lan"], task_id=task,
                                  due_date=D1, kind="nudge:2025-08-18", send_at=NOW, text="📣"))  # fmt: skip
        await uow.commit()
    everyone = {(c, d) for c in (1001, 1002, -500) for d in (D1, D2)}
    assert await _pending(sessions, task) == everyone
    lan, mai = await _officer(sessions, world, "Lan"), await _officer(sessions, world, "Mai")

    async with UnitOfWork(sessions) as uow:
        done = await assignments.assign(uow, task, None, mai, lan, NOW)
        await uow.commit()
    assert done.unit_name == "Sở Tư pháp" and done.dropped > 0
    # Lan keeps only the coordinator's 📣 (addressed to the unit by a person).
    assert await _pending(sessions, task) == {(1002, D1), (1002, D2), (-500, D1), (-500, D2), (1001, D1)}  # fmt: skip
    async with UnitOfWork(sessions) as uow:
        kinds = set((await uow.session.scalars(select(OutboxRow.kind).where(
            OutboxRow.chat_id == 1001, OutboxRow.task_id == task))).all())  # fmt: skip
    assert kinds == {"nudge:2025-08-18"}
    async with UnitOfWork(sessions) as uow:  # the next planning run writes none for Lan
        await plan_outbox(uow.session, NOW + timedelta(minutes=10), ahead=timedelta(days=45))
        await uow.commit()
        lines = await unit_tasks(uow.session, world.units["stp"], D1, D2)
    assert await _pending(sessions, task) == {(1002, D1), (1002, D2), (-500, D1), (-500, D2), (1001, D1)}  # fmt: skip
    assert [(line.due_date, line.assignee) for line in lines] == [(D1, "Mai"), (D2, "Mai")]

    async with UnitOfWork(sessions) as uow:
        with pytest.raises(NotAllowed):  # only the assignee hands back
            await assignments.hand_back(uow, task, None, lan, NOW)
        back = await assignments.hand_back(uow, task, D1, mai, NOW)  # the task's, via D1
        await uow.commit()
    assert back.due is None and back.assigned_by == 1001
    async with UnitOfWork(sessions) as uow:
        await plan_outbox(uow.session, NOW + timedelta(minutes=20), ahead=timedelta(days=45))
        await uow.commit()
        lines = await unit_tasks(uow.session, world.units["stp"], D1, D2)
        audit = (await uow.session.execute(select(AuditRow.action, AuditRow.actor, AuditRow.detail)
                 .where(AuditRow.action.like("task.%")).order_by(AuditRow.id))).all()  # fmt: skip
    assert await _pending(sessions, task) == everyone
    assert all(line.assignee is None for line in lines)
    assert [(a, actor) for a, actor, _ in audit] == [
        ("task.assign", 1001),
        ("task.hand_back", 1002),
    ]
    assert audit[0][2] == {"task_id": task, "unit_id": world.units["stp"], "due_date": None,
                           "officer_id": world.officers["Mai"], "previous": None}  # fmt: skip


async def test_one_occurrence_moves_only_its_own_reminders(sessions) -> None:  # type: ignore[no-untyped-def]
    world = await _world(sessions)
    task = world.tasks["I.1"]
    async with UnitOfWork(sessions) as uow:
        await plan_outbox(uow.session, NOW, ahead=timedelta(days=45))
        await uow.commit()
    coord, mai = (
        await _officer(sessions, world, "Điều phối"),
        await _officer(sessions, world, "Mai"),
    )
    async with UnitOfWork(sessions) as uow:
        await assignments.assign(uow, task, D2, mai, coord, NOW)
        await uow.commit()
        lines = await unit_tasks(uow.session, world.units["stp"], D1, D2)
        planned = await preview(uow.session, NOW, NOW + timedelta(days=45))
    assert (1001, D2) not in await _pending(sessions, task)
    assert {(1001, D1), (1002, D2), (-500, D2)} <= await _pending(sessions, task)
    assert [(line.due_date, line.assignee) for line in lines] == [(D1, None), (D2, "Mai")]
    assert {(p.chat_id, p.due_date) for p in planned if p.task_id == task} == {
        (1001, D1), (1002, D1), (-500, D1), (1002, D2), (-500, D2)}  # fmt: skip


async def test_rights_another_units_officer_a_unit_that_does_not_owe_and_names(sessions) -> None:  # type: ignore[no-untyped-def]
    world = await _world(sessions)
    task = world.tasks["I.1"]
    lan, mai = await _officer(sessions, world, "Lan"), await _officer(sessions, world, "Mai")
    hung, coord = await _officer(sessions, world, "Hùng"), await _officer(sessions, world, "Điều phối")  # fmt: skip
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        with pytest.raises(NotAllowed, match="đơn vị mình"):  # Hùng (Sở Nội vụ) gives Mai a task
            await assignments.assign(uow, task, None, mai, hung, NOW)
        with pytest.raises(NotAllowed, match="không phải việc của Sở Nội vụ"):
            await assignments.assign(uow, task, None, hung, coord, NOW)
        with pytest.raises(NotAllowed, match="đơn vị mình"):  # by name: only one's own unit
            await assignments.pick_assignee(s, "Hùng", lan, task)
        assert (await assignments.pick_assignee(s, "mai", lan, task)).id == mai.id
        # A coordinator naming a name shared across units gets the one whose unit owes the task.
        await add_officer(s, world, "Mai Anh", "snv", 1004)
        assert (await assignments.pick_assignee(s, "Mai", coord, task)).id == mai.id
        assert await s.scalar(select(AuditRow.id).where(AuditRow.action == "task.assign")) is None


async def test_a_removed_assignee_holds_nothing_and_reassigning_moves_the_reminders(
    sessions,
) -> None:  # type: ignore[no-untyped-def]
    from services.officers import remove_officer

    world = await _world(sessions)
    task = world.tasks["I.1"]
    lan, mai = await _officer(sessions, world, "Lan"), await _officer(sessions, world, "Mai")
    async with UnitOfWork(sessions) as uow:
        await assignments.assign(uow, task, None, mai, lan, NOW)
        await plan_outbox(uow.session, NOW, ahead=timedelta(days=45))
        await uow.commit()
    assert {c for c, _ in await _pending(sessions, task)} == {1002, -500}
    # Mai gives it to Lan: Mai's pending reminders go, Lan's come with the next planning run.
    async with UnitOfWork(sessions) as uow:
        done = await assignments.assign(uow, task, None, lan, mai, NOW)
        await uow.commit()
    assert done.previous == mai.id
    assert {c for c, _ in await _pending(sessions, task)} == {-500}
    async with UnitOfWork(sessions) as uow:
        await plan_outbox(uow.session, NOW + timedelta(minutes=10), ahead=timedelta(days=45))
        await uow.commit()
    assert {c for c, _ in await _pending(sessions, task)} == {1001, -500}
    # Lan leaves: the assignment no longer stops anyone's reminders, nor shows in the lists.
    async with UnitOfWork(sessions) as uow:
        await remove_officer(uow, 1001, NOW)
        await plan_outbox(uow.session, NOW + timedelta(minutes=20), ahead=timedelta(days=45))
        await uow.commit()
        lines = await unit_tasks(uow.session, world.units["stp"], D1, D2)
    assert 1002 in {c for c, _ in await _pending(sessions, task)}
    assert all(line.assignee is None for line in lines)
