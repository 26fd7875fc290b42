"""The coordinator's status board: who has reported each occurrence due in a period.

An occurrence belongs to a period when its real last day falls in it (as in
``services.tasks_view``). The units owing it are the task's lead units: a unit the plan names
(its successor after a merger), and the members of a group the plan names ("Các sở, ban,
ngành", "UBND cấp xã") that have an active officer or a linked group chat; the silent rest of a
group is only counted. A unit named by the plan as cooperating is not owed through a group
(the reminders' rule); ``services.status_owing`` resolves who owes. A unit has reported when a
completions row exists for (task, due date, unit); the rows come from ``uow.status``
(``store/status_repo.py``). The period a coordinator types and an
occurrence's label are in ``services.status_words``. Nothing here commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.questions.periods import Period
from bot.units import Unit
from services.status_owing import resolve_owing
from services.status_words import REPORT_WORDS, is_report, occurrence_label
from store.evidence_repo import Evidence
from store.uow import Session, UnitOfWork


@dataclass(frozen=True)
class UnitState:
    """One owing unit of one occurrence."""

    unit_id: int
    name: str
    done: bool
    done_at: datetime | None
    overdue: bool  # not done and the real last day has passed
    reachable: bool  # has an active officer or a linked group chat
    via: str | None = None  # the group the plan named, None when it named the unit
    evidence: Evidence | None = None  # the report attached to the completion (📎), if any


@dataclass(frozen=True)
class Unreached:
    """Members of a group the plan named that nobody follows in the bot (only counted)."""

    group: str
    count: int


@dataclass(frozen=True)
class OccurrenceStatus:
    """One occurrence of a task due in the period and where each owing unit stands."""

    task_id: int
    plan_id: int
    plan_title: str | None
    ref: str
    content: str
    label: str  # "Báo cáo tháng 8", or the task's text
    due_date: date
    last_day: date
    before: bool
    units: tuple[UnitState, ...]
    unreached: tuple[Unreached, ...] = ()
    unassigned: tuple[str, ...] = ()  # lead mentions no unit could be found for

    @property
    def done(self) -> tuple[UnitState, ...]:
        return tuple(u for u in self.units if u.done)

    @property
    def not_done(self) -> tuple[UnitState, ...]:
        return tuple(u for u in self.units if not u.done)


@dataclass(frozen=True)
class Board:
    """Every occurrence due in ``period`` (report tasks only unless ``reports_only`` is off)."""

    period: Period
    today: date
    reports_only: bool
    occurrences: tuple[OccurrenceStatus, ...]

    @property
    def not_done_units(self) -> frozenset[int]:
        return frozenset(u.unit_id for o in self.occurrences for u in o.not_done)


async def board(
    db: UnitOfWork | Session, period: Period, today: date, *, reports_only: bool = True
) -> Board:
    """The status of every occurrence whose real last day is in ``period``."""
    uow = UnitOfWork.over(db)
    repo = uow.status
    found = await repo.due_between(
        period.start, period.end, containing=REPORT_WORDS if reports_only else None
    )
    rows = [r for r in found if not reports_only or is_report(r.search_text or "")]
    if not rows:
        return Board(period, today, reports_only, ())
    task_ids = sorted({r.task_id for r in rows})
    first, last_due = min(r.due_date for r in rows), max(r.due_date for r in rows)
    mentions = await repo.mentions(task_ids)
    year_counts = await repo.per_year(task_ids, {r.due_date.year for r in rows})
    done_at = await repo.done_at(task_ids, first, last_due)
    # What each completion carries (📎 the report's number, its file): issue 16.
    attached = await repo.evidence(task_ids, first, last_due)
    directory = await uow.units.directory()
    reachable = await repo.reachable_units()
    member_cache: dict[int, list[Unit]] = {}
    owing = {
        t: resolve_owing(directory, mentions.get(t, []), reachable, member_cache) for t in task_ids
    }
    out = []
    for r in rows:
        task_id, due, last = r.task_id, r.due_date, r.last_day
        owed = owing[task_id]
        states = []
        for unit, via in owed.units:
            assert unit.id is not None
            at = done_at.get((task_id, unit.id, due))
            states.append(
                UnitState(
                    unit.id,
                    unit.name,
                    at is not None,
                    at,
                    at is None and last < today,
                    unit.id in reachable,
                    via,
                    attached.get((task_id, unit.id, due)),
                )  # fmt: skip
            )
        # A silent member that did report anyway (marked by a coordinator) is listed.
        unreached = []
        for label, ids in owed.silent:
            reported = [i for i in ids if (task_id, i, due) in done_at]
            for i in reported:
                states.append(
                    UnitState(
                        i,
                        directory.by_id[i].name,
                        True,
                        done_at[(task_id, i, due)],
                        False,
                        False,
                        label,
                        attached.get((task_id, i, due)),
                    )  # fmt: skip
                )
            if len(ids) > len(reported):
                unreached.append(Unreached(label, len(ids) - len(reported)))
        label = occurrence_label(
            r.content,
            due,
            year_counts.get((task_id, due.year), 1),
            is_report(r.search_text or ""),
        )
        out.append(
            OccurrenceStatus(
                task_id,
                r.plan_id,
                r.plan_title,
                r.ref,
                r.content,
                label,
                due,
                last,
                r.before,
                tuple(states),
                tuple(unreached),
                tuple(owed.unassigned),
            )  # fmt: skip
        )
    return Board(period, today, reports_only, tuple(out))
