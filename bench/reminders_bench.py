"""Fan out N reminders (default 10,000) through the dispatcher to the fake Bot API server,
which enforces Telegram's limits (30/s overall, 1/s per private chat, 20/min per group).

Prints throughput as a fraction of the 30-per-second limit, lost and duplicated counts, 429s,
the answer→commit window (median, p99) and peak memory, beside the target (≥ 0.9, 0, 0).

    .venv/bin/python bench/reminders_bench.py [--n 10000] [--db URL] [--groups 5]

10,000 at 30/s take about 5.5 minutes. Not a test: run by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fakebot import FakeBotApi  # noqa: E402

from reminders import outbox, replanning  # noqa: E402
from reminders.dispatcher import Dispatcher  # noqa: E402
from reminders.planner import Planned  # noqa: E402
from reminders.telegram_port import TelegramPort, make_bot  # noqa: E402
from store.db import make_engine, make_sessionmaker  # noqa: E402
from store.migrate import migrate  # noqa: E402
from store.uow import UnitOfWork  # noqa: E402

LIMIT = 30.0


def rows(n: int, groups: int, per_group: int, now: datetime) -> list[Planned]:
    """Officers get 4 reminders each (a busy morning); a few groups get ``per_group`` each."""
    due = date(2025, 8, 20)
    out = []
    g = min(n, groups * per_group)
    for i in range(g):
        out.append(Planned(-1000 - i % groups, None, None, due, f"g{i}", now, f"msg {i}"))
    for i in range(g, n):
        out.append(Planned(10_000 + (i - g) // 4, None, None, due, f"p{i}", now, f"msg {i}"))
    random.Random(7).shuffle(out)
    return out


async def main(args: argparse.Namespace) -> None:
    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite+aiosqlite:///{tmp.name}/bench.db"
    engine = make_engine(url)
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    now = datetime.now(UTC) - timedelta(minutes=1)
    async with UnitOfWork(sessions) as uow:
        await uow.session.execute(outbox.OutboxRow.__table__.delete())
        await outbox.insert_planned(uow.session, rows(args.n, args.groups, args.per_group, now))
        await uow.commit()
    api = FakeBotApi(enforce_limits=True)
    await api.start()
    bot = make_bot(api.token, api.base_url)
    try:
        async with bot:
            dispatcher = Dispatcher(sessions, TelegramPort(bot), clock=lambda: datetime.now(UTC))
            t0 = time.monotonic()
            report = await dispatcher.run_once()
            elapsed = time.monotonic() - t0
        async with UnitOfWork(sessions) as uow:
            counts = await replanning.counts(uow.session)
    finally:
        await api.stop()
        await engine.dispose()
        tmp.cleanup()
    delivered = Counter(m.text or "" for chat in api.messages.values() for m in chat.values())
    lost = sum(1 for i in range(args.n) if delivered[f"msg {i}"] == 0)
    duplicated = sum(c - 1 for c in delivered.values() if c > 1)
    sends = [r.at for r in api.calls("sendMessage") if r.status == 200]
    if args.histogram:
        t0s = min(sends)
        print(sorted(Counter(int(t - t0s) for t in sends).items()))
    span = (max(sends) - min(sends)) if len(sends) > 1 else elapsed
    rate = (len(sends) - 1) / span if span > 0 else 0.0
    status = Counter(r.status for r in api.calls("sendMessage"))
    if args.histogram:
        print("429 chats:", [r.chat_id for r in api.calls("sendMessage") if r.status == 429])
    cm = sorted(report.commit_ms)
    p99 = cm[int(0.99 * (len(cm) - 1))] if cm else 0.0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    backend = url.split(":", 1)[0]
    print(f"reminders bench: {args.n} reminders, {backend}, fake server enforcing Telegram limits")
    print(f"  elapsed                 {elapsed:8.1f} s")
    print(
        f"  throughput              {rate:8.2f} msg/s = {rate / LIMIT:.3f} of 30/s   (target ≥ 0.9)"
    )
    print(f"  lost                    {lost:8d}          (target 0)")
    print(f"  duplicated              {duplicated:8d}          (target 0)")
    print(f"  429 answers             {status.get(429, 0):8d}")
    print(
        f"  answer→commit window    median {statistics.median(cm) if cm else 0:.2f} ms, p99 {p99:.2f} ms, max {max(cm) if cm else 0:.2f} ms"
    )
    print(f"  outbox                  {dict(counts)}")
    print(f"  peak memory (RSS)       {peak_mb:8.1f} MB (process: dispatcher + fake server)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument(
        "--db", default=None, help="database URL (default: a temporary SQLite file)"
    )
    parser.add_argument("--groups", type=int, default=5)
    parser.add_argument("--per-group", type=int, default=40)
    parser.add_argument("--histogram", action="store_true", help="print messages per second")
    asyncio.run(main(parser.parse_args()))
