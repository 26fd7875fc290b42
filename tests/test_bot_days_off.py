"""/ngaynghi over the real PTB stack: administrators add and remove days off, coordinators only
list, officers are refused, bad dates get a Vietnamese example.

The world's clock is Monday 18/8/2025 09:00; task 2 falls due on Monday 25/8.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from fakebot.world import ADMIN_ID, World, start_world, stop_world
from sqlalchemy import select

from store.models import AuditRow, DayOffRow, TaskDueRow

LAN, COORD = 501, 800


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def _task2_last_day(world: World) -> date:
    found = await world.scalar(
        select(TaskDueRow.last_day).where(TaskDueRow.task_id == world.ids["t2"])
    )
    assert isinstance(found, date)
    return found


async def test_an_administrator_adds_and_removes_a_day_off(world: World) -> None:
    admin = world.harness.private(ADMIN_ID, "Quản trị")
    added = await admin.send("/ngaynghi thêm 25/8/2025 Nghỉ bù <b>lễ</b>")
    assert added.text == (
        "Đã thêm ngày nghỉ Thứ Hai, 25/8/2025; 1 hạn được dời, 0 lời nhắc được xếp lại."
    )
    assert await _task2_last_day(world) == date(2025, 8, 22)
    listed = (await admin.send("/ngaynghi")).text
    assert "• Thứ Hai, 25/8/2025 — bổ sung: Nghỉ bù &lt;b&gt;lễ&lt;/b&gt;" in listed
    assert "• Thứ Ba, 2/9/2025 — " in listed  # Quốc khánh, from the holidays package
    assert "<b>lễ</b>" not in listed
    removed = await admin.send("/ngaynghi bỏ 25/8")
    assert removed.text.startswith("Đã bỏ ngày nghỉ Thứ Hai, 25/8/2025; 1 hạn được dời")
    assert await _task2_last_day(world) == date(2025, 8, 25)
    assert await world.scalar(select(DayOffRow.day)) is None
    actions = [a for (a,) in await world.all(select(AuditRow.action).order_by(AuditRow.id))]
    assert actions[-2:] == ["day_off.add", "day_off.remove"]
    again = await admin.send("/ngaynghi bo 25/8/2025")
    assert "không có trong danh sách" in again.text


async def test_a_coordinator_may_list_but_not_change(world: World) -> None:
    coord = world.harness.private(COORD)
    listed = (await coord.send("/ngaynghi")).text
    assert "Ngày nghỉ sắp tới" in listed and "2/9/2025" in listed
    refused = (await coord.send("/ngaynghi them 25/8/2025")).text
    assert refused == "Chỉ quản trị viên mới thêm hoặc bỏ được ngày nghỉ."
    assert await world.scalar(select(DayOffRow.day)) is None
    assert await _task2_last_day(world) == date(2025, 8, 25)


async def test_an_officer_is_refused_listing_and_changing(world: World) -> None:
    lan = world.harness.private(LAN)
    for command in ("/ngaynghi", "/ngaynghi them 25/8/2025"):
        text = (await lan.send(command)).text
        assert "Chỉ Văn phòng UBND tỉnh và quản trị viên" in text
        assert "2/9/2025" not in text
    assert await world.scalar(select(DayOffRow.day)) is None


async def test_bad_dates_and_days_get_a_vietnamese_answer(world: World) -> None:
    admin = world.harness.private(ADMIN_ID, "Quản trị")
    for command in ("/ngaynghi them 32/8/2025", "/ngaynghi them", "/ngaynghi them mai"):
        text = (await admin.send(command)).text
        assert (
            text.startswith("Ngày không hợp lệ") and "Ví dụ: <code>/ngaynghi them 5/9/2025" in text
        )
    assert "cuối tuần" in (await admin.send("/ngaynghi them 23/8/2025")).text
    assert "đã là ngày nghỉ lễ" in (await admin.send("/ngaynghi them 2/9/2025")).text
    assert "đã qua" in (await admin.send("/ngaynghi them 15/8/2025")).text
    assert "trong vòng 2 năm" in (await admin.send("/ngaynghi them 2/1/2030")).text
    assert "Không hiểu «doi&lt;x»" in (await admin.send("/ngaynghi doi<x 5/9")).text
    assert await world.scalar(select(DayOffRow.day)) is None


async def test_days_off_are_managed_in_a_private_chat_only(world: World) -> None:
    group = world.harness.group(-100900, ADMIN_ID)
    assert "chỉ dùng trong chat riêng" in (await group.send("/ngaynghi them 25/8/2025")).text
    assert await world.scalar(select(DayOffRow.day)) is None
