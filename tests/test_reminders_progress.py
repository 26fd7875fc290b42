"""Done (✅) and snooze (⏰): recorded once, audited, and they move the outbox."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from reminders_support import World, add_group, add_officer, add_task, add_unit
from sqlalchemy import select

from services.progress import mark_done, snooze, undo_done
from store.models import AuditRow, CompletionRow, OutboxRow, SnoozeRow
from store.uow import UnitOfWork

NOW = datetime(2025, 8, 18, 2, 0, tzinfo=UTC)
DUE = date(2025, 8, 20)


async def _world(sessions) -> World:  # type: ignore[no-untyped-def]
    world = World()
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        await add_unit(s, world, "sxd")
        await add_unit(s, world, "stc")
        await add_officer(s, world, "an", "sxd", 1001)
        await add_officer(s, world, "binh", "stc", 1002)
        await add_group(s, world, -500, "sxd")
        await add_task(s, world, "I.1", "Báo cáo tháng", [(DUE, DUE)], ["sxd"], ["stc"])
        for chat, officer in ((1001, world.officers["an"]), (1002, world.officers["binh"])):
            for kind, hours in (("before1", 0), ("dayof", 24)):
                s.add(
                    OutboxRow(
                        chat_id=chat,
                        officer_id=officer,
                        task_id=world.tasks["I.1"],
                        due_date=DUE,
                        kind=kind,
                        send_at=NOW + timedelta(hours=hours),
                        text=f"{kind} {chat}",
                    )
                )
        s.add(
            OutboxRow(
                chat_id=-500, task_id=world.tasks["I.1"], due_date=DUE, kind="dayof", send_at=NOW
            )
        )
        await uow.commit()
    return world


async def test_done_is_recorded_once_and_stops_only_that_units_reminders(sessions):
    world = await _world(sessions)
    for _ in range(2):
        async with UnitOfWork(sessions) as uow:
            await mark_done(
                uow.session, world.tasks["I.1"], world.units["sxd"], DUE, world.officers["an"], NOW
            )
            await uow.commit()
    async with UnitOfWork(sessions) as uow:
        done = (await uow.session.scalars(select(CompletionRow))).all()
        audit = (await uow.session.scalars(select(AuditRow))).all()
        rows = (await uow.session.scalars(select(OutboxRow).order_by(OutboxRow.id))).all()
    assert [(d.unit_id, d.due_date) for d in done] == [(world.units["sxd"], DUE)]
    assert [a.action for a in audit] == ["task.done", "task.done"]
    assert audit[0].actor == 1001
    status = {(r.chat_id, r.kind): r.status for r in rows}
    assert status[(1001, "before1")] == "dropped"
    assert status[(-500, "dayof")] == "dropped"
    assert status[(1002, "before1")] == "pending"


async def test_snooze_moves_the_next_reminder_and_keeps_later_ones(sessions):
    world = await _world(sessions)
    until = NOW + timedelta(hours=3)
    async with UnitOfWork(sessions) as uow:
        result = await snooze(
            uow.session, world.tasks["I.1"], world.officers["an"], DUE, until, NOW
        )
        await uow.commit()
    assert result.dropped == 1
    async with UnitOfWork(sessions) as uow:
        rows = (
            await uow.session.scalars(
                select(OutboxRow).where(OutboxRow.chat_id == 1001).order_by(OutboxRow.send_at)
            )
        ).all()
        snoozes = (await uow.session.scalars(select(SnoozeRow))).all()
        audit = (await uow.session.scalars(select(AuditRow))).all()
    pending = [(r.kind, r.send_at.replace(tzinfo=UTC)) for r in rows if r.status == "pending"]
    assert pending == [("snooze:2025-08-18T05:00", until), ("dayof", NOW + timedelta(hours=24))]
    assert rows[0].status == "dropped" and rows[0].last_error == "snoozed"
    assert len(snoozes) == 1 and snoozes[0].until.replace(tzinfo=UTC) == until
    assert [a.action for a in audit] == ["task.snooze"]


async def test_done_snooze_and_undo_commit_themselves(sessions):
    # The use cases commit: the handlers that call them no longer do (tests/test_layers.py).
    world = await _world(sessions)
    task, unit, officer = world.tasks["I.1"], world.units["sxd"], world.officers["an"]
    async with UnitOfWork(sessions) as uow:
        await mark_done(uow, task, unit, DUE, officer, NOW)
        await snooze(uow, task, world.officers["binh"], DUE, NOW + timedelta(hours=3), NOW)
    async with UnitOfWork(sessions) as uow:
        done = (await uow.session.scalars(select(CompletionRow))).all()
        snoozes = (await uow.session.scalars(select(SnoozeRow))).all()
    assert [(d.task_id, d.unit_id, d.due_date) for d in done] == [(task, unit, DUE)]
    assert [s.officer_id for s in snoozes] == [world.officers["binh"]]
    async with UnitOfWork(sessions) as uow:
        assert await undo_done(uow, task, unit, DUE, officer, NOW + timedelta(minutes=1))
    async with UnitOfWork(sessions) as uow:
        assert (await uow.session.scalars(select(CompletionRow))).all() == []
        actions = (await uow.session.scalars(select(AuditRow.action).order_by(AuditRow.id))).all()
        back = (
            await uow.session.scalars(
                select(OutboxRow.status).where(OutboxRow.chat_id.in_((1001, -500)))
            )
        ).all()
    assert actions == ["task.done", "task.snooze", "task.undone"]
    assert set(back) == {"pending"}  # the reminders the ✅ had stopped are back
