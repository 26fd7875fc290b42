"""One table of officer-command cases run through both adapters (Telegram over tests/fakebot,
Zalo over tests/fakezalo), the settings, the webhook's secret, and both channels in one process."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fakebot import FakeBotApi
from fakebot.world import World, start_world, stop_world
from fakezalo import FakeZaloApi
from fakezalo.driver import ZaloWorld, start_zalo_world

from bot.settings import DEFAULT_ZALO_BASE, Settings
from handlers.zalo.render import LIMIT, Item, layout
from handlers.zalo.runner import SECRET_HEADER, Webhook, secret_ok

ROOT = Path(__file__).resolve().parent.parent
LAN = 501
ZLAN = "zalo-lan"

# (Telegram command, what is typed on Zalo, texts both show, texts neither shows, numbered actions)
CASES = [
    ("/viec", "viec", ["Việc của đơn vị — Sở Tư pháp", "Báo cáo", "Công khai kết quả"],
     ["Cập nhật cơ sở dữ liệu"], True),
    ("/sapden", "sap den", ["14 ngày", "19/8/2025", "25/8/2025"], ["10/7/2025"], True),
    ("/quahan", "/quahan", ["Công khai kết quả"], ["19/8/2025"], True),
    ("/tuan", "Tuần", ["tuần này", "19/8/2025"], ["25/8/2025"], True),
    ("/thang 7", "tháng 7", ["Công khai kết quả", "tháng 7/2025"], ["Rà soát"], True),
    ("/thang 13", "thang 13", ["từ 1 đến 12"], ["Báo cáo"], False),
    ("/donvi Sở Nội vụ", "donvi Sở Nội vụ", ["chỉ xem được việc của đơn vị mình"], ["Cập nhật"], False),  # fmt: skip
    ("/donvi Sở Tư pháp", "/donvi sở tư pháp", ["Sở Tư pháp", "Báo cáo"], ["Cập nhật"], True),
    ("/huongdan", "huongdan", ["sapden", "quahan", "thang"], ["Báo cáo"], False),
]  # fmt: skip


@pytest.fixture
async def worlds(tmp_path: Path) -> AsyncIterator[tuple[World, ZaloWorld]]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    z = await start_zalo_world(w)
    text = (await w.harness.private(LAN).send("/zalo")).text
    await z.say(ZLAN, text.split("<code>")[1].split("</code>")[0], "Lan")
    yield w, z
    await z.stop()
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


@pytest.mark.parametrize(("telegram", "typed", "shown", "hidden", "actions"), CASES)
async def test_officer_commands_through_both_adapters(
    worlds: tuple[World, ZaloWorld],
    telegram: str,
    typed: str,
    shown: list[str],
    hidden: list[str],
    actions: bool,
) -> None:
    w, z = worlds
    tg = await w.harness.private(LAN).send(telegram)
    zl = await z.say(ZLAN, typed)
    assert len(zl) == 1 and len(zl[0]) <= LIMIT
    for rendering in (tg.text, zl[0]):
        for text in shown:
            assert text in rendering, (text, rendering)
        for text in hidden:
            assert text not in rendering, (text, rendering)
    # Buttons on Telegram, typed actions on Zalo.
    assert ("✅ 1" in tg.buttons) == actions
    assert ("«xong 1»" in zl[0]) == actions
    assert "<b>" not in zl[0]


def test_layout_keeps_every_page_under_the_limit_and_numbers_each_item_once() -> None:
    items = [Item((f"việc {i} " + "x" * 300, "dòng hai"), target=(i, None)) for i in range(30)]
    seen, skip = [], 0
    while True:
        page = layout("Danh sách", items, first_number=skip + 1, skip=skip)
        assert len(page.text) <= LIMIT
        seen.extend(page.numbers)
        if page.next_skip is None:
            assert "xem thêm" not in page.text
            break
        assert "xem thêm" in page.text
        skip = page.next_skip
    assert seen == list(range(1, 31))


def test_zalo_settings_are_read_with_the_others() -> None:
    s = Settings.from_env({"ZALO_BOT_TOKEN": "1:z", "ZALO_API_BASE_URL": "http://h:1/",
                           "ZALO_WEBHOOK_URL": "https://x/zalo", "ZALO_WEBHOOK_SECRET": "abcdefgh",
                           "ZALO_MONTHLY_QUOTA": "500"})  # fmt: skip
    assert (s.zalo_bot_token, s.zalo_api_base_url, s.zalo_webhook_url) == ("1:z", "http://h:1", "https://x/zalo")  # fmt: skip
    assert s.zalo_webhook_secret == "abcdefgh" and s.zalo_monthly_quota == 500
    assert "1:z" not in repr(s) and "abcdefgh" not in repr(s)
    assert Settings.from_env({}).zalo_api_base_url == DEFAULT_ZALO_BASE
    assert Settings.from_env({}).zalo_bot_token is None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_the_zalo_webhook_refuses_a_wrong_secret_and_handles_a_right_one(
    worlds: tuple[World, ZaloWorld],
) -> None:
    w, z = worlds
    assert secret_ok("s3cret-token", "s3cret-token") and not secret_ok("s3cret-token", None)
    port = _free_port()
    hook = Webhook(z.bot, "s3cret-token", port, "zalo")
    hook.start(listen="127.0.0.1")
    update = z.api.user_says(ZLAN, "Lan", "quahan")
    z.api._updates.clear()  # delivered by the webhook, not by polling
    try:
        async with httpx.AsyncClient() as client:
            url = f"http://127.0.0.1:{port}/zalo"
            bad = await client.post(url, json=update, headers={SECRET_HEADER: "wrong"})
            assert bad.status_code == 403
            missing = await client.post(url, json=update)
            assert missing.status_code == 403
            mark = len(z.api.sent_to(ZLAN))
            good = await client.post(url, json=update, headers={SECRET_HEADER: "s3cret-token"})
            assert good.status_code == 200
            again = await client.post(url, json=update, headers={SECRET_HEADER: "s3cret-token"})
            assert again.status_code == 200
        for _ in range(100):
            if len(z.api.sent_to(ZLAN)) > mark:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)
        sent = z.api.sent_to(ZLAN)[mark:]
        assert len(sent) == 1 and "Công khai kết quả" in sent[0]  # once per message id
    finally:
        await hook.stop()


@pytest.mark.slow
async def test_python_bot_py_with_both_tokens_answers_on_both_channels(tmp_path: Path) -> None:
    tg = FakeBotApi(token="424242:TG-secret")
    zl = FakeZaloApi(token="8080:ZL-secret")
    await tg.start()
    await zl.start()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "TELEGRAM_BOT_TOKEN": tg.token, "TELEGRAM_API_BASE_URL": tg.base_url,
           "TELEGRAM_FILE_BASE_URL": tg.base_file_url, "ZALO_BOT_TOKEN": zl.token,
           "ZALO_API_BASE_URL": zl.base_url}  # fmt: skip
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    try:
        for _ in range(600):
            if tg.calls("getUpdates") and zl.calls("getUpdates"):
                break
            await asyncio.sleep(0.05)
        tg.push_update({"message": {"message_id": 1, "date": 0, "text": "/huongdan",
                        "chat": {"id": 77, "type": "private", "first_name": "A"},
                        "from": {"id": 77, "is_bot": False, "first_name": "A"},
                        "entities": [{"type": "bot_command", "offset": 0, "length": 9}]}})  # fmt: skip
        zl.user_says("z77", "A", "xin chào")
        for _ in range(600):
            if tg.calls("sendMessage") and zl.sent_to("z77"):
                break
            await asyncio.sleep(0.05)
        assert "Hướng dẫn" in str(tg.calls("sendMessage")[0].params["text"])
        assert zl.sent_to("z77")[0].startswith("Bot này dành cho cán bộ")
    finally:
        tg.release_polls()
        if proc.returncode is None:
            os.kill(proc.pid, signal.SIGINT)
        out, _ = await asyncio.wait_for(proc.communicate(), 60)
        await tg.stop()
        await zl.stop()
    logs = out.decode(errors="replace")
    assert "TG-secret" not in logs and "ZL-secret" not in logs
    assert "starting long polling" in logs and "zalo long polling" in logs


@pytest.mark.slow
async def test_python_bot_py_with_a_zalo_webhook_registers_it_and_checks_the_secret(
    tmp_path: Path,
) -> None:
    zl = FakeZaloApi(token="8081:ZL-hook-secret")
    await zl.start()
    port = _free_port()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "ZALO_BOT_TOKEN": zl.token, "ZALO_API_BASE_URL": zl.base_url,
           "ZALO_WEBHOOK_URL": "https://example.org/zalo-hook", "ZALO_WEBHOOK_SECRET": "hook-s3cret",
           "ZALO_WEBHOOK_PORT": str(port)}  # fmt: skip
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    update = {"event_name": "message.text.received", "message": {
        "from": {"id": "z5", "display_name": "A", "is_bot": False},
        "chat": {"id": "z5", "chat_type": "PRIVATE"}, "text": "huongdan",
        "message_id": "mid-1", "date": 1733300000000}}  # fmt: skip
    zl.push(update)
    zl._updates.clear()  # the chat is known to the server; the update comes by the webhook
    try:
        for _ in range(600):
            if zl.webhook:
                break
            await asyncio.sleep(0.05)
        assert zl.webhook == {"url": "https://example.org/zalo-hook", "secret_token": "hook-s3cret"}
        assert not zl.calls("getUpdates")  # a webhook excludes polling
        url = f"http://127.0.0.1:{port}/zalo-hook"
        async with httpx.AsyncClient() as client:
            for _ in range(100):
                try:
                    bad = await client.post(url, json=update, headers={SECRET_HEADER: "nope"})
                    break
                except httpx.ConnectError:
                    await asyncio.sleep(0.05)
            assert bad.status_code == 403
            good = await client.post(url, json=update, headers={SECRET_HEADER: "hook-s3cret"})
            assert good.status_code == 200
        for _ in range(200):
            if zl.sent_to("z5"):
                break
            await asyncio.sleep(0.05)
        assert len(zl.sent_to("z5")) == 1  # the right secret only
    finally:
        if proc.returncode is None:
            os.kill(proc.pid, signal.SIGINT)
        out, _ = await asyncio.wait_for(proc.communicate(), 60)
        await zl.stop()
    logs = out.decode(errors="replace")
    assert "ZL-hook-secret" not in logs and "hook-s3cret" not in logs
    assert "zalo webhook on port" in logs


async def test_the_fake_zalo_server_speaks_the_bot_platform_protocol() -> None:
    from handlers.zalo.api import ZaloApi, ZaloError

    zl = FakeZaloApi()
    await zl.start()
    client = ZaloApi(zl.token, zl.base_url)
    try:
        me = await client.get_me()
        assert isinstance(me["id"], str) and me["can_join_groups"] is True
        assert await client.get_update(timeout=1) is None  # idle: 408 Request timeout
        assert zl.requests[-1][0] == "getUpdates" and zl.requests[-1][2] == 408
        first, second = zl.user_says("u1", "A", "một"), zl.user_says("u1", "A", "hai")
        got = await client.get_update(timeout=1)
        assert got == first and "update_id" not in got  # one update per poll, no offset
        assert isinstance(got["message"]["message_id"], str)
        assert got["message"]["date"] > 10**12  # milliseconds
        assert await client.get_update(timeout=1) == second
        assert isinstance(await client.send_message("u1", "x" * 2000), str)
        for bad, code in (("x" * 2001, 400), ("", 400)):
            with pytest.raises(ZaloError) as err:
                await client.call("sendMessage", chat_id="u1", text=bad)
            assert err.value.code == code
        with pytest.raises(ZaloError) as err:
            await client.send_message("never-wrote", "hi")  # only to those who wrote first
        assert err.value.code == 403
        zl.quota_exceeded(1)
        with pytest.raises(ZaloError) as err:
            await client.send_message("u1", "hi")
        assert (err.value.code, err.value.description) == (429, "Quota exceeded")
        await client.send_photo("u1", "https://example.org/p.png", "ảnh")
        await client.send_chat_action("u1")
        assert zl.sent[-1].method == "sendPhoto" and zl.actions == [("u1", "typing")]
        assert zl.user_sends_file("u1", "A")["event_name"] == "message.unsupported.received"
        assert zl.group_says("g", "u1", "A", "không nhắc bot") is None
        assert (
            zl.group_says("g", "u1", "A", "@TTHC viec")["message"]["chat"]["chat_type"] == "GROUP"
        )  # type: ignore[index]
        long_text = await client.send_message("u1", "y" * 2500)  # the client cuts to the limit
        assert long_text and len(zl.sent[-1].text) == 2000
    finally:
        await client.close()
        await zl.stop()
