"""Assignment over the fake Bot API with the real bot stack (issue 16): /giao gives a unit's task
to one of its officers, whose reminders then carry it alone (the unit's group still gets its
own); the others' lists say "đã giao cho …"; ↩️ Trả lại gives it back to everyone; another
unit's officer cannot assign; every change is in the audit table."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fakebot.world import NOW, World, start_world, stop_world
from sqlalchemy import func, select

from reminders.dispatcher import Dispatcher
from reminders.send_types import UNLIMITED
from reminders.telegram_port import TelegramPort
from services.reminders import plan_reminders
from store.models import AssignmentRow, AuditRow, OutboxRow
from store.uow import UnitOfWork

LAN, MAI, HUNG, COORD = 501, 503, 502, 800  # Lan, Mai: Sở Tư pháp; Hùng: Sở Nội vụ
GROUP = -100600  # Sở Tư pháp's group chat
TASK1 = "Báo cáo &lt;kết quả&gt;"  # task 1 (Sở Tư pháp leads; last day Tue 19/8), as sent
REMINDER_TIME = NOW + timedelta(days=1) - timedelta(minutes=50)  # Tue 19/8 08:10


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(MAI, "Trần Thị Mai", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    w.api.set_chat_member(GROUP, LAN, "administrator")
    await w.harness.group(GROUP, LAN).send("/nhom Tư pháp")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def _plan(world: World, at: datetime) -> None:
    async with UnitOfWork(world.services.sessions) as uow:
        await plan_reminders(uow, at)


async def _pending_task1(world: World) -> set[int]:
    """The chats with a pending reminder of task 1."""
    rows = await world.all(
        select(OutboxRow.chat_id).where(
            OutboxRow.task_id == world.ids["t1"], OutboxRow.status == "pending"
        )
    )
    return {c for (c,) in rows}


async def _dispatch(world: World, at: datetime) -> dict[int, str]:
    """Send what is due at ``at``; the texts each chat received, joined."""
    mark = len(world.api.requests)
    port = TelegramPort(world.harness.app.bot)
    await Dispatcher(world.services.sessions, port, clock=lambda: at, limits=UNLIMITED).run_once()
    out: dict[int, str] = {}
    for r in world.api.requests[mark:]:
        if r.method == "sendMessage" and r.chat_id is not None:
            out[r.chat_id] = out.get(r.chat_id, "") + "\n" + str(r.params.get("text"))
    return out


async def _audit(world: World) -> list[tuple[str, int | None, dict[str, object]]]:
    rows = await world.all(select(AuditRow.action, AuditRow.actor, AuditRow.detail).where(
        AuditRow.action.in_(("task.assign", "task.hand_back"))).order_by(AuditRow.id))  # fmt: skip
    return [(a, actor, dict(d)) for a, actor, d in rows]


async def test_an_assigned_task_leaves_the_other_officers_reminders_until_handed_back(
    world: World,
) -> None:
    await _plan(world, NOW)  # the scheduler had planned the next two days for everyone
    assert await _pending_task1(world) == {LAN, MAI, GROUP}

    lan = world.harness.private(LAN)
    replies = await lan.send("/giao 1 Mai")  # an officer of the unit assigns to a colleague
    assert "Đã giao việc mục <b>1</b>" in replies.text and "Trần Thị Mai" in replies.text
    mai = world.harness.private(MAI)
    _msg, _data = mai.last_with_button("↩️ Trả lại")
    told = world.api.messages[MAI][_msg.message_id].text or ""
    assert "Lan giao cho anh/chị" in told and TASK1 in told and "bạn" not in told
    # Lan's pending reminders of the task are gone; Mai's and the group's stay.
    assert await _pending_task1(world) == {MAI, GROUP}

    await _plan(world, NOW + timedelta(minutes=10))  # the next planning run writes none for Lan
    assert await _pending_task1(world) == {MAI, GROUP}
    sent = await _dispatch(world, REMINDER_TIME)
    assert TASK1 in sent[MAI] and TASK1 in sent[GROUP]
    assert TASK1 not in sent.get(LAN, "")

    # Lan's list shows who does it; Mai's too.
    assert "đã giao cho Trần Thị Mai" in (await lan.send("/viec")).text
    assert "đã giao cho Trần Thị Mai" in (await mai.send("/viec")).text

    # Mai hands it back: everyone of the unit is reminded again from the next planning run.
    back = await mai.press("↩️ Trả lại")
    assert "Đã trả lại việc mục <b>1</b>" in back.text
    to_lan = [r for r in world.api.for_chat(LAN) if r.method == "sendMessage"][-1]
    assert "Trần Thị Mai đã trả lại việc mục <b>1</b>" in str(to_lan.params.get("text"))
    assert await world.scalar(select(func.count(AssignmentRow.id))) == 0
    assert "đã giao cho" not in (await lan.send("/viec")).text
    later = REMINDER_TIME + timedelta(days=1)  # Wed 20/8 08:10: the first overdue morning
    await _plan(world, later - timedelta(minutes=20))
    assert LAN in await _pending_task1(world)
    sent = await _dispatch(world, later)
    assert TASK1 in sent[LAN] and TASK1 in sent[MAI]

    audit = await _audit(world)
    assert [(a, actor) for a, actor, _ in audit] == [("task.assign", LAN), ("task.hand_back", MAI)]
    assert audit[0][2]["task_id"] == world.ids["t1"] and audit[0][2]["due_date"] is None


async def test_an_officer_of_another_unit_cannot_assign_and_nothing_changes(world: World) -> None:
    await _plan(world, NOW)
    hung = world.harness.private(HUNG)
    refused = (await hung.send("/giao 1 Mai")).text
    assert "chỉ giao được việc cho cán bộ của đơn vị mình" in refused
    # Nor his own unit's colleague to a task his unit does not owe.
    await world.add_officer(504, "Minh", "snv")
    refused = (await hung.send("/giao 1 Minh")).text
    assert "không phải việc của Sở Nội vụ" in refused
    assert await world.scalar(select(func.count(AssignmentRow.id))) == 0
    assert await _audit(world) == []
    assert await _pending_task1(world) == {LAN, MAI, GROUP}
    assert not world.api.messages.get(MAI)
    # Only the assignee may hand back.
    assert "Đã giao việc" in (await world.harness.private(COORD).send("/giao 1 Mai")).text
    refused = (await world.harness.private(LAN).send("/tralai 1")).text
    assert "không được giao riêng cho anh/chị" in refused
    assert await world.scalar(select(func.count(AssignmentRow.id))) == 1


async def test_one_occurrence_is_assigned_and_the_detail_says_so(world: World) -> None:
    coord = world.harness.private(COORD)
    replies = await coord.send("/giao 1 20/8 Mai")
    assert "Đã giao việc mục <b>1</b>" in replies.text and "20/8/2025" in replies.text
    due = await world.scalar(select(AssignmentRow.due_date))
    assert due is not None and due.isoformat() == "2025-08-20"
    lan = world.harness.private(LAN)
    await lan.send("/sapden")  # task 1 first; its 📄 is the first of the list's
    detail = await lan.press("📄")
    assert "Đã giao cho Trần Thị Mai" in detail.text
    assert "↩️ Trả lại" not in detail.buttons  # Lan holds nothing to hand back
    mai = world.harness.private(MAI)
    await mai.send("/sapden")
    detail = await mai.press("📄")
    assert "↩️ Trả lại" in detail.buttons
    assert "Đã trả lại" in (await mai.press("↩️ Trả lại")).text
    assert await world.scalar(select(func.count(AssignmentRow.id))) == 0
    assert "không có hạn ngày 21/8" in (await coord.send("/giao 1 21/8 Mai")).text


async def test_giao_in_a_group_is_refused(world: World) -> None:
    replies = await world.harness.group(GROUP, LAN).send("/giao 1 Mai")
    assert "tin nhắn riêng" in replies.text
    assert await world.scalar(select(func.count(AssignmentRow.id))) == 0
