"""Which units owe a task's occurrences on the status board: the lead units the plan names (their
successors after a merger) and, for a group it names, the members that have an active officer or
a linked group chat (``uow.status.reachable_units``); the group's silent members are only
counted. A unit the plan names in another role is not owed through a group (the reminders'
rule). Pure: nothing here reads the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.owing import LEAD, Claim, owed_role
from bot.units import Directory, Unit


def _members(directory: Directory, group: Unit) -> list[Unit]:
    return [
        u
        for u in directory.units
        if u.id is not None and u.active and not u.is_group and group.covers(u)
    ]


@dataclass
class Owing:
    """The lead units of one task: (unit, group label or None), the silent counts, the rest."""

    units: list[tuple[Unit, str | None]]
    silent: list[tuple[str, list[int]]]  # group label, member ids nobody follows
    unassigned: list[str]


def resolve_owing(
    directory: Directory,
    mentions: list[tuple[str, str, int | None]],
    reachable: set[int],
    member_cache: dict[int, list[Unit]],
) -> Owing:
    """Resolve one task's (role, mention, unit id) rows into the units that owe it as lead, by
    bot.owing's rule (a unit the plan names in another role does not lead through a group)."""
    claims: dict[int, list[Claim]] = {}
    order: list[tuple[Unit, str | None]] = []  # candidates in mention order, with their group
    out = Owing([], [], [])
    for role, mention, unit_id in mentions:
        unit = directory.by_id.get(unit_id) if unit_id is not None else None
        if unit is None or (unit.is_group and not unit.reminds):
            if role == LEAD:
                out.unassigned.append(mention)
            continue
        if not unit.is_group:
            current = directory.current(unit)
            if current.id is not None:
                claims.setdefault(current.id, []).append(Claim(role, True))
                order.append((current, None))
            continue
        if unit.id not in member_cache:
            member_cache[unit.id] = _members(directory, unit)  # type: ignore[index]
        for member in member_cache[unit.id]:  # type: ignore[index]
            assert member.id is not None
            claims.setdefault(member.id, []).append(Claim(role, False))
            if role == LEAD:
                order.append((member, unit.label))
    seen: set[int] = set()
    silent: dict[str, list[int]] = {}
    for unit, label in order:
        assert unit.id is not None
        if unit.id in seen or owed_role(claims[unit.id]) != LEAD:
            continue
        seen.add(unit.id)
        if label is None or unit.id in reachable:
            out.units.append((unit, label))
        else:
            silent.setdefault(label, []).append(unit.id)
    labels = [label for _u, label in order if label is not None]
    out.silent = [(label, silent.get(label, [])) for label in dict.fromkeys(labels)]
    return out
