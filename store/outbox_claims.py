"""The outbox repository, sending side: atomic claims with leases (a chat's due overdue rows
taken together), renewing them, and recording each claimed row's fate (sending, sent, released
for a later try, failed, dropped); a new sender lease holder's takeover of a dead one's claims,
and the groups' recent sends that rebuild their windows. ``store.outbox_repo`` queues the rows.

Every instant is stored in UTC; functions take a session and never commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from bot.reminders.items import OVERDUE_KIND, OutboxItem
from store.models import OutboxRow
from store.outbox_repo import dialect_of, utc

_CLAIM_LOCK = 7_007_002  # PostgreSQL advisory lock serialising claims of dispatchers (a
# transaction of a few milliseconds)


def _item(row: OutboxRow, reclaimed: bool) -> OutboxItem:
    return OutboxItem(
        id=row.id,
        chat_id=row.chat_id,
        officer_id=row.officer_id,
        task_id=row.task_id,
        due_date=row.due_date,
        kind=row.kind,
        send_at=utc(row.send_at),
        text=row.text or "",
        attempts=row.attempts or 0,
        reclaimed=reclaimed,
        in_flight=row.status == "sending",
    )


HELD = ("claimed", "sending")  # a worker holds the row: claimed, or its request has left


def _due(now: datetime, lease: timedelta, worker: str):  # type: ignore[no-untyped-def]
    """Rows ready to send now, or claimed by another worker whose lease has run out."""
    return or_(
        and_(
            OutboxRow.status == "pending",
            OutboxRow.send_at <= now,
            or_(OutboxRow.next_try_at.is_(None), OutboxRow.next_try_at <= now),
        ),
        and_(
            OutboxRow.status.in_(HELD),
            OutboxRow.claimed_at < now - lease,
            OutboxRow.claimed_by != worker,
        ),
    )


async def claim(
    session: AsyncSession,
    worker: str,
    now: datetime,
    limit: int,
    lease: timedelta,
    late_after: timedelta,
) -> list[OutboxItem]:
    """Claim up to ``limit`` due rows for ``worker``, oldest first, plus every other due row of
    the same chats that goes out in the same message (``bot.reminders.gather``): their late rows (a
    catch-up after downtime) and their overdue rows (one list per recipient and morning).

    Atomic on both backends: PostgreSQL locks the rows (``FOR UPDATE SKIP LOCKED``) so another
    dispatcher skips them, and claims are serialised by an advisory lock so that two dispatchers
    never split one recipient's list between them; SQLite holds the database's write lock from
    ``BEGIN IMMEDIATE``.
    """
    now = utc(now)
    if dialect_of(session) == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _CLAIM_LOCK})
    picked = (
        await session.scalars(
            select(OutboxRow)
            .where(_due(now, lease, worker))
            # Groups first among rows due at once: twenty a minute is the scarcest budget, so
            # their minutes start early while private chats fill the rest of the pace.
            .order_by(OutboxRow.send_at, OutboxRow.chat_id >= 0, OutboxRow.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    ).all()
    rows = list(picked)
    chats = {
        r.chat_id
        for r in rows
        if utc(r.send_at) < now - late_after or r.kind.startswith(OVERDUE_KIND)
    }
    if chats:
        ids = {r.id for r in rows}
        more = (
            await session.scalars(
                select(OutboxRow)
                .where(
                    _due(now, lease, worker),
                    OutboxRow.chat_id.in_(chats),
                    or_(
                        OutboxRow.send_at < now - late_after,
                        OutboxRow.kind.startswith(OVERDUE_KIND),
                    ),
                    OutboxRow.id.not_in(ids),
                )
                .order_by(OutboxRow.send_at, OutboxRow.id)
                .limit(5 * limit)
                .with_for_update(skip_locked=True)
            )
        ).all()
        rows.extend(more)
    if not rows:
        return []
    items = [_item(r, reclaimed=r.status in HELD) for r in rows]
    await session.execute(
        update(OutboxRow)
        .where(OutboxRow.id.in_([r.id for r in rows]))
        .values(status="claimed", claimed_by=worker, claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    return items


async def renew(session: AsyncSession, worker: str, now: datetime) -> int:
    """Extend this worker's lease on every row it still holds."""
    result = await session.execute(
        update(OutboxRow)
        .where(OutboxRow.claimed_by == worker, OutboxRow.status.in_(HELD))
        .values(claimed_at=utc(now))
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _still_claimed(ids: Sequence[int], worker: str) -> tuple[ColumnElement[bool], ...]:
    """The rows of ``ids`` this worker still holds (a taken-over claim is another's)."""
    return (
        OutboxRow.id.in_(list(ids)),
        OutboxRow.claimed_by == worker,
        OutboxRow.status.in_(HELD),
    )


async def mark_sending(
    session: AsyncSession, ids: Sequence[int], worker: str, now: datetime
) -> int:
    """Just before a send's request leaves: from here on Telegram may have it (a crash now
    leaves an ambiguous row, never sent again before ``in_flight_max``). Returns how many rows
    were still this worker's claim (0: another worker took them over, do not send)."""
    result = await session.execute(
        update(OutboxRow)
        .where(*_still_claimed(ids, worker))
        .values(status="sending", claimed_at=utc(now))
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def mark_sent(
    session: AsyncSession, ids: Sequence[int], worker: str, message_id: int, now: datetime
) -> int:
    """Record a delivered message; returns how many rows were still this worker's claim."""
    result = await session.execute(
        update(OutboxRow)
        .where(*_still_claimed(ids, worker))
        .values(
            status="sent",
            sent_at=utc(now),
            message_id=message_id,
            attempts=OutboxRow.attempts + 1,
            last_error=None,
        )
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def release(
    session: AsyncSession,
    ids: Sequence[int],
    worker: str,
    next_try_at: datetime,
    error: str,
    tries: int,
    max_attempts: int,
) -> None:
    """Give claimed rows back for a later try; rows out of attempts fail for good."""
    base = update(OutboxRow).where(
        OutboxRow.id.in_(list(ids)), OutboxRow.claimed_by == worker, OutboxRow.status.in_(HELD)
    )
    await session.execute(
        base.values(
            status="pending",
            claimed_by=None,
            next_try_at=utc(next_try_at),
            attempts=OutboxRow.attempts + tries,
            last_error=error[:500],
        ).execution_options(synchronize_session=False)
    )
    await session.execute(
        update(OutboxRow)
        .where(
            OutboxRow.id.in_(list(ids)),
            OutboxRow.status == "pending",
            OutboxRow.attempts >= max_attempts,
        )
        .values(status="failed")
        .execution_options(synchronize_session=False)
    )


async def mark_failed(
    session: AsyncSession, ids: Sequence[int], worker: str | None, error: str
) -> None:
    """A permanent failure (blocked, chat gone, message refused): never retried."""
    cond: list[ColumnElement[bool]] = [OutboxRow.id.in_(list(ids))]
    if worker is not None:
        cond.append(OutboxRow.claimed_by == worker)
    await session.execute(
        update(OutboxRow)
        .where(*cond)
        .values(status="failed", last_error=error[:500], attempts=OutboxRow.attempts + 1)
        .execution_options(synchronize_session=False)
    )


async def mark_dropped(session: AsyncSession, ids: Sequence[int], reason: str) -> None:
    """Rows that will not be sent: done, stale after downtime, recipient inactive."""
    if not ids:
        return
    await session.execute(
        update(OutboxRow)
        .where(OutboxRow.id.in_(list(ids)))
        .values(status="dropped", last_error=reason)
        .execution_options(synchronize_session=False)
    )


async def orphan_claims(
    session: AsyncSession,
    worker: str,
    now: datetime,
    lease: timedelta,
    in_flight_max: timedelta,
) -> int:
    """The sender lease changed hands, so the other workers are dead or no longer allowed to
    send: their claimed rows become claimable now (still marked ``reclaimed``); their 'sending'
    rows (a request that may have reached Telegram) only ``in_flight_max`` from now, once a
    stalled holder's request cannot still be in flight."""
    result = await session.execute(
        update(OutboxRow)
        .where(OutboxRow.status == "claimed", OutboxRow.claimed_by != worker)
        .values(claimed_at=datetime(1970, 1, 1, tzinfo=UTC))
        .execution_options(synchronize_session=False)
    )
    later = utc(now) - lease + in_flight_max
    await session.execute(
        update(OutboxRow)
        .where(
            OutboxRow.status == "sending",
            OutboxRow.claimed_by != worker,
            OutboxRow.claimed_at > later,
        )
        .values(claimed_at=later)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def hand_back(session: AsyncSession, ids: Sequence[int], worker: str) -> int:
    """Give claimed rows that were never tried back as they were (the sender lease was lost)."""
    result = await session.execute(
        update(OutboxRow)
        .where(
            OutboxRow.id.in_(list(ids)),
            OutboxRow.claimed_by == worker,
            OutboxRow.status == "claimed",
        )
        .values(status="pending", claimed_by=None, claimed_at=None)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def recent_group_sends(session: AsyncSession, since: datetime) -> dict[int, list[datetime]]:
    """When each group chat was sent a message since ``since`` (its twenty-a-minute window),
    counting the sends still in flight (or cut short by a crash: Telegram may have them)."""
    sent = select(OutboxRow.chat_id, OutboxRow.sent_at).where(
        OutboxRow.status == "sent", OutboxRow.chat_id < 0, OutboxRow.sent_at >= utc(since)
    )
    sending = select(OutboxRow.chat_id, OutboxRow.claimed_at).where(
        OutboxRow.status == "sending", OutboxRow.chat_id < 0, OutboxRow.claimed_at >= utc(since)
    )
    out: dict[int, list[datetime]] = {}
    for query in (sent, sending):
        for chat_id, at in (await session.execute(query)).all():
            if at is not None:
                out.setdefault(int(chat_id), []).append(utc(at))
    return out
