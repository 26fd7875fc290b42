"""Small holes: /giao typed in a group, and text that is not valid Unicode (a lone surrogate)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot.world import World, start_world, stop_world
from sqlalchemy import func, select

from store.models import AuditRow

LAN, HUNG, COORD = 501, 502, 800
GROUP = -100700


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def test_giao_typed_in_a_group_assigns_nothing_and_announces_nothing(world: World) -> None:
    world.api.set_chat_member(GROUP, LAN, "administrator")
    await world.harness.group(GROUP, LAN).send("/nhom Tư pháp")
    replies = await world.harness.group(GROUP, COORD).send("/giao 3 Hùng")
    assert "tin nhắn riêng" in replies.text
    group_texts = " ".join(str(r.params.get("text")) for r in world.api.for_chat(GROUP))
    assert "Đã giao việc" not in group_texts and "Cập nhật cơ sở dữ liệu" not in group_texts
    assigned = select(func.count(AuditRow.id)).where(AuditRow.action == "task.assign")
    assert await world.scalar(assigned) == 0
    assert not world.api.messages.get(HUNG)
    # In private the same command assigns.
    assert "Đã giao việc" in (await world.harness.private(COORD).send("/giao 3 Hùng")).text
    assert await world.scalar(assigned) == 1


async def test_a_lone_surrogate_in_a_question_gets_a_normal_answer(world: World) -> None:
    lan = world.harness.private(LAN)
    # A question the reader does not understand is echoed back: it used to fail to encode.
    replies = await lan.send("\ud800 rà soát")
    assert "gặp lỗi" not in replies.text and replies.messages
    assert "\ud800" not in replies.text
    replies = await lan.send("việc quá hạn \ud800")
    assert "Công khai kết quả" in replies.text  # Sở Tư pháp's overdue task


async def test_a_newcomer_naming_a_unit_with_a_lone_surrogate_is_answered(world: World) -> None:
    newcomer = world.harness.private(611, "Hoa")
    await newcomer.send("/start")
    replies = await newcomer.send("Sở \ud800")
    assert "gặp lỗi" not in replies.text and replies.messages
