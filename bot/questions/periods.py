"""Periods of days: a month, a quarter, a week, a day, what is left of one. How a question names
them ("tháng 8", "t8", "quý III", "từ 1/8 đến 15/9") is read by ``bot.questions.period_words``."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from bot.vndate import short_date


@dataclass(frozen=True)
class Period:
    """A closed range of days, with how the officer named it."""

    start: date
    end: date
    label: str

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    def to_json(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), month_end(year, month), f"tháng {month}/{year}")


def quarter_period(year: int, q: int) -> Period:
    roman = ("I", "II", "III", "IV")[q - 1]
    return Period(date(year, 3 * q - 2, 1), month_end(year, 3 * q), f"quý {roman}/{year}")


def week_period(day: date, label: str) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6), label)


def day_period(day: date, label: str | None = None) -> Period:
    return Period(day, day, label or short_date(day))


def remaining(period: Period, today: date) -> Period:
    """What is left of ``period`` from ``today`` (the period itself when it starts later)."""
    if not period.start < today <= period.end:
        return period
    return Period(today, period.end, f"từ nay đến {short_date(period.end)}")
