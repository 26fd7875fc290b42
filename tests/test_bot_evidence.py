"""The report attached after ✅ (issue 16) over the fake Bot API with the real bot stack: the
offer, a number or a file kept with the completion, shown on the coordinators' board and in its
Excel file, the file re-sent on a coordinator's 📎; another unit's officer can neither attach nor
fetch; skipping leaves the completion as it was."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fakebot.driver import FakeChat, Replies
from fakebot.world import NOW, World, start_world, stop_world
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from bot.clock import to_utc
from store.models import AuditRow, CompletionRow, EvidenceRow, EvidenceWaitRow

LAN, HUNG, COORD = 501, 502, 800  # Lan: Sở Tư pháp (leads task 1); Hùng: Sở Nội vụ
ATTACH, SKIP = "📎 Gửi kèm báo cáo", "Bỏ qua"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def _done_task1(world: World) -> tuple[FakeChat, Replies]:
    """Lan presses ✅ on task 1 (due 20/8/2025) under /viec."""
    lan = world.harness.private(LAN, "Lan")
    listed = await lan.send("/viec")
    done = world.services.sign(LAN, f"d:{world.ids['t1']}:20250820:vi.0")  # /viec, page 1
    assert done in [d for r in listed for row in r.callback_data for d in row]
    return lan, await lan.press_data(done)


async def _evidence(world: World) -> list[tuple[Any, ...]]:
    rows = await world.all(
        select(CompletionRow.task_id, CompletionRow.unit_id, EvidenceRow.number,
               EvidenceRow.file_id, EvidenceRow.file_name, EvidenceRow.file_size,
               EvidenceRow.mime_type)
        .join(CompletionRow, CompletionRow.id == EvidenceRow.completion_id)
    )  # fmt: skip
    return [tuple(r) for r in rows]


async def _board(world: World) -> tuple[FakeChat, Replies]:
    coord = world.harness.private(COORD, "Điều phối")
    return coord, await coord.send("/tinhhinh tất cả")


async def _excel(world: World, coord: FakeChat) -> list[tuple[Any, ...]]:
    await coord.press("📊 Xuất Excel")
    files = world.api.calls("sendDocument")[-1].files
    sheet = load_workbook(io.BytesIO(next(iter(files.values())))).active
    assert sheet is not None
    return [tuple(c.value for c in row) for row in sheet.iter_rows()]


async def test_a_number_typed_after_done_shows_on_the_board_and_in_the_excel(world: World) -> None:
    lan, replies = await _done_task1(world)
    assert "Đã ghi nhận hoàn thành" in replies.text
    assert replies.buttons[-2:] == [ATTACH, SKIP]
    assert "gửi kèm báo cáo" in replies.text and "bạn" not in replies.text.lower()
    asked = await lan.press(ATTACH)
    assert "Gõ số hiệu báo cáo" in asked.text and asked.buttons == [SKIP]
    assert await world.scalar(select(func.count()).select_from(EvidenceWaitRow)) == 1
    # A question asked meanwhile is answered as usual; the wait stays.
    answer = await lan.send("viec gi den han thang 8")
    assert "Đã gửi kèm" not in answer.text and answer.text
    got = await lan.send("123/BC-STP\x07")  # a control character is dropped
    assert "📎 Đã gửi kèm báo cáo số 123/BC-STP (việc mục <b>1</b>" in got.text
    assert await _evidence(world) == [
        (world.ids["t1"], world.ids["stp"], "123/BC-STP", None, None, None, None)
    ]
    assert await world.scalar(select(func.count()).select_from(EvidenceWaitRow)) == 0
    assert await world.scalar(select(func.count(AuditRow.id)).where(AuditRow.action == "task.evidence")) == 1  # fmt: skip
    # The wait is over: the next number-shaped text is not taken.
    assert "Đã gửi kèm" not in (await lan.send("456/BC-STP")).text

    coord, board = await _board(world)
    assert "• Sở Tư pháp — 📎 123/BC-STP" in board.text
    assert not [b for b in board.buttons if b.startswith("📎")]  # no file: nothing to fetch
    rows = await _excel(world, coord)
    assert rows[0][-2:] == ("Số hiệu báo cáo", "Tệp báo cáo")
    mine = [r for r in rows[1:] if r[1] == "1" and r[5] == "Sở Tư pháp"]
    assert [(r[7], r[9], r[10]) for r in mine] == [("đã xong", "123/BC-STP", None)]
    assert all(r[9] is None for r in rows[1:] if r[5] != "Sở Tư pháp")


async def test_a_file_attached_is_re_sent_on_a_coordinators_press(world: World) -> None:
    lan, _ = await _done_task1(world)
    await lan.press(ATTACH)
    got = await lan.send_document("bao-cao <quý III>.pdf", b"%PDF-1.4 ...", "application/pdf",
                                  caption="Số 77/BC-STP")  # fmt: skip
    assert "📎 Đã gửi kèm báo cáo số 77/BC-STP" in got.text
    [(task, unit, number, file_id, name, size, mime)] = await _evidence(world)
    assert (number, name, size, mime) == ("77/BC-STP", "bao-cao <quý III>.pdf", 12, "application/pdf")  # fmt: skip
    assert file_id.startswith(f"doc-{LAN}-")
    coord, board = await _board(world)
    assert "📎 77/BC-STP · 📄 bao-cao &lt;quý III&gt;.pdf" in board.text
    fetch = [b for b in board.buttons if b.startswith("📎")]
    assert fetch == ["📎 1 · Sở Tư pháp"]
    assert all(len(d.encode()) <= 64 for r in board for row in r.callback_data for d in row)
    sent = await coord.press("📎 1 · Sở Tư pháp")
    assert [r.method for r in sent.messages] == ["sendDocument"]
    call = world.api.calls("sendDocument")[-1]
    assert call.chat_id == COORD and call.params["document"] == file_id
    assert "Sở Tư pháp — mục 1" in call.params["caption"] and "77/BC-STP" in call.params["caption"]
    rows = await _excel(world, coord)
    mine = [r for r in rows[1:] if r[1] == "1" and r[5] == "Sở Tư pháp"]
    assert [(r[9], r[10]) for r in mine] == [("77/BC-STP", "bao-cao <quý III>.pdf")]


async def test_another_units_officer_can_neither_attach_nor_fetch(world: World) -> None:
    lan, _ = await _done_task1(world)
    await lan.press(ATTACH)
    await lan.send_document("bc.pdf", b"%PDF", "application/pdf")
    [(_, _, _, file_id, *_)] = await _evidence(world)
    hung = world.harness.private(HUNG, "Hùng")
    t1, stp = world.ids["t1"], world.ids["stp"]
    # Lan's button replayed in Hùng's chat fails its signature; one signed for his chat fails
    # the rights check.
    _, data = lan.last_with_button(ATTACH)
    assert "không hợp lệ" in (await hung.press_data(data)).answers[0].params["text"]
    own = world.services.sign(HUNG, f"ea:{t1}:20250820:{stp}")
    refused = await hung.press_data(own)
    assert "chỉ gửi kèm được báo cáo cho việc của đơn vị mình" in refused.answers[0].params["text"]
    assert await world.scalar(select(func.count()).select_from(EvidenceWaitRow)) == 0
    # Even a wait written for him in the store is checked again when he sends.
    async with world.services.uow() as uow:
        uow.session.add(EvidenceWaitRow(chat_id=HUNG, user_id=HUNG, task_id=t1, unit_id=stp,
                                        due_date=NOW.date() + timedelta(days=2),
                                        expires_at=to_utc(NOW) + timedelta(minutes=30)))  # fmt: skip
        await uow.commit()
    answer = await hung.send("999/BC-SNV")
    assert "chỉ gửi kèm được báo cáo cho việc của đơn vị mình" in answer.text
    assert [r[2] for r in await _evidence(world)] == [None]
    # Fetching is for coordinators: a 📎 signed for an officer's own chat is refused.
    evidence_id = await world.scalar(select(EvidenceRow.id))
    for chat in (hung, lan):
        fetch = world.services.sign(chat.chat_id, f"ef:{evidence_id}")
        assert (
            "Chỉ Văn phòng UBND tỉnh mới"
            in (await chat.press_data(fetch)).answers[0].params["text"]
        )
    assert all(c.params.get("document") != file_id for c in world.api.calls("sendDocument"))


async def test_skipping_leaves_the_completion_as_it_was(world: World) -> None:
    lan, _ = await _done_task1(world)
    await lan.press(ATTACH)
    skipped = await lan.press(SKIP)
    assert "Đã bỏ qua gửi kèm báo cáo" in skipped.text
    assert await world.scalar(select(func.count()).select_from(EvidenceWaitRow)) == 0
    assert await world.scalar(select(func.count(CompletionRow.id))) == 1
    assert "Đã gửi kèm" not in (await lan.send("123/BC-STP")).text
    assert await _evidence(world) == []
    _, board = await _board(world)
    assert "Báo cáo gửi kèm" not in board.text and "📎" not in board.text


async def test_numbers_and_files_are_bounded_and_a_wait_expires(world: World) -> None:
    lan, _ = await _done_task1(world)
    asked = await lan.press(ATTACH)
    prompt = max(world.api.messages[LAN])
    too_long = await lan.send("1/BC-" + "X" * 70)  # shaped like a number, too long: not taken
    assert "Đã gửi kèm" not in too_long.text
    reply_to = world.api._message_json(world.api.messages[LAN][prompt])
    long_reply = await _reply(lan, "1/BC-" + "X" * 70, reply_to)
    assert "dài quá 64 ký tự" in long_reply.text
    big = await lan.send_document("scan.pdf", b"%PDF", "application/pdf", file_size=21 * 2**20)
    assert "lớn quá 20 MB" in big.text
    assert await _evidence(world) == []
    # Anything typed in reply to the prompt is the number (escaped wherever shown).
    got = await _reply(lan, "<b>Số 5</b> ngày 15/8", reply_to)
    assert "số &lt;b&gt;Số 5&lt;/b&gt; ngày 15/8" in got.text
    _, board = await _board(world)
    assert "📎 &lt;b&gt;Số 5&lt;/b&gt; ngày 15/8" in board.text
    # A wait left for more than 30 minutes is over.
    assert asked.buttons == [SKIP]
    again = await lan.press(ATTACH)  # offered again under the confirmation
    assert "Gõ số hiệu báo cáo" in again.text
    async with world.services.uow() as uow:
        await uow.session.execute(update(EvidenceWaitRow).values(expires_at=to_utc(NOW) - timedelta(seconds=1)))  # fmt: skip
        await uow.commit()
    assert "Đã gửi kèm" not in (await lan.send("8/BC-STP")).text
    assert [r[2] for r in await _evidence(world)] == ["<b>Số 5</b> ngày 15/8"]


async def _reply(chat: FakeChat, text: str, to: dict[str, Any]) -> Replies:
    """``text`` typed in reply to the bot's message ``to``."""
    return await chat._act({"message": chat._message(text=text, reply_to_message=to)})


async def test_done_in_a_group_offers_nothing(world: World) -> None:
    """In a group the bot sees only commands and replies: no offer, no wait."""
    group_id = -100600
    world.api.set_chat_member(group_id, LAN, "administrator")
    group = world.harness.group(group_id, LAN)
    await group.send("/nhom Tư pháp")
    await group.send("/viec")
    done = world.services.sign(group_id, f"d:{world.ids['t1']}:20250820")
    replies = await group.press_data(done)
    assert "Đã ghi nhận hoàn thành" in replies.text and ATTACH not in replies.buttons
    assert await world.scalar(select(func.count(CompletionRow.id))) == 1
    forged = world.services.sign(group_id, f"ea:{world.ids['t1']}:20250820:{world.ids['stp']}")
    assert "không hợp lệ" in (await group.press_data(forged)).answers[0].params["text"]
    assert await world.scalar(select(func.count()).select_from(EvidenceWaitRow)) == 0
