"""Answers from the store (services.ask) over a small sample plan, on SQLite and PostgreSQL.

The sample (tests/data/questions/sample_store.json) is written by the team: a monthly report
before the 20th, a task before 15/8, an ongoing task, quarterly and yearly reports; the asker is
Sở Tư pháp, which owes the tasks of "Các sở, ban, ngành tỉnh" through that group.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.deadlines import Occurrence, WorkCalendar
from bot.text import fold
from services.ask import PAGE_SIZE, Answer, ask
from store.models import CompletionRow, PlanRow, TaskDueRow, TaskRow, TaskUnitRow, UnitRow
from store.uow import UnitOfWork

SAMPLE = Path(__file__).parent / "data" / "questions" / "sample_store.json"
TODAY = date(2025, 7, 1)
CAL = WorkCalendar()
NOW = datetime(2025, 7, 1, 1, 0, tzinfo=UTC)


async def build_sample(sessions: Any) -> dict[str, int]:
    """Write the sample plan as the import would; returns unit key → id."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        units = {}
        for u in data["units"]:
            row = UnitRow(
                key=u["key"],
                name=u["name"],
                kind=u["kind"],
                is_group=u.get("is_group", False),
                rule=u.get("rule"),
            )
            s.add(row)
            await s.flush()
            units[u["key"]] = row.id
        p = data["plan"]
        plan = PlanRow(
            identity=p["identity"],
            source=p["source"],
            issuer=p["issuer"],
            year=p["year"],
            title=p["title"],
            fingerprint="x",
            imported_at=NOW,
            updated_at=NOW,
        )
        s.add(plan)
        await s.flush()
        tasks = {}
        for pos, t in enumerate(data["tasks"]):
            row = TaskRow(
                plan_id=plan.id,
                position=pos,
                ref=t["ref"],
                content=t["content"],
                deadline=t["deadline"],
                ongoing=t.get("ongoing", False),
                search_text=fold(t["content"]),
            )
            s.add(row)
            await s.flush()
            tasks[t["ref"]] = row.id
            dues = (
                [(date(2025, m, t["monthly_before"]), True) for m in range(1, 13)]
                if "monthly_before" in t
                else [(date.fromisoformat(d), b) for d, b in t["dues"]]
            )
            for due, before in dues:
                last = CAL.last_day(Occurrence(due, before))
                s.add(TaskDueRow(task_id=row.id, due_date=due, last_day=last, before=before))
            for role in ("lead", "support"):
                for key in t[role]:
                    s.add(
                        TaskUnitRow(
                            task_id=row.id,
                            role=role,
                            mention=data_name(data, key),
                            unit_id=units[key],
                        )
                    )
        for d in data["done"]:
            s.add(
                CompletionRow(
                    task_id=tasks[d["ref"]],
                    unit_id=units[d["unit"]],
                    due_date=date.fromisoformat(d["due"]),
                    done_at=NOW,
                )
            )
        await uow.commit()
    return units


def data_name(data: dict[str, Any], key: str) -> str:
    return next(u["name"] for u in data["units"] if u["key"] == key)


@pytest.fixture
async def store(sessions: Any) -> tuple[Any, dict[str, int]]:
    return sessions, await build_sample(sessions)


async def asking(
    store: tuple[Any, dict[str, int]], question: str, unit: str | None = "so-tu-phap", **kw: Any
) -> Answer:
    sessions, units = store
    async with UnitOfWork(sessions) as uow:
        return await ask(
            uow, question, unit_id=units[unit] if unit else None, today=TODAY, calendar=CAL, **kw
        )


def refs(answer: Answer) -> list[str]:
    return [t.ref for t in answer.tasks]


async def test_due_in_august_lists_the_monthly_report_and_the_task_due_before_the_15th_not_ongoing_ones(
    store: Any,
) -> None:
    answer = await asking(store, "việc gì đến hạn tháng 8")
    assert refs(answer) == ["I.2", "I.1"]
    i2, i1 = answer.tasks
    assert i2.due == (date(2025, 8, 14),) and i1.due == (date(2025, 8, 19),)
    assert i1.role == "lead" and i1.status == "open"
    text = answer.reply.to_text()
    assert "Thứ Năm, 14/8/2025" in text and "Thứ Ba, 19/8/2025" in text
    assert text.index("14/8/2025") < text.index("19/8/2025")
    assert "hạn: trước 20/8/2025" in text and "Vai trò: chủ trì" in text
    assert "I.3" not in text


