"""Officers, roles, invites, approvals, group links, and who may see or change which task.

Nothing here commits: the caller's unit of work does. Errors the user should read are raised as
``bot.errors.NotAllowed`` / ``NotFound`` with a Vietnamese message.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import NotAllowed, NotFound
from bot.text import fold
from store.models import (
    AuditRow,
    CompletionRow,
    GroupChatRow,
    InviteRow,
    OfficerRow,
    PlanRow,
    SettingRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
    UnitAliasRow,
    UnitRow,
)

OFFICER, COORDINATOR, ADMIN = "officer", "coordinator", "administrator"
ROLES = (OFFICER, COORDINATOR, ADMIN)
INVITE_TTL = timedelta(days=7)


@dataclass(frozen=True)
class Officer:
    """A registered person as the adapters see them."""

    id: int
    telegram_id: int
    name: str
    unit_id: int | None
    unit_name: str | None
    role: str
    status: str
    settings: dict[str, object] = field(default_factory=dict)

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @property
    def is_coordinator(self) -> bool:
        """Coordinators and administrators manage officers and plans."""
        return self.is_active and self.role in (COORDINATOR, ADMIN)


@dataclass(frozen=True)
class UnitChoice:
    """A unit offered to a user (matcher candidate)."""

    id: int
    name: str


@dataclass(frozen=True)
class TaskLine:
    """One occurrence of a task a unit owes."""

    task_id: int
    ref: str
    content: str
    due_date: date | None
    last_day: date | None
    role: str  # lead | support
    done: bool
    plan_title: str | None = None
    deadline: str | None = None
    superseded: bool = False  # a later occurrence of the task has passed too


def _utc(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("aware datetimes only")
    return at.astimezone(UTC)


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


async def _officer(session: AsyncSession, row: OfficerRow) -> Officer:
    unit = await session.get(UnitRow, row.unit_id) if row.unit_id else None
    return Officer(
        row.id,
        row.telegram_id,
        row.name,
        row.unit_id,
        unit.name if unit else None,
        row.role,
        row.status,
        dict(row.settings or {}),
    )


async def _audit(session: AsyncSession, now: datetime, actor: int | None, action: str, **detail: object) -> None:  # fmt: skip
    session.add(AuditRow(at=_utc(now), actor=actor, action=action, detail=dict(detail)))


# ------------------------------------------------------------------------------ officers
async def get_officer(session: AsyncSession, telegram_id: int) -> Officer | None:
    """The officer with this Telegram id, whatever their status."""
    row = await session.scalar(select(OfficerRow).where(OfficerRow.telegram_id == telegram_id))
    return await _officer(session, row) if row else None


async def get_officer_by_id(session: AsyncSession, officer_id: int) -> Officer | None:
    row = await session.get(OfficerRow, officer_id)
    return await _officer(session, row) if row else None


async def identify(
    session: AsyncSession, telegram_id: int, name: str, admin_ids: tuple[int, ...], now: datetime
) -> Officer | None:
    """The officer behind a Telegram user; the deployment's first administrators are created here."""
    found = await get_officer(session, telegram_id)
    if found is not None or telegram_id not in admin_ids:
        return found
    return await add_officer(session, telegram_id, name, None, ADMIN, now)


async def add_officer(
    session: AsyncSession,
    telegram_id: int,
    name: str,
    unit_id: int | None,
    role: str,
    now: datetime,
    status: str = "active",
) -> Officer:
    """Create or update the officer with this Telegram id."""
    if role not in ROLES:
        raise NotAllowed(f"Vai trò không hợp lệ: {role} (officer, coordinator, administrator).")
    row = await session.scalar(select(OfficerRow).where(OfficerRow.telegram_id == telegram_id))
    if row is None:
        row = OfficerRow(telegram_id=telegram_id, created_at=_utc(now), settings={})
        session.add(row)
    row.name, row.unit_id, row.role, row.status, row.chat_active = name, unit_id, role, status, True
    await _audit(
        session, now, telegram_id, "officer.set", unit_id=unit_id, role=role, status=status
    )
    await session.flush()
    return await _officer(session, row)


