"""Conversation state in the store (issue 17): remembered in one unit of work, found by another
(as another replica would), replaced, expired, forgotten; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from services import chat_state
from store.uow import UnitOfWork

NOW = datetime(2025, 8, 4, 1, 0, tzinfo=UTC)


async def test_state_is_found_by_another_unit_of_work_until_it_expires(sessions: Any) -> None:
    async with UnitOfWork(sessions) as uow:
        await chat_state.remember(uow, 42, 0, chat_state.QUESTION, "việc tháng 9", NOW)
        await chat_state.remember(uow, 0, 501, chat_state.AWAITING_UNIT, "1", NOW)
    async with UnitOfWork(sessions, read_only=True) as uow:
        assert await chat_state.recall(uow, 42, 0, chat_state.QUESTION, NOW) == "việc tháng 9"
        assert await chat_state.recall(uow, 43, 0, chat_state.QUESTION, NOW) is None
        assert await chat_state.recall(uow, 0, 501, chat_state.AWAITING_UNIT, NOW) == "1"
    async with UnitOfWork(sessions) as uow:  # a new question replaces the old one
        await chat_state.remember(uow, 42, 0, chat_state.QUESTION, "quý 3", NOW)
    later = NOW + chat_state.KEEP[chat_state.QUESTION] + timedelta(seconds=1)
    async with UnitOfWork(sessions, read_only=True) as uow:
        assert await chat_state.recall(uow, 42, 0, chat_state.QUESTION, NOW) == "quý 3"
        assert await chat_state.recall(uow, 42, 0, chat_state.QUESTION, later) is None
    async with UnitOfWork(sessions) as uow:
        await chat_state.forget(uow, 0, 501, chat_state.AWAITING_UNIT)
    async with UnitOfWork(sessions, read_only=True) as uow:
        assert await chat_state.recall(uow, 0, 501, chat_state.AWAITING_UNIT, NOW) is None
