"""A store written by an earlier release upgrades in place (issue 14): built at each revision of
``deployed_store.RELEASES`` with plain SQL (tests/deployed_store.py tells the story), migrated
to head by the new release, then used by it: the rows are all there, an officer's question is
answered, /viec lists show the done marks, and the reminders go on — nothing sent twice, nothing
pending lost. On a real SQLite file and on the local PostgreSQL.

A later schema change keeps this green: its migration must carry these rows; a new release adds
its head revision to ``RELEASES``.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import deployed_store as old
import pytest
from reminders_fakes import RecordingPort
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.questions.periods import month_period
from reminders.dispatcher import Dispatcher
from reminders.send_types import UNLIMITED
from services import evidence
from services.ask import ask
from services.officers import get_officer_by_id
from services.reminders import plan_reminders, work_calendar
from services.status import board
from services.unit_tasks import unit_tasks
from store.db import make_engine, make_sessionmaker
from store.migrate import migrate
from store.uow import UnitOfWork
from tests.conftest import PG_ADMIN_URL, _pg_available

NOW = old.UPGRADED_AT
TODAY = date(2026, 3, 9)
# Columns whose values the upgrade must keep, by table (the key column first).
KEPT = {
    "units": ("id", "key", "name", "kind", "is_group", "active"),
    "unit_aliases": ("id", "unit_id", "folded"),
    "settings": ("key", "value"),
    "days_off": ("day", "note"),
    "plans": ("id", "identity", "title", "year"),
    "tasks": ("id", "ref", "content", "deadline", "ongoing", "active"),
    "task_due": ("id", "task_id", "due_date", "last_day", "before"),
    "task_units": ("id", "task_id", "role", "unit_id"),
    "officers": ("id", "telegram_id", "unit_id", "role", "status", "chat_active"),
    "group_chats": ("id", "chat_id", "unit_id", "linked_by", "active"),
    "invites": ("id", "code_hash", "unit_id", "used_at"),
    "completions": ("id", "task_id", "unit_id", "due_date", "officer_id"),
    "snoozes": ("id", "task_id", "officer_id", "due_date"),
    "outbox": ("id", "chat_id", "task_id", "due_date", "kind", "status", "message_id"),
    "audit": ("id", "actor", "action"),
}


@pytest.fixture(params=[(d, r) for d in ("sqlite", "postgresql") for r in old.RELEASES],
                ids=lambda p: f"{p[0]}-{p[1][:4]}")  # fmt: skip
async def upgraded(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A store built at an old release's revision, filled there, then migrated to head."""
    dialect, revision = request.param
    admin, name = None, None
    if dialect == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'deployed.db'}"
    else:
        reason = await _pg_available()
        if reason:
            pytest.skip(reason)
        name = f"tthc_upg_{uuid.uuid4().hex[:10]}"
        admin = make_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    engine = make_engine(url)
    try:
        await migrate(engine, revision)
        await old.write_deployed_store(engine, revision)
        request.node.deployed = await _snapshot(engine)  # what the old release left
        await migrate(engine)
        yield engine
    finally:
        await engine.dispose()
        if admin is not None:
            async with admin.connect() as conn:
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await admin.dispose()


async def _snapshot(engine: AsyncEngine) -> dict[str, dict[Any, tuple[Any, ...]]]:
    """The kept columns of every row, by table and key."""
    out: dict[str, dict[Any, tuple[Any, ...]]] = {}
    async with engine.connect() as conn:
        for table, cols in KEPT.items():
            names = ", ".join(f'"{c}"' for c in cols)
            rows = (await conn.execute(text(f"SELECT {names} FROM {table}"))).all()
            out[table] = {r[0]: tuple(r) for r in rows}
    return out


async def _outbox(engine: AsyncEngine) -> dict[int, tuple[Any, ...]]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT id, chat_id, task_id, due_date, kind, status, sent_at, message_id "
                 "FROM outbox")
        )  # fmt: skip
        return {r[0]: tuple(r[1:]) for r in rows.all()}


async def test_every_row_of_the_old_release_is_kept(
    upgraded: AsyncEngine, request: pytest.FixtureRequest
) -> None:
    deployed = request.node.deployed
    after = await _snapshot(upgraded)
    for table, rows in deployed.items():
        assert rows, f"the deployed store has no {table}: the story lost a table"
        kept = {key: after[table].get(key) for key in rows}
        assert kept == rows, table
    async with upgraded.connect() as conn:
        version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar()
    assert version == _head()


async def test_an_officer_question_is_answered_with_the_done_mark(upgraded: AsyncEngine) -> None:
    async with UnitOfWork(make_sessionmaker(upgraded)) as uow:
        calendar = await work_calendar(uow.session)
        answer = await ask(uow, "việc tuần này", unit_id=old.STP, today=TODAY, calendar=calendar)
    got = [(t.ref, t.role, tuple(d.isoformat() for d in t.due), t.status) for t in answer.tasks]
    # The day off (13/3) moves "before the 15th" to Thursday 12/3; the removed II.4 is gone.
    assert got == [
        ("II.2", "support", ("2026-03-11",), "open"),
        ("I.1", "lead", ("2026-03-12",), "open"),
        ("I.2", "lead", ("2026-03-12",), "done"),
    ]
    assert "3 việc" in answer.to_json()["text"]
    assert not calendar.is_working_day(old.DAY_OFF)


