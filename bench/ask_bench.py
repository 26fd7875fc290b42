"""Latency of ``services.ask.ask`` in process: over the seed plans and over a generated store.

Stores (each on SQLite and on PostgreSQL, a fresh database each):
- seeds: the five seed plans imported into a Gia Lai deployment (built-in directory);
- generated: Gia Lai's built-in directory topped up with synthetic communes to ``--units`` units,
  and ``--tasks`` tasks in plans of 50 (``--group-share``, default 3%, led by a province-wide
  group: "Các sở, ban, ngành tỉnh", "UBND cấp xã" or the central agencies, so every department
  owes about 1,000 of them at 100,000 tasks; the rest led by one unit, half of them with a
  cooperating unit). A real province's yearly plan has 40-60 tasks, most led by such groups, so
  3% of 100,000 tasks is about forty years of provincial plans. Deadlines: 25% ongoing,
  15% monthly "trước ngày 20 hằng tháng", 20% quarterly, 40% once; due dates materialised in
  ``task_due`` for 2024-2026 as the import does (about 0.8 million rows at 100,000 tasks).

Each timed call opens its own unit of work (as a Telegram update does) and asks one of the
questions below as one of five units (departments, the provincial office, communes), as of
1/7/2025. A warm-up round (each question once) loads the unit directory cache and compiles
each statement shape once first. The baseline printed
beside is the question reader alone (no database).

Run: ``.venv/bin/python bench/ask_bench.py [--tasks 100000] [--units 3000] [--rounds 3]
[--group-share 0.03] [--backends sqlite,postgresql] [--skip-seeds]``
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select, text  # noqa: E402

from bot.deadlines import Occurrence, WorkCalendar  # noqa: E402
from bot.questions import read_question  # noqa: E402
from bot.text import fold  # noqa: E402
from store.db import make_engine, make_sessionmaker  # noqa: E402
from store.migrate import migrate  # noqa: E402
from store.models import PlanRow, TaskDueRow, TaskRow, TaskUnitRow, UnitRow  # noqa: E402
from store.uow import UnitOfWork, reading_engine  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
PG_ADMIN = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
TODAY = date(2025, 7, 1)
TARGET_P99_MS = 20.0
NOW = datetime(2025, 6, 1, tzinfo=UTC)
QUESTIONS = (
    "việc gì đến hạn tháng 8",
    "viec gi den han thang 8",
    "tuần này có việc gì",
    "hôm nay có việc gì",
    "quý 3 phải làm gì",
    "từ 1/8 đến 15/9",
    "cuối năm",
    "việc nào quá hạn",
    "việc sắp đến hạn",
    "việc thường xuyên",
    "những việc về số hóa",
    "chi tiết việc II.3",
    "hạn báo cáo quý 3 là ngày nào",
    "khi nào nộp báo cáo tháng",
    "có bao nhiêu việc quá hạn",
    "sở xây dựng phải làm gì tháng 9",
    "việc của tôi",
    "hướng dẫn",
)
ASKERS = ("so_tu_phap", "so_xay_dung", "vp_ubnd", "commune", "gen_commune")
TOPICS = (
    "số hóa hồ sơ, kết quả giải quyết TTHC",
    "tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính",
    "rà soát, đơn giản hóa TTHC nội bộ",
    "công khai TTHC trên Cổng Dịch vụ công quốc gia",
    "báo cáo tình hình, kết quả kiểm soát TTHC",
    "đánh giá tác động của TTHC trong dự thảo văn bản",
    "thanh toán trực tuyến phí, lệ phí",
    "tuyên truyền về cải cách hành chính",
    "kiểm tra việc thực hiện cơ chế một cửa",
    "cập nhật cơ sở dữ liệu quốc gia về TTHC",
)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def ms(seconds: float) -> float:
    return seconds * 1000.0


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return statistics.median(ordered), p99


async def import_seeds(sessions: Any) -> None:
    from bot.plans import read_plan
    from services.imports import import_plan
    from services.units import ensure_directory

    cal = WorkCalendar()
    async with UnitOfWork(sessions) as uow:
        await ensure_directory(uow.session, "Gia Lai")
        await uow.commit()
    for seed in sorted(SEEDS.glob("*.txt")):
        async with UnitOfWork(sessions) as uow:
            await import_plan(uow, read_plan(seed), NOW, cal)
            await uow.commit()


def _dues(kind: str, rnd: random.Random) -> list[tuple[date, bool]]:
    if kind == "monthly":
        return [(date(y, m, 20), True) for y in (2024, 2025, 2026) for m in range(1, 13)]
    if kind == "quarterly":
        return [(date(y, m, 19), False) for y in (2024, 2025, 2026) for m in (3, 6, 9, 12)]
    day = date(2025, 1, 1) + timedelta(days=rnd.randrange(365))
    return [(day, rnd.random() < 0.5)]


async def generate(
    sessions: Any, n_tasks: int, n_units: int, group_share: float = 0.03, seed: int = 7
) -> None:
    """Gia Lai's directory plus synthetic communes, then ``n_tasks`` tasks with due dates."""
    from services.units import ensure_directory

    rnd = random.Random(seed)
    cal = WorkCalendar()
    last_day_cache: dict[tuple[date, bool], date] = {}
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        await ensure_directory(s, "Gia Lai")
        have = int(await s.scalar(select(func.count(UnitRow.id))) or 0)
        start = int(await s.scalar(select(func.max(UnitRow.id))) or 0) + 1
        extra = [
            {
                "id": start + i,
                "key": f"gen_xa_{i}",
                "name": f"UBND xã Thử Nghiệm {i}",
                "kind": "commune",
                "is_group": False,
                "active": True,
            }
            for i in range(max(n_units - have, 0))
        ]
        if extra:
            await s.execute(insert(UnitRow), extra)
        rows = (
            await s.execute(select(UnitRow.id, UnitRow.key, UnitRow.is_group, UnitRow.rule))
        ).all()
        groups = [
            r.id
            for r in rows
            if r.is_group
            and not (r.rule or {}).get("unresolved")
            and r.key in ("so_ban_nganh", "ubnd_cap_xa", "co_quan_tw")
        ]
        units = [r.id for r in rows if not r.is_group]
        plans = []
        for p in range(max(n_tasks // 50, 1)):
            plans.append(
                {
                    "id": p + 1,
                    "identity": f"gen-{p}",
                    "source": f"gen-{p}.docx",
                    "issuer": "UBND tỉnh Gia Lai",
                    "year": 2025,
                    "title": f"Kế hoạch thử nghiệm số {p}",
                    "fingerprint": "gen",
                    "imported_at": NOW,
                    "updated_at": NOW,
                }
            )
        await s.execute(insert(PlanRow), plans)
        tasks: list[dict[str, Any]] = []
        dues: list[dict[str, Any]] = []
        mentions: list[dict[str, Any]] = []
        for t in range(n_tasks):
            task_id = t + 1
            roll = rnd.random()
            kind = (
                "ongoing"
                if roll < 0.25
                else "monthly"
                if roll < 0.40
                else "quarterly"
                if roll < 0.60
                else "once"
            )
            topic = rnd.choice(TOPICS)
            content = f"Thực hiện {topic} (nhiệm vụ {task_id})."
            pos = t % 50
            tasks.append(
                {
                    "id": task_id,
                    "plan_id": t // 50 + 1,
                    "position": pos,
                    "ref": f"{ROMAN[pos // 7]}.{pos % 7 + 1}",
                    "content": content,
                    "deadline": {
                        "ongoing": "Thường xuyên",
                        "monthly": "Trước ngày 20 hằng tháng",
                        "quarterly": "Hằng quý",
                        "once": "Trong năm 2025",
                    }[kind],
                    "ongoing": kind == "ongoing",
                    "deadline_unknown": False,
                    "search_text": fold(content),
                    "active": True,
                    "inferred": [],
                }
            )
            if kind != "ongoing":
                for due, before in _dues(kind, rnd):
                    key = (due, before)
                    if key not in last_day_cache:
                        last_day_cache[key] = cal.last_day(Occurrence(due, before))
                    dues.append(
                        {
                            "task_id": task_id,
                            "due_date": due,
                            "last_day": last_day_cache[key],
                            "before": before,
                        }
                    )
            lead = rnd.choice(groups) if rnd.random() < group_share else rnd.choice(units)
            mentions.append({"task_id": task_id, "role": "lead", "mention": "x", "unit_id": lead})
            if rnd.random() < 0.5:
                mentions.append(
                    {
                        "task_id": task_id,
                        "role": "support",
                        "mention": "y",
                        "unit_id": rnd.choice(units),
                    }
                )
        for table, batch in ((TaskRow, tasks), (TaskDueRow, dues), (TaskUnitRow, mentions)):
            for i in range(0, len(batch), 20000):
                await s.execute(insert(table), batch[i : i + 20000])
        await uow.commit()
    async with sessions() as s:
        if s.bind.dialect.name == "postgresql":
            await s.execute(text("ANALYZE"))
        else:
            await s.execute(text("ANALYZE"))
        await s.commit()
    print(
        f"    generated {n_tasks:,} tasks, {len(dues):,} due dates, {len(mentions):,} unit mentions, {len(rows):,} units"
    )


async def askers(sessions: Any) -> dict[str, int]:
    async with UnitOfWork(sessions) as uow:
        rows = (await uow.session.execute(select(UnitRow.id, UnitRow.key, UnitRow.kind))).all()
    by_key = {r.key: r.id for r in rows}
    communes = [r.id for r in rows if r.kind == "commune" and not r.key.startswith("gen_")]
    generated = [r.id for r in rows if r.key.startswith("gen_")]
    out = {k: by_key[k] for k in ("so_tu_phap", "so_xay_dung", "vp_ubnd")}
    out["commune"] = communes[len(communes) // 2]
    out["gen_commune"] = generated[len(generated) // 2] if generated else communes[0]
    return out


async def time_store(sessions: Any, rounds: int) -> tuple[list[float], list[float]]:
    from services.ask import ask

    cal = WorkCalendar()
    who = await askers(sessions)
    # Warm-up, each question once: loads the unit directory cache and compiles each statement
    # shape once in this process (SQLAlchemy's compiled cache), as a running bot has long done.
    for q in QUESTIONS:
        async with UnitOfWork(sessions, read_only=True) as uow:
            await ask(uow, q, unit_id=who["so_tu_phap"], today=TODAY, calendar=cal)
    samples: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for key in ASKERS:
            for q in QUESTIONS:
                t0, c0 = time.perf_counter(), time.process_time()
                async with UnitOfWork(sessions, read_only=True) as uow:
                    await ask(uow, q, unit_id=who[key], today=TODAY, calendar=cal)
                samples.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
    return samples, cpu


# A topic no unit owes: the answer widens to every plan (a LIKE over every task's folded text;
# a pg_trgm index on PostgreSQL). Timed apart: it is not a question of the set above.
WIDER = "việc về an toàn thực phẩm"


async def time_wider(sessions: Any, rounds: int) -> list[float]:
    from services.ask import ask

    cal = WorkCalendar()
    who = await askers(sessions)
    samples = []
    for _ in range(rounds):
        for key in ASKERS:
            t0 = time.perf_counter()
            async with UnitOfWork(sessions, read_only=True) as uow:
                await ask(uow, WIDER, unit_id=who[key], today=TODAY, calendar=cal)
            samples.append(ms(time.perf_counter() - t0))
    return samples


async def slowest(sessions: Any) -> list[tuple[float, str, str]]:
    from services.ask import ask

    cal = WorkCalendar()
    who = await askers(sessions)
    worst = []
    for key in ASKERS:
        for q in QUESTIONS:
            t0 = time.perf_counter()
            async with UnitOfWork(sessions, read_only=True) as uow:
                await ask(uow, q, unit_id=who[key], today=TODAY, calendar=cal)
            worst.append((ms(time.perf_counter() - t0), key, q))
    return sorted(worst, reverse=True)[:3]


async def fresh_database(backend: str, tmp: Path) -> tuple[str, Any]:
    """A migrated empty database URL and a function that drops it."""
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp / f'bench-{uuid.uuid4().hex[:6]}.db'}"

        async def drop_sqlite() -> None:
            return None

        engine = make_engine(url)
        await migrate(engine)
        await engine.dispose()
        return url, drop_sqlite
    name = f"tthc_bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    engine = make_engine(url)
    await migrate(engine)
    await engine.dispose()

    async def drop_pg() -> None:
        a = make_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        async with a.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await a.dispose()

    return url, drop_pg


def reader_baseline(rounds: int) -> tuple[float, float]:
    samples = []
    for _ in range(rounds * len(ASKERS)):
        for q in QUESTIONS:
            t0 = time.perf_counter()
            read_question(q, TODAY)
            samples.append(time.perf_counter() - t0)
    return summary([ms(x) for x in samples])


async def run_store(backend: str, store: str, args: argparse.Namespace, tmp: Path) -> None:
    url, drop = await fresh_database(backend, tmp)
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    try:
        t0 = time.perf_counter()
        if store == "seeds":
            await import_seeds(sessions)
        else:
            await generate(sessions, args.tasks, args.units, args.group_share)
        build = time.perf_counter() - t0
        if backend == "postgresql":
            # A store in use has been vacuumed by autovacuum; a freshly bulk-loaded table has no
            # visibility map yet, so every index-only scan would read the heap as well.
            async with engine.connect() as conn:
                conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
                await conn.execute(text("VACUUM ANALYZE"))
        else:
            # A store in use has a short write-ahead log (SQLite checkpoints it as it goes); right
            # after a bulk load of a million rows every page read would first be looked up in a
            # log of hundreds of megabytes.
            async with reading_engine(engine).connect() as conn:  # outside a transaction
                await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        # The bulk load's garbage is collected before timing, as a running bot's start-up
        # garbage is long gone.
        gc.collect()
        wall, cpu = await time_store(sessions, args.rounds)
        samples = [ms(x) for x in wall]
        med, p99 = summary(samples)
        cpu_med, cpu_p99 = summary([ms(x) for x in cpu])
        worst = await slowest(sessions)
        flag = "ok" if p99 < TARGET_P99_MS else "OVER TARGET"
        label = (
            "seeds (5 plans)"
            if store == "seeds"
            else f"gen. {args.tasks:,} tasks/{args.units:,} units/{args.group_share:.0%} group"
        )
        print(
            f"  {backend:<10} {label:<38} n={len(samples):<4} median {med:6.2f} ms   p99 {p99:6.2f} ms"
            f"   (target p99 < {TARGET_P99_MS:.0f} ms: {flag}; built in {build:.1f} s)"
        )
        # CPU time of this process (SQLite runs in it; PostgreSQL's server time is not counted):
        # the wall figures above include waiting for the CPU on a shared machine.
        where = "incl. SQLite" if backend == "sqlite" else "client side only"
        print(f"    process CPU per ask ({where}): median {cpu_med:.2f} ms  p99 {cpu_p99:.2f} ms")
        print("    slowest: " + "; ".join(f"{w:.1f} ms {k} «{q}»" for w, k, q in worst))
        wider = await time_wider(sessions, args.rounds)
        w_med, w_p99 = summary(wider)
        print(
            f"    topic no unit owes «{WIDER}» (widens to every plan): "
            f"median {w_med:.2f} ms  max {max(wider):.2f} ms (n={len(wider)})"
        )
    finally:
        await engine.dispose()
        await drop()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=3_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--group-share",
        type=float,
        default=0.03,
        help="share of tasks led by a province-wide group (each unit owes a third of them)",
    )
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--skip-seeds", action="store_true")
    args = parser.parse_args()
    med, p99 = reader_baseline(args.rounds)
    print(
        f"ask latency in process, as of {TODAY.isoformat()} ({len(QUESTIONS)} questions x {len(ASKERS)} units x {args.rounds} rounds)"
    )
    print(f"  baseline: question reader alone          median {med:6.3f} ms   p99 {p99:6.3f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            stores = (
                ("generated",) if args.skip_seeds or not SEEDS.is_dir() else ("seeds", "generated")
            )
            for store in stores:
                await run_store(backend, store, args, Path(tmp))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory (max RSS of this process): {peak:.0f} MiB")
    print(
        f"  machine load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )


if __name__ == "__main__":
    asyncio.run(main())
