"""Units as officers name them: candidates for typed text, a unit's name, what it covers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import NotFound
from bot.owing import Reach
from bot.text import fold
from services.units import covering_unit_ids, find_unit, unit_reach
from store.models import UnitAliasRow, UnitRow


@dataclass(frozen=True)
class UnitChoice:
    """A unit offered to a user (matcher candidate)."""

    id: int
    name: str


async def find_units(session: AsyncSession, text: str, limit: int = 5) -> list[UnitChoice]:
    """Candidate units for what a user typed: the units matcher first, else name search."""
    out: list[UnitChoice] = []
    for m in (await find_unit(session, text))[:limit]:
        uid = m.unit.id
        if uid is None:
            uid = await session.scalar(select(UnitRow.id).where(UnitRow.key == m.unit.key))
        if uid is not None:
            out.append(UnitChoice(int(uid), m.unit.name))
    if out:
        return out
    want = fold(text).strip()
    if not want:
        return []
    hits: dict[int, str] = {}
    for unit in (await session.scalars(select(UnitRow).where(UnitRow.active.is_(True)))).all():
        if want in fold(unit.name) or (unit.short_name and want in fold(unit.short_name)):
            hits[unit.id] = unit.name
    aliases = await session.execute(
        select(UnitAliasRow.unit_id, UnitRow.name)
        .join(UnitRow, UnitRow.id == UnitAliasRow.unit_id)
        .where(UnitAliasRow.folded.contains(want))
    )
    for uid, name in aliases.all():
        hits.setdefault(uid, name)
    return [UnitChoice(uid, name) for uid, name in sorted(hits.items(), key=lambda h: len(h[1]))][:limit]  # fmt: skip


async def unit_name(session: AsyncSession, unit_id: int) -> str:
    """The unit's name (raises NotFound for an unknown id)."""
    unit = await session.get(UnitRow, unit_id)
    if unit is None:
        raise NotFound("Không tìm thấy đơn vị.")
    return unit.name


async def reach_of(session: AsyncSession, unit_id: int) -> Reach:
    """Whose mentions reach the unit: itself and predecessors, and the groups covering it."""
    found = await unit_reach(session, unit_id)
    return found if found is not None else Reach(frozenset({unit_id}))


async def covering(session: AsyncSession, unit_id: int) -> set[int]:
    """The unit ids whose tasks ``unit_id`` owes (itself, predecessors, covering groups)."""
    return set(await covering_unit_ids(session, unit_id)) | {unit_id}