async def test_the_unit_lists_show_the_done_marks(upgraded: AsyncEngine) -> None:
    async with UnitOfWork(make_sessionmaker(upgraded)) as uow:
        lines = await unit_tasks(
            uow.session, old.STP, date(2026, 2, 1), date(2026, 3, 31), today=TODAY
        )
        open_lines = await unit_tasks(
            uow.session, old.STP, date(2026, 2, 1), date(2026, 3, 31), open_only=True, today=TODAY
        )
    assert [(x.ref, x.due_date, x.role, x.done) for x in lines] == [
        ("I.2", date(2026, 2, 15), "lead", True),
        ("II.2", date(2026, 3, 11), "support", False),
        ("I.1", date(2026, 3, 12), "lead", False),
        ("I.2", date(2026, 3, 15), "lead", True),
    ]
    assert [x.ref for x in open_lines] == ["II.2", "I.1"]


async def test_reminders_go_on_nothing_sent_twice_nothing_pending_lost(
    upgraded: AsyncEngine,
) -> None:
    sessions = make_sessionmaker(upgraded)
    before = await _outbox(upgraded)
    sent_before = {i: row for i, row in before.items() if row[4] == "sent"}
    port = RecordingPort()

    async def tick(at: datetime) -> list[tuple[int, str]]:
        """What the running bot does at ``at``: plan, then send what is due."""
        async with UnitOfWork(sessions) as uow:
            await plan_reminders(uow, at)
        first = len(port.sent)
        await Dispatcher(sessions, port, clock=lambda: at, limits=UNLIMITED).run_once()
        return [(chat, body) for chat, body, _buttons in port.sent[first:]]

    # Right after the upgrade: the 08:00 messages went out before it, Lan's 09:00 ones wait.
    assert await tick(NOW) == []
    after_plan = await _outbox(upgraded)
    assert {i: after_plan[i] for i in before} == before  # planning changed no deployed row
    # 09:01: Lan's reminder of I.1; the one of I.2 was marked done since it was planned.
    at_9 = await tick(NOW + timedelta(minutes=31))
    assert [(chat, old.CONTENT[old.T1] in body) for chat, body in at_9] == [(old.LAN_CHAT, True)]
    # Tuesday 08:01: Hùng's reminder of II.2 (pending before the upgrade) and his digest; Lan's
    # 09:00 reminder of II.2 stays dropped by her ⏰.
    tue = await tick(datetime(2026, 3, 10, 1, 1, tzinfo=NOW.tzinfo))
    assert {chat for chat, _ in tue} == {old.HUNG_CHAT}
    assert any(old.CONTENT[old.T4] in body and "Nhắc việc" in body for _, body in tue)
    assert await tick(datetime(2026, 3, 10, 2, 1, tzinfo=NOW.tzinfo)) == []
    # Tuesday 11:01: the reminder Lan's ⏰ put there.
    snoozed = await tick(datetime(2026, 3, 10, 4, 1, tzinfo=NOW.tzinfo))
    assert [(chat, old.CONTENT[old.T4] in body) for chat, body in snoozed] == [(old.LAN_CHAT, True)]
    # Wednesday 08:01: the group linked by Lan still gets the unit's reminder of I.1.
    wed = await tick(datetime(2026, 3, 11, 1, 1, tzinfo=NOW.tzinfo))
    assert any(chat == old.GROUP_CHAT and old.CONTENT[old.T1] in body for chat, body in wed)

    final = await _outbox(upgraded)
    # What the old release sent stays sent, once: same time, same message.
    assert {i: final[i] for i in sent_before} == sent_before
    # Every pending row of the old release was sent, or dropped for a reason (done).
    pending = {i for i, row in before.items() if row[4] == "pending"}
    assert {i: final[i][4] for i in pending} == {5: "sent", 6: "dropped", 8: "sent", 9: "sent"}
    # No message went out twice: one row per (chat, task, occurrence, kind), and no chat got the
    # same text twice.
    keys = [row[:4] for row in final.values()]
    assert len(keys) == len(set(keys))
    texts = [(chat, body) for chat, body, _ in port.sent]
    assert len(texts) == len(set(texts))


async def test_a_deployed_completion_takes_a_report_attached_after_the_upgrade(
    upgraded: AsyncEngine,
) -> None:
    """Issue 16's tables (0012_evidence) arrive empty; Lan's February ✅ of I.2, written by the
    old release, carries the report she attaches now and the board shows it."""
    sessions = make_sessionmaker(upgraded)
    async with UnitOfWork(sessions, read_only=True) as uow:
        for table in ("evidence", "evidence_waits"):
            assert (await uow.session.execute(text(f"SELECT COUNT(*) FROM {table}"))).scalar() == 0
        lan = await get_officer_by_id(uow, old.LAN)
    assert lan is not None
    feb = date(2026, 2, 15)
    async with UnitOfWork(sessions) as uow:
        wait = await evidence.start(uow, lan, old.LAN_CHAT, old.T2, feb, old.STP, None, NOW)
    async with UnitOfWork(sessions) as uow:
        await evidence.attach_number(uow, lan, wait, "15/BC-STP", NOW)
    async with UnitOfWork(sessions, read_only=True) as uow:
        b = await board(uow, month_period(2026, 2), TODAY, reports_only=False)
    numbers = {(o.task_id, u.unit_id): u.evidence.number for o in b.occurrences for u in o.units
               if u.evidence is not None}  # fmt: skip
    assert numbers == {(old.T2, old.STP): "15/BC-STP"}


def _head() -> str:
    from alembic.script import ScriptDirectory

    from store.migrate import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head
