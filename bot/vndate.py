"""Vietnamese date display: "Thứ Tư, 20/8/2025"."""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def weekday_name(d: date) -> str:
    """The weekday in Vietnamese: Thứ Hai ... Chủ nhật."""
    return WEEKDAYS[d.weekday()]


def short_date(d: date) -> str:
    """Day/month/year without leading zeros: 20/8/2025."""
    return f"{d.day}/{d.month}/{d.year}"


def format_date(d: date) -> str:
    """Weekday and date, as officers read them: Thứ Tư, 20/8/2025."""
    return f"{weekday_name(d)}, {short_date(d)}"
