"""Who a claimed reminder goes to, as the dispatcher needs it: officers and group chats by id
(their unit, whether they can still be written to, a name), the done marks of the claimed tasks,
and stopping a recipient that blocked the bot or whose chat is gone.

Functions take a session and never commit; the dispatcher's unit of work does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from reminders import outbox
from reminders.outbox import OutboxItem
from reminders.texts import inactive_text
from store.models import CompletionRow, GroupChatRow, OfficerRow, OutboxRow, UnitRow

# Officer id or group chat id -> (unit id, can still be written to, name).
Recipients = dict[int, tuple[int | None, bool, str]]


def unit_of(c: OutboxItem, officers: Recipients, groups: Recipients) -> int | None:
    """The unit a claimed row's recipient belongs to (None when unknown)."""
    rec = officers.get(c.officer_id) if c.officer_id else groups.get(c.chat_id)
    return rec[0] if rec else None


async def officers(session: AsyncSession, ids: set[int]) -> Recipients:
    """Officers by id; writable when their chat is active and they are active officers."""
    if not ids:
        return {}
    rows = await session.execute(
        select(
            OfficerRow.id,
            OfficerRow.unit_id,
            OfficerRow.chat_active,
            OfficerRow.status,
            OfficerRow.name,
        ).where(OfficerRow.id.in_(ids))  # fmt: skip
    )
    return {i: (u, bool(a) and s == "active", n) for i, u, a, s, n in rows.all()}


async def groups(session: AsyncSession, chats: set[int]) -> Recipients:
    """Linked group chats by chat id; writable while active."""
    if not chats:
        return {}
    rows = await session.execute(
        select(
            GroupChatRow.chat_id, GroupChatRow.unit_id, GroupChatRow.active, GroupChatRow.title
        ).where(GroupChatRow.chat_id.in_(chats))  # fmt: skip
    )
    return {c: (u, bool(a), t or str(c)) for c, u, a, t in rows.all()}


async def done(
    session: AsyncSession, items: Sequence[OutboxItem]
) -> set[tuple[int, int | None, date]]:
    """Every (task, unit, due date) done mark of the rows' tasks."""
    tasks = {c.task_id for c in items if c.task_id is not None}
    if not tasks:
        return set()
    rows = await session.execute(
        select(CompletionRow.task_id, CompletionRow.unit_id, CompletionRow.due_date).where(
            CompletionRow.task_id.in_(tasks)
        )
    )
    return {(t, u, d) for t, u, d in rows.all()}


async def deactivate(session: AsyncSession, chat_id: int, reason: str, now: datetime) -> None:
    """The recipient blocked the bot or the chat is gone: stop it and tell the coordinators."""
    name: str | None = None
    unit_id: int | None = None
    officer = await session.scalar(select(OfficerRow).where(OfficerRow.telegram_id == chat_id))
    if officer is not None:
        officer.chat_active = False
        name, unit_id = officer.name, officer.unit_id
    group = await session.scalar(select(GroupChatRow).where(GroupChatRow.chat_id == chat_id))
    if group is not None:
        group.active = False
        name, unit_id = group.title or name, group.unit_id
    unit = await session.scalar(select(UnitRow.name).where(UnitRow.id == unit_id)) if unit_id else None  # fmt: skip
    await outbox.drop_pending_for_chat(session, chat_id, "inactive")
    coordinators = (
        await session.scalars(
            select(OfficerRow).where(
                OfficerRow.role.in_(("coordinator", "administrator")),
                OfficerRow.status == "active",
                OfficerRow.chat_active.is_(True),
                OfficerRow.telegram_id != chat_id,
            )
        )
    ).all()
    now = now.astimezone(UTC)
    kind = f"inactive:{chat_id}"
    for c in coordinators:
        exists = await session.scalar(
            select(OutboxRow.id).where(OutboxRow.chat_id == c.telegram_id, OutboxRow.kind == kind)
        )
        if exists is None:
            session.add(
                OutboxRow(
                    chat_id=c.telegram_id,
                    officer_id=c.id,
                    task_id=None,
                    due_date=now.date(),
                    kind=kind,
                    send_at=now,
                    status="pending",
                    text=inactive_text(name, reason, group is not None, unit),
                    attempts=0,
                )
            )
    await session.flush()
