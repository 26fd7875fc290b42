"""On-time statistics: per unit and period, the occurrences it owes as lead, by outcome.

Pure counting, no SQL. An occurrence belongs to the period when its real last day (the last
working day, ``bot.deadlines.WorkCalendar``) falls in it; a unit owes it as lead by
``bot.owing``'s rule. Each (unit, occurrence) is one of:

- ``on_time``: done (✅) no later than the real last day, in the deployment's time zone;
- ``done_late``: done after the real last day;
- ``late_open``: not done and the real last day is before today;
- ``not_due``: not done and the real last day is today or later.

The domain's words: *đúng hạn* = ``on_time``; *quá hạn* = ``done_late`` + ``late_open``;
*trong hạn* = ``not_due``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.phrases import STATS_LABELS as LABELS

# Category keys in the order of the chart's stacked segments (labels: ``bot.phrases``).
CATEGORIES = ("on_time", "done_late", "late_open", "not_due")
__all__ = ["CATEGORIES", "LABELS", "DoneCount", "Stats", "TaskCount", "UnitStats", "count"]


@dataclass(frozen=True)
class TaskCount:
    """One task's occurrences in the period: last day before today (``past``) or not."""

    past: int
    future: int


class DoneCount(NamedTuple):
    """A unit's completions of one task's occurrences in the period, by outcome (a tuple: tens
    of thousands are built per statistics). They never exceed the task's occurrences: a
    completion is unique per (task, unit, occurrence)."""

    on_time_past: int = 0  # done on time, last day already passed
    late: int = 0  # done after the last day, which has passed
    on_time_future: int = 0  # done ahead of a last day still to come
    late_future: int = 0  # stamped after a last day still to come (a ``--today`` in the past)


@dataclass
class UnitStats:
    """One unit's counts over the period."""

    unit_id: int
    name: str
    on_time: int = 0
    done_late: int = 0
    late_open: int = 0
    not_due: int = 0

    @property
    def total(self) -> int:
        return self.on_time + self.done_late + self.late_open + self.not_due

    @property
    def late(self) -> int:
        """*quá hạn*: done late or still not done after the last day."""
        return self.done_late + self.late_open

    @property
    def due(self) -> int:
        """Occurrences whose last day has passed."""
        return self.on_time + self.late

    @property
    def on_time_rate(self) -> float | None:
        """Share done on time among those due; None when nothing is due yet."""
        return self.on_time / self.due if self.due else None

    def get(self, category: str) -> int:
        return int(getattr(self, category))


@dataclass
class Totals:
    """The sums over every unit."""

    on_time: int = 0
    done_late: int = 0
    late_open: int = 0
    not_due: int = 0
    units: int = 0

    @property
    def late(self) -> int:
        return self.done_late + self.late_open

    @property
    def total(self) -> int:
        return self.on_time + self.done_late + self.late_open + self.not_due


@dataclass
class Stats:
    """Every unit owing something as lead in the period, worst first."""

    units: list[UnitStats] = field(default_factory=list)

    @property
    def totals(self) -> Totals:
        t = Totals(units=len(self.units))
        for u in self.units:
            t.on_time += u.on_time
            t.done_late += u.done_late
            t.late_open += u.late_open
            t.not_due += u.not_due
        return t


def worst_first_key(u: UnitStats) -> tuple[int, int, float, str]:
    """Most occurrences late and not done first, then most done late, then the lowest on-time
    share, then by name (stable for equal units)."""
    rate = u.on_time_rate
    return (-u.late_open, -u.done_late, 1.0 if rate is None else rate, u.name)


def count(
    tasks: Mapping[int, TaskCount],
    leads: Mapping[int, Iterable[int]],
    done: Mapping[tuple[int, int], DoneCount],
    names: Mapping[int, str],
) -> Stats:
    """The statistics from each task's occurrence counts, its lead units (``leads[task]``: unit
    ids by ``bot.owing``'s rule) and each (unit, task)'s completions. A completion by a unit
    that does not owe the task as lead is ignored."""
    by_unit: dict[int, UnitStats] = {}
    nothing = DoneCount()
    for task_id, n in tasks.items():
        for unit_id in dict.fromkeys(leads.get(task_id, ())):
            s = by_unit.get(unit_id)
            if s is None:
                s = by_unit[unit_id] = UnitStats(unit_id, names.get(unit_id, ""))
            d = done.get((unit_id, task_id), nothing)
            if d is nothing:  # nothing done: the common case of a late unit, kept cheap
                s.late_open += n.past
                s.not_due += n.future
                continue
            on_time_past, late_past, on_time_future, late_future = d
            s.on_time += on_time_past + on_time_future
            s.done_late += late_past + late_future
            s.late_open += n.past - late_past - on_time_past
            s.not_due += n.future - late_future - on_time_future
    return Stats(sorted(by_unit.values(), key=worst_first_key))
