"""The planner's pending outbox rows: read them, take them out to be planned again (a change of
the calendar), and count the outbox's rows by status.

Functions take a session and never commit; the caller's unit of work does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from reminders.outbox import CHUNK, OVERDUE_KIND, utc
from reminders.planner import DIGEST_KINDS
from store.models import OutboxRow


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


def _planner_kinds() -> ColumnElement[bool]:
    """Kinds the planner writes (and would write again); not snoozes or nudges."""
    return or_(
        OutboxRow.kind.startswith("before"),
        OutboxRow.kind == "dayof",
        OutboxRow.kind.startswith(OVERDUE_KIND),
        OutboxRow.kind.in_(DIGEST_KINDS),
    )


async def pending_planned(
    session: AsyncSession, since: datetime, *, lock: bool = False
) -> list[Taken]:
    """The planner's pending rows due at or after ``since`` (``lock``: for update)."""
    stmt = select(
        OutboxRow.id,
        OutboxRow.chat_id,
        OutboxRow.task_id,
        OutboxRow.due_date,
        OutboxRow.kind,
        OutboxRow.send_at,
    ).where(OutboxRow.status == "pending", OutboxRow.send_at >= utc(since), _planner_kinds())
    rows = (await session.execute(stmt.with_for_update() if lock else stmt)).all()
    return [Taken(c, t, d, k, utc(at), i) for i, c, t, d, k, at in rows]


async def take_pending_planned(session: AsyncSession, since: datetime) -> list[Taken]:
    """Delete the planner's pending rows due at or after ``since`` and return what they were.

    Deleted rather than marked dropped: the unique key (chat, task, occurrence, kind) would
    otherwise stop the planner from writing the same reminder again at its new time. Claimed,
    sent, dropped and failed rows stay, so re-planning never sends anything twice. The caller
    re-plans in the same transaction (``services.reminders.plan_outbox``) after taking the
    planning lock.
    """
    taken = await pending_planned(session, since, lock=True)
    ids = [t.id for t in taken]
    for i in range(0, len(ids), CHUNK):
        await session.execute(
            delete(OutboxRow)
            .where(OutboxRow.id.in_(ids[i : i + CHUNK]), OutboxRow.status == "pending")
            .execution_options(synchronize_session=False)
        )
    return taken


async def counts(session: AsyncSession) -> dict[str, int]:
    """Rows by status."""
    rows = await session.execute(select(OutboxRow.status, func.count()).group_by(OutboxRow.status))
    return {status: int(n) for status, n in rows.all()}
