"""Rendering a schedule back in Vietnamese for officers, with the next due date."""

from __future__ import annotations

from datetime import date, timedelta

from bot.deadlines.calendar import WorkCalendar
from bot.deadlines.schedule import Occurrence, Schedule
from bot.vndate import format_date, weekday_name

_HORIZON = timedelta(days=3 * 366)


def next_occurrence(schedule: Schedule, today: date, cal: WorkCalendar) -> Occurrence | None:
    """The first occurrence whose real last day is today or later."""
    for occ in schedule.occurrences(today - timedelta(days=40), today + _HORIZON):
        if cal.last_day(occ) >= today:
            return occ
    return None


def _day_month(d: date) -> str:
    return f"{weekday_name(d)} {d.day}/{d.month}"


def countdown(today: date, last: date, cal: WorkCalendar) -> str:
    """ "còn 3 ngày làm việc", "hạn cuối là hôm nay", "đã quá hạn 2 ngày làm việc"."""
    n = cal.working_days_until(today, last)
    if n > 0:
        return f"còn {n} ngày làm việc"
    if last == today:
        return "hạn cuối là hôm nay"
    if n == 0:
        return "hạn cuối là hôm nay"  # today is a day off after the last working day
    return f"đã quá hạn {-n} ngày làm việc"


def describe_next(schedule: Schedule, today: date, cal: WorkCalendar) -> str:
    """ "trước ngày 20 hằng tháng · lần tới: Thứ Tư, 20/8/2025 (nên gửi trước Thứ Ba 19/8) · còn 3 ngày làm việc"."""
    head = schedule.explain or schedule.text
    if schedule.kind in ("continuous", "relative", "elsewhere", "unknown", "none"):
        if schedule.ongoing and schedule.kind == "continuous":
            return f"{head} · không có hạn cố định"
        if schedule.kind in ("elsewhere", "relative"):
            return f"{head} · không có ngày hạn cố định"
        return head
    occ = next_occurrence(schedule, today, cal)
    label = "lần tới" if schedule.kind in ("recurring", "multi") else "hạn"
    if occ is None:
        past = schedule.occurrences(today - _HORIZON, today)
        if not past:
            return f"{head} · không còn lần hạn nào tới"
        occ, label = past[-1], "hạn"
    last = cal.last_day(occ)
    parts = [head, f"{label}: {format_date(occ.due)}"]
    if last != occ.due:
        parts[-1] += f" (nên gửi trước {_day_month(last)})"
    parts.append(countdown(today, last, cal))
    return " · ".join(parts)