async def test_the_same_question_without_diacritics_and_with_typos_gets_the_same_tasks(
    store: Any,
) -> None:
    plain = await asking(store, "viec gi den han thang 8")
    typos = await asking(store, "viecj gi dden hna thnag 8")
    assert refs(plain) == refs(typos) == ["I.2", "I.1"]


async def test_a_cooperating_unit_sees_its_role_and_a_done_occurrence_shows_done(
    store: Any,
) -> None:
    june = await asking(store, "tháng 6 có việc gì")
    by_ref = {t.ref: t for t in june.tasks}
    assert by_ref["I.1"].status == "done"
    assert by_ref["II.3"].role == "support" and by_ref["II.3"].status == "overdue"
    assert "✅ đã xong" in june.reply.to_text()


async def test_overdue_lists_open_past_occurrences_and_leaves_out_done_ones(store: Any) -> None:
    answer = await asking(store, "viec nao qua han", page=0)
    text = answer.reply.to_text()
    assert answer.reply.title.startswith("Việc quá hạn chưa xong")
    all_due = [(t.ref, d) for t in answer.tasks for d in t.due]
    assert ("I.1", date(2025, 6, 19)) not in all_due
    assert "⚠️ quá hạn" in text


async def test_ongoing_tasks_are_listed_on_request_only(store: Any) -> None:
    answer = await asking(store, "việc thường xuyên")
    assert refs(answer) == ["I.3"]
    assert answer.tasks[0].status == "ongoing"


async def test_topic_search_folds_diacritics_and_both_spellings(store: Any) -> None:
    answer = await asking(store, "những việc về so hoa")
    assert sorted(refs(answer)) == ["I.3", "II.3"]
    accented = await asking(store, "việc về số hoá")
    assert sorted(refs(accented)) == ["I.3", "II.3"]


async def test_detail_by_ref_shows_the_units_and_the_askers_role(store: Any) -> None:
    answer = await asking(store, "chi tiet viec ii.1")
    text = answer.reply.to_text()
    assert refs(answer) == ["II.1"]
    assert "Chủ trì: Văn phòng UBND tỉnh" in text and "Vai trò: phối hợp" in text
    assert "30/9/2025" in text


async def test_next_due_of_the_quarterly_report_is_the_19th_of_september(store: Any) -> None:
    answer = await asking(store, "hạn báo cáo quý 3 là ngày nào")
    assert refs(answer) == ["II.2"]
    assert answer.tasks[0].due == (date(2025, 9, 19),)
    assert "Thứ Sáu, 19/9/2025" in answer.reply.to_text()


async def test_next_monthly_report_moves_to_friday_when_the_20th_is_a_sunday(store: Any) -> None:
    answer = await asking(store, "khi nao nop bao cao thang")
    assert refs(answer) == ["I.1"]
    assert answer.tasks[0].due == (date(2025, 7, 18),)
    assert "Lần gần nhất: Thứ Sáu, 18/7/2025" in answer.reply.to_text()


async def test_a_named_unit_gets_its_own_tasks_and_name(store: Any) -> None:
    answer = await asking(store, "sở xây dựng phải làm gì", unit=None)
    assert answer.unit_name == "Sở Xây dựng"
    assert "II.3" in refs(answer) and "II.1" not in refs(answer)
    lead_only = await asking(store, "vp ubnd tỉnh chủ trì những việc gì")
    assert refs(lead_only) == ["II.1"]


async def test_count_says_how_many_tasks_are_overdue(store: Any) -> None:
    # Overdue for Sở Tư pháp on 1/7: II.2 in June (March is superseded by it) and II.3
    # (cooperating) on 30/6. I.1's latest past occurrence (June) is done, so its open January
    # to May occurrences are not owed any more.
    answer = await asking(store, "có bao nhiêu việc quá hạn")
    assert answer.total == 2
    assert answer.reply.title == "Có 2 việc quá hạn chưa xong — Sở Tư pháp"


async def test_an_unknown_question_gets_examples_never_silence(store: Any) -> None:
    answer = await asking(store, "giá vàng hôm nay")
    assert answer.query.intent.value == "unknown"
    assert "việc gì đến hạn tháng 8" in answer.reply.to_text()


async def test_a_years_answer_lists_each_recurring_task_once_on_one_page(store: Any) -> None:
    # More occurrences than a page holds, but six tasks: the monthly report is one line with its
    # twelve dates (pages of a long list: tests/test_questions_loose.py).
    first = await asking(store, "năm nay có việc gì")
    assert first.total > PAGE_SIZE and not first.reply.more
    assert len(first.tasks) == len({t.ref for t in first.tasks}) == 6
    assert "6 việc" in first.reply.title and "hạn" in first.reply.title
    assert "12 kỳ: 17/1 · 19/2 · " in first.reply.to_text()


