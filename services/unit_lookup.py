"""Units as officers name them: candidates for typed text, a unit's name, what it covers.

Each function takes a unit of work (or, for the callers not moved yet, a bare session).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.errors import NotFound
from bot.owing import Reach
from bot.text import fold
from services.units import covering_unit_ids, find_unit, unit_reach
from store.uow import Session, UnitOfWork


@dataclass(frozen=True)
class UnitChoice:
    """A unit offered to a user (matcher candidate)."""

    id: int
    name: str


async def find_units(db: UnitOfWork | Session, text: str, limit: int = 5) -> list[UnitChoice]:
    """Candidate units for what a user typed: the units matcher first, else name search."""
    uow = UnitOfWork.over(db)
    out: list[UnitChoice] = []
    for m in (await find_unit(uow.session, text))[:limit]:
        uid = m.unit.id
        if uid is None:
            uid = (await uow.units.ids_by_key([m.unit.key])).get(m.unit.key)
        if uid is not None:
            out.append(UnitChoice(int(uid), m.unit.name))
    if out:
        return out
    want = fold(text).strip()
    if not want:
        return []
    hits: dict[int, str] = {}
    for uid, name, short in await uow.units.active_names():
        if want in fold(name) or (short and want in fold(short)):
            hits[uid] = name
    for uid, name in await uow.units.by_alias(want):
        hits.setdefault(uid, name)
    return [UnitChoice(uid, name) for uid, name in sorted(hits.items(), key=lambda h: len(h[1]))][:limit]  # fmt: skip


async def unit_name(db: UnitOfWork | Session, unit_id: int) -> str:
    """The unit's name (raises NotFound for an unknown id)."""
    name = await UnitOfWork.over(db).units.name(unit_id)
    if name is None:
        raise NotFound("Không tìm thấy đơn vị.")
    return name


async def reach_of(db: UnitOfWork | Session, unit_id: int) -> Reach:
    """Whose mentions reach the unit: itself and predecessors, and the groups covering it."""
    found = await unit_reach(UnitOfWork.over(db).session, unit_id)
    return found if found is not None else Reach(frozenset({unit_id}))


async def covering(db: UnitOfWork | Session, unit_id: int) -> set[int]:
    """The unit ids whose tasks ``unit_id`` owes (itself, predecessors, covering groups)."""
    return set(await covering_unit_ids(UnitOfWork.over(db).session, unit_id)) | {unit_id}
