"""Locks between processes: replicas starting together prepare the store one at a time, and one
writer imports a given plan at a time (PostgreSQL advisory locks; SQLite has one writer anyway).
``Conflict`` is the error a write raises when another process stored the same key first."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

PREPARE_LOCK = 7007017
Conflict = IntegrityError


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


async def lock_plan(session: AsyncSession, identity: str) -> None:
    """PostgreSQL: one writer per plan at a time (until commit). SQLite has one writer anyway."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": identity}
        )
