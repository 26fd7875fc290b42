"""Start-up and logs: the command menu is best-effort (a failing setMyCommands neither stops the
bot nor goes unretried), and an unreachable Telegram is logged once per outage, plainly."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from fakebot import BotHarness, FakeBotApi, Fault
from fakebot.world import start_world, stop_world
from telegram.error import NetworkError, TimedOut

from handlers import fallback
from handlers.app import configure, set_menu

LAN = 501


async def _until(check: Any, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not reached")


async def test_a_failing_set_my_commands_at_start_leaves_the_bot_answering_and_is_retried(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)

    def telegram_down_for_the_menu(api: FakeBotApi) -> None:
        api.fail("setMyCommands", Fault.bad_gateway(), times=2)

    world = await start_world(tmp_path, prepare=telegram_down_for_the_menu, menu_retry=0.2)
    try:
        await world.add_officer(LAN, "Lan", "stp")
        assert "Sở Tư pháp" in (await world.harness.private(LAN).send("/viec")).text
        # Retried until it is set: two 502s, then the menu.
        await _until(lambda: bool(world.api.commands))
        assert [r.status for r in world.api.calls("setMyCommands")] == [502, 502, 200]
        warnings = [r for r in caplog.records if "command menu not set" in r.getMessage()]
        assert len(warnings) == 2 and all(r.levelno == logging.WARNING for r in warnings)
        assert all(r.exc_info is None for r in warnings)
    finally:
        await stop_world(world)
    assert not world.harness.errors, world.harness.errors


async def test_a_menu_time_out_is_a_warning_not_a_crash(caplog: pytest.LogCaptureFixture) -> None:
    async def timed_out(_commands: Any) -> None:
        raise TimedOut("Timed out")

    app = SimpleNamespace(bot=SimpleNamespace(set_my_commands=timed_out), job_queue=None)
    assert await set_menu(app) is False
    assert [r.levelno for r in caplog.records] == [logging.WARNING]


def _context(error: BaseException, bot_data: dict[str, Any]) -> Any:
    return SimpleNamespace(error=error, application=SimpleNamespace(bot_data=bot_data))


async def test_failed_polls_are_one_plain_warning_per_outage_and_one_info_on_recovery(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    bot_data: dict[str, Any] = {}
    for exc in (NetworkError("httpx.ConnectError: All connection attempts failed"),
                TimedOut("Timed out"), NetworkError("Bad Gateway")):  # fmt: skip
        await fallback.on_error(None, _context(exc, bot_data))
    records = [(r.levelno, r.getMessage(), r.exc_info) for r in caplog.records]
    assert len(records) == 1
    level, message, exc_info = records[0]
    assert level == logging.WARNING and exc_info is None
    assert "Telegram unreachable" in message and "handler failed" not in message
    bot_data[fallback.OUTAGE].recovered()
    bot_data[fallback.OUTAGE].recovered()  # a second good poll says nothing
    assert [r.levelno for r in caplog.records] == [logging.WARNING, logging.INFO]
    assert "after 3 failed polls" in caplog.records[-1].getMessage()
    # The next outage is told again.
    await fallback.on_error(None, _context(NetworkError("Bad Gateway"), bot_data))
    assert [r.levelno for r in caplog.records] == [logging.WARNING, logging.INFO, logging.WARNING]


async def test_polling_through_an_outage_logs_it_once_and_its_end_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Over the fake Bot API, polling wired as run_polling wires it (errors to the error
    handler, no update): two failed polls, then a good one."""

    caplog.set_level(logging.INFO)
    api = FakeBotApi()
    await api.start()
    outage = fallback.Outage()
    builder = BotHarness.builder(api).get_updates_request(fallback.PollingRequest(outage))
    services = SimpleNamespace()  # no handler runs: only polls
    app = configure(builder, services, outage=outage)  # type: ignore[arg-type]
    api.fail("getUpdates", Fault.bad_gateway(), times=2)
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(
        poll_interval=0.0,
        timeout=1,
        error_callback=lambda exc: app.create_task(app.process_error(error=exc, update=None)),
    )
    try:
        await _until(lambda: len([r for r in api.calls("getUpdates") if r.status == 200]) >= 1, 10)
        await _until(lambda: any("reachable again" in r.getMessage() for r in caplog.records))
    finally:
        api.release_polls()
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        await api.stop()
    ours = [r for r in caplog.records if r.name == "handlers.fallback"]
    assert [(r.levelno, r.exc_info) for r in ours] == [
        (logging.WARNING, None),
        (logging.INFO, None),
    ]
    assert not any("handler failed" in r.getMessage() for r in caplog.records)
