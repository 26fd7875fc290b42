"""The rows behind ✅, ⏰ and ↩️ (services/progress.py): done marks, snoozes and the pending
reminders they stop, move or put back. Plain values out; nothing here commits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import stored_utc
from store import evidence_repo
from store.models import CompletionRow, GroupChatRow, OfficerRow, OutboxRow, SnoozeRow


def _of_occurrence(task_id: int, unit_id: int, due: date) -> tuple[ColumnElement[bool], ...]:
    return (
        CompletionRow.task_id == task_id,
        CompletionRow.unit_id == unit_id,
        CompletionRow.due_date == due,
    )


def _reaches_unit(unit_id: int) -> ColumnElement[bool]:
    """An outbox row going to one of the unit's officers or to one of its linked groups."""
    officer_ids = select(OfficerRow.id).where(OfficerRow.unit_id == unit_id)
    group_chats = select(GroupChatRow.chat_id).where(GroupChatRow.unit_id == unit_id)
    return or_(OutboxRow.officer_id.in_(officer_ids), OutboxRow.chat_id.in_(group_chats))


class ProgressRepo:
    """``uow.progress``."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def telegram_id(self, officer_id: int | None) -> int | None:
        """The officer's Telegram id (the audit trail's actor)."""
        if officer_id is None:
            return None
        return await self._session.scalar(
            select(OfficerRow.telegram_id).where(OfficerRow.id == officer_id)
        )

    async def is_done(self, task_id: int, unit_id: int, due: date) -> bool:
        found = await self._session.scalar(
            select(CompletionRow.id).where(*_of_occurrence(task_id, unit_id, due))
        )
        return found is not None

    async def done_at(self, task_id: int, unit_id: int, due: date) -> datetime | None:
        """When the unit marked the occurrence done (UTC), or None."""
        at = await self._session.scalar(
            select(CompletionRow.done_at).where(*_of_occurrence(task_id, unit_id, due))
        )
        return None if at is None else stored_utc(at)

    async def add_done(
        self, task_id: int, unit_id: int, due: date, officer_id: int | None, now: datetime
    ) -> None:
        self._session.add(
            CompletionRow(
                task_id=task_id, unit_id=unit_id, due_date=due, officer_id=officer_id, done_at=now
            )
        )

    async def drop_for_done(self, task_id: int, unit_id: int, due: date) -> int:
        """Drop the occurrence's pending reminders to the unit; how many."""
        dropped = await self._session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.task_id == task_id,
                OutboxRow.due_date == due,
                OutboxRow.status == "pending",
                _reaches_unit(unit_id),
            )
            .values(status="dropped", last_error="done")
            .execution_options(synchronize_session=False)
        )
        return int(getattr(dropped, "rowcount", 0) or 0)

    async def remove_done(self, task_id: int, unit_id: int, due: date) -> bool:
        """Remove the unit's done mark (and the report attached to it); False when none."""
        await evidence_repo.remove(self._session, task_id, unit_id, due)
        removed = await self._session.execute(
            delete(CompletionRow)
            .where(*_of_occurrence(task_id, unit_id, due))
            .execution_options(synchronize_session=False)
        )
        return bool(int(getattr(removed, "rowcount", 0) or 0))

    async def restore_after_undo(self, task_id: int, unit_id: int, due: date) -> None:
        """Put back the reminders a done mark had dropped."""
        await self._session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.task_id == task_id,
                OutboxRow.due_date == due,
                OutboxRow.status == "dropped",
                OutboxRow.last_error == "done",
                _reaches_unit(unit_id),
            )
            .values(status="pending", last_error=None)
            .execution_options(synchronize_session=False)
        )

    async def put_snooze(
        self, task_id: int, officer_id: int, due: date, until: datetime, now: datetime
    ) -> None:
        """The officer's snooze of the occurrence, replacing an earlier one."""
        existing = await self._session.scalar(
            select(SnoozeRow).where(
                SnoozeRow.task_id == task_id,
                SnoozeRow.officer_id == officer_id,
                SnoozeRow.due_date == due,
            )
        )
        if existing is None:
            self._session.add(
                SnoozeRow(
                    task_id=task_id,
                    officer_id=officer_id,
                    due_date=due,
                    until=until,
                    created_at=now,
                )  # fmt: skip
            )
        else:
            existing.until = until
            existing.created_at = now

    async def move_reminders(
        self, task_id: int, officer_id: int, due: date, until: datetime, kind: str
    ) -> int:
        """Drop the officer's pending reminders of the occurrence before ``until`` and queue one
        (kind ``kind``, the last one's text) at ``until`` unless that one exists; how many were
        dropped."""
        moved = (
            await self._session.scalars(
                select(OutboxRow)
                .where(
                    OutboxRow.task_id == task_id,
                    OutboxRow.officer_id == officer_id,
                    OutboxRow.due_date == due,
                    OutboxRow.status == "pending",
                    OutboxRow.send_at < until,
                )
                .order_by(OutboxRow.send_at)
            )
        ).all()
        template = moved[-1] if moved else None
        for row in moved:
            row.status = "dropped"
            row.last_error = "snoozed"
        if template is not None:
            clash = await self._session.scalar(
                select(OutboxRow.id).where(
                    and_(
                        OutboxRow.chat_id == template.chat_id,
                        OutboxRow.task_id == task_id,
                        OutboxRow.due_date == due,
                        OutboxRow.kind == kind,
                    )
                )
            )
            if clash is None:
                self._session.add(
                    OutboxRow(
                        chat_id=template.chat_id,
                        officer_id=officer_id,
                        task_id=task_id,
                        due_date=due,
                        kind=kind,
                        send_at=until,
                        status="pending",
                        text=template.text,
                        attempts=0,
                    )
                )
        return len(moved)

    async def snoozes(self, officer_id: int, task_ids: list[int]) -> list[tuple[int, date, datetime]]:  # fmt: skip
        """The officer's snoozes of these tasks: (task, due date, until in UTC)."""
        rows = await self._session.execute(
            select(SnoozeRow.task_id, SnoozeRow.due_date, SnoozeRow.until).where(
                SnoozeRow.officer_id == officer_id, SnoozeRow.task_id.in_(task_ids)
            )
        )
        return [(t, d, stored_utc(u)) for t, d, u in rows.all()]

    async def done_by(self, unit_id: int, task_ids: list[int]) -> list[tuple[int, date]]:
        """The unit's done marks of these tasks: (task, due date)."""
        rows = await self._session.execute(
            select(CompletionRow.task_id, CompletionRow.due_date).where(
                CompletionRow.unit_id == unit_id, CompletionRow.task_id.in_(task_ids)
            )
        )
        return [(t, d) for t, d in rows.all()]

    async def flush(self) -> None:
        await self._session.flush()
