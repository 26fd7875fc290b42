"""Invites repository: single-use invite codes (hashes only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import stored_utc, to_utc
from store.models import InviteRow


@dataclass(frozen=True)
class Invite:
    """A stored invite code (by its hash)."""

    id: int
    unit_id: int
    role: str
    expires_at: datetime  # aware, UTC
    used: bool


class InvitesRepo:
    """``uow.invites``; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, code_hash: str, unit_id: int, role: str, created_by: int | None, expires_at: datetime) -> None:  # fmt: skip
        self._session.add(
            InviteRow(
                code_hash=code_hash,
                unit_id=unit_id,
                role=role,
                created_by=created_by,
                expires_at=to_utc(expires_at),
            )  # fmt: skip
        )
        await self._session.flush()

    async def by_hash(self, code_hash: str) -> Invite | None:
        row = await self._session.scalar(select(InviteRow).where(InviteRow.code_hash == code_hash))
        if row is None:
            return None
        return Invite(row.id, row.unit_id, row.role, stored_utc(row.expires_at), row.used_at is not None)  # fmt: skip

    async def spend(self, invite_id: int, telegram_id: int, now: datetime) -> bool:
        """Spend the code only if nobody spent it since it was read: concurrent redemptions queue
        on the row (PostgreSQL re-checks the condition once the first one commits; SQLite has one
        writer at a time), so exactly one of them gets True."""
        spent = await self._session.execute(
            update(InviteRow)
            .where(InviteRow.id == invite_id, InviteRow.used_at.is_(None))
            .values(used_at=to_utc(now), used_by=telegram_id)
            .execution_options(synchronize_session=False)
        )
        return getattr(spent, "rowcount", 0) == 1
