"""The contract other parts call: names, shapes, JSON round trip, never raising."""

from __future__ import annotations

from datetime import date

import pytest

from bot.deadlines import Occurrence, Schedule, WorkCalendar, describe_next, parse_deadline
from bot.deadlines.parser import parse_uncached

Y = (date(2025, 1, 1), date(2025, 12, 31))


def test_monthly_report_before_the_20th_renders_next_date_and_working_days_left() -> None:
    s = parse_deadline("Trước ngày 20 hằng tháng", 2025)
    text = describe_next(s, date(2025, 8, 14), WorkCalendar())
    assert text == (
        "trước ngày 20 hằng tháng · hạn tới: Thứ Tư, 20/8/2025 "
        "(chậm nhất Thứ Ba, 19/8/2025) · còn 3 ngày làm việc"
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


@pytest.mark.parametrize(
    ("phrase", "year", "explain"),
    [
        ("Trước ngày 20 hằng tháng.", 2025, "trước ngày 20 hằng tháng"),
        ("Ngày 05 hàng tháng", 2023, "ngày 5 hằng tháng"),
        ("Quý II, III/2025", 2025, "trong quý II, III/2025"),
        ("Tháng 2/2025", 2025, "trong tháng 2/2025"),
        ("Hoàn thành trước 30/4/2025", 2025, "trước ngày 30/4/2025"),
        ("Chậm nhất ngày 15 tháng 8 năm 2025", 2025, "chậm nhất ngày 15/8/2025"),
        ("Trước ngày 10 hằng quý", 2025, "trước ngày 10 hằng quý (tháng đầu quý)"),
        ("Thường xuyên trong năm 2025", 2025, "thường xuyên trong năm 2025"),
        ("Quý IV/2025 hoặc đột xuất", 2025, "trong quý IV/2025; đột xuất khi có yêu cầu"),
        ("Theo yêu cầu", 2025, "khi có yêu cầu (đột xuất)"),
        ("Theo kế hoạch", 2025, "theo văn bản hoặc kế hoạch khác: “Theo kế hoạch”"),
        ("Trong thời gian 10 ngày kể từ ngày tiếp nhận", 2025,
         "trong thời gian 10 ngày kể từ ngày tiếp nhận"),
        ("Đầu tháng 9", 2025, "đầu tháng 9/2025 (hiểu là đến ngày 10/9)"),
        ("Sớm nhất có thể", 2025, "chưa đọc được thời hạn: “Sớm nhất có thể”"),
    ],
)  # fmt: skip
def test_each_reading_is_explained_in_vietnamese(phrase: str, year: int, explain: str) -> None:
    assert parse_deadline(phrase, year).explain == explain


def test_an_ambiguous_phrase_is_flagged_and_says_the_reading_chosen() -> None:
    s = parse_deadline("Đầu quý III", 2025)
    assert s.ambiguous and "hiểu là" in s.explain
    assert [o.due for o in s.occurrences(*Y)] == [date(2025, 7, 10)]


def test_an_unreadable_phrase_is_kept_as_written() -> None:
    s = parse_deadline("Khi hoàn thành hệ thống", 2025)
    assert (s.kind, s.unknown, s.text) == ("unknown", True, "Khi hoàn thành hệ thống")
    assert s.occurrences(*Y) == []


def test_the_memo_gives_the_same_reading_as_a_fresh_parse() -> None:
    for phrase in ("Thường xuyên", "Quý III, Quý IV", "Trước ngày 25 hằng tháng."):
        assert parse_deadline(phrase, 2025) == parse_uncached(phrase, 2025)
        assert parse_deadline(phrase, 2025) is parse_deadline(phrase, 2025)


def test_without_a_plan_year_a_window_recurs_every_year() -> None:
    s = parse_deadline("Quý III", None)
    dues = [o.due for o in s.occurrences(date(2024, 1, 1), date(2025, 12, 31))]
    assert dues == [date(2024, 9, 30), date(2025, 9, 30)]
