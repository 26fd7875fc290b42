"""Races between processes (issue 11, item 5): one invite redeemed at once by several people,
migrations of a fresh PostgreSQL database and imports of one plan started by two processes at once."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from bot.deadlines import WorkCalendar
from bot.errors import NotAllowed
from services import invites
from services.imports import import_files
from store.db import make_engine, make_sessionmaker
from store.migrate import migrate
from store.models import InviteRow, OfficerRow, PlanRow, TaskRow, UnitRow
from store.uow import UnitOfWork
from tests.conftest import PG_ADMIN_URL, ROOT, _pg_available

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def _redeem(url: str, code: str, telegram_id: int) -> str:
    """One person's /start CODE on an engine of their own (another bot process, in effect)."""
    engine = make_engine(url)
    try:
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            await invites.redeem_invite(uow, code, telegram_id, f"Người {telegram_id}", NOW)
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
        code = await invites.create_invite(uow, unit.id, None, NOW)
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


SAMPLE = ROOT / "samples" / "ke_hoach_mau_2026.txt"


async def _import(url: str) -> Any:
    """`import SAMPLE` on an engine of its own (another process, in effect)."""
    engine = make_engine(url)
    try:
        [outcome] = await import_files(make_sessionmaker(engine), [SAMPLE], NOW, WorkCalendar())
        return outcome
    finally:
        await engine.dispose()


async def test_the_same_plan_imported_twice_at_once_is_stored_once_and_the_loser_is_told(
    db_url: str, sessions: Any
) -> None:
    first, second = await asyncio.gather(_import(db_url), _import(db_url))
    assert first.error is None and second.error is None, (first.error, second.error)
    results = sorted([first.result, second.result], key=lambda r: r.same_as_stored)
    assert (results[0].created, results[0].same_as_stored) == (21, False)
    assert (results[1].created, results[1].unchanged, results[1].same_as_stored) == (0, 21, True)
    async with sessions() as s:
        assert await s.scalar(select(func.count()).select_from(PlanRow)) == 1
        assert await s.scalar(select(func.count()).select_from(TaskRow)) == 21


def _cli_import(url: str, cwd: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "bot.py"), "--db", url, "import", str(SAMPLE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
    )


async def test_two_cli_imports_of_one_plan_on_a_fresh_database_both_end_cleanly(
    fresh_pg_url: str, tmp_path: Path
) -> None:
    # Both processes migrate the empty database, then import the same plan, at the same time.
    procs = [_cli_import(fresh_pg_url, tmp_path) for _ in range(2)]
    outputs = [await asyncio.to_thread(p.communicate, timeout=180) for p in procs]
    for p, (out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0 and "Traceback" not in err, (out, err)
    lines = sorted(out.strip() for out, _err in outputs)
    assert "đã có, không thay đổi" in lines[0], lines
    assert "đã nhập: 21 mới" in lines[1], lines
    engine = make_engine(fresh_pg_url)
    async with engine.connect() as conn:
        tasks = await conn.scalar(select(func.count()).select_from(TaskRow))
    await engine.dispose()
    assert tasks == 21
