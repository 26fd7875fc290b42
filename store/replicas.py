"""What several bot processes on one database share: the sender lease, the webhook updates
received, and plan previews waiting for 📥 Nhập.

Functions take a session and never commit; the caller's unit of work does. Instants are UTC;
``db_now`` is the database server's clock on PostgreSQL (one clock for every replica).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    DateTime,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    bindparam,
    case,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base


class SenderLeaseRow(Base):
    """One row per bot token: who sends reminders (``holder``) until ``expires_at``."""

    __tablename__ = "sender_leases"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(64))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    fence: Mapped[int] = mapped_column(Integer, default=0)  # +1 at every change of holder


class WebhookUpdateRow(Base):
    """An update received through the webhook: working (by ``owner``) → done."""

    __tablename__ = "webhook_updates"
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12))
    owner: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PlanPreviewRow(Base):
    """A plan file previewed to a coordinator, waiting for 📥 Nhập or Hủy."""

    __tablename__ = "plan_previews"
    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger)
    name: Mapped[str] = mapped_column(String(255))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def _utc(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _pg(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _insert(session: AsyncSession):  # type: ignore[no-untyped-def]
    return pg_insert if _pg(session) else sqlite_insert


async def db_now(session: AsyncSession) -> datetime:
    """The database's clock on PostgreSQL (shared by all replicas), this host's on SQLite."""
    if _pg(session):
        at: datetime = (await session.execute(select(func.clock_timestamp()))).scalar_one()
        return _utc(at)
    return datetime.now(UTC)


# --------------------------------------------------------------------------- sender lease
@dataclass(frozen=True)
class Lease:
    """A held lease: ``taken`` when it just changed hands (the previous holder is dead or
    stalled: its claims are orphans)."""

    fence: int
    taken: bool
    previous: str | None
    expires_at: datetime


async def hold_lease(session: AsyncSession, name: str, holder: str, ttl: timedelta) -> Lease | None:
    """Take the lease ``name`` for ``holder`` (or renew it); None while another holds it.

    The row is locked (``FOR UPDATE``) for the rest of the transaction, so a takeover and the
    holder's claims in the same transaction are serialised.
    """
    await session.execute(
        _insert(session)(SenderLeaseRow)
        .values(name=name, holder=None, expires_at=None, fence=0)
        .on_conflict_do_nothing(index_elements=["name"])
    )
    now = await db_now(session)
    row = (
        await session.execute(
            select(SenderLeaseRow.holder, SenderLeaseRow.expires_at, SenderLeaseRow.fence)
            .where(SenderLeaseRow.name == name)
            .with_for_update()
        )
    ).one()
    expires = now + ttl
    free = row.holder is None or row.expires_at is None or _utc(row.expires_at) <= now
    if row.holder != holder and not free:
        return None
    taken = row.holder != holder
    fence = row.fence + (1 if taken else 0)
    await session.execute(
        update(SenderLeaseRow)
        .where(SenderLeaseRow.name == name)
        .values(holder=holder, expires_at=expires, fence=fence)
    )
    return Lease(fence, taken, row.holder if taken else None, expires)


async def drop_lease(session: AsyncSession, name: str, holder: str) -> None:
    """Give the lease up (a clean stop), so another process takes it at once."""
    await session.execute(
        update(SenderLeaseRow)
        .where(SenderLeaseRow.name == name, SenderLeaseRow.holder == holder)
        .values(holder=None, expires_at=None)
    )


async def lease_holder(session: AsyncSession, name: str) -> str | None:
    return await session.scalar(select(SenderLeaseRow.holder).where(SenderLeaseRow.name == name))


# --------------------------------------------------------------------------- webhook updates
def _now(session: AsyncSession) -> Any:
    """The current instant inside a statement: the database's clock on PostgreSQL (no round
    trip of its own), this host's on SQLite."""
    return (
        func.clock_timestamp(type_=DateTime(timezone=True)) if _pg(session) else datetime.now(UTC)
    )


async def record_update(
    session: AsyncSession,
    update_id: int,
    payload: dict[str, Any] | str,
    owner: str,
    stale: timedelta,
) -> bool:
    """Record a received update (insert-or-ignore); True when ``owner`` should handle it now:
    it is new, or another replica took it more than ``stale`` ago and never finished.
    ``payload``: the update, or its JSON text as received (stored as it is).

    Each statement is atomic alone: fit for a single-statement unit of work."""
    pg = _pg(session)
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    params: dict[str, Any] = {"p_id": update_id, "p_payload": text, "p_owner": owner}
    if not pg:
        params["p_now"] = datetime.now(UTC)
    inserted = (await session.execute(_webhook_statements(pg)[0], params)).first()
    if inserted is not None:
        return True
    return await _steal(session, [update_id], owner, _now(session), stale) == [update_id]


