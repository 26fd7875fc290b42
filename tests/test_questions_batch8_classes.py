"""Classes of misses found by blind batches (issue 13), checked in phrasings of our own."""

from __future__ import annotations

from datetime import date

from bot.questions import Intent, read_question

TODAY = date(2025, 8, 5)


def test_before_which_day_asks_for_a_deadline_not_the_previous_period() -> None:
    # "bc quý trước ngày nào": the quarterly report, before which day; not last quarter.
    for text in (
        "bc quý trước ngày nào",
        "bao cao thang truoc ngay may phai nop",
        "báo cáo 6 tháng trước khi nào",
        "bc nam truoc han nao",
    ):
        q = read_question(text, TODAY)
        assert q.intent is Intent.NEXT_DUE, text
        assert q.period is None, text
    # Without the question words, "quý trước" is still last quarter.
    q = read_question("quý trước có việc gì", TODAY)
    assert q.period is not None and q.period.start == date(2025, 4, 1)
    q = read_question("thang truoc co viec gi", TODAY)
    assert q.period is not None and q.period.start == date(2025, 7, 1)
