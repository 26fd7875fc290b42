"""Reminder messages read back from the store: the overdue list's lines as the tasks are now
(for the dispatcher) and a sent message's rows (for a press that draws it again). The rules are
``bot.reminders.gather``'s; this module only reads what they need."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.reminders import gather
from bot.reminders.gather import Batch
from bot.reminders.items import OutboxItem
from bot.reminders.texts import OverdueLine
from services.calendar import work_calendar
from store.uow import Session, UnitOfWork


async def overdue_lines(
    db: UnitOfWork | Session, rows: Sequence[OutboxItem], tz: ZoneInfo
) -> dict[int, OverdueLine]:
    """The list line of each overdue row (by row id), read from the task as it is now."""
    tasks = {c.task_id for c in rows if c.task_id is not None}
    if not tasks:
        return {}
    uow = UnitOfWork.over(db)
    info = await uow.reminders.occurrence_texts(tasks)
    return gather.overdue_lines(rows, info, await work_calendar(uow), tz)


async def sent_message(
    db: UnitOfWork | Session, chat_id: int, message_id: int, tz: ZoneInfo
) -> tuple[Batch, dict[int, OverdueLine]] | None:
    """The reminder message ``message_id`` of ``chat_id`` as it was sent — its rows and list
    lines, read again — so that a press on it can draw it again (None when unknown)."""
    uow = UnitOfWork.over(db)
    rows = tuple(OutboxItem(*r, False) for r in await uow.reminders.sent_rows(chat_id, message_id))
    if not rows:
        return None
    batch = gather.sent_batch(rows)
    lines = await overdue_lines(uow, batch.rows, tz) if batch.kind == "overdue" else {}
    return batch, lines
