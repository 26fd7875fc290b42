"""Reading never waits for SQLite's one writer: lists and details are answered while it is held."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fakebot.world import ADMIN_ID, World, start_world, stop_world
from sqlalchemy import select

from store.models import OfficerRow

LAN, COORD = 501, 800  # Lan: Sở Tư pháp; a coordinator
# Far below SQLite's busy timeout (30 s): a handler that asks for the write lock cannot answer.
PATIENCE_S = 3.0


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    w.harness.timeout = PATIENCE_S
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


@contextmanager
def writer_lock(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """Another connection holding the database's write lock (as the dispatcher's commits do)."""
    other = sqlite3.connect(tmp_path / "bot.db", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


async def test_an_officers_list_is_answered_while_another_connection_holds_the_write_lock(
    world: World, tmp_path: Path
) -> None:
    chat = world.harness.private(LAN)
    with writer_lock(tmp_path):
        replies = await chat.send("/viec")
    assert "Báo cáo &lt;kết quả&gt; &amp; tổng hợp TTHC quý III" in replies.text


async def test_a_detail_button_and_a_unit_lookup_are_answered_while_the_write_lock_is_held(
    world: World, tmp_path: Path
) -> None:
    chat = world.harness.private(LAN)
    await chat.send("/sapden")
    coordinator = world.harness.private(COORD)
    with writer_lock(tmp_path):
        detail = (await chat.press("📄 1")).text
        choice = await coordinator.send("/moi Sở")
    assert "Mục 1" in detail and "Kế hoạch kiểm soát TTHC năm 2025" in detail
    # Two units match: the look-up only offers them (creating the invite writes, after a press).
    assert "đơn vị nào" in choice.text
    assert {"Sở Tư pháp", "Sở Nội vụ"} <= set(choice.buttons)


async def test_an_administrator_seen_for_the_first_time_is_still_created(world: World) -> None:
    replies = await world.harness.private(ADMIN_ID, "Quản trị").send("/viec")
    assert "chưa đăng ký" not in replies.text
    row = await world.scalar(select(OfficerRow).where(OfficerRow.telegram_id == ADMIN_ID))
    assert row is not None and row.role == "administrator" and row.name == "Quản trị"


async def test_a_coordinators_board_and_its_excel_are_answered_while_the_write_lock_is_held(
    world: World, tmp_path: Path
) -> None:
    coordinator = world.harness.private(COORD)
    with writer_lock(tmp_path):
        board = await coordinator.send("/tinhhinh tháng 8 tất cả")
        excel = await coordinator.press("📊 Xuất Excel")
    assert "Tình hình việc — tháng 8/2025" in board.text and "Sở Tư pháp" in board.text
    assert [r.method for r in excel.messages] == ["sendDocument"]
