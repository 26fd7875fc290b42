"""A reporting morning through the webhook: N officers sending questions and /viec at a given
rate, against one bot process and against two (behind a round-robin "proxy": each update is
POSTed to the next replica), on PostgreSQL.

Prints, per process count and rate: updates sent, the reply time from the update's POST to the
bot's sendMessage (median, p99, max), errors (a non-200 answer, a missing or failed reply) and
each bot process's peak memory (VmHWM), beside the targets (p99 < 300 ms at 50/s with one
process, 0 errors, better with two).

    .venv/bin/python bench/load_bench.py --db postgresql://postgres@127.0.0.1:5432/bench17 \
        [--rates 50,100] [--seconds 60] [--processes 1,2]

The fake Bot API runs in this process and enforces no limits (a reply to each of 100 updates a
second is above Telegram's 30 messages a second: see the README). Not a test: run by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import httpx  # noqa: E402
from fakebot import FakeBotApi  # noqa: E402
from fakebot.world import NOW, seed  # noqa: E402
from sqlalchemy import text  # noqa: E402
from webhook_support import (  # noqa: E402
    HEADER,
    SECRET,
    free_port,
    spawn_replica,
    text_update,
    wait_ready,
)

from store.db import make_engine, make_sessionmaker  # noqa: E402
from store.models import Base  # noqa: E402
from store.uow import UnitOfWork  # noqa: E402

QUESTIONS = (
    "việc gì đến hạn tháng 8", "tuần này có việc gì", "hôm nay có việc gì", "quý 3 phải làm gì",
    "việc nào quá hạn", "việc sắp đến hạn", "hạn báo cáo quý 3 là ngày nào",
    "khi nào nộp báo cáo tháng", "có bao nhiêu việc quá hạn", "việc của tôi",
)  # fmt: skip
FIRST_OFFICER = 100_000


async def prepare(url: str, officers: int) -> None:
    """An emptied store: the test world's units and plan, and ``officers`` officers."""
    from services.officers import add_officer

    engine = make_engine(url)
    from store.migrate import migrate

    await migrate(engine)
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables if t.name != "revisions")
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    await engine.dispose()
    ids = await seed(url)
    engine = make_engine(url)
    async with make_sessionmaker(engine)() as s:
        for i in range(officers):
            unit = ids["stp"] if i % 2 else ids["snv"]
            await add_officer(
                UnitOfWork.over(s), FIRST_OFFICER + i, f"Cán bộ {i}", unit, "officer", NOW
            )
        await s.commit()
    await engine.dispose()


async def planned(engine: Any, quiet: float = 3.0, most: float = 120.0) -> None:
    """Wait until the outbox stops growing for ``quiet`` seconds (the planner's run is over)."""
    loop = asyncio.get_running_loop()
    deadline, last, since = loop.time() + most, -1, loop.time()
    while loop.time() < deadline:
        async with engine.connect() as conn:
            count = (await conn.execute(text("SELECT count(*) FROM outbox"))).scalar_one()
        if count != last:
            last, since = count, loop.time()
        elif loop.time() - since >= (quiet if count > 0 else 5 * quiet):
            return
        await asyncio.sleep(0.5)


