"""What the paced sender works with: items, results, Telegram's limits and the errors a port
raises (``reminders.sender`` paces and retries them).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from bot.reminders.items import Buttons as Buttons
from bot.reminders.items import SendItem as SendItem


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

    overall_per_s: float = 30.0  # launches spread evenly at this pace ...
    # ... and at most ``overall_burst`` in any second as Telegram sees them. Telegram counts a
    # message when it arrives, somewhere between our launch and its answer, so a send holds its
    # place from its launch until its answer plus the window (``burst_margin`` added): a send
    # still in flight counts, however slow the network or the machine.
    overall_burst: int = 30
    burst_margin: float = 0.01
    chat_interval: float = 1.0  # private chats: one a second, counted from the last answer
    group_per_window: int = 20  # groups: twenty a minute, counted from the answers
    group_window: float = 60.0
    takeover_pause: float = 1.05  # after a holder gave the lease up: its last second of sends
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
    overall_burst=10**9, burst_margin=0.0, takeover_pause=0.0,
)  # fmt: skip
CATCH_UP = 1.0  # seconds of missed send slots made up after a late wake
MAX_BACKLOG_FACTOR = 20  # items held in memory at most: this many times ``low_water``
PARK_AFTER = 5.0  # a chat not ready for this long (a full group window): its queue is parked


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
BeforeSend = Callable[[SendItem], Awaitable[bool]]  # False: the item is no longer ours to send


@dataclass
class _Chat:
    queue: deque[SendItem] = field(default_factory=deque)
    ready_at: float = 0.0
    busy: bool = False
    recent: deque[float] = field(default_factory=deque)  # group sends' answers in the window


class _NotOurs(Exception):
    """``before_send`` refused the item."""
