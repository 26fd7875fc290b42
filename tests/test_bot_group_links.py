"""Linking a group to a unit needs someone entitled to the unit (an active officer of it, or a
coordinator) who is also an administrator of the group; anyone else is told what to do and the
group gets nothing of the unit."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot.world import World, start_world, stop_world
from sqlalchemy import func, select

from store.models import GroupChatRow

LAN, HUNG, COORD, STRANGER, MEMBER = 501, 502, 800, 777, 778
GROUP = -100600


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    for user in (LAN, HUNG, COORD, STRANGER):
        w.api.set_chat_member(GROUP, user, "administrator")
    w.api.set_chat_member(GROUP, MEMBER, "member")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def _links(world: World) -> list[tuple[int, bool]]:
    return [tuple(r) for r in await world.all(select(GroupChatRow.unit_id, GroupChatRow.active))]  # type: ignore[misc]


async def _nothing_of_the_unit(world: World) -> None:
    """No message the bot sent to the group names a task of Sở Tư pháp."""
    for rec in world.api.for_chat(GROUP):
        text = str(rec.params.get("text") or "")
        assert "Báo cáo" not in text and "Công khai kết quả" not in text, text


async def test_a_stranger_who_administers_a_group_is_refused_and_the_group_gets_nothing(
    world: World,
) -> None:
    stranger = world.harness.group(GROUP, STRANGER)
    refused = (await stranger.send("/nhom Sở Tư pháp")).text
    assert "Chỉ cán bộ đã đăng ký của đơn vị" in refused and "/start" in refused
    assert await world.scalar(select(func.count(GroupChatRow.id))) == 0
    assert "chưa liên kết" in (await stranger.send("/viec")).text
    assert "chưa liên kết" in (await stranger.send("/quahan")).text
    await _nothing_of_the_unit(world)


async def test_an_officer_of_the_unit_who_administers_the_group_links_it(world: World) -> None:
    lan = world.harness.group(GROUP, LAN)
    assert "Đã liên kết nhóm với <b>Sở Tư pháp</b>" in (await lan.send("/nhom Tư pháp")).text
    assert await _links(world) == [(world.ids["stp"], True)]
    assert await world.scalar(select(GroupChatRow.linked_by)) == LAN
    assert "Báo cáo" in (await world.harness.group(GROUP, MEMBER).send("/viec")).text


async def test_an_officer_of_another_unit_is_refused(world: World) -> None:
    hung = world.harness.group(GROUP, HUNG)
    refused = (await hung.send("/nhom Tư pháp")).text
    assert "Chỉ cán bộ của Sở Tư pháp (hoặc Văn phòng UBND tỉnh)" in refused
    assert await world.scalar(select(func.count(GroupChatRow.id))) == 0
    await _nothing_of_the_unit(world)
    # His own unit he may link; a later attempt to move the link to another unit is refused.
    assert "Đã liên kết nhóm với <b>Sở Nội vụ</b>" in (await hung.send("/nhom Nội vụ")).text
    assert "Chỉ cán bộ của Sở Tư pháp" in (await hung.send("/nhom Tư pháp")).text
    assert await _links(world) == [(world.ids["snv"], True)]


async def test_a_coordinator_who_administers_the_group_links_any_unit(world: World) -> None:
    coord = world.harness.group(GROUP, COORD)
    assert "Đã liên kết nhóm với <b>Sở Nội vụ</b>" in (await coord.send("/nhom Nội vụ")).text
    assert await _links(world) == [(world.ids["snv"], True)]


async def test_an_officer_of_the_unit_who_is_no_group_administrator_is_refused(
    world: World,
) -> None:
    world.api.set_chat_member(GROUP, LAN, "member")
    assert "Chỉ quản trị viên" in (await world.harness.group(GROUP, LAN).send("/nhom Tư pháp")).text
    assert await world.scalar(select(func.count(GroupChatRow.id))) == 0


async def test_a_unit_picked_by_button_is_checked_like_a_typed_one(world: World) -> None:
    # Hùng (Sở Nội vụ) presses a signed pick for Sở Tư pháp: refused, nothing linked.
    data = world.services.sign(GROUP, f"gl:{world.ids['stp']}")
    replies = await world.harness.group(GROUP, HUNG).press_data(data)
    assert "Chỉ cán bộ của Sở Tư pháp" in replies.text
    assert await world.scalar(select(func.count(GroupChatRow.id))) == 0
