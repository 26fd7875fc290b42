"""What the bot remembers of a person in a chat between two updates (any replica may take the
next one): the last question asked, for its next page; a newcomer asked to name their unit.
Each use case commits."""

from __future__ import annotations

from datetime import datetime, timedelta

from store import chat_state
from store.uow import UnitOfWork

QUESTION = "question"  # the last question asked: "Xem thêm »" pages through it
AWAITING_UNIT = "awaiting_unit"  # a newcomer was asked to type their unit's name
KEEP = {QUESTION: timedelta(days=2), AWAITING_UNIT: timedelta(days=7)}


async def remember(
    uow: UnitOfWork, chat_id: int, user_id: int, name: str, value: str, now: datetime
) -> None:
    await chat_state.put(uow.session, chat_id, user_id, name, value, now + KEEP[name])
    await uow.commit()


async def recall(
    uow: UnitOfWork, chat_id: int, user_id: int, name: str, now: datetime
) -> str | None:
    """The value remembered under ``name``, None when there is none (or it expired)."""
    return await chat_state.get(uow.session, chat_id, user_id, name, now)


async def forget(uow: UnitOfWork, chat_id: int, user_id: int, name: str) -> None:
    await chat_state.drop(uow.session, chat_id, user_id, name)
    await uow.commit()
