"""Onboarding over the real python-telegram-bot stack against the fake Bot API: invites, approvals."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot.world import ADMIN_ID, World, start_world, stop_world
from sqlalchemy import select

from store.models import InviteRow, OfficerRow


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def test_the_command_menu_is_set_in_vietnamese_at_start(world: World) -> None:
    names = {c["command"]: c["description"] for c in world.api.commands}
    assert {"viec", "sapden", "quahan", "thang", "tuan", "donvi", "xong", "caidat", "huongdan"} <= set(names)  # fmt: skip
    assert names["quahan"] == "Việc quá hạn"


async def test_an_invite_link_registers_its_first_user_once_and_stores_only_a_hash(
    world: World,
) -> None:
    admin = world.harness.private(ADMIN_ID, "Điều phối")
    replies = await admin.send("/moi Tư pháp")
    link = re.search(r"https://t\.me/tthc_test_bot\?start=([A-Za-z0-9_-]+)", replies.text)
    assert link, replies.text
    code = link.group(1)
    hashes = [h for (h,) in await world.all(select(InviteRow.code_hash))]
    assert len(hashes) == 1 and code not in hashes[0]

    lan = world.harness.private(501, "Lan")
    replies = await lan.send(f"/start {code}")
    assert "Sở Tư pháp" in replies.text
    assert replies.messages[0].keyboard == [["Hôm nay", "Tuần này"], ["Tháng này", "Quá hạn"]]
    row = await world.scalar(select(OfficerRow).where(OfficerRow.telegram_id == 501))
    assert row.status == "active" and row.unit_id == world.ids["stp"]

    other = world.harness.private(502, "Hùng")
    replies = await other.send(f"/start {code}")
    assert "đã được dùng" in replies.text
    assert await world.scalar(select(OfficerRow).where(OfficerRow.telegram_id == 502)) is None


async def test_an_unknown_invite_code_is_refused(world: World) -> None:
    replies = await world.harness.private(503).send("/start khongcoma123")
    assert "không hợp lệ" in replies.text
    assert await world.scalar(select(OfficerRow).where(OfficerRow.telegram_id == 503)) is None


async def test_an_officer_with_an_invite_can_not_create_invites(world: World) -> None:
    admin = world.harness.private(ADMIN_ID)
    code = re.search(r"start=(\S+)", (await admin.send("/moi Nội vụ")).text).group(1)  # type: ignore[union-attr]
    officer = world.harness.private(504, "Minh")
    await officer.send(f"/start {code}")
    replies = await officer.send("/moi Tư pháp")
    assert "Chỉ Văn phòng UBND tỉnh" in replies.text
    assert len(await world.all(select(InviteRow.id))) == 1


async def test_a_newcomer_names_a_unit_picks_it_and_waits_for_the_coordinators_approval(
    world: World,
) -> None:
    admin = world.harness.private(ADMIN_ID, "Điều phối")
    await admin.send("/start")  # the first administrator is created from the settings
    newcomer = world.harness.private(601, "Hoa")
    replies = await newcomer.send("/start")
    assert "đơn vị nào" in replies.text
    replies = await newcomer.send("tu phap")
    assert replies.buttons == ["Sở Tư pháp"]
    replies = await newcomer.press("Sở Tư pháp")
    assert "chờ Văn phòng UBND tỉnh duyệt" in replies.text
    row = await world.scalar(select(OfficerRow).where(OfficerRow.telegram_id == 601))
    assert row.status == "pending"

    # While pending, officer commands are refused.
    assert "đang chờ" in (await newcomer.send("/viec")).text

    request = world.api.messages[ADMIN_ID]
    assert any("Hoa" in (m.text or "") for m in request.values())
    replies = await admin.press("✔️ Duyệt")
    assert "đã được duyệt" in replies.text
    assert any("đã được duyệt" in (m.text or "") for m in world.api.messages[601].values())
    row = await world.scalar(select(OfficerRow).where(OfficerRow.telegram_id == 601))
    assert row.status == "active"
    assert "Sở Tư pháp" in (await newcomer.send("/viec")).text


async def test_a_rejected_newcomer_stays_out(world: World) -> None:
    admin = world.harness.private(ADMIN_ID)
    await admin.send("/start")
    newcomer = world.harness.private(602, "Tú")
    await newcomer.send("/start")
    await newcomer.send("Nội vụ")
    await newcomer.press("Sở Nội vụ")
    await admin.press("✖️ Từ chối")
    row = await world.scalar(select(OfficerRow).where(OfficerRow.telegram_id == 602))
    assert row.status == "rejected"
    assert "từ chối" in (await newcomer.send("/viec")).text


async def test_an_officer_can_not_approve_and_a_decided_request_can_not_be_decided_again(
    world: World,
) -> None:
    admin = world.harness.private(ADMIN_ID)
    await admin.send("/start")
    newcomer = world.harness.private(603, "Bình")
    await newcomer.send("/start")
    await newcomer.send("Tư pháp")
    await newcomer.press("Sở Tư pháp")
    msg, data = admin.last_with_button("✔️ Duyệt")
    await admin.press("✔️ Duyệt")
    replies = await admin.press_data(data, msg)
    assert "đã được xử lý" in replies.answers[0].params.get("text", "")


async def test_start_again_after_blocking_the_bot_reopens_the_chat_for_reminders(
    world: World,
) -> None:
    from sqlalchemy import update

    await world.add_officer(505, "Nam", "stp")
    async with world.services.sessions() as s:
        await s.execute(update(OfficerRow).where(OfficerRow.telegram_id == 505).values(chat_active=False))  # fmt: skip
        await s.commit()
    replies = await world.harness.private(505, "Nam").send("/start")
    assert "Chào Nam" in replies.text
    assert await world.scalar(select(OfficerRow.chat_active).where(OfficerRow.telegram_id == 505))


async def test_a_coordinator_who_blocked_the_bot_does_not_break_a_newcomers_request(
    world: World,
) -> None:
    from fakebot import Fault

    await world.add_officer(ADMIN_ID, "Điều phối", None, "administrator")
    world.api.fail("sendMessage", Fault.blocked(), chat_id=ADMIN_ID)
    newcomer = world.harness.private(606, "Vy")
    await newcomer.send("/start")
    await newcomer.send("Tư pháp")
    replies = await newcomer.press("Sở Tư pháp")
    assert "chờ Văn phòng UBND tỉnh duyệt" in replies.text
    assert [r.status for r in world.api.for_chat(ADMIN_ID)] == [403]
    row = await world.scalar(select(OfficerRow).where(OfficerRow.telegram_id == 606))
    assert row.status == "pending"