@cache
def _webhook_statements(pg: bool) -> tuple[Any, Any]:
    """Recording and finishing an update, built once per dialect (every update runs both; on
    the table, not the ORM entity, as they load no objects): parameters ``p_id``, ``p_owner``,
    ``p_payload`` (recording), and ``p_now`` on SQLite (PostgreSQL's clock is the statement's)."""
    table = cast(Table, WebhookUpdateRow.__table__)
    now = (
        func.clock_timestamp(type_=DateTime(timezone=True))
        if pg
        else bindparam("p_now", type_=DateTime(timezone=True))
    )
    record = (
        (pg_insert if pg else sqlite_insert)(table)
        .values(
            update_id=bindparam("p_id"),
            payload=bindparam("p_payload"),
            status="working",
            owner=bindparam("p_owner"),
            claimed_at=now,
        )
        .on_conflict_do_nothing(index_elements=["update_id"])
        .returning(table.c.update_id)
    )
    finish = (
        update(table)
        .where(table.c.update_id == bindparam("p_id"))
        .values(status="done", done_at=now, owner=bindparam("p_owner"))
    )
    return record, finish


async def _steal(
    session: AsyncSession, ids: list[int], owner: str, now: Any, stale: timedelta
) -> list[int]:
    result = await session.execute(
        update(WebhookUpdateRow)
        .where(
            WebhookUpdateRow.update_id.in_(ids),
            WebhookUpdateRow.status == "working",
            WebhookUpdateRow.claimed_at < now - stale,
        )
        .values(owner=owner, claimed_at=now)
        .returning(WebhookUpdateRow.update_id)
        .execution_options(synchronize_session=False)
    )
    return sorted(int(r[0]) for r in result.all())


async def abandoned_updates(
    session: AsyncSession, owner: str, stale: timedelta, limit: int = 50
) -> list[dict[str, Any]]:
    """Take over updates left working for longer than ``stale`` (their replica died); return
    their payloads, oldest first."""
    now = await db_now(session)
    ids = list(
        (
            await session.scalars(
                select(WebhookUpdateRow.update_id)
                .where(
                    WebhookUpdateRow.status == "working",
                    WebhookUpdateRow.claimed_at < now - stale,
                )
                .order_by(WebhookUpdateRow.update_id)
                .limit(limit)
            )
        ).all()
    )
    if not ids:
        return []
    taken = await _steal(session, ids, owner, now, stale)
    rows = await session.scalars(
        select(WebhookUpdateRow.payload)
        .where(WebhookUpdateRow.update_id.in_(taken))
        .order_by(WebhookUpdateRow.update_id)
    )
    return [json.loads(p) for p in rows.all()]


async def finish_update(session: AsyncSession, update_id: int, owner: str) -> None:
    pg = _pg(session)
    params: dict[str, Any] = {"p_id": update_id, "p_owner": owner}
    if not pg:
        params["p_now"] = datetime.now(UTC)
    await session.execute(_webhook_statements(pg)[1], params)


async def prune_updates(session: AsyncSession, older_than: timedelta) -> int:
    """Forget handled updates (Telegram re-sends for a day at most)."""
    now = await db_now(session)
    result = await session.execute(
        delete(WebhookUpdateRow).where(
            WebhookUpdateRow.status == "done", WebhookUpdateRow.claimed_at < now - older_than
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


# --------------------------------------------------------------------------- plan previews
async def put_preview(
    session: AsyncSession,
    token: str,
    telegram_id: int,
    name: str,
    data: bytes,
    keep: int,
    max_bytes: int | None = None,
) -> None:
    """Store a preview; only the newest ``keep`` previews, of at most ``max_bytes`` in all, are
    kept (never-confirmed ones go; the newest always stays)."""
    session.add(PlanPreviewRow(token=token, telegram_id=telegram_id, name=name[:255], data=data,
                               created_at=await db_now(session)))  # fmt: skip
    await session.flush()
    rows = (
        await session.execute(
            select(PlanPreviewRow.token, func.length(PlanPreviewRow.data)).order_by(
                case((PlanPreviewRow.token == token, 0), else_=1),
                PlanPreviewRow.created_at.desc(),
                PlanPreviewRow.token,
            )
        )
    ).all()
    old, total = [], 0
    for i, (tok, size) in enumerate(rows):
        total += int(size or 0)
        if i > 0 and (i >= keep or (max_bytes is not None and total > max_bytes)):
            old.append(tok)
    if old:
        await session.execute(delete(PlanPreviewRow).where(PlanPreviewRow.token.in_(old)))


async def take_preview(
    session: AsyncSession, token: str, telegram_id: int
) -> tuple[str, bytes] | None:
    """Remove and return ``telegram_id``'s preview (file name, bytes); None if gone or someone
    else's. One taker wins when two replicas confirm at once (deleted with RETURNING)."""
    row = (
        await session.execute(
            delete(PlanPreviewRow)
            .where(PlanPreviewRow.token == token, PlanPreviewRow.telegram_id == telegram_id)
            .returning(PlanPreviewRow.name, PlanPreviewRow.data)
        )
    ).first()
    return None if row is None else (str(row[0]), bytes(row[1]))
