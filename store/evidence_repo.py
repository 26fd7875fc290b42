"""The evidence tables (issue 16): the report attached to a completion (its number, the Telegram
file) and the pending "the next number or file is for this completion" of a chat.

Functions take a session and never commit; the caller's unit of work does. Occurrences are
given as stored: undated tasks on 1900-01-01 (``services.progress.UNDATED``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import stored_utc, to_utc
from store.models import CompletionRow, EvidenceRow, EvidenceWaitRow


@dataclass(frozen=True)
class FileRef:
    """A file as Telegram describes it; the bot keeps the description, not the bytes."""

    file_id: str
    file_unique_id: str | None
    name: str | None
    size: int | None
    mime_type: str | None


@dataclass(frozen=True)
class Evidence:
    """What a unit attached to one completion; ``number`` and ``file`` may each be missing."""

    id: int
    task_id: int
    unit_id: int
    due_date: date
    number: str | None
    file: FileRef | None
    officer_id: int | None
    attached_at: datetime


@dataclass(frozen=True)
class Wait:
    """A chat's pending attachment: the completion (task, unit, occurrence) it is for."""

    chat_id: int
    user_id: int
    task_id: int
    unit_id: int
    due_date: date
    prompt_id: int | None
    expires_at: datetime


def _evidence(row: EvidenceRow, completion: CompletionRow) -> Evidence:
    file = None
    if row.file_id:
        file = FileRef(row.file_id, row.file_unique_id, row.file_name, row.file_size, row.mime_type)
    return Evidence(row.id, completion.task_id, completion.unit_id, completion.due_date,
                    row.number, file, row.officer_id, stored_utc(row.attached_at))  # fmt: skip


async def completion_id(session: AsyncSession, task_id: int, unit_id: int, due: date) -> int | None:  # fmt: skip
    """The completion (✅) of this occurrence by this unit, if recorded."""
    return await session.scalar(
        select(CompletionRow.id).where(
            CompletionRow.task_id == task_id,
            CompletionRow.unit_id == unit_id,
            CompletionRow.due_date == due,
        )
    )


async def _row(session: AsyncSession, completion: int, officer_id: int | None, now: datetime) -> EvidenceRow:  # fmt: skip
    row = await session.scalar(select(EvidenceRow).where(EvidenceRow.completion_id == completion))
    if row is None:
        row = EvidenceRow(completion_id=completion, attached_at=to_utc(now))
        session.add(row)
    row.officer_id, row.attached_at = officer_id, to_utc(now)
    return row


async def put_number(
    session: AsyncSession, completion: int, number: str, officer_id: int | None, now: datetime
) -> None:
    """Attach (or replace) the report's number; a file attached before stays."""
    row = await _row(session, completion, officer_id, now)
    row.number = number
    await session.flush()


async def put_file(
    session: AsyncSession, completion: int, file: FileRef, officer_id: int | None, now: datetime
) -> None:
    """Attach (or replace) the report's file; a number attached before stays."""
    row = await _row(session, completion, officer_id, now)
    row.file_id, row.file_unique_id = file.file_id, file.file_unique_id
    row.file_name, row.file_size, row.mime_type = file.name, file.size, file.mime_type
    await session.flush()


async def get(session: AsyncSession, evidence_id: int) -> Evidence | None:
    """One attachment by id, with the completion it belongs to."""
    found = (
        await session.execute(
            select(EvidenceRow, CompletionRow)
            .join(CompletionRow, CompletionRow.id == EvidenceRow.completion_id)
            .where(EvidenceRow.id == evidence_id)
        )
    ).first()
    return None if found is None else _evidence(found[0], found[1])


async def of_occurrence(session: AsyncSession, task_id: int, unit_id: int, due: date) -> Evidence | None:  # fmt: skip
    """What the unit attached to its completion of this occurrence."""
    found = (
        await session.execute(
            select(EvidenceRow, CompletionRow)
            .join(CompletionRow, CompletionRow.id == EvidenceRow.completion_id)
            .where(
                CompletionRow.task_id == task_id,
                CompletionRow.unit_id == unit_id,
                CompletionRow.due_date == due,
            )
        )
    ).first()
    return None if found is None else _evidence(found[0], found[1])


async def of_tasks(
    session: AsyncSession, task_ids: Iterable[int], first: date, last: date
) -> dict[tuple[int, int, date], Evidence]:
    """Every attachment to completions of these tasks due from ``first`` to ``last``, by
    (task, unit, due date): what the status board shows."""
    ids = sorted(set(task_ids))
    if not ids:
        return {}
    rows = await session.execute(
        select(EvidenceRow, CompletionRow)
        .join(CompletionRow, CompletionRow.id == EvidenceRow.completion_id)
        .where(
            CompletionRow.task_id.in_(ids),
            CompletionRow.due_date >= first,
            CompletionRow.due_date <= last,
        )
    )
    out = {}
    for row, completion in rows.all():
        ev = _evidence(row, completion)
        out[(ev.task_id, ev.unit_id, ev.due_date)] = ev
    return out


async def remove(session: AsyncSession, task_id: int, unit_id: int, due: date) -> int:
    """Drop what was attached to this completion; return how many rows (0 or 1)."""
    completion = await completion_id(session, task_id, unit_id, due)
    if completion is None:
        return 0
    result = await session.execute(
        delete(EvidenceRow)
        .where(EvidenceRow.completion_id == completion)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


# --- the pending attachment of a chat ----------------------------------------------------------


async def put_wait(session: AsyncSession, wait: Wait) -> None:
    """Record (or replace) what the next number or file in this chat, from this person, is for."""
    row = await session.get(EvidenceWaitRow, (wait.chat_id, wait.user_id))
    if row is None:
        row = EvidenceWaitRow(chat_id=wait.chat_id, user_id=wait.user_id)
        session.add(row)
    row.task_id, row.unit_id, row.due_date = wait.task_id, wait.unit_id, wait.due_date
    row.prompt_id, row.expires_at = wait.prompt_id, to_utc(wait.expires_at)
    await session.flush()


async def get_wait(session: AsyncSession, chat_id: int, user_id: int, now: datetime) -> Wait | None:  # fmt: skip
    """The pending attachment of this person in this chat, unless expired."""
    row = await session.get(EvidenceWaitRow, (chat_id, user_id))
    if row is None or stored_utc(row.expires_at) <= to_utc(now):
        return None
    return Wait(row.chat_id, row.user_id, row.task_id, row.unit_id, row.due_date, row.prompt_id,
                stored_utc(row.expires_at))  # fmt: skip


async def clear_wait(session: AsyncSession, chat_id: int, user_id: int) -> None:
    await session.execute(
        delete(EvidenceWaitRow).where(
            EvidenceWaitRow.chat_id == chat_id, EvidenceWaitRow.user_id == user_id
        )
    )


async def purge_waits(session: AsyncSession, now: datetime) -> int:
    """Delete every expired pending attachment; return how many."""
    result = await session.execute(
        delete(EvidenceWaitRow)
        .where(EvidenceWaitRow.expires_at <= to_utc(now))
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
