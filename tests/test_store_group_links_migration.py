"""Migration 0006: group links made by someone not entitled to the unit are deactivated, the
coordinators are told which (a notice in the outbox), the entitled links stay; on SQLite and on
the local PostgreSQL, from a store built at revision 0005 with rows inserted there."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from reminders_fakes import RecordingPort
from sqlalchemy import text

from reminders.dispatcher import Dispatcher
from reminders.send_types import UNLIMITED
from store.db import make_engine, make_sessionmaker
from store.migrate import alembic_config, migrate
from tests.conftest import empty_database

BEFORE = "0005_topic_trigram_index"
T0 = datetime(2026, 11, 1, tzinfo=UTC)
STP, SNV = 1, 2
# (telegram id, unit, role, status)
PEOPLE = [
    (501, STP, "officer", "active"),  # Lan, of Sở Tư pháp
    (502, SNV, "officer", "active"),  # Hùng, of Sở Nội vụ
    (503, STP, "officer", "removed"),  # once of Sở Tư pháp, removed since
    (800, None, "coordinator", "active"),
    (900, None, "administrator", "active"),
    (801, None, "coordinator", "removed"),
]
# (chat id, title, unit, linked by, active)
LINKS = [
    (-1001, "Nhóm STP", STP, 501, True),  # by an officer of the unit: kept
    (-1002, "Nhóm điều phối", SNV, 800, True),  # by a coordinator: kept
    (-1003, "Nhóm <lạ>", STP, 777, True),  # by a stranger: unlinked
    (-1004, "Nhóm chéo", STP, 502, True),  # by an officer of another unit: unlinked
    (-1005, "Nhóm cũ", STP, 503, True),  # by a removed officer: unlinked
    (-1006, "Nhóm đã rời", STP, 777, False),  # already inactive: untouched, not listed
    (-1007, "Nhóm không rõ", SNV, None, True),  # no record of who linked it: unlinked
]


@pytest.fixture(params=["sqlite", "postgresql"])
async def url_at_0005(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh store migrated to revision 0005 only."""
    async with empty_database(request.param, tmp_path, "tthc_mig") as url:
        engine = make_engine(url)
        await migrate(engine, BEFORE)
        await engine.dispose()
        yield url


async def _seed(url: str) -> None:
    engine = make_engine(url)
    md = sa.MetaData()
    async with engine.begin() as conn:
        await conn.run_sync(md.reflect)
        units, officers, groups = (
            md.tables["units"],
            md.tables["officers"],
            md.tables["group_chats"],
        )
        await conn.execute(units.insert(), [
            {"id": STP, "key": "stp", "name": "Sở Tư pháp", "kind": "department", "is_group": False, "active": True},
            {"id": SNV, "key": "snv", "name": "Sở Nội vụ", "kind": "department", "is_group": False, "active": True},
        ])  # fmt: skip
        await conn.execute(officers.insert(), [
            {"telegram_id": t, "name": f"Người {t}", "unit_id": u, "role": r, "status": s,
             "settings": {}, "chat_active": True, "created_at": T0} for t, u, r, s in PEOPLE
        ])  # fmt: skip
        await conn.execute(groups.insert(), [
            {"chat_id": c, "title": title, "unit_id": u, "linked_by": by, "active": a, "created_at": T0}
            for c, title, u, by, a in LINKS
        ])  # fmt: skip
    await engine.dispose()


async def test_links_by_people_not_entitled_are_deactivated_and_coordinators_told(
    url_at_0005: str,
) -> None:
    await _seed(url_at_0005)
    engine = make_engine(url_at_0005)
    try:
        await migrate(engine)
        async with engine.connect() as conn:
            active = dict(
                (await conn.execute(text("SELECT chat_id, active FROM group_chats"))).all()
            )
            notices = (await conn.execute(text(
                "SELECT chat_id, text, status, task_id FROM outbox WHERE kind = 'groups.unlinked'"
            ))).all()  # fmt: skip
            audits = (await conn.execute(text(
                "SELECT count(*) FROM audit WHERE action = 'group.unlink'"
            ))).scalar()  # fmt: skip
            version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar()
            decided = (await conn.execute(text("SELECT decided_at FROM officers"))).all()
        assert {c: bool(a) for c, a in active.items()} == {
            -1001: True, -1002: True, -1003: False, -1004: False, -1005: False, -1006: False,
            -1007: False,
        }  # fmt: skip
        # Every active coordinator and administrator, not the removed one, gets one notice.
        assert sorted(n[0] for n in notices) == [800, 900]
        for _chat, body, status, task_id in notices:
            assert status == "pending" and task_id is None
            assert "Đã hủy liên kết 4 nhóm" in body
            for title in ("Nhóm &lt;lạ&gt;", "Nhóm chéo", "Nhóm cũ", "Nhóm không rõ"):
                assert title in body
            assert "Nhóm STP" not in body and "Nhóm đã rời" not in body
            assert "/nhom" in body
        assert audits == 4
        assert version == ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert decided == [(None,)] * len(PEOPLE)
        # Running the migration again is a no-op (the store is at head).
        await migrate(engine)
        async with engine.connect() as conn:
            again = (await conn.execute(text("SELECT count(*) FROM outbox"))).scalar()
        assert again == 2
        # The dispatcher sends the notices like any message of the outbox.
        port = RecordingPort()
        later = datetime.now(UTC) + timedelta(minutes=1)
        await Dispatcher(make_sessionmaker(engine), port, clock=lambda: later, limits=UNLIMITED).run_once()  # fmt: skip
        assert sorted(chat for chat, _text, _buttons in port.sent) == [800, 900]
        assert all("Nhóm chéo" in body and buttons is None for _c, body, buttons in port.sent)
    finally:
        await engine.dispose()


async def test_a_store_without_group_links_gets_no_notice(url_at_0005: str) -> None:
    engine = make_engine(url_at_0005)
    try:
        await migrate(engine)
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM outbox"))).scalar() == 0
    finally:
        await engine.dispose()