async def remove_officer(session: AsyncSession, telegram_id: int, now: datetime) -> bool:
    """Mark the officer removed (records stay); False when there is no such officer."""
    row = await session.scalar(select(OfficerRow).where(OfficerRow.telegram_id == telegram_id))
    if row is None:
        return False
    row.status = "removed"
    await _audit(session, now, None, "officer.remove", telegram_id=telegram_id)
    await session.flush()
    return True


async def reopen_chat(session: AsyncSession, telegram_id: int) -> None:
    """The user wrote to the bot again: their chat can receive messages (after a block)."""
    row = await session.scalar(select(OfficerRow).where(OfficerRow.telegram_id == telegram_id))
    if row is not None and not row.chat_active:
        row.chat_active = True
        await session.flush()


async def list_officers(session: AsyncSession) -> list[Officer]:
    rows = (await session.scalars(select(OfficerRow).order_by(OfficerRow.id))).all()
    return [await _officer(session, r) for r in rows]


async def approvers(session: AsyncSession) -> list[Officer]:
    """Active coordinators and administrators (who approve newcomers)."""
    rows = (
        await session.scalars(
            select(OfficerRow).where(
                OfficerRow.role.in_((COORDINATOR, ADMIN)), OfficerRow.status == "active"
            )
        )
    ).all()
    return [await _officer(session, r) for r in rows]


async def find_officers(session: AsyncSession, name: str) -> list[Officer]:
    """Active officers whose name contains ``name`` (accents and case ignored)."""
    want = fold(name).strip()
    rows = (await session.scalars(select(OfficerRow).where(OfficerRow.status == "active"))).all()
    return [await _officer(session, r) for r in rows if want and want in fold(r.name)]


async def update_settings(session: AsyncSession, officer_id: int, changes: dict[str, object]) -> dict[str, object]:  # fmt: skip
    """Merge ``changes`` into the officer's reminder settings; return the new settings."""
    row = await session.get(OfficerRow, officer_id)
    if row is None:
        raise NotFound("Không tìm thấy cán bộ.")
    merged = dict(row.settings or {})
    merged.update(changes)
    row.settings = merged
    await session.flush()
    return merged


# ------------------------------------------------------------------------------ invites, approvals
async def create_invite(
    session: AsyncSession,
    unit_id: int,
    created_by: int | None,
    now: datetime,
    role: str = OFFICER,
    ttl: timedelta = INVITE_TTL,
) -> str:
    """A new single-use code for ``unit_id``; only its hash is stored."""
    code = secrets.token_urlsafe(12)
    session.add(
        InviteRow(
            code_hash=_hash(code),
            unit_id=unit_id,
            role=role,
            created_by=created_by,
            expires_at=_utc(now + ttl),
        )
    )
    await _audit(session, now, created_by, "invite.create", unit_id=unit_id, role=role)
    await session.flush()
    return code


async def redeem_invite(
    session: AsyncSession, code: str, telegram_id: int, name: str, now: datetime
) -> Officer:
    """Register the user in the invite's unit and spend the code."""
    row = await session.scalar(select(InviteRow).where(InviteRow.code_hash == _hash(code)))
    if row is None:
        raise NotAllowed("Mã mời không hợp lệ. Hãy xin điều phối viên một liên kết mới.")
    if row.used_at is not None:
        raise NotAllowed("Mã mời này đã được dùng. Mỗi liên kết chỉ dùng được một lần.")
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
    if expires <= _utc(now):
        raise NotAllowed("Mã mời đã hết hạn. Hãy xin điều phối viên một liên kết mới.")
    existing = await get_officer(session, telegram_id)
    if existing is not None and existing.status == "removed":
        raise NotAllowed("Tài khoản của bạn đã bị gỡ. Hãy liên hệ điều phối viên.")
    row.used_at, row.used_by = _utc(now), telegram_id
    role = existing.role if existing and existing.role != OFFICER else row.role
    officer = await add_officer(session, telegram_id, name, row.unit_id, role, now)
    await _audit(session, now, telegram_id, "invite.redeem", unit_id=row.unit_id)
    return officer


