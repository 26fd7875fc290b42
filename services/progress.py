"""Done (✅) and snooze (⏰) on one occurrence of a task; both recorded in the audit trail.

The buttons of a reminder (Telegram and Zalo) call these. ``mark_done``, ``snooze`` and
``undo_done`` commit their unit of work (or the bare session handed in, through
``UnitOfWork.over``); the rows are ``uow.progress``'s (store/progress_repo.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.clock import to_utc
from bot.deadlines import WorkCalendar
from bot.phrases import DONE_MARK, snooze_mark
from bot.reminders.planner import snooze_kind
from store.uow import Session, UnitOfWork

# Completions of undated tasks are recorded against this day (see store.models.CompletionRow).
UNDATED = date(1900, 1, 1)


@dataclass(frozen=True)
class DoneResult:
    """``recorded`` is False when the unit had already marked this occurrence done."""

    recorded: bool
    dropped: int  # pending reminders of the occurrence that will no longer be sent


@dataclass(frozen=True)
class SnoozeResult:
    """The reminders moved: ``dropped`` pending ones before ``until``, replaced by one at ``until``."""

    until: datetime
    dropped: int


async def _audit(uow: UnitOfWork, now: datetime, by: int | None, action: str, /, **detail: object) -> None:  # fmt: skip
    """Record who did what (the officer's Telegram id as the actor)."""
    await uow.audit.record(now, await uow.progress.telegram_id(by), action, **detail)


async def is_done(db: UnitOfWork | Session, task_id: int, unit_id: int, due_date: date) -> bool:
    """True when ``unit_id`` has marked this occurrence of the task done."""
    return await UnitOfWork.over(db).progress.is_done(task_id, unit_id, due_date)


async def mark_done(
    db: UnitOfWork | Session,
    task_id: int,
    unit_id: int,
    due_date: date | None,
    officer_id: int | None,
    now: datetime,
) -> DoneResult:
    """Record that ``unit_id`` did this occurrence; stop its pending reminders for that unit.

    Idempotent: pressing ✅ twice records once. The unit's officers and its linked groups stop
    receiving reminders of this occurrence; other units owing the same task are untouched.
    Commits.
    """
    uow = UnitOfWork.over(db)
    now = to_utc(now)
    due = due_date or UNDATED
    recorded = False
    if not await uow.progress.is_done(task_id, unit_id, due):
        await uow.progress.add_done(task_id, unit_id, due, officer_id, now)
        recorded = True
    dropped = await uow.progress.drop_for_done(task_id, unit_id, due)
    await _audit(uow, now, officer_id, "task.done", task_id=task_id, unit_id=unit_id,
                 due_date=due.isoformat(), new=recorded)  # fmt: skip
    await uow.commit()
    return DoneResult(recorded=recorded, dropped=dropped)


async def snooze(
    db: UnitOfWork | Session,
    task_id: int,
    officer_id: int,
    due_date: date | None,
    until: datetime,
    now: datetime,
) -> SnoozeResult:
    """Move the officer's next reminder of this occurrence to ``until``.

    Pending reminders of the occurrence due before ``until`` are dropped and one reminder (kind
    ``snooze:<until>``) takes their place at ``until``; later ones stay. Snoozing again replaces
    the previous snooze. Commits.
    """
    uow = UnitOfWork.over(db)
    now, until = to_utc(now), to_utc(until)
    if until <= now:
        raise ValueError("snooze must move the reminder into the future")
    due = due_date or UNDATED
    await uow.progress.put_snooze(task_id, officer_id, due, until, now)
    dropped = await uow.progress.move_reminders(task_id, officer_id, due, until, snooze_kind(until))
    await _audit(uow, now, officer_id, "task.snooze", task_id=task_id, officer_id=officer_id,
                 due_date=due.isoformat(), until=until.isoformat())  # fmt: skip
    await uow.commit()
    return SnoozeResult(until=until, dropped=dropped)


async def undo_done(
    db: UnitOfWork | Session,
    task_id: int,
    unit_id: int,
    due_date: date | None,
    officer_id: int | None,
    now: datetime,
    since: datetime | None = None,
) -> bool:
    """Take back a ✅ (↩️ Hoàn tác): remove the unit's done mark of the occurrence and put back
    the reminders the mark had stopped (they were pending, so none was sent). False when the
    occurrence was not marked done (or, with ``since``, was marked before then). Commits when
    it took one back."""
    uow = UnitOfWork.over(db)
    now = to_utc(now)
    due = due_date or UNDATED
    if since is not None:
        done_at = await uow.progress.done_at(task_id, unit_id, due)
        if done_at is None or done_at < to_utc(since):
            return False
    if not await uow.progress.remove_done(task_id, unit_id, due):
        return False
    await uow.progress.restore_after_undo(task_id, unit_id, due)
    await _audit(uow, now, officer_id, "task.undone", task_id=task_id, unit_id=unit_id,
                 due_date=due.isoformat())  # fmt: skip
    await uow.commit()
    return True


def snooze_until(now: datetime, days: int, hour: int, cal: WorkCalendar) -> datetime:
    """⏰ "1 ngày"/"3 ngày": the ``days``-th working day after today, at the officer's reminder
    hour (pressed on a Friday evening, "1 ngày" is Monday at 08:00)."""
    day = cal.add_working_days(now.date(), max(1, days))
    return datetime.combine(day, time(hour), now.tzinfo)


async def marks(
    db: UnitOfWork | Session,
    unit_id: int,
    officer_id: int | None,
    occurrences: list[tuple[int, date | None]],
    now: datetime,
    tz: ZoneInfo,
) -> dict[tuple[int, date | None], str]:
    """What a message re-drawn after a press says beside each occurrence: "✅ đã hoàn thành"
    (done by the unit) or "⏰ nhắc lại …" (the officer's snooze still ahead)."""
    repo = UnitOfWork.over(db).progress
    tasks = sorted({t for t, _ in occurrences})
    if not tasks:
        return {}
    wanted = {(t, d or UNDATED): (t, d) for t, d in occurrences}
    out: dict[tuple[int, date | None], str] = {}
    if officer_id is not None:
        for t, d, until in await repo.snoozes(officer_id, tasks):
            at = until.astimezone(tz)
            if (t, d) in wanted and at > now:
                out[wanted[(t, d)]] = snooze_mark(at.date(), at.hour)
    for t, d in await repo.done_by(unit_id, tasks):
        if (t, d) in wanted:
            out[wanted[(t, d)]] = DONE_MARK
    return out
