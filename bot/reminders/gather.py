"""How a claim's outbox rows become messages: one per reminder, but one overdue list per
recipient and morning, and one catch-up per recipient after downtime.

Where the overdue list is gathered, and why there. Each overdue reminder stays its own outbox
row, keyed (chat, task, occurrence, ``overdue:<day>``), exactly as the planner writes it; at send
time the dispatcher gathers the due overdue rows of one chat into one message and marks them all
sent with that message's id. The other design, the planner writing one row per recipient and
morning (no task, kind ``overdue-digest``, the list inside), was rejected: that row is written up
to two days ahead, so a task marked ✅ before 08:00 would still be listed unless the row were
rewritten; a ⏰ on one task would have to edit someone's list; and rows without a task are not
covered by the outbox's unique key (they need the planner's lock and a check before insert).
Per-task rows keep every guarantee as it is: ✅ and ⏰ drop or move one task's rows
(``services.progress``) and the dispatcher drops done ones it claims, the unique key keeps
re-planning idempotent, and the claim and its lease cover a gathered message like any other —
``store.outbox_claims.claim`` takes a chat's due overdue rows together, and a crash before they are marked
sent leaves them all claimed, to go out again together once the lease runs out. The list is
built when it is sent, from the task's current text and the calendar's working days. It is the
mechanism that already gathered a recipient's missed reminders after downtime, so both
gatherings live here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from zoneinfo import ZoneInfo

from bot.deadlines import WorkCalendar
from bot.phrases import BUTTON_DETAIL, BUTTON_DONE, BUTTON_SNOOZE
from bot.reminders.items import OVERDUE_KIND as OVERDUE
from bot.reminders.items import OutboxItem, SendItem
from bot.reminders.planner import DIGEST_KINDS
from bot.reminders.texts import (
    DONE_PREFIX,
    SNOOZE_PREFIX,
    OverdueLine,
    callback_data,
    detail_data,
    gathered_text,
    list_buttons,
    overdue_list_text,
)

MAX_LISTED = 8  # tasks listed with their ✅/⏰ row; the rest are counted ("và N việc khác")


def is_overdue(kind: str) -> bool:
    """An ``overdue:<day>`` reminder (one working morning of an overdue occurrence)."""
    return kind.startswith(OVERDUE)


def task_buttons(task_id: int, due: date) -> list[tuple[str, str]]:
    """The ✅ Xong · ⏰ Nhắc sau · 📄 Chi tiết row under a single task reminder."""
    return [
        (BUTTON_DONE, callback_data(DONE_PREFIX, task_id, due)),
        (BUTTON_SNOOZE, callback_data(SNOOZE_PREFIX, task_id, due)),
        (BUTTON_DETAIL, detail_data(task_id, due)),
    ]


def superseded(rows: Sequence[OutboxItem], is_late: Callable[[OutboxItem], bool]) -> list[int]:
    """Rows made useless by a newer reminder of the same occurrence to the same chat: one missed
    during downtime, or one due at the same instant (a ⏰ ending on an overdue morning); of two
    due together the overdue one is kept, as it joins that morning's list."""
    stale: list[int] = []
    newest: dict[tuple[int, int, date], OutboxItem] = {}
    for c in sorted(rows, key=lambda c: (c.send_at, is_overdue(c.kind), c.id)):
        if c.task_id is None:
            continue
        key = (c.chat_id, c.task_id, c.due_date)
        prev = newest.get(key)
        if prev is not None and (is_late(prev) or prev.send_at == c.send_at):
            stale.append(prev.id)
        newest[key] = c
    return stale


@dataclass(frozen=True)
class Batch:
    """Rows going out as one message: ``single``, ``overdue`` (the list) or ``catchup``."""

    kind: str
    rows: tuple[OutboxItem, ...]


