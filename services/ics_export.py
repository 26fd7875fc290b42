"""A unit's open deadlines as an iCalendar file (.ics) for the officers' phone calendars.

One all-day event per open occurrence the unit owes, on its real last day, with a reminder
at 08:00 on the working day before. UIDs are built from the task, the nominal due date, the
unit and the deployment, so importing a newer file (or refreshing a subscription) updates the
events instead of doubling them, even when an added day off moves a real last day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from bot.deadlines import WorkCalendar
from bot.text import fold
from bot.vndate import format_date, short_date
from services import tasks_view as tv
from services.unit_lookup import unit_name
from store.uow import Session

SUMMARY_LIMIT = 120
ALARM_AT = time(8, 0)
ROLES = {"lead": "chủ trì", "support": "phối hợp"}
PRODID = "-//tthc-bot//Lich han KSTTHC//VI"
# RFC 5545 text allows no control character but the (escaped) line break; a text plan may
# carry some (\x02, \x1b …) and a strict calendar app may refuse the whole file for one.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Deadline:
    """One occurrence a unit owes, as the calendar shows it."""

    task_id: int
    ref: str
    content: str
    role: str | None
    due_date: date  # nominal, as written
    last_day: date  # the real last working day
    before: bool = False
    done: bool = False
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    plan_title: str | None = None


def deployment_domain(webhook_url: str | None, province: str | None) -> str:
    """The domain part of the events' UIDs: the webhook's host, else the province, else a default.

    The CLI and the bot derive it from the same settings, so both exports update one event."""
    host = urlsplit(webhook_url).hostname if webhook_url else None
    if host:
        return host
    if province:
        return f"{slug(province)}.tthc-bot"
    return "tthc-bot"


def slug(text: str) -> str:
    """ASCII, lower case, words joined by hyphens: "Sở Tư pháp" → "so-tu-phap"."""
    words = re.findall(r"[a-z0-9]+", fold(text).encode("ascii", "ignore").decode())
    return "-".join(words) or "don-vi"


def event_uid(task_id: int, due_date: date, unit_id: int, domain: str) -> str:
    return f"tthc-{task_id}-{due_date:%Y%m%d}-{unit_id}@{domain}"


def summary(d: Deadline) -> str:
    """ "[II.3] Báo cáo … (chủ trì)", the content shortened so that the whole fits the limit."""
    head = f"[{d.ref}] " if d.ref else ""
    role = f" ({ROLES[d.role]})" if d.role in ROLES else ""
    room = SUMMARY_LIMIT - len(head) - len(role)
    content = " ".join(d.content.split())
    if len(content) > room:
        content = content[: room - 1].rstrip() + "…"
    return f"{head}{content}{role}"


def description(d: Deadline) -> str:
    nominal = f"trước {short_date(d.due_date)}" if d.before else short_date(d.due_date)
    lines = [" ".join(d.content.split()), "", f"Hạn: {nominal}"]
    lines.append(f"Ngày làm việc cuối cùng: {format_date(d.last_day)}")
    if d.role in ROLES:
        lines.append(f"Vai trò: {ROLES[d.role]}")
    if d.lead:
        lines.append("Chủ trì: " + ", ".join(d.lead))
    if d.support:
        lines.append("Phối hợp: " + ", ".join(d.support))
    if d.plan_title:
        lines.append(f"Kế hoạch: {d.plan_title}")
    return "\n".join(lines)


def build_calendar(
    unit_id: int,
    name: str,
    deadlines: Iterable[Deadline],
    *,
    calendar: WorkCalendar,
    domain: str,
    tz: ZoneInfo,
    stamp: datetime,
) -> Calendar:
    """The calendar of ``deadlines`` (done ones left out), one all-day event each.

    The reminder is relative to the event's start (midnight, device time): 08:00 on the working
    day before the real last day. Relative triggers are the ones every phone calendar honours;
    the officers' devices run on ``tz``, which the calendar names for subscribing clients.
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = f"Hạn KSTTHC — {name}"
    cal.add("name", title)
    cal.add("x-wr-calname", title)
    cal.add("x-wr-timezone", tz.key)
    # A subscribed calendar is re-read twice a day.
    cal.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")
    seen: set[str] = set()
    for d in sorted(deadlines, key=lambda x: (x.last_day, x.task_id, x.due_date)):
        uid = event_uid(d.task_id, d.due_date, unit_id, domain)
        if d.done or uid in seen:
            continue
        seen.add(uid)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", d.last_day)
        event.add("dtend", d.last_day + timedelta(days=1))
        event.add("summary", _CONTROL.sub("", summary(d)))
        event.add("description", _CONTROL.sub("", description(d)))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["KSTTHC"])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _CONTROL.sub("", summary(d)))
        remind = datetime.combine(calendar.add_working_days(d.last_day, -1), ALARM_AT)
        alarm.add("trigger", remind - datetime.combine(d.last_day, time(0)))
        event.add_component(alarm)
        cal.add_component(event)
    return cal


async def unit_calendar(
    session: Session,
    unit_id: int,
    today: date,
    calendar: WorkCalendar,
    months: int = 12,
    *,
    tz: ZoneInfo,
    domain: str,
    now: datetime | None = None,
) -> bytes:
    """The .ics of what ``unit_id`` owes (through its groups and predecessors) whose real last
    day falls from ``today`` through ``months`` months later, not yet marked done by the unit.

    ``now`` stamps the events (DTSTAMP); without it, midnight of ``today`` in ``tz``."""
    end = _months_later(today, months)
    scope = await tv.scope_for(session, unit_id)
    page = await tv.occurrence_page(session, scope, today, end, open_only=True, limit=None)
    views = await tv.load(session, page.hits, scope)
    deadlines = [
        Deadline(
            v.id,
            v.ref,
            v.content,
            v.role,
            due.due_date,
            due.last_day,
            due.before,
            due.done,
            v.lead,
            v.support,
            v.plan_title,
        )
        for v in views
        for due in v.dues
    ]
    name = await unit_name(session, unit_id)
    stamp = now if now is not None else datetime.combine(today, time(0), tz)
    cal = build_calendar(
        unit_id, name, deadlines, calendar=calendar, domain=domain, tz=tz, stamp=stamp
    )
    return cal.to_ical()


def _months_later(day: date, months: int) -> date:
    month0 = day.month - 1 + max(months, 0)
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
