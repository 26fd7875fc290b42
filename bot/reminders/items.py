"""The plain values between the outbox and a sender: a claimed outbox row and the message that
carries one or more of them. ``store.outbox_claims`` makes the rows; ``gather`` the messages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

OVERDUE_KIND = "overdue:"  # rows gathered per chat (``bot.reminders.gather``)

Buttons = Sequence[Sequence[tuple[str, str]]]  # rows of (label, callback data)


@dataclass(frozen=True)
class OutboxItem:
    """A claimed outbox row."""

    id: int
    chat_id: int
    officer_id: int | None
    task_id: int | None
    due_date: date
    kind: str
    send_at: datetime
    text: str
    attempts: int
    reclaimed: bool  # claimed before by a worker whose lease ran out
    in_flight: bool = False  # ... and its request had left (status 'sending'): maybe delivered


@dataclass
class SendItem:
    """One message to send; ``ids`` are the outbox rows it carries (several when gathered)."""

    chat_id: int
    text: str
    buttons: Buttons | None
    ids: tuple[int, ...]
    tries: int = 0
    ambiguous: int = 0  # retries after a time-out that may have delivered the message
