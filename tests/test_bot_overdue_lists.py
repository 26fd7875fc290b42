"""Task lists show only the latest past occurrence of a recurring task as overdue."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from services import unit_tasks
from store.models import PlanRow, TaskDueRow, TaskRow, TaskUnitRow, UnitRow
from store.uow import UnitOfWork

NOW = datetime(2025, 11, 3, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


async def _monthly_task(uow: UnitOfWork) -> int:
    s = uow.session
    unit = UnitRow(key="stp", name="Sở Tư pháp", kind="department", is_group=False, active=True)
    plan = PlanRow(identity="p", source="p.txt", issuer="UBND tỉnh", year=2025, number="1",
                   title="Kế hoạch", fingerprint="x", imported_at=NOW, updated_at=NOW)  # fmt: skip
    s.add_all([unit, plan])
    await s.flush()
    task = TaskRow(plan_id=plan.id, position=0, ref="V.1", content="Báo cáo tháng",
                   deadline="Trước ngày 20 hằng tháng", search_text="bao cao thang", inferred=[])  # fmt: skip
    s.add(task)
    await s.flush()
    s.add(TaskUnitRow(task_id=task.id, role="lead", mention="Sở Tư pháp", unit_id=unit.id))
    for month in range(1, 13):
        due = date(2025, month, 20)
        s.add(TaskDueRow(task_id=task.id, due_date=due, last_day=due, before=True))
    await s.commit()
    return unit.id


async def test_a_monthly_report_imported_in_november_is_overdue_once_not_ten_times(sessions):
    async with UnitOfWork(sessions) as uow:
        unit_id = await _monthly_task(uow)
    today = NOW.date()
    async with UnitOfWork(sessions) as uow:
        overdue = await unit_tasks.unit_tasks(
            uow.session, unit_id, date(2024, 1, 1), today, open_only=True, today=today
        )
        upcoming = await unit_tasks.unit_tasks(
            uow.session, unit_id, date(2024, 1, 1), date(2025, 12, 31), today=today
        )
        unfiltered = await unit_tasks.unit_tasks(uow.session, unit_id, date(2024, 1, 1), today)
    assert [line.due_date for line in overdue] == [date(2025, 10, 20)]
    # A period list keeps every occurrence but marks the replaced past ones.
    assert [line.due_date for line in upcoming if not line.superseded] == [
        date(2025, 10, 20), date(2025, 11, 20), date(2025, 12, 20)
    ]  # fmt: skip
    assert sum(line.superseded for line in upcoming) == 9
    assert len(unfiltered) == 10


async def test_a_past_month_lists_its_report_as_superseded_not_overdue(sessions):
    async with UnitOfWork(sessions) as uow:
        unit_id = await _monthly_task(uow)
    today = NOW.date()
    async with UnitOfWork(sessions) as uow:
        march = await unit_tasks.unit_tasks(
            uow.session, unit_id, date(2025, 3, 1), date(2025, 3, 31), today=today
        )
        october = await unit_tasks.unit_tasks(
            uow.session, unit_id, date(2025, 10, 1), date(2025, 10, 31), today=today
        )
    # October's report (the latest past one) is what the unit still owes; March's was replaced.
    assert [(line.due_date, line.superseded) for line in march] == [(date(2025, 3, 20), True)]
    assert [(line.due_date, line.superseded) for line in october] == [(date(2025, 10, 20), False)]
