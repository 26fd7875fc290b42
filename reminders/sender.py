"""A paced sender: Telegram's limits kept per chat, per group and overall, with retries.

Telegram sits behind ``SendPort``; ``telegram_port.TelegramPort`` adapts python-telegram-bot.
The sender runs the send loop and retries; ``pacing.Pacer`` decides which chat goes next and
when; what a result means for the outbox is the caller's ``on_result``.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Sequence

from reminders.pacing import Pacer
from reminders.send_types import (
    DEFAULT_LIMITS,
    MAX_BACKLOG_FACTOR,
    BeforeSend,
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
from reminders.send_types import UNLIMITED as UNLIMITED


class PacedSender:
    """Sends items fed by ``refill`` until nothing is left, keeping ``limits``.

    One instance may serve many runs (the dispatcher keeps one per process): its ``Pacer``
    carries the overall window, each chat's next allowed send and each group's minute over from
    run to run, so a run that starts just after another cannot burst past the limits."""

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
        self.pacer = Pacer(limits, monotonic)
        self._inflight: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self.stopped = False  # ``may_send`` said no: the run ended early
        self._carrying: dict[asyncio.Task[None], int] = {}

    def add(self, items: Sequence[SendItem]) -> None:
        self.pacer.add(items)
        self._wake.set()

    def hold(self, seconds: float) -> None:
        """Launch nothing for ``seconds`` (the sender lease just changed hands: the previous
        holder's last sends may still be in Telegram's window)."""
        self.pacer.hold(seconds)

    def forget(self) -> None:
        """Drop what this process knew of the budget (another process sent meanwhile: its
        groups are seeded again from the store and ``hold`` covers the rest)."""
        self.pacer.forget()

    def seed_group(self, chat_id: int, sent: Sequence[float]) -> None:
        """Sends to a group before this run (monotonic instants, e.g. from the outbox's
        ``sent_at``): its twenty-a-minute window starts with them."""
        self.pacer.seed_group(chat_id, sent)

    def unsent(self) -> list[SendItem]:
        """Items still queued (never tried, or waiting to be tried again)."""
        return self.pacer.unsent()

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
        pacer = self.pacer
        self.stats = SenderStats()
        self.stopped = False
        self.pacer.start_run()
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
                    and pacer.waiting() - pacer.parked() < low_water
                    and pacer.backlog < MAX_BACKLOG_FACTOR * low_water
                ):
                    refilling = asyncio.ensure_future(refill())
                    refilling.add_done_callback(wake)
                if not pacer.waiting() and not self._inflight and exhausted and refilling is None:
                    break
                now = self.monotonic()
                timeout: float | None = None
                nxt = None
                if len(self._inflight) < self.limits.concurrency:
                    nxt = pacer.next_chat(now)
                if nxt is not None:
                    chat_id, start = nxt
                    if start <= now:
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

    def _launch(
        self, chat_id: int, now: float, on_result: OnResult, before_send: BeforeSend | None
    ) -> None:
        chat, item = self.pacer.take(chat_id, now)
        task = asyncio.create_task(self._send(chat, item, now, on_result, before_send))
        self._carrying[task] = id(item)
        self._inflight.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._inflight.discard(task)
        item = self._carrying.pop(task, None)
        if item is not None:  # ended without an answer (cancelled at a shutdown)?
            self.pacer.lost(item)
        self._wake.set()

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
            self.pacer.answered(item, False)  # another worker holds its rows now: nothing to record
        except RetryLater as exc:
            self.pacer.answered(item, asked)
            st.rate_limited += 1
            item.tries += 1
            ready = self.monotonic() + exc.retry_after + 0.05
            if exc.retry_after > lim.max_wait:
                outcomes.append((item, Outcome("later", error=str(exc), wait=exc.retry_after)))
            else:
                self.pacer.requeue(chat, item)
        except Transient as exc:
            self.pacer.answered(item, asked)
            st.transient += 1
            item.tries += 1
            if exc.ambiguous:
                item.ambiguous += 1
                st.ambiguous_retries += 1
            ready = self.monotonic() + lim.backoff(item.tries)
            if item.tries >= lim.max_tries:
                outcomes.append((item, Outcome("later", error=str(exc), wait=lim.backoff_max)))
            else:
                self.pacer.requeue(chat, item)
        except Permanent as exc:
            ready = self.pacer.answered(item, asked) + lim.chat_interval
            status = "gone" if exc.chat_gone else "failed"
            outcomes.append((item, Outcome(status, error=str(exc))))
            if exc.chat_gone:
                # Nothing else can reach this chat either.
                for gone in self.pacer.drain(chat):
                    outcomes.append((gone, Outcome("gone", error=str(exc))))
        except Exception as exc:  # a bug or an unexpected answer: hand back, never lose
            ready = self.pacer.answered(item, asked) + lim.chat_interval
            item.tries += 1
            outcomes.append((item, Outcome("later", error=repr(exc), wait=lim.backoff_max)))
        else:
            answered = self.pacer.answered(item, True)
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
            self.pacer.settle(chat, item.chat_id, ready)
            self._wake.set()
