"""A plan import in three steps, so the heavy work never runs under the database's write lock.

1. ``prepare``: pure work on the draft (schedules, due dates), no database at all.
2. ``plan_changes``: reads only (the stored plan, its tasks and mentions, the unit directory),
   then the diff and the unit resolution, pure again: what a preview shows, and what to write.
3. ``write_changes``: the writes, in a few batched statements, inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rapidfuzz import fuzz

from bot.deadlines import Schedule, WorkCalendar, parse_deadline, task_context
from bot.model import PlanDraft, TaskDraft
from bot.text import fold
from services.plan_changes import PlanChanges
from store import plans_repo
from store.audit_repo import audit
from store.plans_repo import ExistingTask, TaskValues
from store.uow import Session

# Content similarity (0-100, folded text) above which a revised task is the same task.
SAME_REF_SIMILARITY = 80.0
MOVED_SIMILARITY = 85.0


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or would do, in a dry run)."""

    plan_id: int
    created: int
    updated: int
    unchanged: int
    deactivated: int
    unresolved: list[str] = field(default_factory=list)
    unknown_deadlines: list[str] = field(default_factory=list)
    plan_created: bool = False
    same_as_stored: bool = False
    # A revision of a stored plan: the tasks it adds, removes, moves or gives other units.
    changes: PlanChanges = field(default_factory=PlanChanges)


@dataclass(frozen=True)
class Prepared:
    """One task of the draft, ready to store: its row values, due dates and unit mentions."""

    task: TaskDraft
    values: TaskValues
    dues: list[tuple[date, date, bool]]
    mentions: list[tuple[str, str]]


# (role, text, unit or None, note): a mention row as it will be stored.
Resolved = tuple[str, str, Any, str | None]


@dataclass
class PlannedImport:
    """What an import will write, computed from reads only."""

    identity: str
    fingerprint: str
    state: tuple[Any, ...] | None  # the stored plan as read (id, fingerprint, updated_at)
    draft: PlanDraft
    prepared: list[Prepared]
    result: ImportResult
    pairs: dict[int, ExistingTask] = field(default_factory=dict)
    changed: set[int] = field(default_factory=set)  # indexes of matched tasks whose text changed
    new_mentions: dict[int, list[Resolved]] = field(default_factory=dict)  # by draft index
    retried: dict[int, list[Resolved]] = field(default_factory=dict)  # by stored mention id
    gone: list[int] = field(default_factory=list)


def _values(task: TaskDraft, position: int, year: int | None) -> tuple[TaskValues, Schedule]:
    context = task_context(task.content, task.notes, task.deadline_in_text)
    schedule = parse_deadline(task.deadline, year, context)
    values = TaskValues(
        position=position,
        ref=task.ref,
        section=task.section,
        content=task.content,
        result=task.result,
        deadline=task.deadline,
        deadline_in_text=task.deadline_in_text,
        notes=task.notes,
        inferred=task.inferred,
        schedule=schedule.to_json(),
        schedule_kind=schedule.kind,
        ongoing=schedule.ongoing,
        deadline_unknown=schedule.unknown,
        search_text=fold(" ".join(x for x in (task.content, task.result, task.notes) if x)),
    )
    return values, schedule


def _dues(schedule: Schedule, year: int, calendar: WorkCalendar) -> list[tuple[date, date, bool]]:
    occurrences = schedule.occurrences(date(year - 1, 1, 1), date(year + 1, 12, 31))
    return [(o.due, calendar.last_day(o), o.before) for o in occurrences]


def prepare(draft: PlanDraft, now: datetime, calendar: WorkCalendar) -> list[Prepared]:
    """Schedules and due dates of every task (CPU only: run it outside any transaction)."""
    year = draft.year or now.year
    out = []
    for position, task in enumerate(draft.tasks):
        values, schedule = _values(task, position, draft.year)
        mentions = [("lead", m) for m in task.lead] + [("support", m) for m in task.support]
        out.append(Prepared(task, values, _dues(schedule, year, calendar), mentions))
    return out


def unknown_deadlines(prepared: Sequence[Prepared]) -> list[str]:
    return [
        f"{p.task.ref}: {p.task.deadline or ''}".strip()
        for p in prepared
        if p.values.deadline_unknown
    ]


