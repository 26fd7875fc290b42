"""Races between processes: one invite redeemed at once by several people, migrations of a
fresh PostgreSQL database started by two processes at once (issue 11, item 5)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select, text

from bot.errors import NotAllowed
from services import invites
from store.db import make_engine, make_sessionmaker
from store.migrate import migrate
from store.models import InviteRow, OfficerRow, UnitRow
from store.uow import UnitOfWork
from tests.conftest import PG_ADMIN_URL, _pg_available

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def _redeem(url: str, code: str, telegram_id: int) -> str:
    """One person's /start CODE on an engine of their own (another bot process, in effect)."""
    engine = make_engine(url)
    try:
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            await invites.redeem_invite(uow.session, code, telegram_id, f"Người {telegram_id}", NOW)
            await uow.commit()
        return "registered"
    except NotAllowed as exc:
        return exc.message
    finally:
        await engine.dispose()


async def test_one_invite_redeemed_by_three_people_at_once_registers_exactly_one(
    db_url: str, sessions: Any
) -> None:
    async with UnitOfWork(sessions) as uow:
        unit = UnitRow(key="so-tu-phap", name="Sở Tư pháp", kind="department")
        uow.session.add(unit)
        await uow.session.flush()
        code = await invites.create_invite(uow.session, unit.id, None, NOW)
        await uow.commit()
    answers = await asyncio.gather(*(_redeem(db_url, code, 700 + i) for i in range(3)))
    assert answers.count("registered") == 1, answers
    assert sum("đã được dùng" in a for a in answers) == 2, answers
    async with sessions() as s:
        officers = (await s.scalars(select(OfficerRow))).all()
        invite = (await s.scalars(select(InviteRow))).one()
    assert len(officers) == 1
    assert invite.used_by == officers[0].telegram_id


@pytest.fixture
async def fresh_pg_url() -> AsyncIterator[str]:
    """An empty PostgreSQL database (not migrated), dropped afterwards."""
    reason = await _pg_available()
    if reason:
        pytest.skip(reason)
    name = f"tthc_race_{uuid.uuid4().hex[:10]}"
    admin = make_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


async def _migrate(url: str) -> None:
    engine = make_engine(url)
    try:
        await migrate(engine)
    finally:
        await engine.dispose()


async def test_two_processes_migrating_a_fresh_database_at_once_both_succeed(
    fresh_pg_url: str,
) -> None:
    # Without a lock the two interleave their DDL and never finish (or one fails).
    await asyncio.wait_for(asyncio.gather(_migrate(fresh_pg_url), _migrate(fresh_pg_url)), 60)
    engine = make_engine(fresh_pg_url)
    async with engine.connect() as conn:
        versions = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
        units = await conn.scalar(select(func.count()).select_from(UnitRow))
    await engine.dispose()
    assert len(versions) == 1 and units == 0
