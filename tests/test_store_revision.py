"""The unit directory's revision token (migration 0003) changes with the directory, and only then,
so the questions' in-memory directory is never stale and never rebuilt for nothing."""

from __future__ import annotations

from sqlalchemy import insert, update

from services.units import ensure_directory
from store import tasks_view, units_repo
from store.models import SettingRow, UnitAliasRow, UnitRow
from store.uow import UnitOfWork


async def _token(sessions) -> str:  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions) as uow:
        return await units_repo.directory_revision(uow.session)


async def test_the_token_changes_with_units_aliases_and_settings_only(sessions):
    async with UnitOfWork(sessions) as uow:
        await ensure_directory(uow.session, "Gia Lai")
        await uow.commit()
    seen = [await _token(sessions)]
    changes = [
        update(UnitRow).where(UnitRow.key == "so_tu_phap").values(name="Sở Tư pháp tỉnh"),
        insert(UnitAliasRow).values(unit_id=1, alias="Sở thử", folded="so thu"),
        insert(SettingRow).values(key="note", value="x"),
    ]
    for change in changes:
        async with UnitOfWork(sessions) as uow:
            await uow.session.execute(change)
            await uow.commit()
        seen.append(await _token(sessions))
    assert len(set(seen)) == len(seen), seen
    # Reading does not change it.
    assert await _token(sessions) == seen[-1]


async def test_a_rename_by_another_session_reaches_the_cached_directory_and_a_rollback_does_not(
    sessions,
):
    async with UnitOfWork(sessions) as uow:
        await ensure_directory(uow.session, "Gia Lai")
        await uow.commit()
    async with UnitOfWork(sessions) as uow:
        entry = await tasks_view.directory(uow.session)
        unit = entry.directory.get("so_tu_phap")
        assert unit is not None and unit.name == "Sở Tư pháp"
    # A rename inside a transaction that is rolled back: the cache filled inside it must not
    # be served afterwards.
    async with UnitOfWork(sessions) as uow:
        await uow.session.execute(
            update(UnitRow).where(UnitRow.key == "so_tu_phap").values(name="Sở Tạm")
        )
        inside = await tasks_view.directory(uow.session)
        assert inside.directory.get("so_tu_phap").name == "Sở Tạm"  # type: ignore[union-attr]
        await uow.rollback()
    async with UnitOfWork(sessions) as uow:
        after = await tasks_view.directory(uow.session)
        assert after.directory.get("so_tu_phap").name == "Sở Tư pháp"  # type: ignore[union-attr]
    # A committed rename is seen by the next question.
    async with UnitOfWork(sessions) as uow:
        await uow.session.execute(
            update(UnitRow).where(UnitRow.key == "so_tu_phap").values(name="Sở Tư pháp mới")
        )
        await uow.commit()
    async with UnitOfWork(sessions) as uow:
        again = await tasks_view.directory(uow.session)
        assert again.directory.get("so_tu_phap").name == "Sở Tư pháp mới"  # type: ignore[union-attr]
