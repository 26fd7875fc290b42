"""A paced sender: Telegram's limits kept per chat, per group and overall, with retries.

Telegram sits behind ``SendPort``; ``telegram_port.TelegramPort`` adapts python-telegram-bot.
The sender only paces and retries; what a result means for the outbox is the caller's
``on_result``.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

Buttons = Sequence[Sequence[tuple[str, str]]]  # rows of (label, callback data)


class SendError(Exception):
    """Base of what a port raises."""


class RetryLater(SendError):
    """429: wait ``retry_after`` seconds before writing to this chat again."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after}")
        self.retry_after = retry_after


class Transient(SendError):
    """Time-out, network error, 5xx. ``ambiguous``: Telegram may have delivered it anyway."""

    def __init__(self, message: str, ambiguous: bool = False) -> None:
        super().__init__(message)
        self.ambiguous = ambiguous


class Permanent(SendError):
    """Never retried. ``chat_gone``: blocked by the user or chat not found."""

    def __init__(self, message: str, chat_gone: bool = False) -> None:
        super().__init__(message)
        self.chat_gone = chat_gone


class SendPort(Protocol):
    """Sends one HTML message and returns its Telegram message id."""

    async def send(self, chat_id: int, text: str, buttons: Buttons | None) -> int: ...


@dataclass(frozen=True)
class Limits:
    """Telegram's soft limits with a safety margin (they are undocumented and vary)."""

    overall_per_s: float = 29.0
    # Telegram counts about 30 messages in any second as they arrive; requests launched evenly
    # at 29/s still arrive a few ms early or late, so any 30 consecutive launches must span at
    # least a second plus ``burst_margin`` (else a 429 now and then).
    overall_burst: int = 30
    burst_margin: float = 0.03
    chat_interval: float = 1.25  # private chats: one message a second (arrival jitter margin)
    group_per_window: int = 20  # groups: twenty a minute
    group_window: float = 61.0
    concurrency: int = 16
    max_tries: int = 5  # in-memory tries before handing the row back to the outbox
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    max_wait: float = 120.0  # a longer retry_after hands the row back instead of waiting

    def backoff(self, tries: int) -> float:
        return min(self.backoff_max, self.backoff_base * 2 ** max(0, tries - 1))


DEFAULT_LIMITS = Limits()
UNLIMITED = Limits(
    overall_per_s=1e6, chat_interval=0.0, group_per_window=10**9, backoff_base=0.0,
    overall_burst=10**9,
)  # fmt: skip
CATCH_UP = 1.0  # seconds of missed send slots made up after a late wake
MAX_BACKLOG_FACTOR = 20  # items held in memory at most: this many times ``low_water``
PARK_AFTER = 5.0  # a chat not ready for this long (a full group window): its queue is parked


@dataclass
class SendItem:
    """One message to send; ``ids`` are the outbox rows it carries (several when gathered)."""

    chat_id: int
    text: str
    buttons: Buttons | None
    ids: tuple[int, ...]
    tries: int = 0
    ambiguous: int = 0  # retries after a time-out that may have delivered the message


@dataclass(frozen=True)
class Outcome:
    """sent | later (hand back for a later try) | failed | gone (recipient unreachable)."""

    status: str
    message_id: int | None = None
    error: str = ""
    wait: float = 0.0
    answered_at: float = 0.0  # monotonic time Telegram answered (for the commit window)


@dataclass
class SenderStats:
    sent: int = 0
    later: int = 0
    failed: int = 0
    gone: int = 0
    rate_limited: int = 0  # 429 answers
    transient: int = 0
    ambiguous_retries: int = 0
    first_send: float | None = None
    last_send: float | None = None


OnResult = Callable[[SendItem, Outcome], Awaitable[None]]
Refill = Callable[[], Awaitable[list[SendItem]]]


@dataclass
class _Chat:
    queue: deque[SendItem] = field(default_factory=deque)
    ready_at: float = 0.0
    busy: bool = False
    recent: deque[float] = field(default_factory=deque)  # group sends in the window


