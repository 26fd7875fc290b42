"""The report attached to a completion (issue 16) on a real SQLite file and the local
PostgreSQL: kept with the completion, read by the board, gone when ✅ is undone (by
``drop_evidence`` or by the foreign key's cascade), waits that expire, rights checked; and the
pure cleaning of a typed number."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from reminders_support import World, add_officer, add_task, add_unit
from sqlalchemy import delete, func, select

from bot.errors import NotAllowed, NotFound
from bot.evidence import BadEvidence, clean_number, looks_like_number
from bot.questions.periods import month_period
from cli.status import to_json, to_text
from services import evidence
from services.officers import get_officer_by_id
from services.progress import mark_done
from services.status import board
from services.status_export import export_rows
from store.evidence_repo import FileRef
from store.models import CompletionRow, EvidenceRow, EvidenceWaitRow
from store.uow import UnitOfWork

NOW = datetime(2025, 8, 18, 2, 0, tzinfo=UTC)  # Monday 09:00 in Hà Nội
DUE = date(2025, 8, 20)
PDF = FileRef("AgAD-file-id", "uniq", "bao-cao.pdf", 120_000, "application/pdf")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("123/BC-STP", "123/BC-STP"), ("  Số 07/BC-VP ", "07/BC-VP"), ("số: 45/2025/BC-UBND", "45/2025/BC-UBND"),
     ("12/BC\u200b-STP\x00", "12/BC-STP"), ("a\n\tb", "a b")],
)  # fmt: skip
def test_a_typed_number_is_cleaned(typed: str, kept: str) -> None:
    assert clean_number(typed) == kept


def test_a_number_is_bounded_and_a_question_is_not_a_number() -> None:
    assert clean_number("1/BC-" + "X" * 59) == "1/BC-" + "X" * 59
    with pytest.raises(BadEvidence, match="64 ký tự"):
        clean_number("1/BC-" + "X" * 60)
    with pytest.raises(BadEvidence):
        clean_number("\x07 \u200b")
    assert looks_like_number("123/BC-STP") and looks_like_number("Số 45/2025/QĐ-UBND")
    for question in ("viec gi den han thang 8", "việc từ 1/8 đến 15/9", "thang 8/2025", "1/BC-" + "X" * 70):  # fmt: skip
        assert not looks_like_number(question), question


async def _world(sessions) -> tuple[World, object, object, object]:  # type: ignore[no-untyped-def]
    """Sở Tư pháp leads task I.1 due 20/8 and has marked it done; Lan is its officer, Hùng is
    Sở Nội vụ's, Mai a coordinator without a unit of her own (here: Sở Nội vụ's)."""
    w = World()
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        await add_unit(s, w, "stp", "Sở Tư pháp")
        await add_unit(s, w, "snv", "Sở Nội vụ")
        await add_officer(s, w, "Lan", "stp", 501)
        await add_officer(s, w, "Hùng", "snv", 502)
        await add_officer(s, w, "Mai", "snv", 800, role="coordinator")
        await add_task(s, w, "I.1", "Báo cáo quý III", [(DUE, DUE)], ["stp"])
        await mark_done(s, w.tasks["I.1"], w.units["stp"], DUE, w.officers["Lan"], NOW)
        await uow.commit()
        lan, hung, mai = [await get_officer_by_id(uow, w.officers[n]) for n in ("Lan", "Hùng", "Mai")]  # fmt: skip
    return w, lan, hung, mai


async def test_a_number_and_a_file_are_kept_with_the_completion_and_read_by_the_board(sessions) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    w, lan, _hung, _mai = await _world(sessions)
    task, stp = w.tasks["I.1"], w.units["stp"]
    async with UnitOfWork(sessions) as uow:
        wait = await evidence.start(uow, lan, 501, task, DUE, stp, 77, NOW)
    async with UnitOfWork(sessions, read_only=True) as uow:
        assert await evidence.pending(uow, 501, 501, NOW) == wait
        assert await evidence.pending(uow, 501, 501, NOW + timedelta(minutes=31)) is None
        assert await evidence.pending(uow, 502, 501, NOW) is None  # another chat
    async with UnitOfWork(sessions) as uow:
        done = await evidence.attach_number(uow, lan, wait, "Số 123/BC-STP", NOW)
    assert (done.ref, done.due, done.number) == ("I.1", DUE, "123/BC-STP")
    async with UnitOfWork(sessions) as uow:
        await evidence.attach_file(uow, lan, wait, PDF, NOW)  # a number kept before stays
    async with UnitOfWork(sessions, read_only=True) as uow:
        assert await evidence.pending(uow, 501, 501, NOW) is None
        b = await board(uow, month_period(2025, 8), date(2025, 8, 18), reports_only=False)
    [state] = b.occurrences[0].units
    assert state.done and state.evidence is not None
    assert (state.evidence.number, state.evidence.file) == ("123/BC-STP", PDF)
    [row] = export_rows(b, ZoneInfo("Asia/Ho_Chi_Minh"))
    assert (row.number, row.file_name) == ("123/BC-STP", "bao-cao.pdf")
    # The command line's board (``bot.py status``) says it too.
    [unit_json] = to_json(b)["occurrences"][0]["units"]
    assert unit_json["evidence"] == {"number": "123/BC-STP", "file_name": "bao-cao.pdf",
                                     "file_size": 120_000, "mime_type": "application/pdf"}  # fmt: skip
    assert "Sở Tư pháp — đã xong · 📎 số 123/BC-STP, tệp bao-cao.pdf" in to_text(b)


async def test_undoing_done_drops_the_evidence(sessions) -> None:  # type: ignore[no-untyped-def]
    w, lan, _hung, _mai = await _world(sessions)
    task, stp = w.tasks["I.1"], w.units["stp"]
    async with UnitOfWork(sessions) as uow:
        wait = await evidence.start(uow, lan, 501, task, DUE, stp, None, NOW)
    async with UnitOfWork(sessions) as uow:
        await evidence.attach_file(uow, lan, wait, PDF, NOW, number="9/BC-STP")
    async with UnitOfWork(sessions) as uow:
        assert await evidence.drop_evidence(uow, task, DUE, stp) == 1
    async with UnitOfWork(sessions) as uow:
        assert await uow.session.scalar(select(func.count(EvidenceRow.id))) == 0
        assert await uow.session.scalar(select(func.count(CompletionRow.id))) == 1
    # A caller that deletes the completion alone: the foreign key takes the evidence with it.
    async with UnitOfWork(sessions) as uow:
        await evidence.attach_number(uow, lan, wait, "10/BC-STP", NOW)
    async with UnitOfWork(sessions) as uow:
        await uow.session.execute(delete(CompletionRow))
        await uow.commit()
    async with UnitOfWork(sessions) as uow:
        assert await uow.session.scalar(select(func.count(EvidenceRow.id))) == 0
        with pytest.raises(NotFound):  # nothing to attach to any more
            await evidence.attach_number(uow, lan, wait, "11/BC-STP", NOW)


async def test_only_the_units_officers_or_a_coordinator_attach_and_only_coordinators_fetch(sessions) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    w, lan, hung, mai = await _world(sessions)
    task, stp = w.tasks["I.1"], w.units["stp"]
    async with UnitOfWork(sessions) as uow:
        with pytest.raises(NotAllowed):
            await evidence.start(uow, hung, 502, task, DUE, stp, None, NOW)
    async with UnitOfWork(sessions) as uow:
        with pytest.raises(NotFound):  # not done for 20/9
            await evidence.start(uow, lan, 501, task, date(2025, 9, 20), stp, None, NOW)
    async with UnitOfWork(sessions) as uow:
        wait = await evidence.start(uow, mai, 800, task, DUE, stp, None, NOW)
    async with UnitOfWork(sessions) as uow:
        await evidence.attach_file(uow, mai, wait, PDF, NOW)
    async with UnitOfWork(sessions) as uow:
        with pytest.raises(BadEvidence, match="20 MB"):
            big = FileRef("x", None, "scan.pdf", 20 * 2**20 + 1, None)
            await evidence.attach_file(uow, mai, wait, big, NOW)
    evidence_id = await _one(sessions, select(EvidenceRow.id))
    async with UnitOfWork(sessions, read_only=True) as uow:
        for officer in (lan, hung):
            with pytest.raises(NotAllowed):
                await evidence.fetch(uow, officer, evidence_id)
        found = await evidence.fetch(uow, mai, evidence_id)
        assert found.file == PDF and (found.task_id, found.unit_id) == (task, stp)
        assert "Sở Tư pháp — mục I.1, hạn 20/8/2025" in await evidence.caption(uow, found)
        with pytest.raises(NotFound):
            await evidence.fetch(uow, mai, evidence_id + 1)


async def test_expired_waits_are_purged_and_skipping_clears_one(sessions) -> None:  # type: ignore[no-untyped-def]
    w, lan, _hung, mai = await _world(sessions)
    task, stp = w.tasks["I.1"], w.units["stp"]
    async with UnitOfWork(sessions) as uow:
        await evidence.start(uow, lan, 501, task, DUE, stp, None, NOW)
    async with UnitOfWork(sessions) as uow:  # 31 minutes later, another wait purges Lan's
        await evidence.start(uow, mai, 800, task, DUE, stp, None, NOW + timedelta(minutes=31))
    assert await _one(sessions, select(EvidenceWaitRow.user_id)) == 800
    async with UnitOfWork(sessions) as uow:
        await evidence.skip(uow, 800, 800)
    assert await _one(sessions, select(func.count()).select_from(EvidenceWaitRow)) == 0


async def _one(sessions, stmt):  # type: ignore[no-untyped-def]
    async with UnitOfWork(sessions, read_only=True) as uow:
        return await uow.session.scalar(stmt)
