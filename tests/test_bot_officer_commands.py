"""Every officer command, the reply keyboard and the task buttons, over the real PTB stack."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot.world import World, start_world, stop_world
from sqlalchemy import select

from store.models import CompletionRow, OfficerRow, SnoozeRow

LAN = 501  # officer of Sở Tư pháp (stp); today is Monday 18/8/2025


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def test_viec_lists_the_units_open_tasks_with_plan_text_escaped(world: World) -> None:
    replies = await world.harness.private(LAN).send("/viec")
    html = replies.text
    assert "Việc của đơn vị — Sở Tư pháp" in html
    assert "Báo cáo &lt;kết quả&gt; &amp; tổng hợp" in html  # escaped, never raw
    assert "Thứ Ba, 19/8/2025" in html  # the real last day
    assert "Cập nhật cơ sở dữ liệu" not in html  # Sở Nội vụ's task
    assert "quá hạn" in html  # task 4, 10/7
    assert "✅ 1" in replies.buttons and "📄 1" in replies.buttons
    assert all(len(d.encode()) <= 64 for r in replies for row in r.callback_data for d in row)


async def test_sapden_shows_the_next_14_days_only(world: World) -> None:
    html = (await world.harness.private(LAN).send("/sapden")).text
    assert "14 ngày" in html and "19/8/2025" in html and "25/8/2025" in html
    assert "10/7/2025" not in html


async def test_quahan_shows_only_overdue_open_tasks(world: World) -> None:
    html = (await world.harness.private(LAN).send("/quahan")).text
    assert "Công khai kết quả" in html and "19/8/2025" not in html


async def test_thang_with_a_month_and_without(world: World) -> None:
    chat = world.harness.private(LAN)
    assert "Công khai kết quả" in (await chat.send("/thang 7")).text
    august = (await chat.send("/thang")).text
    assert "tháng 8/2025" in august and "Rà soát quy trình" in august
    assert "từ 1 đến 12" in (await chat.send("/thang 13")).text


async def test_tuan_shows_this_week_monday_to_sunday(world: World) -> None:
    html = (await world.harness.private(LAN).send("/tuan")).text
    assert "tuần này" in html and "19/8/2025" in html and "25/8/2025" not in html


async def test_donvi_shows_the_own_unit_and_refuses_another_to_an_officer(world: World) -> None:
    chat = world.harness.private(LAN)
    assert "Sở Tư pháp" in (await chat.send("/donvi Tư pháp")).text
    refused = (await chat.send("/donvi Nội vụ")).text
    assert "chỉ xem được việc của đơn vị mình" in refused and "Cập nhật cơ sở" not in refused


async def test_a_coordinator_sees_any_unit_with_donvi(world: World) -> None:
    await world.add_officer(800, "Điều phối", None, "coordinator")
    html = (await world.harness.private(800).send("/donvi Nội vụ")).text
    assert "Sở Nội vụ" in html and "Cập nhật cơ sở dữ liệu" in html


async def test_the_reply_keyboard_buttons_open_their_lists(world: World) -> None:
    chat = world.harness.private(LAN)
    assert "tuần này" in (await chat.send("Tuần này")).text
    assert "Việc đã quá hạn" in (await chat.send("Quá hạn")).text
    assert "hôm nay" in (await chat.send("Hôm nay")).text
    assert "tháng 8/2025" in (await chat.send("Tháng này")).text


async def test_done_button_records_a_completion_and_the_task_leaves_the_open_list(
    world: World,
) -> None:
    chat = world.harness.private(LAN)
    await chat.send("/sapden")
    msg, data = chat.last_with_button("✅ 1")
    replies = await chat.press("✅ 1")
    assert "Đã ghi nhận hoàn thành" in replies.text
    rows = await world.all(select(CompletionRow.task_id, CompletionRow.unit_id, CompletionRow.due_date))  # fmt: skip
    assert [(r[0], r[1], str(r[2])) for r in rows] == [(world.ids["t1"], world.ids["stp"], "2025-08-20")]  # fmt: skip
    assert "Báo cáo &lt;kết quả&gt;" not in (await chat.send("/sapden")).text
    # Pressing the old button again records nothing more.
    again = await chat.press_data(data, msg)
    assert "đã được ghi nhận hoàn thành trước đó" in again.text
    assert len(await world.all(select(CompletionRow.id))) == 1


async def test_snooze_button_offers_one_or_three_days_and_records_the_snooze(world: World) -> None:
    chat = world.harness.private(LAN)
    await chat.send("/sapden")
    replies = await chat.press("⏰ 1")
    # In the list itself, task 1's row offers the choice; the others' rows are unchanged.
    edited = [r for r in replies if r.method == "editMessageReplyMarkup"]
    assert edited and edited[0].buttons[0] == ["✅ 1", "⏰ 1 ngày", "⏰ 3 ngày"]
    assert edited[0].buttons[1] == ["✅ 2", "⏰ 2", "📄 2"]
    # The answer names the task (on a list of several, "this task" would be unclear).
    assert "việc 1" in replies.answers[0].params["text"]
    replies = await chat.press("⏰ 3 ngày")
    # Monday 18/8 + 3 working days, at the officer's hour, written beside the task in the list.
    assert "⏰ nhắc lại Thứ Năm, 21/8/2025 lúc 8 giờ" in replies.text
    officer_id = await world.scalar(select(OfficerRow.id).where(OfficerRow.telegram_id == LAN))
    row = await world.scalar(select(SnoozeRow).where(SnoozeRow.officer_id == officer_id))
    assert row.task_id == world.ids["t1"] and str(row.due_date) == "2025-08-20"


async def test_detail_button_shows_the_whole_task(world: World) -> None:
    chat = world.harness.private(LAN)
    await chat.send("/sapden")
    html = (await chat.press("📄 1")).text
    assert "Mục 1" in html and "Kế hoạch kiểm soát TTHC năm 2025" in html and "Chủ trì" in html


async def test_xong_lists_open_tasks_to_mark_done(world: World) -> None:
    replies = await world.harness.private(LAN).send("/xong")
    assert "Chọn việc đã hoàn thành" in replies.text and "✅ 1" in replies.buttons


async def test_caidat_changes_reminder_settings_with_buttons(world: World) -> None:
    chat = world.harness.private(LAN)
    replies = await chat.send("/caidat")
    assert "Giờ nhắc: 8 giờ" in replies.text
    replies = await chat.press("Giờ nhắc")
    assert "Giờ nhắc: 9 giờ" in replies.text
    await chat.press("Việc phối hợp bật/tắt")
    settings = await world.scalar(select(OfficerRow.settings).where(OfficerRow.telegram_id == LAN))
    assert settings["hour"] == 9 and settings["cooperating"] is False


async def test_huongdan_explains_the_commands(world: World) -> None:
    html = (await world.harness.private(LAN).send("/huongdan")).text
    assert "/viec" in html and "/caidat" in html


async def test_a_long_list_is_paged_with_buttons(world: World) -> None:
    from datetime import date

    from store.models import TaskDueRow

    async with world.services.sessions() as s:
        for day in range(1, 28):
            d = date(2025, 9, day)
            s.add(TaskDueRow(task_id=world.ids["t1"], due_date=d, last_day=d, before=False))
        await s.commit()
    chat = world.harness.private(LAN)
    first = await chat.send("/thang 9")
    assert "(trang 1/6)" in first.text and "Trang sau »" in first.buttons
    second = await chat.press("Trang sau »")
    assert [r.method for r in second] == ["answerCallbackQuery", "editMessageText"]
    assert "(trang 2/6)" in second.text and "« Trang trước" in second.buttons


async def test_a_free_text_question_is_answered_by_the_question_reader(world: World) -> None:
    pytest.importorskip("services.ask", reason="services.ask (question reader) not present yet")
    replies = await world.harness.private(LAN).send("việc gì đến hạn tháng 8")
    assert replies.messages and "Rà soát quy trình" in replies.text


async def test_a_question_naming_another_unit_is_refused_to_an_officer_but_not_a_coordinator(
    world: World,
) -> None:
    refused = await world.harness.private(LAN).send("việc của sở nội vụ tháng 8")
    assert "chỉ xem được việc của đơn vị mình" in refused.text
    assert "Cập nhật cơ sở dữ liệu" not in refused.text
    await world.add_officer(800, "Điều phối", None, "coordinator")
    allowed = await world.harness.private(800).send("việc của sở nội vụ tháng 8")
    assert "Cập nhật cơ sở dữ liệu" in allowed.text


async def test_a_long_answer_to_a_question_has_a_more_button(world: World) -> None:
    from datetime import date

    from store.models import TaskDueRow

    async with world.services.sessions() as s:
        for day in range(1, 29):
            d = date(2025, 9, day)
            s.add(TaskDueRow(task_id=world.ids["t1"], due_date=d, last_day=d, before=False))
            s.add(TaskDueRow(task_id=world.ids["t4"], due_date=d, last_day=d, before=False))
        await s.commit()
    chat = world.harness.private(LAN)
    first = await chat.send("việc tháng 9")
    assert first.buttons == ["Xem thêm »"], first.text
    # The question waits in the store, not in this process (another replica may get the press).
    from sqlalchemy import select

    from store.chat_state import ChatStateRow

    kept = await world.scalar(select(ChatStateRow.value).where(ChatStateRow.name == "question"))
    assert kept == "việc tháng 9"
    second = await chat.press("Xem thêm »")
    assert second.messages and second.messages[0].text != first.messages[0].text


async def test_an_edited_command_or_question_is_not_run_again(world: World) -> None:
    """An edited message is not a new one (editing "/ngaynghi them ..." added the day twice)."""
    chat = world.harness.private(LAN)
    assert (await chat.send("/viec")).text  # a new message is answered
    assert not (await chat.edit("/viec")).text
    assert not (await chat.edit("việc gì đến hạn tháng 8")).text
    # A new message after the edits is answered as usual.
    assert (await chat.send("việc gì đến hạn tháng 8")).text
