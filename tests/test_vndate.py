"""Vietnamese date display."""

from datetime import date

from bot.vndate import format_date, short_date


def test_wednesday_twentieth_of_august_2025_reads_in_vietnamese():
    assert format_date(date(2025, 8, 20)) == "Thứ Tư, 20/8/2025"


def test_sunday_is_chu_nhat_and_days_have_no_leading_zero():
    assert format_date(date(2025, 7, 20)) == "Chủ nhật, 20/7/2025"
    assert short_date(date(2025, 1, 5)) == "5/1/2025"
