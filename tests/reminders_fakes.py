"""In-memory ports and helpers for the reminders tests."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from bot.reminders.planner import Planned
from reminders.send_types import Buttons, SendError


@dataclass
class RecordingPort:
    """A ``SendPort`` that records every message; ``faults[chat]`` are raised first, in order."""

    sent: list[tuple[int, str, Buttons | None]] = field(default_factory=list)
    faults: dict[int, list[SendError]] = field(default_factory=dict)
    clock: object = None  # optional callable: records the injected time of each send
    times: list[datetime] = field(default_factory=list)

    async def send(self, chat_id: int, text: str, buttons: Buttons | None) -> int:
        queue = self.faults.get(chat_id)
        if queue:
            raise queue.pop(0)
        self.sent.append((chat_id, text, buttons))
        if callable(self.clock):
            self.times.append(self.clock())
        return len(self.sent)

    def counts(self) -> Counter[str]:
        return Counter(text for _, text, _ in self.sent)


class MutableClock:
    """An injected clock the test moves by hand."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **kw: float) -> None:
        self.at += timedelta(**kw)


def planned(
    n: int,
    send_at: datetime,
    chat_of=lambda i: 1000 + i,  # type: ignore[no-untyped-def]
    task_id: int | None = None,
    kind: str = "before1",
) -> list[Planned]:
    """``n`` rows with unique texts ("msg 0" ...), to chats ``chat_of(i)``."""
    due = date(2025, 8, 20)
    return [
        Planned(chat_of(i), None, task_id, due, f"{kind}#{i}", send_at.astimezone(UTC), f"msg {i}")
        for i in range(n)
    ]
