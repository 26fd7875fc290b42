"""Officers and their roles: look-up, registration, removal, reminder settings, identification.

Nothing here commits: the caller's unit of work does. Errors the user should read are raised as
``bot.errors.NotAllowed`` / ``NotFound`` with a Vietnamese message. Invites and approvals are in
``services.invites``, group links in ``services.groups``, units by name in
``services.unit_lookup`` and the tasks a unit owes in ``services.unit_tasks``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import to_utc
from bot.errors import NotAllowed, NotFound
from bot.text import fold
from services.audit import audit
from store.models import OfficerRow, UnitRow

OFFICER, COORDINATOR, ADMIN = "officer", "coordinator", "administrator"
ROLES = (OFFICER, COORDINATOR, ADMIN)


@dataclass(frozen=True)
class Officer:
    """A registered person as the adapters see them."""

    id: int
    telegram_id: int
    name: str
    unit_id: int | None
    unit_name: str | None
    role: str
    status: str
    settings: dict[str, object] = field(default_factory=dict)

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @property
    def is_coordinator(self) -> bool:
        """Coordinators and administrators manage officers and plans."""
        return self.is_active and self.role in (COORDINATOR, ADMIN)


async def officer_from_row(session: AsyncSession, row: OfficerRow) -> Officer:
    """The officer a stored row describes, with their unit's name."""
    unit = await session.get(UnitRow, row.unit_id) if row.unit_id else None
    return Officer(
        row.id,
        row.telegram_id,
        row.name,
        row.unit_id,
        unit.name if unit else None,
        row.role,
        row.status,
        dict(row.settings or {}),
    )


async def get_officer(session: AsyncSession, telegram_id: int) -> Officer | None:
    """The officer with this Telegram id, whatever their status."""
    row = await session.scalar(select(OfficerRow).where(OfficerRow.telegram_id == telegram_id))
    return await officer_from_row(session, row) if row else None


async def get_officer_by_id(session: AsyncSession, officer_id: int) -> Officer | None:
    row = await session.get(OfficerRow, officer_id)
    return await officer_from_row(session, row) if row else None


async def identify(
    session: AsyncSession, telegram_id: int, name: str, admin_ids: tuple[int, ...], now: datetime
) -> Officer | None:
    """The officer behind a Telegram user; the deployment's first administrators are created here."""
    found = await get_officer(session, telegram_id)
    if found is not None or telegram_id not in admin_ids:
        return found
    return await add_officer(session, telegram_id, name, None, ADMIN, now)


async def add_officer(
    session: AsyncSession,
    telegram_id: int,
    name: str,
    unit_id: int | None,
    role: str,
    now: datetime,
    status: str = "active",
) -> Officer:
    """Create or update the officer with this Telegram id."""
    if role not in ROLES:
        raise NotAllowed(f"Vai trò không hợp lệ: {role} (officer, coordinator, administrator).")
    row = await session.scalar(select(OfficerRow).where(OfficerRow.telegram_id == telegram_id))
    if row is None:
        row = OfficerRow(telegram_id=telegram_id, created_at=to_utc(now), settings={})
        session.add(row)
    row.name, row.unit_id, row.role, row.status, row.chat_active = name, unit_id, role, status, True
    await audit(session, now, telegram_id, "officer.set", unit_id=unit_id, role=role, status=status)
    await session.flush()
    return await officer_from_row(session, row)


async def remove_officer(session: AsyncSession, telegram_id: int, now: datetime) -> bool:
    """Mark the officer removed (records stay); False when there is no such officer."""
    row = await session.scalar(select(OfficerRow).where(OfficerRow.telegram_id == telegram_id))
    if row is None:
        return False
    row.status = "removed"
    await audit(session, now, None, "officer.remove", telegram_id=telegram_id)
    await session.flush()
    return True


async def reopen_chat(session: AsyncSession, telegram_id: int) -> None:
    """The user wrote to the bot again: their chat can receive messages (after a block)."""
    row = await session.scalar(select(OfficerRow).where(OfficerRow.telegram_id == telegram_id))
    if row is not None and not row.chat_active:
        row.chat_active = True
        await session.flush()


async def list_officers(session: AsyncSession) -> list[Officer]:
    rows = (await session.scalars(select(OfficerRow).order_by(OfficerRow.id))).all()
    return [await officer_from_row(session, r) for r in rows]


async def find_officers(session: AsyncSession, name: str) -> list[Officer]:
    """Active officers whose name contains ``name`` (accents and case ignored)."""
    want = fold(name).strip()
    rows = (await session.scalars(select(OfficerRow).where(OfficerRow.status == "active"))).all()
    return [await officer_from_row(session, r) for r in rows if want and want in fold(r.name)]


async def update_settings(session: AsyncSession, officer_id: int, changes: dict[str, object]) -> dict[str, object]:  # fmt: skip
    """Merge ``changes`` into the officer's reminder settings; return the new settings."""
    row = await session.get(OfficerRow, officer_id)
    if row is None:
        raise NotFound("Không tìm thấy cán bộ.")
    merged = dict(row.settings or {})
    merged.update(changes)
    row.settings = merged
    await session.flush()
    return merged
