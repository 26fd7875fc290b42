"""Done (✅) and snooze (⏰) on one occurrence of a task; both recorded in the audit trail.

The Telegram buttons of a reminder call these. Neither commits: the caller's unit of work does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import to_utc
from reminders.planner import snooze_kind
from services.audit import audit
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
