"""The report's number typed on Zalo after «xong» (issue 16): «bc 1 123/BC-STP» keeps it with
the unit's ✅ as 📎 does on Telegram; a question that starts like it is still answered."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot.world import World, start_world, stop_world
from fakezalo.driver import ZaloWorld, start_zalo_world
from sqlalchemy import select

from store.models import CompletionRow, EvidenceRow

LAN, HUNG = 501, 502  # Lan: Sở Tư pháp; Hùng: Sở Nội vụ
ZLAN, ZHUNG = "zalo-lan", "zalo-hung"


@pytest.fixture
async def worlds(tmp_path: Path) -> AsyncIterator[tuple[World, ZaloWorld]]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    z = await start_zalo_world(w)
    for telegram_id, zalo_id in ((LAN, ZLAN), (HUNG, ZHUNG)):
        text = (await w.harness.private(telegram_id).send("/zalo")).text
        code = text.split("<code>")[1].split("</code>")[0]
        assert "đã liên kết" in (await z.say(zalo_id, code))[0].lower()
    yield w, z
    await z.stop()
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def _numbers(w: World) -> list[tuple[int, int, str | None]]:
    rows = await w.all(
        select(CompletionRow.task_id, CompletionRow.unit_id, EvidenceRow.number).join(
            CompletionRow, CompletionRow.id == EvidenceRow.completion_id
        )
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]


async def test_a_number_typed_after_done_on_zalo_is_kept(worlds: tuple[World, ZaloWorld]) -> None:
    w, z = worlds
    assert "bc 2 123/BC-STP" in (await z.say(ZLAN, "huongdan"))[0]
    await z.say(ZLAN, "sapden")  # 1: task 1 (Sở Tư pháp leads)
    early = (await z.say(ZLAN, "bc 1 12/BC-STP"))[0]
    assert "chưa được ghi nhận hoàn thành" in early and await _numbers(w) == []
    done = (await z.say(ZLAN, "xong 1"))[0]
    assert "Đã ghi nhận hoàn thành" in done and "bc 1 123/BC-STP" in done
    kept = (await z.say(ZLAN, "Báo cáo 1 Số 12/BC-STP"))[0]
    assert "📎 Đã gửi kèm báo cáo số 12/BC-STP (việc mục 1" in kept
    assert await _numbers(w) == [(w.ids["t1"], w.ids["stp"], "12/BC-STP")]
    # A question that starts like it is a question.
    answer = (await z.say(ZLAN, "bao cao 6 thang"))[0]
    assert "Đã gửi kèm" not in answer
    # Hùng's item 1 is his own unit's task, not done: nothing reaches Sở Tư pháp's ✅.
    await z.say(ZHUNG, "sapden")
    assert "chưa được ghi nhận hoàn thành" in (await z.say(ZHUNG, "bc 1 5/BC-SNV"))[0]
    assert await _numbers(w) == [(w.ids["t1"], w.ids["stp"], "12/BC-STP")]
