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

from reminders.send_types import (
    CATCH_UP as CATCH_UP,
)
from reminders.send_types import (
    DEFAULT_LIMITS as DEFAULT_LIMITS,
)
from reminders.send_types import (
    MAX_BACKLOG_FACTOR as MAX_BACKLOG_FACTOR,
)
from reminders.send_types import (
    PARK_AFTER as PARK_AFTER,
)
from reminders.send_types import (
    UNLIMITED as UNLIMITED,
)
from reminders.send_types import (
    BeforeSend as BeforeSend,
)
from reminders.send_types import (
    Limits,
    OnResult,
    Outcome,
    Permanent,
    Refill,
    RetryLater,
    SenderStats,
    SendItem,
    SendPort,
    Transient,
    _Chat,
    _NotOurs,
)
from reminders.send_types import (
    SendError as SendError,
)


class PacedSender:
    """Sends items fed by ``refill`` until nothing is left, keeping ``limits``.

    One instance may serve many runs (the dispatcher keeps one per process): the overall
    window, each chat's next allowed send and each group's minute carry over from run to run,
    so a run that starts just after another cannot burst past the limits."""

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
        # Chats with items, by the time they may send: groups apart, since twenty a minute is
        # the scarcest budget (a group ready goes before the private chats ready).
        self._heap: list[tuple[float, int, int]] = []
        self._groups: list[tuple[float, int, int]] = []
        self._seq = itertools.count()
        self._next_slot = 0.0
        self._inflight: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._backlog = 0
        self.stopped = False  # ``may_send`` said no: the run ended early
        # The overall budget: sends answered (their place ends at answer + 1 s + margin, in
        # answer order) and sends launched but not answered yet (they hold a place meanwhile).
        self._window: deque[float] = deque()
        self._flying = 0
        self._air: set[int] = set()  # items launched and not answered (by id)
        self._carrying: dict[asyncio.Task[None], int] = {}
        self._hold_until = 0.0
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
                self._push(item.chat_id, max(chat.ready_at, now))
        self._wake.set()

    def _push(self, chat_id: int, ready: float) -> None:
        heapq.heappush(
            self._groups if chat_id < 0 else self._heap, (ready, next(self._seq), chat_id)
        )

    def _waiting(self) -> int:
        return len(self._heap) + len(self._groups)

    def _next_heap(self, now: float) -> list[tuple[float, int, int]] | None:
        """The heap whose first chat goes next: a group as soon as it is ready, else whichever
        chat is ready first."""
        if self._groups and (self._groups[0][0] <= now or not self._heap):
            return self._groups
        if self._heap and (not self._groups or self._heap[0][0] <= self._groups[0][0]):
            return self._heap
        return self._groups if self._groups else None

    def hold(self, seconds: float) -> None:
        """Launch nothing for ``seconds`` (the sender lease just changed hands: the previous
        holder's last sends may still be in Telegram's window)."""
        self._hold_until = max(self._hold_until, self.monotonic() + seconds)

    def forget(self) -> None:
        """Drop what this process knew of the budget (another process sent meanwhile: its
        groups are seeded again from the store and ``hold`` covers the rest)."""
        self._window.clear()
        self._next_slot = 0.0
        self._far.clear()
        for chat_id in [c for c, chat in self._chats.items() if not chat.queue and not chat.busy]:
            del self._chats[chat_id]
        for chat in self._chats.values():
            chat.recent.clear()

    def _start_run(self) -> None:
        self.stats = SenderStats()
        self.stopped = False
        self._heap.clear()
        self._groups.clear()
        self._backlog = 0
        now = self.monotonic()
        # Forget chats that are ready and idle: memory stays bounded by the chats of a minute.
        for chat_id in [
            c
            for c, chat in self._chats.items()
            if not chat.queue
            and not chat.busy
            and chat.ready_at <= now
            and (not chat.recent or chat.recent[-1] <= now - self.limits.group_window)
        ]:
            del self._chats[chat_id]
            self._far.discard(chat_id)
        for chat in self._chats.values():
            chat.queue.clear()

    async def run(
        self,
        refill: Refill,
        on_result: OnResult,
        low_water: int = 64,
        tick: Callable[[], Awaitable[None]] | None = None,
        tick_every: float = 60.0,
        may_send: Callable[[], bool] | None = None,
        before_send: BeforeSend | None = None,
    ) -> SenderStats:
        """Send until ``refill`` returns nothing and every item has an outcome; ``tick`` runs
        every ``tick_every`` seconds meanwhile (the dispatcher renews its leases there).

        ``refill`` and ``tick`` run beside the sends (a claim's transaction never stalls the
        pace). ``before_send`` runs just before each send (the dispatcher marks the rows
        'sending' there); False drops the item unsent (its rows are no longer this worker's).
        When ``may_send`` answers False (the sender lease is no longer held), nothing more is
        launched or refilled: the run ends once the sends in flight have answered, and the items
        never tried are left in ``unsent()``."""
        self._start_run()
        exhausted = False
        next_tick = self.monotonic() + tick_every
        refilling: asyncio.Future[list[SendItem]] | None = None
        ticking: asyncio.Future[None] | None = None
        confirming: asyncio.Future[None] | None = None  # the renewal that decides a stop

        def wake(_task: object) -> None:
            self._wake.set()

        try:
            while True:
                if ticking is not None and ticking.done():
                    ticking.result()
                    ticking = None
                if tick is not None and ticking is None and self.monotonic() >= next_tick:
                    ticking = asyncio.ensure_future(tick())
                    ticking.add_done_callback(wake)
                    next_tick = self.monotonic() + tick_every
                if refilling is not None and refilling.done():
                    more = refilling.result()
                    refilling = None
                    if more:
                        self.add(more)
                    else:
                        exhausted = True
                if may_send is not None and not may_send():
                    # Launch nothing. A renewal merely late (a busy machine) is waited for; the
                    # run stops only when a renewal that ended after this moment still says no.
                    if not self.stopped and tick is not None and not confirming:
                        if ticking is None:
                            ticking = asyncio.ensure_future(tick())
                            ticking.add_done_callback(wake)
                            next_tick = self.monotonic() + tick_every
                        confirming = ticking
                    elif confirming is not None and confirming.done() and ticking is None:
                        self.stopped = True
                    if self.stopped and not self._inflight and refilling is None:
                        break
                    self._wake.clear()
                    await self._wake.wait()
                    continue
                confirming = None
                # Refill on the chats that can send soon, not on items: one chat sends once a
                # second at most, and a group that used its minute's twenty holds its items.
                if (
                    not exhausted
                    and refilling is None
                    and self._waiting() - self._parked() < low_water
                    and self._backlog < MAX_BACKLOG_FACTOR * low_water
                ):
                    refilling = asyncio.ensure_future(refill())
                    refilling.add_done_callback(wake)
                if not self._waiting() and not self._inflight and exhausted and refilling is None:
                    break
                now = self.monotonic()
                timeout: float | None = None
                heap = self._next_heap(now)
                if heap is not None and len(self._inflight) < self.limits.concurrency:
                    ready_at, _, chat_id = heap[0]
                    start = max(ready_at, self._next_slot, self._hold_until, self._burst_ready(now))
                    if start <= now:
                        heapq.heappop(heap)
                        self._launch(chat_id, now, on_result, before_send)
                        continue
                    if start != float("inf"):
                        timeout = start - now
                if tick is not None:
                    left = max(0.0, next_tick - now)
                    timeout = left if timeout is None else min(timeout, left)
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout)
        finally:
            for task in (refilling, ticking):
                if task is not None and not task.done():
                    task.cancel()
        if ticking is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await ticking
        return self.stats

    def seed_group(self, chat_id: int, sent: Sequence[float]) -> None:
        """Sends to a group before this run (monotonic instants, e.g. from the outbox's
        ``sent_at``): its twenty-a-minute window starts with them."""
        chat = self._chat(chat_id)
        merged = sorted([*chat.recent, *sent])[-self.limits.group_per_window :]
        chat.recent = deque(merged)
        if len(chat.recent) >= self.limits.group_per_window:
            chat.ready_at = max(
                chat.ready_at, chat.recent[0] + self.limits.group_window + self.limits.burst_margin
            )
            if chat.ready_at > self.monotonic() + PARK_AFTER:
                self._far.add(chat_id)

    def _burst_ready(self, now: float) -> float:
        """When the overall budget lets one more send go: sends in flight and sends answered
        less than a second (plus margin) ago hold their places."""
        lim = self.limits
        while self._window and self._window[0] <= now:
            self._window.popleft()
        if self._flying + len(self._window) < lim.overall_burst:
            return 0.0
        free = self._flying + len(self._window) - lim.overall_burst  # places to wait for
        if free < len(self._window):
            return self._window[free]
        return float("inf")  # every place is a send in flight: wait for an answer

    def _parked(self) -> int:
        """Chats with items that cannot send for a while: they must not stop refills (the
        private chats behind them would starve while a group waits out its minute)."""
        if not self._far:
            return 0
        horizon = self.monotonic() + PARK_AFTER
        parked = 0
        for chat_id in list(self._far):
            chat = self._chats.get(chat_id)
            if chat is None or chat.ready_at <= horizon:
                self._far.discard(chat_id)
            elif chat.queue and not chat.busy:
                parked += 1
        return parked

    def unsent(self) -> list[SendItem]:
        """Items still queued (never tried, or waiting to be tried again)."""
        return [item for chat in self._chats.values() for item in chat.queue]

    def _launch(
        self, chat_id: int, now: float, on_result: OnResult, before_send: BeforeSend | None
    ) -> None:
        chat = self._chats[chat_id]
        item = chat.queue.popleft()
        self._backlog -= 1
        chat.busy = True
        # Keep the average rate when the loop wakes late (a busy machine): up to a second of
        # slots is caught up; the overall window (``_burst_ready``) keeps any 30 in a second.
        interval = 1.0 / self.limits.overall_per_s
        self._next_slot = max(now - CATCH_UP, self._next_slot) + interval
        self._flying += 1
        self._air.add(id(item))
        task = asyncio.create_task(self._send(chat, item, now, on_result, before_send))
        self._carrying[task] = id(item)
        self._inflight.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._inflight.discard(task)
        item = self._carrying.pop(task, None)
        if item in self._air:  # ended without an answer (cancelled at a shutdown)
            self._air.discard(item)
            self._flying -= 1
        self._wake.set()

    def _answered(self, item: SendItem, asked: bool) -> float:
        """A send's place in the overall window: from its launch to its answer plus a second."""
        answered = self.monotonic()
        if id(item) in self._air:
            self._air.discard(id(item))
            self._flying -= 1
        if asked:
            end = answered + 1.0 + self.limits.burst_margin
            if self._window and end < self._window[-1]:
                end = self._window[-1]  # keep the window sorted (a clock that stood still)
            self._window.append(end)
        return answered

    async def _send(
        self,
        chat: _Chat,
        item: SendItem,
        start: float,
        on_result: OnResult,
        before_send: BeforeSend | None,
    ) -> None:
        lim, st = self.limits, self.stats
        outcomes: list[tuple[SendItem, Outcome]] = []
        ready = start
        asked = False
        try:
            if before_send is not None and not await before_send(item):
                raise _NotOurs
            asked = True
            message_id = await self.port.send(item.chat_id, item.text, item.buttons)
        except _NotOurs:
            self._answered(item, False)  # another worker holds its rows now: nothing to record
        except RetryLater as exc:
            self._answered(item, asked)
            st.rate_limited += 1
            item.tries += 1
            ready = self.monotonic() + exc.retry_after + 0.05
            if exc.retry_after > lim.max_wait:
                outcomes.append((item, Outcome("later", error=str(exc), wait=exc.retry_after)))
            else:
                self._requeue(chat, item)
        except Transient as exc:
            self._answered(item, asked)
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
            ready = self._answered(item, asked) + lim.chat_interval
            status = "gone" if exc.chat_gone else "failed"
            outcomes.append((item, Outcome(status, error=str(exc))))
            if exc.chat_gone:
                # Nothing else can reach this chat either.
                while chat.queue:
                    outcomes.append((chat.queue.popleft(), Outcome("gone", error=str(exc))))
                    self._backlog -= 1
        except Exception as exc:  # a bug or an unexpected answer: hand back, never lose
            ready = self._answered(item, asked) + lim.chat_interval
            item.tries += 1
            outcomes.append((item, Outcome("later", error=repr(exc), wait=lim.backoff_max)))
        else:
            answered = self._answered(item, True)
            # Private chats: one a second. Groups: twenty a minute, with no gap of their own.
            ready = answered
            if item.chat_id > 0 and lim.chat_interval:
                ready += lim.chat_interval + lim.burst_margin
            st.sent += 1
            st.first_send = start if st.first_send is None else st.first_send
            st.last_send = answered
            if item.chat_id < 0:
                chat.recent.append(answered)
                while len(chat.recent) > lim.group_per_window:
                    chat.recent.popleft()
                if len(chat.recent) >= lim.group_per_window:
                    ready = max(ready, chat.recent[0] + lim.group_window + lim.burst_margin)
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
                self._push(item.chat_id, ready)
            self._wake.set()

    def _requeue(self, chat: _Chat, item: SendItem) -> None:
        chat.queue.appendleft(item)
        self._backlog += 1
