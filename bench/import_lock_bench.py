"""How long a plan import keeps other SQLite writers out (issue 11, item 4).

    .venv/bin/python bench/import_lock_bench.py [TASKS]

On a fresh SQLite file: a preview (dry run), a first import, then the import of a revision (every
task's deadline changed) of a synthetic plan of TASKS tasks (default 2,000, the largest accepted).
Beside each, a prober thread tries ``BEGIN IMMEDIATE`` every 20 ms with no busy timeout and
records the longest span during which it could not get the write lock.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.deadlines import WorkCalendar  # noqa: E402
from bot.model import PlanDraft, TaskDraft  # noqa: E402
from services.imports import import_draft  # noqa: E402
from store.db import make_engine, make_sessionmaker  # noqa: E402
from store.migrate import migrate  # noqa: E402

UNITS = ("Sở Tư pháp", "Sở Nội vụ", "Văn phòng UBND tỉnh", "UBND cấp xã", "Sở Tài chính")
DEADLINES = ("Hằng tháng", "Trước ngày 15/12/2026", "Thường xuyên", "Quý III/2026", "Hằng quý")
NOW = datetime(2026, 1, 20, 9, 0, tzinfo=UTC)


def plan(tasks: int, shift: int = 0) -> PlanDraft:
    rows = tuple(
        TaskDraft(
            ref=str(i + 1),
            section="II. NỘI DUNG",
            content=f"Rà soát, đánh giá thủ tục hành chính nhóm {i} lĩnh vực {i % 37}.",
            lead=(UNITS[i % 5],),
            support=(UNITS[(i + 2) % 5],),
            deadline=DEADLINES[(i + shift) % 5],
        )
        for i in range(tasks)
    )
    return PlanDraft(
        "bench.docx", "UBND tỉnh Quảng Ngãi", 2026, "99/KH-UBND", "Kế hoạch thử", tasks=rows
    )


class Prober(threading.Thread):
    def __init__(self, db: Path) -> None:
        super().__init__(daemon=True)
        self.db, self.stop, self.longest = db, threading.Event(), 0.0

    def run(self) -> None:
        blocked_since = None
        while not self.stop.is_set():
            conn = sqlite3.connect(self.db, timeout=0, isolation_level=None)
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("ROLLBACK")
                if blocked_since is not None:
                    self.longest = max(self.longest, time.monotonic() - blocked_since)
                    blocked_since = None
            except sqlite3.OperationalError:
                blocked_since = blocked_since or time.monotonic()
            finally:
                conn.close()
            time.sleep(0.02)
        if blocked_since is not None:
            self.longest = max(self.longest, time.monotonic() - blocked_since)


async def main(tasks: int) -> None:
    db = Path(tempfile.mkdtemp()) / "bench.db"
    engine = make_engine(f"sqlite+aiosqlite:///{db}")
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    runs = [("preview", plan(tasks), True), ("import", plan(tasks), False)]
    runs.append(("revision", plan(tasks, shift=1), False))
    for label, draft, dry in runs:
        prober = Prober(db)
        prober.start()
        started = time.monotonic()
        result = await import_draft(sessions, draft, NOW, WorkCalendar(), dry_run=dry)
        total = time.monotonic() - started
        prober.stop.set()
        prober.join()
        print(
            f"{label:<9} tasks={tasks} total={total:5.2f}s longest write-lock hold="
            f"{prober.longest:4.2f}s (created {result.created}, updated {result.updated})"
        )
    await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
