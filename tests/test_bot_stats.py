"""/thongke and the coordinators' escalation list over the fake Bot API with the real bot.

The world is /tinhhinh's (tests/test_bot_status.py): Sở Tư pháp, Sở Nội vụ, Sở Xây dựng, the
group "Các sở, ban, ngành" leading a monthly report; task 4 led by Sở Tư pháp was due 10/7 and
is not done. Today is Monday 18/8/2025.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fakebot.world import VN, World, start_world, stop_world
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import select

from reminders.dispatcher import Dispatcher
from reminders.send_types import UNLIMITED
from reminders.telegram_port import TelegramPort
from services.reminders import plan_reminders
from store.db import make_engine, make_sessionmaker
from store.models import CompletionRow, OutboxRow
from store.uow import UnitOfWork
from tests.test_bot_status import COORD, HUNG, LAN, MAI, _add_monthly_report

TUESDAY_7 = datetime(2025, 8, 19, 7, 0, tzinfo=VN)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await _add_monthly_report(w)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    await w.add_officer(MAI, "Mai", "sxd")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def test_a_coordinator_gets_the_chart_the_figures_and_the_workbook(world: World) -> None:
    replies = await world.harness.private(COORD).send("/thongke quý 3")
    assert [r.method for r in replies.messages] == ["sendPhoto", "sendMessage", "sendDocument"]
    photo = world.api.calls("sendPhoto")[-1].files
    with Image.open(io.BytesIO(next(iter(photo.values())))) as image:
        assert image.format == "PNG" and image.size[0] >= 1080
    text = replies.messages[1].text
    assert "Thống kê thực hiện nhiệm vụ — quý III/2025" in text
    # Q3 to Monday 18/8: July's monthly report (last day 18/7) is late for all three
    # departments, task 4 (10/7) for Tư pháp; August's report (last day 19/8) is done by Tư
    # pháp, in time for the others; tasks 1, 2, 3 and September's report are not yet due.
    assert "1. Sở Tư pháp — đúng hạn 1 · quá hạn 2 (chưa hoàn thành 2) · trong hạn 2" in text
    assert "2. Sở Nội vụ — đúng hạn 0 · quá hạn 1 (chưa hoàn thành 1) · trong hạn 4" in text
    assert "3 đơn vị chủ trì · 13 việc: đúng hạn 1 · quá hạn 4 (chưa hoàn thành 4)" in text
    files = world.api.calls("sendDocument")[-1].files
    assert list(files) == ["thong-ke-20250701-20250930.xlsx"]
    sheet = load_workbook(io.BytesIO(next(iter(files.values())))).active
    assert {row[1].value for row in sheet.iter_rows(min_row=3)} >= {"Sở Tư pháp", "Sở Nội vụ"}


async def test_an_officer_is_refused_and_the_command_is_private(world: World) -> None:
    replies = await world.harness.private(LAN).send("/thongke")
    assert "chỉ dành cho Văn phòng UBND tỉnh" in replies.text
    assert not world.api.calls("sendPhoto")
    group = world.harness.group(-100900, COORD)
    assert "chỉ dùng trong chat riêng" in (await group.send("/thongke")).text
    bad = (await world.harness.private(COORD).send("/thongke tuần abc")).text
    assert "Không hiểu kỳ" in bad and not world.api.calls("sendPhoto")


async def test_the_command_menu_and_help_name_it(world: World) -> None:
    assert any(c["command"] == "thongke" for c in world.api.commands)
    assert "/thongke" in (await world.harness.private(COORD).send("/huongdan")).text


async def _plan(url: str, now: datetime) -> None:
    """A planning run in its own engine: another process, or the same after a restart."""
    engine = make_engine(url)
    try:
        async with UnitOfWork(make_sessionmaker(engine)) as uow:
            await plan_reminders(uow, now, escalate_after=3)
    finally:
        await engine.dispose()


async def _dispatch(world: World, at: datetime) -> None:
    port = TelegramPort(world.harness.app.bot)
    await Dispatcher(world.services.sessions, port, clock=lambda: at, limits=UNLIMITED).run_once()


def _escalations(world: World, mark: int) -> list[str]:
    return [
        r.params["text"]
        for r in world.api.requests[mark:]
        if r.method == "sendMessage"
        and r.chat_id == COORD
        and "Việc quá hạn từ" in r.params["text"]
    ]


async def test_the_escalation_list_reaches_the_coordinators_once_per_morning(world: World) -> None:
    mark = len(world.api.requests)
    # Two processes plan the same mornings, one of them twice (a restart).
    for now in (TUESDAY_7, TUESDAY_7 + timedelta(minutes=20), TUESDAY_7 + timedelta(minutes=40)):
        await _plan(world.url, now)
    rows = await world.all(
        select(OutboxRow.chat_id, OutboxRow.due_date, OutboxRow.kind).where(
            OutboxRow.kind.like("escalate:%")
        )
    )
    assert sorted(r[0] for r in rows if str(r[1]) == "2025-08-19") == [COORD]
    eight = TUESDAY_7 + timedelta(hours=1, minutes=2)
    await _dispatch(world, eight)
    await _dispatch(world, eight + timedelta(minutes=1))
    sent = _escalations(world, mark)
    assert len(sent) == 1, sent
    text = sent[0]
    assert "Việc quá hạn từ 3 ngày làm việc trở lên — 2 việc" in text
    assert text.index("Mục 4") < text.index("Mục V.1")  # the most overdue first
    assert "Sở Tư pháp" in text and "Sở Nội vụ" in text and "Sở Xây dựng" in text
    # Working days after the last day: 10/7 → 19/8 is 28, 18/7 → 19/8 is 22.
    assert "hạn chậm nhất 10/7/2025, quá hạn 28 ngày làm việc: Sở Tư pháp\n" in text
    assert "quá hạn 22 ngày làm việc: Sở Nội vụ, Sở Tư pháp, Sở Xây dựng" in text
    # Officers never get it.
    assert not [r for r in world.api.requests[mark:] if r.chat_id in (LAN, HUNG, MAI)
                and "Việc quá hạn từ" in str(r.params.get("text"))]  # fmt: skip

    # 📣 under the list is the status board's nudge, to the units not done.
    coord = world.harness.private(COORD)
    replies = await coord.press("📣 Nhắc các đơn vị chưa xong")
    # 📣 asks first (nothing queued yet), then ✔️ sends.
    assert "Gửi nhắc tới 3 đơn vị chưa xong?" in replies.text
    assert not await world.all(select(OutboxRow.chat_id).where(OutboxRow.kind.like("nudge:%")))
    replies = await coord.press("✔️ Gửi nhắc")
    assert "Đã xếp" in replies.text and "3 đơn vị chưa xong" in replies.text
    nudges = await world.all(select(OutboxRow.chat_id).where(OutboxRow.kind.like("nudge:%")))
    assert sorted({r[0] for r in nudges}) == sorted([LAN, HUNG, MAI])

    # The next morning: one more list, still one per morning.
    async with world.services.uow() as uow:
        uow.session.add(CompletionRow(task_id=world.ids["t4"], unit_id=world.ids["stp"],
                                      due_date=datetime(2025, 7, 10).date(),
                                      done_at=TUESDAY_7))  # fmt: skip
        await uow.commit()
    wednesday = TUESDAY_7 + timedelta(days=1)
    await _plan(world.url, wednesday)
    await _plan(world.url, wednesday + timedelta(minutes=5))
    mark2 = len(world.api.requests)
    await _dispatch(world, wednesday + timedelta(hours=1, minutes=5))
    await _dispatch(world, wednesday + timedelta(hours=1, minutes=6))
    again = _escalations(world, mark2)
    assert len(again) == 1
    assert "— 1 việc" in again[0] and "Mục 4" not in again[0]  # task 4 done since


async def test_nothing_to_list_sends_nothing(world: World) -> None:
    async with world.services.uow() as uow:
        for unit in ("stp", "snv", "sxd"):
            for month in range(1, 8):
                uow.session.add(CompletionRow(task_id=world.ids["tV.1"], unit_id=world.ids[unit],
                                              due_date=datetime(2025, month, 20).date(),
                                              done_at=TUESDAY_7))  # fmt: skip
        uow.session.add(CompletionRow(task_id=world.ids["t4"], unit_id=world.ids["stp"],
                                      due_date=datetime(2025, 7, 10).date(),
                                      done_at=TUESDAY_7))  # fmt: skip
        await uow.commit()
    mark = len(world.api.requests)
    await _plan(world.url, TUESDAY_7)
    await _dispatch(world, TUESDAY_7 + timedelta(hours=1, minutes=2))
    assert _escalations(world, mark) == []
    status = await world.all(
        select(OutboxRow.due_date, OutboxRow.status).where(OutboxRow.kind.like("escalate:%"))
    )
    # Tuesday's row is dropped, not sent; Wednesday's (planned ahead) waits for its morning.
    assert sorted((str(d), s) for d, s in status) == [("2025-08-19", "dropped"),
                                                      ("2025-08-20", "pending")]  # fmt: skip


async def test_a_coordinator_on_zalo_gets_the_list_there(tmp_path: Path) -> None:
    """A coordinator who linked a Zalo chat gets the morning list on Zalo, as plain text, told
    the 📣 button is on Telegram; still once per morning."""
    from fakezalo.driver import start_zalo_world

    from handlers.zalo.port import RoutingPort

    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    z = await start_zalo_world(w)
    try:
        code = (await w.harness.private(COORD).send("/zalo")).text
        await z.say("zalo-coord", code.split("<code>")[1].split("</code>")[0], "Điều phối")
        await _plan(w.url, TUESDAY_7)
        port = RoutingPort(TelegramPort(w.harness.app.bot), z.port)
        for minutes in (2, 3):
            at = TUESDAY_7 + timedelta(hours=1, minutes=minutes)
            await Dispatcher(w.services.sessions, port, clock=lambda at=at: at,
                             limits=UNLIMITED).run_once()  # fmt: skip
        lists = [t for t in z.api.sent_to("zalo-coord") if "Việc quá hạn từ" in t]
        assert len(lists) == 1, z.api.sent_to("zalo-coord")
        assert "Mục 4" in lists[0] and "<b>" not in lists[0] and "trên Telegram" in lists[0]
        assert not [m for m in w.api.messages.get(COORD, {}).values()
                    if "Việc quá hạn từ" in (m.text or "")]  # fmt: skip
    finally:
        await z.stop()
        await stop_world(w)
