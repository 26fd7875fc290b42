"""The unit directory cached per database (checked by its revision token) and a unit's scope."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot.owing import Reach, reach
from bot.units import Directory
from store import units_repo
from store.tasks_view.model import Scope


@dataclass
class _DirectoryEntry:
    directory: Directory
    reaches: dict[int, Reach] = field(default_factory=dict)


_CACHE: dict[str, tuple[str, _DirectoryEntry]] = {}


async def directory(session: AsyncSession) -> _DirectoryEntry:
    """The unit directory, loaded once per database and reloaded when the units change (the
    directory's revision token, one row read by key)."""
    version = await units_repo.directory_revision(session)
    bind = session.bind
    key = str(getattr(bind, "url", "")) or str(id(bind))
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    entry = _DirectoryEntry(await units_repo.load_directory(session))
    _CACHE[key] = (version, entry)
    return entry


def covering(entry: _DirectoryEntry, unit_id: int) -> Reach:
    """The unit, its predecessors and every group covering it (the ids whose tasks it owes)."""
    found = entry.reaches.get(unit_id)
    if found is None:
        found = entry.reaches[unit_id] = reach(entry.directory, unit_id)
    return found


async def scope_for(
    session: AsyncSession,
    unit_id: int | None,
    role: str | None = None,
    entry: _DirectoryEntry | None = None,
) -> Scope:
    """The scope of a unit (through its groups and predecessors), or every unit for None.

    ``entry``: the directory as ``directory(session)`` returned it in this transaction (saves
    its round trip)."""
    if unit_id is None:
        return Scope(None, None, role)
    if entry is None:
        entry = await directory(session)
    r = covering(entry, unit_id)
    return Scope(r.ids, unit_id, role, entry.directory.by_id.get(unit_id), r.groups)
