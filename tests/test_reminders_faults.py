"""Through the fake Bot API server: 429s, 502s and time-outs; two dispatchers on one outbox."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime

from fakebot import FakeBotApi, Fault
from reminders_fakes import MutableClock, RecordingPort, planned

from reminders import outbox
from reminders.dispatcher import Dispatcher
from reminders.send_types import UNLIMITED, Limits
from reminders.telegram_port import TelegramPort, make_bot
from services import replanning
from store.db import make_engine, make_sessionmaker
from store.uow import UnitOfWork

NOW = datetime(2025, 8, 18, 1, 0, tzinfo=UTC)
FAST = Limits(backoff_base=0.05, backoff_max=0.2)


async def _insert(sessions, rows) -> None:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        await outbox.insert_planned(uow.session, rows)
        await uow.commit()


def _delivered(api: FakeBotApi) -> Counter[str]:
    return Counter(m.text or "" for chat in api.messages.values() for m in chat.values())


async def test_every_reminder_arrives_exactly_once_through_429_502_and_timeouts(sessions):
    api = FakeBotApi(enforce_limits=True)
    api.cancel_on_disconnect = True  # a timed-out request is not processed
    await api.start()
    try:
        await _insert(sessions, planned(40, NOW, chat_of=lambda i: 500 + i % 20))
        api.fail("sendMessage", Fault.retry_after(1), times=3)
        api.fail("sendMessage", Fault.bad_gateway(), times=4)
        api.fail("sendMessage", Fault.delay(1.0), times=2)
        bot = make_bot(api.token, api.base_url, timeout=0.3)
        async with bot:
            report = await Dispatcher(
                sessions, TelegramPort(bot), clock=MutableClock(NOW), limits=FAST
            ).run_once()
    finally:
        await api.stop()
    assert _delivered(api) == {f"msg {i}": 1 for i in range(40)}
    statuses = Counter(r.status for r in api.calls("sendMessage"))
    assert statuses[429] >= 3 and statuses[502] == 4
    assert report.sent_rows == 40 and report.rate_limited >= 3 and report.ambiguous_retries == 2
    async with UnitOfWork(sessions) as uow:
        assert await replanning.counts(uow.session) == {"sent": 40}


async def test_a_timeout_after_delivery_is_the_one_way_to_double_and_it_is_counted(sessions):
    api = FakeBotApi()  # the delayed request is processed: only its answer is lost
    await api.start()
    try:
        await _insert(sessions, planned(3, NOW))
        api.fail("sendMessage", Fault.delay(0.6), times=1)
        bot = make_bot(api.token, api.base_url, timeout=0.2)
        async with bot:
            report = await Dispatcher(
                sessions, TelegramPort(bot), clock=MutableClock(NOW), limits=FAST
            ).run_once()
            await asyncio.sleep(0.6)  # let the server finish the abandoned request
    finally:
        await api.stop()
    delivered = _delivered(api)
    assert set(delivered) == {"msg 0", "msg 1", "msg 2"}
    duplicates = sum(n - 1 for n in delivered.values())
    assert duplicates == 1 and report.ambiguous_retries == 1


async def test_two_dispatchers_sharing_one_outbox_never_send_a_reminder_twice(db_url):
    engines = [make_engine(db_url), make_engine(db_url)]
    try:
        sessions = [make_sessionmaker(e) for e in engines]
        await _insert(sessions[0], planned(300, NOW, chat_of=lambda i: 700 + i % 150))
        port = RecordingPort()
        workers = [
            Dispatcher(s, port, clock=MutableClock(NOW), limits=UNLIMITED, batch=10, worker=f"w{i}")
            for i, s in enumerate(sessions)
        ]
        reports = await asyncio.gather(*(w.run_once() for w in workers))
        async with UnitOfWork(sessions[0]) as uow:
            counts = await replanning.counts(uow.session)
    finally:
        for e in engines:
            await e.dispose()
    assert port.counts() == {f"msg {i}": 1 for i in range(300)}
    assert sum(r.sent_rows for r in reports) == 300
    assert all(r.sent_rows > 0 for r in reports), [r.sent_rows for r in reports]
    assert counts == {"sent": 300}


async def test_blocked_and_missing_chats_fail_for_good_through_the_real_client(sessions):
    api = FakeBotApi()
    await api.start()
    try:
        await _insert(sessions, planned(3, NOW, chat_of=lambda i: [900, -901, 902][i]))
        api.fail("sendMessage", Fault.blocked(), chat_id=900)
        api.fail("sendMessage", Fault.chat_not_found(), chat_id=-901)
        bot = make_bot(api.token, api.base_url, timeout=2)
        async with bot:
            report = await Dispatcher(
                sessions, TelegramPort(bot), clock=MutableClock(NOW), limits=FAST
            ).run_once()
    finally:
        await api.stop()
    assert _delivered(api) == {"msg 2": 1}
    assert report.gone == 2 and report.released == 0
    assert len(api.for_chat(900)) == 1 and len(api.for_chat(-901)) == 1  # never retried
    async with UnitOfWork(sessions) as uow:
        assert await replanning.counts(uow.session) == {"sent": 1, "failed": 2}