def vm_hwm(pid: int) -> float:
    """Peak resident memory of a process, MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


# Telegram's webhook holds at most this many POSTs open to a bot at once (setWebhook's
# max_connections, default 40); the updates behind them wait at Telegram.
TELEGRAM_CONNECTIONS = 40


async def play(api: FakeBotApi, ports: list[int], rate: float, seconds: float, first: int) -> dict[str, object]:  # fmt: skip
    """One update every 1/rate s (each from an officer not used before), POSTed to the
    replicas in turn, at most ``TELEGRAM_CONNECTIONS`` at once as Telegram does; the reply time
    counts from the update's due time, so an update waiting at "Telegram" counts its wait.
    (An earlier open loop with hundreds of POSTs queued in one httpx pool spent the 2 cores in
    the pool's bookkeeping, which is quadratic in the queue, as soon as the bot fell behind: the
    load generator, not the bot, then stalled the run.) Returns the figures."""
    n = int(rate * seconds)
    rnd = random.Random(rate)
    posted: dict[int, float] = {}
    errors: set[int] = set()
    tasks = []
    slots = asyncio.Semaphore(TELEGRAM_CONNECTIONS)
    limits = httpx.Limits(max_connections=TELEGRAM_CONNECTIONS,
                          max_keepalive_connections=TELEGRAM_CONNECTIONS)  # fmt: skip

    async with httpx.AsyncClient(limits=limits, timeout=30) as client:

        async def one(i: int) -> None:
            uid = first + i
            body = "/viec" if rnd.random() < 0.3 else rnd.choice(QUESTIONS)
            upd = text_update(uid, body)
            posted[uid] = time.monotonic()
            try:
                async with slots:
                    r = await client.post(f"http://127.0.0.1:{ports[i % len(ports)]}/hook",
                                          json=upd, headers={HEADER: SECRET})  # fmt: skip
                if r.status_code != 200:
                    errors.add(uid)
            except httpx.HTTPError:
                errors.add(uid)

        t0 = time.monotonic()
        for i in range(n):
            delay = t0 + i / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(i)))
        await asyncio.gather(*tasks)
    await asyncio.sleep(2.0)  # the last replies
    first_reply: dict[int, float] = {}
    failed = set()
    for r in api.calls("sendMessage"):
        if r.chat_id in posted and r.at >= posted[r.chat_id]:
            if r.status != 200:
                failed.add(r.chat_id)
            elif r.chat_id not in first_reply:
                first_reply[r.chat_id] = r.at
    times = sorted((first_reply[u] - posted[u]) * 1000 for u in first_reply)
    errors |= failed | (
        set(posted) - set(first_reply)
    )  # an error answer, a reply missing or failed
    p99 = times[int(0.99 * (len(times) - 1))] if times else 0.0
    return {"n": n, "median": statistics.median(times) if times else 0.0, "p99": p99,
            "max": times[-1] if times else 0.0, "errors": len(errors)}  # fmt: skip


async def main(args: argparse.Namespace) -> None:
    rates = [float(r) for r in args.rates.split(",")]
    counts = [int(p) for p in args.processes.split(",")]
    total = int(sum(rates) * args.seconds) + 10
    await prepare(args.db, total)
    print(f"load bench: {args.seconds:.0f} s per rate, officers sending questions (70%) and /viec"
          " (30%) through the webhook, PostgreSQL, fake Bot API in the bench process")  # fmt: skip
    for procs in counts:
        api = FakeBotApi(token="555:load-token")
        await api.start()
        ports = [free_port() for _ in range(procs)]
        tmp = tempfile.TemporaryDirectory()
        bots = [await spawn_replica(args.db, api, p, Path(tmp.name), TTHC_REPLICAS=str(procs))
                for p in ports]  # fmt: skip
        try:
            await wait_ready(ports)
            # The seeded tasks are overdue: wait for the planner's first run at start-up (with
            # thousands of officers it takes a while, and a run still planning would compete
            # with the answers), then drop the reminders planned for these officers, so that a
            # reminder is not taken for a reply (replies are also counted only after their POST).
            engine = make_engine(args.db)
            await planned(engine)
            async with engine.begin() as conn:
                await conn.execute(text("UPDATE outbox SET status = 'dropped' WHERE status IN ('pending', 'claimed', 'sending')"))  # fmt: skip
            await engine.dispose()
            first = FIRST_OFFICER
            for rate in rates:
                res = await play(api, ports, rate, args.seconds, first)
                first += int(res["n"])  # type: ignore[call-overload]
                target = "  (target p99 < 300 ms, 0 errors)" if rate == 50 and procs == 1 else ""
                mem = ", ".join(f"{vm_hwm(b.pid):.0f}" for b in bots)
                print(f"  {procs} process(es), {rate:5.0f} updates/s: {res['n']} updates; reply "
                      f"median {res['median']:.0f} ms, p99 {res['p99']:.0f} ms, max {res['max']:.0f} ms; "
                      f"errors {res['errors']}; peak memory {mem} MB{target}")  # fmt: skip
        finally:
            for b in bots:
                if b.returncode is None:
                    b.send_signal(signal.SIGTERM)
            for b in bots:
                await asyncio.wait_for(b.wait(), 60)
            await api.stop()
            tmp.cleanup()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="postgresql://… (emptied and seeded)")
    parser.add_argument("--rates", default="50,100")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--processes", default="1,2")
    asyncio.run(main(parser.parse_args()))
