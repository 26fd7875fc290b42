"""Reminder use cases: load what the planner needs from the store, plan into the outbox."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from reminders import outbox, planner
from reminders.gather import work_calendar as work_calendar  # read by cli/ and the planner
from reminders.planner import Obligation, Planned, Recipient, Snooze, World
from reminders.policy import GROUP, from_settings
from reminders.texts import TaskLine
from services.unit_tasks import owed_occurrences
from store import assignments
from store.models import (
    CompletionRow,
    GroupChatRow,
    OfficerRow,
    SettingRow,
    SnoozeRow,
    UnitRow,
)
from store.uow import UnitOfWork

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


async def _covering(session: AsyncSession, unit_id: int) -> set[int]:
    from services.units import covering_unit_ids

    return await covering_unit_ids(session, unit_id) or {unit_id}


async def load_world(session: AsyncSession, start: datetime, end: datetime, tz: ZoneInfo) -> World:
    """Recipients with the occurrences their units owe, completions and snoozes."""
    recipients: list[Recipient] = []
    officers = (
        await session.scalars(
            select(OfficerRow).where(
                OfficerRow.status == "active",
                OfficerRow.chat_active.is_(True),
                OfficerRow.unit_id.is_not(None),
            )
        )
    ).all()
    for o in officers:
        assert o.unit_id is not None
        recipients.append(
            Recipient(o.telegram_id, o.unit_id, o.name, from_settings(o.settings), o.id)
        )
    groups = (
        await session.scalars(select(GroupChatRow).where(GroupChatRow.active.is_(True)))
    ).all()
    for g in groups:
        recipients.append(Recipient(g.chat_id, g.unit_id, g.title or str(g.chat_id), GROUP))
    covering = {u: await _covering(session, u) for u in {r.unit_id for r in recipients}}
    owed_units = set().union(*covering.values()) if covering else set()
    if not owed_units:
        return World([])
    first = start.astimezone(tz).date() - OVERDUE_LOOKBACK
    last = end.astimezone(tz).date() + AHEAD
    rows = await session.execute(owed_occurrences(owed_units, first, last))
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
    groups_ids = set(
        (
            await session.scalars(
                select(UnitRow.id).where(UnitRow.id.in_(owed_units), UnitRow.is_group.is_(True))
            )
        ).all()
    )
    world_recipients = []
    for rec in recipients:
        obs = [
            Obligation(line, direct=u not in groups_ids)
            for u in covering[rec.unit_id]
            for line in by_unit.get(u, [])
        ]
        world_recipients.append((rec, obs))
    units = {r.unit_id for r in recipients}
    done = {
        (t, u, d)
        for t, u, d in (
            await session.execute(
                select(CompletionRow.task_id, CompletionRow.unit_id, CompletionRow.due_date).where(
                    CompletionRow.unit_id.in_(units)
                )
            )
        ).all()
    }
    snoozes = {
        (s.task_id, s.officer_id, s.due_date): Snooze(outbox.utc(s.created_at), outbox.utc(s.until))
        for s in (
            await session.scalars(
                select(SnoozeRow).where(SnoozeRow.until >= outbox.utc(start) - timedelta(days=1))
            )
        ).all()
    }
    # An assignment counts while its assignee can be reminded (an active officer of that unit
    # with a chat that takes messages); otherwise the whole unit is reminded, as before.
    reachable = {(r.unit_id, r.officer_id) for r in recipients if r.officer_id is not None}
    assigned = {
        k: o
        for k, o in (await assignments.of_units(session, units)).items()
        if (k[1], o) in reachable
    }
    return World(world_recipients, done, snoozes, assigned)


async def preview(
    session: AsyncSession, start: datetime, end: datetime, tz: ZoneInfo = VN_TZ
) -> list[Planned]:
    """What would be sent in [start, end) (nothing is written)."""
    world = await load_world(session, start, end, tz)
    return planner.plan(world, await work_calendar(session), tz, start, end)


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
        uow.session, now, ahead=ahead, catchup=catchup, tz=tz, escalate_after=escalate_after
    )
    await uow.commit()
    return report


async def planned_until(session: AsyncSession) -> datetime | None:
    """The instant the outbox has been planned up to, or None before the first planning run."""
    mark = await session.get(SettingRow, PLANNED_UNTIL)
    return datetime.fromisoformat(mark.value) if mark is not None else None


async def plan_outbox(
    session: AsyncSession,
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
    s = session
    await outbox.lock_planning(s)
    mark = await s.get(SettingRow, PLANNED_UNTIL)
    end = now + ahead
    if mark is None:
        start = now  # a fresh deployment does not replay the past
    else:
        # Re-plan the last hour too: a task imported between two runs still gets its reminder.
        start = max(now - catchup, min(now - OVERLAP, datetime.fromisoformat(mark.value)))
    planned = await preview(s, start, end, tz)
    if escalate_after is not None:
        from services import escalation

        cal = await work_calendar(s)
        planned += await escalation.planned(s, cal, tz, start, end, escalate_after)
    inserted = await outbox.insert_planned(s, planned)
    value = end.astimezone(UTC).isoformat()
    if mark is None:
        s.add(SettingRow(key=PLANNED_UNTIL, value=value))
    elif datetime.fromisoformat(mark.value) < end:
        mark.value = value
    await s.flush()
    return PlanReport(start, end, len(planned), inserted)
