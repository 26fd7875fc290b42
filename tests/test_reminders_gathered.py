"""A recipient's overdue reminders of one morning arrive as one list with a ✅/⏰ row per task.

Monday 18/8/2025: the unit leads tasks whose last days were Wednesday 13/8, Thursday 14/8 and
Friday 15/8 (3, 2 and 1 working days late). Expectations are written by hand.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reminders_fakes import MutableClock, RecordingPort
from reminders_support import World, add_officer, add_task, add_unit
from sqlalchemy import select

from bot.reminders.texts import DONE_PREFIX, parse_callback
from reminders import outbox
from reminders.dispatcher import Dispatcher, DispatchReport
from reminders.send_types import UNLIMITED
from services.progress import mark_done, snooze
from services.reminders import plan_reminders
from store.models import CompletionRow, OutboxRow
from store.uow import UnitOfWork

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
LAN, MAI = 41, 42  # two officers of the unit (private chats)
WED, THU, FRI = date(2025, 8, 13), date(2025, 8, 14), date(2025, 8, 15)
# Working days of July/August 2025 before Monday 18/8, oldest first (no holiday among them).
PAST = [date(2025, 7, 31), date(2025, 8, 1)] + [date(2025, 8, d) for d in (4, 5, 6, 7, 8, 11, 12)]


def at(day: int, hour: int = 8, minute: int = 0) -> datetime:
    """``day``/8/2025 at ``hour``:``minute`` in Hà Nội, as UTC."""
    return datetime(2025, 8, day, hour, minute, tzinfo=TZ).astimezone(UTC)


async def _world(sessions: Any, lasts: list[date], officers: int = 1) -> World:
    w = World()
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        await add_unit(s, w, "u")
        for name, chat in (("lan", LAN), ("mai", MAI))[:officers]:
            await add_officer(s, w, name, "u", chat, digest=False)
        for i, last in enumerate(lasts, 1):
            await add_task(s, w, f"I.{i}", f"Báo cáo <số {i}> & tổng hợp", [(last, last)], ["u"])
        await uow.commit()
    return w


async def _plan(sessions: Any, now: datetime) -> int:
    async with UnitOfWork(sessions) as uow:
        return (await plan_reminders(uow, now)).inserted


async def _dispatch(sessions: Any, port: RecordingPort, now: datetime, **kw: Any) -> DispatchReport:
    return await Dispatcher(sessions, port, clock=MutableClock(now), limits=UNLIMITED, **kw).run_once()  # fmt: skip


def _numbered(text: str) -> list[str]:
    return [line for line in text.splitlines() if line[:1].isdigit()]


def _rows(buttons: Any) -> list[list[tuple[str, str]]]:
    return [[tuple(b) for b in row] for row in buttons]


async def _outbox(sessions: Any) -> list[OutboxRow]:
    async with UnitOfWork(sessions) as uow:
        return list((await uow.session.scalars(select(OutboxRow).order_by(OutboxRow.id))).all())


async def test_three_overdue_tasks_arrive_as_one_message_with_three_button_rows(sessions):
    w = await _world(sessions, [WED, THU, FRI])
    a, b, c = (w.tasks[f"I.{i}"] for i in (1, 2, 3))
    await _plan(sessions, at(18, 0))
    port = RecordingPort()
    report = await _dispatch(sessions, port, at(18))
    assert len(port.sent) == 1 and report.overdue_lists == 1 and report.sent_rows == 3
    chat, text, buttons = port.sent[0]
    assert chat == LAN
    assert text.startswith("⚠️ <b>3 việc quá hạn, chưa hoàn thành</b>")
    assert _numbered(text) == [
        "1. <b>I.1</b> Báo cáo &lt;số 1&gt; &amp; tổng hợp — chậm nhất Thứ Tư, 13/8/2025, quá hạn 3 ngày làm việc",
        "2. <b>I.2</b> Báo cáo &lt;số 2&gt; &amp; tổng hợp — chậm nhất Thứ Năm, 14/8/2025, quá hạn 2 ngày làm việc",
        "3. <b>I.3</b> Báo cáo &lt;số 3&gt; &amp; tổng hợp — chậm nhất Thứ Sáu, 15/8/2025, quá hạn 1 ngày làm việc",
    ]  # fmt: skip
    assert "gõ /quahan" not in text
    assert _rows(buttons) == [
        [(f"✅ {n}", f"rd:{t}:{d:%Y%m%d}"), (f"⏰ {n}", f"rs:{t}:{d:%Y%m%d}"),
         (f"📄 {n}", f"i:{t}:{d:%Y%m%d}")]
        for n, t, d in ((1, a, WED), (2, b, THU), (3, c, FRI))
    ]  # fmt: skip
    monday = [r for r in await _outbox(sessions) if r.kind == "overdue:2025-08-18"]
    assert len(monday) == 3
    assert {(r.status, r.message_id) for r in monday} == {("sent", 1)}


async def test_done_pressed_on_the_list_leaves_two_tasks_for_the_next_morning(sessions):
    w = await _world(sessions, [WED, THU, FRI])
    a, b, c = (w.tasks[f"I.{i}"] for i in (1, 2, 3))
    await _plan(sessions, at(18, 0))
    port = RecordingPort()
    await _dispatch(sessions, port, at(18))
    # Lan presses "✅ 2" at 10:00: the handler reads the button's data.
    (_, done_data), _, _ = _rows(port.sent[0][2])[1]
    prefix, task_id, due = parse_callback(done_data) or ("", 0, date.min)
    assert (prefix, task_id, due) == (DONE_PREFIX, b, THU)
    async with UnitOfWork(sessions) as uow:
        await mark_done(uow.session, task_id, w.units["u"], due, w.officers["lan"], at(18, 10))
        await uow.commit()
    await _plan(sessions, at(19, 0))
    await _dispatch(sessions, port, at(19))
    assert len(port.sent) == 2
    _, text, buttons = port.sent[1]
    assert "2 việc quá hạn" in text and "I.2" not in text
    assert _numbered(text) == [
        "1. <b>I.1</b> Báo cáo &lt;số 1&gt; &amp; tổng hợp — chậm nhất Thứ Tư, 13/8/2025, quá hạn 4 ngày làm việc",
        "2. <b>I.3</b> Báo cáo &lt;số 3&gt; &amp; tổng hợp — chậm nhất Thứ Sáu, 15/8/2025, quá hạn 2 ngày làm việc",
    ]  # fmt: skip
    assert [row[0][1] for row in _rows(buttons)] == [f"rd:{a}:20250813", f"rd:{c}:20250815"]
    tuesday_b = [r for r in await _outbox(sessions) if r.task_id == b and r.kind.endswith("19")]
    assert [(r.status, r.last_error) for r in tuesday_b] == [("dropped", "done")]


async def test_a_task_done_before_eight_is_left_out_and_a_lone_one_is_a_single_reminder(sessions):
    w = await _world(sessions, [WED, THU])
    a, b = w.tasks["I.1"], w.tasks["I.2"]
    await _plan(sessions, at(18, 0))
    async with UnitOfWork(sessions) as uow:
        await mark_done(uow.session, b, w.units["u"], THU, w.officers["lan"], at(18, 7, 59))
        await uow.commit()
    port = RecordingPort()
    report = await _dispatch(sessions, port, at(18))
    assert report.overdue_lists == 0 and len(port.sent) == 1
    _, text, buttons = port.sent[0]
    assert text.startswith("⚠️ <b>Quá hạn 3 ngày làm việc</b>") and "I.1" in text
    assert "I.2" not in text
    assert _rows(buttons) == [
        [("✅ Xong", f"rd:{a}:20250813"), ("⏰ Nhắc sau", f"rs:{a}:20250813"),
         ("📄 Chi tiết", f"i:{a}:20250813")]
    ]  # fmt: skip


async def test_twelve_overdue_tasks_make_one_message_with_eight_rows_and_a_count(sessions):
    lasts = PAST + [WED, THU, FRI]
    w = await _world(sessions, lasts)
    await _plan(sessions, at(18, 0))
    port = RecordingPort()
    report = await _dispatch(sessions, port, at(18))
    assert len(port.sent) == 1 and report.sent_rows == 12
    _, text, buttons = port.sent[0]
    assert "12 việc quá hạn" in text
    assert "… và 4 việc khác: gõ /quahan" in text
    assert [line.split(" ", 2)[1] for line in _numbered(text)] == [
        f"<b>I.{i}</b>" for i in range(1, 9)
    ]
    rows = _rows(buttons)
    assert len(rows) == 8
    assert [row[0][1] for row in rows] == [
        f"rd:{w.tasks[f'I.{i}']}:{lasts[i - 1]:%Y%m%d}" for i in range(1, 9)
    ]
    assert len(text) < 4096
    monday = [r for r in await _outbox(sessions) if r.kind == "overdue:2025-08-18"]
    assert len(monday) == 12 and {(r.status, r.message_id) for r in monday} == {("sent", 1)}


async def test_replanning_twice_still_sends_one_list(sessions):
    await _world(sessions, [WED, THU, FRI])
    first = await _plan(sessions, at(18, 0))
    assert first == 6  # Monday's and Tuesday's overdue mornings of three tasks
    assert await _plan(sessions, at(18, 0, 10)) == 0
    assert await _plan(sessions, at(18, 7, 50)) == 0
    port = RecordingPort()
    await _dispatch(sessions, port, at(18))
    assert await _plan(sessions, at(18, 8, 10)) == 3  # only Wednesday's morning is new
    assert (await _dispatch(sessions, port, at(18, 8, 20))).claimed == 0
    assert len(port.sent) == 1 and "3 việc quá hạn" in port.sent[0][1]
    kinds = sorted({r.kind for r in await _outbox(sessions)})
    assert kinds == ["overdue:2025-08-18", "overdue:2025-08-19", "overdue:2025-08-20"]


async def test_a_snooze_ending_on_an_overdue_morning_is_listed_once(sessions):
    w = await _world(sessions, [WED, THU, FRI])
    b = w.tasks["I.2"]
    await _plan(sessions, at(18, 0))
    port = RecordingPort()
    await _dispatch(sessions, port, at(18))
    # "⏰ 2 ngày" on Monday at 10:00: remind again on Wednesday at 08:00.
    async with UnitOfWork(sessions) as uow:
        await snooze(uow.session, b, w.officers["lan"], THU, at(20), at(18, 10))
        await uow.commit()
    for day in (19, 20):
        await _plan(sessions, at(day, 0))
        await _dispatch(sessions, port, at(day))
    tuesday, wednesday = port.sent[1][1], port.sent[2][1]
    assert len(port.sent) == 3
    assert "2 việc quá hạn" in tuesday and "I.2" not in tuesday
    assert "3 việc quá hạn" in wednesday and wednesday.count("I.2") == 1
    rows = await _outbox(sessions)
    assert [r.status for r in rows if r.kind.startswith("snooze:")] == ["dropped"]


async def test_a_crash_after_the_claim_loses_nothing_and_sends_the_list_once(sessions):
    w = await _world(sessions, [WED, THU, FRI])
    await _plan(sessions, at(18, 0))
    # A dispatcher claims at 08:00 and dies before sending: the claim took the whole list.
    async with UnitOfWork(sessions) as uow:
        dead = await outbox.claim(
            uow.session, "dead", at(18), 1, timedelta(minutes=5), timedelta(minutes=30)
        )
        await uow.commit()
    assert sorted(c.task_id or 0 for c in dead) == sorted(w.tasks.values())
    port = RecordingPort()
    lease = timedelta(minutes=5)
    assert (await _dispatch(sessions, port, at(18, 8, 3), lease=lease)).claimed == 0
    report = await _dispatch(sessions, port, at(18, 8, 6), lease=lease)
    assert report.reclaimed == 3 and report.sent_rows == 3 and len(port.sent) == 1
    assert len(_numbered(port.sent[0][1])) == 3
    rows = [r for r in await _outbox(sessions) if r.kind == "overdue:2025-08-18"]
    assert {(r.status, r.message_id) for r in rows} == {("sent", 1)}


async def test_two_dispatchers_racing_for_one_morning_send_one_list_per_officer(sessions):
    w = await _world(sessions, [WED, THU, FRI], officers=2)
    await _plan(sessions, at(18, 0))
    port = RecordingPort()
    # Claims of one row each: whoever picks a row of a chat takes that chat's whole list.
    reports = await asyncio.gather(
        *(
            Dispatcher(sessions, port, clock=MutableClock(at(18)), limits=UNLIMITED, batch=1,
                       worker=f"w{i}").run_once()
            for i in range(2)
        )
    )  # fmt: skip
    assert sorted(chat for chat, _, _ in port.sent) == [LAN, MAI]
    for _, text, buttons in port.sent:
        assert len(_numbered(text)) == 3 and len(buttons or []) == 3
    assert sum(r.sent_rows for r in reports) == 6
    rows = [r for r in await _outbox(sessions) if r.kind == "overdue:2025-08-18"]
    assert len(rows) == 6 and all(r.status == "sent" for r in rows)
    assert {r.task_id for r in rows} == set(w.tasks.values())


async def test_done_on_a_list_in_the_bot_acts_on_that_task_and_keeps_the_other_rows(
    tmp_path: Path,
):
    from fakebot.world import start_world, stop_world

    from reminders.telegram_port import TelegramPort

    bot_world = await start_world(tmp_path)  # Monday 18/8 09:00; Sở Tư pháp's task 4 is overdue
    try:
        lan = 501
        await bot_world.add_officer(lan, "Lan", "stp")
        sessions = bot_world.services.sessions
        w = World(units={"stp": bot_world.ids["stp"]})
        async with UnitOfWork(sessions) as uow:
            await add_task(uow.session, w, "A", "Việc A", [(WED, WED)], ["stp"])
            await add_task(uow.session, w, "B", "Việc B", [(THU, THU)], ["stp"])
            await uow.commit()
        await _plan(sessions, at(18, 7))
        bot = bot_world.harness.app.bot
        await Dispatcher(sessions, TelegramPort(bot), clock=MutableClock(at(18)),
                         limits=UNLIMITED).run_once()  # fmt: skip
        chat = bot_world.harness.private(lan, "Lan")
        msg, _ = chat.last_with_button("✅ 2")
        assert "3 việc quá hạn" in (msg.text or "")
        replies = await chat.press("✅ 2")  # the 2nd listed: A (13/8), after task 4
        assert "Đã ghi nhận hoàn thành" in replies.text and "Việc A" in replies.text
        # The list itself is drawn again: A marked done, the others as they were.
        listed = bot_world.api.messages[lan][msg.message_id].text or ""
        assert (
            "2. <b>A</b> Việc A — chậm nhất Thứ Tư, 13/8/2025, quá hạn 3 ngày làm việc · <b>✅ đã hoàn thành</b>"
            in listed
        )
        done = {t for (t,) in await bot_world.all(select(CompletionRow.task_id))}
        assert done == {w.tasks["A"]}
        markup = bot_world.api.messages[lan][msg.message_id].reply_markup
        assert isinstance(markup, dict)
        left = [row[0]["text"] for row in markup["inline_keyboard"]]
        assert left == ["✅ 1", "✅ 3"]
    finally:
        await stop_world(bot_world)
    assert not bot_world.harness.errors, bot_world.harness.errors


async def test_after_downtime_the_missed_mornings_give_way_to_one_list(sessions):
    await _world(sessions, [WED, THU, FRI])
    await _plan(sessions, at(18, 0))
    # Down all Monday; back on Tuesday at 09:30, after the 08:00 reminders were due.
    await _plan(sessions, at(19, 9, 30))
    port = RecordingPort()
    report = await _dispatch(sessions, port, at(19, 9, 30))
    assert report.dropped_stale == 3 and report.overdue_lists == 1 and len(port.sent) == 1
    assert "quá hạn 4 ngày làm việc" in port.sent[0][1]  # counted to Tuesday, not Monday
    rows = [r for r in await _outbox(sessions) if r.kind < "overdue:2025-08-20"]
    assert (
        sorted((r.kind, r.status) for r in rows)
        == [("overdue:2025-08-18", "dropped")] * 3 + [("overdue:2025-08-19", "sent")] * 3
    )
