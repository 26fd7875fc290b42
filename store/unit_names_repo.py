"""Units by id, key or name: the small look-ups the services make outside the directory."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import UnitAliasRow, UnitRow


class UnitsRepo:
    """``uow.units``; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def name(self, unit_id: int) -> str | None:
        """The unit's name; None for an unknown id."""
        unit = await self._session.get(UnitRow, unit_id)
        return unit.name if unit is not None else None

    async def ids_by_key(self, keys: list[str]) -> dict[str, int]:
        rows = await self._session.execute(
            select(UnitRow.key, UnitRow.id).where(UnitRow.key.in_(keys))
        )
        return {k: i for k, i in rows.all()}

    async def active_names(self) -> list[tuple[int, str, str | None]]:
        """(id, name, short name) of every active unit."""
        rows = await self._session.execute(
            select(UnitRow.id, UnitRow.name, UnitRow.short_name).where(UnitRow.active.is_(True))
        )
        return [(i, n, s) for i, n, s in rows.all()]

    async def by_alias(self, folded: str) -> list[tuple[int, str]]:
        """(unit id, unit name) of the units with an alias containing ``folded``."""
        rows = await self._session.execute(
            select(UnitAliasRow.unit_id, UnitRow.name)
            .join(UnitRow, UnitRow.id == UnitAliasRow.unit_id)
            .where(UnitAliasRow.folded.contains(folded))
        )
        return [(i, n) for i, n in rows.all()]
