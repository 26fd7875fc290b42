"""What the store holds at a glance: whether plans and officers exist, the busiest lead units."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import OfficerRow, PlanRow, TaskRow, TaskUnitRow, UnitRow


class OverviewRepo:
    """``uow.overview``; reads only."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def has_plans(self) -> bool:
        return bool(await self._session.scalar(select(func.count(PlanRow.id))))

    async def has_officers(self) -> bool:
        return bool(await self._session.scalar(select(func.count(OfficerRow.id))))

    async def task_ref(self, task_id: int) -> str | None:
        """The task's number in its plan ("II.3"); None for an unknown task."""
        task = await self._session.get(TaskRow, task_id)
        return task.ref if task is not None else None

    async def busiest_lead_units(self, limit: int) -> list[tuple[int, str]]:
        """(id, name) of the units (not groups) leading the most tasks, most first."""
        rows = await self._session.execute(
            select(UnitRow.id, UnitRow.name, func.count(TaskUnitRow.id))
            .join(TaskUnitRow, TaskUnitRow.unit_id == UnitRow.id)
            .where(TaskUnitRow.role == "lead", UnitRow.is_group.is_(False))
            .group_by(UnitRow.id, UnitRow.name)
            .order_by(func.count(TaskUnitRow.id).desc(), UnitRow.id)
            .limit(limit)
        )
        return [(unit_id, name) for unit_id, name, _ in rows.all()]
