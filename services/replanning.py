"""The planner's pending outbox rows: read them, take them out to be planned again (a change of
the calendar), and count the outbox's rows by status.

Functions take a session (or a unit of work) and never commit; the caller's unit of work does.
The rows are ``uow.planned``'s (store/planned_repo.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.reminders.items import OVERDUE_KIND
from bot.reminders.planner import DIGEST_KINDS
from store.uow import Session, UnitOfWork


@dataclass(frozen=True)
class Taken:
    """A pending row of the planner (or one removed to be planned again): key and send time."""

    chat_id: int
    task_id: int | None
    due_date: date
    kind: str
    send_at: datetime
    id: int = 0

    @property
    def key(self) -> tuple[int, int | None, date, str]:
        return (self.chat_id, self.task_id, self.due_date, self.kind)


# Kinds the planner writes (and would write again); not snoozes or nudges.
_PREFIXES = ("before", OVERDUE_KIND)
_EXACT = frozenset({"dayof", *DIGEST_KINDS})


async def pending_planned(
    session: UnitOfWork | Session, since: datetime, *, lock: bool = False
) -> list[Taken]:
    """The planner's pending rows due at or after ``since`` (``lock``: for update)."""
    rows = await UnitOfWork.over(session).planned.pending(since, _PREFIXES, _EXACT, lock=lock)
    return [Taken(c, t, d, k, at, i) for i, c, t, d, k, at in rows]


async def take_pending_planned(session: UnitOfWork | Session, since: datetime) -> list[Taken]:
    """Delete the planner's pending rows due at or after ``since`` and return what they were.

    Deleted rather than marked dropped: the unique key (chat, task, occurrence, kind) would
    otherwise stop the planner from writing the same reminder again at its new time. Claimed,
    sent, dropped and failed rows stay, so re-planning never sends anything twice. The caller
    re-plans in the same transaction (``services.reminders.plan_outbox``) after taking the
    planning lock.
    """
    taken = await pending_planned(session, since, lock=True)
    await UnitOfWork.over(session).planned.delete_pending([t.id for t in taken])
    return taken


async def counts(session: UnitOfWork | Session) -> dict[str, int]:
    """Rows by status."""
    return await UnitOfWork.over(session).planned.counts()
