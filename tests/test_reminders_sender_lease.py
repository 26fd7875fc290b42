"""One sender per bot token across processes: the sender lease (``store.replicas``) held by one
dispatcher at a time, taken over when its holder dies, and given up mid-run when lost."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

from reminders_fakes import RecordingPort, planned
from sqlalchemy import update

from reminders import outbox
from reminders.dispatcher import Dispatcher
from reminders.send_types import UNLIMITED, Limits
from services import replanning
from store import replicas
from store.models import OutboxRow
from store.replicas import SenderLeaseRow
from store.uow import UnitOfWork

NAME = "telegram:123456"


async def _insert(sessions, n: int) -> None:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        await outbox.insert_planned(
            uow.session, planned(n, datetime.now(UTC) - timedelta(minutes=1))
        )
        await uow.commit()


async def _hold(sessions, holder: str, ttl: float = 10.0):  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        lease = await replicas.hold_lease(uow.session, NAME, holder, timedelta(seconds=ttl))
        await uow.commit()
    return lease


async def _expire(sessions) -> None:  # type: ignore[no-untyped-def]
    """The holder stops renewing: its lease runs out (set in the past rather than slept through,
    so a slow machine cannot let it lapse before the check that it still holds)."""
    async with UnitOfWork(sessions) as uow:
        await uow.session.execute(
            update(SenderLeaseRow)
            .where(SenderLeaseRow.name == NAME)
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
        await uow.commit()


async def test_one_holder_at_a_time_and_a_takeover_once_it_expires(sessions):
    a = await _hold(sessions, "a", ttl=30)
    assert a is not None and a.taken and a.fence == 1
    assert await _hold(sessions, "b") is None  # a holds it
    again = await _hold(sessions, "a", ttl=30)
    assert again is not None and not again.taken and again.fence == 1  # renewed
    assert again.expires_at >= a.expires_at
    await _expire(sessions)
    b = await _hold(sessions, "b")
    assert b is not None and b.taken and b.previous == "a" and b.fence == 2
    assert await _hold(sessions, "a") is None  # a lost it for good


async def test_two_dispatchers_under_one_token_only_the_holder_sends(sessions):
    await _insert(sessions, 40)
    ports = [RecordingPort(), RecordingPort()]
    ds = [Dispatcher(sessions, p, clock=lambda: datetime.now(UTC), limits=UNLIMITED,
                     sender_lease=NAME) for p in ports]  # fmt: skip
    reports = await asyncio.gather(*(d.run_once() for d in ds))
    assert sorted(r.standby for r in reports) == [False, True]
    assert [len(p.sent) for p in ports if p.sent] == [40]  # one process sent everything
    assert Counter(t for p in ports for _, t, _ in p.sent) == {f"msg {i}": 1 for i in range(40)}


async def test_a_takeover_sends_the_dead_holders_claims_at_once(sessions):
    await _insert(sessions, 12)
    assert await _hold(sessions, "dead:1", ttl=0.2) is not None
    async with UnitOfWork(sessions) as uow:  # the dead holder had claimed half, then died
        claimed = await outbox.claim(uow.session, "dead:1", datetime.now(UTC), 6,
                                     timedelta(minutes=5), timedelta(minutes=30))  # fmt: skip
        await uow.commit()
    assert len(claimed) == 6
    await asyncio.sleep(0.3)
    port = RecordingPort()
    d = Dispatcher(sessions, port, clock=lambda: datetime.now(UTC), limits=UNLIMITED,
                   sender_lease=NAME)  # fmt: skip
    report = await d.run_once()
    # Without the takeover those six would wait for their five-minute claim lease.
    assert report.reclaimed == 6 and report.sent_rows == 12
    assert port.counts() == {f"msg {i}": 1 for i in range(12)}


async def test_a_holder_that_loses_the_lease_stops_and_hands_its_rows_back(sessions):
    await _insert(sessions, 30)
    port = RecordingPort()
    slow = Limits(overall_per_s=20.0, overall_burst=5, chat_interval=0.0, group_per_window=10**9,
                  backoff_base=0.0)  # five a second: 30 take six seconds  # fmt: skip
    d = Dispatcher(sessions, port, clock=lambda: datetime.now(UTC), limits=slow,
                   sender_lease=NAME, sender_ttl=3.0, heartbeat=0.2)  # fmt: skip
    run = asyncio.create_task(d.run_once())
    while len(port.sent) < 5:
        await asyncio.sleep(0.01)
    async with UnitOfWork(sessions) as uow:  # another process took the lease (the holder stalled)
        await uow.session.execute(
            update(SenderLeaseRow).values(holder="other", expires_at=datetime.now(UTC) + timedelta(minutes=1))
        )  # fmt: skip
        await uow.commit()
    report = await asyncio.wait_for(run, 10)
    assert report.sender_lost and report.handed_back > 0
    sent = len(port.sent)
    assert sent < 30 and sent == report.sent_rows  # stopped within a heartbeat or two
    async with UnitOfWork(sessions) as uow:
        counts = await replanning.counts(uow.session)
    assert counts == {"sent": sent, "pending": 30 - sent}  # nothing left claimed by the loser
    assert len(set(port.counts())) == sent  # and nothing sent twice


async def test_a_dead_holders_send_in_flight_is_sent_again_only_once_it_cannot_still_be_in_flight(
    sessions,
):
    """At least once: a 'sending' row (its request had left when the holder died) goes out
    again, but not before ``in_flight_max``; its never-tried claims go out at once."""
    await _insert(sessions, 4)
    assert await _hold(sessions, "dead:1", ttl=0.2) is not None
    async with UnitOfWork(sessions) as uow:
        claimed = await outbox.claim(uow.session, "dead:1", datetime.now(UTC), 4,
                                     timedelta(minutes=5), timedelta(minutes=30))  # fmt: skip
        assert await outbox.mark_sending(uow.session, [claimed[0].id], "dead:1",
                                         datetime.now(UTC)) == 1  # fmt: skip
        await uow.commit()
    await asyncio.sleep(0.3)
    port = RecordingPort()
    d = Dispatcher(sessions, port, clock=lambda: datetime.now(UTC), limits=UNLIMITED,
                   sender_lease=NAME, in_flight_max=timedelta(seconds=3))  # fmt: skip
    first = await d.run_once()
    assert (first.sent_rows, first.in_flight_resent) == (3, 0)  # the in-flight one waits
    async with UnitOfWork(sessions) as uow:
        assert (await replanning.counts(uow.session)) == {"sent": 3, "sending": 1}
    await asyncio.sleep(3.2)
    second = await d.run_once()
    assert (second.sent_rows, second.in_flight_resent) == (1, 1)  # counted: maybe doubled
    assert port.counts() == {f"msg {i}": 1 for i in range(4)}


async def test_rows_taken_over_by_another_worker_are_not_sent_by_the_old_one(sessions):
    await _insert(sessions, 2)
    async with UnitOfWork(sessions) as uow:
        claimed = await outbox.claim(uow.session, "old:1", datetime.now(UTC), 2,
                                     timedelta(minutes=5), timedelta(minutes=30))  # fmt: skip
        await uow.session.execute(update(OutboxRow).values(claimed_by="new:2"))
        await uow.commit()
    async with UnitOfWork(sessions) as uow:  # the fence before each send
        assert await outbox.mark_sending(uow.session, [claimed[0].id], "old:1",
                                         datetime.now(UTC)) == 0  # fmt: skip
        assert await outbox.mark_sending(uow.session, [claimed[0].id], "new:2",
                                         datetime.now(UTC)) == 1  # fmt: skip
