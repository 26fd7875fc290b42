"""Who may send next, and when: the paced sender's budget, kept in one process's memory.

Per chat a queue and the time it may send again (private chats one a second from the last
answer, groups twenty a minute from the answers); over all chats an even launch pace and a
window of at most ``overall_burst`` sends a second as Telegram sees them (a send holds its
place from its launch to its answer plus a second). ``sender.PacedSender`` asks ``next_chat``
which chat goes, ``take``s its item, and ``settle``s the chat once the answer is recorded.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from collections.abc import Callable, Sequence

from reminders.send_types import CATCH_UP, PARK_AFTER, Limits, SendItem, _Chat


class Pacer:
    """The chats waiting to send, their readiness and the overall budget.

    It outlives a run (the dispatcher's sender keeps one per process): the overall window,
    each chat's next allowed send and each group's minute carry over from run to run, so a run
    that starts just after another cannot burst past the limits."""

    def __init__(self, limits: Limits, monotonic: Callable[[], float]) -> None:
        self.limits = limits
        self.monotonic = monotonic
        self.chats: dict[int, _Chat] = {}
        # Chats with items, by the time they may send: groups apart, since twenty a minute is
        # the scarcest budget (a group ready goes before the private chats ready).
        self._heap: list[tuple[float, int, int]] = []
        self._groups: list[tuple[float, int, int]] = []
        self._seq = itertools.count()
        self._next_slot = 0.0
        self.backlog = 0
        # The overall budget: sends answered (their place ends at answer + 1 s + margin, in
        # answer order) and sends launched but not answered yet (they hold a place meanwhile).
        self._window: deque[float] = deque()
        self._flying = 0
        self._air: set[int] = set()  # items launched and not answered (by id)
        self._hold_until = 0.0
        self._far: set[int] = set()  # chats not ready for a while (groups with a full window)

    def chat(self, chat_id: int) -> _Chat:
        chat = self.chats.get(chat_id)
        if chat is None:
            chat = self.chats[chat_id] = _Chat()
        return chat

    def add(self, items: Sequence[SendItem]) -> None:
        # A fresh chat queues behind the chats already ready (by the time it became ready),
        # else chats that just sent (groups, chats with several items) would wait for every
        # new private chat of each refill.
        now = self.monotonic()
        for item in items:
            chat = self.chat(item.chat_id)
            was_idle = not chat.queue and not chat.busy
            chat.queue.append(item)
            self.backlog += 1
            if was_idle:
                self._push(item.chat_id, max(chat.ready_at, now))

    def _push(self, chat_id: int, ready: float) -> None:
        heapq.heappush(
            self._groups if chat_id < 0 else self._heap, (ready, next(self._seq), chat_id)
        )

    def waiting(self) -> int:
        """Chats with items waiting to send."""
        return len(self._heap) + len(self._groups)

    def _next_heap(self, now: float) -> list[tuple[float, int, int]] | None:
        """The heap whose first chat goes next: a group as soon as it is ready, else whichever
        chat is ready first."""
        if self._groups and (self._groups[0][0] <= now or not self._heap):
            return self._groups
        if self._heap and (not self._groups or self._heap[0][0] <= self._groups[0][0]):
            return self._heap
        return self._groups if self._groups else None

    def next_chat(self, now: float) -> tuple[int, float] | None:
        """The chat that goes next and when it may launch (``inf``: when a send in flight
        answers); None when no chat waits. A chat whose time has come is taken off the heap."""
        heap = self._next_heap(now)
        if heap is None:
            return None
        ready_at, _, chat_id = heap[0]
        start = max(ready_at, self._next_slot, self._hold_until, self._burst_ready(now))
        if start <= now:
            heapq.heappop(heap)
        return chat_id, start

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
        for chat_id in [c for c, chat in self.chats.items() if not chat.queue and not chat.busy]:
            del self.chats[chat_id]
        for chat in self.chats.values():
            chat.recent.clear()

    def start_run(self) -> None:
        """A new run: empty queues; chats ready and idle are forgotten (memory stays bounded by
        the chats of a minute), the others keep their readiness and group windows."""
        self._heap.clear()
        self._groups.clear()
        self.backlog = 0
        now = self.monotonic()
        for chat_id in [
            c
            for c, chat in self.chats.items()
            if not chat.queue
            and not chat.busy
            and chat.ready_at <= now
            and (not chat.recent or chat.recent[-1] <= now - self.limits.group_window)
        ]:
            del self.chats[chat_id]
            self._far.discard(chat_id)
        for chat in self.chats.values():
            chat.queue.clear()

    def seed_group(self, chat_id: int, sent: Sequence[float]) -> None:
        """Sends to a group before this run (monotonic instants, e.g. from the outbox's
        ``sent_at``): its twenty-a-minute window starts with them."""
        chat = self.chat(chat_id)
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

    def parked(self) -> int:
        """Chats with items that cannot send for a while: they must not stop refills (the
        private chats behind them would starve while a group waits out its minute)."""
        if not self._far:
            return 0
        horizon = self.monotonic() + PARK_AFTER
        parked = 0
        for chat_id in list(self._far):
            chat = self.chats.get(chat_id)
            if chat is None or chat.ready_at <= horizon:
                self._far.discard(chat_id)
            elif chat.queue and not chat.busy:
                parked += 1
        return parked

    def unsent(self) -> list[SendItem]:
        """Items still queued (never tried, or waiting to be tried again)."""
        return [item for chat in self.chats.values() for item in chat.queue]

    def take(self, chat_id: int, now: float) -> tuple[_Chat, SendItem]:
        """Launch the chat's next item now: it takes the next slot and a place in the window."""
        chat = self.chats[chat_id]
        item = chat.queue.popleft()
        self.backlog -= 1
        chat.busy = True
        # Keep the average rate when the loop wakes late (a busy machine): up to a second of
        # slots is caught up; the overall window (``_burst_ready``) keeps any 30 in a second.
        interval = 1.0 / self.limits.overall_per_s
        self._next_slot = max(now - CATCH_UP, self._next_slot) + interval
        self._flying += 1
        self._air.add(id(item))
        return chat, item

    def lost(self, item_id: int) -> None:
        """A launched send ended without an answer (cancelled at a shutdown): free its place."""
        if item_id in self._air:
            self._air.discard(item_id)
            self._flying -= 1

    def answered(self, item: SendItem, asked: bool) -> float:
        """A send's place in the overall window: from its launch to its answer plus a second."""
        answered = self.monotonic()
        self.lost(id(item))
        if asked:
            end = answered + 1.0 + self.limits.burst_margin
            if self._window and end < self._window[-1]:
                end = self._window[-1]  # keep the window sorted (a clock that stood still)
            self._window.append(end)
        return answered

    def drain(self, chat: _Chat) -> list[SendItem]:
        """Take every item still queued for the chat (it can no longer be reached)."""
        items = list(chat.queue)
        chat.queue.clear()
        self.backlog -= len(items)
        return items

    def requeue(self, chat: _Chat, item: SendItem) -> None:
        """Put an item back at the head of its chat's queue (to be tried again)."""
        chat.queue.appendleft(item)
        self.backlog += 1

    def settle(self, chat: _Chat, chat_id: int, ready: float) -> None:
        """The chat's send is over (its outcome recorded): it may send again at ``ready``."""
        chat.busy = False
        chat.ready_at = ready
        if ready > self.monotonic() + PARK_AFTER:
            self._far.add(chat_id)
        if chat.queue:
            self._push(chat_id, ready)
