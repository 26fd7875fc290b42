"""/lich over the real PTB stack: the .ics document, who may have which unit's calendar."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from fakebot.world import World, start_world, stop_world
from icalendar import Calendar

from services.groups import link_group

LAN, HUNG, COORD, STRANGER = 501, 502, 800, 777  # Tư pháp, Nội vụ, a coordinator, nobody
GROUP = -100555


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)  # today: Monday 18/8/2025
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


def sent_calendar(world: World) -> tuple[str, Calendar, str]:
    """The last document sent: its file name, the parsed calendar and its caption."""
    call = world.api.calls("sendDocument")[-1]
    ((name, data),) = call.files.items()
    return name, Calendar.from_ical(bytes(data)), str(call.params.get("caption", ""))


def events(cal: Calendar) -> list[tuple[str, date]]:
    return [(str(ev["summary"]), ev.decoded("dtstart")) for ev in cal.walk("VEVENT")]


async def test_an_officer_gets_her_units_deadlines_as_a_calendar_file(world: World) -> None:
    replies = await world.harness.private(LAN).send("/lich")
    assert [r.method for r in replies.messages] == ["sendDocument"]
    name, cal, caption = sent_calendar(world)
    assert name == "han-kstthc-so-tu-phap.ics"
    assert str(cal["x-wr-calname"]) == "Hạn KSTTHC — Sở Tư pháp"
    # Task 4 (10/7) is past; task 3 is Sở Nội vụ's alone.
    assert events(cal) == [
        ("[1] Báo cáo <kết quả> & tổng hợp TTHC quý III (chủ trì)", date(2025, 8, 19)),
        ("[2] Rà soát quy trình nội bộ giải quyết TTHC (phối hợp)", date(2025, 8, 25)),
    ]
    assert "Thêm tất cả" in caption and "Google Calendar" in caption and "2 hạn" in caption


async def test_a_done_occurrence_is_not_in_the_next_file(world: World) -> None:
    chat = world.harness.private(LAN)
    await chat.send("/sapden")
    await chat.press("✅ 1")
    await chat.send("/lich")
    _, cal, _ = sent_calendar(world)
    assert [s for s, _ in events(cal)] == [
        "[2] Rà soát quy trình nội bộ giải quyết TTHC (phối hợp)"
    ]


async def test_a_coordinator_names_another_unit(world: World) -> None:
    replies = await world.harness.private(COORD).send("/lich Sở Nội vụ")
    assert [r.method for r in replies.messages] == ["sendDocument"]
    name, cal, _ = sent_calendar(world)
    assert name == "han-kstthc-so-noi-vu.ics"
    assert [d for _, d in events(cal)] == [date(2025, 8, 20), date(2025, 8, 25)]
    assert all(s.endswith("(chủ trì)") for s, _ in events(cal))
    # Without a name a coordinator with no unit is told how to name one.
    hint = (await world.harness.private(COORD).send("/lich")).text
    assert "/lich Sở Tư pháp" in hint


async def test_an_officer_naming_another_unit_is_refused(world: World) -> None:
    chat = world.harness.private(LAN)
    replies = await chat.send("/lich Sở Nội vụ")
    assert "Anh/chị chỉ xem được việc của đơn vị mình." in replies.text
    assert not world.api.calls("sendDocument")
    # Her own unit by name is fine.
    await chat.send("/lich STP")
    assert sent_calendar(world)[0] == "han-kstthc-so-tu-phap.ics"


async def test_an_unregistered_user_is_refused(world: World) -> None:
    replies = await world.harness.private(STRANGER).send("/lich Sở Tư pháp")
    assert "chưa đăng ký" in replies.text
    assert not world.api.calls("sendDocument")


async def test_an_unknown_unit_name_is_escaped(world: World) -> None:
    html = (await world.harness.private(COORD).send("/lich <b>Sở Không Có</b>")).text
    assert "Không tìm thấy đơn vị" in html and "&lt;b&gt;" in html
    assert not world.api.calls("sendDocument")


async def test_a_linked_group_gets_its_units_calendar_and_no_other(world: World) -> None:
    async with world.services.uow() as uow:
        await link_group(uow, GROUP, "Nhóm Sở Nội vụ", world.ids["snv"], HUNG,
                         world.services.now())  # fmt: skip
        await uow.commit()
    group = world.harness.group(GROUP, HUNG)
    await group.send("/lich")
    name, cal, _ = sent_calendar(world)
    assert name == "han-kstthc-so-noi-vu.ics" and len(events(cal)) == 2
    refused = await group.send("/lich Sở Tư pháp")
    assert "Anh/chị chỉ xem được việc của đơn vị mình." in refused.text
    assert len(world.api.calls("sendDocument")) == 1
