"""What to send when: a pure function of the obligations, the recipients and an aware window."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.assignment import Assignments, is_left_to_another
from bot.owing import Claim
from bot.reminders.policy import Policy
from bot.reminders.texts import TaskLine, digest_text, reminder_text
from bot.vndate import format_date

DIGEST_KINDS = ("digest", "weekly", "monthstart")
DIGEST_AHEAD_DAYS = 7  # the morning digest lists what falls due within a week
# The coordinators' morning list (services.escalation): ``escalate:<working days>``.
ESCALATE_KIND = "escalate:"


def after_days_of(kind: str) -> int | None:
    """N in an ``escalate:N`` kind; None for any other kind."""
    if not kind.startswith(ESCALATE_KIND):
        return None
    try:
        return max(1, int(kind[len(ESCALATE_KIND) :]))
    except ValueError:
        return None


class Calendar(Protocol):
    """The part of ``bot.deadlines.WorkCalendar`` the planner needs."""

    def is_working_day(self, d: date) -> bool: ...
    def add_working_days(self, d: date, n: int) -> date: ...


@dataclass(frozen=True)
class Recipient:
    """A private chat with an officer, or a group linked to a unit."""

    chat_id: int
    unit_id: int
    name: str
    policy: Policy
    officer_id: int | None = None  # None for a group

    @property
    def is_group(self) -> bool:
        return self.officer_id is None


@dataclass(frozen=True)
class Obligation:
    """One occurrence of a task that a recipient's unit owes (``line.role``: lead or support).

    ``direct``: the plan names the unit itself (or its predecessor), not a group covering it.
    """

    line: TaskLine
    direct: bool = True

    @property
    def claim(self) -> Claim:
        return Claim(self.line.role, self.direct)


@dataclass(frozen=True)
class Snooze:
    """The officer pressed ⏰ at ``created`` to be reminded again at ``until``."""

    created: datetime
    until: datetime


@dataclass(frozen=True)
class Planned:
    """One outbox row to be: unique on (chat_id, task_id, due_date, kind)."""

    chat_id: int
    officer_id: int | None
    task_id: int | None
    due_date: date
    kind: str
    send_at: datetime  # aware, UTC
    text: str


@dataclass
class World:
    """Everything the planner reads, already loaded from the store."""

    recipients: Sequence[tuple[Recipient, Sequence[Obligation]]]
    done: set[tuple[int, int, date]] = field(default_factory=set)  # (task, unit, due)
    snoozes: Mapping[tuple[int, int, date], Snooze] = field(
        default_factory=dict
    )  # (task, officer, due)
    # Occurrences a unit gave to one of its officers (``bot.assignment``): its other officers
    # are not reminded of them; its group chats still are.
    assigned: Assignments = field(default_factory=dict)


def snooze_kind(until: datetime) -> str:
    """The outbox kind of a snoozed reminder: one per target instant (UTC)."""
    return "snooze:" + until.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


def at(day: date, policy: Policy, tz: ZoneInfo) -> datetime:
    """The recipient's reminder time on ``day``, as an aware UTC instant."""
    return datetime.combine(day, time(policy.hour, policy.minute), tz).astimezone(UTC)


def working_days(cal: Calendar, first: date, last: date) -> Iterator[date]:
    d = first
    while d <= last:
        if cal.is_working_day(d):
            yield d
        d += timedelta(days=1)


def _count_working(cal: Calendar, after: date, until: date) -> int:
    """Working days in (after, until]."""
    return sum(1 for _ in working_days(cal, after + timedelta(days=1), until))


def task_reminders(
    rec: Recipient,
    ob: Obligation,
    cal: Calendar,
    tz: ZoneInfo,
    start: datetime,
    end: datetime,
    superseded_on: date | None = None,
) -> list[Planned]:
    """The reminders of one occurrence for one recipient with send time in [start, end)."""
    line, p = ob.line, rec.policy
    if line.role != "lead" and (rec.is_group or not p.cooperating):
        return []
    offsets = p.lead_days if line.role == "lead" else p.support_days
    wanted: list[tuple[str, date, int]] = []
    for n in offsets:
        wanted.append((f"before{n}", cal.add_working_days(line.last_day, -n), n))
    if line.role == "lead" and p.day_of:
        wanted.append(("dayof", line.last_day, 0))
    if line.role == "lead" and p.overdue:
        # Each working morning after the last day, until done or until the task's next
        # occurrence is itself overdue (then that one carries the reminders).
        first = line.last_day + timedelta(days=1)
        last = end.astimezone(tz).date()
        if superseded_on is not None:
            last = min(last, superseded_on - timedelta(days=1))
        first = max(first, start.astimezone(tz).date() - timedelta(days=1))
        for d in working_days(cal, first, last):
            wanted.append((f"overdue:{d.isoformat()}", d, _count_working(cal, line.last_day, d)))
    out = []
    for kind, day, n in wanted:
        send_at = at(day, p, tz)
        if start <= send_at < end:
            text = reminder_text(kind, line, n)
            out.append(
                Planned(rec.chat_id, rec.officer_id, line.task_id, line.due, kind, send_at, text)
            )
    return out


def _apply_snooze(
    rows: list[Planned],
    snooze: Snooze | None,
    rec: Recipient,
    line: TaskLine,
    start: datetime,
    end: datetime,
) -> list[Planned]:
    """Reminders between the press of ⏰ and ``until`` give way to one reminder at ``until``."""
    if snooze is None:
        return rows
    until = snooze.until.astimezone(UTC)
    created = snooze.created.astimezone(UTC)
    kept = [r for r in rows if not (created <= r.send_at < until)]
    if start <= until < end:
        kind = snooze_kind(until)
        text = reminder_text(kind, line)
        kept.append(Planned(rec.chat_id, rec.officer_id, line.task_id, line.due, kind, until, text))
    return kept


