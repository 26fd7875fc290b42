"""Importing a plan: idempotent, revisions update tasks in place, never long under a write lock.

The work is split (services.import_diff) so that a preview (dry run) only reads, and a real import
does its parsing, diff and unit resolution before it opens the write transaction, which then only
writes, in a few batched statements. Plans beyond any real one are refused.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.deadlines import WorkCalendar
from bot.errors import BadDocument, TthcError
from bot.model import PlanDraft
from bot.plans import read_plan
from bot.text import fold
from services.import_diff import (
    MOVED_SIMILARITY,
    SAME_REF_SIMILARITY,
    ImportResult,
    plan_changes,
    plan_state,
    prepare,
    write_changes,
)
from services.import_diff import match_tasks as match_tasks
from store.locks import Conflict, lock_plan
from store.uow import Sessions, UnitOfWork

__all__ = ["MOVED_SIMILARITY", "SAME_REF_SIMILARITY", "ImportResult", "match_tasks"]

# A real plan has tens to a few hundred tasks; beyond this a file is refused, not half-imported.
MAX_PLAN_TASKS = 2000
# A writer that finds the plan changed since it read it (another import won) reads again.
ATTEMPTS = 3


class PlanTooLarge(TthcError):
    """A plan with more tasks than any real one."""


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


def check_size(draft: PlanDraft) -> None:
    """Refuse a plan far beyond any real one, before anything is computed or stored."""
    if len(draft.tasks) > MAX_PLAN_TASKS:
        count, limit = (f"{n:,}".replace(",", ".") for n in (len(draft.tasks), MAX_PLAN_TASKS))
        raise PlanTooLarge(
            f"Kế hoạch có {count} việc, vượt giới hạn {limit} việc mỗi lần nhập. "
            "Hãy tách thành nhiều tệp."
        )


async def import_plan(
    uow: UnitOfWork, draft: PlanDraft, now: datetime, calendar: WorkCalendar
) -> ImportResult:
    """Store a plan in one transaction of ``uow`` and commit it.

    Re-importing the same document changes nothing; a revised one updates tasks in place so
    completions and snoozes (which point at task ids) stay attached. ``import_draft`` is the
    same with the heavy work kept out of the write transaction.
    """
    check_size(draft)
    planned = await plan_changes(
        uow.session, draft, prepare(draft, now, calendar), plan_identity(draft), fingerprint(draft)
    )
    if planned.result.same_as_stored:
        return planned.result
    result = await write_changes(uow.session, planned, now)
    await uow.commit()
    return result


async def import_draft(
    sessions: Sessions,
    draft: PlanDraft,
    now: datetime,
    calendar: WorkCalendar,
    *,
    dry_run: bool = False,
) -> ImportResult:
    """Preview (``dry_run``: reads only, no write lock) or import a plan.

    Parsing, the diff and unit resolution run before the write transaction, off the event loop;
    the transaction then checks the plan is still as read and writes. Two processes importing
    the same plan at once: one writes, the other reads again and finds it already stored.
    """
    check_size(draft)
    identity, print_ = plan_identity(draft), fingerprint(draft)
    prepared = await asyncio.to_thread(prepare, draft, now, calendar)
    for _attempt in range(ATTEMPTS):
        async with UnitOfWork(sessions, read_only=True) as reading:
            planned = await plan_changes(
                reading.session, draft, prepared, identity, print_, run=asyncio.to_thread
            )
        if dry_run or planned.result.same_as_stored:
            return planned.result
        try:
            async with UnitOfWork(sessions) as uow:
                await lock_plan(uow.session, identity)
                if await plan_state(uow.session, identity) != planned.state:
                    continue  # another import changed the plan since it was read
                result = await write_changes(uow.session, planned, now)
                await uow.commit()
            return result
        except Conflict:
            continue  # another process stored the same plan first: read again
    raise TthcError("Kế hoạch này đang được nhập từ nơi khác. Hãy thử lại sau ít phút.")


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
    sessions: Sessions,
    paths: Sequence[Path],
    now: datetime,
    calendar: WorkCalendar,
    *,
    dry_run: bool = False,
) -> list[FileOutcome]:
    """Read and import (or preview) each file on its own; a bad or refused file stores nothing."""
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
        try:
            result = await import_draft(sessions, draft, now, calendar, dry_run=dry_run)
        except TthcError as exc:
            out.append(FileOutcome(path, draft, None, exc.message))
            continue
        out.append(FileOutcome(path, draft, result, None))
    return out
