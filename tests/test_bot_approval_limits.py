"""Approval requests are bounded: one pending request at a time, and after a rejection a
cool-down before asking again (each request messages every coordinator)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot.world import ADMIN_ID, World, later, start_world, stop_world

from bot.clock import fixed_clock

NEWCOMER = 610


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.harness.private(ADMIN_ID, "Điều phối").send("/start")  # the first administrator
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


def _requests(world: World) -> int:
    """Approval requests the coordinator has received."""
    return sum(
        "Yêu cầu đăng ký" in str(r.params.get("text"))
        for r in world.api.calls("sendMessage")
        if r.chat_id == ADMIN_ID
    )


async def _ask(world: World) -> str:
    """The newcomer asks to join Sở Nội vụ; returns the unit button's data (to press again)."""
    newcomer = world.harness.private(NEWCOMER, "Hoa")
    assert "đơn vị nào" in (await newcomer.send("/start")).text
    await newcomer.send("Nội vụ")
    _, data = newcomer.last_with_button("Sở Nội vụ")
    await newcomer.press("Sở Nội vụ")
    return data


async def test_a_pending_request_is_not_sent_again(world: World) -> None:
    data = await _ask(world)
    assert _requests(world) == 1
    newcomer = world.harness.private(NEWCOMER, "Hoa")
    for _ in range(3):  # the unit button pressed again and again
        replies = await newcomer.press_data(data)
        assert "đang chờ Văn phòng UBND tỉnh duyệt" in replies.answers[0].params["text"]
    assert _requests(world) == 1


async def test_a_rejected_newcomer_waits_a_cool_down_before_asking_again(world: World) -> None:
    data = await _ask(world)
    await world.harness.private(ADMIN_ID).press("✖️ Từ chối")
    newcomer = world.harness.private(NEWCOMER, "Hoa")
    told = (await newcomer.send("/start")).text
    assert "vừa bị từ chối" in told and "liên kết mời" in told
    replies = await newcomer.press_data(data)  # the old unit button
    assert "vừa bị từ chối" in replies.answers[0].params["text"]
    assert _requests(world) == 1
    # Three days later the newcomer may ask once more.
    world.services.clock = fixed_clock(later(3))
    await _ask(world)
    assert _requests(world) == 2
