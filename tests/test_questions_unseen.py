"""Questions typed as officers type them, in the classes the blind batches missed (issue 13):
a unit by its initials anywhere, a recipient that is not the unit asked, a document by its kind
and number, a task by its number under a heading, a half-year report read from the quarterly
one, a weekday of next week. Seed 003 (Gia Lai 2025) asked by Sở Tư pháp on Tuesday 1/7/2025.

Runs on SQLite and PostgreSQL; skips when ../shared/seeds is absent.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.test_questions_seeds import asking, gia_lai


async def test_unseen_phrasings_over_the_seed(sessions: Any) -> None:
    unit = await gia_lai(sessions)

    async def refs(question: str) -> list[str]:
        return [t.ref for t in (await asking(sessions, unit, question)).tasks]

    # A unit by its initials, anywhere in the question, is the unit asked about.
    answer = await asking(sessions, unit, "snv chu tri nhung gi")
    assert answer.unit_name is not None and "Nội vụ" in answer.unit_name
    answer = await asking(sessions, unit, "viec quy nay cua so tc")
    assert answer.unit_name is not None and "Tài chính" in answer.unit_name
    # A name from before the 2025 merger reaches today's unit, with the note.
    answer = await asking(sessions, unit, "so gtvt binh dinh lam gi")
    assert answer.unit_name is not None and "Xây dựng" in answer.unit_name
    text = answer.reply.to_text()
    assert "Sở GTVT nay là Sở Xây dựng" in text and "Bình Định nay thuộc tỉnh Gia Lai" in text
    # Where a report goes is not whose it is.
    answer = await asking(sessions, unit, "bc thang gui vp ubnd tinh han ngay nao")
    assert answer.unit_name is not None and "Tư pháp" in answer.unit_name
    assert answer.tasks and answer.tasks[0].ref == "VI.1"
    # A document by its kind and number.
    assert await refs("nhung viec nq 131") == ["VIII.12"]
    assert await refs("bc nq 131 nop truoc ngay nao") == ["VIII.12"]
    # A task by its number under its heading, or by a ref of its sub-items.
    assert (await refs("viec so 12 la gi"))[0] == "VIII.12"
    assert set(await refs("viec VIII.13 la gi")) >= {"VIII.13"}
    # "phản ánh" is a topic's word, not "anh" of address.
    assert set(await refs("viec tiep nhan phan anh kien nghi")) == {"IV.1", "IV.2"}
    # A weekday of next week is that day.
    answer = await asking(sessions, unit, "thu 4 tuan sau co han gi ko")
    assert answer.query.period is not None and answer.query.period.start == date(2025, 7, 9)
    assert await refs("thu 4 tuan sau co han gi ko") == ["VIII.12"]
    # A day asked lists what is due by that date, though sent earlier ("trước ngày 20": the
    # 20th of July 2025 is a Sunday, sent on Friday the 18th).
    assert "VI.1" in await refs("ngay 20 thang nay phai nop gi")
    # A count lists the tasks it counts.
    counted = await asking(sessions, unit, "co bao nhieu vc quy 3")
    assert counted.total and counted.tasks
    assert "quý III/2025" in counted.reply.to_text()
