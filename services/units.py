"""Units use cases: seed the directory, resolve a plan's mentions, what a unit owes, look-ups.

The reads take a session (``store.uow.Session``: the reminders and the plans pass theirs along);
``seed_directory`` takes a unit of work and commits.
"""

from __future__ import annotations

from dataclasses import replace

from bot.owing import Reach, reach
from bot.units import Directory, Match, Unit, builtin_units, find_province, match, split_mentions
from bot.units.builtin import short_province_name
from store import units_repo
from store.uow import Session, UnitOfWork


async def deployment_province(session: Session, fallback: str | None = None) -> str | None:
    """The province setting, else the province named in ``fallback`` (e.g. a plan's issuer)."""
    stored = await units_repo.get_setting(session, units_repo.PROVINCE_SETTING)
    if stored:
        return stored
    found = find_province(fallback)
    return found.name if found else None


async def ensure_directory(session: Session, province: str | None) -> None:
    """Seed the built-in directory once (when no unit exists yet); a no-op without a province."""
    if await units_repo.count_units(session):
        return
    chosen = await deployment_province(session, province)
    if chosen is None:
        return
    await units_repo.set_setting(session, units_repo.PROVINCE_SETTING, chosen)
    await units_repo.seed_directory(session, chosen)


async def seed_directory(uow: UnitOfWork, province: str | None) -> None:
    """``ensure_directory``, committed (at start-up and before the CLI's unit commands)."""
    await ensure_directory(uow.session, province)
    await uow.commit()


async def _stored(session: Session, directory: Directory, unit: Unit) -> tuple[Directory, Unit]:
    """Create a unit the matcher proposed on the fly (a division of the issuer); reload."""
    if unit.id is not None:
        return directory, unit
    await units_repo.add_units(session, [unit])
    directory = await units_repo.load_directory(session)
    stored = directory.get(unit.key)
    assert stored is not None
    return directory, stored


def issuer_scope(directory: Directory, issuer: str | None) -> Unit | None:
    """The unit that issued a plan ("Chủ tịch UBND tỉnh Gia Lai" → UBND tỉnh), if known."""
    if not issuer:
        return None
    found = match(directory, issuer, limit=1)
    return found[0].unit if found and not found[0].is_group else None


async def resolve_plan_units(session: Session, plan_id: int) -> list[str]:
    """Fill unit_id of the plan's mentions (splitting multi-unit mentions); the unresolved texts."""
    uow = UnitOfWork.over(session)
    plan = await uow.units.plan_issuer(plan_id)
    if plan is None:
        return []
    issuer = plan[0]
    await ensure_directory(session, issuer)
    directory = await units_repo.load_directory(session)
    scope = issuer_scope(directory, issuer)
    unresolved: list[str] = []
    for mention in await units_repo.plan_mentions(session, plan_id):
        if mention.unit_id is not None:
            continue
        parts: list[tuple[str, int | None, str | None]] = []
        for part, hit in resolve_mention(directory, scope, mention.mention):
            if hit is None:
                unresolved.append(part)
                parts.append((part, None, None))
                continue
            directory, unit = await _stored(session, directory, hit.unit)
            parts.append((part, unit.id, hit.note))
        await uow.units.resolve_mention(mention.id, parts)
    return list(dict.fromkeys(unresolved))


def resolve_mention(
    directory: Directory, scope: Unit | None, text: str
) -> list[tuple[str, Match | None]]:
    """A mention split into the units it names, each with its best match (None: unresolved)."""
    out: list[tuple[str, Match | None]] = []
    for part in split_mentions(text) or [text]:
        found = match(directory, part, limit=1, scope=scope)
        out.append((part, found[0] if found else None))
    return out


async def reading_directory(session: Session, issuer: str | None) -> Directory:
    """The directory a plan's mentions are resolved against, with reads only: the stored one,
    or (none stored yet) the built-in one ``ensure_directory`` would seed."""
    if await units_repo.count_units(session):
        return await units_repo.load_directory(session)
    chosen = await deployment_province(session, issuer)
    found = find_province(chosen) if chosen else None
    if found is None:
        return await units_repo.load_directory(session)
    return Directory(builtin_units(found), province=short_province_name(found))


async def unit_ids(session: Session, issuer: str | None, units: list[Unit]) -> dict[str, int]:
    """Stored ids of the units a plan's mentions matched (by key), seeding the directory and
    storing units proposed on the fly as ``resolve_plan_units`` does."""
    if not units:
        return {}
    await ensure_directory(session, issuer)
    directory = await units_repo.load_directory(session)
    ids: dict[str, int] = {}
    for unit in units:
        stored = directory.get(unit.key)
        if stored is None or stored.id is None:
            directory, stored = await _stored(session, directory, replace(unit, id=None))
        assert stored.id is not None
        ids[unit.key] = stored.id
    return ids


async def covering_unit_ids(
    session: Session, unit_id: int, *, include_divisions: bool = False
) -> set[int]:
    """The unit, its predecessors and every group covering it: the ids whose tasks it owes.

    With ``include_divisions`` a department also owes what its own divisions ("Văn phòng Sở")
    were given, for the focal officer who follows the whole department.
    """
    found = await unit_reach(session, unit_id, include_divisions=include_divisions)
    return set(found.ids) if found is not None else set()


async def unit_reach(
    session: Session, unit_id: int, *, include_divisions: bool = False
) -> Reach | None:
    """Whose mentions reach the unit (bot.owing.reach); None for an unknown unit."""
    directory = await units_repo.load_directory(session)
    if unit_id not in directory.by_id:
        return None
    return reach(directory, unit_id, include_divisions)


async def owner_unit_ids(session: Session, unit_id: int) -> set[int]:
    """The other direction: the units that owe a task naming ``unit_id``.

    A unit owes it itself (its successor when it was merged away); a group is owed by every
    current unit it covers; the 'related bodies' group by nobody.
    """
    directory = await units_repo.load_directory(session)
    unit = directory.by_id.get(unit_id)
    if unit is None:
        return set()
    if not unit.is_group:
        current = directory.current(unit)
        return {current.id} if current.id is not None else set()
    if not unit.reminds:
        return set()
    return {
        u.id
        for u in directory.units
        if u.id is not None and u.active and not u.is_group and unit.covers(u)
    }


async def find_unit(session: Session, text: str, limit: int = 5) -> list[Match]:
    """Ranked units and groups for an officer's text; [] for no match."""
    directory = await units_repo.load_directory(session)
    return match(directory, text, limit=limit)
