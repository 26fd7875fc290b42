"""Replicas starting together prepare the store one at a time (PostgreSQL advisory lock)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

PREPARE_LOCK = 7007017


@asynccontextmanager
async def one_at_a_time(engine: AsyncEngine, key: int = PREPARE_LOCK) -> AsyncIterator[None]:
    """On PostgreSQL, hold a session-level lock on a connection of its own for the block (the
    others then find nothing to do); SQLite has one writer anyway."""
    if engine.dialect.name != "postgresql":
        yield
        return
    async with engine.connect() as lock:
        await lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        try:
            yield
        finally:
            await lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
