"""Groups, bad input and access control: each refused with a clear reply, nothing changed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot.world import World, start_world, stop_world
from sqlalchemy import func, select

from store.models import AuditRow, CompletionRow, GroupChatRow, OfficerRow, PlanRow, SnoozeRow

LAN, HUNG, COORD = 501, 502, 800  # Lan: Sở Tư pháp; Hùng: Sở Nội vụ; a coordinator
GROUP_ADMIN = 700  # an officer of Sở Tư pháp who administers the group (may link it)
GROUP = -100500


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    await w.add_officer(GROUP_ADMIN, "Quản trị nhóm", "stp")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def _changes(world: World) -> tuple[int, int, int]:
    return (
        await world.scalar(select(func.count(CompletionRow.id))),
        await world.scalar(select(func.count(SnoozeRow.id))),
        await world.scalar(select(func.count(PlanRow.id))),
    )


# ---------------------------------------------------------------- groups
async def test_a_group_admin_links_the_group_and_it_then_sees_only_its_unit(world: World) -> None:
    world.api.set_chat_member(GROUP, 700, "administrator")
    world.api.set_chat_member(GROUP, 701, "member")
    member = world.harness.group(GROUP, 701)
    assert "Chỉ quản trị viên" in (await member.send("/nhom Tư pháp")).text
    assert await world.scalar(select(func.count(GroupChatRow.id))) == 0
    admin = world.harness.group(GROUP, 700)
    assert "Đã liên kết nhóm với <b>Sở Tư pháp</b>" in (await admin.send("/nhom Tư pháp")).text
    assert await world.scalar(select(GroupChatRow.unit_id)) == world.ids["stp"]
    html = (await member.send("/viec@tthc_test_bot")).text
    assert "Sở Tư pháp" in html and "Cập nhật cơ sở dữ liệu" not in html
    refused = (await member.send("/donvi Nội vụ")).text
    assert "chỉ xem được việc của đơn vị mình" in refused and "Cập nhật cơ sở" not in refused


async def test_in_a_group_the_bot_ignores_plain_chatter_and_answers_mentions(world: World) -> None:
    world.api.set_chat_member(GROUP, 700, "creator")
    admin = world.harness.group(GROUP, 700)
    await admin.send("/nhom Tư pháp")
    assert len(await admin.send("hôm nay ăn gì")) == 0
    replies = await admin.send("@tthc_test_bot việc tháng 8")
    assert replies.messages and "Cập nhật cơ sở dữ liệu" not in replies.text


async def test_an_unlinked_group_is_told_how_to_link(world: World) -> None:
    replies = await world.harness.group(GROUP, 701).send("/viec")
    assert "chưa liên kết" in replies.text


# ---------------------------------------------------------------- bad input
async def test_an_unknown_command_gets_a_clear_reply(world: World) -> None:
    replies = await world.harness.private(LAN).send("/khongco")
    assert "Không có lệnh /khongco" in replies.text


async def test_an_unregistered_user_is_told_to_start(world: World) -> None:
    stranger = world.harness.private(999)
    for command in ("/viec", "/quahan", "/caidat", "việc tháng 8"):
        assert "chưa đăng ký" in (await stranger.send(command)).text
    assert await world.scalar(select(OfficerRow).where(OfficerRow.telegram_id == 999)) is None


async def test_a_removed_officer_is_refused_everything(world: World) -> None:
    from services.officers import remove_officer

    async with world.services.uow() as uow:
        await remove_officer(uow, LAN, world.services.now())
        await uow.commit()
    chat = world.harness.private(LAN)
    assert "đã bị gỡ" in (await chat.send("/viec")).text
    assert "đã bị gỡ" in (await chat.send("/start")).text


async def test_an_oversized_plan_file_is_refused_before_download(world: World) -> None:
    replies = await world.harness.private(COORD).send_document(
        "kehoach.docx", b"PK", mime_type="application/zip", file_size=25 * 1024 * 1024
    )
    assert "Tệp quá lớn" in replies.text
    assert not world.api.calls("getFile")
    assert await _changes(world) == (0, 0, 1)


async def test_a_wrong_type_of_file_is_refused(world: World) -> None:
    replies = await world.harness.private(COORD).send_document("anh.jpg", b"\xff\xd8", "image/jpeg")
    assert "Chỉ nhận tệp kế hoạch Word (.docx, .doc), PDF, Excel (.xlsx)" in replies.text
    assert not world.api.calls("getFile")


async def test_an_unreadable_plan_file_gets_the_readers_message(world: World) -> None:
    pytest.importorskip("bot.plans")
    replies = await world.harness.private(COORD).send_document("trong.txt", b"   ")
    assert "Không đọc được tệp" in replies.text
    assert await _changes(world) == (0, 0, 1)


async def test_a_forged_button_is_refused_and_changes_nothing(world: World) -> None:
    chat = world.harness.private(LAN)
    await chat.send("/sapden")
    _, data = chat.last_with_button("✅ 1")
    forged = data.rsplit(":", 1)[0] + ":AAAAAAAAAAA"
    replies = await chat.press_data(forged)
    assert "không hợp lệ" in replies.answers[0].params["text"]
    replies = await chat.press_data("d:1:20250820")  # unsigned
    assert "không hợp lệ" in replies.answers[0].params["text"]
    assert await _changes(world) == (0, 0, 1)


async def test_a_button_signed_for_one_chat_does_not_work_in_another(world: World) -> None:
    lan = world.harness.private(LAN)
    await lan.send("/sapden")
    _, data = lan.last_with_button("✅ 1")
    replies = await world.harness.private(HUNG).press_data(data)
    assert "không hợp lệ" in replies.answers[0].params["text"]
    assert await _changes(world) == (0, 0, 1)


async def test_a_forged_reminder_button_with_an_impossible_task_number_is_refused(
    world: World,
) -> None:
    # A client may send any callback data: a number past the database's integers used to end in
    # an OverflowError and the generic error (even signed, it is refused).
    lan = world.harness.private(LAN)
    for payload in ("rd:99999999999999999999:20250820", "rs:2147483648:20250820"):
        data = world.services.sign(LAN, payload)
        replies = await lan.press_data(data)
        assert "không hợp lệ" in replies.answers[0].params["text"], data
    assert await _changes(world) == (0, 0, 1)


async def test_a_stale_plan_preview_button_is_refused(world: World) -> None:
    coord = world.harness.private(COORD)
    replies = await coord.press_data(world.services.sign(COORD, "pi:deadbeef"))
    assert "đã cũ" in replies.answers[0].params["text"]
    assert await _changes(world) == (0, 0, 1)


async def test_a_sticker_or_photo_gets_a_clear_reply(world: World) -> None:
    chat = world.harness.private(LAN)
    msg = chat._message(sticker={"file_id": "s", "file_unique_id": "s", "type": "regular",
                                 "width": 1, "height": 1, "is_animated": False, "is_video": False})  # fmt: skip
    replies = await chat._act({"message": msg})
    assert "chỉ đọc tin nhắn chữ" in replies.text


# ---------------------------------------------------------------- access control
async def test_an_unregistered_user_can_not_mark_a_task_done(world: World) -> None:
    stranger = world.harness.private(999)
    t1 = world.ids["t1"]
    replies = await stranger.press_data(world.services.sign(999, f"d:{t1}:20250820"))
    assert "chưa đăng ký" in replies.answers[0].params["text"]
    replies = await stranger.press_data(world.services.sign(999, f"i:{t1}:20250820"))
    assert "chưa đăng ký" in replies.answers[0].params["text"]
    assert await _changes(world) == (0, 0, 1)


async def test_an_officer_of_another_unit_can_not_read_or_change_a_task(world: World) -> None:
    hung = world.harness.private(HUNG)
    t1 = world.ids["t1"]  # Sở Tư pháp's alone
    for payload in (f"d:{t1}:20250820", f"z:{t1}:20250820:1", f"i:{t1}:20250820"):
        replies = await hung.press_data(world.services.sign(HUNG, payload))
        assert "không thuộc đơn vị của anh/chị" in replies.answers[0].params["text"], payload
    stp = world.ids["stp"]
    replies = await hung.press_data(world.services.sign(HUNG, f"p:dv:-:{stp}:0"))
    assert "chỉ xem được việc của đơn vị mình" in replies.answers[0].params["text"]
    assert await _changes(world) == (0, 0, 1)


async def test_a_group_member_can_not_change_tasks_or_read_another_units(world: World) -> None:
    world.api.set_chat_member(GROUP, 700, "administrator")
    await world.harness.group(GROUP, 700).send("/nhom Tư pháp")
    stranger = world.harness.group(GROUP, 701)
    await stranger.send("/sapden")
    replies = await stranger.press("✅ 1")
    assert "chưa đăng ký" in replies.answers[0].params["text"]
    # An officer of another unit sitting in the group may not mark the group's tasks either.
    hung = world.harness.group(GROUP, HUNG)
    replies = await hung.press("✅ 1")
    assert "không thuộc đơn vị của nhóm" in replies.answers[0].params["text"]
    t3 = world.ids["t3"]  # Sở Nội vụ's
    replies = await stranger.press_data(world.services.sign(GROUP, f"i:{t3}:20250820"))
    assert "không thuộc đơn vị" in replies.answers[0].params["text"]
    assert await _changes(world) == (0, 0, 1)
    # Lan, of the group's unit, may.
    lan = world.harness.group(GROUP, LAN)
    assert "Đã ghi nhận" in (await lan.press("✅ 1")).text
    assert await _changes(world) == (1, 0, 1)


async def test_an_officer_can_not_upload_plans_or_assign_to_another_units_officer(
    world: World,
) -> None:
    # Issue 16: an officer may assign within their own unit (tests/test_bot_assign.py), never
    # to an officer of another unit.
    lan = world.harness.private(LAN)
    assert "Chỉ Văn phòng UBND tỉnh" in (await lan.send_document("kh.txt", b"x")).text
    refused = (await lan.send(f"/giao {world.ids['t1']} Hùng")).text
    assert "chỉ giao được việc cho cán bộ của đơn vị mình" in refused
    assert not world.api.messages.get(HUNG)
    assert not world.api.calls("getFile")
    assert await world.scalar(select(func.count(AuditRow.id)).where(AuditRow.action == "task.assign")) == 0  # fmt: skip


async def test_a_coordinator_assigns_a_task_to_a_named_officer(world: World) -> None:
    coord = world.harness.private(COORD)
    replies = await coord.send(f"/giao {world.ids['t3']} Hùng")
    assert "Đã giao việc" in replies.text
    assert any(
        "Cập nhật cơ sở dữ liệu" in (m.text or "") for m in world.api.messages[HUNG].values()
    )
    assert "Không tìm thấy cán bộ" in (await coord.send(f"/giao {world.ids['t3']} Không Ai")).text


async def test_a_coordinator_names_the_task_by_its_ref_in_the_plan(world: World) -> None:
    coord = world.harness.private(COORD)
    assert "Đã giao việc" in (await coord.send("/giao 3 Hùng")).text
    assert any(
        "Cập nhật cơ sở dữ liệu" in (m.text or "") for m in world.api.messages[HUNG].values()
    )
    assert "Không tìm thấy việc mục IX.9" in (await coord.send("/giao IX.9 Hùng")).text
    assigned = await world.scalar(
        select(func.count(AuditRow.id)).where(AuditRow.action == "task.assign")
    )
    assert assigned == 1


async def test_a_group_mention_asking_about_another_unit_is_refused(world: World) -> None:
    world.api.set_chat_member(GROUP, 700, "administrator")
    await world.harness.group(GROUP, 700).send("/nhom Tư pháp")
    replies = await world.harness.group(GROUP, 701).send(
        "@tthc_test_bot việc của sở nội vụ tháng 8"
    )
    assert "chỉ xem được việc của đơn vị mình" in replies.text
    assert "Cập nhật cơ sở dữ liệu" not in replies.text


def _membership(old: str, new: str) -> dict[str, object]:
    bot = {"id": 123456, "is_bot": True, "first_name": "TTHC", "username": "tthc_test_bot"}
    admin = {"id": 700, "is_bot": False, "first_name": "Quản trị"}
    return {"my_chat_member": {"chat": {"id": GROUP, "type": "group", "title": "Nhóm STP"},
            "from": admin, "date": 0,
            "old_chat_member": {"status": old, "user": bot},
            "new_chat_member": {"status": new, "user": bot, "until_date": 0}}}  # fmt: skip


async def test_added_to_a_group_the_bot_explains_linking_and_removed_it_unlinks(
    world: World,
) -> None:
    await world.harness.deliver(_membership("left", "member"))
    assert "/nhom" in (world.api.for_chat(GROUP)[-1].params["text"])
    world.api.set_chat_member(GROUP, 700, "administrator")
    await world.harness.group(GROUP, 700).send("/nhom Tư pháp")
    assert await world.scalar(select(GroupChatRow.active)) is True
    await world.harness.deliver(_membership("member", "kicked"))
    assert await world.scalar(select(GroupChatRow.active)) is False
    assert "chưa liên kết" in (await world.harness.group(GROUP, 701).send("/viec")).text


async def test_a_button_for_a_task_a_revised_plan_dropped_is_refused(world: World) -> None:
    from sqlalchemy import update

    from store.models import TaskRow

    lan = world.harness.private(LAN)
    await lan.send("/sapden")
    async with world.services.sessions() as s:
        await s.execute(update(TaskRow).where(TaskRow.id == world.ids["t1"]).values(active=False))
        await s.commit()
    replies = await lan.press("✅ 1")
    assert "không còn trong kế hoạch" in replies.answers[0].params["text"]
    assert await _changes(world) == (0, 0, 1)
