"""Importing a plan: one transaction per plan, idempotent, revisions update tasks in place."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.deadlines import Schedule, WorkCalendar, parse_deadline, task_context
from bot.errors import BadDocument
from bot.model import PlanDraft, TaskDraft
from bot.plans import read_plan
from bot.text import fold
from services.audit import audit
from services.plan_changes import PlanChanges
from store import plans_repo
from store.plans_repo import ExistingTask, TaskValues
from store.uow import UnitOfWork

# Content similarity (0-100, folded text) above which a revised task is the same task.
SAME_REF_SIMILARITY = 80.0
MOVED_SIMILARITY = 85.0


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or would do, in a dry run that is rolled back)."""

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


def plan_identity(draft: PlanDraft) -> str:
    """Who issued it and which plan: issuer + number + year, else issuer + title + year, else the file."""
    issuer = fold(draft.issuer or "")
    if draft.number:
        key = f"{issuer}|{fold(draft.number)}|{draft.year or ''}"
    elif draft.title:
        key = f"{issuer}|{fold(draft.title)}|{draft.year or ''}"
    else:
        key = f"file|{fold(draft.source)}"
    return (
        key if len(key) <= 300 else key[:250] + "#" + hashlib.sha256(key.encode()).hexdigest()[:32]
    )


def fingerprint(draft: PlanDraft) -> str:
    """A hash of everything read from the document (not its file name)."""
    body = draft.to_json()
    body.pop("source", None)
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


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


def _mentions(task: TaskDraft) -> list[tuple[str, str]]:
    return [("lead", m) for m in task.lead] + [("support", m) for m in task.support]


