"""Done-when, end to end: the real bot process (`python bot.py` with ZALO_BOT_TOKEN and
ZALO_API_BASE_URL pointing at the fake Zalo server, no Telegram token) on a seeded store."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fakebot.world import seed
from fakezalo import FakeZaloApi
from sqlalchemy import func, select

from bot.questions import read_question
from bot.questions.periods import Period
from handlers.zalo.router import FILE_REFUSED, STRANGER
from services import invites
from services.status import board
from store.db import make_engine, make_sessionmaker
from store.models import OfficerRow, OutboxRow, TaskDueRow, TaskRow, TaskUnitRow
from store.uow import UnitOfWork

ROOT = Path(__file__).resolve().parent.parent
VN = ZoneInfo("Asia/Ho_Chi_Minh")
QUESTION = "viec gi den han thang 8"
CONTENT = "Báo cáo kết quả rà soát thủ tục hành chính tháng 8"


async def _wait(check, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.1)):
        if check():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("timed out")


@pytest.mark.slow
async def test_python_bot_py_on_zalo_alone_links_answers_marks_done_reminds_and_refuses(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    ids = await seed(url)
    today = datetime.now(VN).date()
    period = read_question(QUESTION, today).period
    assert isinstance(period, Period)
    due = period.start + timedelta(days=9)
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    async with sessions() as s:
        task = TaskRow(plan_id=1, position=50, ref="Z.1", content=CONTENT, deadline="Tháng 8",
                       search_text=CONTENT.lower(), inferred=[])  # fmt: skip
        s.add(task)
        await s.flush()
        s.add(TaskUnitRow(task_id=task.id, role="lead", mention="stp", unit_id=ids["stp"]))
        s.add(TaskDueRow(task_id=task.id, due_date=due, last_day=due, before=False))
        code = await invites.create_invite(UnitOfWork.over(s), ids["stp"], None, datetime.now(VN))
        await s.commit()
    api = FakeZaloApi(token="31337:VERY-secret-zalo")
    await api.start()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "DATABASE_URL": url, "ZALO_BOT_TOKEN": api.token, "ZALO_API_BASE_URL": api.base_url,
           "ZALO_QUOTA_RETRY_SECONDS": "30"}  # fmt: skip
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    lines: list[str] = []

    async def collect() -> None:
        assert proc.stdout is not None
        async for raw in proc.stdout:
            lines.append(raw.decode(errors="replace"))

    reader = asyncio.create_task(collect())

    async def say(user: str, text: str | None) -> str:
        mark = len(api.sent_to(user))
        if text is None:
            api.user_sends_file(user, "Lan")
        else:
            api.user_says(user, "Lan", text)
        await _wait(lambda: len(api.sent_to(user)) > mark)
        return api.sent_to(user)[mark]

    try:
        await _wait(lambda: bool(api.calls("getUpdates")), 60)
        stranger = await say("u-stranger", QUESTION)
        assert stranger == STRANGER and CONTENT not in stranger
        assert "Đã liên kết Zalo" in await say("u-lan", code)
        answer = await say("u-lan", QUESTION)
        assert CONTENT[:40] in answer and "Cập nhật cơ sở dữ liệu" not in answer
        number = next(line.split(".")[0] for line in answer.splitlines() if "[Z.1]" in line)
        assert "Đã ghi nhận hoàn thành" in await say("u-lan", f"xong {number}")
        async with sessions() as s:
            shown = await board(s, period, today, reports_only=False)
        states = [u for o in shown.occurrences if o.task_id == task.id for u in o.units]
        assert [(u.unit_id, u.done) for u in states] == [(ids["stp"], True)]
        assert await say("u-lan", None) == FILE_REFUSED
        # A planned reminder, refused once for quota: delayed, then sent once.
        async with sessions() as s:
            lan = await s.scalar(select(OfficerRow).where(OfficerRow.name == "Lan"))
            assert lan is not None
            api.quota_exceeded(1)
            s.add(OutboxRow(chat_id=lan.telegram_id, officer_id=lan.id, task_id=ids["t2"],
                            due_date=date(2025, 8, 25), kind="dayof", send_at=datetime.now(UTC),
                            status="pending", text="⏰ Nhắc thử: <b>Rà soát quy trình</b>",
                            attempts=0))  # fmt: skip
            await s.commit()
        await _wait(lambda: any(c[0] == "sendMessage" and c[2] == 429 for c in api.requests), 40)
        await _wait(lambda: any("Nhắc thử" in t for t in api.sent_to("u-lan")), 90)
        reminders = [t for t in api.sent_to("u-lan") if "Nhắc thử" in t]
        assert len(reminders) == 1 and "<b>" not in reminders[0] and "«xong" in reminders[0]
        for _ in range(100):  # marked sent right after Zalo answered
            async with sessions() as s:
                status = await s.scalar(select(OutboxRow.status).where(OutboxRow.text.like("%Nhắc thử%")))  # fmt: skip
                people = await s.scalar(select(func.count(OfficerRow.id)))
            if status == "sent":
                break
            await asyncio.sleep(0.1)
        assert status == "sent" and people == 1  # the stranger was never registered
        assert len([t for t in api.sent_to("u-lan") if "Nhắc thử" in t]) == 1
    finally:
        await api.stop()
        if proc.returncode is None:
            os.kill(proc.pid, signal.SIGINT)
        await asyncio.wait_for(proc.wait(), 60)
        await reader
        await engine.dispose()
    logs = "".join(lines)
    assert "VERY-secret-zalo" not in logs
    assert "Zalo bot" in logs
