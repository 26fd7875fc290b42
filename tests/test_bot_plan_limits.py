"""Over the fake Bot API: a plan is read off the event loop while other chats are answered, the
preview says how many identical rows were dropped and what was clamped, and 📄 Chi tiết of a
task with a multi-megabyte cell stays within a few messages."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fakebot.world import World, start_world, stop_world
from sqlalchemy import update

import handlers.plans
from handlers.formatting import LIMIT
from store.models import TaskRow
from tests import crafted_docx as crafted

COORD, OTHER, LAN = 800, 801, 501
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    await w.add_officer(OTHER, "Bình", "snv")
    await w.add_officer(LAN, "Lan", "stp")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def test_the_preview_counts_identical_rows_dropped(world: World) -> None:
    replies = await world.harness.private(COORD).send_document(
        "lap.docx", crafted.repeated(500), DOCX
    )
    assert "Số việc: <b>2</b>" in replies.text
    assert "Bỏ 499 dòng trùng lặp" in replies.text
    assert replies.buttons == ["📥 Nhập", "Hủy"]


async def test_a_non_numeric_span_gets_a_preview_with_a_note_not_the_generic_error(
    world: World,
) -> None:
    replies = await world.harness.private(COORD).send_document(
        "six.docx", crafted.with_grid_span("six"), DOCX
    )
    assert "Bảng 1, dòng 3, w:gridSpan: giá trị «six» không phải số" in replies.text
    assert "Số việc:" in replies.text and replies.buttons == ["📥 Nhập", "Hủy"]


async def test_another_chat_is_answered_while_a_plan_is_read(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered, release = threading.Event(), threading.Event()
    waited: list[bool] = []
    real = handlers.plans.read_plan

    def slow_read(*args: Any) -> Any:
        entered.set()
        waited.append(release.wait(timeout=5))  # a long read; on the event loop it would block
        return real(*args)

    monkeypatch.setattr(handlers.plans, "read_plan", slow_read)
    coord, other = world.harness.private(COORD), world.harness.private(OTHER)
    upload = asyncio.create_task(coord.send_document("big.docx", crafted.repeated(3), DOCX))
    for _ in range(100):
        if entered.is_set():
            break
        await asyncio.sleep(0.05)
    assert entered.is_set()
    answer = await other.send("/huongdan")
    release.set()
    assert "Hướng dẫn" in answer.text
    preview = await upload
    assert waited == [True]  # the other chat was answered before the read was let go
    assert "Bỏ 2 dòng trùng lặp" in preview.text


async def test_the_detail_of_a_five_megabyte_cell_is_cut_to_a_few_messages(world: World) -> None:
    huge = "Rà soát, đánh giá thủ tục <hành chính> & quy trình nội bộ. " * 90_000  # ~5 MB
    async with world.services.uow() as uow:
        await uow.session.execute(
            update(TaskRow)
            .where(TaskRow.id == world.ids["t1"])
            .values(content=huge, notes=huge[:1_000_000], result=huge[:2_000_000])
        )
        await uow.commit()
    chat = world.harness.private(LAN)
    await chat.send("/sapden")
    replies = await chat.press("📄 1")
    sent = replies.messages
    assert 1 <= len(sent) <= 3, len(sent)
    assert all(len(m.text) <= LIMIT for m in sent)
    text = replies.text
    assert "đã rút gọn, xem toàn văn trong kế hoạch" in text
    assert "Hạn:" in text and "Chủ trì:" in text  # the short fields are not cut away
    assert "&lt;hành chính&gt; &amp;" in text  # still escaped after the cut


async def test_previews_awaiting_import_are_bounded_in_bytes(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = crafted.repeated(3)
    monkeypatch.setattr(handlers.plans, "MAX_PENDING_BYTES", len(data) * 2)
    coord = world.harness.private(COORD)
    for n in range(4):
        await coord.send_document(f"p{n}.docx", data, DOCX)
    from sqlalchemy import select

    from store.replicas import PlanPreviewRow

    async with world.services.uow(read_only=True) as uow:
        kept = (
            await uow.session.execute(
                select(PlanPreviewRow.name, PlanPreviewRow.data).order_by(PlanPreviewRow.created_at)
            )
        ).all()
    assert len(kept) == 2 and sum(len(d) for _n, d in kept) <= len(data) * 2
    assert [n for n, _d in kept] == ["p2.docx", "p3.docx"]  # the newest stay
