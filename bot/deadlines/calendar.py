"""Working days: Monday to Friday minus Vietnam's public holidays minus extra days off."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays

from bot.deadlines.schedule import Occurrence

_ONE = timedelta(days=1)


@lru_cache(maxsize=1)
def _vietnam() -> holidays.HolidayBase:
    """Vietnam's public holidays with Vietnamese names ("Tết Nguyên Đán"), years filled lazily
    on lookup. One object for the process: building it (and each year's dates) cost a
    calendar per update a fraction of a millisecond, and the dates never change."""
    return holidays.country_holidays("VN", language="vi")


@lru_cache(maxsize=256)
def _public_days(year: int) -> frozenset[date]:
    """Vietnam's public holidays (observed days included) falling in ``year``. A set lookup
    instead of the package's per-lookup key checks: counting the working days of a long
    overdue task looks up every day in between."""
    return frozenset(d for d in holidays.country_holidays("VN", years=year) if d.year == year)


def _weekdays_upto(ordinal: int) -> int:
    """Monday-to-Friday days among ordinals 1..``ordinal`` (ordinal 1, 1 January of year 1, is
    a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


class WorkCalendar:
    """Mon-Fri minus `holidays.VN` (Tết, Hùng Kings, 30/4, 1/5, 2/9, observed days) minus extras."""

    def __init__(self, extra_days_off: Iterable[date] = ()) -> None:
        self._extra = frozenset(extra_days_off)

    def is_holiday(self, d: date) -> bool:
        """A public holiday or an extra day off (whatever the weekday)."""
        return d in self._extra or d in _public_days(d.year)

    def holiday_name(self, d: date) -> str | None:
        """The holiday's name as the `holidays` package gives it, or None."""
        if d in self._extra:
            return "Ngày nghỉ bổ sung"
        return _vietnam().get(d)

    def is_working_day(self, d: date) -> bool:
        return d.weekday() < 5 and not self.is_holiday(d)

    def previous_working_day(self, d: date) -> date:
        """`d` itself when it is a working day, else the working day before it."""
        while not self.is_working_day(d):
            d -= _ONE
        return d

    def last_day(self, occ: Occurrence) -> date:
        """The real last working day: the day before X for `before`, then back to a working day."""
        d = occ.due - _ONE if occ.before else occ.due
        return self.previous_working_day(d)

    def working_days_until(self, today: date, d: date) -> int:
        """Working days in (today, d]; negative (working days in (d, today]) when d is past."""
        if d == today:
            return 0
        lo, hi, sign = (today, d, 1) if d > today else (d, today, -1)
        # Counted, not walked (a task overdue for a year is asked about on every /viec): the
        # weekdays in (lo, hi], minus the days off among them that fall on a weekday.
        off = {h for h in self._extra if lo < h <= hi}
        for year in range(lo.year, hi.year + 1):
            off.update(h for h in _public_days(year) if lo < h <= hi)
        weekdays = _weekdays_upto(hi.toordinal()) - _weekdays_upto(lo.toordinal())
        return sign * (weekdays - sum(1 for h in off if h.weekday() < 5))

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after `d` (before it when n < 0); n = 0 gives `d` unchanged."""
        step = _ONE if n >= 0 else -_ONE
        left = abs(n)
        while left:
            d += step
            if self.is_working_day(d):
                left -= 1
        return d

    def days_late(self, last: date, today: date) -> int:
        """Working days an occurrence whose real last day is ``last`` is late on ``today``: the
        working days in (last, today], at least 1 once ``last`` has passed (0 before). The one
        count of lateness: lists, reminders, answers and /quahan all use it."""
        if today <= last:
            return 0
        return max(1, -self.working_days_until(today, last))

    def next_working_day_after(self, d: date, n: int = 1) -> date:
        """The ``n``-th working day after ``d`` (``d`` itself never counts)."""
        return self.add_working_days(d, max(1, n))
