"""What the task queries return: occurrences (Due), hits, task views, scopes and pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.owing import Claim
from bot.units import Unit


@dataclass(frozen=True)
class Due:
    """One occurrence: the nominal date as written, the real last day, and the unit's status."""

    due_date: date
    last_day: date
    before: bool = False
    done: bool = False


@dataclass(frozen=True)
class Hit:
    """A task of the scope before its details are loaded: role and the occurrences that matter."""

    task_id: int
    role: str | None
    dues: tuple[Due, ...] = ()
    ongoing: bool = False


@dataclass(frozen=True)
class TaskView:
    """A task as a list shows it."""

    id: int
    ref: str
    content: str
    role: str | None
    dues: tuple[Due, ...]
    ongoing: bool
    deadline: str | None
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    plan_title: str | None = None
    plan_id: int | None = None


@dataclass(frozen=True)
class Scope:
    """Whose tasks: unit ids that count (None: every unit), whose ✅ counts, and a role filter."""

    unit_ids: frozenset[int] | None
    done_unit: int | None = None
    role: str | None = None
    unit: Unit | None = None
    groups: frozenset[int] = frozenset()  # the groups among unit_ids (the rest name the unit)

    def claim(self, role: str, unit_id: int | None) -> Claim | None:
        """What a mention of ``unit_id`` in ``role`` claims of the scope's unit (bot.owing)."""
        if self.unit_ids is None or unit_id not in self.unit_ids:
            return None
        return Claim(role, unit_id not in self.groups)


@dataclass(frozen=True)
class Page:
    """One page of hits, and how many occurrences and distinct tasks there are in all."""

    hits: list[Hit]
    total: int
    tasks: int
    grouped: bool = False  # paged by task, each hit holding its occurrences (long periods)


def slice_page(hits: list[Hit], offset: int, limit: int | None) -> Page:
    part = hits[offset : offset + limit] if limit is not None else hits[offset:]
    return Page(part, len(hits), len({h.task_id for h in hits}))
