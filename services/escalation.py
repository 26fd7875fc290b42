"""Escalation: lead units still not done N working days after an occurrence's real last day,
in one morning message to the coordinators (one list, not a message per task), with the status
board's 📣 button.

How it reaches them once per morning. The planner (``services.reminders.plan_outbox``) writes
one outbox row per coordinator and working morning — no task, kind ``escalate:<N>``, due date
the morning — under the planner's lock and the no-task rows' check before insert (the digests'
dedupe): however many planning runs, restarts or processes, one row per (coordinator, morning).
The row's text is only a placeholder: the dispatcher claims the row (lease, one sender) and
builds the list when it sends it (``send_items``), from the store as it is then, so a unit that
marked ✅ at 07:59 is not listed; a morning with nothing to list, a day off, or yesterday's row
after downtime is dropped, not sent. The 📣 button carries the status board's nudge callback
(``sn:<start>:<end>:a``, ``handlers.status.encode``) over the escalated occurrences' last days:
pressing it is the board's 📣 (rights checked again, once per unit and day,
``services.status_nudge``). Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from bot.deadlines import WorkCalendar
from bot.phrases import (
    BUTTON_NUDGE,
    escalation_head,
    escalation_more,
    escalation_tail,
    late_phrase,
)
from bot.reminders.items import OutboxItem, SendItem
from bot.reminders.planner import ESCALATE_KIND, Planned, after_days_of, at, working_days
from bot.reminders.policy import from_settings
from bot.units import Unit
from bot.vndate import short_date
from services.status_owing import resolve_owing
from store import escalation_repo, units_repo
from store.uow import Session

KIND = ESCALATE_KIND
DEFAULT_AFTER_DAYS = 3
LOOKBACK = timedelta(days=366)  # the nudge's own window (services.status_nudge.NUDGE_BEHIND)
MAX_LISTED = 15  # occurrences listed; the rest counted ("và N việc khác")
MAX_UNITS = 6  # unit names per occurrence; the rest counted
MAX_CHARS = 3_500


def kind_for(after_days: int) -> str:
    return f"{KIND}{after_days}"


def nudge_data(start: date, end: date) -> str:
    """The status board's 📣 callback over [start, end], every task (``handlers.status``)."""
    return f"sn:{start:%Y%m%d}:{end:%Y%m%d}:a"


@dataclass(frozen=True)
class Escalated:
    """One occurrence with the lead units still not done ``days_late`` working days on."""

    task_id: int
    ref: str
    content: str
    due_date: date
    last_day: date
    days_late: int
    units: tuple[str, ...]


