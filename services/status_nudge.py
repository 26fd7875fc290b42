"""Nudge exactly the units of a status board that have not reported, through the outbox.

One outbox row per (recipient, occurrence) with kind ``nudge:<today>``: the outbox's unique key
(chat, task, occurrence, kind) makes a second press on the same day queue nothing, the
dispatcher sends it paced with the ✅/⏰ buttons of a task reminder, and drops it when the unit
marks the occurrence done before it goes out. ``nudge`` commits; ``trial_nudge`` counts what
it would queue and rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.phrases import BUTTON_DONE, TEAM
from bot.reminders.planner import Planned
from bot.reminders.texts import TaskLine, task_block
from services.status import Board, OccurrenceStatus
from store import outbox_repo
from store.uow import Session, UnitOfWork


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


async def _queue(uow: UnitOfWork, board: Board, now: datetime, by: int | None) -> NudgeResult:
    """Queue the nudges in ``uow``'s transaction (not committed) and say what they reach."""
    if now.tzinfo is None:
        raise ValueError("nudge needs an aware now")
    recipients = await uow.status.chats_of(set(board.not_done_units))
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
    queued = await outbox_repo.insert_planned(uow.session, planned)
    await uow.audit.record(send_at, by, "status.nudge", period=board.period.label, kind=kind,
                           queued=queued, units=sorted(reached))  # fmt: skip
    return NudgeResult(
        queued=queued,
        recipients=len({p.chat_id for p in planned}),
        units=len(reached),
        unreachable=len(unreachable),
        already=len(planned) - queued,
        out_of_window=out_of_window,
    )


async def nudge(
    db: UnitOfWork | Session, board: Board, now: datetime, by: int | None = None
) -> NudgeResult:
    """Queue one nudge to each officer and linked group of every unit not done on the board,
    and commit; ``by`` is the coordinator's Telegram id (audit)."""
    uow = UnitOfWork.over(db)
    result = await _queue(uow, board, now, by)
    await uow.commit()
    return result


async def trial_nudge(
    db: UnitOfWork | Session, board: Board, now: datetime, by: int | None = None
) -> NudgeResult:
    """What ``nudge`` would queue now, counted and rolled back: nothing is written (📣 asks
    before ✔️ sends)."""
    uow = UnitOfWork.over(db)
    result = await _queue(uow, board, now, by)
    await uow.rollback()
    return result
