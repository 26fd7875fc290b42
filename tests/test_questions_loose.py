"""Questions typed as officers type them (issue 13): a topic without "về", a unit by a generic
word, counts with their list, chat that names no task. Over seed 003 (Gia Lai), both backends."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from tests.test_questions_seeds import asking, gia_lai


async def test_a_topic_typed_alone_or_after_viec_lists_only_the_tasks_on_it(sessions: Any) -> None:
    unit = await gia_lai(sessions)
    alone = await asking(sessions, unit, "phan anh kien nghi")
    after = await asking(sessions, unit, "nhung viec phan anh kien nghi")
    refs = {t.ref for t in alone.tasks}
    assert refs and refs == {t.ref for t in after.tasks}
    assert all(t.ref.startswith("IV.") for t in alone.tasks)
    # Words in another order, with an abbreviation, still find the task's words.
    order = await asking(sessions, unit, "kien nghi phan anh")
    assert {t.ref for t in order.tasks} == refs


async def test_words_matching_no_task_are_not_answered_with_the_whole_list(sessions: Any) -> None:
    unit = await gia_lai(sessions)
    answer = await asking(sessions, unit, "nhung viec xyz qwerty")
    assert answer.tasks == () and "xyz qwerty" in answer.reply.title
    stray = await asking(sessions, unit, "gia vang hom nay")
    assert stray.tasks == ()


async def test_a_count_shows_the_number_and_the_list(sessions: Any) -> None:
    unit = await gia_lai(sessions)
    answer = await asking(sessions, unit, "thang 8 co bao nhieu viec")
    listed = await asking(sessions, unit, "thang 8 co viec gi")
    assert answer.reply.title.startswith(f"Có {len(listed.tasks)} việc đến hạn tháng 8")
    assert {t.ref for t in answer.tasks} == {t.ref for t in listed.tasks} != set()


async def test_a_generic_unit_word_means_the_askers_own_unit(sessions: Any) -> None:
    unit = await gia_lai(sessions)
    own = await asking(sessions, unit, "thang 8 co viec gi")
    for question in ("thang 8 so minh co viec gi", "thang 8 vp co viec gi"):
        answer = await asking(sessions, unit, question)
        assert "Không tìm thấy" not in answer.reply.title, question
        assert {t.ref for t in answer.tasks} == {t.ref for t in own.tasks}, question


async def test_apologies_and_complaints_to_the_bot_list_no_task(sessions: Any) -> None:
    unit = await gia_lai(sessions)
    for question in ("nop muon bc quy 1 roi, xin loi anh", "sao bot ko nhac e bc thang"):
        answer = await asking(sessions, unit, question)
        assert answer.tasks == (), question
    polite = await asking(sessions, unit, "xin loi, thang 8 co viec gi")
    assert polite.tasks


async def test_a_report_named_loosely_gets_its_next_dates_not_past_ones(sessions: Any) -> None:
    unit = await gia_lai(sessions)
    answer = await asking(sessions, unit, "con may ky bc quy nam nay")
    # VI.3 (quarterly, 22/3, 22/6, 22/9, 22/12); VIII.12 only mentions reports in passing.
    assert [t.ref for t in answer.tasks][:1] == ["VI.3"]
    assert "VIII.12" not in {t.ref for t in answer.tasks}
    text = answer.reply.to_text()
    assert "Còn 2 kỳ: 22/9/2025, 22/12/2025" in text
    yearly = await asking(sessions, unit, "bc nam han chot")
    assert yearly.tasks and yearly.tasks[0].ref == "VI.3"


def test_periods_typed_loosely() -> None:
    from datetime import date

    from bot.questions import Intent, read_question

    today = date(2025, 7, 1)
    months = read_question("tu thang 3 den thang 5 co nhung viec gi", today).period
    assert months is not None and (months.start, months.end) == (
        date(2025, 3, 1),
        date(2025, 5, 31),
    )
    left = read_question("trong nam con viec gi", today)
    assert left.intent is Intent.DUE and left.period is not None
    assert (left.period.start, left.period.end) == (today, date(2025, 12, 31))
    dated = read_question("chu tri nhung viec nao co han", today)
    assert dated.intent is Intent.DUE and dated.role is not None


class _Statements:
    """Counts the statements sent to the database while it is open."""

    def __init__(self, sessions: Any) -> None:
        self.engine = sessions.kw["bind"].sync_engine
        self.n = 0

    def _seen(self, *_: Any) -> None:
        self.n += 1

    def __enter__(self) -> _Statements:
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_: Any) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)


async def test_a_count_over_a_long_list_is_counted_by_the_lists_own_statement(
    sessions: Any,
) -> None:
    unit = await gia_lai(sessions)
    await asking(sessions, unit, "nam 2025 co viec gi")  # the directory cache filled once
    with _Statements(sessions) as listing:
        listed = await asking(sessions, unit, "nam 2025 co viec gi")
    with _Statements(sessions) as counting:
        counted = await asking(sessions, unit, "nam 2025 co bao nhieu viec")
    assert listed.reply.more  # longer than a page
    # Every page of the list: its distinct tasks and occurrences are the count's figures.
    refs: set[str] = set()
    dues = 0
    for page in range(1, 20):
        part = await asking(sessions, unit, f"nam 2025 co viec gi trang {page}")
        refs |= {t.ref for t in part.tasks}
        dues += sum(len(t.due) for t in part.tasks)
        if not part.reply.more:
            break
    assert counted.reply.title.startswith(f"Có {len(refs)} việc đến hạn năm 2025")
    assert f"({dues} hạn)" in counted.reply.title
    assert counting.n == listing.n  # no second run of the list to count it


async def test_the_deadline_of_a_task_named_by_what_it_does_is_that_tasks_date(
    sessions: Any,
) -> None:
    unit = await gia_lai(sessions)
    # II.2 "Tổ chức thực hiện kế hoạch rà soát, đánh giá TTHC ..." (before 15/8/2025).
    for question in (
        "thuc hien ke hoach ra soat danh gia tthc han khi nao",
        "han to chuc ra soat, danh gia thu tuc hanh chinh la ngay may",
    ):
        answer = await asking(sessions, unit, question)
        assert "II.2" in {t.ref for t in answer.tasks}, question
        assert "15/8" in answer.reply.to_text(), question
        assert not {"VI.1", "VI.1b", "VI.3"} & {t.ref for t in answer.tasks}, question
    # A report named by its rhythm only is still the plan's periodic report.
    report = await asking(sessions, unit, "han nop bc hang quy la ngay nao")
    assert report.tasks and report.tasks[0].ref == "VI.3"


async def test_a_period_with_only_filler_words_asks_what_falls_due_in_it(sessions: Any) -> None:
    unit = await gia_lai(sessions)
    plain = await asking(sessions, unit, "thang 8 co viec gi")
    for question in ("thang 8 thi sao", "con gi thang 8 ko", "thang 8 ra sao nhi"):
        answer = await asking(sessions, unit, question)
        assert answer.query.intent.value == "due", question
        assert {t.ref for t in answer.tasks} == {t.ref for t in plain.tasks} != set(), question


async def test_work_reported_as_done_lists_nothing_and_points_to_the_done_button(
    sessions: Any,
) -> None:
    unit = await gia_lai(sessions)
    for question in ("bao cao thang em nop roi nha", "da gui bc quy cho vp roi", "xong roi a"):
        answer = await asking(sessions, unit, question)
        assert answer.tasks == (), question
        assert "✅ Xong" in answer.reply.to_text(), question
    # Asking whether it is done is still a question.
    asked = await asking(sessions, unit, "bc thang da nop chua")
    assert "✅ Xong" not in asked.reply.title
