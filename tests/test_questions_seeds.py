"""End to end over a real plan: Gia Lai's 2025 plan (seed 003) imported, asked by Sở Tư pháp.

Runs on SQLite and PostgreSQL; skips when ../shared/seeds is absent.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from bot.deadlines import WorkCalendar
from bot.plans import read_plan
from services.ask import Answer, ask
from services.imports import import_plan
from services.units import ensure_directory, find_unit
from store.uow import UnitOfWork
from tests.conftest import seeds_or_skip

TODAY = date(2025, 7, 1)
CAL = WorkCalendar()


async def gia_lai(sessions: Any) -> int:
    """Import seed 003 into a Gia Lai deployment; the id of Sở Tư pháp."""
    seed = next(p for p in seeds_or_skip() if p.name.startswith("003"))
    async with UnitOfWork(sessions) as uow:
        await ensure_directory(uow.session, "Gia Lai")
        await import_plan(uow, read_plan(seed), datetime(2025, 6, 1, tzinfo=UTC), CAL)
        await uow.commit()
    async with UnitOfWork(sessions) as uow:
        found = await find_unit(uow.session, "Sở Tư pháp")
    assert found and found[0].unit.name == "Sở Tư pháp" and found[0].unit.id is not None
    return found[0].unit.id


async def asking(sessions: Any, unit_id: int, question: str) -> Answer:
    async with UnitOfWork(sessions) as uow:
        return await ask(uow, question, unit_id=unit_id, today=TODAY, calendar=CAL)


async def test_august_lists_the_monthly_report_before_the_20th_and_the_review_before_the_15th(
    sessions: Any,
) -> None:
    unit = await gia_lai(sessions)
    answer = await asking(sessions, unit, "việc gì đến hạn tháng 8")
    due = {t.ref: t.due for t in answer.tasks}
    assert due["VI.1"] == (date(2025, 8, 19),)  # before Wednesday 20/8: Tuesday 19/8
    assert due["II.2"] == (date(2025, 8, 14),)  # before Friday 15/8/2025
    assert all(d.month == 8 for t in answer.tasks for d in t.due)
    # Ongoing tasks ("Thường xuyên trong năm 2025") are never "due".
    assert not {"I.1", "I.3", "III.1", "VIII.3", "VIII.6"} & set(due)
    text = answer.reply.to_text()
    assert "Thứ Ba, 19/8/2025" in text and "Thứ Năm, 14/8/2025" in text
    assert "Vai trò: chủ trì" in text
    bare = await asking(sessions, unit, "viec gi den han t8")
    assert [t.ref for t in bare.tasks] == [t.ref for t in answer.tasks]
    report = await asking(sessions, unit, "khi nao nop bao cao thang")
    assert report.tasks[0].ref == "VI.1" and report.tasks[0].due == (date(2025, 7, 18),)


async def test_ongoing_detail_and_topic_answers_over_the_seed(sessions: Any) -> None:
    unit = await gia_lai(sessions)
    ongoing = await asking(sessions, unit, "viec thuong xuyen")
    assert ongoing.total > 8 and ongoing.reply.more
    assert all(t.status == "ongoing" and not t.due for t in ongoing.tasks)
    detail = await asking(sessions, unit, "chi tiết việc VIII.6")
    assert detail.tasks[0].ref == "VIII.6" and detail.tasks[0].role == "lead"
    assert "Vai trò: chủ trì" in detail.reply.to_text()
    topic = await asking(sessions, unit, "nhung viec ve so hoa")
    refs = {t.ref for t in topic.tasks}
    assert "VIII.3" in refs  # "số hóa kết quả giải quyết hồ sơ TTHC"
    assert "VI.5" not in refs  # "chuẩn hóa" and "số 09" are not "số hóa"
    # DOMAIN §6's "việc liên quan phản ánh kiến nghị": the plans write "phản ánh, kiến nghị".
    feedback = await asking(sessions, unit, "viec lien quan phan anh kien nghi")
    assert feedback.total >= 1 and feedback.tasks
    assert all("phản ánh, kiến nghị" in t.content.lower() for t in feedback.tasks)
