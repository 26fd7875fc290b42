"""Units by id, key or name: the small look-ups and changes the services make outside the
directory (``store.units_repo`` builds and seeds the directory itself)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.units import Directory
from store import units_repo
from store.models import PlanRow, TaskUnitRow, UnitAliasRow, UnitRow


class UnitsRepo:
    """``uow.units``; never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def directory(self) -> Directory:
        """Every unit, group and alias (cached per revision by ``store.units_repo``)."""
        return await units_repo.load_directory(self._session)

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

    async def revise(
        self,
        key: str,
        name: str | None,
        short_name: str | None,
        successor_key: str | None,
        aliases: list[str],
    ) -> tuple[bool, int, bool]:
        """Rename the unit (its old name stays findable as an alias), set its short name, retire
        it into ``successor_key``, add ``aliases``. Returns (renamed, aliases added, whether the
        successor is unknown: then the unit is not retired)."""
        stored = await units_repo.unit_row(self._session, key)
        assert stored is not None
        renamed, added, missing = False, 0, False
        if name and name != stored.name:
            if await units_repo.add_alias(self._session, stored.id, stored.name):
                added += 1
            stored.name = name
            renamed = True
        if short_name:
            stored.short_name = short_name
        if successor_key:
            successor = await units_repo.unit_row(self._session, successor_key)
            if successor is None:
                missing = True
            else:
                stored.successor_id = successor.id
                stored.active = False
        for alias in aliases:
            if await units_repo.add_alias(self._session, stored.id, alias):
                added += 1
        await self._session.flush()
        return renamed, added, missing

    async def plan_issuer(self, plan_id: int) -> tuple[str | None] | None:
        """(the plan's issuer,) or None for an unknown plan."""
        plan = await self._session.get(PlanRow, plan_id)
        return None if plan is None else (plan.issuer,)

    async def resolve_mention(
        self, mention_id: int, parts: list[tuple[str, int | None, str | None]]
    ) -> None:
        """Split a stored mention into ``parts`` (text, unit id or None, match note): the first
        part rewrites the mention, the others become mentions of the same task and role."""
        row = await self._session.get(TaskUnitRow, mention_id)
        assert row is not None
        for index, (text, unit_id, note) in enumerate(parts):
            target = row
            if index > 0:
                target = TaskUnitRow(task_id=row.task_id, role=row.role, mention=text)
                self._session.add(target)
            elif len(parts) > 1:
                target.mention = text
            if unit_id is not None:
                target.unit_id, target.note = unit_id, note
        await self._session.flush()
