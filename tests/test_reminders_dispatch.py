"""The dispatcher: due rows are sent once, late ones gathered, dead chats stopped."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from reminders_fakes import MutableClock, RecordingPort, planned
from reminders_support import World, add_officer, add_task, add_unit
from sqlalchemy import select

from bot.reminders.planner import Planned
from reminders import outbox
from reminders.dispatcher import Dispatcher
from reminders.send_types import UNLIMITED, Permanent, RetryLater, Transient
from services import replanning
from store.models import OfficerRow, OutboxRow
from store.uow import UnitOfWork

NOW = datetime(2025, 8, 18, 1, 0, tzinfo=UTC)  # 08:00 in Hà Nội
DUE = date(2025, 8, 20)


async def _insert(sessions, rows: list[Planned]) -> int:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        n = await outbox.insert_planned(uow.session, rows)
        await uow.commit()
    return n


async def _statuses(sessions) -> dict[str, int]:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        return await replanning.counts(uow.session)


def _dispatcher(sessions, port, clock, **kw):  # type: ignore[no-untyped-def]
    return Dispatcher(sessions, port, clock=clock, limits=UNLIMITED, **kw)


async def test_due_rows_are_sent_once_and_replanning_adds_nothing(sessions):
    rows = planned(6, NOW) + planned(2, NOW + timedelta(hours=1), chat_of=lambda i: 2000 + i)
    assert await _insert(sessions, rows) == 8
    assert await _insert(sessions, rows) == 0
    port = RecordingPort()
    report = await _dispatcher(sessions, port, MutableClock(NOW)).run_once()
    assert report.sent_rows == 6 and report.messages == 6
    assert sorted(port.counts().values()) == [1] * 6
    again = await _dispatcher(sessions, port, MutableClock(NOW)).run_once()
    assert again.claimed == 0
    assert await _statuses(sessions) == {"sent": 6, "pending": 2}
    async with UnitOfWork(sessions) as uow:
        ids = (await uow.session.scalars(select(OutboxRow.message_id))).all()
    assert sorted(i for i in ids if i is not None) == [1, 2, 3, 4, 5, 6]


async def test_digests_without_a_task_are_not_doubled_by_replanning(sessions):
    digest = Planned(77, None, None, DUE, "digest", NOW, "tin sáng")
    assert await _insert(sessions, [digest]) == 1
    assert await _insert(sessions, [digest]) == 0


async def test_retry_after_and_transient_errors_are_retried_until_sent(sessions):
    await _insert(sessions, planned(3, NOW))
    port = RecordingPort(
        faults={
            1000: [RetryLater(0.01), Transient("502")],
            1001: [Transient("timeout", ambiguous=True)],
        }
    )
    report = await _dispatcher(sessions, port, MutableClock(NOW)).run_once()
    assert port.counts() == {"msg 0": 1, "msg 1": 1, "msg 2": 1}
    assert report.rate_limited == 1 and report.ambiguous_retries == 1


async def test_a_send_failing_too_often_goes_back_to_the_outbox_for_later(sessions):
    await _insert(sessions, planned(1, NOW))
    port = RecordingPort(faults={1000: [Transient("502")] * 5})
    clock = MutableClock(NOW)
    first = await _dispatcher(sessions, port, clock).run_once()
    assert first.released == 1 and port.sent == []
    assert (await _dispatcher(sessions, port, clock).run_once()).claimed == 0  # not yet
    clock.advance(minutes=1)
    await _dispatcher(sessions, port, clock).run_once()
    assert port.counts() == {"msg 0": 1}


async def test_after_downtime_useful_reminders_are_gathered_and_stale_ones_dropped(sessions):
    day = timedelta(days=1)
    rows = [
        Planned(5, None, 1, DUE, "before3", NOW - 3 * day, "còn 3 ngày"),
        Planned(5, None, 1, DUE, "before1", NOW - day, "còn 1 ngày"),
        Planned(5, None, 2, date(2025, 8, 15), "overdue:2025-08-17", NOW - day, "quá hạn"),
        Planned(5, None, None, (NOW - day).date(), "digest", NOW - day, "tin sáng hôm qua"),
        Planned(6, None, None, NOW.date(), "digest", NOW, "tin sáng hôm nay"),
    ]
    async with UnitOfWork(sessions) as uow:
        w = World()
        await add_unit(uow.session, w, "u")
        await add_task(uow.session, w, "1", "Việc một", [(DUE, DUE)], ["u"])
        await add_task(
            uow.session, w, "2", "Việc hai", [(date(2025, 8, 15), date(2025, 8, 15))], ["u"]
        )
        await uow.commit()
    await _insert(sessions, rows)
    port = RecordingPort()
    report = await _dispatcher(sessions, port, MutableClock(NOW)).run_once()
    assert report.dropped_stale == 2
    by_chat = {chat: text for chat, text, _ in port.sent}
    assert len(port.sent) == 2
    assert "có 2 nhắc việc" in by_chat[5] and "còn 1 ngày" in by_chat[5] and "quá hạn" in by_chat[5]
    assert "còn 3 ngày" not in by_chat[5]
    assert by_chat[6] == "tin sáng hôm nay"
    assert await _statuses(sessions) == {"sent": 3, "dropped": 2}


async def test_a_blocked_recipient_is_stopped_and_the_coordinator_told(sessions):
    async with UnitOfWork(sessions) as uow:
        w = World()
        await add_unit(uow.session, w, "u")
        await add_officer(uow.session, w, "lan", "u", 41)
        await add_officer(uow.session, w, "coord", "u", 42, role="coordinator")
        await add_officer(uow.session, w, "admin", "u", 43, role="administrator")
        await uow.commit()
    lan = w.officers["lan"]
    rows = [
        Planned(41, lan, None, DUE, f"k{i}", NOW - timedelta(minutes=i), f"m{i}") for i in range(3)
    ] + [Planned(41, lan, None, DUE, "later", NOW + timedelta(days=1), "mai")]
    await _insert(sessions, rows)
    port = RecordingPort(
        faults={41: [Permanent("Forbidden: bot was blocked by the user", chat_gone=True)]}
    )
    clock = MutableClock(NOW)
    report = await _dispatcher(sessions, port, clock).run_once()
    await _dispatcher(sessions, port, clock).run_once()
    assert report.gone == 3
    assert sorted(chat for chat, _, _ in port.sent) == [42, 43]  # coordinator and administrator
    # Named, in Vietnamese: neither the chat id nor the Bot API's English reaches a coordinator.
    assert all("Không gửi được nhắc việc" in text and "Anh/chị lan đã chặn bot" in text for _, text, _ in port.sent)  # fmt: skip
    assert not any("41" in text or "Forbidden" in text or "blocked" in text for _, text, _ in port.sent)  # fmt: skip
    async with UnitOfWork(sessions) as uow:
        officer = await uow.session.get(OfficerRow, lan)
        assert officer is not None and officer.chat_active is False
    assert await _statuses(sessions) == {"failed": 3, "dropped": 1, "sent": 2}


async def test_after_two_days_down_the_missed_window_is_planned_once_and_gathered(sessions):
    from services.reminders import plan_reminders

    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    monday = datetime(2025, 8, 11, 0, 0, tzinfo=tz)
    async with UnitOfWork(sessions) as uow:
        w = World()
        await add_unit(uow.session, w, "u")
        await add_officer(uow.session, w, "lan", "u", 41, digest=False)
        await add_task(
            uow.session, w, "A", "Báo cáo A", [(date(2025, 8, 15), date(2025, 8, 15))], ["u"]
        )
        await add_task(
            uow.session, w, "B", "Báo cáo B", [(date(2025, 8, 19), date(2025, 8, 19))], ["u"]
        )
        await uow.commit()
    async with UnitOfWork(sessions) as uow:
        await plan_reminders(uow, monday)  # plans up to Wednesday 00:00
    # Down from Monday 00:00 until Friday 09:00: A's before1 (Thu) and dayof (Fri 08:00), B's
    # before3 (Thu 14/8) were never planned nor sent; A's before3 (Tue) was planned but not sent.
    friday = datetime(2025, 8, 15, 9, 0, tzinfo=tz)
    async with UnitOfWork(sessions) as uow:
        report = await plan_reminders(uow, friday)
    assert report.start == monday + timedelta(days=2)  # from where the last run stopped
    port = RecordingPort()
    result = await _dispatcher(sessions, port, MutableClock(friday.astimezone(UTC))).run_once()
    assert len(port.sent) == 1 and "có 2 nhắc việc" in port.sent[0][1]
    assert "Hôm nay là hạn cuối" in port.sent[0][1] and "Báo cáo B" in port.sent[0][1]
    assert result.dropped_stale == 2  # A's 3-day and 1-day reminders: superseded by its last day
    async with UnitOfWork(sessions) as uow:
        again = await plan_reminders(uow, friday + timedelta(minutes=10))
    assert again.inserted == 0
