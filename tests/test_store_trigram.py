"""Migration 0005: the trigram index on the tasks' folded text is made where pg_trgm can be
enabled, and the migration still succeeds (with a scan) where it cannot."""

from __future__ import annotations

import uuid

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from store.db import make_engine
from store.migrate import alembic_config, migrate
from tests.conftest import PG_ADMIN_URL


async def _has_index(url: str) -> bool:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            found = await conn.scalar(
                text("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_tasks_search_trgm'")
            )
    finally:
        await engine.dispose()
    return bool(found)


async def test_the_trigram_index_exists_where_the_extension_may_be_created(pg_database: str):
    assert await _has_index(pg_database)


async def test_without_the_right_to_create_the_extension_the_migration_still_succeeds(
    pg_database: str,
) -> None:
    name, role = f"tthc_limited_{uuid.uuid4().hex[:8]}", f"tthc_role_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        owner = make_engine(f"{base}/{name}", isolation_level="AUTOCOMMIT")
        async with owner.connect() as conn:
            # May create tables in the schema, may not create extensions in the database.
            await conn.execute(text(f'GRANT ALL ON SCHEMA public TO "{role}"'))
            await conn.execute(text("DROP EXTENSION IF EXISTS pg_trgm"))
        await owner.dispose()
        limited_url = f"{base.replace('postgres@', f'{role}@')}/{name}"
        if limited_url == f"{base}/{name}":
            pytest.skip("the test server URL does not name a user to replace")
        limited = make_engine(limited_url)
        try:
            await migrate(limited)
            async with limited.connect() as conn:
                version = await conn.scalar(text("SELECT version_num FROM alembic_version"))
        finally:
            await limited.dispose()
        # Past 0005 (skipped index) to the head: later migrations run too.
        assert version == ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert not await _has_index(f"{base}/{name}")
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        await admin.dispose()
