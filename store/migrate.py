"""Run Alembic migrations on an async engine (inside or outside a running loop)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = Path(__file__).parent / "migrations"
# Key of the PostgreSQL advisory lock that serialises migrations (any constant the bot owns).
MIGRATION_LOCK_KEY = 0x7474_6863_6D69_67  # "tthcmig"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at ``store/migrations``, sharing ``connection`` if given."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


async def migrate(engine: AsyncEngine, revision: str = "head") -> None:
    """Upgrade the database to ``revision``; a no-op when it is already there.

    On PostgreSQL several processes may start at once on a fresh database (the bot, a CLI
    import): a session-level advisory lock, taken and released on the one connection that runs
    the upgrade, lets exactly one of them migrate; the others wait, then find it done. (A
    transaction-level lock would not do: Alembic's DDL and version stamp must be committed
    before the next process reads the version.) SQLite's single writer serialises them already.
    """

    def _upgrade(sync_conn: Connection) -> None:
        command.upgrade(alembic_config(sync_conn), revision)

    if engine.dialect.name != "postgresql":
        async with engine.begin() as conn:
            await conn.run_sync(_upgrade)
        return
    lock = {"key": MIGRATION_LOCK_KEY}
    async with engine.connect() as conn:
        await conn.execute(text("SELECT pg_advisory_lock(:key)"), lock)
        await conn.commit()
        try:
            async with conn.begin():
                await conn.run_sync(_upgrade)
        finally:
            await conn.execute(text("SELECT pg_advisory_unlock(:key)"), lock)
            await conn.commit()