def _split_form(mentions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Mentions as unit resolution leaves them (it splits "A, B và C" into rows)."""
    try:
        from bot.units import split_mentions
    except ImportError:  # units not there: mentions stay as written
        return mentions
    return [(role, part) for role, text in mentions for part in (split_mentions(text) or [text])]


def _same_mentions(stored: list[tuple[str, str]], draft: list[tuple[str, str]]) -> bool:
    return sorted(stored) in (sorted(draft), sorted(_split_form(draft)))


def match_tasks(
    drafts: Sequence[TaskDraft], stored: Sequence[ExistingTask]
) -> dict[int, ExistingTask]:
    """Pair each new task (by index) with a stored one: same ref and text, same text, same ref
    and similar text, then similar text anywhere (the ref moved)."""
    free = list(stored)
    pairs: dict[int, ExistingTask] = {}
    folded = [fold(d.content) for d in drafts]
    stored_folded = {s.id: fold(s.content) for s in stored}

    def take(i: int, task: ExistingTask) -> None:
        pairs[i] = task
        free.remove(task)

    for i, d in enumerate(drafts):
        hit = next(
            (
                s
                for s in free
                if s.ref == d.ref and stored_folded[s.id] == folded[i] and s.section == d.section
            ),
            None,
        )
        hit = hit or next(
            (s for s in free if s.ref == d.ref and stored_folded[s.id] == folded[i]), None
        )
        if hit:
            take(i, hit)
    for i, _d in enumerate(drafts):
        if i not in pairs:
            hit = next((s for s in free if stored_folded[s.id] == folded[i]), None)
            if hit:
                take(i, hit)
    for i, d in enumerate(drafts):
        if i in pairs:
            continue
        scored = [(fuzz.ratio(folded[i], stored_folded[s.id]), s) for s in free if s.ref == d.ref]
        best = max(scored, key=lambda x: x[0], default=None)
        if best and best[0] >= SAME_REF_SIMILARITY:
            take(i, best[1])
    for i, _d in enumerate(drafts):
        if i in pairs:
            continue
        scored = [(fuzz.ratio(folded[i], stored_folded[s.id]), s) for s in free]
        best = max(scored, key=lambda x: x[0], default=None)
        if best and best[0] >= MOVED_SIMILARITY:
            take(i, best[1])
    return pairs


def _dues(schedule: Schedule, year: int, calendar: WorkCalendar) -> list[tuple[date, date, bool]]:
    occurrences = schedule.occurrences(date(year - 1, 1, 1), date(year + 1, 12, 31))
    return [(o.due, calendar.last_day(o), o.before) for o in occurrences]


async def _resolve_units(session: AsyncSession, plan_id: int) -> list[str] | None:
    try:
        from services.units import resolve_plan_units
    except ImportError:  # the units part is not installed: mentions stay unresolved
        return None
    return await resolve_plan_units(session, plan_id)


async def import_plan(
    uow: UnitOfWork, draft: PlanDraft, now: datetime, calendar: WorkCalendar
) -> ImportResult:
    """Store a plan read from a document, inside the caller's unit of work (which commits).

    Re-importing the same document changes nothing; a revised one updates tasks in place so
    completions and snoozes (which point at task ids) stay attached.
    """
    session = uow.session
    identity, print_ = plan_identity(draft), fingerprint(draft)
    year = draft.year or now.year
    unknown = []
    prepared = []
    for position, task in enumerate(draft.tasks):
        values, schedule = _values(task, position, draft.year)
        prepared.append((task, values, schedule))
        if schedule.unknown:
            unknown.append(f"{task.ref}: {task.deadline or ''}".strip())
    existing_plan = await plans_repo.find_plan(session, identity)
    if existing_plan is not None and existing_plan.fingerprint == print_:
        stored = await plans_repo.existing_tasks(session, existing_plan.id)
        unresolved = await plans_repo.unresolved_mentions_of(session, existing_plan.id)
        return ImportResult(
            existing_plan.id,
            0,
            0,
            sum(s.active for s in stored),
            0,
            unresolved,
            unknown,
            False,
            True,
        )
    plan_id, plan_created = await plans_repo.save_plan(session, identity, draft, print_, now)
    stored = await plans_repo.existing_tasks(session, plan_id)
    pairs = match_tasks([t for t, _v, _s in prepared], stored)
    stored_mentions = await plans_repo.mentions_of(session, [s.id for s in stored])
    created = updated = unchanged = 0
    changes = PlanChanges()
    for i, (task, values, schedule) in enumerate(prepared):
        mentions = _mentions(task)
        old = pairs.get(i)
        if old is None:
            if stored:
                changes.add_task(task.ref, task.content)
            task_id = await plans_repo.add_task(session, plan_id, values)
            await plans_repo.replace_dues(session, task_id, _dues(schedule, year, calendar))
            await plans_repo.replace_mentions(session, task_id, mentions)
            created += 1
            continue
        changed = old.snapshot != values.snapshot()
        await plans_repo.update_task(session, old.id, values)
        if changed:
            await plans_repo.replace_dues(session, old.id, _dues(schedule, year, calendar))
        if old.active:
            changes.deadline(task.ref, old.deadline, task.deadline)
        same_units = _same_mentions(stored_mentions.get(old.id, []), mentions)
        if not same_units:
            if old.active:
                changes.mentions(task.ref, stored_mentions.get(old.id, []), mentions)
            await plans_repo.replace_mentions(session, old.id, mentions)
        if changed or not same_units:
            updated += 1
        else:
            unchanged += 1
    matched = {t.id for t in pairs.values()}
    gone = [s.id for s in stored if s.id not in matched and s.active]
    for s in stored:
        if s.id in gone:
            changes.remove_task(s.ref, s.content)
    await plans_repo.deactivate_tasks(session, gone)
    await session.flush()
    resolved = await _resolve_units(session, plan_id)
    unresolved = (
        resolved
        if resolved is not None
        else await plans_repo.unresolved_mentions_of(session, plan_id)
    )
    await audit(
        session,
        now,
        None,
        "plan_import",
        plan_id=plan_id,
        source=draft.source,
        created=created,
        updated=updated,
        unchanged=unchanged,
        deactivated=len(gone),
    )
    await session.flush()
    return ImportResult(
        plan_id,
        created,
        updated,
        unchanged,
        len(gone),
        unresolved,
        unknown,
        plan_created,
        False,
        changes,
    )


MAX_WARNINGS = 12  # lines of warnings kept for a preview


def read_warnings(draft: PlanDraft, result: ImportResult | None) -> list[str]:
    """What the coordinator should check before importing: the reader's warnings, then the
    deadlines it did not understand."""
    out = list(draft.report.warnings)
    if result is not None and result.unknown_deadlines:
        unknown = result.unknown_deadlines
        shown = "; ".join(unknown[:5]) + (
            f" và {len(unknown) - 5} việc khác" if len(unknown) > 5 else ""
        )
        out.append(f"⚠️ {len(unknown)} thời hạn chưa hiểu được: {shown}.")
    return out


@dataclass(frozen=True)
class FileOutcome:
    """One file of a batch import: its draft and result, or the reason it was refused."""

    path: Path
    draft: PlanDraft | None
    result: ImportResult | None
    error: str | None


async def import_files(
    sessions: async_sessionmaker[AsyncSession],
    paths: Sequence[Path],
    now: datetime,
    calendar: WorkCalendar,
    *,
    dry_run: bool = False,
) -> list[FileOutcome]:
    """Read and import each file in its own transaction; a bad file stores nothing."""
    out = []
    for path in paths:
        try:
            draft = read_plan(path)
        except BadDocument as exc:
            out.append(FileOutcome(path, None, None, exc.message))
            continue
        except OSError as exc:
            out.append(FileOutcome(path, None, None, f"Không đọc được tệp: {exc.strerror or exc}"))
            continue
        async with UnitOfWork(sessions) as uow:
            result = await import_plan(uow, draft, now, calendar)
            if not dry_run:
                await uow.commit()
        out.append(FileOutcome(path, draft, result, None))
    return out
