"""The Zalo channel over the fake Zalo server: linking, strangers, commands and typed actions,
questions, files, message ids handled once, the chat's numbers kept in the store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from fakebot.world import NOW, World, start_world, stop_world
from fakezalo.driver import ZaloWorld, start_zalo_world
from sqlalchemy import func, select

from bot.clock import fixed_clock
from handlers.zalo.router import FILE_REFUSED, STRANGER
from services import invites
from services.zalo import synthetic_telegram_id
from store.models import CompletionRow, OfficerRow, SnoozeRow, ZaloChatRow

LAN, HUNG = 501, 502  # Telegram officers of Sở Tư pháp and Sở Nội vụ
ZLAN = "zalo-lan-1"
TASK_TEXTS = ("Báo cáo <kết quả>", "Rà soát quy trình", "Cập nhật cơ sở dữ liệu", "Công khai kết quả")  # fmt: skip


@pytest.fixture
async def worlds(tmp_path: Path) -> AsyncIterator[tuple[World, ZaloWorld]]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    z = await start_zalo_world(w)
    yield w, z
    await z.stop()
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def _invite(w: World, unit: str) -> str:
    async with w.services.uow() as uow:
        code = await invites.create_invite(uow, w.ids[unit], None, w.services.now())
        await uow.commit()
    return code


async def _pair_from_telegram(w: World, z: ZaloWorld) -> None:
    text = (await w.harness.private(LAN).send("/zalo")).text
    code = text.split("<code>")[1].split("</code>")[0]
    assert "đã liên kết" in (await z.say(ZLAN, code, "Lan"))[0].lower()


async def test_a_stranger_gets_nothing_of_a_units_and_an_invite_code_links_the_chat(
    worlds: tuple[World, ZaloWorld],
) -> None:
    w, z = worlds
    for text in ("viec", "/quahan", "viec gi den han thang 8", "xong 1", "12345678"):
        replies = await z.say("stranger", text)
        assert len(replies) == 1, text
        assert not any(t in replies[0] for t in TASK_TEXTS), replies
    assert (await z.say("stranger", "viec"))[0] == STRANGER
    assert (await z.say("stranger", "huongdan"))[0] == STRANGER  # a command, not a code
    code = await _invite(w, "stp")
    linked = await z.say("newbie", code, "Chị Hoa")
    assert "Đã liên kết Zalo" in linked[0] and "Sở Tư pháp" in linked[0]
    officer = await w.scalar(select(OfficerRow).where(OfficerRow.name == "Chị Hoa"))
    assert officer.telegram_id == synthetic_telegram_id("newbie") < 0
    listed = (await z.say("newbie", "viec"))[0]
    assert "Báo cáo <kết quả> & tổng hợp" in listed  # plain text: nothing escaped
    assert "Cập nhật cơ sở dữ liệu" not in listed  # Sở Nội vụ's
    assert "xong 1" in listed
    again = await z.say("other", code)  # single use
    assert "đã được dùng" in again[0]


async def test_a_pairing_code_shown_on_telegram_links_the_same_officer(
    worlds: tuple[World, ZaloWorld],
) -> None:
    w, z = worlds
    await _pair_from_telegram(w, z)
    row = await w.scalar(select(ZaloChatRow))
    lan = await w.scalar(select(OfficerRow).where(OfficerRow.telegram_id == LAN))
    assert row.officer_id == lan.id and row.chat_id == ZLAN
    assert await w.scalar(select(func.count(OfficerRow.id))) == 2  # nobody new


async def test_the_question_gets_the_same_tasks_as_on_telegram_and_typed_done_is_recorded(
    worlds: tuple[World, ZaloWorld],
) -> None:
    w, z = worlds
    await _pair_from_telegram(w, z)
    question = "viec gi den han thang 8"
    on_telegram = (await w.harness.private(LAN).send(question)).text
    on_zalo = (await z.say(ZLAN, question))[0]
    assert len(on_zalo) <= 2000
    for text in ("Báo cáo", "Rà soát quy trình", "Cập nhật cơ sở dữ liệu", "Công khai"):
        assert (text in on_telegram) == (text in on_zalo), text
    assert "Báo cáo" in on_zalo and "1. [1]" in on_zalo
    done = (await z.say(ZLAN, "xong 1"))[0]
    assert "Đã ghi nhận hoàn thành" in done and "Báo cáo" in done
    rows = await w.all(select(CompletionRow.task_id, CompletionRow.unit_id))
    assert rows == [(w.ids["t1"], w.ids["stp"])]
    assert "đã được ghi nhận hoàn thành trước đó" in (await z.say(ZLAN, "/xong 1"))[0]  # once
    assert "Không có việc số 9" in (await z.say(ZLAN, "xong 9"))[0]
    # ↩️ on Zalo: «hoan tac 1» within 10 minutes takes the ✅ back; later it is refused.
    assert "hoan tac 1" in done
    assert "Đã hoàn tác" in (await z.say(ZLAN, "hoàn tác 1"))[0]
    assert await w.all(select(CompletionRow.id)) == []
    await z.say(ZLAN, "xong 1")
    w.services.clock = fixed_clock(NOW + timedelta(minutes=11))
    assert "10 phút" in (await z.say(ZLAN, "hoan tac 1"))[0]
    assert len(await w.all(select(CompletionRow.id))) == 1


async def test_snooze_and_detail_by_typed_actions_and_rights_checked(
    worlds: tuple[World, ZaloWorld],
) -> None:
    w, z = worlds
    await _pair_from_telegram(w, z)
    listed = (await z.say(ZLAN, "/sapden"))[0]
    assert "Việc đến hạn trong 14 ngày tới" in listed
    detail = (await z.say(ZLAN, "chi tiết 1"))[0]
    assert "📄 Mục 1" in detail and "Hạn: ngày 20/8/2025\nchậm nhất Thứ Ba, 19/8/2025" in detail
    snoozed = (await z.say(ZLAN, "hoãn 1 3 ngày"))[0]  # Monday + 3 working days
    assert "⏰ nhắc lại Thứ Năm, 21/8/2025 lúc 8 giờ" in snoozed
    assert await w.scalar(select(func.count(SnoozeRow.id))) == 1
    # A number pointing at another unit's task (a forged memory) is refused by the rights check.
    async with w.services.uow() as uow:
        chat = await uow.session.scalar(select(ZaloChatRow))
        chat.state = {"numbers": {"1": [w.ids["t3"], "2025-08-20"]}}
        await uow.commit()
    assert "không thuộc đơn vị" in (await z.say(ZLAN, "xong 1"))[0]
    assert await w.scalar(select(func.count(CompletionRow.id))) == 0


async def test_a_file_is_refused_with_how_to_send_a_plan(worlds: tuple[World, ZaloWorld]) -> None:
    w, z = worlds
    assert await z.send_file("anyone") == [FILE_REFUSED]
    assert "Telegram" in FILE_REFUSED and "python bot.py import" in FILE_REFUSED
    z.api.user_sends_photo("anyone", "A")
    assert "chỉ đọc tin nhắn chữ" in (await z.deliver(None, "anyone"))[0]


async def test_a_group_is_linked_by_an_entitled_officer_and_answers_mentions_about_its_unit(
    worlds: tuple[World, ZaloWorld],
) -> None:
    w, z = worlds
    await _pair_from_telegram(w, z)
    assert "Đã liên kết" in (await z.say("zalo-hung", await _invite(w, "snv"), "Hùng"))[0]

    async def in_group(user: str, text: str) -> list[str]:
        assert z.api.group_says("g1", user, "X", text) is not None
        return await z.deliver(None, "g1")

    assert z.api.group_says("g1", "u9", "A", "viec gi den han") is None  # not mentioned: never sent
    assert "chưa liên kết" in (await in_group("u9", "@TTHC viec"))[0]
    assert "Chỉ cán bộ của đơn vị" in (await in_group("zalo-hung", "@TTHC nhom Sở Tư pháp"))[0]
    assert (await in_group("u9", "@TTHC nhom Sở Tư pháp"))[0] == STRANGER
    assert "Đã liên kết nhóm với Sở Tư pháp" in (await in_group(ZLAN, "@TTHC nhóm Sở Tư pháp"))[0]
    listed = (await in_group("u9", "@TTHC viec"))[0]  # any member reads the group's unit
    assert "Báo cáo <kết quả>" in listed and "Cập nhật cơ sở dữ liệu" not in listed
    assert "chỉ xem được" in (await in_group("u9", "@TTHC donvi Sở Nội vụ"))[0]
    assert "Chỉ cán bộ của đơn vị đã liên kết" in (await in_group("u9", "@TTHC xong 1"))[0]
    assert "không thuộc đơn vị của nhóm" in (await in_group("zalo-hung", "@TTHC xong 1"))[0]
    assert await w.scalar(select(func.count(CompletionRow.id))) == 0
    assert "Đã ghi nhận hoàn thành" in (await in_group(ZLAN, "@TTHC xong 1"))[0]
    assert await w.all(select(CompletionRow.unit_id)) == [(w.ids["stp"],)]


async def test_each_message_id_is_handled_once(worlds: tuple[World, ZaloWorld]) -> None:
    w, z = worlds
    update = z.api.user_says("stranger", "A", "xin chao")
    await z.pump()
    z.api.push(update)  # the same message delivered again
    await z.pump()
    assert len(z.api.sent_to("stranger")) == 1
    # Ids older than a month are forgotten now and then (Zalo never redelivers them).
    from datetime import timedelta

    from handlers.zalo.router import PRUNE_EVERY
    from store.models import ZaloSeenRow

    async with w.services.uow() as uow:
        uow.session.add(ZaloSeenRow(message_id="old", seen_at=w.services.now() - timedelta(days=60)))  # fmt: skip
        await uow.commit()
    z.bot.handled = PRUNE_EVERY - 1
    await z.say("stranger", "lan nua")
    kept = [m for (m,) in await w.all(select(ZaloSeenRow.message_id))]
    assert "old" not in kept and update["message"]["message_id"] in kept


async def test_long_lists_are_cut_with_xem_them_and_numbers_continue(
    worlds: tuple[World, ZaloWorld],
) -> None:
    from datetime import date, timedelta

    from store.models import TaskDueRow, TaskRow, TaskUnitRow

    w, z = worlds
    async with w.services.uow() as uow:
        s = uow.session
        for i in range(40):
            task = TaskRow(plan_id=1, position=10 + i, ref=f"X.{i}", content=f"Việc dài số {i} " + "nội dung " * 15,
                           deadline="Tháng 8/2025", search_text="x", inferred=[])  # fmt: skip
            s.add(task)
            await s.flush()
            s.add(TaskUnitRow(task_id=task.id, role="lead", mention="stp", unit_id=w.ids["stp"]))
            day = date(2025, 8, 19) + timedelta(days=i % 10)
            s.add(TaskDueRow(task_id=task.id, due_date=day, last_day=day, before=False))
        await uow.commit()
    await _pair_from_telegram(w, z)
    first = (await z.say(ZLAN, "viec"))[0]
    assert len(first) <= 2000 and "xem thêm" in first
    second = (await z.say(ZLAN, "xem thêm"))[0]
    assert len(second) <= 2000
    last_first = max(int(line.split(".")[0]) for line in first.splitlines() if line[:1].isdigit() and ". " in line)  # fmt: skip
    assert f"\n{last_first + 1}. " in second  # the numbering goes on
    done = (await z.say(ZLAN, f"xong {last_first + 1}"))[0]
    assert "Đã ghi nhận hoàn thành" in done
