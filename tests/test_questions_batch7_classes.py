"""The classes blind batch 7 (issue 13) found missing, in other phrasings: two months in a row,
the first or last month of a quarter, a report sent "lên" a unit (not that unit's), a list asked
first and then which tasks the unit leads, dates on lines flattened into " / ", the level word
alone after a department ("Sở Nội vụ thành phố", "sở y tế tp"), "báo cáo …" naming no unit, and
the first month of the next quarter read in the plan year too."""

from __future__ import annotations

from datetime import date

from bot.deadlines import parse_deadline
from bot.questions import Intent, read_question
from bot.units import Directory, Unit, match
from bot.units.model import Kind

TODAY = date(2025, 4, 14)


def _span(text: str) -> tuple[date, date] | None:
    q = read_question(text, TODAY)
    return (q.period.start, q.period.end) if q.period is not None else None


def test_two_months_in_a_row_and_parts_of_a_quarter() -> None:
    assert _span("t10 va t11 co viec gi") == (date(2025, 10, 1), date(2025, 11, 30))
    assert _span("tháng 5, tháng 6 phải nộp những gì") == (date(2025, 5, 1), date(2025, 6, 30))
    assert _span("dau quy 3 co viec gi khong") == (date(2025, 7, 1), date(2025, 7, 31))
    assert _span("cuối quý II cần xong những việc nào") == (date(2025, 6, 1), date(2025, 6, 30))
    assert _span("cuoi quy nay co gi") == (date(2025, 6, 1), date(2025, 6, 30))
    # "Đến cuối quý" ends a span from today; it is not the quarter's last month.
    assert _span("từ giờ đến cuối quý có gì") == (TODAY, date(2025, 6, 30))
    assert _span("den cuoi quy con viec gi") == (TODAY, date(2025, 6, 30))
    assert _span("tu thang 5 den cuoi quy co gi") == (date(2025, 5, 1), date(2025, 6, 30))
    assert _span("đến hết tháng 9 còn những việc gì") == (TODAY, date(2025, 9, 30))
    # A day of the last month of a quarter is not the quarter's end month as a period.
    assert read_question("ngày 19 tháng cuối quý nộp gì", TODAY).period is None


def test_a_report_sent_up_to_a_unit_is_not_that_unit_s() -> None:
    q = read_question("bc quy 2 gui len so tu phap han ngay nao", TODAY)
    assert q.intent is Intent.NEXT_DUE and q.unit_text is None
    q = read_question("han nop bc thang len vp ubnd tinh", TODAY)
    assert q.intent is Intent.NEXT_DUE and q.unit_text is None and q.report == "month"
    assert q.guess is not None and "vp" not in q.guess.split()


def test_a_list_then_the_unit_s_role_asks_for_the_whole_list() -> None:
    q = read_question("thang 6 co nhung viec gi, viec nao ben minh chu tri", TODAY)
    assert q.intent is Intent.DUE and q.role is None
    assert read_question("thang 6 viec nao ben minh chu tri", TODAY).role is not None


def _dues(phrase: str, year: int = 2025) -> list[tuple[date, bool]]:
    schedule = parse_deadline(phrase, year)
    return [(o.due, o.before) for o in schedule.occurrences(date(year, 1, 1), date(year, 12, 31))]


def test_dates_on_lines_flattened_into_slashes() -> None:
    assert _dues("Lần 1: trước 15/5/2025 / Lần 2: trước 15/10/2025") == [
        (date(2025, 5, 15), True),
        (date(2025, 10, 15), True),
    ]
    assert _dues("BC 6 tháng trước 10/6 / BC năm trước 10/12") == [
        (date(2025, 6, 10), True),
        (date(2025, 12, 10), True),
    ]
    assert _dues("Tháng 7 / 2025") == [(date(2025, 7, 31), False)]


def test_the_first_month_of_the_next_quarter_in_the_plan_year() -> None:
    days = [d for d, _ in _dues("ngày 12 tháng đầu của quý kế tiếp")]
    assert days == [date(2025, m, 12) for m in (1, 4, 7, 10)]


def test_the_level_word_alone_and_reports_naming_no_unit() -> None:
    d = Directory(
        [
            Unit(1, "so_noi_vu", "Sở Nội vụ", Kind.DEPARTMENT),
            Unit(2, "bao", "Báo và Phát thanh, Truyền hình Cần Thơ", Kind.AGENCY),
        ]
    )
    for text in ("Sở Nội vụ thành phố", "so noi vu tp", "Sở Nội vụ tỉnh"):
        assert match(d, text) and match(d, text)[0].unit.key == "so_noi_vu", text
    for text in ("báo cáo thành phố", "bao cao quy", "Báo cáo năm"):
        assert not match(d, text), text
