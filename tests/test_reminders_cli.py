"""`bot.py reminders plan`: what would be sent when, to whom, for which task."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from reminders_support import World, add_officer, add_task, add_unit

from store.uow import UnitOfWork

ROOT = Path(__file__).resolve().parent.parent


async def test_plan_lists_each_reminder_with_its_local_time_recipient_and_task(db_url, sessions):
    async with UnitOfWork(sessions) as uow:
        w = World()
        await add_unit(uow.session, w, "u")
        await add_officer(uow.session, w, "lan", "u", 41, digest=False)
        await add_task(uow.session, w, "I.2", "Báo cáo tháng", [(date(2025, 8, 20), date(2025, 8, 19))], ["u"], before=True)  # fmt: skip
        await uow.commit()
    cmd = [sys.executable, "bot.py", "--db", db_url, "reminders", "plan", "--today", "2025-08-13"]
    out = subprocess.run([*cmd, "--days", "7", "--json"], cwd=ROOT, capture_output=True, text=True, check=True)  # fmt: skip
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(r["send_at"], r["chat_id"], r["kind"], r["due_date"]) for r in rows] == [
        ("2025-08-14T08:00:00+07:00", 41, "before3", "2025-08-20"),
        ("2025-08-18T08:00:00+07:00", 41, "before1", "2025-08-20"),
        ("2025-08-19T08:00:00+07:00", 41, "dayof", "2025-08-20"),
    ]
    text = subprocess.run(
        [*cmd, "--days", "3"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "Thứ Năm, 14/8/2025 08:00 → chat 41 · before3" in text.stdout
    assert "1 tin nhắn trong 3 ngày từ Thứ Tư, 13/8/2025" in text.stdout
