"""How the bot speaks, over the real PTB stack (DOMAIN §8): help by role, a plan it cannot fetch
or read gets its own message, a group's answers speak of the unit."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot.server import Fault
from fakebot.world import ADMIN_ID, World, start_world, stop_world
from sqlalchemy import func, select

from store.models import PlanRow

LAN, COORD = 501, 800  # an officer of Sở Tư pháp; a coordinator
GROUP = -100777
GENERIC = "Xin lỗi, bot gặp lỗi"
OFFICER_COMMANDS = ("/viec", "/sapden", "/quahan", "/xong", "/caidat", "/lich")
COORDINATOR_COMMANDS = ("/moi", "/tinhhinh", "gửi tệp kế hoạch")
ADMIN_COMMANDS = ("/ngaynghi them", "/ngaynghi bo")


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    await w.add_officer(ADMIN_ID, "Quản trị", None, "administrator")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


def _has(text: str, commands: tuple[str, ...]) -> list[bool]:
    return [c in text for c in commands]


async def test_an_officer_reads_only_officers_commands_and_that_done_counts_for_the_unit(
    world: World,
) -> None:
    for command in ("/huongdan", "/start"):
        text = (await world.harness.private(LAN).send(command)).text
        assert all(_has(text, OFFICER_COMMANDS)), (command, text)
        assert not any(_has(text, COORDINATOR_COMMANDS + ADMIN_COMMANDS)), (command, text)
        assert "✅ Xong ghi nhận cho <b>cả đơn vị</b>" in text
        assert "Văn phòng UBND tỉnh" not in text  # the coordinators' section


async def test_a_coordinator_also_reads_theirs_and_an_administrator_also_theirs(
    world: World,
) -> None:
    coordinator = (await world.harness.private(COORD).send("/huongdan")).text
    assert all(_has(coordinator, OFFICER_COMMANDS + COORDINATOR_COMMANDS)), coordinator
    assert not any(_has(coordinator, ADMIN_COMMANDS)), coordinator
    assert "cả đơn vị" in coordinator
    admin = (await world.harness.private(ADMIN_ID).send("/huongdan")).text
    assert all(_has(admin, OFFICER_COMMANDS + COORDINATOR_COMMANDS + ADMIN_COMMANDS)), admin


async def test_a_stranger_reads_the_officers_help(world: World) -> None:
    text = (await world.harness.private(4242).send("/huongdan")).text
    assert "/viec" in text and not any(_has(text, COORDINATOR_COMMANDS + ADMIN_COMMANDS))


async def _plans(world: World) -> int:
    return int(await world.scalar(select(func.count(PlanRow.id))))


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        (Fault(400, "Bad Request: file is too big"), "tệp quá lớn, tối đa 20 MB"),
        (Fault(400, "Bad Request: invalid file_id"), "không tải được tệp này từ Telegram"),
        (Fault(502, "Bad Gateway"), "gửi lại tệp sau ít phút"),
    ],
)
async def test_a_plan_telegram_will_not_hand_over_gets_its_own_message(
    world: World, fault: Fault, expected: str
) -> None:
    world.api.fail("getFile", fault)
    replies = await world.harness.private(COORD).send_document("ke_hoach.txt", b"Mot ke hoach")
    text = replies.text
    assert expected in text, text
    assert GENERIC not in text and "Bad Request" not in text and "Gateway" not in text
    assert "python bot.py import" in text or "gửi lại" in text  # says what to do
    assert await _plans(world) == 1  # only the seeded plan


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("ke_hoach.docx", b"PK\x03\x04" + b"\x00broken" * 40),  # a corrupt Word file
        ("ke_hoach.pdf", bytes(range(256)) * 8),  # not a PDF at all
    ],
)
async def test_a_corrupt_plan_file_gets_the_readers_message_and_what_to_do(
    world: World, name: str, data: bytes
) -> None:
    text = (await world.harness.private(COORD).send_document(name, data, "application/octet-stream")).text  # fmt: skip
    assert "Không đọc được tệp" in text and "lưu lại thành .docx" in text, text
    assert GENERIC not in text
    assert await _plans(world) == 1


async def test_a_groups_answers_speak_of_the_unit_never_of_you(world: World) -> None:
    world.api.set_chat_member(GROUP, LAN, "administrator")
    group = world.harness.group(GROUP, LAN)
    assert "Sở Tư pháp" in (await group.send("/nhom Sở Tư pháp")).text
    bot = f"@{world.api.username}"
    for question in ("việc gì đến hạn tháng 8", "chi tiết việc 1", "tôi chủ trì những việc gì", "việc quá hạn"):  # fmt: skip
        text = (await group.send(f"{bot} {question}")).text
        assert text, question
        assert "Bạn" not in text and "bạn:" not in text.lower(), (question, text)
    answer = (await group.send(f"{bot} việc gì đến hạn tháng 8")).text
    assert "Sở Tư pháp" in answer  # the unit, by its name
    for command in ("/viec", "/quahan"):
        text = (await group.send(command)).text
        assert "Sở Tư pháp" in text and "Bạn" not in text, (command, text)


async def test_a_unit_the_plan_names_twice_appears_once_by_its_official_name(world: World) -> None:
    from store.models import TaskUnitRow

    async with world.services.uow() as uow:  # the plan also wrote "STP" for Sở Tư pháp
        uow.session.add(TaskUnitRow(task_id=world.ids["t1"], role="lead", mention="STP", unit_id=world.ids["stp"]))  # fmt: skip
        await uow.commit()
    chat = world.harness.private(LAN)
    answer = (await chat.send("chi tiết việc 1")).text
    assert "Chủ trì: Sở Tư pháp" in answer and "STP" not in answer, answer
    await chat.send("/viec")
    detail = (await chat.press("📄 2")).text  # task 1, after task 4 (10/7)
    assert detail.count("Sở Tư pháp") == 1 and "STP" not in detail and "stp" not in detail, detail


async def test_zalo_help_is_by_role_too(world: World) -> None:
    from fakezalo.driver import start_zalo_world

    zalo = await start_zalo_world(world)
    try:
        for who, zalo_id in ((LAN, "zalo-lan"), (COORD, "zalo-coord")):
            text = (await world.harness.private(who).send("/zalo")).text
            code = text.split("<code>")[1].split("</code>")[0]
            assert "đã liên kết" in (await zalo.say(zalo_id, code))[0].lower()
        officer = (await zalo.say("zalo-lan", "huongdan"))[0]
        assert "viec" in officer and "cả đơn vị" in officer
        assert "moi TÊN ĐƠN VỊ" not in officer and "Văn phòng UBND tỉnh" not in officer
        coordinator = (await zalo.say("zalo-coord", "huongdan"))[0]
        assert "viec" in coordinator and "moi TÊN ĐƠN VỊ" in coordinator
    finally:
        await zalo.stop()
