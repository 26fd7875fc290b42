"""Plans and their tasks in the store; rows become plain objects before they leave."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.deadlines import Schedule
from bot.model import PlanDraft
from store.models import PlanRow, TaskDueRow, TaskRow, TaskUnitRow


@dataclass(frozen=True)
class StoredPlan:
    """A plan as stored."""

    id: int
    identity: str
    source: str
    issuer: str | None
    year: int | None
    number: str | None
    title: str | None
    fingerprint: str


@dataclass(frozen=True)
class StoredTask:
    """A task read back from the store, with its unit mentions and parsed schedule."""

    id: int
    plan_id: int
    ref: str
    section: str | None
    content: str
    result: str | None
    deadline: str | None
    deadline_in_text: str | None
    notes: str | None
    lead: tuple[str, ...]
    support: tuple[str, ...]
    schedule: Schedule
    plan_year: int | None
    plan_title: str | None
    issuer: str | None
    active: bool = True
    inferred: tuple[str, ...] = ()
    position: int = 0


@dataclass(frozen=True)
class TaskValues:
    """Everything the import writes on a task row."""

    position: int
    ref: str
    section: str | None
    content: str
    result: str | None
    deadline: str | None
    deadline_in_text: str | None
    notes: str | None
    inferred: tuple[str, ...]
    schedule: dict[str, Any]
    schedule_kind: str
    ongoing: bool
    deadline_unknown: bool
    search_text: str

    def snapshot(self) -> tuple[Any, ...]:
        """What an officer could see change (position aside)."""
        return (
            self.ref,
            self.section,
            self.content,
            self.result,
            self.deadline,
            self.deadline_in_text,
            self.notes,
            list(self.inferred),
            self.schedule,
            True,
        )


@dataclass(frozen=True)
class ExistingTask:
    """A stored task as the import sees it: identity, text and a snapshot to compare."""

    id: int
    ref: str
    section: str | None
    content: str
    active: bool
    snapshot: tuple[Any, ...]

    @property
    def deadline(self) -> str | None:
        """The deadline cell as stored (from the snapshot, see ``_snapshot``)."""
        value = self.snapshot[4] if len(self.snapshot) > 4 else None
        return value if isinstance(value, str) else None


def _snapshot(row: TaskRow) -> tuple[Any, ...]:
    return (
        row.ref,
        row.section,
        row.content,
        row.result,
        row.deadline,
        row.deadline_in_text,
        row.notes,
        list(row.inferred or []),
        row.schedule,
        row.active,
    )


def _plan(row: PlanRow) -> StoredPlan:
    return StoredPlan(
        row.id,
        row.identity,
        row.source,
        row.issuer,
        row.year,
        row.number,
        row.title,
        row.fingerprint,
    )


async def find_plan(session: AsyncSession, identity: str) -> StoredPlan | None:
    """The plan with this identity, if any."""
    row = (
        await session.execute(select(PlanRow).where(PlanRow.identity == identity))
    ).scalar_one_or_none()
    return _plan(row) if row else None


async def save_plan(
    session: AsyncSession, identity: str, draft: PlanDraft, fingerprint: str, now: datetime
) -> tuple[int, bool]:
    """Create or update the plan row; (plan id, created)."""
    row = (
        await session.execute(select(PlanRow).where(PlanRow.identity == identity))
    ).scalar_one_or_none()
    created = row is None
    if row is None:
        row = PlanRow(identity=identity, imported_at=now)
        session.add(row)
    row.source, row.issuer, row.year, row.number = (
        draft.source,
        draft.issuer,
        draft.year,
        draft.number,
    )
    row.title, row.doc_date, row.fingerprint, row.updated_at = (
        draft.title,
        draft.doc_date,
        fingerprint,
        now,
    )
    await session.flush()
    return row.id, created


async def existing_tasks(session: AsyncSession, plan_id: int) -> list[ExistingTask]:
    """Every task of a plan (active or not), in document order."""
    rows = await session.execute(
        select(TaskRow).where(TaskRow.plan_id == plan_id).order_by(TaskRow.position)
    )
    return [
        ExistingTask(r.id, r.ref, r.section, r.content, r.active, _snapshot(r))
        for r in rows.scalars()
    ]


async def mentions_of(
    session: AsyncSession, task_ids: Sequence[int]
) -> dict[int, list[tuple[str, str]]]:
    """(role, mention) pairs of each task, as stored."""
    out: dict[int, list[tuple[str, str]]] = {i: [] for i in task_ids}
    if not task_ids:
        return out
    rows = await session.execute(
        select(TaskUnitRow.task_id, TaskUnitRow.role, TaskUnitRow.mention)
        .where(TaskUnitRow.task_id.in_(list(task_ids)))
        .order_by(TaskUnitRow.id)
    )
    for task_id, role, mention in rows:
        out[task_id].append((role, mention))
    return out


def _apply(row: TaskRow, values: TaskValues) -> None:
    """Write the values on a task row (new or matched)."""
    row.position, row.ref, row.section, row.content = (
        values.position,
        values.ref,
        values.section,
        values.content,
    )
    row.result, row.deadline, row.deadline_in_text = (
        values.result,
        values.deadline,
        values.deadline_in_text,
    )
    row.notes, row.inferred, row.schedule = values.notes, list(values.inferred), values.schedule
    row.schedule_kind, row.ongoing, row.deadline_unknown = (
        values.schedule_kind,
        values.ongoing,
        values.deadline_unknown,
    )
    row.search_text, row.active = values.search_text, True


async def add_task(session: AsyncSession, plan_id: int, values: TaskValues) -> int:
    """Insert a new task row; its id."""
    row = TaskRow(plan_id=plan_id)
    _apply(row, values)
    session.add(row)
    await session.flush()
    return row.id


async def update_task(session: AsyncSession, task_id: int, values: TaskValues) -> None:
    """Write new values on a stored task (its id, and so officers' records, stay)."""
    row = await session.get(TaskRow, task_id)
    assert row is not None
    _apply(row, values)


async def deactivate_tasks(session: AsyncSession, task_ids: Sequence[int]) -> None:
    """Mark tasks a revised plan no longer has; they stay for the records attached to them."""
    for task_id in task_ids:
        row = await session.get(TaskRow, task_id)
        if row is not None:
            row.active = False


async def replace_dues(
    session: AsyncSession, task_id: int, dues: Sequence[tuple[date, date, bool]]
) -> None:
    """Replace a task's due dates: (nominal date, real last day, before)."""
    await session.execute(delete(TaskDueRow).where(TaskDueRow.task_id == task_id))
    session.add_all(
        TaskDueRow(task_id=task_id, due_date=d, last_day=last, before=b) for d, last, b in dues
    )


async def replace_mentions(
    session: AsyncSession, task_id: int, mentions: Sequence[tuple[str, str]]
) -> None:
    """Replace a task's unit mentions (role, text) with unresolved ones (unit_id NULL)."""
    await session.execute(delete(TaskUnitRow).where(TaskUnitRow.task_id == task_id))
    session.add_all(
        TaskUnitRow(task_id=task_id, role=role, mention=text) for role, text in mentions
    )


async def stored_tasks(
    session: AsyncSession, plan_id: int | None = None, *, include_inactive: bool = False
) -> list[StoredTask]:
    """Tasks as plain objects, by plan then document order."""
    query = select(TaskRow, PlanRow).join(PlanRow, PlanRow.id == TaskRow.plan_id)
    if plan_id is not None:
        query = query.where(TaskRow.plan_id == plan_id)
    if not include_inactive:
        query = query.where(TaskRow.active.is_(True))
    pairs = list((await session.execute(query.order_by(PlanRow.id, TaskRow.position))).all())
    mentions = await mentions_of(session, [t.id for t, _p in pairs])
    out = []
    for task, plan in pairs:
        ms = mentions.get(task.id, [])
        out.append(
            StoredTask(
                id=task.id,
                plan_id=task.plan_id,
                ref=task.ref,
                section=task.section,
                content=task.content,
                result=task.result,
                deadline=task.deadline,
                deadline_in_text=task.deadline_in_text,
                notes=task.notes,
                lead=tuple(m for r, m in ms if r == "lead"),
                support=tuple(m for r, m in ms if r == "support"),
                schedule=Schedule.from_json(task.schedule)
                if task.schedule
                else Schedule(text="", kind="none"),
                plan_year=plan.year,
                plan_title=plan.title,
                issuer=plan.issuer,
                active=task.active,
                inferred=tuple(task.inferred or ()),
                position=task.position,
            )
        )
    return out


async def stored_plans(session: AsyncSession) -> list[StoredPlan]:
    """Every plan, oldest first."""
    return [
        _plan(r) for r in (await session.execute(select(PlanRow).order_by(PlanRow.id))).scalars()
    ]


async def unresolved_mentions_of(session: AsyncSession, plan_id: int) -> list[str]:
    """Mention texts of the plan's active tasks that no unit was found for."""
    rows = await session.execute(
        select(TaskUnitRow.mention)
        .join(TaskRow, TaskRow.id == TaskUnitRow.task_id)
        .where(TaskRow.plan_id == plan_id, TaskRow.active.is_(True), TaskUnitRow.unit_id.is_(None))
        .order_by(TaskRow.position, TaskUnitRow.id)
    )
    return list(dict.fromkeys(m for (m,) in rows))
