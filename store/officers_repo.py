"""Officers repository: the officers table's rows become ``bot.officers.Officer`` objects."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import to_utc
from bot.officers import ADMIN, COORDINATOR, Officer
from store.models import OfficerRow, UnitRow


async def officer_from_row(session: AsyncSession, row: OfficerRow) -> Officer:
    """The officer a stored row describes, with their unit's name."""
    unit = await session.get(UnitRow, row.unit_id) if row.unit_id else None
    return _officer(row, unit.name if unit else None)


def _officer(row: OfficerRow, unit_name: str | None) -> Officer:
    return Officer(
        row.id,
        row.telegram_id,
        row.name,
        row.unit_id,
        unit_name,
        row.role,
        row.status,
        dict(row.settings or {}),
    )


# The officer behind an update, with their unit's name, in one round trip (every update asks).
_WITH_UNIT_NAME = (
    select(OfficerRow, UnitRow.name)
    .outerjoin(UnitRow, UnitRow.id == OfficerRow.unit_id)
    .where(OfficerRow.telegram_id == bindparam("telegram_id"))
)


class OfficersRepo:
    """``uow.officers``: look-ups and changes of officers; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _row(self, telegram_id: int) -> OfficerRow | None:
        return await self._session.scalar(
            select(OfficerRow).where(OfficerRow.telegram_id == telegram_id)
        )

    async def _many(self, rows: Sequence[OfficerRow]) -> list[Officer]:
        return [await officer_from_row(self._session, r) for r in rows]

    async def get(self, telegram_id: int) -> Officer | None:
        """The officer with this Telegram id, whatever their status."""
        found = (await self._session.execute(_WITH_UNIT_NAME, {"telegram_id": telegram_id})).first()
        return _officer(found[0], found[1]) if found else None

    async def get_by_id(self, officer_id: int) -> Officer | None:
        row = await self._session.get(OfficerRow, officer_id)
        return await officer_from_row(self._session, row) if row else None

    async def decided_at(self, telegram_id: int) -> tuple[Officer, datetime | None] | None:
        """The officer and when a coordinator last decided their request, if registered."""
        row = await self._row(telegram_id)
        if row is None:
            return None
        return await officer_from_row(self._session, row), row.decided_at

    async def save(
        self,
        telegram_id: int,
        name: str,
        unit_id: int | None,
        role: str,
        status: str,
        now: datetime,
    ) -> Officer:
        """Create or update the officer with this Telegram id (their chat open again)."""
        row = await self._row(telegram_id)
        if row is None:
            row = OfficerRow(telegram_id=telegram_id, created_at=to_utc(now), settings={})
            self._session.add(row)
        row.name, row.unit_id, row.role, row.status = name, unit_id, role, status
        row.chat_active = True
        await self._session.flush()
        return await officer_from_row(self._session, row)

    async def set_status(self, telegram_id: int, status: str) -> bool:
        """False when there is no such officer."""
        row = await self._row(telegram_id)
        if row is None:
            return False
        row.status = status
        await self._session.flush()
        return True

    async def decide(self, officer_id: int, status: str, now: datetime) -> Officer:
        """Record a coordinator's decision on a request (the row must exist)."""
        row = await self._session.get(OfficerRow, officer_id)
        assert row is not None
        row.status, row.decided_at = status, to_utc(now)
        await self._session.flush()
        return await officer_from_row(self._session, row)

    async def reopen_chat(self, telegram_id: int) -> None:
        """The user wrote to the bot again: their chat can receive messages (after a block)."""
        row = await self._row(telegram_id)
        if row is not None and not row.chat_active:
            row.chat_active = True
            await self._session.flush()

    async def all(self) -> list[Officer]:
        rows = (await self._session.scalars(select(OfficerRow).order_by(OfficerRow.id))).all()
        return await self._many(rows)

    async def active(self) -> list[Officer]:
        rows = await self._session.scalars(select(OfficerRow).where(OfficerRow.status == "active"))
        return await self._many(rows.all())

    async def active_in_roles(self, *roles: str) -> list[Officer]:
        """Active officers holding one of ``roles`` (default: coordinators and administrators)."""
        wanted = roles or (COORDINATOR, ADMIN)
        rows = await self._session.scalars(
            select(OfficerRow).where(OfficerRow.role.in_(wanted), OfficerRow.status == "active")
        )
        return await self._many(rows.all())

    async def update_settings(self, officer_id: int, changes: dict[str, object]) -> dict[str, object] | None:  # fmt: skip
        """Merge ``changes`` into the officer's reminder settings; None for an unknown officer."""
        row = await self._session.get(OfficerRow, officer_id)
        if row is None:
            return None
        merged = dict(row.settings or {})
        merged.update(changes)
        row.settings = merged
        await self._session.flush()
        return merged
