"""Classes blind batch 9 (issue 13) found missing, checked in phrasings of our own."""

from __future__ import annotations

from datetime import date

from bot.deadlines import parse_deadline
from bot.questions import Intent, read_question
from bot.units import Directory, match
from bot.units.builtin import builtin_units

TODAY = date(2025, 6, 25)


def _span(text: str) -> tuple[date, date] | None:
    q = read_question(text, TODAY)
    return (q.period.start, q.period.end) if q.period is not None else None


def test_the_older_spelling_qui_is_quy() -> None:
    assert _span("qui 3 co gi") == (date(2025, 7, 1), date(2025, 9, 30))


def test_the_start_or_end_of_next_or_last_month() -> None:
    assert _span("đầu tháng tới phải nộp gì") == (date(2025, 7, 1), date(2025, 7, 10))
    assert _span("cuoi thang sau co viec gi") == (date(2025, 7, 21), date(2025, 7, 31))
    assert _span("cuối tháng trước có gì") == (date(2025, 5, 21), date(2025, 5, 31))
    assert _span("dau thang 9 co gi") == (date(2025, 9, 1), date(2025, 9, 10))


def test_late_alone_asks_for_the_overdue_list() -> None:
    assert read_question("còn việc nào trễ ko", TODAY).intent is Intent.OVERDUE
    q = read_question("so tc tre han bao nhieu viec", TODAY)
    assert q.unit_text is not None and "tre" not in q.unit_text.split()


def test_ha_inside_a_place_s_name_stays() -> None:
    for text in ("xa thanh ha thang 5 co viec gi", "xã Thanh Hà tháng 5 có việc gì"):
        q = read_question(text, TODAY)
        assert (q.unit_text or q.guess or "").endswith("thanh ha"), text
    assert read_question("tháng 5 có việc gì hả", TODAY).guess is None


def test_help_words_inside_a_task_s_words_ask_no_help() -> None:
    assert read_question("huong dan", TODAY).intent is Intent.HELP
    assert read_question("hướng dẫn sử dụng", TODAY).intent is Intent.HELP
    q = read_question("cho xem viec bieu mau huong dan thu tuc dat dai", TODAY)
    assert q.intent is not Intent.HELP and "bieu mau" in (q.guess or "")


def _dues(phrase: str, year: int = 2025) -> list[tuple[date, bool]]:
    schedule = parse_deadline(phrase, year)
    return [(o.due, o.before) for o in schedule.occurrences(date(year, 1, 1), date(year, 12, 31))]


def test_a_slash_between_two_whole_dates_separates_them() -> None:
    assert _dues("15/3/2025 / 15/9/2025") == [
        (date(2025, 3, 15), False),
        (date(2025, 9, 15), False),
    ]
    assert _dues("30 / 6 / 2025") == [(date(2025, 6, 30), False)]


def test_an_earlier_limit_in_brackets_is_the_limit() -> None:
    assert _dues("Gửi trước 20/11/2025 (chậm nhất ngày 14/11/2025)") == [
        (date(2025, 11, 14), False)
    ]
    # A later date in brackets is not a tighter limit: both stay.
    assert len(_dues("Trước 10/10/2025 (chậm nhất 20/10/2025)")) == 2


def test_the_province_s_name_run_together_or_with_one_slip() -> None:
    d = Directory(builtin_units("Tây Ninh"), province="Tây Ninh")
    assert match(d, "so noi vu tayninh")[0].unit.name == "Sở Nội vụ"
    assert match(d, "sở nội vụ tây nin")[0].unit.name == "Sở Nội vụ"
    assert match(d, "so y te longan")[0].unit.name == "Sở Y tế"
