"""`python bot.py daysoff list|add|remove`: days off from the command line, on both backends."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from reminders_support import World, add_officer, add_task, add_unit
from sqlalchemy import select

from reminders.outbox import utc
from services.reminders import plan_reminders
from store.models import OutboxRow, TaskDueRow
from store.uow import UnitOfWork

ROOT = Path(__file__).resolve().parent.parent
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _cli(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "bot.py", "--db", db_url, "daysoff", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


async def _state(sessions) -> tuple[date, datetime]:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        last = await uow.session.scalar(select(TaskDueRow.last_day))
        dayof = await uow.session.scalar(
            select(OutboxRow.send_at).where(
                OutboxRow.kind == "dayof", OutboxRow.status == "pending"
            )  # fmt: skip
        )
    assert last is not None and dayof is not None
    return last, utc(dayof).astimezone(TZ)


async def test_add_list_and_remove_print_what_was_recomputed(db_url, sessions):
    async with UnitOfWork(sessions) as uow:
        w = World()
        await add_unit(uow.session, w, "u")
        await add_officer(uow.session, w, "lan", "u", 41, digest=False)
        # Before Monday 20/10/2025: the real last day is Friday 17/10.
        await add_task(uow.session, w, "I.1", "Báo cáo tháng", [(date(2025, 10, 20), date(2025, 10, 17))], ["u"], before=True)  # fmt: skip
        await uow.commit()
    async with UnitOfWork(sessions) as uow:
        await plan_reminders(uow, datetime(2025, 10, 13, 7, tzinfo=TZ), ahead=timedelta(days=5))
    assert await _state(sessions) == (date(2025, 10, 17), datetime(2025, 10, 17, 8, tzinfo=TZ))

    added = _cli(db_url, "add", "2025-10-17", "--note", "Nghỉ bù", "--today", "2025-10-13")
    assert added.returncode == 0, added.stderr
    assert "Đã thêm ngày nghỉ Thứ Sáu, 17/10/2025." in added.stdout
    assert "Hạn được dời: 1" in added.stdout
    assert "Lời nhắc xếp lại: " in added.stdout and "Lời nhắc xếp lại: 0" not in added.stdout
    assert await _state(sessions) == (date(2025, 10, 16), datetime(2025, 10, 16, 8, tzinfo=TZ))

    listed = _cli(db_url, "list", "--year", "2025")
    assert listed.returncode == 0, listed.stderr
    assert "2025-10-17\tbổ sung\tThứ Sáu, 17/10/2025\tNghỉ bù" in listed.stdout
    assert "2025-09-02\tngày lễ\tThứ Ba, 2/9/2025\t" in listed.stdout
    assert "1 ngày nghỉ bổ sung" in listed.stdout

    twice = _cli(db_url, "add", "2025-10-17", "--today", "2025-10-13")
    assert twice.returncode == 1 and "đã có trong danh sách" in twice.stderr

    removed = _cli(db_url, "remove", "2025-10-17", "--today", "2025-10-13")
    assert removed.returncode == 0, removed.stderr
    assert "Đã bỏ ngày nghỉ Thứ Sáu, 17/10/2025." in removed.stdout
    assert "Hạn được dời: 1" in removed.stdout
    assert await _state(sessions) == (date(2025, 10, 17), datetime(2025, 10, 17, 8, tzinfo=TZ))


async def test_bad_input_is_refused_with_a_reason(db_url):
    weekend = _cli(db_url, "add", "2025-10-18", "--today", "2025-10-13")
    assert weekend.returncode == 1 and "cuối tuần" in weekend.stderr
    past = _cli(db_url, "remove", "2025-10-10", "--today", "2025-10-13")
    assert past.returncode == 1 and "đã qua" in past.stderr
    bad = _cli(db_url, "add", "17/10/2025")
    assert bad.returncode == 2 and "ngày không hợp lệ" in bad.stderr.lower()
