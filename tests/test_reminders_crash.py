"""The dispatcher process is killed (SIGKILL) mid fan-out and restarted: nothing is lost, and
only rows in flight at the kill can arrive twice (counted by the restarted run as reclaimed)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fakebot import FakeBotApi
from reminders_fakes import planned

from reminders import outbox
from services import replanning
from store.uow import UnitOfWork

ROOT = Path(__file__).resolve().parent.parent
N = 90


async def _spawn(
    db_url: str, api: FakeBotApi, lease: str, batch: str = "200"
) -> asyncio.subprocess.Process:
    env = dict(os.environ, TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_BASE_URL=api.base_url)
    return await asyncio.create_subprocess_exec(
        sys.executable, "bot.py", "--db", db_url, "reminders", "run-once", "--no-plan",
        "--lease", lease, "--batch", batch,
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


def _delivered(api: FakeBotApi) -> Counter[str]:
    return Counter(m.text or "" for chat in api.messages.values() for m in chat.values())


async def test_killed_dispatcher_loses_nothing_and_doubles_at_most_the_in_flight_rows(
    db_url, sessions
):
    api = FakeBotApi(enforce_limits=True)  # ~29 messages a second: the fan-out takes seconds
    await api.start()
    try:
        now = datetime.now(UTC) - timedelta(minutes=1)
        async with UnitOfWork(sessions) as uow:
            await outbox.insert_planned(uow.session, planned(N, now))
            await uow.commit()
        first = await _spawn(db_url, api, "300")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        while sum(_delivered(api).values()) < N // 3:
            assert first.returncode is None and loop.time() < deadline, "never got going"
            await asyncio.sleep(0.02)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        at_kill = sum(_delivered(api).values())
        assert 0 < at_kill < N, "the kill must land mid fan-out"
        second = await _spawn(db_url, api, "0")  # the dead worker's lease is over at once
        out, err = await asyncio.wait_for(second.communicate(), 120)
        assert second.returncode == 0, err.decode()[-2000:]
        report = json.loads(out.decode().strip().splitlines()[-1])
    finally:
        await api.stop()
    delivered = _delivered(api)
    assert set(delivered) == {f"msg {i}" for i in range(N)}  # nothing lost
    duplicates = sum(n - 1 for n in delivered.values())
    assert duplicates <= report["reclaimed"] <= N - at_kill + duplicates
    async with UnitOfWork(sessions) as uow:
        assert await replanning.counts(uow.session) == {"sent": N}
    print(f"killed after {at_kill}/{N}; reclaimed {report['reclaimed']}; duplicates {duplicates}")


async def test_two_dispatcher_processes_on_one_outbox_send_each_reminder_once(db_url, sessions):
    api = FakeBotApi(enforce_limits=True)
    await api.start()
    try:
        now = datetime.now(UTC) - timedelta(minutes=1)
        async with UnitOfWork(sessions) as uow:
            await outbox.insert_planned(uow.session, planned(N, now))
            await uow.commit()
        procs = [await _spawn(db_url, api, "300", batch="5") for _ in range(2)]
        results = [await asyncio.wait_for(p.communicate(), 120) for p in procs]
    finally:
        await api.stop()
    reports = []
    for p, (out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err.decode()[-2000:]
        reports.append(json.loads(out.decode().strip().splitlines()[-1]))
    assert _delivered(api) == {f"msg {i}": 1 for i in range(N)}
    assert sum(r["sent_rows"] for r in reports) == N
    print("sent by each process:", [r["sent_rows"] for r in reports])
    async with UnitOfWork(sessions) as uow:
        assert await replanning.counts(uow.session) == {"sent": N}
