"""The outbox repository, queueing side: the planners' insert-if-absent (under a lock: rows
without a task are not covered by the unique key) and stopping a chat's pending rows. Claims,
their leases and each claimed row's fate are in ``store.outbox_claims``; re-planning's reads and
removals of pending rows, and counts by status, in ``uow.planned`` (``store/planned_repo.py``).

Every instant is stored in UTC: SQLite keeps no offset, so all stored instants share one zone.
Functions take a session and never commit; the caller's unit of work does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.reminders.items import OVERDUE_KIND as OVERDUE_KIND
from bot.reminders.items import OutboxItem as OutboxItem
from bot.reminders.planner import Planned
from store.models import OutboxRow

CHUNK = 500
_PLAN_LOCK = 7_007_001  # PostgreSQL advisory lock serialising planners of one database


def dialect_of(session: AsyncSession) -> str:
    """ "sqlite" or "postgresql"."""
    return session.get_bind().dialect.name


def utc(at: datetime) -> datetime:
    """An aware UTC instant; naive values (read back from SQLite) are UTC already."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


async def lock_planning(session: AsyncSession) -> None:
    """Serialise planners: rows without a task (digests) are not covered by the unique key."""
    if dialect_of(session) == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PLAN_LOCK})


async def insert_planned(session: AsyncSession, planned: Sequence[Planned]) -> int:
    """Insert rows not already in the outbox (by chat, task, occurrence, kind); return how many."""
    if not planned:
        return 0
    await lock_planning(session)
    inserted = 0
    with_task = [p for p in planned if p.task_id is not None]
    without = [p for p in planned if p.task_id is None]
    if without:
        days = [p.due_date for p in without]
        existing = set(
            (
                await session.execute(
                    select(OutboxRow.chat_id, OutboxRow.due_date, OutboxRow.kind).where(
                        OutboxRow.task_id.is_(None),
                        OutboxRow.due_date.between(min(days), max(days)),
                    )
                )
            ).all()
        )
        fresh = [p for p in without if (p.chat_id, p.due_date, p.kind) not in existing]
        for p in fresh:
            session.add(_row(p))
        inserted += len(fresh)
    dialect = dialect_of(session)
    make = pg_insert if dialect == "postgresql" else sqlite_insert
    for i in range(0, len(with_task), CHUNK):
        chunk = with_task[i : i + CHUNK]
        stmt = (
            make(OutboxRow)
            .values([_values(p) for p in chunk])
            .on_conflict_do_nothing(index_elements=["chat_id", "task_id", "due_date", "kind"])
            .returning(OutboxRow.id)
        )
        inserted += len((await session.execute(stmt)).all())
    await session.flush()
    return inserted


def _values(p: Planned) -> dict[str, object]:
    return {
        "chat_id": p.chat_id,
        "officer_id": p.officer_id,
        "task_id": p.task_id,
        "due_date": p.due_date,
        "kind": p.kind,
        "send_at": utc(p.send_at),
        "status": "pending",
        "text": p.text,
        "attempts": 0,
    }


def _row(p: Planned) -> OutboxRow:
    return OutboxRow(**_values(p))


async def drop_pending_for_chat(session: AsyncSession, chat_id: int, reason: str) -> int:
    """Stop every pending row of a chat (the recipient blocked the bot or the chat is gone)."""
    result = await session.execute(
        update(OutboxRow)
        .where(OutboxRow.chat_id == chat_id, OutboxRow.status == "pending")
        .values(status="dropped", last_error=reason)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
