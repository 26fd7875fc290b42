"""What officers tap, over the fake Bot API with the real bot process (issue 16).

Rows that fit a phone, ✅ and ⏰ drawing the very message again, ↩️ Hoàn tác, ⏰ counted in
working days at the officer's hour, 📄 stating the real last day and why, lateness in working
days. The world (tests/fakebot/world.py): Monday 18/8/2025 09:00; Sở Tư pháp leads task 1
(last day Tuesday 19/8) and task 4 (10/7, overdue) and supports task 2 (25/8). Expectations are
written by hand.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fakebot.world import NOW, World, start_world, stop_world
from reminders_fakes import MutableClock
from reminders_support import World as TaskWorld
from reminders_support import add_task
from sqlalchemy import select, update

from bot.clock import fixed_clock, stored_utc
from bot.phrases import MAX_ROW_CHARS
from reminders.dispatcher import Dispatcher
from reminders.send_types import UNLIMITED
from reminders.telegram_port import TelegramPort
from services.reminders import plan_reminders
from store.models import CompletionRow, OfficerRow, OutboxRow, SnoozeRow, TaskDueRow, TaskRow
from store.uow import UnitOfWork

VN = ZoneInfo("Asia/Ho_Chi_Minh")
LAN = 501  # officer of Sở Tư pháp (stp)
HUNG = 502  # officer of Sở Nội vụ (snv)


async def _started(tmp_path: Path, now: datetime = NOW) -> World:
    w = await start_world(tmp_path, now=now)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    return w


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await _started(tmp_path)
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


def _markup(params: dict[str, Any]) -> dict[str, Any]:
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    return markup if isinstance(markup, dict) else {}


def keyboard_rows(world: World) -> list[list[str]]:
    """Every inline keyboard row the bot sent or drew again, as its labels."""
    rows = []
    for rec in world.api.requests:
        if rec.status == 200 and rec.method in (
            "sendMessage", "editMessageText", "editMessageReplyMarkup"
        ):  # fmt: skip
            for row in _markup(rec.params).get("inline_keyboard") or []:
                rows.append([str(b.get("text", "")) for b in row])
    return rows


def rows_of(world: World, chat: int, message_id: int) -> list[list[str]]:
    """The buttons a message carries now."""
    markup = world.api.messages[chat][message_id].reply_markup
    rows = (markup or {}).get("inline_keyboard") if isinstance(markup, dict) else None
    return [[str(b["text"]) for b in row] for row in rows or []]


def text_of(world: World, chat: int, message_id: int) -> str:
    return world.api.messages[chat][message_id].text or ""


def _with_undo(replies: Any) -> Any:
    """The ✅ confirmation among the replies (the report offer of i16-evidence follows it)."""
    return next(r for r in replies.messages if r.buttons == [["↩️ Hoàn tác"]])


async def _send_reminders(world: World) -> None:
    """Plan at 07:00 and send what is due at 08:00 on Monday 18/8, through the Telegram port."""
    async with UnitOfWork(world.services.sessions) as uow:
        await plan_reminders(uow, NOW.replace(hour=7).astimezone(UTC))
    port = TelegramPort(world.harness.app.bot)
    await Dispatcher(world.services.sessions, port, clock=MutableClock(NOW.replace(hour=8)),
                     limits=UNLIMITED).run_once()  # fmt: skip


async def _two_more_overdue(world: World) -> TaskWorld:
    """Tasks A (13/8) and B (14/8) of Sở Tư pháp, overdue like task 4 (10/7)."""
    tw = TaskWorld(units={"stp": world.ids["stp"]})
    async with UnitOfWork(world.services.sessions) as uow:
        await add_task(uow.session, tw, "A", "Việc A", [(date(2025, 8, 13), date(2025, 8, 13))], ["stp"])  # fmt: skip
        await add_task(uow.session, tw, "B", "Việc B", [(date(2025, 8, 14), date(2025, 8, 14))], ["stp"])  # fmt: skip
        await uow.commit()
    return tw


async def test_every_keyboard_row_the_bot_sends_fits_a_phone(world: World) -> None:
    async with world.services.sessions() as s:  # enough occurrences to page /thang 9
        for d in range(1, 28):
            day = date(2025, 9, d)
            s.add(TaskDueRow(task_id=world.ids["t1"], due_date=day, last_day=day, before=False))
        await s.commit()
    await _two_more_overdue(world)
    lan = world.harness.private(LAN, "Lan")
    for command in ("/viec", "/sapden", "/quahan", "/tuan", "/thang 8", "/xong", "/donvi STP"):
        await lan.send(command)
    await lan.send("/thang 9")
    await lan.press("Trang sau »")
    await lan.send("/sapden")
    await lan.press("📄 1")
    await lan.press("⏰ 1")  # the choice row
    await lan.press("✅ 1")  # the list drawn again, the confirmation with ↩️
    await lan.press("↩️ Hoàn tác")
    await _send_reminders(world)  # an overdue list of three and a single reminder
    await lan.press("⏰ 2")
    await lan.press("⏰ 1 ngày")
    await lan.press("✅ Xong")
    rows = keyboard_rows(world)
    labels = {label for row in rows for label in row}
    # Every kind of keyboard was seen: lists, paging, choices, undo, reminders.
    assert {"✅ 1", "⏰ 1", "📄 1", "Trang sau »", "⏰ 1 ngày", "↩️ Hoàn tác"} <= labels
    assert {"✅ Xong", "⏰ Nhắc sau", "📄 Chi tiết"} <= labels
    too_wide = [row for row in rows if sum(len(label) for label in row) > MAX_ROW_CHARS]
    assert not too_wide, too_wide
    assert len(rows) > 40


async def test_done_on_a_list_edits_that_list_and_undo_takes_it_back(world: World) -> None:
    lan = world.harness.private(LAN, "Lan")
    listed = await lan.send("/sapden")
    mid = listed.messages[0].params.get("message_id") or max(world.api.messages[LAN])
    assert rows_of(world, LAN, mid) == [["✅ 1", "⏰ 1", "📄 1"], ["✅ 2", "⏰ 2", "📄 2"]]
    replies = await lan.press("✅ 1")
    # The very list: task 1 marked, its ✅/⏰ gone; task 2's row kept.
    assert "1. <b>Thứ Ba, 19/8/2025</b> · chủ trì · ✅ đã hoàn thành" in text_of(world, LAN, mid)
    assert rows_of(world, LAN, mid) == [["📄 1"], ["✅ 2", "⏰ 2", "📄 2"]]
    # Then what was recorded, for which unit, with ↩️ Hoàn tác.
    confirm = _with_undo(replies)
    assert "Đã ghi nhận hoàn thành cho Sở Tư pháp" in confirm.text
    assert "Báo cáo &lt;kết quả&gt; &amp; tổng hợp" in confirm.text  # escaped
    assert "tính cho cả đơn vị" in confirm.text and confirm.buttons == [["↩️ Hoàn tác"]]
    assert len(await world.all(select(CompletionRow.id))) == 1
    # Another unit's officer cannot take it back (the button signed for his own chat).
    undo = confirm.callback_data[0][0]
    payload = undo.rpartition(":")[0]
    refused = await world.harness.private(HUNG).press_data(world.services.sign(HUNG, payload))
    assert "Chỉ cán bộ của đơn vị" in refused.answers[0].params["text"]
    assert len(await world.all(select(CompletionRow.id))) == 1
    # Lan takes it back: the mark is removed and the list is drawn as before.
    undone = await lan.press("↩️ Hoàn tác")
    assert await world.all(select(CompletionRow.id)) == []
    assert "Đã hoàn tác" in undone.text
    assert "đã hoàn thành" not in text_of(world, LAN, mid)
    assert rows_of(world, LAN, mid) == [["✅ 1", "⏰ 1", "📄 1"], ["✅ 2", "⏰ 2", "📄 2"]]
    # The confirmation now says it was taken back, its ↩️ gone.
    said = [
        m for m in world.api.messages[LAN].values() if (m.text or "").startswith("↩️ Đã hoàn tác")
    ]
    assert len(said) == 1 and rows_of(world, LAN, said[0].message_id) == []


async def test_undo_is_refused_after_ten_minutes(world: World) -> None:
    lan = world.harness.private(LAN, "Lan")
    await lan.send("/sapden")
    await lan.press("✅ 1")
    world.services.clock = fixed_clock(NOW + timedelta(minutes=11))
    replies = await lan.press("↩️ Hoàn tác")
    assert "10 phút" in replies.answers[0].params["text"]
    assert len(await world.all(select(CompletionRow.id))) == 1


async def _snooze_first(tmp_path: Path, now: datetime) -> tuple[World, str, datetime]:
    w = await _started(tmp_path, now)
    lan = w.harness.private(LAN, "Lan")
    await lan.send("/viec")
    await lan.press("⏰ 1")
    replies = await lan.press("⏰ 1 ngày")
    officer = await w.scalar(select(OfficerRow.id).where(OfficerRow.telegram_id == LAN))
    row = await w.scalar(select(SnoozeRow).where(SnoozeRow.officer_id == officer))
    return w, replies.text, stored_utc(row.until).astimezone(VN)


async def test_snooze_one_day_on_a_friday_evening_reminds_on_monday_at_the_officers_hour(
    tmp_path: Path,
) -> None:
    w, text, until = await _snooze_first(tmp_path, datetime(2025, 8, 22, 19, 30, tzinfo=VN))
    try:
        assert until == datetime(2025, 8, 25, 8, 0, tzinfo=VN)  # Monday 08:00, not Saturday
        assert "⏰ nhắc lại Thứ Hai, 25/8/2025 lúc 8 giờ" in text
    finally:
        await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def test_snooze_skips_the_national_day_holidays(tmp_path: Path) -> None:
    # Friday 29/8/2025: Saturday, Sunday, then 1/9 and 2/9 off; the next working day is 3/9.
    w, _text, until = await _snooze_first(tmp_path, datetime(2025, 8, 29, 17, 0, tzinfo=VN))
    try:
        assert until == datetime(2025, 9, 3, 8, 0, tzinfo=VN)
    finally:
        await stop_world(w)


async def test_detail_states_the_real_last_day_and_why_and_the_limit_in_the_text(
    world: World,
) -> None:
    tw = TaskWorld(units={"stp": world.ids["stp"]})
    async with UnitOfWork(world.services.sessions) as uow:
        # "Trước ngày 24/8" (a Sunday): the last day is Friday 22/8.
        task = await add_task(uow.session, tw, "II.5", "Báo cáo tình hình <TTHC>",
                              [(date(2025, 8, 24), date(2025, 8, 22))], ["stp"], before=True)  # fmt: skip
        await uow.session.execute(
            update(TaskRow)
            .where(TaskRow.id == task)
            .values(
                deadline="Trước ngày 24/8/2025",
                deadline_in_text="gửi Văn phòng UBND tỉnh trước 31/7",
            )  # fmt: skip
        )
        await uow.commit()
    lan = world.harness.private(LAN, "Lan")
    listed = (await lan.send("/sapden")).text
    assert "2. <b>Thứ Sáu, 22/8/2025</b>" in listed
    assert "Mốc trong nội dung: gửi Văn phòng UBND tỉnh trước 31/7" in listed  # in lists too
    detail = (await lan.press("📄 2")).text
    assert (
        "<b>Hạn:</b> trước ngày 24/8/2025\n"
        "chậm nhất Thứ Sáu, 22/8/2025 (23/8 là Thứ Bảy, 24/8 là Chủ nhật)"
    ) in detail
    assert "Mốc trong nội dung: gửi Văn phòng UBND tỉnh trước 31/7" in detail
    assert "Báo cáo tình hình &lt;TTHC&gt;" in detail
    for avoided in ("Lần này", "lần hạn", "nên gửi trước", "Thời hạn"):
        assert avoided not in detail


async def test_quahan_and_a_typed_question_count_the_same_working_days(world: World) -> None:
    lan = world.harness.private(LAN, "Lan")
    # Task 4's last day was Thursday 10/7: 27 working days to Monday 18/8 (no holiday between).
    assert "⚠️ quá hạn 27 ngày làm việc" in (await lan.send("/quahan")).text
    assert "quá hạn 27 ngày làm việc" in (await lan.send("việc quá hạn")).text


async def test_on_a_reminder_list_snooze_and_done_draw_it_again_and_undo_restores_it(
    world: World,
) -> None:
    tw = await _two_more_overdue(world)
    await _send_reminders(world)
    lan = world.harness.private(LAN, "Lan")
    msg, _ = lan.last_with_button("✅ 2")
    mid = msg.message_id
    assert "3 việc quá hạn" in text_of(world, LAN, mid)
    assert rows_of(world, LAN, mid) == [[f"{b} {n}" for b in "✅⏰📄"] for n in (1, 2, 3)]
    # ⏰ on task 2: its row offers the choice in place; "1 ngày" is Tuesday 19/8 at 08:00.
    await lan.press("⏰ 2")
    assert rows_of(world, LAN, mid)[1] == ["✅ 2", "⏰ 1 ngày", "⏰ 3 ngày"]
    await lan.press("⏰ 1 ngày")
    text = text_of(world, LAN, mid)
    assert "2. <b>A</b> Việc A — chậm nhất Thứ Tư, 13/8/2025, quá hạn 3 ngày làm việc · <b>⏰ nhắc lại Thứ Ba, 19/8/2025 lúc 8 giờ</b>" in text  # fmt: skip
    assert rows_of(world, LAN, mid) == [["✅ 1", "⏰ 1", "📄 1"], ["✅ 3", "⏰ 3", "📄 3"]]
    # ✅ on task 1 (task 4 of the plan, 10/7): marked; the snoozed line keeps its mark.
    t4 = world.ids["t4"]
    pending = set(await world.all(select(OutboxRow.id).where(OutboxRow.task_id == t4, OutboxRow.status == "pending")))  # fmt: skip
    await lan.press("✅ 1")
    text = text_of(world, LAN, mid)
    assert "quá hạn 27 ngày làm việc · <b>✅ đã hoàn thành</b>" in text
    assert "⏰ nhắc lại Thứ Ba, 19/8/2025" in text
    assert rows_of(world, LAN, mid) == [["✅ 3", "⏰ 3", "📄 3"]]
    # ↩️: the mark goes, the row and the reminders the ✅ had stopped come back.
    await lan.press("↩️ Hoàn tác")
    assert "đã hoàn thành" not in text_of(world, LAN, mid)
    assert rows_of(world, LAN, mid) == [["✅ 1", "⏰ 1", "📄 1"], ["✅ 3", "⏰ 3", "📄 3"]]
    back = set(await world.all(select(OutboxRow.id).where(OutboxRow.task_id == t4, OutboxRow.status == "pending")))  # fmt: skip
    assert back == pending
    assert tw.tasks["B"] not in {t for (t,) in await world.all(select(CompletionRow.task_id))}


async def test_a_single_reminder_loses_its_buttons_once_done(world: World) -> None:
    await _send_reminders(world)
    lan = world.harness.private(LAN, "Lan")
    msg, _ = lan.last_with_button("✅ Xong")
    assert rows_of(world, LAN, msg.message_id) == [["✅ Xong", "⏰ Nhắc sau", "📄 Chi tiết"]]
    replies = await lan.press("✅ Xong")
    assert "Đã ghi nhận hoàn thành cho Sở Tư pháp" in replies.text
    assert text_of(world, LAN, msg.message_id).endswith("<b>✅ đã hoàn thành</b>")
    assert rows_of(world, LAN, msg.message_id) == []


async def test_a_quarters_answer_puts_a_monthly_reports_dates_on_one_line(world: World) -> None:
    tw = TaskWorld(units={"stp": world.ids["stp"]})
    months = [(date(2025, 7, 20), date(2025, 7, 18)), (date(2025, 8, 20), date(2025, 8, 19)),
              (date(2025, 9, 20), date(2025, 9, 19))]  # fmt: skip
    async with UnitOfWork(world.services.sessions) as uow:
        await add_task(uow.session, tw, "V.1", "Báo cáo tháng", months, ["stp"], before=True)
        await uow.commit()
    text = (await world.harness.private(LAN, "Lan").send("quý 3 có việc gì")).text
    assert text.count("Báo cáo tháng") == 1
    assert "3 kỳ: 18/7 · 19/8 · 19/9 (hạn ghi: trước 20/7 · 20/8 · 20/9)" in text


async def test_a_coordinator_may_take_back_a_units_done_mark(world: World) -> None:
    coordinator = 903
    await world.add_officer(coordinator, "Điều phối", None, "coordinator")
    lan = world.harness.private(LAN, "Lan")
    await lan.send("/sapden")
    confirm = _with_undo(await lan.press("✅ 1"))
    payload = confirm.callback_data[0][0].rpartition(":")[0]
    replies = await world.harness.private(coordinator).press_data(
        world.services.sign(coordinator, payload)
    )
    assert replies.answers[0].params["text"] == "Đã hoàn tác."
    assert await world.all(select(CompletionRow.id)) == []


async def test_undo_after_a_report_was_attached_drops_the_report_too(world: World) -> None:
    from store.models import EvidenceRow

    lan = world.harness.private(LAN, "Lan")
    await lan.send("/sapden")
    await lan.press("✅ 1")  # the confirmation with ↩️, then the offer to attach the report
    await lan.press("📎 Gửi kèm báo cáo")
    assert "Đã gửi kèm báo cáo số 123/BC-STP" in (await lan.send("123/BC-STP")).text
    assert len(await world.all(select(EvidenceRow.id))) == 1
    await lan.press("↩️ Hoàn tác")
    assert await world.all(select(EvidenceRow.id)) == []
    assert await world.all(select(CompletionRow.id)) == []
