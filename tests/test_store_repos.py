"""Repositories on the unit of work: plain objects out, nothing committed unless the use case
commits, and a unit of work over a bare session for the callers that still pass one."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.officers import Officer
from services import officers
from store.uow import UnitOfWork

NOW = datetime(2025, 8, 20, 9, 0, tzinfo=UTC)


async def test_a_repository_returns_plain_officers_and_leaves_the_commit_to_the_use_case(
    sessions: Any,
) -> None:
    async with UnitOfWork(sessions) as uow:
        saved = await uow.officers.save(501, "Lan", None, "officer", "active", NOW)
        await uow.audit.record(NOW, 501, "officer.set")
        assert type(saved) is Officer and saved.telegram_id == 501
        # no commit: the block ends, everything is rolled back
    async with UnitOfWork(sessions, read_only=True) as uow:
        assert await uow.officers.get(501) is None
    async with UnitOfWork(sessions) as uow:
        await officers.add_officer(uow, 501, "Lan", None, "officer", NOW)  # commits itself
    async with UnitOfWork(sessions, read_only=True) as uow:
        found = await uow.officers.get(501)
    assert found is not None and found.name == "Lan" and found.is_active


async def test_a_unit_of_work_over_a_bare_session_commits_that_session(sessions: Any) -> None:
    async with sessions() as session:
        view = UnitOfWork.over(session)
        assert UnitOfWork.over(view) is view
        await officers.add_officer(view, 502, "Hùng", None, "coordinator", NOW)
    async with UnitOfWork(sessions, read_only=True) as uow:
        found = await uow.officers.get(502)
        approvers = await uow.officers.active_in_roles()
    assert found is not None and found.is_coordinator
    assert [a.telegram_id for a in approvers] == [502]
