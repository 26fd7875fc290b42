"""Deployment settings kept in the store (the province, the button-signing secret)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from store import units_repo


class SettingsRepo:
    """``uow.settings``; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, key: str) -> str | None:
        return await units_repo.get_setting(self._session, key)

    async def set(self, key: str, value: str) -> None:
        await units_repo.set_setting(self._session, key, value)
