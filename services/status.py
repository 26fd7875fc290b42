"""The coordinator's status board: who has reported each occurrence due in a period.

An occurrence belongs to a period when its real last day falls in it (as in
``services.tasks_view``). The units owing it are the task's lead units: a unit the plan names
(its successor after a merger), and the members of a group the plan names ("Các sở, ban,
ngành", "UBND cấp xã") that have an active officer or a linked group chat; the silent rest of a
group is only counted. A unit named by the plan as cooperating is not owed through a group
(the reminders' rule); ``services.status_owing`` resolves who owes. A unit has reported when a
completions row exists for (task, due date, unit). The period a coordinator types and an
occurrence's label are in ``services.status_words``. Nothing here commits.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import stored_utc
from bot.questions.periods import Period
from bot.units import Unit
from services.status_owing import reachable_units, resolve_owing
from services.status_words import REPORT_WORDS, is_report, occurrence_label
from store import evidence_repo, units_repo
from store.evidence_repo import Evidence
from store.models import CompletionRow, PlanRow, TaskDueRow, TaskRow, TaskUnitRow


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
    session: AsyncSession, period: Period, today: date, *, reports_only: bool = True
) -> Board:
    """The status of every occurrence whose real last day is in ``period``."""
    stmt = (
        select(
            TaskDueRow.task_id,
            TaskDueRow.due_date,
            TaskDueRow.last_day,
            TaskDueRow.before,
            TaskRow.ref,
            TaskRow.content,
            TaskRow.search_text,
            PlanRow.id,
            PlanRow.title,
        )
        .join(TaskRow, TaskRow.id == TaskDueRow.task_id)
        .join(PlanRow, PlanRow.id == TaskRow.plan_id)
        .where(
            TaskDueRow.last_day >= period.start,
            TaskDueRow.last_day <= period.end,
            TaskRow.active.is_(True),
        )
        .order_by(TaskDueRow.last_day, PlanRow.id, TaskRow.position, TaskDueRow.due_date)
    )
    if reports_only:
        stmt = stmt.where(TaskRow.search_text.like(f"%{REPORT_WORDS}%"))
    rows = [r for r in (await session.execute(stmt)).all() if not reports_only or is_report(r[6])]
    if not rows:
        return Board(period, today, reports_only, ())
    task_ids = sorted({r[0] for r in rows})
    mentions: dict[int, list[tuple[str, str, int | None]]] = defaultdict(list)
    for task_id, role, mention, unit_id in (
        await session.execute(
            select(TaskUnitRow.task_id, TaskUnitRow.role, TaskUnitRow.mention, TaskUnitRow.unit_id)
            .where(TaskUnitRow.task_id.in_(task_ids))
            .order_by(TaskUnitRow.id)
        )
    ).all():
        mentions[task_id].append((role, mention, unit_id))
    year_counts = await _per_year(session, task_ids, {r[1].year for r in rows})
    done_at = {
        (t, u, d): stored_utc(at)
        for t, u, d, at in (
            await session.execute(
                select(
                    CompletionRow.task_id,
                    CompletionRow.unit_id,
                    CompletionRow.due_date,
                    CompletionRow.done_at,
                ).where(
                    CompletionRow.task_id.in_(task_ids),
                    CompletionRow.due_date >= min(r[1] for r in rows),
                    CompletionRow.due_date <= max(r[1] for r in rows),
                )
            )
        ).all()
    }
    # What each completion carries (📎 the report's number, its file): issue 16.
    attached = await evidence_repo.of_tasks(
        session, task_ids, min(r[1] for r in rows), max(r[1] for r in rows)
    )
    directory = await units_repo.load_directory(session)
    reachable = await reachable_units(session)
    member_cache: dict[int, list[Unit]] = {}
    owing = {t: resolve_owing(directory, mentions[t], reachable, member_cache) for t in task_ids}
    out = []
    for task_id, due, last, before, ref, content, text, plan_id, title in rows:
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
            content, due, year_counts.get((task_id, due.year), 1), is_report(text or "")
        )
        out.append(
            OccurrenceStatus(
                task_id,
                plan_id,
                title,
                ref,
                content,
                label,
                due,
                last,
                bool(before),
                tuple(states),
                tuple(unreached),
                tuple(owed.unassigned),
            )  # fmt: skip
        )
    return Board(period, today, reports_only, tuple(out))


async def _per_year(
    session: AsyncSession, task_ids: list[int], years: set[int]
) -> dict[tuple[int, int], int]:
    """How many occurrences each task has in each of ``years`` (a report's rhythm)."""
    rows = await session.execute(
        select(TaskDueRow.task_id, TaskDueRow.due_date).where(
            TaskDueRow.task_id.in_(task_ids),
            TaskDueRow.due_date >= date(min(years), 1, 1),
            TaskDueRow.due_date <= date(max(years), 12, 31),
        )
    )
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for task_id, due in rows.all():
        counts[(task_id, due.year)] += 1
    return dict(counts)