def batches(rows: Sequence[OutboxItem], is_late: Callable[[OutboxItem], bool]) -> list[Batch]:
    """Per chat: its overdue rows (two or more) as one list, its other late rows (two or more)
    as one catch-up, everything else one message each; in order of the first row's time."""
    by_chat: dict[int, list[OutboxItem]] = defaultdict(list)
    for c in sorted(rows, key=lambda c: (c.send_at, c.id)):
        by_chat[c.chat_id].append(c)
    out: list[Batch] = []
    for chat_rows in by_chat.values():
        rest = chat_rows
        overdue = [c for c in chat_rows if is_overdue(c.kind)]
        if len(overdue) > 1:
            out.append(Batch("overdue", tuple(overdue)))
            rest = [c for c in chat_rows if not is_overdue(c.kind)]
        late = [c for c in rest if is_late(c)]
        if len(late) > 1:
            out.append(Batch("catchup", tuple(late)))
            rest = [c for c in rest if not is_late(c)]
        out.extend(Batch("single", (c,)) for c in rest)
    return sorted(out, key=lambda b: (b.rows[0].send_at, b.rows[0].id))


def _morning(c: OutboxItem, tz: ZoneInfo) -> date:
    try:
        return date.fromisoformat(c.kind[len(OVERDUE) :])
    except ValueError:
        return c.send_at.astimezone(tz).date()


def overdue_lines(
    rows: Sequence[OutboxItem],
    info: Mapping[tuple[int, date], tuple[str, str, date]],
    cal: WorkCalendar,
    tz: ZoneInfo,
) -> dict[int, OverdueLine]:
    """The list line of each overdue row (by row id), from each occurrence's (ref, content, last
    day) as the task is now (``info``) and the working days."""
    out: dict[int, OverdueLine] = {}
    for c in rows:
        if c.task_id is None:
            continue
        # A task deleted since planning is still listed (nothing is lost), by its number.
        ref, content, last = info.get(
            (c.task_id, c.due_date), ("", f"Việc #{c.task_id}", c.due_date)
        )
        days = cal.days_late(last, _morning(c, tz))
        out[c.id] = OverdueLine(c.task_id, c.due_date, ref, content, last, max(1, days))
    return out


def message(
    batch: Batch,
    lines: Mapping[int, OverdueLine],
    marks: Mapping[tuple[int, date], str] | None = None,
) -> SendItem:
    """The message carrying ``batch``; ``lines`` holds the list line of each overdue row.

    ``marks`` (drawn again after a press): an occurrence marked done or snoozed says so and
    loses its buttons; the other tasks keep theirs."""
    marks = marks or {}
    rows = batch.rows
    ids = tuple(r.id for r in rows)
    if batch.kind == "overdue":
        listed = sorted((lines[r.id] for r in rows), key=lambda x: (x.last_day, x.ref, x.task_id))
        buttons = [
            list_buttons(i, x.task_id, x.due)
            for i, x in enumerate(listed[:MAX_LISTED], 1)
            if (x.task_id, x.due) not in marks
        ]
        text = overdue_list_text(listed, MAX_LISTED, marks)
        return SendItem(rows[0].chat_id, text, buttons or None, ids)
    if batch.kind == "catchup":
        return SendItem(rows[0].chat_id, gathered_text([r.text for r in rows]), None, ids)
    r = rows[0]
    single = None
    text = r.text
    mark = marks.get((r.task_id, r.due_date)) if r.task_id is not None else None
    if mark:
        text = f"{text}\n<b>{escape(mark)}</b>"
    elif r.task_id is not None and r.kind not in DIGEST_KINDS:
        single = [task_buttons(r.task_id, r.due_date)]
    return SendItem(r.chat_id, text, single, ids)


def sent_batch(rows: Sequence[OutboxItem]) -> Batch:
    """The batch a sent message carried, from its rows read back (a press draws it again)."""
    overdue = [r for r in rows if is_overdue(r.kind)]
    if len(overdue) > 1:
        return Batch("overdue", tuple(overdue))
    return Batch("catchup" if len(rows) > 1 else "single", tuple(rows))
