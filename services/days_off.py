"""Extra days off an administrator adds or removes, and what they move: the materialised real
last days (``task_due.last_day``) and the reminders not yet sent.

A day off can only move last days that fall on or after it, and only by the run of non-working
days it joins, so the occurrences re-read are those due from the day to the end of that run (plus
one for *trước* dates). Pending reminders from now on are taken out of the outbox and planned again
in the same transaction with the new calendar (``services.reminders.plan_outbox``), so nothing is
sent on a new day off, and sent or claimed rows keep their key, so nothing goes out twice. A
reminder whose new day has already passed goes out at once rather than never. Adding and removing
commit the unit of work they are given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.deadlines import Occurrence, WorkCalendar
from bot.errors import NotAllowed, NotFound
from bot.reminders.planner import Planned
from bot.vndate import format_date
from services import reminders, replanning
from services.calendar import work_calendar
from store import outbox_repo
from store.uow import Session, UnitOfWork

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_AHEAD = timedelta(days=731)  # two years
NOTE_LIMIT = 200  # the column's size
RUN_LIMIT = timedelta(days=60)  # longest run of days off looked at (Tết is about nine)
RESCUE_LOOKBACK = timedelta(days=45)  # how far back a reminder can move (30 working days ahead)
PLAN_AHEAD = timedelta(days=2)  # the scheduler's planning horizon


@dataclass(frozen=True)
class DayOff:
    """A day the offices are closed: an extra one (``added``) or a public holiday."""

    day: date
    name: str
    added: bool


@dataclass(frozen=True)
class Change:
    """What adding or removing a day off moved."""

    day: date
    added: bool
    moved: int  # occurrences whose real last day changed
    reminders_moved: int  # pending reminders now due at another time
    reminders_dropped: int  # pending reminders no longer sent (their day is now a day off)
    reminders_added: int  # reminders the new calendar adds (a digest moved to the next day)

    @property
    def replanned(self) -> int:
        return self.reminders_moved + self.reminders_dropped + self.reminders_added


def _today(now: datetime, tz: ZoneInfo) -> date:
    if now.tzinfo is None:
        raise ValueError("days off need an aware now")
    return now.astimezone(tz).date()


def _check_future(day: date, today: date) -> None:
    if day <= today:
        raise NotAllowed(
            f"{format_date(day)} đã qua hoặc là hôm nay: chỉ đổi được ngày nghỉ từ ngày mai trở đi."
        )
    if day > today + MAX_AHEAD:
        raise NotAllowed(
            f"{format_date(day)} quá xa: chỉ thêm được ngày nghỉ trong vòng 2 năm tới."
        )


async def add_day_off(
    uow: UnitOfWork,
    day: date,
    note: str | None,
    actor: int | None,
    now: datetime,
    tz: ZoneInfo = VN_TZ,
) -> Change:
    """Add an extra day off and commit (``actor``: the administrator's Telegram id, None from
    the CLI)."""
    _check_future(day, _today(now, tz))
    if day.weekday() >= 5:
        raise NotAllowed(f"{format_date(day)} là ngày cuối tuần, vốn đã là ngày nghỉ.")
    public = WorkCalendar().holiday_name(day)
    if public is not None:
        raise NotAllowed(f"{format_date(day)} đã là ngày nghỉ lễ ({public}).")
    note = " ".join((note or "").split())[:NOTE_LIMIT] or None
    if not await uow.days_off.add(day, note):
        raise NotAllowed(f"{format_date(day)} đã có trong danh sách ngày nghỉ.")
    calendar = await work_calendar(uow.session)
    change = await _recompute(uow, day, True, calendar, calendar, now, tz)
    await _audit(uow, now, actor, "day_off.add", change, note)
    await uow.commit()
    return change


async def remove_day_off(
    uow: UnitOfWork,
    day: date,
    actor: int | None,
    now: datetime,
    tz: ZoneInfo = VN_TZ,
) -> Change:
    """Remove an extra day off added before and commit; public holidays cannot be removed."""
    _check_future(day, _today(now, tz))
    found = await uow.days_off.find(day)
    if found is None:
        raise NotFound(f"{format_date(day)} không có trong danh sách ngày nghỉ bổ sung.")
    before = await work_calendar(uow.session)  # still has the day: it bounds the run it ended
    await uow.days_off.remove(day)
    calendar = await work_calendar(uow.session)
    change = await _recompute(uow, day, False, before, calendar, now, tz)
    await _audit(uow, now, actor, "day_off.remove", change, found[1])
    await uow.commit()
    return change


async def list_days_off(db: UnitOfWork | Session, start: date, end: date) -> list[DayOff]:
    """Public holidays and extra days off in [start, end], by date."""
    added = await UnitOfWork.over(db).days_off.between(start, end)
    public = WorkCalendar()
    out = [DayOff(d, note or "Ngày nghỉ bổ sung", True) for d, note in added.items()]
    d = start
    while d <= end:
        name = public.holiday_name(d)
        if name is not None and d not in added:
            out.append(DayOff(d, name, False))
        d += timedelta(days=1)
    return sorted(out, key=lambda x: x.day)


def _run_end(day: date, with_day_off: WorkCalendar) -> date:
    """The last day of the run of non-working days that ``day`` belongs to."""
    last = day
    while last - day < RUN_LIMIT and not with_day_off.is_working_day(last + timedelta(days=1)):
        last += timedelta(days=1)
    return last


async def _recompute(
    uow: UnitOfWork,
    day: date,
    added: bool,
    with_day_off: WorkCalendar,
    calendar: WorkCalendar,
    now: datetime,
    tz: ZoneInfo,
) -> Change:
    # Re-read the real last day of every occurrence due from ``day`` to the day after the run
    # (a *trước* date's limit is the day before it).
    moved = await uow.days_off.relast(
        day,
        _run_end(day, with_day_off) + timedelta(days=1),
        lambda due, before: calendar.last_day(Occurrence(due, before)),
    )
    kept, dropped, new = await _replan(uow.session, calendar, now, tz)
    return Change(day, added, moved, kept, dropped, new)


def _soonest(now: datetime, was: datetime, calendar: WorkCalendar, tz: ZoneInfo) -> datetime:
    """When a reminder whose new day has passed goes out: now on a working day, else at its
    usual hour on the next working day."""
    local = now.astimezone(tz)
    if calendar.is_working_day(local.date()):
        return now
    day = calendar.add_working_days(local.date(), 1)
    return datetime.combine(day, was.astimezone(tz).time(), tz)


async def _replan(
    session: Session, calendar: WorkCalendar, now: datetime, tz: ZoneInfo
) -> tuple[int, int, int]:
    """Take the pending reminders due from now on out of the outbox, plan them again with the
    new calendar, and count (moved, dropped, added)."""
    until = await reminders.planned_until(session)
    if until is None:
        return 0, 0, 0  # nothing planned yet: the first planning run reads the new calendar
    await outbox_repo.lock_planning(session)
    taken = await replanning.take_pending_planned(session, now)
    before = {t.key: t.send_at for t in taken}
    horizon = max([until, now + PLAN_AHEAD, *before.values()])
    # Reminders that the new calendar puts before now (a 3-day reminder of a last day that moved
    # back) go out as soon as possible rather than never.
    earlier = await reminders.preview(session, now - RESCUE_LOOKBACK, now, tz)
    rescued: list[Planned] = [
        replace(p, send_at=_soonest(now, before[k], calendar, tz))
        for p in earlier
        if p.task_id is not None and (k := (p.chat_id, p.task_id, p.due_date, p.kind)) in before
    ]
    await outbox_repo.insert_planned(session, rescued)
    await reminders.plan_outbox(session, now, ahead=horizon - now + timedelta(minutes=1), tz=tz)
    after = {t.key: t.send_at for t in await replanning.pending_planned(session, now)}
    moved = sum(1 for k, at in before.items() if k in after and after[k] != at)
    dropped = sum(1 for k in before if k not in after)
    added = sum(1 for k in after if k not in before)
    return moved, dropped, added


async def _audit(
    uow: UnitOfWork,
    now: datetime,
    actor: int | None,
    action: str,
    change: Change,
    note: str | None,
) -> None:
    await uow.audit.record(
        now,
        actor,
        action,
        day=change.day.isoformat(),
        note=note,
        occurrences_moved=change.moved,
        reminders_moved=change.reminders_moved,
        reminders_dropped=change.reminders_dropped,
        reminders_added=change.reminders_added,
    )
