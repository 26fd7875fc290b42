"""Extra days off (services.days_off) on both backends: the real last days in task_due and in
the answers move, pending reminders are re-planned (none on the new day off, none twice, none
lost), removing the day restores both, and bad days are refused in Vietnamese.

The world: Sở Tư pháp owes a monthly report "before the 20th"; 20/10/2025 is a Monday, so its
real last day is Friday 17/10. Adding Friday 17/10 as a day off moves it to Thursday 16/10.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from reminders_fakes import MutableClock, RecordingPort
from reminders_support import World, add_officer, add_plan, add_unit
from sqlalchemy import select

from bot.deadlines import Occurrence, WorkCalendar
from bot.errors import NotAllowed, NotFound
from bot.text import fold
from reminders.dispatcher import Dispatcher
from reminders.outbox import utc
from reminders.send_types import UNLIMITED
from services.ask import ask
from services.calendar import work_calendar
from services.days_off import add_day_off, list_days_off, remove_day_off
from services.reminders import plan_reminders
from store.models import AuditRow, DayOffRow, OutboxRow, TaskDueRow, TaskRow, TaskUnitRow
from store.uow import UnitOfWork

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
LAN = 41
FRIDAY = date(2025, 10, 17)
REPORT = "Báo cáo tình hình, kết quả kiểm soát TTHC hằng tháng"


def at(day: int, hour: int = 8, minute: int = 0, month: int = 10) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=TZ)


ADDED_AT = at(13, 10, 30)  # Monday 13/10, after the morning's reminders


async def _world(sessions: Any) -> tuple[World, int]:
    w = World()
    cal = WorkCalendar()
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        await add_unit(s, w, "stp", "Sở Tư pháp")
        await add_officer(s, w, "lan", "stp", LAN)
        await add_plan(s, w)
        task = TaskRow(plan_id=w.plan_id, position=0, ref="I.1", content=REPORT,
                       deadline="Trước ngày 20 hằng tháng", search_text=fold(REPORT),
                       inferred=[])  # fmt: skip
        s.add(task)
        await s.flush()
        s.add(TaskUnitRow(task_id=task.id, role="lead", mention="Sở Tư pháp", unit_id=w.units["stp"]))  # fmt: skip
        for month in (10, 11, 12):  # nothing overdue before October
            due = date(2025, month, 20)
            s.add(TaskDueRow(task_id=task.id, due_date=due, before=True,
                             last_day=cal.last_day(Occurrence(due, True))))  # fmt: skip
        await uow.commit()
    return w, task.id


async def _last_day(sessions: Any, task_id: int, due: date) -> date:
    async with UnitOfWork(sessions) as uow:
        found = await uow.session.scalar(
            select(TaskDueRow.last_day).where(
                TaskDueRow.task_id == task_id, TaskDueRow.due_date == due
            )  # fmt: skip
        )
    assert found is not None
    return found


async def _answer(sessions: Any, w: World, today: date) -> str:
    async with UnitOfWork(sessions) as uow:
        cal = await work_calendar(uow.session)
        a = await ask(uow, "khi nào nộp báo cáo tháng", unit_id=w.units["stp"], today=today,
                      calendar=cal)  # fmt: skip
    return a.reply.to_text()


async def _pending(sessions: Any) -> set[tuple[int, int | None, date, str, datetime]]:
    async with UnitOfWork(sessions) as uow:
        rows = (
            await uow.session.execute(
                select(
                    OutboxRow.chat_id,
                    OutboxRow.task_id,
                    OutboxRow.due_date,
                    OutboxRow.kind,
                    OutboxRow.send_at,
                ).where(OutboxRow.status == "pending")  # fmt: skip
            )
        ).all()
    return {(c, t, d, k, utc(s)) for c, t, d, k, s in rows}


async def _change(sessions: Any, add: bool, day: date = FRIDAY, now: datetime = ADDED_AT):  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        if add:
            change = await add_day_off(uow, day, "Nghỉ bù", 900, now)
        else:
            change = await remove_day_off(uow, day, 900, now)
        await uow.commit()
    return change


async def test_a_friday_off_moves_the_monday_20th_report_to_thursday_and_back(sessions):
    w, task = await _world(sessions)
    oct20 = date(2025, 10, 20)
    assert await _last_day(sessions, task, oct20) == FRIDAY
    assert "Lần gần nhất: Thứ Sáu, 17/10/2025" in await _answer(sessions, w, date(2025, 10, 13))
    change = await _change(sessions, add=True)
    assert (change.added, change.moved) == (True, 1)
    assert await _last_day(sessions, task, oct20) == date(2025, 10, 16)
    assert await _last_day(sessions, task, date(2025, 11, 20)) == date(2025, 11, 19)  # untouched
    assert "Lần gần nhất: Thứ Năm, 16/10/2025" in await _answer(sessions, w, date(2025, 10, 13))
    async with UnitOfWork(sessions) as uow:
        listed = await list_days_off(uow.session, date(2025, 10, 1), date(2026, 1, 2))
        audit = (await uow.session.scalars(select(AuditRow))).all()
    assert [(d.day, d.name, d.added) for d in listed] == [
        (FRIDAY, "Nghỉ bù", True),
        (date(2026, 1, 1), listed[-1].name, False),
    ]
    assert [(a.action, a.actor, a.detail["day"], a.detail["occurrences_moved"]) for a in audit] == [
        ("day_off.add", 900, "2025-10-17", 1)
    ]
    back = await _change(sessions, add=False)
    assert (back.added, back.moved) == (False, 1)
    assert await _last_day(sessions, task, oct20) == FRIDAY
    assert "Lần gần nhất: Thứ Sáu, 17/10/2025" in await _answer(sessions, w, date(2025, 10, 13))


async def test_pending_reminders_move_off_the_new_day_and_come_back_when_it_is_removed(sessions):
    w, task = await _world(sessions)
    async with UnitOfWork(sessions) as uow:
        await plan_reminders(uow, at(13, 7), ahead=timedelta(days=5))  # up to Saturday 07:00
    planned = await _pending(sessions)
    report = {(k, s.astimezone(TZ)) for _c, t, _d, k, s in planned if t == task}
    assert report == {("before3", at(14)), ("before1", at(16)), ("dayof", at(17))}
    assert any(k == "digest" and s == at(17) for _c, _t, _d, k, s in planned)

    change = await _change(sessions, add=True)
    moved = await _pending(sessions)
    # The 3-day reminder now falls on Monday 08:00, already past: it goes out at once.
    report = {(k, s.astimezone(TZ)) for _c, t, _d, k, s in moved if t == task}
    assert report == {("before3", ADDED_AT), ("before1", at(15)), ("dayof", at(16))}
    assert not [r for r in moved if r[4].astimezone(TZ).date() == FRIDAY]
    assert change.reminders_moved == 3 and change.reminders_dropped >= 1  # Friday's digest
    assert change.replanned == change.reminders_moved + change.reminders_dropped + change.reminders_added  # fmt: skip
    # Planning again changes nothing.
    async with UnitOfWork(sessions) as uow:
        assert (await plan_reminders(uow, ADDED_AT + timedelta(minutes=10))).inserted == 0
    assert await _pending(sessions) == moved

    await _change(sessions, add=False)
    assert await _pending(sessions) == planned


async def test_a_week_with_a_new_day_off_sends_each_reminder_once_and_nothing_on_that_day(sessions):
    w, task = await _world(sessions)
    clock = MutableClock(at(13, 0).astimezone(UTC))
    port = RecordingPort(clock=clock)
    dispatcher = Dispatcher(sessions, port, clock=clock, limits=UNLIMITED)
    while clock.at < at(22, 0):
        if clock.at == ADDED_AT.astimezone(UTC):
            await _change(sessions, add=True, now=clock.at)
        if clock.at.minute == 0:
            async with UnitOfWork(sessions) as uow:
                await plan_reminders(uow, clock.at)
        await dispatcher.run_once()
        clock.advance(minutes=30)
    async with UnitOfWork(sessions) as uow:
        sent = (
            await uow.session.scalars(select(OutboxRow).where(OutboxRow.status == "sent"))
        ).all()
    assert all(utc(r.sent_at).astimezone(TZ).date() != FRIDAY for r in sent)  # type: ignore[arg-type]
    assert len(port.sent) == len({(r.chat_id, r.task_id, r.due_date, r.kind) for r in sent})
    got = sorted(
        (r.kind, utc(r.sent_at).astimezone(TZ))  # type: ignore[arg-type]
        for r in sent
        if r.task_id == task
    )
    assert got == [
        ("before1", at(15)),
        ("before3", ADDED_AT),
        ("dayof", at(16)),
        ("overdue:2025-10-20", at(20)),
        ("overdue:2025-10-21", at(21)),
    ]
    digests = {utc(r.sent_at).astimezone(TZ).date() for r in sent if r.kind == "digest"}  # type: ignore[arg-type]
    assert digests == {date(2025, 10, d) for d in (13, 14, 15, 16, 20, 21)}


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 10, 10), "đã qua"),
        (date(2025, 10, 13), "đã qua hoặc là hôm nay"),
        (date(2025, 10, 18), "cuối tuần"),
        (date(2026, 1, 1), "đã là ngày nghỉ lễ"),
        (date(2028, 1, 5), "trong vòng 2 năm"),
    ],
)
async def test_bad_days_are_refused_in_vietnamese(sessions, day: date, expected: str) -> None:
    await _world(sessions)
    with pytest.raises(NotAllowed) as refused:
        await _change(sessions, add=True, day=day)
    assert expected in refused.value.message


async def test_a_day_added_twice_or_removed_when_absent_is_refused(sessions) -> None:
    await _world(sessions)
    await _change(sessions, add=True)
    with pytest.raises(NotAllowed, match="đã có trong danh sách"):
        await _change(sessions, add=True)
    with pytest.raises(NotFound, match="không có trong danh sách"):
        await _change(sessions, add=False, day=date(2025, 10, 24))
    async with UnitOfWork(sessions) as uow:
        assert len((await uow.session.scalars(select(AuditRow))).all()) == 1


async def test_the_same_day_added_at_once_by_two_units_of_work_refuses_the_second_in_vietnamese(
    sessions,
) -> None:
    await _world(sessions)
    other_friday = date(2025, 10, 24)
    async with UnitOfWork(sessions) as second:
        s = second.session
        real_get = s.get

        async def checked_before_the_first_committed(entity: Any, ident: Any, **kw: Any) -> Any:
            if entity is DayOffRow:
                # The first addition runs and commits between the second's check and its flush.
                await _change(sessions, add=True)
                return None
            return await real_get(entity, ident, **kw)

        s.get = checked_before_the_first_committed  # type: ignore[method-assign]
        with pytest.raises(NotAllowed, match="đã có trong danh sách ngày nghỉ"):
            await add_day_off(second, FRIDAY, "Trùng", 901, ADDED_AT)
        s.get = real_get  # type: ignore[method-assign]
        # The refusal left the session usable: the same unit of work adds another day.
        await add_day_off(second, other_friday, None, 901, ADDED_AT)
        await second.commit()
    async with UnitOfWork(sessions) as uow:
        rows = (await uow.session.scalars(select(DayOffRow).order_by(DayOffRow.day))).all()
        audits = (await uow.session.scalars(select(AuditRow))).all()
    assert [(r.day, r.note) for r in rows] == [(FRIDAY, "Nghỉ bù"), (other_friday, None)]
    assert len(audits) == 2
