"""Runtime pieces: the officers CLI, the token kept out of logs, the webhook's secret token,
message splitting, and the reminder sender's buttons handled by the bot."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fakebot import BotHarness
from fakebot.world import World, start_world, stop_world
from sqlalchemy import func, select
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from cli.run import webhook_secret
from handlers.app import RedactToken, configure, protect_logs
from handlers.formatting import split_message
from store.models import CompletionRow

ROOT = Path(__file__).resolve().parent.parent
LAN, HUNG = 501, 502


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}  # fmt: skip
    return subprocess.run([sys.executable, str(ROOT / "bot.py"), *args], capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=120)  # fmt: skip


@pytest.mark.slow
def test_officers_cli_adds_lists_and_removes(tmp_path: Path) -> None:
    added = _cli(tmp_path, "officers", "add", "--name", "Chị Mai", "--telegram-id", "77",
                 "--role", "coordinator")  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = _cli(tmp_path, "officers", "list")
    assert "77\tcoordinator\tactive\tChị Mai" in listed.stdout
    assert _cli(tmp_path, "officers", "remove", "--telegram-id", "77").returncode == 0
    assert "77\tcoordinator\tremoved" in _cli(tmp_path, "officers", "list").stdout
    missing = _cli(tmp_path, "officers", "remove", "--telegram-id", "78")
    assert missing.returncode == 1 and "Không có cán bộ" in missing.stderr


def test_the_token_is_redacted_from_log_records_and_httpx_is_quieted() -> None:
    token = "123456:SECRET-token-value"
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1,
                               "HTTP Request: POST %s", (f"https://api.telegram.org/bot{token}/getMe",), None)  # fmt: skip
    assert RedactToken(token).filter(record)
    assert token not in record.getMessage() and "<TOKEN>" in record.getMessage()
    protect_logs(token)
    assert logging.getLogger("httpx").level == logging.WARNING
    try:
        raise RuntimeError(f"Client error for url 'https://api.telegram.org/bot{token}/getUpdates'")
    except RuntimeError:
        import sys as _sys

        failed = logging.LogRecord("telegram", logging.ERROR, __file__, 1, "failed", None, _sys.exc_info())  # fmt: skip
    assert RedactToken(token).filter(failed)
    text = logging.Formatter().format(failed)
    assert token not in text and "<TOKEN>" in text


def test_long_messages_are_split_under_telegrams_limit_at_line_breaks() -> None:
    lines = [f"<b>{i}</b> " + "việc " * 30 for i in range(100)]
    parts = split_message("\n".join(lines))
    assert len(parts) > 1 and all(len(p) <= 4096 for p in parts)
    assert "\n".join(parts) == "\n".join(lines)
    assert all(p.count("<b>") == p.count("</b>") for p in parts)
    huge = split_message("x" * 10000)
    assert [len(p) for p in huge] == [4096, 4096, 1808]


async def test_a_reminders_done_button_works_for_the_unit_and_is_refused_to_another(
    world: World,
) -> None:
    from datetime import date

    from bot.reminders.gather import task_buttons
    from reminders.telegram_port import TelegramPort

    t1 = world.ids["t1"]
    (_, done), _snooze, _detail = task_buttons(t1, date(2025, 8, 20))
    # Signed for Hùng's own chat, the press still checks his unit.
    replies = await world.harness.private(HUNG).press_data(world.services.sign(HUNG, done))
    assert "không thuộc đơn vị" in replies.answers[0].params["text"]
    lan = world.harness.private(LAN)
    port = TelegramPort(world.harness.app.bot)  # signs the buttons for the chat it sends to
    sent = await port.send(LAN, "Nhắc việc", [task_buttons(t1, date(2025, 8, 20))])
    msg = world.api.messages[LAN][sent]
    signed = msg.reply_markup["inline_keyboard"][0][0]["callback_data"]  # type: ignore[index]
    assert signed.startswith(done + ":") and world.services.verify(LAN, signed) is not None
    replies = await lan.press_data(signed, msg)
    assert "Đã ghi nhận hoàn thành" in replies.text
    assert world.api.messages[LAN][sent].reply_markup in (None, {}, "")  # buttons gone
    assert await world.scalar(select(func.count(CompletionRow.id))) == 1


async def test_an_unsigned_reminder_button_is_refused_as_stale_and_changes_nothing(
    world: World,
) -> None:
    from datetime import date

    from bot.reminders.gather import task_buttons

    lan = world.harness.private(LAN)
    for _label, data in task_buttons(world.ids["t1"], date(2025, 8, 20))[:2]:  # rd:…, rs:… unsigned
        sent = await world.harness.app.bot.send_message(LAN, "Nhắc việc", reply_markup=InlineKeyboardMarkup(
            [[InlineKeyboardButton("x", callback_data=data)]]))  # fmt: skip
        replies = await lan.press_data(data, world.api.messages[LAN][sent.message_id])
        assert "đã cũ" in replies.answers[0].params["text"], data
        assert "/quahan" in replies.answers[0].params["text"]
        assert not replies.messages
    assert await world.scalar(select(func.count(CompletionRow.id))) == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_the_webhook_refuses_a_wrong_secret_token_and_processes_a_right_one(
    world: World,
) -> None:
    api = world.api
    app = configure(BotHarness.builder(api), world.services)
    port = _free_port()
    secret = "s3cret_Token-1"
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_webhook(listen="127.0.0.1", port=port, url_path="telegram",
                                    webhook_url="https://example.org/telegram", secret_token=secret)  # fmt: skip
    try:
        assert api.webhook["url"] == "https://example.org/telegram"
        assert api.webhook["secret_token"] == secret
        update = {"update_id": 9001, "message": {"message_id": 1, "date": 0, "text": "/huongdan",
                  "chat": {"id": LAN, "type": "private", "first_name": "Lan"},
                  "from": {"id": LAN, "is_bot": False, "first_name": "Lan"},
                  "entities": [{"type": "bot_command", "offset": 0, "length": 9}]}}  # fmt: skip
        url = f"http://127.0.0.1:{port}/telegram"
        async with httpx.AsyncClient() as client:
            bad = await client.post(url, content=json.dumps(update),
                                    headers={"Content-Type": "application/json",
                                             "X-Telegram-Bot-Api-Secret-Token": "wrong"})  # fmt: skip
            assert bad.status_code == 403
            good = await client.post(url, content=json.dumps(update),
                                     headers={"Content-Type": "application/json",
                                              "X-Telegram-Bot-Api-Secret-Token": secret})  # fmt: skip
            assert good.status_code == 200
        for _ in range(200):
            if any("Hướng dẫn" in str(r.params.get("text")) for r in api.for_chat(LAN)):
                break
            await asyncio.sleep(0.01)
        texts = [str(r.params.get("text")) for r in api.for_chat(LAN)]
        assert sum("Hướng dẫn" in t for t in texts) == 1  # only the update with the right secret
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


def test_the_webhook_secret_is_derived_from_the_token_when_not_set() -> None:
    from bot.settings import Settings

    derived = webhook_secret(Settings(bot_token="1:abc"))
    assert derived == webhook_secret(Settings(bot_token="1:abc")) != webhook_secret(Settings(bot_token="1:abd"))  # fmt: skip
    assert "abc" not in derived and derived.isalnum()
    assert webhook_secret(Settings(bot_token="1:abc", webhook_secret="mine")) == "mine"


@pytest.mark.slow
async def test_python_bot_py_with_a_token_long_polls_answers_and_never_logs_the_token(
    tmp_path: Path,
) -> None:
    import os
    import signal

    from fakebot import FakeBotApi

    api = FakeBotApi(token="424242:VERY-secret-token")
    await api.start()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url,
           "TELEGRAM_FILE_BASE_URL": api.base_file_url, "TTHC_ADMIN_IDS": "77"}  # fmt: skip
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    lines: list[str] = []

    async def collect() -> None:
        assert proc.stdout is not None
        async for raw in proc.stdout:
            lines.append(raw.decode(errors="replace"))

    reader = asyncio.create_task(collect())
    try:
        for _ in range(600):
            if api.calls("getUpdates"):
                break
            await asyncio.sleep(0.05)
        api.push_update({"message": {"message_id": 1, "date": 0, "text": "/start",
                         "chat": {"id": 77, "type": "private", "first_name": "A"},
                         "from": {"id": 77, "is_bot": False, "first_name": "A"},
                         "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}})  # fmt: skip
        for _ in range(600):
            if api.calls("sendMessage"):
                break
            await asyncio.sleep(0.05)
        assert "Chào A" in str(api.calls("sendMessage")[0].params["text"])
        assert {c["command"] for c in api.commands} >= {"viec", "huongdan"}
        for _ in range(200):  # the reminders' planner runs in the bot's loop from the start
            if any("reminders planned" in line for line in lines):
                break
            await asyncio.sleep(0.05)
    finally:
        api.release_polls()
        if proc.returncode is None:
            os.kill(proc.pid, signal.SIGINT)
        await asyncio.wait_for(proc.wait(), 60)
        await reader
        await api.stop()
    logs = "".join(lines)
    assert "VERY-secret-token" not in logs
    assert "starting long polling" in logs
    assert "reminders planned" in logs


@pytest.mark.slow
async def test_python_bot_py_with_a_webhook_url_serves_the_webhook_checking_the_secret(
    tmp_path: Path,
) -> None:
    import os
    import signal

    from fakebot import FakeBotApi

    api = FakeBotApi()
    await api.start()
    port = _free_port()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url,
           "TELEGRAM_FILE_BASE_URL": api.base_file_url, "TTHC_WEBHOOK_URL": "https://example.org/hook",
           "TTHC_WEBHOOK_PORT": str(port), "TTHC_WEBHOOK_SECRET": "s3cret"}  # fmt: skip
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "text": "/huongdan",
              "chat": {"id": 5, "type": "private", "first_name": "A"},
              "from": {"id": 5, "is_bot": False, "first_name": "A"},
              "entities": [{"type": "bot_command", "offset": 0, "length": 9}]}}  # fmt: skip
    try:
        for _ in range(600):
            if api.webhook:
                break
            await asyncio.sleep(0.05)
        assert api.webhook["url"] == "https://example.org/hook"
        assert api.webhook["secret_token"] == "s3cret"
        url = f"http://127.0.0.1:{port}/hook"
        async with httpx.AsyncClient() as client:
            for _ in range(100):
                try:
                    bad = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "no"})  # fmt: skip
                    break
                except httpx.ConnectError:
                    await asyncio.sleep(0.05)
            assert bad.status_code == 403
            good = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"})  # fmt: skip
            assert good.status_code == 200
        for _ in range(200):
            if api.calls("sendMessage"):
                break
            await asyncio.sleep(0.05)
        sent = api.calls("sendMessage")
        assert len(sent) == 1 and "Hướng dẫn" in str(
            sent[0].params["text"]
        )  # the right secret only
    finally:
        if proc.returncode is None:
            os.kill(proc.pid, signal.SIGINT)
        await asyncio.wait_for(proc.communicate(), 60)
        await api.stop()
