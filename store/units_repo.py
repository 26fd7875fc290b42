"""Units repository: the directory's rows become ``bot.units`` objects; seeding; mentions."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.units import Directory, Unit, builtin_units, find_province
from bot.units.builtin import short_province_name
from bot.units.normalise import normalise
from store.db import READ_ONLY_SESSION
from store.models import (
    PlanRow,
    RevisionRow,
    SettingRow,
    TaskRow,
    TaskUnitRow,
    UnitAliasRow,
    UnitRow,
)

PROVINCE_SETTING = "province"


async def get_setting(session: AsyncSession, key: str) -> str | None:
    row = await session.get(SettingRow, key)
    return row.value if row else None


async def set_setting(session: AsyncSession, key: str, value: str) -> None:
    row = await session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=value))
    else:
        row.value = value
    await session.flush()


async def count_units(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(UnitRow)) or 0)


# Built directories by database and content fingerprint: building the search index costs tens
# of milliseconds, and questions look units up on every message.
_CACHE: dict[tuple[object, ...], Directory] = {}
_CACHE_SIZE = 8


async def directory_revision(session: AsyncSession) -> str:
    """The directory's revision token: triggers (migration 0003) give it a new random value on
    any change to units, their aliases or the settings, so one read by key tells a cache whether
    it is stale."""
    # A read-only unit of work (a question, a list) reads the token once: its caches are checked
    # against one revision (the scope, then the directory, each asked for it once per update).
    # A writing one reads it every time, as it may have changed the units itself.
    memo = session.info.get(READ_ONLY_SESSION) and session.info.get(_MEMO)
    if memo:
        return str(memo)
    token = await session.scalar(_REVISION)
    # No row (the table was emptied by hand): nothing can be cached until the next change.
    found = str(token) if token is not None else f"uncached:{uuid.uuid4().hex}"
    if session.info.get(READ_ONLY_SESSION):
        session.info[_MEMO] = found
    return found


_MEMO = "tthc_units_revision"


_REVISION = select(RevisionRow.token).where(RevisionRow.name == "units")


async def _fingerprint(session: AsyncSession) -> tuple[object, ...]:
    bind = session.get_bind()
    return (str(bind.engine.url), await directory_revision(session))


async def load_directory(session: AsyncSession) -> Directory:
    """The deployment's directory as stored (units, groups, aliases); cached while unchanged."""
    key = await _fingerprint(session)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    directory = await _build_directory(session)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = directory
    return directory


async def _build_directory(session: AsyncSession) -> Directory:
    rows = (await session.scalars(select(UnitRow).order_by(UnitRow.id))).all()
    aliases: dict[int, list[str]] = defaultdict(list)
    for alias_row in (await session.scalars(select(UnitAliasRow).order_by(UnitAliasRow.id))).all():
        aliases[alias_row.unit_id].append(alias_row.alias)
    keys = {r.id: r.key for r in rows}
    units = [
        Unit(
            id=r.id,
            key=r.key,
            name=r.name,
            kind=r.kind,
            is_group=r.is_group,
            rule=r.rule,
            parent_key=keys.get(r.parent_id) if r.parent_id else None,
            successor_key=keys.get(r.successor_id) if r.successor_id else None,
            aliases=tuple(aliases.get(r.id, ())),
            short_name=r.short_name,
            code=r.code,
        )
        for r in rows
    ]
    province = await get_setting(session, PROVINCE_SETTING)
    found = find_province(province)
    return Directory(units, province=short_province_name(found) if found else province)


async def add_units(session: AsyncSession, units: Iterable[Unit]) -> dict[str, int]:
    """Insert units whose key is new (parents and successors by key); returns key → id of new rows."""
    units = list(units)
    existing = {
        key: uid for key, uid in (await session.execute(select(UnitRow.key, UnitRow.id))).all()
    }
    new_rows: dict[str, UnitRow] = {}
    for unit in units:
        if unit.key in existing or unit.key in new_rows:
            continue
        row = UnitRow(
            key=unit.key,
            name=unit.name,
            short_name=unit.short_name,
            kind=str(unit.kind),
            is_group=unit.is_group,
            rule=_plain_rule(unit.rule),
            active=unit.successor_key is None,
            code=unit.code,
        )
        session.add(row)
        new_rows[unit.key] = row
    await session.flush()
    ids = {**existing, **{k: r.id for k, r in new_rows.items()}}
    for unit in units:
        row_or_none = new_rows.get(unit.key)
        if row_or_none is None:
            continue
        row_or_none.parent_id = ids.get(unit.parent_key) if unit.parent_key else None
        row_or_none.successor_id = ids.get(unit.successor_key) if unit.successor_key else None
        seen: set[str] = set()
        for alias in unit.aliases:
            folded = normalise(alias, strip_qualifiers=False)[:300]
            if folded and folded not in seen:
                seen.add(folded)
                session.add(UnitAliasRow(unit_id=row_or_none.id, alias=alias[:300], folded=folded))
    await session.flush()
    return {k: r.id for k, r in new_rows.items()}