async def request_approval(
    session: AsyncSession, telegram_id: int, name: str, unit_id: int, now: datetime
) -> Officer:
    """Record a newcomer waiting for a coordinator's decision."""
    existing = await get_officer(session, telegram_id)
    if existing is not None and existing.status in ("active", "removed"):
        raise NotAllowed("Tài khoản này không thể đăng ký lại. Hãy liên hệ điều phối viên.")
    if await session.get(UnitRow, unit_id) is None:
        raise NotFound("Không tìm thấy đơn vị.")
    return await add_officer(session, telegram_id, name, unit_id, OFFICER, now, status="pending")


async def decide(
    session: AsyncSession, officer_id: int, approve: bool, by: Officer, now: datetime
) -> Officer:
    """A coordinator approves or rejects a pending officer."""
    if not by.is_coordinator:
        raise NotAllowed("Chỉ điều phối viên mới duyệt được đăng ký.")
    row = await session.get(OfficerRow, officer_id)
    if row is None:
        raise NotFound("Không tìm thấy yêu cầu đăng ký.")
    if row.status != "pending":
        raise NotAllowed("Yêu cầu này đã được xử lý.")
    row.status = "active" if approve else "rejected"
    await _audit(session, now, by.telegram_id, "officer.approve" if approve else "officer.reject",
                 officer_id=officer_id)  # fmt: skip
    await session.flush()
    return await _officer(session, row)


# ------------------------------------------------------------------------------ units, groups
async def find_units(session: AsyncSession, text: str, limit: int = 5) -> list[UnitChoice]:
    """Candidate units for what a user typed: the units matcher when present, else name search."""
    try:
        from services.units import find_unit
    except ImportError:
        find_unit = None  # type: ignore[assignment]
    if find_unit is not None:
        matches = await find_unit(session, text)
        out: list[UnitChoice] = []
        for m in matches[:limit]:
            uid = m.unit.id
            if uid is None:
                uid = await session.scalar(select(UnitRow.id).where(UnitRow.key == m.unit.key))
            if uid is not None:
                out.append(UnitChoice(int(uid), m.unit.name))
        if out:
            return out
    want = fold(text).strip()
    if not want:
        return []
    hits: dict[int, str] = {}
    for unit in (await session.scalars(select(UnitRow).where(UnitRow.active.is_(True)))).all():
        if want in fold(unit.name) or (unit.short_name and want in fold(unit.short_name)):
            hits[unit.id] = unit.name
    aliases = await session.execute(
        select(UnitAliasRow.unit_id, UnitRow.name)
        .join(UnitRow, UnitRow.id == UnitAliasRow.unit_id)
        .where(UnitAliasRow.folded.contains(want))
    )
    for uid, name in aliases.all():
        hits.setdefault(uid, name)
    return [UnitChoice(uid, name) for uid, name in sorted(hits.items(), key=lambda h: len(h[1]))][:limit]  # fmt: skip


async def unit_name(session: AsyncSession, unit_id: int) -> str:
    unit = await session.get(UnitRow, unit_id)
    if unit is None:
        raise NotFound("Không tìm thấy đơn vị.")
    return unit.name


async def covering(session: AsyncSession, unit_id: int) -> set[int]:
    """The unit ids whose tasks ``unit_id`` owes (itself, predecessors, covering groups)."""
    try:
        from services.units import covering_unit_ids
    except ImportError:
        return {unit_id}
    return set(await covering_unit_ids(session, unit_id)) | {unit_id}


async def link_group(
    session: AsyncSession, chat_id: int, title: str | None, unit_id: int, by: int, now: datetime
) -> None:
    """Link a group chat to one unit (re-linking moves it)."""
    row = await session.scalar(select(GroupChatRow).where(GroupChatRow.chat_id == chat_id))
    if row is None:
        row = GroupChatRow(chat_id=chat_id, created_at=_utc(now))
        session.add(row)
    row.title, row.unit_id, row.linked_by, row.active = title, unit_id, by, True
    await _audit(session, now, by, "group.link", chat_id=chat_id, unit_id=unit_id)
    await session.flush()


