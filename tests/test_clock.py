"""The one UTC helper pair (bot.clock): times go into the store in UTC, aware; times read back
from it are aware in UTC (SQLite gives them back naive)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.clock import stored_utc, to_utc

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_an_aware_time_goes_into_the_store_in_utc_and_a_naive_one_is_refused() -> None:
    at = to_utc(datetime(2026, 3, 9, 8, 30, tzinfo=VN))
    assert at == datetime(2026, 3, 9, 1, 30, tzinfo=UTC) and at.utcoffset() is not None
    assert at.tzinfo is UTC
    with pytest.raises(ValueError):
        to_utc(datetime(2026, 3, 9, 8, 30))


def test_a_time_read_back_naive_is_utc_and_an_aware_one_is_the_same_instant() -> None:
    assert stored_utc(datetime(2026, 3, 9, 1, 30)) == datetime(2026, 3, 9, 1, 30, tzinfo=UTC)
    aware = stored_utc(datetime(2026, 3, 9, 8, 30, tzinfo=VN))
    assert aware.tzinfo is UTC and aware.hour == 1