async def escalated(
    session: Session, today: date, after_days: int, cal: WorkCalendar
) -> list[Escalated]:
    """Occurrences (the latest missed one of each task for each unit) whose real last day is at
    least ``after_days`` working days before ``today`` and whose lead units (``bot.owing``'s
    rule, as on the status board, silent members of a group included) have not all marked them
    done; the most overdue first."""
    rows = await escalation_repo.occurrences_between(
        session, today - LOOKBACK, today - timedelta(days=after_days)
    )
    late = [r for r in rows if -cal.working_days_until(today, r[2]) >= after_days]
    if not late:
        return []
    task_ids = sorted({r[0] for r in late})
    mentions = await escalation_repo.mentions_of(session, task_ids)
    done = await escalation_repo.done_units(
        session, task_ids, min(r[1] for r in late), max(r[1] for r in late)
    )
    directory = await units_repo.load_directory(session)
    cache: dict[int, list[Unit]] = {}
    resolved: dict[tuple[tuple[str, int | None], ...], list[int]] = {}
    by_task: dict[int, list[tuple[int, date, date, str, str]]] = {}
    for r in sorted(late, key=lambda r: r[2], reverse=True):
        by_task.setdefault(r[0], []).append((r[0], r[1], r[2], r[3] or "", r[4] or ""))
    out: list[Escalated] = []
    for task_id, newest_first in by_task.items():
        named = mentions.get(task_id, [])
        key = tuple((role, unit_id) for role, _mention, unit_id in named)
        if key not in resolved:  # most tasks name the same groups: resolved once
            owed = resolve_owing(directory, named, set(), cache)
            units = [u.id for u, _via in owed.units if u.id is not None]
            units += [i for _label, silent in owed.silent for i in silent]
            resolved[key] = list(dict.fromkeys(units))
        # Only the latest missed occurrence of the task for each unit (older ones are
        # superseded, as in the overdue reminders): walk back from the newest, keeping the
        # units that had done each one.
        looking = set(resolved[key])
        for t, due, last, ref, content in newest_first:
            if not looking:
                break
            did = done.get((t, due), set())
            missed = looking - did
            looking &= did
            if missed:
                names = tuple(sorted(directory.by_id[u].name for u in missed))
                days = -cal.working_days_until(today, last)
                out.append(Escalated(t, ref, content, due, last, days, names))
    return sorted(out, key=lambda x: (x.last_day, x.ref, x.task_id))


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def message_text(items: Sequence[Escalated], after_days: int) -> str:
    """The coordinators' list (Telegram HTML, escaped), bounded in lines and length."""
    out = [escalation_head(len(items), after_days)]
    size = len(out[0])
    for i, x in enumerate(items):
        names = ", ".join(escape(n) for n in x.units[:MAX_UNITS])
        if len(x.units) > MAX_UNITS:
            names += f" và {len(x.units) - MAX_UNITS} đơn vị khác"
        line = (
            f"• <b>Mục {escape(x.ref)}</b> {escape(_short(x.content, 90))} — hạn chậm nhất "
            f"{short_date(x.last_day)}, {late_phrase(x.days_late)}: {names}"
        )
        if i >= MAX_LISTED or size + len(line) > MAX_CHARS:
            out.append(escalation_more(len(items) - i))
            break
        out.append(line)
        size += len(line) + 1
    out.append(escalation_tail())
    return "\n".join(out)


def message_buttons(items: Sequence[Escalated]) -> list[list[tuple[str, str]]]:
    first, last = min(x.last_day for x in items), max(x.last_day for x in items)
    return [[(BUTTON_NUDGE, nudge_data(first, last))]]


async def planned(
    session: Session,
    cal: WorkCalendar,
    tz: ZoneInfo,
    start: datetime,
    end: datetime,
    after_days: int,
) -> list[Planned]:
    """One row per active coordinator (and administrator) and working morning whose send time
    (the officer's reminder hour) is in [start, end); the text is built when sent."""
    staff = await escalation_repo.active_staff(session)
    out: list[Planned] = []
    first, last = start.astimezone(tz).date() - timedelta(days=1), end.astimezone(tz).date()
    for chat_id, officer_id, settings in staff:
        policy = from_settings(settings)
        for day in working_days(cal, first, last):
            send_at = at(day, policy, tz)
            if start <= send_at < end:
                out.append(Planned(chat_id, officer_id, None, day, kind_for(after_days), send_at,
                                   escalation_head(0, after_days)))  # fmt: skip
    return out


async def send_items(
    session: Session,
    rows: Sequence[OutboxItem],
    today: date,
    cal: WorkCalendar,
    is_late: Callable[[OutboxItem], bool],
) -> tuple[list[SendItem], list[int]]:
    """The messages of claimed escalation rows, built now, and the rows to drop (another
    morning's, a day off, nothing to list)."""
    items: list[SendItem] = []
    dropped: list[int] = []
    built: dict[int, tuple[str, list[list[tuple[str, str]]]] | None] = {}
    for c in rows:
        n = after_days_of(c.kind) or DEFAULT_AFTER_DAYS
        if c.due_date != today or not cal.is_working_day(today):
            dropped.append(c.id)
            continue
        if n not in built:
            found = await escalated(session, today, n, cal)
            built[n] = (message_text(found, n), message_buttons(found)) if found else None
        message = built[n]
        if message is None:
            dropped.append(c.id)
            continue
        items.append(SendItem(c.chat_id, message[0], message[1], (c.id,)))
    return items, dropped
