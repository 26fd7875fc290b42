"""The clock is passed in: production reads the wall clock here, tests pass a fixed one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

Clock = Callable[[], datetime]


def system_clock(tz: ZoneInfo = VN_TZ) -> Clock:
    """A clock that reads the wall clock, aware in ``tz``."""
    return lambda: datetime.now(tz)


def to_utc(at: datetime) -> datetime:
    """``at`` in UTC, as the store keeps times; a naive datetime is refused (its zone unknown)."""
    if at.tzinfo is None:
        raise ValueError("aware datetimes only")
    return at.astimezone(UTC)


def stored_utc(at: datetime) -> datetime:
    """An instant read back from the store, aware in UTC (SQLite returns it naive, in UTC)."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def fixed_clock(at: datetime) -> Clock:
    """A clock frozen at ``at`` (must be aware)."""
    if at.tzinfo is None:
        raise ValueError("fixed_clock needs an aware datetime")
    return lambda: at