def _digests(
    rec: Recipient,
    obs: Sequence[Obligation],
    done: set[tuple[int, int, date]],
    cal: Calendar,
    tz: ZoneInfo,
    start: datetime,
    end: datetime,
) -> list[Planned]:
    out: list[Planned] = []
    first, last = start.astimezone(tz).date() - timedelta(days=1), end.astimezone(tz).date()
    # Digests list what the unit owes, cooperating included (unless the officer turned it off);
    # only lead tasks are called overdue.
    own = [
        o
        for o in obs
        if (o.line.task_id, rec.unit_id, o.line.due) not in done
        and (o.line.role == "lead" or rec.is_group or rec.policy.cooperating)
    ]
    for day in working_days(cal, first, last):
        send_at = at(day, rec.policy, tz)
        if not (start <= send_at < end):
            continue
        overdue = sorted(
            (o.line for o in own if o.line.last_day < day and o.line.role == "lead"),
            key=lambda x: (x.last_day, x.ref),
        )
        # Only the latest missed occurrence of each task: older ones are superseded.
        latest: dict[int, TaskLine] = {}
        for line in overdue:
            latest[line.task_id] = line
        overdue = sorted(latest.values(), key=lambda x: (x.last_day, x.ref))

        def due_between(a: date, b: date) -> list[TaskLine]:
            return sorted(
                (o.line for o in own if a <= o.line.last_day <= b),
                key=lambda x: (x.last_day, x.ref),
            )

        if not rec.is_group and rec.policy.digest:
            soon = due_between(day, day + timedelta(days=DIGEST_AHEAD_DAYS))
            if soon or overdue:
                text = digest_text(
                    f"☀️ Việc cần làm — {format_date(day)}",
                    [("Quá hạn", overdue), ("Sắp đến hạn (7 ngày)", soon)],
                )
                out.append(Planned(rec.chat_id, rec.officer_id, None, day, "digest", send_at, text))
        monday = day - timedelta(days=day.weekday())
        first_of_week = next(working_days(cal, monday, monday + timedelta(days=6)), None)
        if rec.is_group and day == first_of_week:
            week = due_between(monday, monday + timedelta(days=6))
            if week or overdue:
                text = digest_text(
                    f"🗓 Việc của đơn vị tuần này (từ {format_date(monday)})",
                    [("Quá hạn", overdue), ("Đến hạn trong tuần", week)],
                )
                out.append(Planned(rec.chat_id, None, None, day, "weekly", send_at, text))
        month_first = next(working_days(cal, day.replace(day=1), day.replace(day=28)), None)
        if day == month_first and (rec.is_group or rec.policy.digest):
            nxt = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
            month = due_between(day.replace(day=1), nxt - timedelta(days=1))
            if month:
                text = digest_text(
                    f"📅 Tháng {day.month}/{day.year}: {len(month)} việc đến hạn",
                    [("Trong tháng", month)],
                )
                out.append(
                    Planned(rec.chat_id, rec.officer_id, None, day, "monthstart", send_at, text)
                )
    return out


def owed_obligations(obs: Sequence[Obligation]) -> dict[tuple[int, date], Obligation]:
    """One obligation per (task, due date): where a unit owes an occurrence through several
    mentions, bot.owing's rule decides its role."""
    best: dict[tuple[int, date], Obligation] = {}
    for ob in obs:
        key = (ob.line.task_id, ob.line.due)
        old = best.get(key)
        if old is None or ob.claim.rank > old.claim.rank:
            best[key] = ob
    return best


def _own_share(
    best: dict[tuple[int, date], Obligation], assigned: Assignments, unit_id: int, officer_id: int
) -> dict[tuple[int, date], Obligation]:
    """The obligations left to this officer: not those assigned to another of the unit."""
    return {
        k: ob
        for k, ob in best.items()
        if not is_left_to_another(assigned, ob.line.task_id, unit_id, ob.line.due, officer_id)
    }


def plan(
    world: World, cal: Calendar, tz: ZoneInfo, start: datetime, end: datetime
) -> list[Planned]:
    """Every reminder and digest with send time in [start, end), sorted by time then chat."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("plan needs aware datetimes")
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    out: dict[tuple[int, int | None, date, str], Planned] = {}
    for rec, obs in world.recipients:
        best = owed_obligations(obs)
        if rec.officer_id is not None and world.assigned:
            best = _own_share(best, world.assigned, rec.unit_id, rec.officer_id)
        by_task: dict[int, list[date]] = {}
        for ob in best.values():
            by_task.setdefault(ob.line.task_id, []).append(ob.line.last_day)
        for ob in best.values():
            line = ob.line
            if (line.task_id, rec.unit_id, line.due) in world.done:
                continue
            later = sorted(d for d in by_task[line.task_id] if d > line.last_day)
            superseded = later[0] if later else None
            rows = task_reminders(rec, ob, cal, tz, start, end, superseded)
            if rec.officer_id is not None:
                snoozed = world.snoozes.get((line.task_id, rec.officer_id, line.due))
                rows = _apply_snooze(rows, snoozed, rec, line, start, end)
            for r in rows:
                out.setdefault((r.chat_id, r.task_id, r.due_date, r.kind), r)
        for r in _digests(rec, list(best.values()), world.done, cal, tz, start, end):
            out.setdefault((r.chat_id, r.task_id, r.due_date, r.kind), r)
    return sorted(out.values(), key=lambda r: (r.send_at, r.chat_id, r.kind, r.task_id or 0))
