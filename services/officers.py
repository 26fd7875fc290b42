"""Officers and their roles: look-up, registration, removal, reminder settings, identification.

Each use case takes a unit of work; those that change something commit it (``save_officer``,
the one registration step shared by invites and approvals, does not: its caller commits). Errors
the user should read are raised as ``bot.errors.NotAllowed`` / ``NotFound`` with a Vietnamese
message. Invites and approvals are in ``services.invites``, group links in ``services.groups``,
units by name in ``services.unit_lookup`` and the tasks a unit owes in ``services.unit_tasks``.
"""

from __future__ import annotations

from datetime import datetime

from bot.errors import NotAllowed, NotFound
from bot.officers import ADMIN, COORDINATOR, OFFICER, ROLES, Officer
from bot.phrases import TEAM
from bot.text import fold
from store.uow import UnitOfWork

__all__ = ["ADMIN", "COORDINATOR", "OFFICER", "ROLES", "Officer"]


async def get_officer(uow: UnitOfWork, telegram_id: int) -> Officer | None:
    """The officer with this Telegram id, whatever their status."""
    return await uow.officers.get(telegram_id)


async def get_officer_by_id(uow: UnitOfWork, officer_id: int) -> Officer | None:
    return await uow.officers.get_by_id(officer_id)


async def identify(
    uow: UnitOfWork, telegram_id: int, name: str, admin_ids: tuple[int, ...], now: datetime
) -> Officer | None:
    """The officer behind a Telegram user; the deployment's first administrators are created
    (and committed) here."""
    found = await uow.officers.get(telegram_id)
    if found is not None or telegram_id not in admin_ids:
        return found
    return await add_officer(uow, telegram_id, name, None, ADMIN, now)


async def save_officer(
    uow: UnitOfWork,
    telegram_id: int,
    name: str,
    unit_id: int | None,
    role: str,
    now: datetime,
    status: str = "active",
) -> Officer:
    """Create or update the officer with this Telegram id, audited; the caller commits."""
    if role not in ROLES:
        raise NotAllowed(f"Vai trò không hợp lệ: {role} (officer, coordinator, administrator).")
    await uow.audit.record(now, telegram_id, "officer.set", unit_id=unit_id, role=role, status=status)  # fmt: skip
    return await uow.officers.save(telegram_id, name, unit_id, role, status, now)


async def add_officer(
    uow: UnitOfWork,
    telegram_id: int,
    name: str,
    unit_id: int | None,
    role: str,
    now: datetime,
    status: str = "active",
) -> Officer:
    """Create or update the officer with this Telegram id, and commit."""
    officer = await save_officer(uow, telegram_id, name, unit_id, role, now, status)
    await uow.commit()
    return officer


async def remove_officer(uow: UnitOfWork, telegram_id: int, now: datetime) -> bool:
    """Mark the officer removed (records stay); False when there is no such officer."""
    if not await uow.officers.set_status(telegram_id, "removed"):
        return False
    await uow.audit.record(now, None, "officer.remove", telegram_id=telegram_id)
    await uow.commit()
    return True


async def reopen_chat(uow: UnitOfWork, telegram_id: int) -> None:
    """The user wrote to the bot again: their chat can receive messages (after a block)."""
    await uow.officers.reopen_chat(telegram_id)
    await uow.commit()


async def list_officers(uow: UnitOfWork) -> list[Officer]:
    return await uow.officers.all()


async def find_officers(uow: UnitOfWork, name: str) -> list[Officer]:
    """Active officers whose name contains ``name`` (accents and case ignored)."""
    want = fold(name).strip()
    return [o for o in await uow.officers.active() if want and want in fold(o.name)]


async def update_settings(uow: UnitOfWork, officer_id: int, changes: dict[str, object]) -> dict[str, object]:  # fmt: skip
    """Merge ``changes`` into the officer's reminder settings, commit; return the new settings."""
    merged = await uow.officers.update_settings(officer_id, changes)
    if merged is None:
        raise NotFound("Không tìm thấy cán bộ.")
    await uow.commit()
    return merged


async def add_demo_people(uow: UnitOfWork, first_id: int, now: datetime, count: int = 4) -> None:
    """When nobody is registered: a coordinator (``first_id``) and an officer for each of the
    ``count`` units leading the most tasks (the console's demo people); commits."""
    if await uow.overview.has_officers():
        return
    await save_officer(uow, first_id, f"Cán bộ {TEAM} (thử)", None, COORDINATOR, now)
    for i, (unit_id, name) in enumerate(await uow.overview.busiest_lead_units(count), start=1):
        await save_officer(uow, first_id + i, f"Cán bộ {name}", unit_id, OFFICER, now)
    await uow.commit()
