"""Reminder use cases: load what the planner needs from the store (``uow.reminders``,
``store/reminders_repo.py``), plan into the outbox."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.reminders import planner
from bot.reminders.planner import Obligation, Planned, Recipient, Snooze, World
from bot.reminders.policy import GROUP, from_settings
from bot.reminders.texts import TaskLine
from services.calendar import work_calendar as work_calendar  # read by cli/ and handlers
from store import assignments, outbox_repo
from store.uow import Session, UnitOfWork

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PLANNED_UNTIL = "reminders.planned_until"
OVERDUE_LOOKBACK = timedelta(days=400)  # how far back a missed occurrence is still reminded
AHEAD = timedelta(days=45)
OVERLAP = timedelta(hours=1)  # occurrences loaded beyond the window, for digests


@dataclass(frozen=True)
class PlanReport:
    """One planning run: the window planned and the rows it added to the outbox."""

    start: datetime
    end: datetime
    planned: int
    inserted: int


async def _covering(session: Session, unit_id: int) -> set[int]:
    from services.units import covering_unit_ids

    return await covering_unit_ids(session, unit_id) or {unit_id}


async def load_world(
    db: UnitOfWork | Session, start: datetime, end: datetime, tz: ZoneInfo
) -> World:
    """Recipients with the occurrences their units owe, completions and snoozes."""
    uow = UnitOfWork.over(db)
    repo = uow.reminders
    recipients: list[Recipient] = [
        Recipient(chat_id, unit_id, name, from_settings(settings), officer_id)
        for chat_id, unit_id, name, settings, officer_id in await repo.officers()
    ]
    for chat_id, unit_id, title in await repo.groups():
        recipients.append(Recipient(chat_id, unit_id, title or str(chat_id), GROUP))
    covering = {u: await _covering(uow.session, u) for u in {r.unit_id for r in recipients}}
    owed_units = set().union(*covering.values()) if covering else set()
    if not owed_units:
        return World([])
    first = start.astimezone(tz).date() - OVERDUE_LOOKBACK
    last = end.astimezone(tz).date() + AHEAD
    # The one "who owes what" select (issue 14), the lists' too.
    rows = await uow.tasks.owed_occurrences(owed_units, first, last)
    by_unit: dict[int, list[TaskLine]] = defaultdict(list)
    for unit_id, role, task_id, ref, content, _deadline, title, due, last_day, before in rows:
        by_unit[unit_id or 0].append(
            TaskLine(
                task_id,
                ref or "",
                content or "",
                due,
                last_day,
                bool(before),
                "lead" if role == "lead" else "support",
                title,
            )  # fmt: skip
        )
    groups_ids = await repo.group_ids(owed_units)
    world_recipients = []
    for rec in recipients:
        obs = [
            Obligation(line, direct=u not in groups_ids)
            for u in covering[rec.unit_id]
            for line in by_unit.get(u, [])
        ]
        world_recipients.append((rec, obs))
    units = {r.unit_id for r in recipients}
    done = await repo.done(units)
    snoozes = {
        key: Snooze(created, until)
        for key, (created, until) in (
            await repo.snoozes(outbox_repo.utc(start) - timedelta(days=1))
        ).items()
    }
    # An assignment counts while its assignee can be reminded (an active officer of that unit
    # with a chat that takes messages); otherwise the whole unit is reminded, as before.
    reachable = {(r.unit_id, r.officer_id) for r in recipients if r.officer_id is not None}
    assigned = {
        k: o
        for k, o in (await assignments.of_units(uow.session, units)).items()
        if (k[1], o) in reachable
    }
    return World(world_recipients, done, snoozes, assigned)


async def preview(
    db: UnitOfWork | Session, start: datetime, end: datetime, tz: ZoneInfo = VN_TZ
) -> list[Planned]:
    """What would be sent in [start, end) (nothing is written)."""
    uow = UnitOfWork.over(db)
    world = await load_world(uow, start, end, tz)
    return planner.plan(world, await work_calendar(uow.session), tz, start, end)


def day_start(d: date, tz: ZoneInfo = VN_TZ) -> datetime:
    return datetime.combine(d, time(0), tz)


async def plan_reminders(
    uow: UnitOfWork,
    now: datetime,
    *,
    ahead: timedelta = timedelta(days=2),
    catchup: timedelta = timedelta(days=3),
    tz: ZoneInfo = VN_TZ,
    escalate_after: int | None = None,
) -> PlanReport:
    """Write into the outbox what falls due from the last planned instant (at most ``catchup``
    ago, so reminders missed during downtime are planned once) up to ``now + ahead``; commits.
    With ``escalate_after`` (working days), also the coordinators' morning escalation lists
    (``services.escalation``).
    """
    report = await plan_outbox(
        uow, now, ahead=ahead, catchup=catchup, tz=tz, escalate_after=escalate_after
    )
    await uow.commit()
    return report


async def planned_until(db: UnitOfWork | Session) -> datetime | None:
    """The instant the outbox has been planned up to, or None before the first planning run."""
    mark = await UnitOfWork.over(db).settings.get(PLANNED_UNTIL)
    return datetime.fromisoformat(mark) if mark is not None else None


async def plan_outbox(
    db: UnitOfWork | Session,
    now: datetime,
    *,
    ahead: timedelta = timedelta(days=2),
    catchup: timedelta = timedelta(days=3),
    tz: ZoneInfo = VN_TZ,
    escalate_after: int | None = None,
) -> PlanReport:
    """``plan_reminders`` inside the caller's transaction (which commits), for use cases that
    change what the planner reads and re-plan in the same transaction (``services.days_off``).
    """
    if now.tzinfo is None:
        raise ValueError("plan_reminders needs an aware now")
    uow = UnitOfWork.over(db)
    s = uow.session
    await outbox_repo.lock_planning(s)
    mark = await planned_until(uow)
    end = now + ahead
    # A fresh deployment does not replay the past; later runs re-plan the last hour too (a task
    # imported between two runs still gets its reminder).
    start = now if mark is None else max(now - catchup, min(now - OVERLAP, mark))
    planned = await preview(uow, start, end, tz)
    if escalate_after is not None:
        from services import escalation

        cal = await work_calendar(s)
        planned += await escalation.planned(s, cal, tz, start, end, escalate_after)
    inserted = await outbox_repo.insert_planned(s, planned)
    if mark is None or mark < end:
        await uow.settings.set(PLANNED_UNTIL, end.astimezone(UTC).isoformat())
    return PlanReport(start, end, len(planned), inserted)
