"""Who a claimed reminder goes to, as the dispatcher needs it: officers and group chats by id
(their unit, whether they can still be written to, a name), the done marks of the claimed tasks,
and stopping a recipient that blocked the bot or whose chat is gone.

Functions take a session (or a unit of work) and never commit; the dispatcher's unit of work
does. The rows are ``uow.recipients``' (store/recipients_repo.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from bot.reminders.items import OutboxItem
from bot.reminders.texts import inactive_text
from reminders import outbox
from store.recipients_repo import Recipients as Recipients
from store.uow import Session, UnitOfWork


def unit_of(c: OutboxItem, officers: Recipients, groups: Recipients) -> int | None:
    """The unit a claimed row's recipient belongs to (None when unknown)."""
    rec = officers.get(c.officer_id) if c.officer_id else groups.get(c.chat_id)
    return rec[0] if rec else None


async def officers(session: UnitOfWork | Session, ids: set[int]) -> Recipients:
    """Officers by id; writable when their chat is active and they are active officers."""
    return await UnitOfWork.over(session).recipients.officers(ids)


async def groups(session: UnitOfWork | Session, chats: set[int]) -> Recipients:
    """Linked group chats by chat id; writable while active."""
    return await UnitOfWork.over(session).recipients.groups(chats)


async def done(
    session: UnitOfWork | Session, items: Sequence[OutboxItem]
) -> set[tuple[int, int | None, date]]:
    """Every (task, unit, due date) done mark of the rows' tasks."""
    tasks = {c.task_id for c in items if c.task_id is not None}
    return await UnitOfWork.over(session).recipients.done(tasks)


async def deactivate(session: UnitOfWork | Session, chat_id: int, reason: str, now: datetime) -> None:  # fmt: skip
    """The recipient blocked the bot or the chat is gone: stop it and tell the coordinators."""
    uow = UnitOfWork.over(session)
    repo = uow.recipients
    name, unit_id, is_group = await repo.stop_chat(chat_id)
    unit = await repo.unit_name(unit_id)
    await outbox.drop_pending_for_chat(uow.session, chat_id, "inactive")
    coordinators = await repo.coordinators_except(chat_id)
    now = now.astimezone(UTC)
    kind = f"inactive:{chat_id}"
    for telegram_id, officer_id in coordinators:
        await repo.queue_once(telegram_id, officer_id, kind, now,
                              inactive_text(name, reason, is_group, unit))  # fmt: skip
    await repo.flush()
