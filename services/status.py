"""The coordinator's status board: who has reported each occurrence due in a period.

An occurrence belongs to a period when its real last day falls in it (as in
``services.tasks_view``). The units owing it are the task's lead units: a unit the plan names
(its successor after a merger), and the members of a group the plan names ("Các sở, ban,
ngành", "UBND cấp xã") that have an active officer or a linked group chat; the silent rest of a
group is only counted. A unit named by the plan as cooperating is not owed through a group
(the reminders' rule). A unit has reported when a completions row exists for (task, due date,
unit). Nothing here commits.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import TthcError
from bot.questions.normalize import normalize
from bot.questions.periods import Period, find_period, month_period
from bot.units import Directory, Unit
from store import units_repo
from store.models import (
    CompletionRow,
    GroupChatRow,
    OfficerRow,
    PlanRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
)

REPORT_WORDS = "bao cao"
_REPORT = re.compile(r"(?<![a-z0-9])bao cao(?![a-z0-9])")
_ALL_WORDS = ("tat ca", "toan bo", "moi viec", "all")
_ROMAN = ("I", "II", "III", "IV")


class BadPeriod(TthcError):
    """A period the coordinator typed that cannot be read."""


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


def parse_period(text: str | None, today: date) -> tuple[Period, bool]:
    """The period a coordinator typed ("tháng 8", "quý 3", "q3", "tháng này"; default: this
    month) and whether every task was asked for ("... tất cả"). Raises ``BadPeriod``."""
    norm = f" {normalize(text or '')} "
    every = any(f" {w} " in norm for w in _ALL_WORDS)
    for w in _ALL_WORDS:
        norm = norm.replace(f" {w} ", " ")
    norm = norm.strip()
    if not norm:
        return month_period(today.year, today.month), every
    period, rest = find_period(norm, text or "", today)
    if period is None or rest.strip():
        raise BadPeriod(
            f"Không hiểu kỳ “{text}”. Ví dụ: tháng 8, quý 3, tháng 8/2025, quý III tất cả."
        )
    return period, every


def is_report(search_text: str) -> bool:
    """The task is a report: its folded text has the words "bao cao"."""
    return _REPORT.search(search_text) is not None


def occurrence_label(content: str, due: date, per_year: int, report: bool) -> str:
    """ "Báo cáo tháng 8" / "Báo cáo quý III" / "Báo cáo 6 tháng" / "Báo cáo năm" for a report
    by how many times a year it falls due; the task's text otherwise."""
    if report:
        if per_year >= 10:
            return f"Báo cáo tháng {due.month}"
        if 3 <= per_year <= 5:
            return f"Báo cáo quý {_ROMAN[(due.month - 1) // 3]}"
        if per_year == 2:
            return "Báo cáo 6 tháng" if due.month <= 8 else "Báo cáo năm"
    text = " ".join(content.split())
    return text if len(text) <= 90 else text[:89].rstrip() + "…"


async def reachable_units(session: AsyncSession) -> set[int]:
    """Units with at least one active officer or an active linked group chat."""
    officers = await session.scalars(
        select(OfficerRow.unit_id)
        .where(OfficerRow.status == "active", OfficerRow.unit_id.is_not(None))
        .distinct()
    )
    groups = await session.scalars(
        select(GroupChatRow.unit_id).where(GroupChatRow.active.is_(True)).distinct()
    )
    return {u for u in officers.all() if u is not None} | set(groups.all())


def _members(directory: Directory, group: Unit) -> list[Unit]:
    return [
        u
        for u in directory.units
        if u.id is not None and u.active and not u.is_group and group.covers(u)
    ]


@dataclass
class _Owing:
    """The lead units of one task: (unit, group label or None), the silent counts, the rest."""

    units: list[tuple[Unit, str | None]]
    silent: list[tuple[str, list[int]]]  # group label, member ids nobody follows
    unassigned: list[str]


def _owing(
    directory: Directory,
    mentions: list[tuple[str, str, int | None]],
    reachable: set[int],
    member_cache: dict[int, list[Unit]],
) -> _Owing:
    """Resolve one task's (role, mention, unit id) rows into the units that owe it as lead."""
    named: set[int] = set()
    for _role, _mention, unit_id in mentions:
        unit = directory.by_id.get(unit_id) if unit_id is not None else None
        if unit is not None and not unit.is_group:
            current = directory.current(unit)
            named.add(current.id if current.id is not None else unit_id)  # type: ignore[arg-type]
    out = _Owing([], [], [])
    seen: set[int] = set()
    for role, mention, unit_id in mentions:
        if role != "lead":
            continue
        unit = directory.by_id.get(unit_id) if unit_id is not None else None
        if unit is None or (unit.is_group and not unit.reminds):
            out.unassigned.append(mention)
            continue
        if not unit.is_group:
            current = directory.current(unit)
            if current.id is not None and current.id not in seen:
                seen.add(current.id)
                out.units.append((current, None))
            continue
        if unit.id not in member_cache:
            member_cache[unit.id] = _members(directory, unit)  # type: ignore[index]
        silent: list[int] = []
        for member in member_cache[unit.id]:  # type: ignore[index]
            assert member.id is not None
            if member.id in seen or member.id in named:
                continue  # already owed directly, or the plan gave it another role
            seen.add(member.id)
            if member.id in reachable:
                out.units.append((member, unit.label))
            else:
                silent.append(member.id)
        out.silent.append((unit.label, silent))
    return out


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
        (t, u, d): at if at.tzinfo is not None else at.replace(tzinfo=UTC)  # SQLite: naive UTC
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
    directory = await units_repo.load_directory(session)
    reachable = await reachable_units(session)
    member_cache: dict[int, list[Unit]] = {}
    owing = {t: _owing(directory, mentions[t], reachable, member_cache) for t in task_ids}
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