async def test_html_reply_escapes_task_text(store: Any) -> None:
    answer = await asking(store, "cuối năm có việc gì")
    html = answer.reply.to_html()
    assert "&lt;b&gt;&amp; một cửa&lt;/b&gt;" in html
    assert "<b>& một cửa</b>" in answer.reply.to_text()


async def test_without_a_unit_every_units_tasks_are_read_and_no_role_is_claimed(store: Any) -> None:
    answer = await asking(store, "quý 3 có việc gì", unit=None)
    assert {"II.1", "II.2"} <= set(refs(answer))
    assert all(t.role is None for t in answer.tasks)


def test_a_real_last_day_is_never_further_before_its_date_than_the_query_slack() -> None:
    # Period queries also bound due_date by [start, end + SLACK] so SQLite can use its index;
    # that is only right if no last working day falls further back, Tết included.
    from datetime import timedelta

    from services.tasks_view import SLACK

    day, worst = date(2024, 1, 1), timedelta(0)
    while day < date(2028, 1, 1):
        for before in (False, True):
            worst = max(worst, day - CAL.last_day(Occurrence(day, before)))
        day += timedelta(days=1)
    assert worst <= SLACK, worst


async def test_the_last_quarterly_report_of_the_plan_year_is_still_read_as_quarterly(
    store: Any,
) -> None:
    # In November only the December occurrence of II.2 is ahead (the plan has no next year):
    # the report's rhythm comes from all its occurrences, not from the one in the window.
    sessions, units = store
    async with UnitOfWork(sessions) as uow:
        answer = await ask(
            uow,
            "han bao cao quy 4 la ngay nao",
            unit_id=units["so-tu-phap"],
            today=date(2025, 11, 22),
            calendar=CAL,
        )
    assert refs(answer) == ["II.2"]
    assert answer.tasks[0].due == (date(2025, 12, 19),)
    assert "Thứ Sáu, 19/12/2025" in answer.reply.to_text()


async def asking_on(
    store: tuple[Any, dict[str, int]], question: str, unit: str, today: date
) -> Answer:
    sessions, units = store
    async with UnitOfWork(sessions) as uow:
        return await ask(uow, question, unit_id=units[unit], today=today, calendar=CAL)


async def test_a_plan_imported_mid_year_owes_only_the_latest_past_monthly_report(
    store: Any,
) -> None:
    # The commune has done nothing since January; on 1/7 only June's report (last day 19/6) is
    # overdue, not January's to May's.
    answer = await asking_on(store, "viec nao qua han", "xa-ia-grai", TODAY)
    assert [(t.ref, t.due, t.status) for t in answer.tasks] == [
        ("I.1", (date(2025, 6, 19),), "overdue")
    ]
    assert "19/1/2025" not in answer.reply.to_text()
    count = await asking_on(store, "co bao nhieu viec qua han", "xa-ia-grai", TODAY)
    assert count.reply.title == "Có 1 việc quá hạn chưa xong — UBND xã Ia Grai"


async def test_an_overdue_occurrence_gives_way_once_the_next_one_is_past(store: Any) -> None:
    # July's report is due before Sunday 20/7, so its last day is Friday 18/7: on 18/7 June's is
    # still the overdue one, on 21/7 July's has replaced it.
    on_18 = await asking_on(store, "viec nao qua han", "xa-ia-grai", date(2025, 7, 18))
    assert [t.due for t in on_18.tasks] == [(date(2025, 6, 19),)]
    on_21 = await asking_on(store, "viec nao qua han", "xa-ia-grai", date(2025, 7, 21))
    assert [t.due for t in on_21.tasks] == [(date(2025, 7, 18),)]


async def test_a_superseded_past_occurrence_is_neither_overdue_nor_listed_as_overdue(
    store: Any,
) -> None:
    march = await asking_on(store, "việc quá hạn tháng 3", "xa-ia-grai", TODAY)
    assert march.tasks == () and march.reply.title.startswith("Không có việc nào quá hạn")
    listed = await asking_on(store, "tháng 3 có việc gì", "xa-ia-grai", TODAY)
    assert [(t.ref, t.status) for t in listed.tasks] == [("I.1", "superseded")]
    assert "⚠️" not in listed.reply.to_text()
