"""Plans and their tasks in the store; rows become plain objects before they leave."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
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


async def find_plan_row(session: AsyncSession, identity: str) -> PlanRow | None:
    """The plan row with this identity, if any."""
    return (
        await session.execute(select(PlanRow).where(PlanRow.identity == identity))
    ).scalar_one_or_none()


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


def _columns(values: TaskValues) -> dict[str, Any]:
    """The task row's columns for these values (new or matched task)."""
    return {
        "position": values.position,
        "ref": values.ref,
        "section": values.section,
        "content": values.content,
        "result": values.result,
        "deadline": values.deadline,
        "deadline_in_text": values.deadline_in_text,
        "notes": values.notes,
        "inferred": list(values.inferred),
        "schedule": values.schedule,
        "schedule_kind": values.schedule_kind,
        "ongoing": values.ongoing,
        "deadline_unknown": values.deadline_unknown,
        "search_text": values.search_text,
        "active": True,
    }


async def add_tasks(session: AsyncSession, plan_id: int, values: Sequence[TaskValues]) -> list[int]:
    """Insert new task rows in one batch; their ids, in order."""
    if not values:
        return []
    rows = [{"plan_id": plan_id, **_columns(v)} for v in values]
    inserted = await session.execute(
        insert(TaskRow).returning(TaskRow.id, sort_by_parameter_order=True), rows
    )
    return list(inserted.scalars())


async def update_tasks(session: AsyncSession, values: Mapping[int, TaskValues]) -> None:
    """Write new values on stored tasks, in one batch (their ids, and so officers' records,
    stay)."""
    if values:
        rows = [{"id": task_id, **_columns(v)} for task_id, v in values.items()]
        await session.execute(update(TaskRow), rows)
        _expire(session, values)


def _expire(session: AsyncSession, task_ids: Iterable[int]) -> None:
    """Task rows this session loaded before a batch update are read again on their next use."""
    wanted = set(task_ids)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, TaskRow) and obj.id in wanted:
            session.expire(obj)


async def deactivate_tasks(session: AsyncSession, task_ids: Sequence[int]) -> None:
    """Mark tasks a revised plan no longer has; they stay for the records attached to them."""
    for chunk in _chunks(task_ids):
        await session.execute(
            update(TaskRow)
            .where(TaskRow.id.in_(chunk))
            .values(active=False)
            .execution_options(synchronize_session=False)
        )
    _expire(session, task_ids)


def _chunks(ids: Sequence[int], size: int = 500) -> list[list[int]]:
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


async def replace_dues_of(
    session: AsyncSession, dues: Mapping[int, Sequence[tuple[date, date, bool]]]
) -> None:
    """Replace tasks' due dates: task id → (nominal date, real last day, before)."""
    for chunk in _chunks(list(dues)):
        await session.execute(delete(TaskDueRow).where(TaskDueRow.task_id.in_(chunk)))
    rows = [
        {"task_id": t, "due_date": d, "last_day": last, "before": b}
        for t, items in dues.items()
        for d, last, b in items
    ]
    if rows:
        await session.execute(insert(TaskDueRow), rows)


Mention = tuple[str, str, int | None, str | None]  # role, text, unit id, note


async def replace_mentions_of(
    session: AsyncSession, mentions: Mapping[int, Sequence[Mention]]
) -> None:
    """Replace tasks' unit mentions: task id → (role, text, unit id or None, note)."""
    for chunk in _chunks(list(mentions)):
        await session.execute(delete(TaskUnitRow).where(TaskUnitRow.task_id.in_(chunk)))
    rows = [
        {"task_id": t, "role": role, "mention": text, "unit_id": unit, "note": note}
        for t, items in mentions.items()
        for role, text, unit, note in items
    ]
    if rows:
        await session.execute(insert(TaskUnitRow), rows)


async def retry_mentions(session: AsyncSession, mentions: Mapping[int, Sequence[Mention]]) -> None:
    """Rewrite stored mention rows resolved again (mention id → its parts): the first part
    takes the row, the others are added beside it."""
    for mention_id, parts in mentions.items():
        row = await session.get(TaskUnitRow, mention_id)
        if row is None or not parts:
            continue
        if len(parts) > 1:
            row.mention = parts[0][1]
        if parts[0][2] is not None:
            row.unit_id, row.note = parts[0][2], parts[0][3]
        session.add_all(
            TaskUnitRow(task_id=row.task_id, role=role, mention=text, unit_id=unit, note=note)
            for role, text, unit, note in parts[1:]
        )
    await session.flush()


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
