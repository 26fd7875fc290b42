"""Conversation state of one person in one chat, kept in the store so that any replica takes the
next message or button: the last question asked (for "Xem thêm »"), a newcomer asked to name
their unit. One row per (chat, person, name); each has an expiry and is gone after it.

Functions take a session and never commit; the caller's unit of work does.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, DateTime, String, Text, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base

MAX_VALUE = 1000  # characters kept (a question is at most a few hundred)


class ChatStateRow(Base):
    """What the bot waits for or remembers of ``user_id`` in ``chat_id``, until ``expires_at``."""

    __tablename__ = "chat_state"
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def _utc(at: datetime) -> datetime:
    return at.astimezone(UTC) if at.tzinfo else at.replace(tzinfo=UTC)


async def put(
    session: AsyncSession, chat_id: int, user_id: int, name: str, value: str, expires_at: datetime
) -> None:
    """Remember ``value`` under ``name`` (replacing what was there)."""
    row = await session.get(ChatStateRow, (chat_id, user_id, name))
    if row is None:
        row = ChatStateRow(chat_id=chat_id, user_id=user_id, name=name)
        session.add(row)
    row.value = value[:MAX_VALUE]
    row.expires_at = _utc(expires_at)


async def get(
    session: AsyncSession, chat_id: int, user_id: int, name: str, now: datetime
) -> str | None:
    """The value under ``name``, None when there is none or it has expired."""
    row = (
        await session.execute(
            select(ChatStateRow.value, ChatStateRow.expires_at).where(
                ChatStateRow.chat_id == chat_id,
                ChatStateRow.user_id == user_id,
                ChatStateRow.name == name,
            )
        )
    ).first()
    if row is None or _utc(row[1]) <= _utc(now):
        return None
    return str(row[0])


async def drop(session: AsyncSession, chat_id: int, user_id: int, name: str) -> None:
    await session.execute(
        delete(ChatStateRow).where(
            ChatStateRow.chat_id == chat_id,
            ChatStateRow.user_id == user_id,
            ChatStateRow.name == name,
        )
    )
