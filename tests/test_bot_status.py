"""/tinhhinh over the real PTB stack: the board, 📣 nudges through the dispatcher, 📊 Excel."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fakebot.world import NOW, World, start_world, stop_world
from openpyxl import load_workbook
from sqlalchemy import func, select

from bot.deadlines import Occurrence, WorkCalendar
from bot.text import fold
from reminders.dispatcher import Dispatcher
from reminders.send_types import UNLIMITED
from reminders.telegram_port import TelegramPort
from store.models import (
    CompletionRow,
    OutboxRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
    UnitRow,
)

LAN, HUNG, MAI, COORD = 501, 502, 503, 800  # Tư pháp, Nội vụ, Xây dựng; a coordinator
REPORT = "Báo cáo tình hình, kết quả kiểm soát TTHC hằng tháng."
CAL = WorkCalendar()


async def _add_monthly_report(world: World) -> None:
    """Sở Xây dựng, the group "Các sở, ban, ngành" and its monthly report before the 20th."""
    async with world.services.uow() as uow:
        s = uow.session
        sxd = UnitRow(key="sxd", name="Sở Xây dựng", kind="department", is_group=False)
        group = UnitRow(key="cac-so", name="Các sở, ban, ngành", kind="group", is_group=True,
                        rule={"kinds": ["department"]})  # fmt: skip
        s.add_all([sxd, group])
        await s.flush()
        world.ids["sxd"], world.ids["cac-so"] = sxd.id, group.id
        plan_id = await s.scalar(select(TaskRow.plan_id).where(TaskRow.id == world.ids["t1"]))
        task = TaskRow(plan_id=plan_id, position=10, ref="V.1", content=REPORT,
                       deadline="Trước ngày 20 hằng tháng", search_text=fold(REPORT),
                       inferred=[])  # fmt: skip
        s.add(task)
        await s.flush()
        world.ids["tV.1"] = task.id
        s.add(TaskUnitRow(task_id=task.id, role="lead", mention="Các sở, ban, ngành",
                          unit_id=group.id))  # fmt: skip
        for month in range(1, 13):
            due = date(2025, month, 20)
            last = CAL.last_day(Occurrence(due, True))
            s.add(TaskDueRow(task_id=task.id, due_date=due, last_day=last, before=True))
        # Sở Tư pháp has reported August.
        s.add(CompletionRow(task_id=task.id, unit_id=world.ids["stp"], due_date=date(2025, 8, 20),
                            done_at=datetime(2025, 8, 15, 3, 0, tzinfo=UTC)))  # fmt: skip
        await uow.commit()


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


async def _outbox(world: World) -> list[tuple[int, int | None, str]]:
    rows = await world.all(select(OutboxRow.chat_id, OutboxRow.task_id, OutboxRow.kind))
    return sorted((r[0], r[1], r[2]) for r in rows)


async def test_a_coordinator_sees_who_has_not_reported_this_month(world: World) -> None:
    replies = await world.harness.private(COORD).send("/tinhhinh")
    html = replies.text
    assert "Tình hình báo cáo — tháng 8/2025" in html
    assert "<b>Báo cáo tháng 8</b> — hạn Thứ Ba, 19/8/2025" in html
    assert "Đã xong: <b>1/3</b> đơn vị" in html
    assert "• Sở Nội vụ" in html and "• Sở Xây dựng" in html
    assert "• Sở Tư pháp" not in html
    assert replies.buttons == ["📣 Nhắc các đơn vị chưa xong", "📊 Xuất Excel"]
    assert all(len(d.encode()) <= 64 for r in replies for row in r.callback_data for d in row)
    july = (await world.harness.private(COORD).send("/tinhhinh tháng 7")).text
    assert "Báo cáo tháng 7" in july and "quá hạn" in july and "Đã xong: <b>0/3</b>" in july


async def test_nudge_reaches_exactly_the_units_not_done_once_a_day(world: World) -> None:
    coord = world.harness.private(COORD)
    await coord.send("/tinhhinh tháng 8")
    asked = await coord.press("📣 Nhắc các đơn vị chưa xong")
    assert "Gửi nhắc tới 2 đơn vị chưa xong?" in asked.text
    assert asked.buttons == ["✔️ Gửi nhắc", "✖️ Hủy"]
    assert await _outbox(world) == []  # nothing before ✔️
    replies = await coord.press("✔️ Gửi nhắc")
    assert "Đã xếp 2 tin nhắc tới 2 người nhận của 2 đơn vị" in replies.text
    assert [r.method for r in replies] == [
        "answerCallbackQuery",
        "editMessageText",
    ]  # the question becomes the outcome
    report = world.ids["tV.1"]
    assert await _outbox(world) == [(HUNG, report, "nudge:2025-08-18"),
                                    (MAI, report, "nudge:2025-08-18")]  # fmt: skip
    mark = len(world.api.requests)
    port = TelegramPort(world.harness.app.bot)
    sent = await Dispatcher(
        world.services.sessions, port, clock=lambda: NOW, limits=UNLIMITED
    ).run_once()
    assert sent.sent_rows == 2
    delivered = [r for r in world.api.requests[mark:] if r.method == "sendMessage"]
    assert sorted(r.chat_id for r in delivered) == [HUNG, MAI]
    assert all("chưa hoàn thành" in r.params["text"] and REPORT in r.params["text"]
               for r in delivered)  # fmt: skip
    # A second press the same day queues nothing new, and does not ask.
    again = await coord.press("📣 Nhắc các đơn vị chưa xong")
    assert "đã nhắc các đơn vị này rồi" in again.text and not again.buttons
    assert await world.scalar(select(func.count(OutboxRow.id))) == 2


async def test_nudge_cancelled_sends_nothing_and_its_buttons_recheck_rights(world: World) -> None:
    coord = world.harness.private(COORD)
    await coord.send("/tinhhinh tháng 8")
    await coord.press("📣 Nhắc các đơn vị chưa xong")
    msg, yes = coord.last_with_button("✔️ Gửi nhắc")
    replies = await coord.press("✖️ Hủy")
    assert "Đã hủy, không gửi nhắc" in replies.text
    assert await world.scalar(select(func.count(OutboxRow.id))) == 0
    # The ✔️ signed for the coordinator's chat fails its signature in an officer's chat, and an
    # officer's own signed ✔️ is refused by rights: still nothing queued.
    lan = world.harness.private(LAN)
    assert "không hợp lệ" in (await lan.press_data(yes)).answers[0].params["text"]
    own = world.services.sign(LAN, "sy:20250801:20250831:r")
    assert "Chỉ Văn phòng UBND tỉnh" in (await lan.press_data(own)).answers[0].params["text"]
    assert await world.scalar(select(func.count(OutboxRow.id))) == 0


async def test_export_sends_a_workbook_matching_the_board(world: World) -> None:
    coord = world.harness.private(COORD)
    await coord.send("/tinhhinh")
    replies = await coord.press("📊 Xuất Excel")
    assert [r.method for r in replies.messages] == ["sendDocument"]
    files = world.api.calls("sendDocument")[-1].files
    assert list(files) == ["tinh-hinh-20250801-20250831.xlsx"]
    sheet = load_workbook(io.BytesIO(next(iter(files.values())))).active
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=2)]
    assert [(r[1], r[5], r[6], r[7]) for r in rows] == [
        ("V.1", "Sở Tư pháp", "chủ trì", "đã xong"),
        ("V.1", "Sở Nội vụ", "chủ trì", "chưa xong"),
        ("V.1", "Sở Xây dựng", "chủ trì", "chưa xong"),
    ]
    assert rows[0][3:5] == (datetime(2025, 8, 20), datetime(2025, 8, 19))
    assert rows[0][8] == datetime(2025, 8, 15, 10, 0)  # done at, local time


async def test_an_ordinary_officer_is_refused_the_board_and_its_buttons(world: World) -> None:
    lan = world.harness.private(LAN)
    html = (await lan.send("/tinhhinh")).text
    assert "Chỉ Văn phòng UBND tỉnh" in html and "Sở Xây dựng" not in html
    # A button signed for her own chat still checks her rights.
    own = world.services.sign(LAN, "sn:20250801:20250831:r")
    replies = await lan.press_data(own)
    assert "Chỉ Văn phòng UBND tỉnh" in replies.answers[0].params["text"]
    # The coordinator's button replayed in her chat fails its signature.
    coord = world.harness.private(COORD)
    await coord.send("/tinhhinh")
    _, data = coord.last_with_button("📣 Nhắc")
    replies = await lan.press_data(data)
    assert "không hợp lệ" in replies.answers[0].params["text"]
    export = world.services.sign(LAN, "sx:20250801:20250831:r")
    assert "Chỉ Văn phòng UBND tỉnh" in (await lan.press_data(export)).answers[0].params["text"]
    assert await world.scalar(select(func.count(OutboxRow.id))) == 0
    assert not world.api.calls("sendDocument")


async def test_the_board_is_private_and_a_bad_period_gets_examples(world: World) -> None:
    group = world.harness.group(-100900, COORD)
    assert "chỉ dùng trong chat riêng" in (await group.send("/tinhhinh")).text
    html = (await world.harness.private(COORD).send("/tinhhinh tuần abc")).text
    assert "Không hiểu kỳ" in html and "quý 3" in html


def test_a_board_of_many_units_is_capped_and_every_part_fits_telegram() -> None:
    from bot.questions.periods import month_period
    from handlers.formatting import split_message
    from handlers.status import MAX_CHARS, render
    from services.status import Board, OccurrenceStatus, UnitState

    units = tuple(UnitState(i, f"UBND xã <Số {i}>", False, None, True, True) for i in range(400))
    occs = tuple(
        OccurrenceStatus(
            t,
            1,
            "Kế hoạch",
            str(t),
            REPORT,
            f"Báo cáo tháng {t}",
            date(2025, 8, 20),
            date(2025, 8, 19),
            True,
            units,
        )  # fmt: skip
        for t in range(1, 11)
    )
    html = render(Board(month_period(2025, 8), date(2025, 8, 20), True, occs))
    assert len(html) <= MAX_CHARS + 200 and "bấm 📊 Xuất Excel để xem đủ" in html
    assert html.count("… và 320 đơn vị khác (xem tệp Excel)") >= 2
    assert "&lt;Số 1&gt;" in html and "<Số" not in html
    assert all(len(part) <= 4096 for part in split_message(html))
