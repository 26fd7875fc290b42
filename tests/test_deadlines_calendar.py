"""Working days: weekends, Tết 2025 and 2026, 30/4-1/5, 2/9, extra days off."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.deadlines import Occurrence, WorkCalendar, describe_next, parse_deadline

CAL = WorkCalendar()


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (date(2025, 1, 27), date(2025, 1, 31)),  # Tết Ất Tỵ: Sat 25/1 to Sun 2/2
        (date(2026, 2, 16), date(2026, 2, 20)),  # Tết Bính Ngọ: Sat 14/2 to Sun 22/2
    ],
)
def test_every_weekday_of_the_tet_break_is_a_day_off(first: date, last: date) -> None:
    assert [d for d in _days(first, last) if CAL.is_working_day(d)] == []
    assert CAL.is_working_day(first - timedelta(days=3))  # the Friday before
    assert CAL.is_working_day(last + timedelta(days=3))  # the Monday after


def test_the_package_calls_tet_by_its_vietnamese_name() -> None:
    assert CAL.holiday_name(date(2025, 1, 29)) == "Tết Nguyên Đán"
    assert CAL.holiday_name(date(2026, 2, 17)) == "Tết Nguyên Đán"


def test_a_due_date_on_the_first_day_of_tet_2025_moves_back_to_the_friday_before() -> None:
    assert CAL.last_day(Occurrence(date(2025, 1, 29), False)) == date(2025, 1, 24)


def test_a_due_date_inside_tet_2026_moves_back_to_friday_13_february() -> None:
    assert CAL.last_day(Occurrence(date(2026, 2, 20), True)) == date(2026, 2, 13)


def test_adding_one_working_day_jumps_the_whole_tet_break() -> None:
    assert CAL.add_working_days(date(2025, 1, 24), 1) == date(2025, 2, 3)
    assert CAL.add_working_days(date(2026, 2, 23), -1) == date(2026, 2, 13)
    assert CAL.working_days_until(date(2026, 2, 13), date(2026, 2, 23)) == 1


def test_reunification_and_labour_day_2025_with_the_swapped_friday_are_off() -> None:
    # 2025: Wed 30/4, Thu 1/5 and Fri 2/5 (swapped with Sat 26/4) are days off.
    assert [CAL.is_working_day(d) for d in _days(date(2025, 4, 29), date(2025, 5, 5))] == [
        True, False, False, False, False, False, True,
    ]  # fmt: skip
    assert CAL.last_day(Occurrence(date(2025, 5, 2), True)) == date(2025, 4, 29)


def test_reunification_and_labour_day_2026_fall_on_thursday_and_friday() -> None:
    assert not CAL.is_working_day(date(2026, 4, 30))
    assert not CAL.is_working_day(date(2026, 5, 1))
    assert CAL.last_day(Occurrence(date(2026, 5, 1), False)) == date(2026, 4, 29)


def test_national_day_2025_moves_a_2_september_deadline_to_friday_29_august() -> None:
    assert not CAL.is_working_day(date(2025, 9, 1))
    assert not CAL.is_working_day(date(2025, 9, 2))
    assert CAL.last_day(Occurrence(date(2025, 9, 2), False)) == date(2025, 8, 29)
    assert CAL.working_days_until(date(2025, 8, 29), date(2025, 9, 3)) == 1


def test_national_day_2026_includes_the_swapped_monday_31_august() -> None:
    assert [CAL.is_working_day(d) for d in _days(date(2026, 8, 28), date(2026, 9, 3))] == [
        True, False, False, False, False, False, True,
    ]  # fmt: skip


def test_monthly_report_before_the_20th_moves_to_friday_when_the_20th_is_sunday() -> None:
    # DOMAIN §4: "Hạn: Chủ nhật 20/7/2025 → nên gửi trước Thứ Sáu 18/7".
    assert CAL.last_day(Occurrence(date(2025, 7, 20), True)) == date(2025, 7, 18)
    assert CAL.last_day(Occurrence(date(2025, 7, 20), False)) == date(2025, 7, 18)


def test_a_before_date_on_monday_means_the_friday_before() -> None:
    assert CAL.last_day(Occurrence(date(2025, 9, 22), True)) == date(2025, 9, 19)


def test_saturday_and_sunday_are_never_working_days() -> None:
    assert not CAL.is_working_day(date(2025, 8, 16))
    assert not CAL.is_working_day(date(2025, 8, 17))
    assert CAL.is_working_day(date(2025, 8, 18))


def test_an_extra_day_off_added_by_an_administrator_is_skipped() -> None:
    cal = WorkCalendar([date(2025, 8, 19)])
    assert not cal.is_working_day(date(2025, 8, 19))
    assert cal.last_day(Occurrence(date(2025, 8, 20), True)) == date(2025, 8, 18)
    assert cal.holiday_name(date(2025, 8, 19)) == "Ngày nghỉ bổ sung"
    assert CAL.is_working_day(date(2025, 8, 19))  # other calendars are not touched


def test_working_days_until_counts_after_today_up_to_the_day_and_is_negative_when_past() -> None:
    assert CAL.working_days_until(date(2025, 8, 14), date(2025, 8, 19)) == 3
    assert CAL.working_days_until(date(2025, 8, 19), date(2025, 8, 19)) == 0
    assert CAL.working_days_until(date(2025, 8, 19), date(2025, 8, 14)) == -3


def test_add_working_days_zero_and_negative() -> None:
    assert CAL.add_working_days(date(2025, 8, 16), 0) == date(2025, 8, 16)
    assert CAL.add_working_days(date(2025, 8, 18), -1) == date(2025, 8, 15)
    assert CAL.add_working_days(date(2025, 8, 15), 3) == date(2025, 8, 20)


def test_describe_next_says_the_real_last_day_and_days_left_across_tet() -> None:
    s = parse_deadline("Trước ngày 05/02/2026", 2026)
    text = describe_next(s, date(2026, 2, 12), CAL)
    assert text == (
        "trước ngày 5/2/2026 · hạn: Thứ Năm, 5/2/2026 "
        "(chậm nhất Thứ Tư, 4/2/2026) · đã quá hạn 6 ngày làm việc"
    )
    s = parse_deadline("Trước ngày 25 hằng tháng", 2026)
    assert describe_next(s, date(2026, 2, 12), CAL) == (
        "trước ngày 25 hằng tháng · hạn tới: Thứ Tư, 25/2/2026 "
        "(chậm nhất Thứ Ba, 24/2/2026) · còn 3 ngày làm việc"
    )


def test_the_detail_states_the_real_last_day_beside_the_plans_date_and_why() -> None:
    from bot.deadlines.render import deadline_lines

    assert deadline_lines(date(2026, 12, 20), date(2026, 12, 18), True, CAL) == (
        "trước ngày 20/12/2026",
        "chậm nhất Thứ Sáu, 18/12/2026 (19/12 là Thứ Bảy, 20/12 là Chủ nhật)",
    )
    assert deadline_lines(date(2025, 8, 20), date(2025, 8, 19), True, CAL)[1] == (
        "chậm nhất Thứ Ba, 19/8/2025 (hạn ghi trước ngày 20/8)"
    )
    assert deadline_lines(date(2025, 9, 2), date(2025, 8, 29), False, CAL)[1] == (
        "chậm nhất Thứ Sáu, 29/8/2025 (nghỉ từ 30/8 đến 2/9: Quốc khánh)"
    )
    assert deadline_lines(date(2025, 8, 20), date(2025, 8, 20), False, CAL) == (
        "ngày 20/8/2025",
        "chậm nhất Thứ Tư, 20/8/2025",
    )


def test_lateness_counts_working_days_and_is_at_least_one_once_past() -> None:
    assert CAL.days_late(date(2025, 8, 15), date(2025, 8, 15)) == 0
    assert CAL.days_late(date(2025, 8, 15), date(2025, 8, 16)) == 1  # Saturday after a Friday
    assert CAL.days_late(date(2025, 8, 15), date(2025, 8, 18)) == 1  # Monday
    assert CAL.days_late(date(2025, 8, 15), date(2025, 8, 22)) == 5


def test_describe_next_for_continuous_and_unknown_phrases() -> None:
    assert describe_next(parse_deadline("Thường xuyên", 2025), date(2025, 8, 1), CAL) == (
        "thường xuyên · không có hạn cố định"
    )
    assert "chưa đọc được" in describe_next(parse_deadline("???", 2025), date(2025, 8, 1), CAL)


def test_a_single_due_date_is_called_han_and_a_due_date_on_a_working_day_needs_no_hint() -> None:
    s = parse_deadline("Quý III", 2025)
    assert describe_next(s, date(2025, 9, 24), CAL) == (
        "trong quý III/2025 · hạn: Thứ Ba, 30/9/2025 · còn 4 ngày làm việc"
    )


def test_on_the_last_day_the_countdown_says_today() -> None:
    s = parse_deadline("Trước ngày 20 hằng tháng", 2025)
    assert describe_next(s, date(2025, 8, 19), CAL).endswith("· hạn cuối là hôm nay")


def test_working_days_until_agrees_with_walking_every_day_across_years_and_extra_days_off() -> None:
    # working_days_until counts weekdays and subtracts days off instead of walking each day:
    # the walk is the definition it must match (Tết, extra days off on a weekday and a Sunday).
    cal = WorkCalendar([date(2025, 12, 31), date(2026, 9, 3), date(2026, 9, 6)])
    start = date(2024, 12, 20)
    for offset in range(0, 800, 7):
        today = start + timedelta(days=offset)
        for span in (-400, -33, -1, 1, 5, 61, 400):
            d = today + timedelta(days=span)
            lo, hi = min(today, d), max(today, d)
            walked = sum(cal.is_working_day(x) for x in _days(lo + timedelta(days=1), hi))
            assert cal.working_days_until(today, d) == (walked if d > today else -walked)