def _split_form(mentions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Mentions as unit resolution leaves them (it splits "A, B và C" into rows)."""
    from bot.units import split_mentions

    return [(role, part) for role, text in mentions for part in (split_mentions(text) or [text])]


def _same_mentions(stored: list[tuple[str, str]], draft: list[tuple[str, str]]) -> bool:
    return sorted(stored) in (sorted(draft), sorted(_split_form(draft)))


def match_tasks(
    drafts: Sequence[TaskDraft], stored: Sequence[ExistingTask]
) -> dict[int, ExistingTask]:
    """Pair each new task (by index) with a stored one: same ref and text, same text, same ref
    and similar text, then similar text anywhere (the ref moved)."""
    free = {s.id: s for s in stored}
    pairs: dict[int, ExistingTask] = {}
    folded = [fold(d.content) for d in drafts]
    stored_folded = {s.id: fold(s.content) for s in stored}

    def take(i: int, hit: ExistingTask | None) -> None:
        if hit is not None:
            pairs[i] = free.pop(hit.id)

    def best(i: int, floor: float, same_ref: bool) -> None:
        scored = [
            (fuzz.ratio(folded[i], stored_folded[s.id]), s)
            for s in free.values()
            if not same_ref or s.ref == drafts[i].ref
        ]
        top = max(scored, key=lambda x: x[0], default=None)
        take(i, top[1] if top and top[0] >= floor else None)

    for i, d in enumerate(drafts):
        same = [s for s in free.values() if s.ref == d.ref and stored_folded[s.id] == folded[i]]
        take(i, next((s for s in same if s.section == d.section), same[0] if same else None))
    for i in range(len(drafts)):
        if i not in pairs:
            take(i, next((s for s in free.values() if stored_folded[s.id] == folded[i]), None))
    for i in range(len(drafts)):
        if i not in pairs:
            best(i, SAME_REF_SIMILARITY, True)
    for i in range(len(drafts)):
        if i not in pairs:
            best(i, MOVED_SIMILARITY, False)
    return pairs


async def plan_state(session: Session, identity: str) -> tuple[Any, ...] | None:
    """The stored plan as a writer must find it unchanged: (id, fingerprint, updated_at)."""
    plan = await plans_repo.find_plan_row(session, identity)
    return None if plan is None else (plan.id, plan.fingerprint, plan.updated_at)


async def plan_changes(
    session: Session,
    draft: PlanDraft,
    prepared: list[Prepared],
    identity: str,
    print_: str,
    run: Callable[..., Any] | None = None,
) -> PlannedImport:
    """Read what is stored and work out the import (reads only). ``run(fn, *args)`` runs the
    CPU-heavy diff (e.g. in a worker thread); by default inline."""
    from services.units import issuer_scope, reading_directory
    from store.units_repo import plan_mentions

    state = await plan_state(session, identity)
    unknown = unknown_deadlines(prepared)
    if state is not None and state[1] == print_:
        stored = await plans_repo.existing_tasks(session, state[0])
        unresolved = await plans_repo.unresolved_mentions_of(session, state[0])
        result = ImportResult(state[0], 0, 0, sum(s.active for s in stored), 0, unresolved, unknown, False, True)  # fmt: skip
        return PlannedImport(identity, print_, state, draft, prepared, result)
    stored = await plans_repo.existing_tasks(session, state[0]) if state else []
    mentions = await plan_mentions(session, state[0]) if state else []
    directory = await reading_directory(session, draft.issuer)
    planned = PlannedImport(identity, print_, state, draft, prepared, ImportResult(0, 0, 0, 0, 0))
    args = (planned, stored, mentions, directory, issuer_scope(directory, draft.issuer), unknown)
    if run is None:
        _diff(*args)
    else:
        await run(_diff, *args)
    return planned


def _diff(
    planned: PlannedImport,
    stored: list[ExistingTask],
    mentions: list[Any],
    directory: Any,
    scope: Any,
    unknown: list[str],
) -> None:
    """Pair tasks, count the changes and resolve the mentions that will be (re)written."""
    from services.units import resolve_mention

    def resolve(role: str, text: str) -> list[Resolved]:
        return [
            (role, part, hit.unit if hit else None, hit.note if hit else None)
            for part, hit in resolve_mention(directory, scope, text)
        ]

    prepared = planned.prepared
    pairs = match_tasks([p.task for p in prepared], stored)
    stored_mentions: dict[int, list[Any]] = {}
    for m in mentions:
        stored_mentions.setdefault(m.task_id, []).append(m)
    created = updated = unchanged = 0
    unresolved: list[str] = []
    changes = PlanChanges()
    for i, p in enumerate(prepared):
        old = pairs.get(i)
        if old is None:
            created += 1
            if stored:
                changes.add_task(p.task.ref, p.task.content)
        changed = old is not None and old.snapshot != p.values.snapshot()
        kept = stored_mentions.get(old.id, []) if old else []
        same_units = old is not None and _same_mentions([(m.role, m.mention) for m in kept], p.mentions)  # fmt: skip
        if old is not None and old.active:
            changes.deadline(p.task.ref, old.deadline, p.task.deadline)
            if not same_units:
                changes.mentions(p.task.ref, [(m.role, m.mention) for m in kept], p.mentions)
        if old is not None:
            planned.changed.update([i] if changed else [])
            updated += changed or not same_units
            unchanged += not (changed or not same_units)
        if old is None or not same_units:
            rows = [r for role, text in p.mentions for r in resolve(role, text)]
            planned.new_mentions[i] = rows
            unresolved += [r[1] for r in rows if r[2] is None]
            continue
        for m in kept:  # kept rows still without a unit: tried again, as on every import
            if m.unit_id is None:
                planned.retried[m.id] = resolve(m.role, m.mention)
                unresolved += [r[1] for r in planned.retried[m.id] if r[2] is None]
    matched = {t.id for t in pairs.values()}
    planned.pairs = pairs
    planned.gone = [s.id for s in stored if s.id not in matched and s.active]
    for s in stored:
        if s.id in planned.gone:
            changes.remove_task(s.ref, s.content)
    for s in stored:
        for m in stored_mentions.get(s.id, []) if s.id not in matched else []:
            if m.unit_id is None:
                planned.retried[m.id] = resolve(m.role, m.mention)
                unresolved += [r[1] for r in planned.retried[m.id] if r[2] is None]
    state = planned.state
    planned.result = ImportResult(
        state[0] if state else 0, created, updated, unchanged, len(planned.gone),
        list(dict.fromkeys(unresolved)), unknown, state is None, False, changes,
    )  # fmt: skip


async def write_changes(session: Session, planned: PlannedImport, now: datetime) -> ImportResult:
    """Write a planned import in the caller's transaction: a few batched statements."""
    from services.units import unit_ids

    draft, prepared = planned.draft, planned.prepared
    plan_id, plan_created = await plans_repo.save_plan(session, planned.identity, draft, planned.fingerprint, now)  # fmt: skip
    resolved = [*planned.new_mentions.values(), *planned.retried.values()]
    units = list({r[2].key: r[2] for rows in resolved for r in rows if r[2] is not None}.values())
    ids = await unit_ids(session, draft.issuer, units)

    def rows(resolved_rows: list[Resolved]) -> list[tuple[str, str, int | None, str | None]]:
        return [
            (role, text, ids[u.key] if u else None, note) for role, text, u, note in resolved_rows
        ]

    fresh = [i for i in range(len(prepared)) if i not in planned.pairs]
    new_ids = await plans_repo.add_tasks(session, plan_id, [prepared[i].values for i in fresh])
    task_id = {**dict(zip(fresh, new_ids, strict=True)), **{i: t.id for i, t in planned.pairs.items()}}  # fmt: skip
    await plans_repo.update_tasks(session, {t.id: prepared[i].values for i, t in planned.pairs.items()})  # fmt: skip
    dues = {task_id[i]: prepared[i].dues for i in [*fresh, *planned.changed]}
    await plans_repo.replace_dues_of(session, dues)
    await plans_repo.replace_mentions_of(session, {task_id[i]: rows(r) for i, r in planned.new_mentions.items()})  # fmt: skip
    await plans_repo.retry_mentions(session, {m: rows(r) for m, r in planned.retried.items()})
    await plans_repo.deactivate_tasks(session, planned.gone)
    r = planned.result
    await audit(session, now, None, "plan_import", plan_id=plan_id, source=draft.source,
                created=r.created, updated=r.updated, unchanged=r.unchanged,
                deactivated=r.deactivated)  # fmt: skip
    await session.flush()
    return ImportResult(plan_id, r.created, r.updated, r.unchanged, r.deactivated, r.unresolved,
                        r.unknown_deadlines, plan_created, False, r.changes)  # fmt: skip
