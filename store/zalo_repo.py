"""Zalo repository: officers' Zalo chats, linked Zalo groups, pairing codes, handled message ids,
the monthly message count, and the chats' memory (``state``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import stored_utc, to_utc
from store.models import (
    OfficerRow,
    OutboxRow,
    TaskDueRow,
    TaskRow,
    ZaloChatRow,
    ZaloGroupRow,
    ZaloPairingRow,
    ZaloQuotaRow,
    ZaloSeenRow,
)


@dataclass(frozen=True)
class Pairing:
    """A stored pairing code (by its hash)."""

    id: int
    officer_id: int
    expires_at: datetime  # aware, UTC
    used: bool


class ZaloRepo:
    """``uow.zalo``; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _chat(self, zalo_user_id: str) -> ZaloChatRow | None:
        return await self._session.scalar(
            select(ZaloChatRow).where(ZaloChatRow.zalo_user_id == zalo_user_id, ZaloChatRow.active)
        )

    async def officer_of(self, zalo_user_id: str) -> int | None:
        """The id of the officer whose active Zalo chat this is."""
        chat = await self._chat(zalo_user_id)
        return chat.officer_id if chat is not None else None

    async def chat_for_telegram_id(self, telegram_id: int) -> str | None:
        return await self._session.scalar(
            select(ZaloChatRow.chat_id)
            .join(OfficerRow, OfficerRow.id == ZaloChatRow.officer_id)
            .where(OfficerRow.telegram_id == telegram_id, ZaloChatRow.active)
        )

    async def link(self, officer_id: int, zalo_user_id: str, chat_id: str, name: str, now: datetime) -> None:  # fmt: skip
        """Make this Zalo chat the officer's (one Zalo chat per officer, one officer per chat)."""
        await self._session.execute(
            delete(ZaloChatRow).where(
                (ZaloChatRow.officer_id == officer_id) | (ZaloChatRow.zalo_user_id == zalo_user_id)
            )
        )
        self._session.add(ZaloChatRow(officer_id=officer_id, zalo_user_id=zalo_user_id,
                                      chat_id=chat_id, display_name=name[:200], active=True,
                                      state={}, linked_at=to_utc(now)))  # fmt: skip
        await self._session.flush()

    async def add_pairing(self, code_hash: str, officer_id: int, expires_at: datetime) -> None:
        self._session.add(ZaloPairingRow(code_hash=code_hash, officer_id=officer_id,
                                         expires_at=to_utc(expires_at)))  # fmt: skip
        await self._session.flush()

    async def pairing(self, code_hash: str) -> Pairing | None:
        row = await self._session.scalar(select(ZaloPairingRow).where(ZaloPairingRow.code_hash == code_hash))  # fmt: skip
        if row is None:
            return None
        return Pairing(row.id, row.officer_id, stored_utc(row.expires_at), row.used_at is not None)

    async def use_pairing(self, pairing_id: int, now: datetime) -> None:
        row = await self._session.get(ZaloPairingRow, pairing_id)
        assert row is not None
        row.used_at = to_utc(now)
        await self._session.flush()

    async def first_time(self, message_id: str, now: datetime) -> bool:
        """Record a Zalo message id; False when it was handled already."""
        if await self._session.get(ZaloSeenRow, message_id) is not None:
            return False
        self._session.add(ZaloSeenRow(message_id=message_id[:100], seen_at=to_utc(now)))
        await self._session.flush()
        return True

    async def forget_seen(self, before: datetime) -> None:
        await self._session.execute(delete(ZaloSeenRow).where(ZaloSeenRow.seen_at < to_utc(before)))

    async def count_messages(self, bot_id: str, month: str, n: int, warn_at: float) -> tuple[int, bool]:  # fmt: skip
        """Add ``n`` to the month's count; (the count, whether it reached ``warn_at`` just now —
        true once a month)."""
        row = await self._session.scalar(
            select(ZaloQuotaRow).where(ZaloQuotaRow.bot_id == bot_id, ZaloQuotaRow.month == month)
        )
        if row is None:
            row = ZaloQuotaRow(bot_id=bot_id, month=month, count=0, warned=False)
            self._session.add(row)
        row.count = (row.count or 0) + n
        warn = not row.warned and row.count >= warn_at
        if warn:
            row.warned = True
        await self._session.flush()
        return row.count, warn

    def queue_notice(self, chat_id: int, officer_id: int, day: date, kind: str, now: datetime, text: str) -> None:  # fmt: skip
        """A notice for an officer through the outbox, due now."""
        self._session.add(OutboxRow(chat_id=chat_id, officer_id=officer_id, task_id=None,
                                    due_date=day, kind=kind, send_at=to_utc(now),
                                    status="pending", text=text, attempts=0))  # fmt: skip

    async def first_due_with_last_day(self, task_id: int, last: date) -> date | None:
        return await self._session.scalar(
            select(TaskDueRow.due_date)
            .where(TaskDueRow.task_id == task_id, TaskDueRow.last_day == last)
            .order_by(TaskDueRow.due_date)
            .limit(1)
        )

    async def _holder(self, key: str) -> ZaloChatRow | ZaloGroupRow | None:
        """Where a chat's memory lives: ``u:<zalo user id>`` (a private chat), ``g:<group id>``
        or ``c:<private chat id>``."""
        kind, ident = key.split(":", 1)
        if kind == "g":
            return await self._session.scalar(
                select(ZaloGroupRow).where(ZaloGroupRow.chat_id == ident, ZaloGroupRow.active)
            )
        if kind == "c":
            return await self._session.scalar(
                select(ZaloChatRow).where(ZaloChatRow.chat_id == ident, ZaloChatRow.active)
            )
        return await self._chat(ident)

    async def state(self, key: str) -> dict[str, Any] | None:
        """A copy of the chat's memory; None when there is no such chat."""
        holder = await self._holder(key)
        return dict(holder.state or {}) if holder is not None else None

    async def set_state(self, key: str, state: dict[str, Any]) -> None:
        holder = await self._holder(key)
        if holder is not None:
            holder.state = state  # a new dict: the JSON column is saved
            await self._session.flush()

    async def group_unit(self, chat_id: str) -> int | None:
        return await self._session.scalar(
            select(ZaloGroupRow.unit_id).where(ZaloGroupRow.chat_id == chat_id, ZaloGroupRow.active)
        )

    async def link_group(self, chat_id: str, unit_id: int, officer_id: int, now: datetime) -> None:
        row = await self._session.scalar(select(ZaloGroupRow).where(ZaloGroupRow.chat_id == chat_id))  # fmt: skip
        if row is None:
            row = ZaloGroupRow(chat_id=chat_id, state={}, created_at=to_utc(now))
            self._session.add(row)
        row.unit_id, row.linked_by, row.active, row.state = unit_id, officer_id, True, {}
        await self._session.flush()

    async def month_count(self, bot_id: str, month: str) -> int:
        count = await self._session.scalar(
            select(ZaloQuotaRow.count).where(
                ZaloQuotaRow.bot_id == bot_id, ZaloQuotaRow.month == month
            )  # fmt: skip
        )
        return count or 0

    async def given_up(self, outbox_ids: Sequence[int]) -> list[tuple[int | None, str, str]]:
        """Of these outbox rows, the failed reminders (not Zalo's own notices, which never beget
        notices): (task id, the officer's name or 'nhóm', the task's ref or '#id')."""
        rows = (
            await self._session.execute(
                select(OutboxRow.task_id, OutboxRow.officer_id).where(
                    OutboxRow.id.in_(outbox_ids),
                    OutboxRow.status == "failed",
                    OutboxRow.kind.not_like("zalo.%"),
                )
            )
        ).all()
        officers = {r.officer_id for r in rows if r.officer_id}
        tasks = {r.task_id for r in rows if r.task_id}
        names = dict(
            (
                await self._session.execute(
                    select(OfficerRow.id, OfficerRow.name).where(OfficerRow.id.in_(officers))
                )
            ).all()  # fmt: skip
        )
        refs = dict(
            (
                await self._session.execute(
                    select(TaskRow.id, TaskRow.ref).where(TaskRow.id.in_(tasks))
                )
            ).all()  # fmt: skip
        )
        return [
            (r.task_id, names.get(r.officer_id, "nhóm"), refs.get(r.task_id) or f"#{r.task_id}")
            for r in rows
        ]

    async def pending_notice(self, chat_id: int, kind: str, day: date) -> tuple[int, str] | None:
        """(outbox id, text) of a notice of ``kind`` for this chat and day still waiting."""
        row = await self._session.scalar(
            select(OutboxRow).where(
                OutboxRow.chat_id == chat_id,
                OutboxRow.kind == kind,
                OutboxRow.due_date == day,
                OutboxRow.status == "pending",
            )
        )
        return (row.id, row.text or "") if row is not None else None

    async def set_notice_text(self, outbox_id: int, text: str) -> None:
        row = await self._session.get(OutboxRow, outbox_id)
        assert row is not None
        row.text = text
        await self._session.flush()
