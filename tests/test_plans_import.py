"""Storing plans on both backends: schedules and due dates, idempotent re-import, revisions."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.deadlines import WorkCalendar
from bot.plans import read_plan
from services.imports import import_files, import_plan
from store.models import (
    AuditRow,
    CompletionRow,
    OfficerRow,
    PlanRow,
    SnoozeRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
    UnitRow,
)
from store.plans_repo import stored_tasks
from store.uow import UnitOfWork
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "plans"
SAMPLE = ROOT / "samples" / "ke_hoach_mau_2026.txt"
NOW = datetime(2026, 1, 20, 9, 0, tzinfo=UTC)


async def _import(sessions: Any, path: Path) -> Any:
    async with UnitOfWork(sessions) as uow:
        result = await import_plan(uow, read_plan(path), NOW, WorkCalendar())
        await uow.commit()
    return result


async def _snapshot(sessions: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row of the plan tables, as plain tuples."""
    out = {}
    async with sessions() as s:
        for model in (PlanRow, TaskRow, TaskDueRow, TaskUnitRow):
            rows = (await s.execute(select(model).order_by(model.id))).scalars()
            cols = [c.key for c in model.__table__.columns]
            out[model.__tablename__] = [tuple(getattr(r, c) for c in cols) for r in rows]
    return out


async def test_the_sample_is_stored_with_schedules_due_dates_and_unit_mentions(
    sessions: Any,
) -> None:
    result = await _import(sessions, SAMPLE)
    assert (result.created, result.updated, result.deactivated) == (21, 0, 0)
    async with sessions() as s:
        monthly = (await s.execute(select(TaskRow).where(TaskRow.ref == "1.V.1"))).scalar_one()
        dues = (
            (await s.execute(select(TaskDueRow).where(TaskDueRow.task_id == monthly.id)))
            .scalars()
            .all()
        )
        ongoing = (await s.execute(select(TaskRow).where(TaskRow.ref == "1.II.1"))).scalar_one()
        mentions = (
            (await s.execute(select(TaskUnitRow).where(TaskUnitRow.task_id == monthly.id)))
            .scalars()
            .all()
        )
    # "Trước ngày 20 hằng tháng" in the plan's year: 12 dates, each "before", the real last day earlier.
    assert len(dues) == 12 and all(d.before and d.last_day < d.due_date for d in dues)
    assert date(2026, 9, 20) in {d.due_date for d in dues}
    # 20/9/2026 is a Sunday: the report is due on Friday 18/9.
    assert next(d.last_day for d in dues if d.due_date == date(2026, 9, 20)) == date(2026, 9, 18)
    assert (
        monthly.schedule_kind == "recurring" and monthly.schedule and not monthly.deadline_unknown
    )
    assert ongoing.ongoing and monthly.search_text.startswith("bao cao tinh hinh")
    assert {m.role for m in mentions} == {"lead", "support"}


async def test_reimporting_the_same_plan_changes_nothing(sessions: Any) -> None:
    await _import(sessions, SAMPLE)
    before = await _snapshot(sessions)
    again = await _import(sessions, SAMPLE)
    assert again.same_as_stored and (again.created, again.updated, again.unchanged) == (0, 0, 21)
    assert await _snapshot(sessions) == before


async def test_a_revised_plan_updates_tasks_in_place_and_keeps_officers_records(
    sessions: Any,
) -> None:
    await _import(sessions, DATA / "revision_v1.txt")
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        review = (await s.execute(select(TaskRow).where(TaskRow.ref == "I.3"))).scalar_one()
        unit = UnitRow(key="test-office", name="Văn phòng thử", kind="office")
        officer = OfficerRow(telegram_id=4242, name="Cán bộ thử", created_at=NOW)
        s.add_all([unit, officer])
        await s.flush()
        s.add(
            CompletionRow(
                task_id=review.id,
                unit_id=unit.id,
                due_date=date(2026, 6, 30),
                officer_id=officer.id,
                done_at=NOW,
            )
        )
        s.add(
            SnoozeRow(
                task_id=review.id,
                officer_id=officer.id,
                due_date=date(2026, 6, 30),
                until=NOW,
                created_at=NOW,
            )
        )
        await uow.commit()
        review_id = review.id

    result = await _import(sessions, DATA / "revision_v2.txt")

    # Old 2 is gone, old 3 moved to 2 (text and time revised), old 4 moved to 3 (support added), 4 is new.
    assert (result.created, result.updated, result.unchanged, result.deactivated) == (1, 2, 1, 1)
    async with sessions() as s:
        moved = await s.get(TaskRow, review_id)
        assert moved is not None and (moved.ref, moved.deadline, moved.active) == (
            "I.2",
            "Quý III/2026",
            True,
        )
        assert moved.content.endswith("và cập nhật.")
        dues = (
            (await s.execute(select(TaskDueRow.due_date).where(TaskDueRow.task_id == review_id)))
            .scalars()
            .all()
        )
        assert list(dues) == [date(2026, 9, 30)]
        assert (
            await s.scalar(
                select(func.count())
                .select_from(CompletionRow)
                .where(CompletionRow.task_id == review_id)
            )
            == 1
        )
        assert (
            await s.scalar(
                select(func.count()).select_from(SnoozeRow).where(SnoozeRow.task_id == review_id)
            )
            == 1
        )
        gone = (
            await s.execute(select(TaskRow).where(TaskRow.content.like("Báo cáo quý%")))
        ).scalar_one()
        assert not gone.active
        assert await s.scalar(select(func.count()).select_from(PlanRow)) == 1
        active = await stored_tasks(s)
    assert [t.ref for t in active] == ["I.1", "I.2", "I.3", "I.4"]
    assert next(t for t in active if t.ref == "I.3").support == ("Sở Nội vụ",)


async def test_a_dry_run_stores_nothing(sessions: Any) -> None:
    outcomes = await import_files(sessions, [SAMPLE], NOW, WorkCalendar(), dry_run=True)
    assert outcomes[0].result is not None and outcomes[0].result.created == 21
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(TaskRow)) == 0
        assert await s.scalar(select(func.count()).select_from(AuditRow)) == 0


async def test_the_docx_of_a_plan_already_imported_as_text_is_the_same_plan(sessions: Any) -> None:
    await _import(sessions, SAMPLE)
    again = await _import(sessions, SAMPLE.with_suffix(".docx"))
    assert again.created == 0 and again.deactivated == 0
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(PlanRow)) == 1
        assert await s.scalar(select(func.count()).select_from(TaskRow)) == 21


async def test_a_failure_half_way_through_a_plan_leaves_nothing_stored(
    sessions: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store import plans_repo

    # The last write of an import, after the tasks, due dates and mentions were written.
    async def failing(session: Any, task_ids: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(plans_repo, "deactivate_tasks", failing)
    with pytest.raises(RuntimeError):
        await import_files(sessions, [SAMPLE], NOW, WorkCalendar())
    async with sessions() as s:
        for model in (PlanRow, TaskRow, TaskDueRow, TaskUnitRow, AuditRow):
            assert await s.scalar(select(func.count()).select_from(model)) == 0
