"""Rendering a schedule back in Vietnamese for officers, with the next due date."""

from __future__ import annotations

from datetime import date, timedelta

from bot.deadlines.calendar import WorkCalendar
from bot.deadlines.schedule import Occurrence, Schedule
from bot.phrases import last_day_phrase
from bot.vndate import format_date, short_date, weekday_name

_HORIZON = timedelta(days=3 * 366)


def next_occurrence(schedule: Schedule, today: date, cal: WorkCalendar) -> Occurrence | None:
    """The first occurrence whose real last day is today or later."""
    for occ in schedule.occurrences(today - timedelta(days=40), today + _HORIZON):
        if cal.last_day(occ) >= today:
            return occ
    return None


def _day_month(d: date) -> str:
    return f"{d.day}/{d.month}"


def plan_date_phrase(due: date, before: bool) -> str:
    """The plan's date as written: "trước ngày 20/12/2026" or "ngày 20/12/2026"."""
    return f"{'trước ' if before else ''}ngày {short_date(due)}"


def why_last_day(due: date, last: date, before: bool, cal: WorkCalendar) -> str:
    """Why the real last day is not the plan's date: "19/12 là Thứ Bảy, 20/12 là Chủ nhật",
    "2/9 là Quốc khánh", "hạn ghi trước ngày 20/8"; "" when they are the same day."""
    if last == due:
        return ""
    off = [d for d in _days(last + timedelta(days=1), due) if not cal.is_working_day(d)]
    if not off:
        return f"hạn ghi trước ngày {_day_month(due)}" if before else ""
    if len(off) > 3:
        named = next((n for d in off if (n := cal.holiday_name(d))), None)
        span = f"nghỉ từ {_day_month(off[0])} đến {_day_month(off[-1])}"
        return f"{span}: {named}" if named else span
    return ", ".join(f"{_day_month(d)} là {cal.holiday_name(d) or weekday_name(d)}" for d in off)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def deadline_lines(due: date, last: date, before: bool, cal: WorkCalendar) -> tuple[str, str]:
    """📄 Chi tiết's two lines for one occurrence: the plan's date ("trước ngày 20/12/2026") and
    the real last day with why ("chậm nhất Thứ Sáu, 18/12/2026 (19/12 là Thứ Bảy, 20/12 là
    Chủ nhật)"); the second is just "chậm nhất …" when both are the same day."""
    why = why_last_day(due, last, before, cal)
    return plan_date_phrase(due, before), last_day_phrase(last) + (f" ({why})" if why else "")


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
    """ "trước ngày 20 hằng tháng · hạn tới: Thứ Tư, 20/8/2025 (chậm nhất Thứ Ba, 19/8/2025) ·
    còn 3 ngày làm việc"."""
    head = schedule.explain or schedule.text
    if schedule.kind in ("continuous", "relative", "elsewhere", "unknown", "none"):
        if schedule.ongoing and schedule.kind == "continuous":
            return f"{head} · không có hạn cố định"
        if schedule.kind in ("elsewhere", "relative"):
            return f"{head} · không có ngày hạn cố định"
        return head
    occ = next_occurrence(schedule, today, cal)
    label = "hạn tới" if schedule.kind in ("recurring", "multi") else "hạn"
    if occ is None:
        past = schedule.occurrences(today - _HORIZON, today)
        if not past:
            return f"{head} · không còn hạn nào tới"
        occ, label = past[-1], "hạn"
    last = cal.last_day(occ)
    parts = [head, f"{label}: {format_date(occ.due)}"]
    if last != occ.due:
        parts[-1] += f" ({last_day_phrase(last)})"
    parts.append(countdown(today, last, cal))
    return " · ".join(parts)
