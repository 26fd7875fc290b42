"""Shared fixtures: a real SQLite file and the local PostgreSQL, both migrated."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from store.db import make_engine, make_sessionmaker
from store.migrate import migrate
from store.models import Base

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TTHC_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
PG_ADMIN_URL = os.environ.get("TTHC_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def seeds_or_skip() -> list[Path]:
    """The seed plans, or skip with a reason when ../shared/seeds is absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed plans not found at {SEEDS}")
    return sorted(SEEDS.glob("*.txt"))


def gold_or_skip() -> list[Path]:
    """The gold annotations, or skip with a reason when ../shared/gold is absent."""
    if not GOLD.is_dir():
        pytest.skip(f"gold annotations not found at {GOLD}")
    return sorted(GOLD.glob("*.json"))


def _run(coro_factory):  # type: ignore[no-untyped-def]
    """Run a coroutine to completion in a thread of its own (safe inside a running loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(coro_factory())).result()


async def _pg_available() -> str | None:
    engine = make_engine(PG_ADMIN_URL)
    try:
        async with engine.connect() as conn:
            await conn.execute(text("select 1"))
        return None
    except Exception as exc:  # any failure to connect means: skip the PostgreSQL run
        return f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc.__class__.__name__}"
    finally:
        await engine.dispose()


@asynccontextmanager
async def empty_database(
    dialect: str, tmp_path: Path, prefix: str = "tthc_tmp"
) -> AsyncIterator[str]:
    """The URL of an empty database of its own (no tables), dropped afterwards: a SQLite file
    under ``tmp_path``, or a new database on the local PostgreSQL (skips when unreachable)."""
    if dialect == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / f'{prefix}.db'}"
        return
    reason = await _pg_available()
    if reason:
        pytest.skip(reason)
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = make_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, migrated; dropped at the end."""
    reason = _run(_pg_available)
    if reason:
        pytest.skip(reason)
    name = f"tthc_test_{uuid.uuid4().hex[:10]}"

    async def create() -> None:
        admin = make_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        await admin.dispose()
        engine = make_engine(PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name)
        await migrate(engine)
        await engine.dispose()

    async def drop() -> None:
        admin = make_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()

    _run(create)
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    _run(drop)


@pytest.fixture(params=["sqlite", "postgresql"])
async def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A migrated, empty database URL: a real SQLite file, then the local PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'tthc.db'}"
        engine = make_engine(url)
        await migrate(engine)
        await engine.dispose()
        yield url
        return
    url = request.getfixturevalue("pg_database")
    engine = make_engine(url)
    # Every table but the revision tokens: the triggers on the emptied tables renew those.
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables if t.name != "revisions")
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    await engine.dispose()
    yield url


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on the test database, disposed after the test."""
    eng = make_engine(db_url)
    yield eng
    await eng.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine):  # type: ignore[no-untyped-def]
    """A session factory on the test database."""
    return make_sessionmaker(engine)
