"""Done (✅) and snooze (⏰) on one occurrence of a task; both recorded in the audit trail.

The Telegram buttons of a reminder call these. Neither commits: the caller's unit of work does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import stored_utc, to_utc
from bot.deadlines import WorkCalendar
from bot.phrases import DONE_MARK, snooze_mark
from reminders.planner import snooze_kind
from services.audit import audit
from store import evidence_repo
from store.models import (
    CompletionRow,
    GroupChatRow,
    OfficerRow,
    OutboxRow,
    SnoozeRow,
)

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


async def _actor(session: AsyncSession, officer_id: int | None) -> int | None:
    if officer_id is None:
        return None
    return await session.scalar(select(OfficerRow.telegram_id).where(OfficerRow.id == officer_id))


async def _audit(
    session: AsyncSession, now: datetime, by: int | None, action: str, /, **detail: object
) -> None:
    """Record who did what (the officer's Telegram id as the actor)."""
    await audit(session, now, await _actor(session, by), action, **detail)


async def is_done(session: AsyncSession, task_id: int, unit_id: int, due_date: date) -> bool:
    """True when ``unit_id`` has marked this occurrence of the task done."""
    found = await session.scalar(
        select(CompletionRow.id).where(
            CompletionRow.task_id == task_id,
            CompletionRow.unit_id == unit_id,
            CompletionRow.due_date == due_date,
        )
    )
    return found is not None


async def mark_done(
    session: AsyncSession,
    task_id: int,
    unit_id: int,
    due_date: date | None,
    officer_id: int | None,
    now: datetime,
) -> DoneResult:
    """Record that ``unit_id`` did this occurrence; stop its pending reminders for that unit.

    Idempotent: pressing ✅ twice records once. The unit's officers and its linked groups stop
    receiving reminders of this occurrence; other units owing the same task are untouched.
    """
    now = to_utc(now)
    due = due_date or UNDATED
    recorded = False
    if not await is_done(session, task_id, unit_id, due):
        session.add(
            CompletionRow(
                task_id=task_id, unit_id=unit_id, due_date=due, officer_id=officer_id, done_at=now
            )
        )
        recorded = True
    officer_ids = select(OfficerRow.id).where(OfficerRow.unit_id == unit_id)
    group_chats = select(GroupChatRow.chat_id).where(GroupChatRow.unit_id == unit_id)
    dropped = await session.execute(
        update(OutboxRow)
        .where(
            OutboxRow.task_id == task_id,
            OutboxRow.due_date == due,
            OutboxRow.status == "pending",
            or_(OutboxRow.officer_id.in_(officer_ids), OutboxRow.chat_id.in_(group_chats)),
        )
        .values(status="dropped", last_error="done")
        .execution_options(synchronize_session=False)
    )
    await _audit(session, now, officer_id, "task.done", task_id=task_id, unit_id=unit_id,
                 due_date=due.isoformat(), new=recorded)  # fmt: skip
    await session.flush()
    return DoneResult(recorded=recorded, dropped=int(getattr(dropped, "rowcount", 0) or 0))


async def snooze(
    session: AsyncSession,
    task_id: int,
    officer_id: int,
    due_date: date | None,
    until: datetime,
    now: datetime,
) -> SnoozeResult:
    """Move the officer's next reminder of this occurrence to ``until``.

    Pending reminders of the occurrence due before ``until`` are dropped and one reminder (kind
    ``snooze:<until>``) takes their place at ``until``; later ones stay. Snoozing again replaces
    the previous snooze.
    """
    now, until = to_utc(now), to_utc(until)
    if until <= now:
        raise ValueError("snooze must move the reminder into the future")
    due = due_date or UNDATED
    existing = await session.scalar(
        select(SnoozeRow).where(
            SnoozeRow.task_id == task_id,
            SnoozeRow.officer_id == officer_id,
            SnoozeRow.due_date == due,
        )
    )
    if existing is None:
        session.add(
            SnoozeRow(
                task_id=task_id, officer_id=officer_id, due_date=due, until=until, created_at=now
            )
        )
    else:
        existing.until = until
        existing.created_at = now
    moved = (
        await session.scalars(
            select(OutboxRow)
            .where(
                OutboxRow.task_id == task_id,
                OutboxRow.officer_id == officer_id,
                OutboxRow.due_date == due,
                OutboxRow.status == "pending",
                OutboxRow.send_at < until,
            )
            .order_by(OutboxRow.send_at)
        )
    ).all()
    template = moved[-1] if moved else None
    for row in moved:
        row.status = "dropped"
        row.last_error = "snoozed"
    if template is not None:
        kind = snooze_kind(until)
        clash = await session.scalar(
            select(OutboxRow.id).where(
                and_(
                    OutboxRow.chat_id == template.chat_id,
                    OutboxRow.task_id == task_id,
                    OutboxRow.due_date == due,
                    OutboxRow.kind == kind,
                )
            )
        )
        if clash is None:
            session.add(
                OutboxRow(
                    chat_id=template.chat_id,
                    officer_id=officer_id,
                    task_id=task_id,
                    due_date=due,
                    kind=kind,
                    send_at=until,
                    status="pending",
                    text=template.text,
                    attempts=0,
                )
            )
    await _audit(session, now, officer_id, "task.snooze", task_id=task_id, officer_id=officer_id,
                 due_date=due.isoformat(), until=until.isoformat())  # fmt: skip
    await session.flush()
    return SnoozeResult(until=until, dropped=len(moved))


async def undo_done(
    session: AsyncSession,
    task_id: int,
    unit_id: int,
    due_date: date | None,
    officer_id: int | None,
    now: datetime,
    since: datetime | None = None,
) -> bool:
    """Take back a ✅ (↩️ Hoàn tác): remove the unit's done mark of the occurrence and put back
    the reminders the mark had stopped (they were pending, so none was sent). False when the
    occurrence was not marked done (or, with ``since``, was marked before then)."""
    now = to_utc(now)
    due = due_date or UNDATED
    if since is not None:
        done_at = await session.scalar(
            select(CompletionRow.done_at).where(
                CompletionRow.task_id == task_id,
                CompletionRow.unit_id == unit_id,
                CompletionRow.due_date == due,
            )
        )
        if done_at is None or stored_utc(done_at) < to_utc(since):
            return False
    await evidence_repo.remove(session, task_id, unit_id, due)  # the report attached to it
    removed = await session.execute(
        delete(CompletionRow)
        .where(
            CompletionRow.task_id == task_id,
            CompletionRow.unit_id == unit_id,
            CompletionRow.due_date == due,
        )
        .execution_options(synchronize_session=False)
    )
    if not int(getattr(removed, "rowcount", 0) or 0):
        return False
    officer_ids = select(OfficerRow.id).where(OfficerRow.unit_id == unit_id)
    group_chats = select(GroupChatRow.chat_id).where(GroupChatRow.unit_id == unit_id)
    await session.execute(
        update(OutboxRow)
        .where(
            OutboxRow.task_id == task_id,
            OutboxRow.due_date == due,
            OutboxRow.status == "dropped",
            OutboxRow.last_error == "done",
            or_(OutboxRow.officer_id.in_(officer_ids), OutboxRow.chat_id.in_(group_chats)),
        )
        .values(status="pending", last_error=None)
        .execution_options(synchronize_session=False)
    )
    await _audit(session, now, officer_id, "task.undone", task_id=task_id, unit_id=unit_id,
                 due_date=due.isoformat())  # fmt: skip
    await session.flush()
    return True


def snooze_until(now: datetime, days: int, hour: int, cal: WorkCalendar) -> datetime:
    """⏰ "1 ngày"/"3 ngày": the ``days``-th working day after today, at the officer's reminder
    hour (pressed on a Friday evening, "1 ngày" is Monday at 08:00)."""
    day = cal.add_working_days(now.date(), max(1, days))
    return datetime.combine(day, time(hour), now.tzinfo)


async def marks(
    session: AsyncSession,
    unit_id: int,
    officer_id: int | None,
    occurrences: list[tuple[int, date | None]],
    now: datetime,
    tz: ZoneInfo,
) -> dict[tuple[int, date | None], str]:
    """What a message re-drawn after a press says beside each occurrence: "✅ đã hoàn thành"
    (done by the unit) or "⏰ nhắc lại …" (the officer's snooze still ahead)."""
    tasks = sorted({t for t, _ in occurrences})
    if not tasks:
        return {}
    wanted = {(t, d or UNDATED): (t, d) for t, d in occurrences}
    out: dict[tuple[int, date | None], str] = {}
    if officer_id is not None:
        snoozed = await session.execute(
            select(SnoozeRow.task_id, SnoozeRow.due_date, SnoozeRow.until).where(
                SnoozeRow.officer_id == officer_id, SnoozeRow.task_id.in_(tasks)
            )
        )
        for t, d, until in snoozed.all():
            at = stored_utc(until).astimezone(tz)
            if (t, d) in wanted and at > now:
                out[wanted[(t, d)]] = snooze_mark(at.date(), at.hour)
    done = await session.execute(
        select(CompletionRow.task_id, CompletionRow.due_date).where(
            CompletionRow.unit_id == unit_id, CompletionRow.task_id.in_(tasks)
        )
    )
    for t, d in done.all():
        if (t, d) in wanted:
            out[wanted[(t, d)]] = DONE_MARK
    return out
