"""Fan out N reminders (default 10,000) through the dispatcher to the fake Bot API server,
which enforces Telegram's limits (30/s overall, 1/s per private chat, 20/min per group).

Prints throughput as a fraction of the physical limit for that mix of private and group
messages (the limit is computed and printed), lost and duplicated counts, 429s, the
answer→commit window (median, p99) and peak memory, beside the targets (≥ 0.9, 0, 0, 0).

    .venv/bin/python bench/reminders_bench.py [--n 10000] [--db URL] [--groups 5]
    .venv/bin/python bench/reminders_bench.py --processes 2 --db postgresql://… [--kill-after 60]

With ``--processes P`` the dispatchers run in P processes (each as the bot runs it: a sender
lease per token, a dispatch every 5 s), all sending to the one fake server under one token;
``--kill-after S`` SIGKILLs the process holding the sender lease S seconds in and starts a
new one. 10,000 at 30/s take about 5.5 minutes. Not a test: run by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import resource
import signal
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

from bot.reminders.planner import Planned  # noqa: E402
from cli.run import sender_lease_name  # noqa: E402
from reminders import outbox  # noqa: E402
from reminders.dispatcher import Dispatcher  # noqa: E402
from reminders.telegram_port import TelegramPort, make_bot  # noqa: E402
from services import replanning  # noqa: E402
from store import replicas  # noqa: E402
from store.db import make_engine, make_sessionmaker  # noqa: E402
from store.migrate import migrate  # noqa: E402
from store.models import OutboxRow  # noqa: E402
from store.uow import UnitOfWork  # noqa: E402

OVERALL, PRIVATE_GAP, GROUP_PER_MIN = 30, 1.0, 20  # Telegram's limits (the fake server's)
DISPATCH_EVERY = 5.0  # as the bot's scheduler


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


def physical_limit(planned: list[Planned]) -> tuple[float, float]:
    """The shortest span (s) in which Telegram's limits let these messages go, first send to
    last, and the rate that makes: 30 a second overall, one a second per private chat, twenty
    a minute per group."""
    n = len(planned)
    per_chat = Counter(p.chat_id for p in planned)
    span = float(math.ceil(n / OVERALL) - 1)
    for chat, k in per_chat.items():
        need = (math.ceil(k / GROUP_PER_MIN) - 1) * 60.0 if chat < 0 else (k - 1) * PRIVATE_GAP
        span = max(span, need)
    return span, (n - 1) / span if span > 0 else float("inf")


def why_429(api: FakeBotApi) -> str:
    """Which limit each 429 answered: the chat's (a send to it within 1 s, or its group's 20th
    within 60 s) or else the overall 30 a second."""
    ok: dict[int, list[float]] = {}
    chat = overall = 0
    for r in api.calls("sendMessage"):
        cid = r.chat_id or 0
        if r.status == 200:
            ok.setdefault(cid, []).append(r.at)
        elif r.status == 429:
            before = ok.get(cid, [])
            window, most = (60.0, 20) if cid < 0 else (1.0, 1)
            if sum(1 for t in before if t > r.at - window) >= most:
                chat += 1
            else:
                overall += 1
    return f"(per chat or group {chat}, overall {overall})" if chat + overall else ""


async def worker(args: argparse.Namespace) -> None:
    """One dispatcher process: dispatch every few seconds until nothing is left to send."""
    engine = make_engine(args.db)
    sessions = make_sessionmaker(engine)
    bot = make_bot(args.token, args.api)
    lease = sender_lease_name(args.token)
    async with bot:
        d = Dispatcher(sessions, TelegramPort(bot), clock=lambda: datetime.now(UTC),
                       sender_lease=lease)  # fmt: skip
        while True:
            report = await d.run_once()
            async with UnitOfWork(sessions) as uow:
                left = await replanning.counts(uow.session)
            if not any(left.get(k) for k in ("pending", "claimed", "sending")):
                break
            if report.standby:  # as the bot's scheduler: a standby asks every heartbeat
                await asyncio.sleep(d.heartbeat)
            elif not report.claimed:
                await asyncio.sleep(DISPATCH_EVERY)
        await d.release_lease()
    await engine.dispose()


async def _spawn(args: argparse.Namespace, url: str, api: FakeBotApi) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--worker", "--db", url, "--api", api.base_url,
        "--token", api.token, cwd=ROOT,
    )  # fmt: skip


async def _holder_pid(sessions, token: str) -> int | None:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        holder = await replicas.lease_holder(uow.session, sender_lease_name(token))
    return int(holder.split(":")[1]) if holder else None


async def run_processes(
    args: argparse.Namespace, url: str, api: FakeBotApi, sessions
) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """Run the dispatchers in ``args.processes`` processes; kill the lease holder once if asked."""
    t0 = time.monotonic()
    procs = [await _spawn(args, url, api) for _ in range(args.processes)]
    killed = in_flight = 0
    if args.kill_after:
        await asyncio.sleep(args.kill_after)
        pid = await _holder_pid(sessions, api.token)
        victim = next((p for p in procs if p.pid == pid), None)
        if victim is not None and victim.returncode is None:
            victim.send_signal(signal.SIGKILL)
            await victim.wait()
            killed = victim.pid
            async with UnitOfWork(sessions) as uow:
                in_flight = (await replanning.counts(uow.session)).get("sending", 0)
            print(
                f"  killed the sender (pid {killed}) at {time.monotonic() - t0:.1f} s with "
                f"{in_flight} send(s) in flight (sent again: at least once); restarting it"
            )
            procs.append(await _spawn(args, url, api))
    for p in procs:
        await p.wait()
    return time.monotonic() - t0, in_flight


async def main(args: argparse.Namespace) -> None:
    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite+aiosqlite:///{tmp.name}/bench.db"
    if args.processes > 1 and url.startswith("sqlite"):
        raise SystemExit("several processes need PostgreSQL: pass --db postgresql://…")
    engine = make_engine(url)
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    now = datetime.now(UTC) - timedelta(minutes=1)
    planned = rows(args.n, args.groups, args.per_group, now)
    async with UnitOfWork(sessions) as uow:
        await uow.session.execute(OutboxRow.__table__.delete())
        await uow.session.execute(replicas.SenderLeaseRow.__table__.delete())
        await outbox.insert_planned(uow.session, planned)
        await uow.commit()
    api = FakeBotApi(enforce_limits=True)
    await api.start()
    commit_ms: list[float] = []
    in_flight = 0
    try:
        if args.processes > 1 or args.kill_after:
            elapsed, in_flight = await run_processes(args, url, api, sessions)
        else:
            async with make_bot(api.token, api.base_url) as bot:
                dispatcher = Dispatcher(
                    sessions, TelegramPort(bot), clock=lambda: datetime.now(UTC)
                )
                t0 = time.monotonic()
                report = await dispatcher.run_once()
                elapsed = time.monotonic() - t0
            commit_ms = sorted(report.commit_ms)
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
        gs = [round(r.at - t0s, 1) for r in api.calls("sendMessage") if r.status == 200 and (r.chat_id or 0) < 0]  # fmt: skip
        print("group sends:", gs[:5], "…", gs[-5:], len(gs))
    span = (max(sends) - min(sends)) if len(sends) > 1 else elapsed
    rate = (len(sends) - 1) / span if span > 0 else 0.0
    min_span, limit = physical_limit(planned)
    status = Counter(r.status for r in api.calls("sendMessage"))
    if args.histogram:
        print("429:", [(r.chat_id, round(r.at - min(sends), 2)) for r in api.calls("sendMessage") if r.status == 429])  # fmt: skip
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    backend = url.split(":", 1)[0]
    chats = Counter(p.chat_id < 0 for p in planned)
    print(f"reminders bench: {args.n} reminders ({chats[False]} private, {chats[True]} to "
          f"{args.groups} groups), {backend}, {args.processes} process(es)"
          f"{', the sender killed at ' + str(args.kill_after) + ' s and restarted' if args.kill_after else ''}, "
          "fake server enforcing Telegram limits for one token")  # fmt: skip
    print(f"  elapsed                 {elapsed:8.1f} s")
    print(
        f"  physical limit (mix)    {limit:8.2f} msg/s   (first to last send in ≥ {min_span:.0f} s)"
    )
    print(
        f"  throughput              {rate:8.2f} msg/s = {rate / limit:.3f} of the limit   (target ≥ 0.9)"
    )
    print(f"  lost                    {lost:8d}          (target 0)")
    print(f"  duplicated              {duplicated:8d}          (target 0)"
          f"{f'   in flight at the kill: {in_flight}' if args.kill_after else ''}")  # fmt: skip
    print(f"  429 answers             {status.get(429, 0):8d}          (target 0)   {why_429(api)}")
    if commit_ms:
        p99 = commit_ms[int(0.99 * (len(commit_ms) - 1))]
        print(f"  answer→commit window    median {statistics.median(commit_ms):.2f} ms, p99 {p99:.2f} ms, max {max(commit_ms):.2f} ms")  # fmt: skip
    print(f"  outbox                  {dict(counts)}")
    print(f"  peak memory (RSS)       {peak_mb:8.1f} MB (this process: fake server"
          f"{' + dispatcher' if args.processes == 1 and not args.kill_after else ''})"
          f"{f', largest dispatcher process {kids_mb:.1f} MB' if kids_mb else ''}")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument(
        "--db", default=None, help="database URL (default: a temporary SQLite file)"
    )
    parser.add_argument("--groups", type=int, default=5)
    parser.add_argument("--per-group", type=int, default=40)
    parser.add_argument("--processes", type=int, default=1, help="dispatcher processes")
    parser.add_argument("--kill-after", type=float, default=0.0,
                        help="SIGKILL the sender this many seconds in, then restart it")  # fmt: skip
    parser.add_argument("--histogram", action="store_true", help="print messages per second")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    parser.add_argument("--token", help=argparse.SUPPRESS)
    ns = parser.parse_args()
    asyncio.run(worker(ns) if ns.worker else main(ns))
