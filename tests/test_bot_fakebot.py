"""The fake Bot API server speaks the protocol python-telegram-bot 22 expects, faults included."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fakebot import BotHarness, FakeBotApi, Fault
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes, MessageHandler, filters
from telegram.request import HTTPXRequest


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    b = Bot(
        api.token,
        base_url=api.base_url,
        base_file_url=api.base_file_url,
        request=HTTPXRequest(read_timeout=0.3),
    )
    async with b:
        yield b


async def test_get_me_and_send_message_are_answered_and_recorded_per_chat(
    api: FakeBotApi, bot: Bot
) -> None:
    assert bot.username == api.username
    msg = await bot.send_message(42, "<b>chào</b>", parse_mode="HTML")
    assert msg.message_id == 1 and msg.chat.id == 42
    assert [r.method for r in api.for_chat(42)] == ["sendMessage"]
    assert api.messages[42][1].text == "<b>chào</b>"


async def test_edits_apply_to_the_stored_message_and_an_identical_edit_is_refused(
    api: FakeBotApi, bot: Bot
) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a")]])
    msg = await bot.send_message(7, "một", reply_markup=markup)
    await bot.edit_message_text("hai", chat_id=7, message_id=msg.message_id)
    assert api.messages[7][msg.message_id].text == "hai"
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("hai", chat_id=7, message_id=msg.message_id)


async def test_injected_429_carries_retry_after_then_the_next_call_succeeds(
    api: FakeBotApi, bot: Bot
) -> None:
    api.fail("sendMessage", Fault.retry_after(5), chat_id=9)
    with pytest.raises(RetryAfter) as err:
        await bot.send_message(9, "x")
    assert "5" in str(err.value)
    await bot.send_message(9, "x")
    assert [r.status for r in api.calls("sendMessage")] == [429, 200]


async def test_permanent_errors_map_to_forbidden_and_bad_request(api: FakeBotApi, bot: Bot) -> None:
    api.fail("sendMessage", Fault.blocked())
    api.fail("sendMessage", Fault.chat_not_found())
    with pytest.raises(Forbidden, match="blocked"):
        await bot.send_message(1, "x")
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(1, "x")


async def test_bad_gateway_and_a_slow_answer_become_network_errors(
    api: FakeBotApi, bot: Bot
) -> None:
    api.fail("sendMessage", Fault.bad_gateway())
    with pytest.raises(NetworkError):
        await bot.send_message(1, "x")
    api.fail("sendMessage", Fault.delay(0.6))
    with pytest.raises(TimedOut):
        await bot.send_message(1, "x")


async def test_limits_give_429_on_the_second_message_to_one_private_chat_within_a_second(
    api: FakeBotApi, bot: Bot
) -> None:
    now = [100.0]
    api.clock = lambda: now[0]
    api.enforce_limits = True
    await bot.send_message(5, "1")
    with pytest.raises(RetryAfter):
        await bot.send_message(5, "2")
    await bot.send_message(6, "another chat is fine")
    now[0] += 1.01
    await bot.send_message(5, "3")


async def test_limits_allow_20_messages_a_minute_to_a_group(api: FakeBotApi, bot: Bot) -> None:
    now = [0.0]
    api.clock = lambda: now[0]
    api.enforce_limits = True
    for i in range(20):
        now[0] += 0.5
        await bot.send_message(-100, str(i))
    with pytest.raises(RetryAfter):
        await bot.send_message(-100, "21st within a minute")
    now[0] += 50.6  # the first send leaves the 60-second window
    await bot.send_message(-100, "later")


async def test_limits_allow_30_messages_a_second_overall(api: FakeBotApi, bot: Bot) -> None:
    api.clock = lambda: 7.0
    api.enforce_limits = True
    for chat in range(1, 31):
        await bot.send_message(chat, "x")
    with pytest.raises(RetryAfter):
        await bot.send_message(31, "31st in the same second")
    assert [r.status for r in api.calls("sendMessage")].count(429) == 1


async def test_get_file_serves_the_bytes_at_the_file_url(api: FakeBotApi, bot: Bot) -> None:
    api.add_file("F1", "kế hoạch".encode(), "documents/plan.txt")
    f = await bot.get_file("F1")
    assert f.file_size == len("kế hoạch".encode())
    assert bytes(await f.download_as_bytearray()) == "kế hoạch".encode()


async def test_a_real_application_polls_updates_and_answers_commands_and_buttons(
    api: FakeBotApi,
) -> None:
    async def hello(update, context: ContextTypes.DEFAULT_TYPE) -> None:  # type: ignore[no-untyped-def]
        kb = InlineKeyboardMarkup([[InlineKeyboardButton("Bấm", callback_data="p")]])
        await update.effective_message.reply_text("xin chào", reply_markup=kb)

    async def pressed(update, context: ContextTypes.DEFAULT_TYPE) -> None:  # type: ignore[no-untyped-def]
        await update.callback_query.answer("đã bấm")
        await update.callback_query.edit_message_text("đã bấm xong")

    async def echo(update, context: ContextTypes.DEFAULT_TYPE) -> None:  # type: ignore[no-untyped-def]
        await update.effective_message.reply_text(update.effective_message.text[::-1])

    h = BotHarness(api)
    h.app.add_handler(CommandHandler("hello", hello))
    h.app.add_handler(CallbackQueryHandler(pressed))
    h.app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    await h.start()
    try:
        chat = h.private(77)
        replies = await chat.send("/hello")
        assert replies.text == "xin chào" and replies.buttons == ["Bấm"]
        replies = await chat.press("Bấm")
        assert [r.method for r in replies] == ["answerCallbackQuery", "editMessageText"]
        assert (await chat.send("abc")).text == "cba"
    finally:
        await h.stop()
    assert not h.errors


async def test_documents_arrive_as_multipart_and_webhook_calls_are_recorded(
    api: FakeBotApi, bot: Bot
) -> None:
    await bot.send_document(3, b"noi dung", filename="bao-cao.txt", caption="Báo cáo")
    rec = api.calls("sendDocument")[0]
    assert rec.files == {"bao-cao.txt": b"noi dung"} and rec.params["caption"] == "Báo cáo"
    await bot.set_webhook("https://example.org/hook", secret_token="abc")
    assert api.webhook["url"] == "https://example.org/hook" and api.webhook["secret_token"] == "abc"
    await bot.delete_webhook()
    assert api.webhook == {}


async def test_json_bodies_are_accepted_like_form_fields(api: FakeBotApi) -> None:
    import httpx

    async with httpx.AsyncClient() as client:
        res = await client.post(f"{api.base_url}{api.token}/sendMessage", json={"chat_id": 4, "text": "hi"})  # fmt: skip
        wrong = await client.post(f"{api.base_url}wrong/getMe")
    assert res.json()["result"]["text"] == "hi" and api.messages[4][1].text == "hi"
    assert wrong.status_code == 401
