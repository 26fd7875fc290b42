"""The store migrates on both backends and the unit of work rolls back unless committed."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from store.migrate import migrate
from store.models import SettingRow
from store.uow import UnitOfWork


async def test_migrations_are_idempotent(engine):
    await migrate(engine)  # already at head: nothing happens, nothing fails
    async with engine.connect() as conn:
        version = (await conn.exec_driver_sql("select version_num from alembic_version")).scalar()
    assert version is not None


async def test_unit_of_work_rolls_back_unless_committed(sessions):
    async with UnitOfWork(sessions) as uow:
        uow.session.add(SettingRow(key="province", value="Gia Lai"))
    async with UnitOfWork(sessions) as uow:
        count = await uow.session.scalar(select(func.count()).select_from(SettingRow))
    assert count == 0
    async with UnitOfWork(sessions) as uow:
        uow.session.add(SettingRow(key="province", value="Gia Lai"))
        await uow.commit()
    async with UnitOfWork(sessions) as uow:
        row = await uow.session.get(SettingRow, "province")
    assert row is not None and row.value == "Gia Lai"
    assert datetime.now(UTC).year >= 2025


async def test_a_read_only_unit_of_work_reads_without_blocking_a_writer_and_cannot_commit(
    sessions,
):
    import asyncio

    import pytest

    async with UnitOfWork(sessions) as uow:
        uow.session.add(SettingRow(key="province", value="Gia Lai"))
        await uow.commit()
    async with UnitOfWork(sessions, read_only=True) as reader:
        row = await reader.session.get(SettingRow, "province")
        assert row is not None and row.value == "Gia Lai"

        async def write() -> None:
            async with UnitOfWork(sessions) as writer:
                writer.session.add(SettingRow(key="note", value="x"))
                await writer.commit()

        # On SQLite a reader in a write transaction (BEGIN IMMEDIATE) would hold the writer
        # for the whole busy timeout (30 s).
        await asyncio.wait_for(write(), timeout=5)
        # Each statement reads the latest committed data.
        seen = await reader.session.scalar(select(func.count()).select_from(SettingRow))
        assert seen == 2
        with pytest.raises(RuntimeError):
            await reader.commit()
