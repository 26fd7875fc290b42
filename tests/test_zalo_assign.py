"""Assignment typed on Zalo (no buttons there): «giao 1 TÊN» and «tra lai 1», with the same
rights and the same audit rows as /giao and ↩️ Trả lại on Telegram (issue 16)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot.world import World, start_world, stop_world
from fakezalo.driver import ZaloWorld, start_zalo_world
from sqlalchemy import func, select

from store.models import AssignmentRow, AuditRow

LAN, MAI, HUNG = 501, 503, 502  # Lan, Mai: Sở Tư pháp; Hùng: Sở Nội vụ
ZLAN, ZMAI, ZHUNG = "zalo-lan", "zalo-mai", "zalo-hung"


@pytest.fixture
async def worlds(tmp_path: Path) -> AsyncIterator[tuple[World, ZaloWorld]]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(MAI, "Trần Thị Mai", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    z = await start_zalo_world(w)
    for telegram_id, zalo_id in ((LAN, ZLAN), (MAI, ZMAI), (HUNG, ZHUNG)):
        text = (await w.harness.private(telegram_id).send("/zalo")).text
        code = text.split("<code>")[1].split("</code>")[0]
        assert "đã liên kết" in (await z.say(zalo_id, code))[0].lower()
    yield w, z
    await z.stop()
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def _actions(w: World) -> list[tuple[str, int | None]]:
    rows = await w.all(select(AuditRow.action, AuditRow.actor).where(
        AuditRow.action.in_(("task.assign", "task.hand_back"))).order_by(AuditRow.id))  # fmt: skip
    return [(a, actor) for a, actor in rows]


async def test_typed_assign_and_hand_back_on_zalo(worlds: tuple[World, ZaloWorld]) -> None:
    w, z = worlds
    assert "giao 2 TÊN" in (await z.say(ZLAN, "huongdan"))[0]
    await z.say(ZLAN, "sapden")  # 1: task 1 (Sở Tư pháp leads)
    mark = len(z.api.sent)
    done = (await z.say(ZLAN, "giao 1 Mai"))[0]
    assert "Đã giao việc mục 1 cho Trần Thị Mai — Sở Tư pháp" in done
    told = [s.text for s in z.api.sent[mark:] if s.chat_id == ZMAI]
    assert told and "Lan giao cho anh/chị việc mục 1" in told[0] and "tra lai" in told[0]
    listed = (await z.say(ZLAN, "sapden"))[0]
    assert "đã giao cho Trần Thị Mai" in listed
    assert "Đã giao cho Trần Thị Mai" in (await z.say(ZLAN, "chi tiet 1"))[0]

    # Lan cannot hand back what Mai holds; Mai can.
    await z.say(ZMAI, "sapden")
    assert "tra lai 1" in (await z.say(ZMAI, "chi tiet 1"))[0]
    assert "không được giao riêng cho anh/chị" in (await z.say(ZLAN, "tra lai 1"))[0]
    assert "Đã trả lại việc mục 1" in (await z.say(ZMAI, "tra lai 1"))[0]
    assert await w.scalar(select(func.count(AssignmentRow.id))) == 0
    assert "đã giao cho" not in (await z.say(ZLAN, "sapden"))[0]
    assert await _actions(w) == [("task.assign", LAN), ("task.hand_back", MAI)]


async def test_an_officer_of_another_unit_cannot_assign_on_zalo(
    worlds: tuple[World, ZaloWorld],
) -> None:
    w, z = worlds
    await z.say(ZHUNG, "sapden")  # Hùng's list: his unit's tasks
    refused = (await z.say(ZHUNG, "giao 1 Mai"))[0]
    assert "chỉ giao được việc cho cán bộ của đơn vị mình" in refused
    assert await w.scalar(select(func.count(AssignmentRow.id))) == 0
    assert await _actions(w) == []