async def unlink_group(session: AsyncSession, chat_id: int, now: datetime) -> bool:
    """The bot left a group: nothing more is sent there (the link is kept, inactive)."""
    row = await session.scalar(select(GroupChatRow).where(GroupChatRow.chat_id == chat_id))
    if row is None or not row.active:
        return False
    row.active = False
    await _audit(session, now, None, "group.unlink", chat_id=chat_id)
    await session.flush()
    return True


async def group_unit(session: AsyncSession, chat_id: int) -> int | None:
    """The unit a group chat is linked to, if any."""
    return await session.scalar(
        select(GroupChatRow.unit_id).where(
            GroupChatRow.chat_id == chat_id, GroupChatRow.active.is_(True)
        )
    )


# ------------------------------------------------------------------------------ tasks and access
async def owes(session: AsyncSession, task_id: int, unit_id: int) -> str | None:
    """The unit's role in the task ("lead" or "support"), None when it owes nothing there."""
    roles = set(
        (
            await session.scalars(
                select(TaskUnitRow.role).where(
                    TaskUnitRow.task_id == task_id,
                    TaskUnitRow.unit_id.in_(await covering(session, unit_id)),
                )
            )
        ).all()
    )
    if not roles:
        return None
    return "lead" if "lead" in roles else "support"


async def _latest_past(session: AsyncSession, task_ids: set[int], today: date) -> dict[int, date]:
    """Each task's latest real last day before ``today`` (over all its occurrences)."""
    if not task_ids:
        return {}
    rows = await session.execute(
        select(TaskDueRow.task_id, func.max(TaskDueRow.last_day))
        .where(TaskDueRow.task_id.in_(task_ids), TaskDueRow.last_day < today)
        .group_by(TaskDueRow.task_id)
    )
    return {task_id: last for task_id, last in rows.all()}


async def unit_tasks(
    session: AsyncSession,
    unit_id: int,
    start: date,
    end: date,
    open_only: bool = False,
    today: date | None = None,
) -> list[TaskLine]:
    """Occurrences of the unit's tasks whose real last day falls in [start, end], by date.

    With ``today``, a past occurrence that a later past occurrence of the same task replaces is
    superseded: only the latest can be overdue (a plan imported in November must not list
    January's monthly report as owed; the reminders planner follows the same rule). Lists of
    open work (``open_only``) leave superseded occurrences out; period lists mark them.
    """
    ids = await covering(session, unit_id)
    rows = await session.execute(
        select(TaskRow, TaskDueRow, TaskUnitRow.role, PlanRow.title)
        .join(TaskDueRow, TaskDueRow.task_id == TaskRow.id)
        .join(TaskUnitRow, TaskUnitRow.task_id == TaskRow.id)
        .join(PlanRow, PlanRow.id == TaskRow.plan_id)
        .where(
            TaskRow.active.is_(True),
            TaskUnitRow.unit_id.in_(ids),
            TaskDueRow.last_day >= start,
            TaskDueRow.last_day <= end,
        )
        .order_by(TaskDueRow.last_day, TaskRow.plan_id, TaskRow.position)
    )
    done = set(
        (
            await session.execute(
                select(CompletionRow.task_id, CompletionRow.due_date).where(
                    CompletionRow.unit_id == unit_id
                )
            )
        ).all()
    )
    found = rows.all()
    latest = (
        await _latest_past(session, {task.id for task, *_ in found}, today)
        if today is not None
        else {}
    )
    lines: dict[tuple[int, date], TaskLine] = {}
    for task, due, role, title in found:
        superseded = due.last_day < latest.get(task.id, date.min)
        if superseded and open_only:
            continue
        key = (task.id, due.due_date)
        prev = lines.get(key)
        if prev is not None and (prev.role == "lead" or role != "lead"):
            continue
        is_done = key in done
        if open_only and is_done:
            continue
        lines[key] = TaskLine(task.id, task.ref, task.content, due.due_date, due.last_day,
                              role, is_done, title, task.deadline, superseded)  # fmt: skip
    return list(lines.values())


