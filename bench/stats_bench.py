"""Time the on-time statistics and their chart for 3,000 units over a year of a 60-task plan,
through the production path: ``services.stats.statistics`` on a real database (a SQLite file,
and PostgreSQL when TTHC_PG_URL is set), then ``services.stats_chart.to_png``.

The plan: 10 monthly and 10 quarterly reports led by "Các sở, ban, ngành" and "UBND cấp xã"
(every unit), 20 quarterly tasks led by the departments, 20 one-off tasks led by one named unit;
about 70% of the occurrences due by "today" (15/10/2026) are marked done, a tenth of them late.
That is ~490,000 (unit, occurrence) pairs owed as lead and ~330,000 completions.

Prints, per database: the cold first run (directory not cached, matplotlib's font loaded), then
the median and p99 of the warm runs of statistics + chart (and each part), the peak resident
memory of the process and the peak Python allocation of one run (tracemalloc), beside the
target (< 2 s). Not a test: run by hand.

    .venv/bin/python bench/stats_bench.py [--runs 7] [--units 3000]
    TTHC_PG_URL=postgresql+asyncpg://postgres@127.0.0.1:5432/test .venv/bin/python bench/stats_bench.py
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from sqlalchemy import insert, text  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncEngine  # noqa: E402

from bot.deadlines import Occurrence, WorkCalendar  # noqa: E402
from bot.questions.periods import Period  # noqa: E402
from services.stats import statistics as build_stats  # noqa: E402
from store.db import make_engine, make_sessionmaker  # noqa: E402
from store.migrate import migrate  # noqa: E402
from store.models import (  # noqa: E402
    CompletionRow,
    PlanRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
    UnitRow,
)
from store.uow import UnitOfWork  # noqa: E402

VN = ZoneInfo("Asia/Ho_Chi_Minh")
YEAR = 2026
TODAY = date(YEAR, 10, 15)
TARGET_S = 2.0
CAL = WorkCalendar()


def _dues(kind: str, i: int) -> list[date]:
    if kind == "monthly":
        return [date(YEAR, m, 20) for m in range(1, 13)]
    if kind == "quarterly":
        return [date(YEAR, m, 19) for m in (3, 6, 9, 12)]
    return [date(YEAR, 1 + i % 12, 10 + i % 15)]


async def seed(engine: AsyncEngine, n_units: int, rng: random.Random) -> tuple[int, int]:
    """The directory, the plan, its occurrences and the completions; returns (pairs owed,
    completions)."""
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    t0 = datetime(YEAR, 1, 1, tzinfo=UTC)
    departments = max(1, n_units // 30)
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        units = [{"key": f"so{i}", "name": f"Sở Thử nghiệm số {i}", "kind": "department",
                  "is_group": False, "active": True} for i in range(departments)]  # fmt: skip
        units += [{"key": f"xa{i}", "name": f"UBND xã Đắk Thử Lường {i}", "kind": "commune",
                   "is_group": False, "active": True}
                  for i in range(n_units - departments)]  # fmt: skip
        units += [
            {"key": "cac-so", "name": "Các sở, ban, ngành", "kind": "group", "is_group": True,
             "active": True, "rule": {"kinds": ["department"]}},
            {"key": "cap-xa", "name": "UBND cấp xã", "kind": "group", "is_group": True,
             "active": True, "rule": {"kinds": ["commune"]}},
        ]  # fmt: skip
        await s.execute(insert(UnitRow), units)
        ids = dict((await s.execute(text("SELECT key, id FROM units"))).all())
        plan = PlanRow(identity="bench", source="bench.txt", issuer="UBND tỉnh Thử", year=YEAR,
                       title="Kế hoạch kiểm soát TTHC", fingerprint="bench", imported_at=t0,
                       updated_at=t0)  # fmt: skip
        s.add(plan)
        await s.flush()
        specs = (
            [("monthly", ["cac-so", "cap-xa"])] * 10
            + [("quarterly", ["cac-so", "cap-xa"])] * 10
            + [("quarterly", ["cac-so"])] * 20
            + [("once", [f"xa{i * 37 % (n_units - departments)}"]) for i in range(20)]
        )
        tasks = [{"plan_id": plan.id, "position": i, "ref": f"{i + 1}",
                  "content": f"Báo cáo kết quả kiểm soát thủ tục hành chính số {i + 1}",
                  "deadline": kind, "search_text": f"bao cao {i}", "inferred": [],
                  "active": True} for i, (kind, _lead) in enumerate(specs)]  # fmt: skip
        await s.execute(insert(TaskRow), tasks)
        task_ids = [t for (t,) in (await s.execute(text("SELECT id FROM tasks ORDER BY position")))]
        mentions, dues = [], []
        members = {"cac-so": [ids[f"so{i}"] for i in range(departments)],
                   "cap-xa": [ids[f"xa{i}"] for i in range(n_units - departments)]}  # fmt: skip
        owed: list[tuple[int, int, date, date]] = []
        for i, ((kind, lead), task_id) in enumerate(zip(specs, task_ids, strict=True)):
            for key in lead:
                mentions.append({"task_id": task_id, "role": "lead", "mention": key,
                                 "unit_id": ids[key]})  # fmt: skip
            for due in _dues(kind, i):
                last = CAL.last_day(Occurrence(due, False))
                dues.append({"task_id": task_id, "due_date": due, "last_day": last,
                             "before": False})  # fmt: skip
                for key in lead:
                    for unit in members.get(key, [ids[key]]):
                        owed.append((task_id, unit, due, last))
        await s.execute(insert(TaskUnitRow), mentions)
        await s.execute(insert(TaskDueRow), dues)
        done = []
        for task_id, unit, due, last in owed:
            if last < TODAY and rng.random() < 0.7:
                late = rng.random() < 0.1
                day = last + timedelta(days=rng.randint(1, 9) if late else -rng.randint(0, 5))
                at = datetime(day.year, day.month, day.day, 9, 0, tzinfo=VN).astimezone(UTC)
                done.append({"task_id": task_id, "unit_id": unit, "due_date": due,
                             "done_at": at})  # fmt: skip
        for i in range(0, len(done), 20_000):
            await s.execute(insert(CompletionRow), done[i : i + 20_000])
        await uow.commit()
    return len(owed), len(done)


async def one_run(engine: AsyncEngine) -> tuple[float, float, int, float]:
    """statistics (a fresh unit of work, as /thongke opens) and the chart: seconds each, the
    number of units, and the CPU seconds this process used (every thread: aiosqlite's and the
    chart's included; PostgreSQL's server not) — on a loaded machine, the part of the time that
    is this work rather than waiting for a core."""
    from services.stats_chart import to_png

    sessions = make_sessionmaker(engine)
    period = Period(date(YEAR, 1, 1), date(YEAR, 12, 31), f"năm {YEAR}")
    t0, c0 = time.perf_counter(), time.process_time()
    async with UnitOfWork(sessions, read_only=True) as uow:
        report = await build_stats(uow, period, TODAY, VN)
    t1 = time.perf_counter()
    png = await asyncio.to_thread(to_png, report)
    t2 = time.perf_counter()
    assert len(report.stats.units) > 0 and png[:4] == b"\x89PNG"
    return t1 - t0, t2 - t1, len(report.stats.units), time.process_time() - c0


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


async def bench(url: str, label: str, runs: int, n_units: int) -> None:
    engine = make_engine(url)
    try:
        t = time.perf_counter()
        pairs, done = await seed(engine, n_units, random.Random(16))
        print(f"\n[{label}] seeded {n_units} units, 60 tasks, {pairs:,} (unit, occurrence) pairs "
              f"owed as lead, {done:,} completions in {time.perf_counter() - t:.1f} s")  # fmt: skip
        cold = await one_run(engine)
        print(f"  cold first run: statistics {cold[0]:.3f} s + chart {cold[1]:.3f} s "
              f"= {cold[0] + cold[1]:.3f} s ({cold[2]} units)")  # fmt: skip
        stats_s, chart_s, total_s, cpu_s = [], [], [], []
        for _ in range(runs):
            a, b, _n, cpu = await one_run(engine)
            stats_s.append(a)
            chart_s.append(b)
            total_s.append(a + b)
            cpu_s.append(cpu)
        tracemalloc.start()
        await one_run(engine)
        _cur, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        med, p99 = statistics.median(total_s), _p99(total_s)
        print(f"  warm, {runs} runs: statistics median {statistics.median(stats_s):.3f} s "
              f"p99 {_p99(stats_s):.3f} s · chart median {statistics.median(chart_s):.3f} s "
              f"p99 {_p99(chart_s):.3f} s")  # fmt: skip
        verdict = "OK" if p99 < TARGET_S else "OVER"
        print(f"  statistics + chart: median {med:.3f} s, p99 {p99:.3f} s "
              f"(target < {TARGET_S:.0f} s: {verdict}); CPU of this process median "
              f"{statistics.median(cpu_s):.3f} s, max {max(cpu_s):.3f} s")  # fmt: skip
        # The coordinators' morning escalation list over the same store (built by the
        # dispatcher once per morning, in a read-only unit of work).
        from services.calendar import work_calendar
        from services.escalation import escalated, message_text

        times = []
        for _ in range(3):
            t = time.perf_counter()
            async with UnitOfWork(make_sessionmaker(engine), read_only=True) as uow:
                found = await escalated(uow.session, TODAY, 3, await work_calendar(uow.session))
                message_text(found, 3)
            times.append(time.perf_counter() - t)
        print(f"  escalation list ({len(found)} occurrences late ≥ 3 working days): "
              f"median {statistics.median(times):.3f} s of 3 runs")  # fmt: skip
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  peak Python allocation in one run {peak / 2**20:.1f} MiB; "
              f"process peak RSS so far {rss:.0f} MiB (seeding included)")  # fmt: skip
    finally:
        await engine.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--units", type=int, default=3000)
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} cores")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        await bench(f"sqlite+aiosqlite:///{folder}/stats.db", "SQLite file", args.runs, args.units)
    pg = os.environ.get("TTHC_PG_URL")
    if pg:
        url = await _fresh_pg(pg)
        try:
            await bench(url, "PostgreSQL", args.runs, args.units)
        finally:
            await _drop_pg(pg, url)
    else:
        print("\n[PostgreSQL] skipped: TTHC_PG_URL is not set")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


async def _fresh_pg(admin_url: str) -> str:
    """A database of the bench's own beside ``admin_url``'s (that one is left untouched)."""
    name = f"tthc_stats_bench_{os.getpid()}"
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await admin.dispose()
    return admin_url.rsplit("/", 1)[0] + "/" + name


async def _drop_pg(admin_url: str, url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


if __name__ == "__main__":
    asyncio.run(main())
