"""Webhook replicas: each update recorded before it is acknowledged and handled once, the
secret compared in constant time, plan previews in the store, SQLite refused for several
processes; and two real bot processes on PostgreSQL behind one webhook."""

from __future__ import annotations

import asyncio
import json
import os
import signal
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from fakebot import FakeBotApi
from fakebot.server import Fault
from fakebot.world import NOW, World, seed, start_world, stop_world
from sqlalchemy import select, text, update
from webhook_support import (
    ROOT,
    SECRET,
    callback_update,
    document_update,
    free_port,
    post,
    replica_log,
    spawn_replica,
    text_update,
    wait_ready,
)

from bot.settings import Settings
from cli.run import replicas_refusal
from handlers.webhook import Receiver
from store.db import make_engine, make_sessionmaker
from store.replicas import WebhookUpdateRow
from store.uow import UnitOfWork

LAN = 501
COORD = 502
PLAN = (ROOT / "tests" / "data" / "plans" / "revision_v1.txt").read_bytes()


@pytest.fixture
async def world(tmp_path: Path):  # type: ignore[no-untyped-def]
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


def _replies(api: FakeBotApi, chat: int, needle: str) -> int:
    return sum(needle in str(r.params.get("text")) for r in api.calls("sendMessage") if r.chat_id == chat and r.status == 200)  # fmt: skip


async def test_an_update_is_acknowledged_once_recorded_and_handled_once(world: World) -> None:
    r = Receiver(world.harness.app, world.services.sessions, SECRET)
    body = json.dumps(text_update(LAN, "/huongdan")).encode()
    assert await r.receive(body, "wrong") == 403
    assert await r.receive(body, None) == 403
    assert await r.receive(b"{not json", SECRET) == 400
    assert await r.receive(b'{"update_id": -1}', SECRET) == 400
    assert await world.scalar(select(WebhookUpdateRow.update_id)) is None  # nothing recorded
    assert await r.receive(body, SECRET) == 200
    assert await r.receive(body, SECRET) == 200  # Telegram sends it again
    assert _replies(world.api, LAN, "Hướng dẫn") == 1
    assert (r.handled, r.duplicates) == (1, 1)
    assert await world.scalar(select(WebhookUpdateRow.status)) == "done"


async def test_a_webhook_update_with_a_lone_surrogate_is_recorded_as_received_and_answered(world: World) -> None:  # fmt: skip
    # The body's JSON escapes a lone surrogate: the update is stored as the text received (it
    # used to be encoded again, surrogate and all) and the handlers see it with "?" instead;
    # a clean update skips that check, and no mark of it is left behind.
    from handlers.app import NO_SURROGATES

    r = Receiver(world.harness.app, world.services.sessions, SECRET)
    dirty = text_update(LAN, "việc quá hạn \ud800")
    body = json.dumps(dirty).encode()  # ensure_ascii: the surrogate travels as "\\ud800"
    assert b"\\ud800" in body
    assert await r.receive(body, SECRET) == 200
    sent = [c for c in world.api.calls("sendMessage") if c.chat_id == LAN and c.status == 200]
    assert len(sent) == 1 and "\ud800" not in str(sent[0].params.get("text"))
    stored = await world.scalar(select(WebhookUpdateRow.payload))
    assert stored == body.decode() and json.loads(stored) == dirty
    assert await r.receive(json.dumps(text_update(LAN, "/huongdan")).encode(), SECRET) == 200
    assert _replies(world.api, LAN, "Hướng dẫn") == 1
    assert not world.harness.app.bot_data.get(NO_SURROGATES)