async def task_line(
    session: AsyncSession, task_id: int, unit_id: int, due: date | None
) -> TaskLine:
    """One occurrence of a task as the unit sees it (raises NotAllowed when it owes nothing)."""
    role = await owes(session, task_id, unit_id)
    if role is None:
        raise NotAllowed("Việc này không thuộc đơn vị của bạn.")
    task = await session.get(TaskRow, task_id)
    if task is None or not task.active:
        raise NotFound("Việc này không còn trong kế hoạch.")
    plan = await session.get(PlanRow, task.plan_id)
    last = None
    if due is not None:
        last = await session.scalar(
            select(TaskDueRow.last_day).where(
                TaskDueRow.task_id == task_id, TaskDueRow.due_date == due
            )
        )
        if last is None:
            raise NotFound("Hạn này không còn trong kế hoạch.")
    done = await session.scalar(
        select(CompletionRow.id).where(
            CompletionRow.task_id == task_id,
            CompletionRow.unit_id == unit_id,
            or_(CompletionRow.due_date == due, CompletionRow.due_date == date(1900, 1, 1))
            if due is None
            else CompletionRow.due_date == due,
        )
    )
    return TaskLine(task.id, task.ref, task.content, due, last, role, done is not None,
                    plan.title if plan else None, task.deadline)  # fmt: skip


async def task_detail(session: AsyncSession, task_id: int) -> dict[str, object]:
    """The stored fields of a task for the 📄 Chi tiết view."""
    task = await session.get(TaskRow, task_id)
    if task is None:
        raise NotFound("Không tìm thấy việc này.")
    plan = await session.get(PlanRow, task.plan_id)
    units = (
        await session.execute(
            select(TaskUnitRow.role, TaskUnitRow.mention).where(TaskUnitRow.task_id == task_id)
        )
    ).all()
    return {
        "ref": task.ref,
        "content": task.content,
        "result": task.result,
        "deadline": task.deadline,
        "notes": task.notes,
        "plan": plan.title if plan else None,
        "lead": [m for r, m in units if r == "lead"],
        "support": [m for r, m in units if r == "support"],
    }


async def find_task(session: AsyncSession, code: str) -> int:
    """The task a coordinator names: its code (#12) or its ref in the plan (II.3) when unique.

    A bare number is read as a ref first (plans number their rows "01", "3"), else as a code.
    """
    code = code.strip()
    if code.startswith("#") and code[1:].isdigit():
        return int(code[1:])
    ids = (
        await session.scalars(
            select(TaskRow.id).where(
                TaskRow.active.is_(True), func.upper(TaskRow.ref) == code.upper()
            )
        )
    ).all()
    if not ids and code.isdigit():
        return int(code)
    if not ids:
        raise NotFound(f"Không tìm thấy việc mục {code}.")
    if len(ids) > 1:
        raise NotFound(
            f"Có {len(ids)} việc cùng mục {code} (ở các kế hoạch khác nhau); "
            "hãy dùng mã việc (#số) trong 📄 Chi tiết."
        )
    return ids[0]


async def assign_task(
    session: AsyncSession, task_id: int, officer: Officer, by: Officer, now: datetime
) -> None:
    """A coordinator hands a task to a named officer (recorded; the adapter notifies them)."""
    if not by.is_coordinator:
        raise NotAllowed("Chỉ điều phối viên mới giao việc được.")
    if await session.get(TaskRow, task_id) is None:
        raise NotFound("Không tìm thấy việc này.")
    await _audit(session, now, by.telegram_id, "task.assign", task_id=task_id,
                 officer_id=officer.id)  # fmt: skip
    await session.flush()


async def callback_secret(session: AsyncSession) -> bytes:
    """A deployment secret for signing buttons when there is no token (created once)."""
    row = await session.get(SettingRow, "callback_secret")
    if row is None:
        row = SettingRow(key="callback_secret", value=secrets.token_hex(32))
        session.add(row)
        await session.flush()
    return row.value.encode()
