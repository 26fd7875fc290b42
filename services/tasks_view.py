"""Queries of the tasks a unit owes: in a period, overdue, upcoming, ongoing, by topic, by ref.

Used by ``services.ask`` and by the Telegram list commands. Period queries go through the
materialised ``task_due`` table (indexed on last_day) joined to ``task_units`` (indexed on
unit_id), so they stay fast with 100,000 tasks. An occurrence belongs to a period when its real
last day (the last working day, before a "trước" date) falls in it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.text import fold
from bot.units import Directory, Unit
from store import units_repo
from store.models import (
    CompletionRow,
    PlanRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
    UnitAliasRow,
    UnitRow,
)

UNDATED = date(1900, 1, 1)  # the completions row of an undated (ongoing) task


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


@dataclass
class _DirectoryEntry:
    directory: Directory
    covering: dict[int, frozenset[int]] = field(default_factory=dict)


_CACHE: dict[str, tuple[tuple[object, ...], _DirectoryEntry]] = {}


async def directory(session: AsyncSession) -> _DirectoryEntry:
    """The unit directory, loaded once per database and reloaded when the units change."""
    version = tuple(
        (
            await session.execute(
                select(
                    select(func.count(UnitRow.id)).scalar_subquery(),
                    select(func.max(UnitRow.id)).scalar_subquery(),
                    select(func.count(UnitAliasRow.id)).scalar_subquery(),
                    select(func.max(UnitAliasRow.id)).scalar_subquery(),
                )
            )
        ).one()
    )
    bind = session.bind
    key = str(getattr(bind, "url", "")) or str(id(bind))
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    entry = _DirectoryEntry(await units_repo.load_directory(session))
    _CACHE[key] = (version, entry)
    return entry


def covering(entry: _DirectoryEntry, unit_id: int) -> frozenset[int]:
    """The unit, its predecessors and every group covering it (the ids whose tasks it owes)."""
    if unit_id in entry.covering:
        return entry.covering[unit_id]
    d = entry.directory
    unit = d.by_id.get(unit_id)
    ids: set[int] = {unit_id}
    if unit is not None:
        owners = [unit, *d.predecessors(unit)]
        ids |= {u.id for u in owners if u.id is not None}
        for owner in owners:
            for group in d.groups_covering(owner):
                if group.id is not None and group.reminds:
                    ids.add(group.id)
    entry.covering[unit_id] = frozenset(ids)
    return entry.covering[unit_id]


async def scope_for(session: AsyncSession, unit_id: int | None, role: str | None = None) -> Scope:
    """The scope of a unit (through its groups and predecessors), or every unit for None."""
    if unit_id is None:
        return Scope(None, None, role)
    entry = await directory(session)
    return Scope(covering(entry, unit_id), unit_id, role, entry.directory.by_id.get(unit_id))


def _in_scope(stmt, scope: Scope):  # type: ignore[no-untyped-def]
    if scope.unit_ids is not None:
        stmt = stmt.where(TaskUnitRow.unit_id.in_(sorted(scope.unit_ids)))
    if scope.role:
        stmt = stmt.where(TaskUnitRow.role == scope.role)
    return stmt


def _role(old: str | None, new: str | None, scope: Scope) -> str | None:
    if scope.unit_ids is None:
        return None
    return "lead" if "lead" in (old, new) else (new or old)


async def _done(
    session: AsyncSession, scope: Scope, task_ids: Iterable[int]
) -> set[tuple[int, date]]:
    ids = sorted(set(task_ids))
    if scope.done_unit is None or not ids:
        return set()
    rows = await session.execute(
        select(CompletionRow.task_id, CompletionRow.due_date).where(
            CompletionRow.unit_id == scope.done_unit, CompletionRow.task_id.in_(ids)
        )
    )
    return {(t, d) for t, d in rows.all()}


async def occurrences(
    session: AsyncSession,
    scope: Scope,
    start: date,
    end: date,
    *,
    open_only: bool = False,
    topic: str | None = None,
) -> list[Hit]:
    """One hit per (task, occurrence) whose last day is in [start, end], by last day then task."""
    stmt = (
        select(
            TaskDueRow.task_id,
            TaskUnitRow.role,
            TaskDueRow.due_date,
            TaskDueRow.last_day,
            TaskDueRow.before,
        )
        .join(TaskUnitRow, TaskUnitRow.task_id == TaskDueRow.task_id)
        .join(TaskRow, TaskRow.id == TaskDueRow.task_id)
        .where(TaskDueRow.last_day >= start, TaskDueRow.last_day <= end, TaskRow.active.is_(True))
    )
    stmt = _topic_filter(_in_scope(stmt, scope), topic)
    found: dict[tuple[int, date], tuple[str | None, Due]] = {}
    for task_id, role, due_date, last_day, before in (await session.execute(stmt)).all():
        key = (task_id, due_date)
        old = found.get(key)
        found[key] = (_role(old[0] if old else None, role, scope), Due(due_date, last_day, before))
    done = await _done(session, scope, (k[0] for k in found))
    hits = []
    for (task_id, due_date), (role, due) in found.items():
        is_done = (task_id, due_date) in done
        if open_only and is_done:
            continue
        hits.append(Hit(task_id, role, (Due(due.due_date, due.last_day, due.before, is_done),)))
    hits.sort(key=lambda h: (h.dues[0].last_day, h.task_id))
    return await _keep_topic(session, hits, topic)


async def due_in(session: AsyncSession, scope: Scope, start: date, end: date) -> list[Hit]:
    """Occurrences due in a period, done or not."""
    return await occurrences(session, scope, start, end)


async def overdue(
    session: AsyncSession, scope: Scope, today: date, start: date | None = None
) -> list[Hit]:
    """Open occurrences whose last day has passed (since the start of last year by default)."""
    first = start or date(today.year - 1, 1, 1)
    return await occurrences(session, scope, first, today - timedelta(days=1), open_only=True)


async def upcoming(session: AsyncSession, scope: Scope, today: date, days: int = 14) -> list[Hit]:
    """Open occurrences whose last day is today or within the next ``days`` days."""
    return await occurrences(session, scope, today, today + timedelta(days=days), open_only=True)


# Abbreviations officers and plans use for the same words, both ways.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("tthc", "thu tuc hanh chinh"),
    ("pakn", "phan anh kien nghi"),
    ("dvctt", "dich vu cong truc tuyen"),
    ("dvc", "dich vu cong"),
    ("cchc", "cai cach hanh chinh"),
    ("kstthc", "kiem soat thu tuc hanh chinh"),
    ("csdl", "co so du lieu"),
    ("ttpvhcc", "trung tam phuc vu hanh chinh cong"),
    ("cds", "chuyen doi so"),
)


def topic_variants(topic: str) -> list[str]:
    """The topic as a folded phrase, and the same with abbreviations expanded or contracted."""
    base = f" {fold(topic)} "
    variants = [base]
    for short, long in SYNONYMS:
        for v in list(variants):
            if f" {short} " in v:
                variants.append(v.replace(f" {short} ", f" {long} "))
            if f" {long} " in v:
                variants.append(v.replace(f" {long} ", f" {short} "))
    return [v.strip() for v in dict.fromkeys(variants) if v.strip()]


def _like(phrase: str) -> str:
    return "%" + phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _topic_filter(stmt, topic: str | None):  # type: ignore[no-untyped-def]
    """Narrow in the database with LIKE on the folded text (one of the topic's phrasings)."""
    if not topic:
        return stmt
    options = [TaskRow.search_text.like(_like(v), escape="\\") for v in topic_variants(topic)]
    return stmt.where(or_(*options)) if options else stmt


def matches_topic(search_text: str, topic: str) -> bool:
    """Whole words only: "so hoa" is found in "so hoa ho so", not in "ke hoach" or "so 131 ... hoa"."""
    return any(
        re.search(rf"(?<![a-z0-9]){re.escape(v)}(?![a-z0-9])", search_text)
        for v in topic_variants(topic)
    )


async def _keep_topic(session: AsyncSession, hits: list[Hit], topic: str | None) -> list[Hit]:
    if not topic or not hits:
        return hits
    ids = sorted({h.task_id for h in hits})
    rows = await session.execute(select(TaskRow.id, TaskRow.search_text).where(TaskRow.id.in_(ids)))
    keep = {i for i, text in rows.all() if matches_topic(text or "", topic)}
    return [h for h in hits if h.task_id in keep]


async def tasks_of(
    session: AsyncSession,
    scope: Scope,
    today: date,
    *,
    topic: str | None = None,
    ongoing_only: bool = False,
    limit: int | None = None,
) -> list[Hit]:
    """Each task of the scope once, with its next occurrence from today (ongoing ones last)."""
    next_due = (
        select(func.min(TaskDueRow.last_day))
        .where(TaskDueRow.task_id == TaskUnitRow.task_id, TaskDueRow.last_day >= today)
        .correlate(TaskUnitRow)
        .scalar_subquery()
    )
    stmt = (
        select(TaskUnitRow.task_id, TaskUnitRow.role, TaskRow.ongoing, next_due)
        .join(TaskRow, TaskRow.id == TaskUnitRow.task_id)
        .where(TaskRow.active.is_(True))
    )
    if ongoing_only:
        stmt = stmt.where(TaskRow.ongoing.is_(True))
    stmt = _topic_filter(_in_scope(stmt, scope), topic)
    if limit is not None:
        stmt = stmt.limit(limit * 4)
    found: dict[int, tuple[str | None, bool, date | None]] = {}
    for task_id, role, is_ongoing, nxt in (await session.execute(stmt)).all():
        old = found.get(task_id)
        found[task_id] = (_role(old[0] if old else None, role, scope), bool(is_ongoing), nxt)
    found = await _with_last_past(session, found)
    pairs = [(t, v[2]) for t, v in found.items() if v[2] is not None]
    nominal = await _nominal(session, pairs)
    done = await _done(session, scope, (t for t, _ in pairs))
    hits = []
    for task_id, (role, is_ongoing, nxt) in found.items():
        due = nominal.get((task_id, nxt)) if nxt is not None else None
        if due is not None and (task_id, due.due_date) in done:
            due = Due(due.due_date, due.last_day, due.before, True)
        hits.append(Hit(task_id, role, (due,) if due else (), is_ongoing))
    hits.sort(key=lambda h: (h.dues[0].last_day if h.dues else date.max, h.task_id))
    hits = await _keep_topic(session, hits, topic)
    return hits[:limit] if limit is not None else hits


async def _with_last_past(
    session: AsyncSession, found: dict[int, tuple[str | None, bool, date | None]]
) -> dict[int, tuple[str | None, bool, date | None]]:
    """For dated tasks with nothing ahead, their latest (past) occurrence instead."""
    ids = sorted(t for t, (_r, ongoing, nxt) in found.items() if nxt is None and not ongoing)
    if not ids:
        return found
    rows = await session.execute(
        select(TaskDueRow.task_id, func.max(TaskDueRow.last_day))
        .where(TaskDueRow.task_id.in_(ids))
        .group_by(TaskDueRow.task_id)
    )
    out = dict(found)
    for task_id, last in rows.all():
        role, ongoing, _ = out[task_id]
        out[task_id] = (role, ongoing, last)
    return out


async def _nominal(
    session: AsyncSession, pairs: Sequence[tuple[int, date]]
) -> dict[tuple[int, date], Due]:
    """The occurrence rows behind (task, last day) pairs."""
    if not pairs:
        return {}
    wanted = set(pairs)
    rows = await session.execute(
        select(
            TaskDueRow.task_id, TaskDueRow.due_date, TaskDueRow.last_day, TaskDueRow.before
        ).where(
            TaskDueRow.task_id.in_(sorted({t for t, _ in pairs})),
            TaskDueRow.last_day.in_(sorted({d for _, d in pairs})),
        )
    )
    out: dict[tuple[int, date], Due] = {}
    for task_id, due_date, last_day, before in rows.all():
        if (task_id, last_day) in wanted and (task_id, last_day) not in out:
            out[(task_id, last_day)] = Due(due_date, last_day, before)
    return out


async def all_dues(
    session: AsyncSession, task_ids: Sequence[int], start: date, end: date
) -> dict[int, list[Due]]:
    """Every occurrence of the given tasks with a last day in [start, end]."""
    out: dict[int, list[Due]] = defaultdict(list)
    if not task_ids:
        return out
    rows = await session.execute(
        select(TaskDueRow.task_id, TaskDueRow.due_date, TaskDueRow.last_day, TaskDueRow.before)
        .where(
            TaskDueRow.task_id.in_(sorted(set(task_ids))),
            TaskDueRow.last_day >= start,
            TaskDueRow.last_day <= end,
        )
        .order_by(TaskDueRow.last_day)
    )
    for task_id, due_date, last_day, before in rows.all():
        out[task_id].append(Due(due_date, last_day, before))
    return out


async def by_ref(session: AsyncSession, scope: Scope, ref: str) -> list[Hit]:
    """Tasks whose ref is ``ref`` (any case; "d." also finds "Đ."), the scope's first."""
    ref = fold(ref)
    variants = {ref, ref.upper()}
    if ref.startswith("d"):
        variants |= {"Đ" + ref[1:].upper(), "đ" + ref[1:]}
    stmt = (
        select(TaskRow.id, TaskRow.ongoing)
        .where(
            TaskRow.active.is_(True),
            or_(func.lower(TaskRow.ref).in_(sorted(variants)), TaskRow.ref.in_(sorted(variants))),
        )
        .order_by(TaskRow.plan_id.desc(), TaskRow.position)
    )
    rows = (await session.execute(stmt)).all()
    if not rows:
        return []
    ids = [r[0] for r in rows]
    roles: dict[int, str | None] = {}
    if scope.unit_ids is not None:
        role_rows = await session.execute(
            _in_scope(select(TaskUnitRow.task_id, TaskUnitRow.role), scope).where(
                TaskUnitRow.task_id.in_(ids)
            )
        )
        for task_id, role in role_rows.all():
            roles[task_id] = _role(roles.get(task_id), role, scope)
    hits = [Hit(task_id, roles.get(task_id), (), bool(ongoing)) for task_id, ongoing in rows]
    hits.sort(key=lambda h: h.role is None)
    return hits


async def load(session: AsyncSession, hits: Sequence[Hit]) -> list[TaskView]:
    """Details (text, plan, lead and cooperating mentions) of the hits, in the hits' order."""
    ids = sorted({h.task_id for h in hits})
    if not ids:
        return []
    rows = await session.execute(
        select(
            TaskRow.id,
            TaskRow.ref,
            TaskRow.content,
            TaskRow.deadline,
            TaskRow.ongoing,
            PlanRow.title,
            PlanRow.id,
        )
        .join(PlanRow, PlanRow.id == TaskRow.plan_id)
        .where(TaskRow.id.in_(ids))
    )
    tasks = {r[0]: r for r in rows.all()}
    mentions: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"lead": [], "support": []})
    mrows = await session.execute(
        select(TaskUnitRow.task_id, TaskUnitRow.role, TaskUnitRow.mention)
        .where(TaskUnitRow.task_id.in_(ids))
        .order_by(TaskUnitRow.id)
    )
    for task_id, role, mention in mrows.all():
        bucket = mentions[task_id].setdefault(role, [])
        if mention not in bucket:
            bucket.append(mention)
    views = []
    for h in hits:
        r = tasks.get(h.task_id)
        if r is None:
            continue
        m = mentions[h.task_id]
        views.append(
            TaskView(
                id=r[0],
                ref=r[1],
                content=r[2],
                role=h.role,
                dues=h.dues,
                ongoing=bool(r[4]),
                deadline=r[3],
                lead=tuple(m.get("lead", ())),
                support=tuple(m.get("support", ())),
                plan_title=r[5],
                plan_id=r[6],
            )
        )
    return views


def units_named(entry: _DirectoryEntry, ids: Iterable[int]) -> list[str]:
    """Display names of unit ids (for titles)."""
    return [entry.directory.by_id[i].label for i in ids if i in entry.directory.by_id]


__all__ = [
    "UNDATED",
    "Due",
    "Hit",
    "Scope",
    "TaskView",
    "all_dues",
    "by_ref",
    "covering",
    "directory",
    "due_in",
    "load",
    "occurrences",
    "overdue",
    "scope_for",
    "tasks_of",
    "upcoming",
]
