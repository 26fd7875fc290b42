"""Nudge exactly the units of a status board that have not reported, through the outbox.

One outbox row per (recipient, occurrence) with kind ``nudge:<today>``: the outbox's unique key
(chat, task, occurrence, kind) makes a second press on the same day queue nothing, the
dispatcher sends it paced with the ✅/⏰ buttons of a task reminder, and drops it when the unit
marks the occurrence done before it goes out. Nothing here commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.phrases import BUTTON_DONE, TEAM
from reminders import outbox
from reminders.planner import Planned
from reminders.texts import TaskLine, task_block
from services.audit import audit
from services.status import Board, OccurrenceStatus
from store.models import GroupChatRow, OfficerRow


@dataclass(frozen=True)
class NudgeResult:
    """``queued``: new outbox rows; ``recipients``/``units``: whom they go to; ``unreachable``:
    units not done that nobody follows in the bot; ``already``: rows queued before today."""

    queued: int
    recipients: int
    units: int
    unreachable: int
    already: int
    # Occurrences not nudged: last day more than NUDGE_AHEAD ahead or NUDGE_BEHIND behind today.
    out_of_window: int = 0


# A nudge is for what is due soon or overdue: a board over a long period ("tất cả", a year)
# must not send reminders of deadlines months away, nor of last year's.
NUDGE_AHEAD = timedelta(days=31)
NUDGE_BEHIND = timedelta(days=366)


def nudge_kind(board: Board) -> str:
    """One nudge per recipient, occurrence and day."""
    return f"nudge:{board.today.isoformat()}"


def nudge_text(occ: OccurrenceStatus, overdue: bool) -> str:
    """The message a unit's officers get (Telegram HTML, escaped by ``task_block``)."""
    head = f"📣 <b>{TEAM} nhắc</b>: đơn vị của anh/chị chưa hoàn thành việc này"
    if overdue:
        head += " (⚠️ đã quá hạn)"
    line = TaskLine(occ.task_id, occ.ref, occ.content, occ.due_date, occ.last_day, occ.before,
                    "lead", occ.plan_title)  # fmt: skip
    return f"{head}.\n{task_block(line)}\nĐã gửi xong thì bấm {BUTTON_DONE}."


async def _recipients(
    session: AsyncSession, unit_ids: set[int]
) -> dict[int, list[tuple[int, int | None]]]:
    """Per unit: (chat id, officer id or None for a group) of its active officers and groups."""
    out: dict[int, list[tuple[int, int | None]]] = {u: [] for u in unit_ids}
    if not unit_ids:
        return out
    officers = await session.execute(
        select(OfficerRow.unit_id, OfficerRow.telegram_id, OfficerRow.id).where(
            OfficerRow.unit_id.in_(sorted(unit_ids)),
            OfficerRow.status == "active",
            OfficerRow.chat_active.is_(True),
        )
    )
    for unit_id, chat_id, officer_id in officers.all():
        if unit_id is not None:
            out[unit_id].append((chat_id, officer_id))
    groups = await session.execute(
        select(GroupChatRow.unit_id, GroupChatRow.chat_id).where(
            GroupChatRow.unit_id.in_(sorted(unit_ids)), GroupChatRow.active.is_(True)
        )
    )
    for unit_id, chat_id in groups.all():
        out[unit_id].append((chat_id, None))
    return out


async def nudge(
    session: AsyncSession, board: Board, now: datetime, by: int | None = None
) -> NudgeResult:
    """Queue one nudge to each officer and linked group of every unit not done on the board;
    ``by`` is the coordinator's Telegram id (audit)."""
    if now.tzinfo is None:
        raise ValueError("nudge needs an aware now")
    recipients = await _recipients(session, set(board.not_done_units))
    kind, send_at = nudge_kind(board), now.astimezone(UTC)
    planned: list[Planned] = []
    reached: set[int] = set()
    unreachable: set[int] = set()
    out_of_window = 0
    for occ in board.occurrences:
        if not board.today - NUDGE_BEHIND <= occ.last_day <= board.today + NUDGE_AHEAD:
            out_of_window += 1 if occ.not_done else 0
            continue
        for unit in occ.not_done:
            chats = recipients.get(unit.unit_id) or []
            if not chats:
                unreachable.add(unit.unit_id)
                continue
            reached.add(unit.unit_id)
            text = nudge_text(occ, unit.overdue)
            for chat_id, officer_id in chats:
                planned.append(
                    Planned(chat_id, officer_id, occ.task_id, occ.due_date, kind, send_at, text)
                )
    queued = await outbox.insert_planned(session, planned)
    await audit(session, send_at, by, "status.nudge", period=board.period.label, kind=kind,
                queued=queued, units=sorted(reached))  # fmt: skip
    await session.flush()
    return NudgeResult(
        queued=queued,
        recipients=len({p.chat_id for p in planned}),
        units=len(reached),
        unreachable=len(unreachable),
        already=len(planned) - queued,
        out_of_window=out_of_window,
    )
