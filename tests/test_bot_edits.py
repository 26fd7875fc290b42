"""An edited message is not a new one: editing a command or a question does nothing again."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot.world import World, start_world, stop_world

LAN = 501  # Lan: Sở Tư pháp


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


async def test_an_edited_command_or_question_is_not_run_again(world: World) -> None:
    chat = world.harness.private(LAN)
    assert (await chat.send("/viec")).text  # a new message is answered
    assert not (await chat.edit("/viec")).text
    assert not (await chat.edit("việc gì đến hạn tháng 8")).text
    # A new message after the edits is answered as usual.
    assert (await chat.send("việc gì đến hạn tháng 8")).text