def _plain_rule(rule: object) -> dict[str, object] | None:
    if not rule:
        return None
    assert isinstance(rule, dict) or hasattr(rule, "items")
    return {k: ([str(x) for x in v] if isinstance(v, list | tuple) else v) for k, v in rule.items()}  # type: ignore[attr-defined]


async def seed_directory(session: AsyncSession, province: str) -> int:
    """Add the built-in directory of ``province`` (units already present are kept); rows added."""
    units = builtin_units(province)
    found = find_province(province)
    if found is not None and not await get_setting(session, PROVINCE_SETTING):
        await set_setting(session, PROVINCE_SETTING, found.name)
    return len(await add_units(session, units))


async def add_alias(session: AsyncSession, unit_id: int, alias: str) -> bool:
    """Add one alias to a unit; False when the unit already has it."""
    folded = normalise(alias, strip_qualifiers=False)[:300]
    found = await session.scalar(
        select(UnitAliasRow.id).where(
            UnitAliasRow.unit_id == unit_id, UnitAliasRow.folded == folded
        )
    )
    if found is not None or not folded:
        return False
    session.add(UnitAliasRow(unit_id=unit_id, alias=alias[:300], folded=folded))
    await session.flush()
    return True


async def unit_row(session: AsyncSession, key: str) -> UnitRow | None:
    return await session.scalar(select(UnitRow).where(UnitRow.key == key))


@dataclass(frozen=True)
class MentionRow:
    """One unit mention of a task as stored."""

    id: int
    task_id: int
    role: str
    mention: str
    unit_id: int | None
    note: str | None


async def plan_mentions(session: AsyncSession, plan_id: int) -> list[MentionRow]:
    """Every mention of the plan's tasks, in task order."""
    rows = (
        await session.execute(
            select(TaskUnitRow)
            .join(TaskRow, TaskRow.id == TaskUnitRow.task_id)
            .where(TaskRow.plan_id == plan_id)
            .order_by(TaskRow.position, TaskUnitRow.id)
        )
    ).scalars()
    return [MentionRow(r.id, r.task_id, r.role, r.mention, r.unit_id, r.note) for r in rows]


async def unresolved_mentions(session: AsyncSession) -> list[tuple[str, str | None, int]]:
    """Distinct mention texts left without a unit: (mention, plan issuer, count), most frequent first."""
    rows = (
        await session.execute(
            select(TaskUnitRow.mention, PlanRow.issuer, func.count())
            .join(TaskRow, TaskRow.id == TaskUnitRow.task_id)
            .join(PlanRow, PlanRow.id == TaskRow.plan_id)
            .where(TaskUnitRow.unit_id.is_(None), TaskRow.active.is_(True))
            .group_by(TaskUnitRow.mention, PlanRow.issuer)
            .order_by(func.count().desc(), TaskUnitRow.mention)
        )
    ).all()
    return [(m, i, int(n)) for m, i, n in rows]


@dataclass(frozen=True)
class OwnerlessTask:
    """A task whose every mention is unresolved or the 'related bodies' group: nobody is reminded."""

    task_id: int
    ref: str
    content: str
    issuer: str | None
    mentions: tuple[str, ...]


async def ownerless_tasks(session: AsyncSession) -> list[OwnerlessTask]:
    """Active tasks that no unit owes, in plan and task order."""
    rows = (
        await session.execute(
            select(TaskRow.id, TaskRow.ref, TaskRow.content, PlanRow.issuer, TaskUnitRow.mention, UnitRow.rule, UnitRow.id)
            .join(PlanRow, PlanRow.id == TaskRow.plan_id)
            .outerjoin(TaskUnitRow, TaskUnitRow.task_id == TaskRow.id)
            .outerjoin(UnitRow, UnitRow.id == TaskUnitRow.unit_id)
            .where(TaskRow.active.is_(True))
            .order_by(PlanRow.id, TaskRow.position, TaskUnitRow.id)
        )
    ).all()  # fmt: skip
    tasks: dict[int, tuple[str, str, str | None, list[str], bool]] = {}
    for task_id, ref, content, issuer, mention, rule, unit_id in rows:
        ref_, content_, issuer_, mentions, owned = tasks.get(
            task_id, (ref, content, issuer, [], False)
        )
        if mention:
            mentions.append(mention)
        if unit_id is not None and not (rule or {}).get("unresolved"):
            owned = True
        tasks[task_id] = (ref_, content_, issuer_, mentions, owned)
    return [
        OwnerlessTask(tid, ref, content, issuer, tuple(mentions))
        for tid, (ref, content, issuer, mentions, owned) in tasks.items()
        if not owned
    ]
