"""Who owes a task, and in which role: the one rule every list, answer, reminder and board uses.

A task names units and groups as lead (*chủ trì*) or cooperating (*phối hợp*). A unit owes the
task when a mention names the unit itself (or a unit it succeeded after a merger), or a group
covering it. When several mentions reach the same unit, a mention naming the unit beats a group
covering it ("Các sở, ban, ngành chủ trì; Văn phòng UBND tỉnh phối hợp": the Office
cooperates), then lead beats support.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.units import Directory

LEAD = "lead"
SUPPORT = "support"


@dataclass(frozen=True)
class Claim:
    """One mention reaching a unit: its role, and whether it names the unit (not a group)."""

    role: str
    direct: bool = True

    @property
    def rank(self) -> tuple[bool, bool]:
        return (self.direct, self.role == LEAD)


def stronger(old: Claim | None, new: Claim) -> Claim:
    """The claim that decides the unit's role between two mentions reaching it."""
    return new if old is None or new.rank > old.rank else old


def owed_role(claims: Iterable[Claim]) -> str | None:
    """The unit's role in a task from every mention reaching it; None when none does."""
    best: Claim | None = None
    for claim in claims:
        best = stronger(best, claim)
    return best.role if best is not None else None


def owes_as(claims: Iterable[Claim], role: str | None) -> bool:
    """Whether the unit owes the task at all (``role`` None), or in exactly ``role``."""
    found = owed_role(claims)
    return found is not None and (role is None or found == role)


@dataclass(frozen=True)
class Reach:
    """The unit ids whose mentions reach a unit: itself and its predecessors (``direct``) and
    the reminding groups covering any of them (``groups``)."""

    direct: frozenset[int]
    groups: frozenset[int] = frozenset()

    @property
    def ids(self) -> frozenset[int]:
        return self.direct | self.groups

    def claim(self, role: str, unit_id: int | None) -> Claim | None:
        """The claim a mention of ``unit_id`` in ``role`` makes on the unit, if it reaches it."""
        if unit_id in self.direct:
            return Claim(role, True)
        if unit_id in self.groups:
            return Claim(role, False)
        return None


def reach(directory: Directory, unit_id: int, include_divisions: bool = False) -> Reach:
    """Whose mentions reach the unit: it, its predecessors (with ``include_divisions``, also its
    own divisions such as "Văn phòng Sở"), and every reminding group covering one of them."""
    unit = directory.by_id.get(unit_id)
    if unit is None:
        return Reach(frozenset({unit_id}))
    owners = [unit, *directory.predecessors(unit)]
    if include_divisions:
        owners += [c for c in directory.children(unit) if c.kind == "division"]
    direct = {u.id for u in owners if u.id is not None} | {unit_id}
    groups = {
        g.id
        for owner in owners
        for g in directory.groups_covering(owner)
        if g.id is not None and g.reminds
    }
    return Reach(frozenset(direct), frozenset(groups - direct))
