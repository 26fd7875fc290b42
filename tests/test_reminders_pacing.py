"""The pacer under Telegram's limits: any 30 consecutive sends span more than a second, a group
that used its minute's twenty does not hold up the private chats behind it, and a group's window
carries over from earlier sends."""

from __future__ import annotations

import asyncio
import time

from reminders.sender import Limits, Outcome, PacedSender, SendItem


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


async def test_any_thirty_consecutive_sends_span_more_than_a_second() -> None:
    port = TimedPort()
    sender = PacedSender(port, Limits(overall_per_s=29.0, chat_interval=0.0))
    batches = [_items(list(range(1, 91)))]

    async def refill() -> list[SendItem]:
        return batches.pop() if batches else []

    await sender.run(refill, _noop)
    times = [t for _, t in port.at]
    assert len(times) == 90
    spans = [times[i + 29] - times[i] for i in range(len(times) - 29)]
    # Launched at least 1.03 s apart; seen by the port (as by Telegram) a little later each.
    assert min(spans) >= 1.0, min(spans)
    assert (len(times) - 1) / (times[-1] - times[0]) > 25.0  # and still close to 29 a second


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