class PacedSender:
    """Sends items fed by ``refill`` until nothing is left, keeping ``limits``."""

    def __init__(
        self,
        port: SendPort,
        limits: Limits = DEFAULT_LIMITS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.port = port
        self.limits = limits
        self.monotonic = monotonic
        self.stats = SenderStats()
        self._chats: dict[int, _Chat] = {}
        self._heap: list[tuple[float, int, int]] = []
        self._seq = itertools.count()
        self._next_slot = 0.0
        self._inflight: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._backlog = 0
        self.stopped = False  # ``may_send`` said no: the run ended early
        self._launches: deque[float] = deque(maxlen=max(1, min(limits.overall_burst - 1, 1000)))
        self._far: set[int] = set()  # chats not ready for a while (groups with a full window)

    def _chat(self, chat_id: int) -> _Chat:
        chat = self._chats.get(chat_id)
        if chat is None:
            chat = self._chats[chat_id] = _Chat()
        return chat

    def add(self, items: Sequence[SendItem]) -> None:
        # A fresh chat queues behind the chats already ready (by the time it became ready),
        # else chats that just sent (groups, chats with several items) would wait for every
        # new private chat of each refill.
        now = self.monotonic()
        for item in items:
            chat = self._chat(item.chat_id)
            was_idle = not chat.queue and not chat.busy
            chat.queue.append(item)
            self._backlog += 1
            if was_idle:
                heapq.heappush(self._heap, (max(chat.ready_at, now), next(self._seq), item.chat_id))
        self._wake.set()

    async def run(
        self,
        refill: Refill,
        on_result: OnResult,
        low_water: int = 64,
        tick: Callable[[], Awaitable[None]] | None = None,
        tick_every: float = 60.0,
        may_send: Callable[[], bool] | None = None,
    ) -> SenderStats:
        """Send until ``refill`` returns nothing and every item has an outcome; ``tick`` runs
        every ``tick_every`` seconds meanwhile (the dispatcher renews its claims there).

        When ``may_send`` answers False (the sender lease is no longer held), nothing more is
        launched or refilled: the run ends once the sends in flight have answered, and the items
        never tried are left in ``unsent()``."""
        exhausted = False
        next_tick = self.monotonic() + tick_every
        while True:
            if tick is not None and self.monotonic() >= next_tick:
                await tick()
                next_tick = self.monotonic() + tick_every
            if may_send is not None and not may_send():
                self.stopped = True
                if not self._inflight:
                    break
                self._wake.clear()
                await self._wake.wait()
                continue
            # Refill on the chats that can send soon, not on items: one chat sends once a
            # second at most, and a group that used its minute's twenty holds its items.
            if (
                not exhausted
                and len(self._heap) - self._parked() < low_water
                and self._backlog < MAX_BACKLOG_FACTOR * low_water
            ):
                more = await refill()
                if more:
                    self.add(more)
                else:
                    exhausted = True
            if not self._heap and not self._inflight:
                if exhausted:
                    break
                continue
            now = self.monotonic()
            timeout: float | None = None
            if self._heap and len(self._inflight) < self.limits.concurrency:
                ready_at, _, chat_id = self._heap[0]
                start = max(ready_at, self._next_slot, self._burst_ready())
                if start <= now:
                    heapq.heappop(self._heap)
                    self._launch(chat_id, now, on_result)
                    continue
                timeout = start - now
            if tick is not None:
                left = max(0.0, next_tick - now)
                timeout = left if timeout is None else min(timeout, left)
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
        return self.stats

    def seed_group(self, chat_id: int, sent: Sequence[float]) -> None:
        """Sends to a group before this run (monotonic instants, e.g. from the outbox's
        ``sent_at``): its twenty-a-minute window starts with them."""
        chat = self._chat(chat_id)
        chat.recent.extend(sorted(sent)[-self.limits.group_per_window :])
        if len(chat.recent) >= self.limits.group_per_window:
            chat.ready_at = max(chat.ready_at, chat.recent[0] + self.limits.group_window)
            if chat.ready_at > self.monotonic() + PARK_AFTER:
                self._far.add(chat_id)

    def _burst_ready(self) -> float:
        lim = self.limits
        if len(self._launches) < lim.overall_burst - 1:
            return 0.0
        return self._launches[0] + 1.0 + lim.burst_margin

    def _parked(self) -> int:
        """Chats with items that cannot send for a while: they must not stop refills (the
        private chats behind them would starve while a group waits out its minute)."""
        if not self._far:
            return 0
        horizon = self.monotonic() + PARK_AFTER
        parked = 0
        for chat_id in list(self._far):
            chat = self._chats[chat_id]
            if chat.ready_at <= horizon:
                self._far.discard(chat_id)
            elif chat.queue and not chat.busy:
                parked += 1
        return parked

    def unsent(self) -> list[SendItem]:
        """Items still queued (never tried, or waiting to be tried again)."""
        return [item for chat in self._chats.values() for item in chat.queue]

    def _launch(self, chat_id: int, now: float, on_result: OnResult) -> None:
        chat = self._chats[chat_id]
        item = chat.queue.popleft()
        self._backlog -= 1
        chat.busy = True
        # Keep the average rate when the loop wakes late (a busy machine): up to a second of
        # slots is caught up; the burst window (``_burst_ready``) keeps any 30 in a second.
        interval = 1.0 / self.limits.overall_per_s
        self._next_slot = max(now - CATCH_UP, self._next_slot) + interval
        self._launches.append(now)
        task = asyncio.create_task(self._send(chat, item, now, on_result))
        self._inflight.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._inflight.discard(task)
        self._wake.set()

    async def _send(self, chat: _Chat, item: SendItem, start: float, on_result: OnResult) -> None:
        lim, st = self.limits, self.stats
        outcomes: list[tuple[SendItem, Outcome]] = []
        ready = start + lim.chat_interval
        try:
            message_id = await self.port.send(item.chat_id, item.text, item.buttons)
        except RetryLater as exc:
            st.rate_limited += 1
            item.tries += 1
            ready = self.monotonic() + exc.retry_after + 0.05
            if exc.retry_after > lim.max_wait:
                outcomes.append((item, Outcome("later", error=str(exc), wait=exc.retry_after)))
            else:
                self._requeue(chat, item)
        except Transient as exc:
            st.transient += 1
            item.tries += 1
            if exc.ambiguous:
                item.ambiguous += 1
                st.ambiguous_retries += 1
            ready = self.monotonic() + lim.backoff(item.tries)
            if item.tries >= lim.max_tries:
                outcomes.append((item, Outcome("later", error=str(exc), wait=lim.backoff_max)))
            else:
                self._requeue(chat, item)
        except Permanent as exc:
            status = "gone" if exc.chat_gone else "failed"
            outcomes.append((item, Outcome(status, error=str(exc))))
            if exc.chat_gone:
                # Nothing else can reach this chat either.
                while chat.queue:
                    outcomes.append((chat.queue.popleft(), Outcome("gone", error=str(exc))))
                    self._backlog -= 1
        except Exception as exc:  # a bug or an unexpected answer: hand back, never lose
            item.tries += 1
            outcomes.append((item, Outcome("later", error=repr(exc), wait=lim.backoff_max)))
        else:
            answered = self.monotonic()
            st.sent += 1
            st.first_send = start if st.first_send is None else st.first_send
            st.last_send = answered
            if item.chat_id < 0:
                chat.recent.append(start)
                while len(chat.recent) > lim.group_per_window:
                    chat.recent.popleft()
                if len(chat.recent) >= lim.group_per_window:
                    ready = max(ready, chat.recent[0] + lim.group_window)
            outcomes.append((item, Outcome("sent", message_id=message_id, answered_at=answered)))
        try:
            for it, outcome in outcomes:
                if outcome.status == "later":
                    st.later += 1
                elif outcome.status == "failed":
                    st.failed += 1
                elif outcome.status == "gone":
                    st.gone += 1
                await on_result(it, outcome)
        finally:
            chat.busy = False
            chat.ready_at = ready
            if ready > self.monotonic() + PARK_AFTER:
                self._far.add(item.chat_id)
            if chat.queue:
                heapq.heappush(self._heap, (ready, next(self._seq), item.chat_id))
            self._wake.set()

    def _requeue(self, chat: _Chat, item: SendItem) -> None:
        chat.queue.appendleft(item)
        self._backlog += 1