async def test_an_update_left_working_by_a_dead_replica_is_handled_by_another(world: World) -> None:
    sessions = world.services.sessions
    dead = Receiver(world.harness.app, sessions, SECRET, owner="dead:1")
    upd = text_update(LAN, "/huongdan")
    from store import replicas
    from store.uow import UnitOfWork

    async with UnitOfWork(sessions) as uow:  # recorded, then the replica died before handling
        assert await replicas.record_update(
            uow.session, upd["update_id"], upd, dead.owner, dead.stale
        )
        await uow.commit()
    alive = Receiver(world.harness.app, sessions, SECRET, owner="alive:2")
    assert await alive.sweep() == 0  # not stale yet: the other replica may still be on it
    assert await alive.receive(json.dumps(upd).encode(), SECRET) == 200  # Telegram's retry
    assert _replies(world.api, LAN, "Hướng dẫn") == 0
    async with UnitOfWork(sessions) as uow:
        await uow.session.execute(update(WebhookUpdateRow).values(
            claimed_at=datetime.now(UTC) - timedelta(minutes=5)))  # fmt: skip
        await uow.commit()
    assert await alive.sweep() == 1
    assert _replies(world.api, LAN, "Hướng dẫn") == 1
    assert await world.scalar(select(WebhookUpdateRow.owner)) == "alive:2"


def test_a_slow_log_sink_never_blocks_the_event_loop() -> None:
    import logging
    import time

    from handlers.app import log_off_the_loop

    class Slow(logging.Handler):  # a pipe nobody reads, a busy journald
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def emit(self, record: logging.LogRecord) -> None:
            time.sleep(0.2)
            self.seen.append(record.getMessage())

    root = logging.getLogger()
    saved = root.handlers[:]
    slow = Slow()
    root.handlers = [slow]
    try:
        listener = log_off_the_loop()
        assert listener is not None
        started = time.monotonic()
        for i in range(5):
            logging.getLogger("tthc.webhook").warning("update %d", i)
        assert time.monotonic() - started < 0.1  # the caller never waited for the sink
        listener.stop()  # flushes: every line still written, in order
        assert slow.seen == [f"update {i}" for i in range(5)]
    finally:
        root.handlers = saved


def test_several_processes_refuse_sqlite_and_polling_with_a_clear_message() -> None:
    sqlite = Settings(bot_token="1:a", replicas=2, webhook_url="https://x.org/hook")
    assert "PostgreSQL" in (replicas_refusal(sqlite) or "")
    polling = Settings(bot_token="1:a", replicas=2, database_url="postgresql://h/db")
    assert "webhook" in (replicas_refusal(polling) or "")
    assert replicas_refusal(Settings(bot_token="1:a")) is None
    ok = Settings(bot_token="1:a", replicas=3, database_url="postgresql://h/db",
                  webhook_url="https://x.org/hook")  # fmt: skip
    assert replicas_refusal(ok) is None
    assert Settings.from_env({"TTHC_REPLICAS": "3"}).replicas == 3


async def test_bot_py_with_two_replicas_on_sqlite_exits_with_the_reason(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "TELEGRAM_BOT_TOKEN": "1:abc", "TTHC_REPLICAS": "2",
           "TTHC_WEBHOOK_URL": "https://x.org/hook"}  # fmt: skip
    proc = await asyncio.create_subprocess_exec(
        "python3" if not os.path.exists(ROOT / ".venv") else str(ROOT / ".venv/bin/python"),
        str(ROOT / "bot.py"), cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 2
    assert "cần PostgreSQL" in out.decode()


# ----------------------------------------------------------------- two real processes
async def _pg_world(url: str) -> None:
    """Units and a plan, an officer and a coordinator (the rest of the store emptied)."""
    from services.officers import add_officer
    from store.models import Base

    engine = make_engine(url)
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables if t.name != "revisions")
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    await engine.dispose()
    ids = await seed(url)
    engine = make_engine(url)
    async with make_sessionmaker(engine)() as s:
        for uid in range(1000, 1040):
            await add_officer(UnitOfWork.over(s), uid, f"Cán bộ {uid}", ids["stp"], "officer", NOW)
        await add_officer(UnitOfWork.over(s), COORD, "Điều phối", None, "coordinator", NOW)
        await s.commit()
    await engine.dispose()


