"""The pacer under Telegram's limits: any 30 consecutive sends span more than a second, a group
that used its minute's twenty does not hold up the private chats behind it, and a group's window
carries over from earlier sends."""

from __future__ import annotations

import asyncio
import random
import time

from reminders.send_types import Limits, Outcome, SendItem
from reminders.sender import PacedSender


class TimedPort:
    def __init__(self) -> None:
        self.at: list[tuple[int, float]] = []

    async def send(self, chat_id: int, text: str, buttons: object) -> int:
        self.at.append((chat_id, time.monotonic()))
        return len(self.at)


def _items(chats: list[int]) -> list[SendItem]:
    return [SendItem(c, f"m{i}", None, (i,)) for i, c in enumerate(chats)]


async def _noop(_item: SendItem, _outcome: Outcome) -> None:
    return None


async def test_any_thirty_one_consecutive_sends_span_more_than_a_second() -> None:
    port = TimedPort()
    sender = PacedSender(port, Limits(overall_per_s=29.0, chat_interval=0.0))
    batches = [_items(list(range(1, 91)))]

    async def refill() -> list[SendItem]:
        return batches.pop() if batches else []

    await sender.run(refill, _noop)
    times = [t for _, t in port.at]
    assert len(times) == 90
    spans = [times[i + 30] - times[i] for i in range(len(times) - 30)]
    # Telegram takes thirty in any second: the 31st waits for the first's answer plus a second.
    assert min(spans) >= 1.0, min(spans)
    assert (len(times) - 1) / (times[-1] - times[0]) > 25.0  # and still close to 29 a second


class SlowPort:
    """Answers late and at random, like a loaded network: Telegram counts each message somewhere
    between its launch and its answer (``arrived``)."""

    def __init__(self) -> None:
        self.arrived: list[float] = []
        self.rng = random.Random(3)

    async def send(self, chat_id: int, text: str, buttons: object) -> int:
        await asyncio.sleep(self.rng.choice([0.0, 0.01, 0.05, 0.3]))
        self.arrived.append(time.monotonic())
        await asyncio.sleep(self.rng.choice([0.0, 0.02, 0.2]))
        return len(self.arrived)


async def test_a_send_in_flight_holds_its_place_so_telegram_never_sees_more_than_thirty_a_second() -> (
    None
):
    port = SlowPort()
    sender = PacedSender(port, Limits(overall_per_s=1000.0, chat_interval=0.0))
    batches = [_items(list(range(1, 121)))]

    async def refill() -> list[SendItem]:
        return batches.pop() if batches else []

    await sender.run(refill, _noop)
    at = sorted(port.arrived)
    assert len(at) == 120
    worst = max(sum(1 for u in at if t - 1.0 < u <= t) for t in at)
    assert worst <= 30, worst


async def test_the_windows_carry_over_from_one_run_to_the_next() -> None:
    port = TimedPort()
    sender = PacedSender(port, Limits(overall_per_s=1000.0, chat_interval=1.0))
    for batch in (_items(list(range(1, 31))), _items(list(range(1, 31)))):

        async def refill(batches: list[list[SendItem]] = [batch]) -> list[SendItem]:  # noqa: B006
            return batches.pop() if batches else []

        await sender.run(refill, _noop)
    times = [t for _, t in port.at]
    # The second run's first send waits for the first run's first answer plus a second (the
    # overall window and each private chat's second), not a fresh burst of thirty.
    assert times[30] - times[0] >= 1.0, times[30] - times[0]


async def test_a_group_waiting_out_its_minute_does_not_starve_the_private_chats() -> None:
    port = TimedPort()
    lim = Limits(overall_per_s=200.0, chat_interval=0.0, group_per_window=3, group_window=60.0,
                 overall_burst=10**9)  # fmt: skip
    sender = PacedSender(port, lim)
    batches = [_items(list(range(100, 160))), _items([-5] * 25 + list(range(1, 11)))]

    async def refill() -> list[SendItem]:
        return batches.pop() if batches else []

    run = asyncio.create_task(sender.run(refill, _noop, low_water=16))
    try:
        for _ in range(300):
            if sum(1 for c, _ in port.at if c > 0) == 70:
                break
            await asyncio.sleep(0.01)
    finally:
        run.cancel()
    private = sum(1 for c, _ in port.at if c > 0)
    group = sum(1 for c, _ in port.at if c < 0)
    # The group sent its three and parks 22 items for a minute; every private chat went out.
    assert (group, private) == (3, 70)


async def test_a_groups_window_carries_over_from_earlier_sends() -> None:
    port = TimedPort()
    lim = Limits(overall_per_s=200.0, chat_interval=0.0, group_per_window=3, group_window=60.0,
                 overall_burst=10**9)  # fmt: skip
    sender = PacedSender(port, lim)
    now = time.monotonic()
    sender.seed_group(-5, [now - 50, now - 40, now - 30])  # three in the last minute already
    batches = [_items([-5, 7])]

    async def refill() -> list[SendItem]:
        return batches.pop() if batches else []

    run = asyncio.create_task(sender.run(refill, _noop))
    await asyncio.sleep(0.5)
    run.cancel()
    assert [c for c, _ in port.at] == [7]  # the group waits until its first send is a minute old
