"""The contract other parts call: names, shapes, JSON round trip, never raising."""

from __future__ import annotations

from datetime import date

from bot.deadlines import Occurrence, Schedule, WorkCalendar, describe_next, parse_deadline

Y = (date(2025, 1, 1), date(2025, 12, 31))


def test_monthly_report_before_the_20th_renders_next_date_and_working_days_left() -> None:
    s = parse_deadline("Trước ngày 20 hằng tháng", 2025)
    text = describe_next(s, date(2025, 8, 14), WorkCalendar())
    assert text == (
        "trước ngày 20 hằng tháng · lần tới: Thứ Tư, 20/8/2025 "
        "(nên gửi trước Thứ Ba 19/8) · còn 3 ngày làm việc"
    )


def test_schedule_survives_a_json_round_trip() -> None:
    s = parse_deadline("Quý IV/2025 hoặc đột xuất", 2025)
    back = Schedule.from_json(s.to_json())
    assert back == s
    assert back.occurrences(*Y) == [Occurrence(date(2025, 12, 31), False)]
    assert back.on_request


def test_empty_and_none_give_kind_none() -> None:
    assert parse_deadline(None, 2025).kind == "none"
    assert parse_deadline("  ", 2025).kind == "none"


def test_vague_quarterly_cell_is_completed_by_the_limit_in_the_task_text() -> None:
    s = parse_deadline(
        "Hàng quý (Theo Kế hoạch số 712/KH-UBND ngày 18/11/2020)",
        2023,
        context="Báo cáo định kỳ (gửi chậm nhất là ngày 19 của tháng cuối quý)",
    )
    dues = [o.due for o in s.occurrences(date(2023, 1, 1), date(2023, 12, 31))]
    assert dues == [date(2023, 3, 19), date(2023, 6, 19), date(2023, 9, 19), date(2023, 12, 19)]
    assert date(2020, 11, 18) not in [
        o.due for o in s.occurrences(date(2020, 1, 1), date(2030, 1, 1))
    ]
