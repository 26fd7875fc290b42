"""The report attached to a completion (issue 16): offering, waiting for, keeping and fetching it.

After ✅ an officer may attach the report's number or its file. Who may: an active officer of
the unit that completed it, or a coordinator/administrator; the completion must exist. Pressing
📎 records a wait (chat, person → completion, 30 minutes) in the store, so that whichever
replica gets the next message takes it. Coordinators fetch a file from the status board. Each
use case takes a unit of work and commits itself; ``drop_evidence`` is what undoing ✅ calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot import phrases
from bot.errors import NotAllowed, NotFound
from bot.evidence import MAX_NAME, BadEvidence, clean_number, clean_text, file_too_big
from bot.questions.reply import shorten as clip
from bot.vndate import short_date
from services.officers import Officer
from services.progress import UNDATED
from store import evidence_repo as repo
from store.evidence_repo import Evidence, FileRef, Wait
from store.uow import UnitOfWork

WAIT_FOR = timedelta(minutes=30)


@dataclass(frozen=True)
class Attached:
    """What was attached, to which task and occurrence (``due`` None: an undated task)."""

    task_id: int
    ref: str
    due: date | None
    number: str | None
    file_name: str | None


def stored_due(due: date | None) -> date:
    return due or UNDATED


def _due(stored: date) -> date | None:
    return None if stored == UNDATED else stored


def may_attach(officer: Officer, unit_id: int) -> bool:
    """An active officer of the unit, or a coordinator/administrator."""
    return officer.is_active and (officer.is_coordinator or officer.unit_id == unit_id)


async def _completion(uow: UnitOfWork, officer: Officer, task_id: int, unit_id: int, due: date) -> int:  # fmt: skip
    if not may_attach(officer, unit_id):
        raise NotAllowed(phrases.EVIDENCE_OTHER_UNIT)
    found = await repo.completion_id(uow.session, task_id, unit_id, due)
    if found is None:
        raise NotFound(phrases.EVIDENCE_NOT_DONE)
    return found


async def start(
    uow: UnitOfWork, officer: Officer, chat_id: int, task_id: int, due: date | None,
    unit_id: int, prompt_id: int | None, now: datetime,
) -> Wait:  # fmt: skip
    """📎 pressed: the next number or file this officer sends in this chat is for the unit's
    completion of (task, due), for ``WAIT_FOR``. Expired waits of every chat are purged."""
    await _completion(uow, officer, task_id, unit_id, stored_due(due))
    await repo.purge_waits(uow.session, now)
    wait = Wait(chat_id, officer.telegram_id, task_id, unit_id, stored_due(due), prompt_id,
                now + WAIT_FOR)  # fmt: skip
    await repo.put_wait(uow.session, wait)
    await uow.commit()
    return wait


async def pending(uow: UnitOfWork, chat_id: int, user_id: int, now: datetime) -> Wait | None:
    """The person's unexpired wait in this chat (read-only units of work welcome)."""
    return await repo.get_wait(uow.session, chat_id, user_id, now)


async def skip(uow: UnitOfWork, chat_id: int, user_id: int) -> None:
    """Bỏ qua: nothing is attached; the completion stays as it is."""
    await repo.clear_wait(uow.session, chat_id, user_id)
    await uow.commit()


async def _attached(uow: UnitOfWork, wait: Wait, officer: Officer, now: datetime, **detail: object) -> str:  # fmt: skip
    await repo.clear_wait(uow.session, wait.chat_id, wait.user_id)
    await uow.audit.record(now, officer.telegram_id, "task.evidence", task_id=wait.task_id,
                           unit_id=wait.unit_id, due_date=wait.due_date.isoformat(), **detail)  # fmt: skip
    ref = await uow.overview.task_ref(wait.task_id)
    await uow.commit()
    return ref or ""


async def attach_number(uow: UnitOfWork, officer: Officer, wait: Wait, text: str, now: datetime) -> Attached:  # fmt: skip
    """Keep the typed number with the completion the wait is for (rights checked again)."""
    number = clean_number(text)
    completion = await _completion(uow, officer, wait.task_id, wait.unit_id, wait.due_date)
    await repo.put_number(uow.session, completion, number, officer.id, now)
    ref = await _attached(uow, wait, officer, now, number=number)
    return Attached(wait.task_id, ref, _due(wait.due_date), number, None)


async def attach_number_to(
    uow: UnitOfWork, officer: Officer, task_id: int, due: date | None, unit_id: int, text: str,
    now: datetime,
) -> Attached:  # fmt: skip
    """Keep a number typed with its task in one message (Zalo's «bc 2 123/BC-STP»): no wait."""
    wait = Wait(0, 0, task_id, unit_id, stored_due(due), None, now)
    return await attach_number(uow, officer, wait, text, now)


async def attach_file(
    uow: UnitOfWork, officer: Officer, wait: Wait, file: FileRef, now: datetime,
    number: str | None = None,
) -> Attached:  # fmt: skip
    """Keep the file's description (Telegram keeps the bytes) with the completion, and the
    number too when the file's caption gave one."""
    if file_too_big(file.size):
        raise BadEvidence(phrases.EVIDENCE_TOO_BIG)
    if not file.file_id or len(file.file_id) > 256:
        raise BadEvidence(phrases.EVIDENCE_GONE)
    name = clean_text(file.name or "", MAX_NAME) or None
    kept = FileRef(file.file_id, (file.file_unique_id or "")[:64] or None, name,
                   file.size, clean_text(file.mime_type or "", 127) or None)  # fmt: skip
    completion = await _completion(uow, officer, wait.task_id, wait.unit_id, wait.due_date)
    await repo.put_file(uow.session, completion, kept, officer.id, now)
    if number is not None:
        number = clean_number(number)
        await repo.put_number(uow.session, completion, number, officer.id, now)
    ref = await _attached(uow, wait, officer, now, file_name=name, file_size=file.size,
                          number=number)  # fmt: skip
    return Attached(wait.task_id, ref, _due(wait.due_date), number, name)


async def drop_evidence(uow: UnitOfWork, task_id: int, due: date | None, unit_id: int) -> int:
    """Undoing ✅: drop what the unit attached to that completion (call it before the completion
    row is deleted; the foreign key's ON DELETE CASCADE covers a caller that forgets). Commits.

    Inside another use case's transaction, call ``store.evidence_repo.remove`` instead."""
    dropped = await repo.remove(uow.session, task_id, unit_id, stored_due(due))
    await uow.commit()
    return dropped


async def fetch(uow: UnitOfWork, officer: Officer, evidence_id: int) -> Evidence:
    """An attachment for a coordinator (📎 on the status board); rights checked here."""
    if not officer.is_coordinator:
        raise NotAllowed(phrases.EVIDENCE_OTHER_UNIT)
    found = await repo.get(uow.session, evidence_id)
    if found is None or found.file is None:
        raise NotFound(phrases.EVIDENCE_GONE)
    return found


async def caption(uow: UnitOfWork, found: Evidence) -> str:
    """The re-sent file's caption: "📎 Báo cáo của Sở Tư pháp — mục 1, hạn 20/8/2025 · số 123/BC-STP"."""
    ref = await uow.overview.task_ref(found.task_id)
    unit = await uow.units.name(found.unit_id)
    text = f"📎 Báo cáo của {unit if unit is not None else 'đơn vị'} — mục {ref if ref is not None else '?'}"
    due = _due(found.due_date)
    if due is not None:
        text += f", hạn {short_date(due)}"
    if found.number:
        text += f" · số {found.number}"
    return clip(text, 1000)