@pytest.mark.slow
async def test_two_replicas_answer_each_update_once_share_previews_and_survive_a_kill(
    pg_database: str, tmp_path: Path
) -> None:
    await _pg_world(pg_database)
    api = FakeBotApi(token="777:replica-token")
    api.cancel_on_disconnect = True  # a send cut by the kill is not delivered
    await api.start()
    ports = [free_port(), free_port()]
    procs = [await spawn_replica(pg_database, api, p, tmp_path, TTHC_WEBHOOK_STALE_S="2")
             for p in ports]  # fmt: skip
    try:
        await wait_ready(ports)
        async with httpx.AsyncClient() as client:
            # 1. Each question posted twice, to both replicas at once.
            asked = [text_update(uid, "/huongdan") for uid in range(1000, 1020)]
            await asyncio.gather(*(post(client, ports[k % 2 :] + ports[: k % 2], u)
                                   for u in asked for k in (0, 1)))  # fmt: skip
            # 2. A plan previewed on replica 0, confirmed on replica 1.
            api.add_file("PLAN1", PLAN, "documents/plan.txt")
            await post(client, ports[:1], document_update(COORD, "PLAN1", "plan.txt", len(PLAN)))
            # The upload handler reads the file off the loop (block=False): wait for its reply.
            preview = None
            for _ in range(300):
                preview = next(
                    (m for m in api.messages.get(COORD, {}).values() if m.reply_markup), None
                )
                if preview is not None:
                    break
                await asyncio.sleep(0.1)
            assert preview is not None, api.messages.get(COORD)
            data = next(b["callback_data"] for row in preview.reply_markup["inline_keyboard"]
                        for b in row if "Nhập" in b["text"])  # fmt: skip
            msg = {"message_id": preview.message_id, "date": 0, "text": preview.text,
                   "chat": {"id": COORD, "type": "private", "first_name": "Đ"},
                   "from": {"id": api.bot_id, "is_bot": True, "first_name": "TTHC"}}  # fmt: skip
            await post(client, ports[1:], callback_update(COORD, msg, data))
            # 3. A stream, replica 1 killed while it handles an update (its reply hangs).
            stream = [text_update(uid, "/huongdan") for uid in range(1020, 1040)]
            victim = stream[10]
            api.fail("sendMessage", Fault.delay(5.0), chat_id=victim["message"]["chat"]["id"])
            for u in stream[:10]:
                await post(client, ports[1:] + ports[:1], u)
            hung = asyncio.create_task(post(client, ports[1:] + ports[:1], victim))
            for _ in range(100):
                if api.for_chat(victim["message"]["chat"]["id"]):
                    break
                await asyncio.sleep(0.05)
            procs[1].send_signal(signal.SIGKILL)
            await procs[1].wait()
            await hung  # Telegram's retry reaches replica 0
            for u in stream[11:]:
                await post(client, ports[1:] + ports[:1], u)
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 30
            while any(_replies(api, uid, "Hướng dẫn") == 0 for uid in range(1000, 1040)):
                assert loop.time() < deadline, "an update was lost"
                await asyncio.sleep(0.1)
    finally:
        for p in procs:
            if p.returncode is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            await asyncio.wait_for(p.wait(), 60)
        errs = [replica_log(tmp_path, port) for port in ports]
        await api.stop()
    answered = Counter({uid: _replies(api, uid, "Hướng dẫn") for uid in range(1000, 1040)})
    assert set(answered.values()) == {1}, answered  # every question answered exactly once
    edits = [r for r in api.calls("editMessageText") if r.chat_id == COORD]
    assert any("Đã nhập" in str(r.params.get("text")) for r in edits), edits
    assert procs[0].returncode == 0, errs[0][-3000:]
    assert "Traceback" not in errs[0], errs[0][-3000:]
